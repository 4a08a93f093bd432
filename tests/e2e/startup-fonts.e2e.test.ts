import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { hostSession, openApp } from './workspace-support';
import { FONT_SOURCES } from '../../src-main/fonts/provider';

/** The faces Banmian ships (song, hei, kai, biaosong; regular and bold). */
const BUNDLED = FONT_SOURCES.flatMap((s) => s.faces()).map((f) => f.id);

/**
 * The fonts at start: every face the host offers is fetched once through HostApi.fontBytes (those
 * the first page needs before it is shown, the others when idle) and declared to the browser from
 * those bytes, so the screen draws with the very files layout measured.
 */
describe.skipIf(!chromiumAvailable())('the fonts at start', () => {
  const web = hostSession();

  it('declares the faces the first page draws with before showing it, the rest after', async () => {
    const app = await web.browser.newPage({ viewport: { width: 1440, height: 950 }, deviceScaleFactor: 1 });
    // Note when each face is handed to the browser and when the page first shows text.
    await app.addInitScript(() => {
      const w = window as unknown as { __events: string[] };
      w.__events = [];
      const add = document.fonts.add.bind(document.fonts);
      document.fonts.add = (face: FontFace) => (w.__events.push(`face ${face.family}`), add(face));
      // Each face asked of the host (HostApi.fontBytes: POST /api/fontBytes with its id).
      const fetch = window.fetch.bind(window);
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input).endsWith('/api/fontBytes')) w.__events.push(`fetch ${JSON.parse(String(init?.body))[0]}`);
        return fetch(input, init);
      };
      new MutationObserver((_, mo) => {
        if (!document.querySelector('[data-testid="page"] text')) return;
        w.__events.push('page');
        mo.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await app.goto(web.host.url);
    await app.waitForSelector('[data-testid="page"] svg text', { timeout: 90_000 });
    await expect.poll(() => app.evaluate(() => (window as unknown as { __events: string[] }).__events.filter((e) => !e.startsWith('fetch ')).length), { timeout: 30_000 }).toBe(BUNDLED.length + 1);
    const all = await app.evaluate(() => (window as unknown as { __events: string[] }).__events);
    // Issue 18: only the faces the first page's styles and the window use are fetched before it is
    // shown (a second launch read ~110 MB from the HTTP cache first); the others when idle, once each.
    // The sample's faces: 标宋 (its top headlines), 黑 and 黑 bold, 楷 (bylines, captions), 宋 (the text).
    const pageFaces = ['biaosong-regular', 'hei-bold', 'hei-regular', 'kai-regular', 'song-regular'];
    const fetchedFirst = all.slice(0, all.indexOf('page')).filter((e) => e.startsWith('fetch ')).sort();
    expect(fetchedFirst).toEqual(pageFaces.map((id) => `fetch ${id}`));
    expect(all.filter((e) => e.startsWith('fetch ')).sort()).toEqual(BUNDLED.map((id) => `fetch ${id}`).sort());
    const events = all.filter((e) => !e.startsWith('fetch '));
    // The sample page draws with those faces and no other (no text in 宋体 bold: that face comes after the page is shown).
    const used = await app.evaluate(() => [...new Set([...document.querySelectorAll('[data-testid="page"] text')].map((t) => t.getAttribute('font-family')))]);
    expect(used.sort()).toEqual(pageFaces.map((id) => `bm-${id}`));
    expect(used).not.toContain('bm-song-bold');
    const first = pageFaces.map((id) => `face bm-${id}`);
    expect(events.slice(0, first.length).sort()).toEqual(first);
    expect(events[first.length]).toBe('page');
    expect(events.slice(first.length + 1).sort()).toEqual(BUNDLED.map((id) => `face bm-${id}`).filter((e) => !first.includes(e)).sort());
    await app.close();
  });

  it('draws the page with the bundled faces, each fetched once from the host', async () => {
    const problems: string[] = [];
    const app = await openApp(web.browser, web.host.url, problems);
    // The faces the first page does not draw with are declared once it is up (App).
    const faces = () => app.evaluate(() => [...document.fonts].map((f) => `${f.family}:${f.status}`).sort());
    await expect.poll(faces, { timeout: 30_000 }).toEqual(BUNDLED.map((id) => `bm-${id}:loaded`).sort());
    expect(await app.evaluate(() => document.fonts.check('12px "bm-song-regular"', '报社'))).toBe(true);
    expect(await app.locator('[data-testid="page"] svg text').count()).toBeGreaterThan(100);
    // Fetched once each, through the HostApi only (no second download for the browser's copy).
    const calls = await app.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => /fontBytes|\.(ttf|otf|woff2?)$/.test(p)));
    expect(calls).toEqual(BUNDLED.map(() => '/api/fontBytes'));
    expect(problems).toEqual([]);
    await app.close();
  });

  it('leaves fontkit’s WOFF2 decoder out of the window (its dictionary cost every start ~50 ms)', async () => {
    const html = await (await fetch(web.host.url)).text();
    const scripts = [...html.matchAll(/<script[^>]+src="\.?\/?([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    const code = (await Promise.all(scripts.map(async (src) => (await fetch(new URL(src, web.host.url))).text()))).join('\n');
    expect(code).toContain('WOFF2 fonts are not read in the window');
    expect(code).not.toContain('BrotliDecompress');
  });
});
