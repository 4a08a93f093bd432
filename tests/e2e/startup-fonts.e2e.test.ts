import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { hostSession, openApp } from './workspace-support';
import { FONT_SOURCES, fontProvider } from '../../src-main/fonts/provider';
import { layout } from '../../src-core/layout/layout';
import { pageToSvg } from '../../src-core/svg/page-svg';
import { samplePage } from '../../bench/pages';
import { bundledAdvance, cssFamily } from '../support/render-page';

/** The faces Banmian ships (song, hei, kai, biaosong; regular and bold). */
const BUNDLED = FONT_SOURCES.flatMap((s) => s.faces()).map((f) => f.id);

/**
 * The fonts at start: every face the host offers is fetched once through HostApi.fontBytes (those
 * the first page needs before it is shown, the others when idle) and declared to the browser from
 * those bytes, so the screen draws with the very files layout measured.
 */
/** Each line of text in SVG markup, as `font-family|font-size|x|y|text`, sorted (the app draws a page as several layers). */
function linesOf(svg: string): string[] {
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
  return [...svg.matchAll(/(<text\b[^>]*>)(.*?)<\/text>/gs)].map(([, tag, body]) => [attr(tag, 'font-family'), attr(tag, 'font-size'), attr(tag, 'x'), attr(tag, 'y'), body.replace(/<[^>]+>/g, '')].join('|')).sort();
}

describe.skipIf(!chromiumAvailable())('the fonts at start', () => {
  const web = hostSession();

  it('shows the first page in the window’s and the body’s faces, then lays it out again with the rest: drawn as the host lays it out', async () => {
    const app = await web.browser.newPage({ viewport: { width: 1440, height: 950 }, deviceScaleFactor: 1 });
    // Note when each face is handed to the browser, and the faces of the page's text when it first shows.
    await app.addInitScript(() => {
      const w = window as unknown as { __events: string[]; __firstFaces: string[] };
      w.__events = [];
      const add = document.fonts.add.bind(document.fonts);
      document.fonts.add = (face: FontFace) => (w.__events.push(`face ${face.family}`), add(face));
      new MutationObserver((_, mo) => {
        const texts = [...document.querySelectorAll('[data-testid="page"] text')];
        if (texts.length === 0) return;
        w.__events.push('page');
        w.__firstFaces = [...new Set(texts.map((t) => t.getAttribute('font-family')!))].sort();
        mo.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await app.goto(web.host.url);
    await app.waitForSelector('[data-testid="page"] svg text', { timeout: 90_000 });
    // Issue 18: a second launch spent ~700 ms reading the page's five faces (~67 MB) from the HTTP
    // cache before it showed anything. The window's faces (宋体, 黑体 regular: the body text's and the
    // window's own) are declared before the page is shown, and its first drawing uses no other.
    const windowFaces = ['bm-hei-regular', 'bm-song-regular'];
    await expect.poll(() => app.evaluate(() => (window as unknown as { __events: string[] }).__events.length), { timeout: 30_000 }).toBe(BUNDLED.length + 1);
    const events = await app.evaluate(() => (window as unknown as { __events: string[] }).__events);
    const atPage = events.indexOf('page');
    expect(events.slice(0, atPage).sort()).toEqual(windowFaces.map((f) => `face ${f}`));
    expect(events.slice(atPage + 1).sort()).toEqual(BUNDLED.map((id) => `face bm-${id}`).filter((e) => !events.slice(0, atPage).includes(e)).sort());
    expect(await app.evaluate(() => (window as unknown as { __firstFaces: string[] }).__firstFaces)).toEqual(windowFaces);
    // Once its other faces are here the page is laid out again: line for line what the host lays out
    // with every face open (and prints): each line's face, size, place and text. The sample's faces:
    // 标宋 (its top headlines), 黑 and 黑 bold, 楷 (bylines, captions), 宋 (the text).
    const host = linesOf(pageToSvg(layout(samplePage(), { fonts: fontProvider().registry() }), { fontFamily: cssFamily, advance: bundledAdvance() }));
    expect(new Set(host.map((l) => l.split('|')[0]))).toEqual(new Set(['bm-biaosong-regular', 'bm-hei-bold', 'bm-hei-regular', 'bm-kai-regular', 'bm-song-regular']));
    await expect.poll(() => app.evaluate(() => [...document.querySelectorAll('[data-testid="page"] svg')].map((s) => s.outerHTML)).then((svgs) => linesOf(svgs.join(''))), { timeout: 30_000 }).toEqual(host);
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
