import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startWebHost, type WebHost } from '../../src-main/web-host/server';
import { chromiumAvailable, launchChromium } from '../support/browser';
import { openApp, requireBuild } from './workspace-support';

/**
 * The fonts at start: every face the host offers is fetched once through HostApi.fontBytes and
 * declared to the browser from those bytes, so the screen draws with the very files layout measured.
 */
describe.skipIf(!chromiumAvailable())('the fonts at start', () => {
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

  it('draws the page with the four faces, each fetched once from the host', async () => {
    const problems: string[] = [];
    const app = await openApp(browser, host.url, problems);
    const faces = await app.evaluate(() => [...document.fonts].map((f) => `${f.family}:${f.status}`).sort());
    expect(faces).toEqual(['bm-hei-bold:loaded', 'bm-hei-regular:loaded', 'bm-song-bold:loaded', 'bm-song-regular:loaded']);
    expect(await app.evaluate(() => document.fonts.check('12px "bm-song-regular"', '报社'))).toBe(true);
    expect(await app.locator('[data-testid="page"] svg text').count()).toBeGreaterThan(100);
    // Fetched once each, through the HostApi only (no second download for the browser's copy).
    const calls = await app.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => /fontBytes|\.(ttf|otf|woff2?)$/.test(p)));
    expect(calls).toEqual(['/api/fontBytes', '/api/fontBytes', '/api/fontBytes', '/api/fontBytes']);
    expect(problems).toEqual([]);
    await app.close();
  });
});
