/**
 * The edition overview in the app (Chromium on the web host): 打开 of the 16-page 对开 edition
 * (bench/edition-day.ts, made up and saved by `edition --save`) until all 16 thumbnails are drawn and
 * the next frame has come: the host's read and parse, the renderer's parse, each page's layout,
 * overset and preflight, and the 16 thumbnails' SVG painted (text too small to read on a card drawn
 * as grey lines: src-renderer/edition/thumbnail.ts). The first open, then the median of 3
 * more (the overview closed in between; each open parses the file anew, so no row is reused). Also
 * when the overview is usable: the cards with their figures there and a frame painted (today drawn
 * in the same frame as the thumbnails; the 差错率 comes later from a worker).
 * One line per figure. Needs the web build (npm run web:build).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { run as edition } from '../src-main/cli/commands/edition';
import { findProjectRoot } from '../src-main/host/handlers';
import { startWebHost } from '../src-main/web-host/server';
import { chromiumAvailable, launchChromium } from '../tests/support/browser';
import { EDITION_DAY, writeEditionDay } from './edition-day';
import { median, printFigure } from './stats';

if (!existsSync(join(findProjectRoot(), 'dist-web/index.html'))) {
  console.error('dist-web/ is not built: run `npm run web:build` first');
  process.exit(1);
}
if (!chromiumAvailable()) {
  console.error('no Chromium at /usr/bin/chromium: skipped');
  process.exit(0);
}

const FILE = 'day.banmian';
const sandbox = mkdtempSync(join(tmpdir(), 'banmian-overview-bench-'));

/** Makes the day's edition file in the sandbox (the make-up's own time is edition.bench's figure). */
async function makeEdition(): Promise<void> {
  const quiet = { log: console.log, error: console.error };
  console.log = () => {};
  console.error = () => {};
  try {
    const code = await edition([writeEditionDay(sandbox).plan, '-o', join(sandbox, 'pdf'), '--save', join(sandbox, FILE), '--force']);
    if (code !== 0) throw new Error(`edition exited ${code}`);
  } finally {
    Object.assign(console, quiet);
  }
}

/**
 * 打开 → (a) the overview usable: all 16 cards with their figures (版次, 版名, status, 溢排, 预检) in the
 * page and a frame painted; (b) every thumbnail drawn and the
 * next frame come (the figure). ms from the click, both.
 */
async function openOverview(page: Page): Promise<{ usable: number; drawn: number }> {
  await page.keyboard.press('Control+o');
  await page.getByTestId('dialog-file-name').fill(FILE);
  const start = Date.now();
  await page.getByTestId('dialog-ok').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="edition-page"] [data-testid="edition-page-preflight"]').length === n, EDITION_DAY.pages, { timeout: 60_000, polling: 'raf' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  const usable = Date.now() - start;
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="edition-page"] .edition-thumb > svg').length === n, EDITION_DAY.pages, { timeout: 60_000, polling: 'raf' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  return { usable, drawn: Date.now() - start };
}

await makeEdition();
const host = await startWebHost({ port: 0, sandbox });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
  // tsx keeps function names with a helper that the page does not have.
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(host.url);
  await page.waitForSelector('.status[data-state="ready"]', { timeout: 90_000 });
  const first = await openOverview(page);
  const again: { usable: number; drawn: number }[] = [];
  for (let i = 0; i < 3; i++) {
    await page.getByTestId('edition-close').click();
    await page.getByTestId('edition-overview').waitFor({ state: 'detached' });
    again.push(await openOverview(page));
  }
  printFigure('edition.overview.open.first', first.drawn, 'ms', `打开 to ${EDITION_DAY.pages} thumbnails drawn, first open in the tab (web host, Chromium)`);
  printFigure('edition.overview.open', median(again.map((a) => a.drawn)), 'ms', `median of 3 more opens, 打开 to ${EDITION_DAY.pages} thumbnails drawn`);
  printFigure('edition.overview.usable.first', first.usable, 'ms', `打开 to all ${EDITION_DAY.pages} cards with their figures and a frame, first open`);
  printFigure('edition.overview.usable', median(again.map((a) => a.usable)), 'ms', 'median of 3 more opens, 打开 to the cards usable');
} finally {
  await browser.close();
  await host.close();
  rmSync(sandbox, { recursive: true, force: true });
}
