import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { SESSION_HEADER } from '../../src-core/host-api';
import { startWebHost, type WebHost } from '../../src-main/web-host/server';
import { chromiumAvailable, launchChromiumWithProfile } from '../support/browser';
import { requireBuild } from './workspace-support';

/** One font download as the browser saw it: from the host or from its own cache, and its bytes on the wire. */
interface FontLoad {
  url: string;
  status: number;
  fromCache: boolean;
  wireBytes: number;
}

/** Loads the app in `page` until its `faces` bundled faces are all loaded, and returns each font response of that load (Chromium's network log). */
async function loadApp(context: BrowserContext, page: Page, url: string, faces: number): Promise<FontLoad[]> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const loads = new Map<string, FontLoad>();
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    if (new URL(response.url).pathname.startsWith('/fonts/')) loads.set(requestId, { url: response.url, status: response.status, fromCache: response.fromDiskCache || response.fromPrefetchCache === true, wireBytes: 0 });
  });
  cdp.on('Network.requestServedFromCache', ({ requestId }) => {
    const load = loads.get(requestId);
    if (load) load.fromCache = true;
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const load = loads.get(requestId);
    if (load) load.wireBytes = encodedDataLength;
  });
  await page.goto(url);
  await page.waitForSelector('.status[data-state="ready"]', { timeout: 90_000 });
  await page.waitForSelector('[data-testid="page"] svg text');
  // The faces the first page does not need come when the window is idle after it (issue 18): all of them here.
  await page.waitForFunction((n) => [...document.fonts].filter((f) => f.family.startsWith('bm-') && f.status === 'loaded').length >= n, faces, { timeout: 90_000 });
  await cdp.detach();
  return [...loads.values()];
}

/**
 * The fonts by content address: the host answers fontBytes with a redirect to /fonts/<id>.<hash>,
 * served as immutable, so a second load of the app in the same browser takes every face from the
 * browser's cache, and the page still draws with the bundled faces.
 */
describe.skipIf(!chromiumAvailable())('the fonts from the browser cache', () => {
  let host: WebHost;
  const profile = mkdtempSync(join(tmpdir(), 'banmian-profile-'));
  beforeAll(async () => {
    requireBuild();
    host = await startWebHost({ port: 0 });
  });
  afterAll(async () => {
    await host?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('downloads each face on the first load and takes them all from the cache on the second', async () => {
    const listed = await (await fetch(new URL('api/listFonts', host.url), { method: 'POST', headers: { 'Content-Type': 'application/json', [SESSION_HEADER]: host.secret }, body: '[]' })).json();
    // the bundled faces: installed ones (sys-…) are fetched only when a page uses them
    const ids: string[] = listed.value.map((f: { id: string }) => f.id).filter((id: string) => !id.startsWith('sys-'));
    expect(ids.length).toBeGreaterThanOrEqual(4);
    const context = await launchChromiumWithProfile(profile);

    const first = await loadApp(context, await context.newPage(), host.url, ids.length);
    const faceOf = (l: FontLoad) => /\/fonts\/([a-z0-9-]+)\.[0-9a-f]{16}$/.exec(new URL(l.url).pathname)?.[1];
    expect(first.map(faceOf).sort()).toEqual([...ids].sort());
    expect(first.every((l) => l.status === 200 && !l.fromCache && l.wireBytes > 100_000)).toBe(true);

    const page = await context.newPage();
    const second = await loadApp(context, page, host.url, ids.length);
    expect(second.map(faceOf).sort()).toEqual([...ids].sort());
    expect(second.filter((l) => !l.fromCache)).toEqual([]);

    // Drawn with the bundled faces, declared from the cached bytes.
    await expect.poll(() => page.evaluate(() => [...document.fonts].filter((f) => f.family.startsWith('bm-') && f.status === 'loaded').length)).toBe(ids.length);
    expect(await page.evaluate(() => document.fonts.check('12px "bm-song-regular"', '报社'))).toBe(true);
    const families = await page.evaluate(() => [...new Set([...document.querySelectorAll('[data-testid="page"] text')].map((t) => t.getAttribute('font-family')))]);
    expect(families.length).toBeGreaterThan(0);
    expect(families.every((f) => f?.startsWith('bm-'))).toBe(true);
    await context.close();
  });
});
