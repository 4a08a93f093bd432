import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startWebHost, type WebHost } from '../../src-main/web-host/server';
import { findProjectRoot } from '../../src-main/host/handlers';
import { chromiumAvailable, launchChromium } from '../support/browser';
import { FONT_SOURCES } from '../../src-main/fonts/provider';

/** The faces Banmian ships. */
const BUNDLED = FONT_SOURCES.flatMap((s) => s.faces()).map((f) => f.id);

const root = findProjectRoot();
const resultsDir = join(root, 'test-results');

describe.skipIf(!chromiumAvailable())('the app on the web host, in Chromium', () => {
  let host: WebHost;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(root, 'dist-web/index.html'))) throw new Error('dist-web/ is not built: run `npm run test:e2e` (or `npm run web:build` first)');
    host = await startWebHost({ port: 0 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(host.url);
    await page.waitForSelector('.status[data-state="ready"], .status[data-state="error"]', { timeout: 90_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('opens the sample page without an error', async () => {
    const status = page.locator('.status');
    expect(await status.getAttribute('data-state'), await status.innerText()).toBe('ready');
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    expect(await page.getByTestId('overset').innerText()).toMatch(/^溢排 \d+ 字$/);
    expect(await page.title()).toBe('版面 Banmian — luoyang-page.banmian');
    expect(await page.locator('.titlebar .brand').innerText()).toBe('版面');
    expect(await page.getByTestId('doc-title').innerText()).toContain('洛阳日报');
  });

  it('draws the page as positioned SVG text', async () => {
    const texts = await page.locator('[data-testid="page"] svg text').allTextContents();
    expect(texts.length).toBeGreaterThanOrEqual(300);
    expect(texts.some((t) => t.includes('真抓实干谋发展'))).toBe(true);
    const families = await page.locator('[data-testid="page"] svg text').evaluateAll((nodes) => [...new Set(nodes.map((n) => n.getAttribute('font-family')))]);
    expect(families.every((f) => f?.startsWith('bm-'))).toBe(true);
  });

  it('draws with the host font files, declared through the CSS Font Loading API', async () => {
    // document.fonts.check() is true for unknown families too, so look at the declared faces themselves.
    // Faces the first page does not draw with are declared when the window is idle: wait for them.
    await page.waitForFunction((n) => [...document.fonts].filter((f) => f.family.replace(/"/g, '').startsWith('bm-') && f.status === 'loaded').length >= n, BUNDLED.length, { timeout: 60_000 });
    const loaded = await page.evaluate(() =>
      Object.fromEntries([...document.fonts].filter((f) => f.family.replace(/"/g, '').startsWith('bm-')).map((f) => [f.family.replace(/"/g, ''), f.status])),
    );
    expect(loaded).toEqual(Object.fromEntries(BUNDLED.map((id) => [`bm-${id}`, 'loaded'])));
  });

  it('fits the page to the width of the page area', async () => {
    const [area, sheet] = await Promise.all([page.locator('.page-area').boundingBox(), page.getByTestId('page').boundingBox()]);
    expect(sheet!.width).toBeGreaterThan(area!.width * 0.9);
    expect(sheet!.width).toBeLessThanOrEqual(area!.width);
  });

  it('saves a screenshot for a human to look at', async () => {
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, 'app-web-host.png'), await page.screenshot());
    // A close-up of the headline, where a fallback font would show at once.
    const headline = page.locator('[data-testid="page"] svg text', { hasText: '真抓实干谋发展' }).first();
    writeFileSync(join(resultsDir, 'app-web-host-headline.png'), await headline.screenshot({ scale: 'device' }));
  });

  it('shows a host error in the status line instead of failing silently', async () => {
    const other = await browser.newPage({ viewport: { width: 900, height: 600 } });
    try {
      await other.route('**/api/startupPage', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, zh: '示例版面无法打开：测试', en: 'The sample page cannot be opened: test' }) }),
      );
      await other.goto(host.url);
      const status = other.locator('.status[data-state="error"]');
      await status.waitFor({ timeout: 30_000 });
      expect(await status.innerText()).toContain('示例版面无法打开：测试');
      expect(await other.getByTestId('page').count()).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('logged no errors, CSP violations included', () => {
    expect(problems).toEqual([]);
  });
});
