import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startWebHost, type WebHost } from '../../src-main/web-host/server';
import { chromiumAvailable, launchChromium } from '../support/browser';
import { openApp, requireBuild } from './workspace-support';

/**
 * The fonts at start: the web host also serves each face by URL, so the browser decodes the faces
 * it draws with off the main thread; they must be the very files layout measured.
 */
describe.skipIf(!chromiumAvailable())('the fonts at start on the web host', () => {
  let host: WebHost;
  let browser: Browser;
  beforeAll(async () => {
    requireBuild();
    host = await startWebHost({ port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('serves fonts/<id>.ttf with exactly the bytes of HostApi.fontBytes', async () => {
    for (const id of ['song-regular', 'hei-bold']) {
      const byUrl = await fetch(new URL(`fonts/${id}.ttf`, host.url));
      expect(byUrl.status).toBe(200);
      expect(byUrl.headers.get('content-type')).toBe('font/ttf');
      const viaApi = await fetch(new URL('api/fontBytes', host.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([id]) });
      expect(Buffer.from(await byUrl.arrayBuffer()).equals(Buffer.from(await viaApi.arrayBuffer()))).toBe(true);
    }
  });

  it('refuses face ids that are not ids, and unknown faces', async () => {
    for (const path of ['fonts/..%2Fpackage.json.ttf', 'fonts/Song.ttf', 'fonts/nope-regular.ttf']) {
      const res = await fetch(new URL(path, host.url));
      expect(res.status, path).toBe(404);
      expect((await res.json()).ok).toBe(false);
    }
    expect((await fetch(new URL('fonts/song-regular.ttf', host.url), { method: 'POST' })).status).toBe(405);
  });

  it('draws the page with the four faces loaded from those URLs', async () => {
    const problems: string[] = [];
    const page = await openApp(browser, host.url, problems);
    const faces = await page.evaluate(() => [...document.fonts].map((f) => `${f.family}:${f.status}`).sort());
    expect(faces).toEqual(['bm-hei-bold:loaded', 'bm-hei-regular:loaded', 'bm-song-bold:loaded', 'bm-song-regular:loaded']);
    const fontRequests = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/fonts/')).sort());
    expect(fontRequests).toEqual(['/fonts/hei-bold.ttf', '/fonts/hei-regular.ttf', '/fonts/song-bold.ttf', '/fonts/song-regular.ttf']);
    expect(await page.evaluate(() => document.fonts.check('12px "bm-song-regular"', '报社'))).toBe(true);
    expect(await page.locator('[data-testid="page"] svg text').count()).toBeGreaterThan(100);
    expect(problems).toEqual([]);
    await page.close();
  });
});
