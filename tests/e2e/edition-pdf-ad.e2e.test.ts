/**
 * An edition whose ad has a one-page PDF as its artwork, opened in the app: browsers draw no PDF
 * inside SVG, so the overview's thumbnail and the page in the workspace show the ad's frame as a
 * stand-in of the PDF page's proportions saying PDF and the advertiser's name (the print PDF embeds
 * the page itself: tests/unit/edition-pdf-ad.test.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PDFDocument, cmyk } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { run as editionCommand } from '../../src-main/cli/commands/edition';
import { startWebHost, type WebHost } from '../../src-main/web-host/server';
import { chromiumAvailable, launchChromium } from '../support/browser';
import { openApp, requireBuild, shot } from './workspace-support';

const FILE = 'ad.banmian';
const FIXTURE = 'tests/fixtures/edition';

describe.skipIf(!chromiumAvailable())('a PDF ad in the app', () => {
  let host: WebHost;
  let browser: Browser;
  let page: Page;
  let sandbox: string;
  const problems: string[] = [];

  beforeAll(async () => {
    requireBuild();
    sandbox = mkdtempSync(join(tmpdir(), 'banmian-pdf-ad-app-'));
    const ad = await PDFDocument.create();
    ad.addPage([300, 400]).drawRectangle({ x: 0, y: 0, width: 300, height: 400, color: cmyk(0, 1, 0, 0) });
    writeFileSync(join(sandbox, 'ad.pdf'), await ad.save());
    const plan = JSON.parse(readFileSync(join(FIXTURE, 'PLAN.json'), 'utf8'));
    for (const p of plan.pages) p.articles = p.articles.map((f: string) => resolve(FIXTURE, f));
    for (const p of plan.pages) for (const a of p.ads ?? []) if (a.artwork) a.artwork = resolve(FIXTURE, a.artwork);
    plan.continue[0].article = plan.pages[0].articles[0];
    plan.pages[0].ads[0].artwork = join(sandbox, 'ad.pdf');
    writeFileSync(join(sandbox, 'plan.json'), JSON.stringify(plan));
    const logs: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void logs.push(a.join(' ')));
    const code = await editionCommand([join(sandbox, 'plan.json'), '-o', join(sandbox, 'pdf'), '--save', join(sandbox, FILE)]);
    log.mockRestore();
    if (code !== 0) throw new Error(logs.join('\n'));
    host = await startWebHost({ port: 0, sandbox });
    browser = await launchChromium();
    page = await openApp(browser, host.url, problems, { width: 1600, height: 1000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    rmSync(sandbox, { recursive: true, force: true });
  });

  /** The hrefs of the pictures an SVG shows, decoded. */
  const hrefs = (svg: ReturnType<Page['locator']>) => svg.locator('image').evaluateAll((els) => els.map((e) => decodeURIComponent(e.getAttribute('href') ?? '')));

  it('the overview\'s thumbnail of page 1 shows its ad as a PDF stand-in with the advertiser\'s name', async () => {
    await page.keyboard.press('Control+o');
    await page.getByTestId('dialog-file-name').fill(FILE);
    await page.getByTestId('dialog-ok').click();
    await page.getByTestId('edition-overview').waitFor();
    const cards = page.getByTestId('edition-page');
    await expect.poll(() => cards.count()).toBe(3);
    await expect.poll(() => page.locator('.edition-thumb > svg').count()).toBe(3);
    const art = (await hrefs(cards.nth(0).locator('.edition-thumb > svg'))).filter((h) => h.startsWith('data:image/svg+xml'));
    expect(art).toHaveLength(1);
    expect(art[0]).toContain('>PDF<');
    expect(art[0]).toContain('洛阳老字号酱菜');
    await shot(page, 'ui-edition-pdf-ad-overview.png');
  });

  it('the page in the workspace shows the same stand-in in the ad\'s frame', async () => {
    await page.getByTestId('edition-page').nth(0).locator('.edition-open').click();
    await page.getByTestId('edition-bar').waitFor();
    const art = page.getByTestId('page').locator('image[href^="data:image/svg+xml"]');
    await expect.poll(() => art.count()).toBe(1);
    expect(decodeURIComponent((await art.getAttribute('href')) ?? '')).toContain('洛阳老字号酱菜');
    expect(problems).toEqual([]);
  });
});
