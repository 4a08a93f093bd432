import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PT_PER_MM } from '../../src-core/model/units';
import { chromiumAvailable } from '../support/browser';
import { clientPoint, frameOf, shot, workspaceSession } from './workspace-support';

/** Where a ruler draws the tick of `mm`, in client px (labels sit 3 px past their tick). */
async function tickAt(page: Page, ruler: 'top' | 'left', mm: number): Promise<number | null> {
  const svg = page.getByTestId(`ruler-${ruler}`);
  const label = svg.locator(`text[data-mm="${mm}"]`);
  if ((await label.count()) === 0) return null;
  const box = (await svg.boundingBox())!;
  return ruler === 'top' ? box.x + Number(await label.getAttribute('x')) - 3 : box.y + Number(await label.getAttribute('y')) - 3;
}

async function runMenu(page: Page, menu: string, command: string): Promise<void> {
  await page.getByTestId(`menu-${menu}`).click();
  await page.locator(`.menu-items [data-command="${command}"]`).click();
}

describe.skipIf(!chromiumAvailable())('rulers and the proof PNG export', () => {
  const s = workspaceSession();

  it('shows rulers in mm with their zero at the trim corner, following zoom and scrolling', async () => {
    const page = s.page;
    await expect.poll(() => page.getByTestId('ruler-top').count()).toBe(1);
    expect(await page.getByTestId('ruler-left').count()).toBe(1);
    const sheet = (await page.getByTestId('sheet').boundingBox())!;
    expect(Math.abs((await tickAt(page, 'top', 0))! - sheet.x)).toBeLessThanOrEqual(1);
    expect(Math.abs((await tickAt(page, 'left', 0))! - sheet.y)).toBeLessThanOrEqual(1);
    // 100 mm further along is 100 mm of the page at this zoom (the page is 390 mm wide).
    const pxPerMm = sheet.width / 390;
    const major = Number(await page.getByTestId('ruler-top').getAttribute('data-major-mm'));
    expect(Math.abs((await tickAt(page, 'top', 2 * major))! - (sheet.x + 2 * major * pxPerMm))).toBeLessThanOrEqual(1);

    // At 100 % the labels come closer together in mm, and scrolling moves the zero point along.
    await page.getByTestId('tool-actual').click();
    await expect.poll(async () => Number(await page.getByTestId('ruler-top').getAttribute('data-major-mm'))).toBeLessThan(major);
    const viewport = page.getByTestId('viewport');
    await viewport.evaluate((el) => el.scrollTo(0, 0));
    await page.waitForTimeout(100);
    const before = (await tickAt(page, 'top', 100))!;
    await viewport.evaluate((el) => el.scrollBy(120, 0));
    await expect.poll(async () => before - ((await tickAt(page, 'top', 100)) ?? Number.NaN)).toBeCloseTo(120, 0);
    const zoomed = (await page.getByTestId('sheet').boundingBox())!;
    expect(Math.abs((await tickAt(page, 'top', 100))! - (zoomed.x + 100 * PT_PER_MM * (zoomed.width / (390 * PT_PER_MM))))).toBeLessThanOrEqual(1);
    await page.getByTestId('tool-view.fitPage').click();
  });

  it('shades the extent of the selected block on both rulers', async () => {
    const page = s.page;
    const f = await frameOf(page, 'b-junhe-yungu');
    const p = await clientPoint(page, f.x + f.width / 2, f.y + f.height / 2);
    await page.mouse.click(p.x, p.y);
    const a = await clientPoint(page, f.x, f.y);
    const b = await clientPoint(page, f.x + f.width, f.y + f.height);
    const top = (await page.getByTestId('ruler-top-selection').boundingBox())!;
    const left = (await page.getByTestId('ruler-left-selection').boundingBox())!;
    expect(top.x).toBeCloseTo(a.x, 0);
    expect(top.x + top.width).toBeCloseTo(b.x, 0);
    expect(left.y).toBeCloseTo(a.y, 0);
    expect(left.y + left.height).toBeCloseTo(b.y, 0);
    await shot(page, 'ui-rulers.png');
  });

  it('hides and shows the rulers from the 视图 menu', async () => {
    const page = s.page;
    const before = (await page.getByTestId('viewport').boundingBox())!;
    await runMenu(page, 'view', 'view.rulers');
    expect(await page.getByTestId('ruler-top').count()).toBe(0);
    const after = (await page.getByTestId('viewport').boundingBox())!;
    // The canvas takes the rulers' room.
    expect(after.x).toBeLessThan(before.x);
    await runMenu(page, 'view', 'view.rulers');
    expect(await page.getByTestId('ruler-top').count()).toBe(1);
  });

  it('exports the proof PNG from 文件 → 导出校样 PNG with progress and the preflight report, and opens it', async () => {
    const page = s.page;
    // A block made too short: its story is overset, a preflight error that stops the export.
    const f = await frameOf(page, 'b-junhe-yungu');
    const p = await clientPoint(page, f.x + f.width / 2, f.y + f.height / 2);
    await page.mouse.click(p.x, p.y);
    await page.getByTestId('tab-properties').click();
    await page.getByTestId('prop-rows').fill('4');
    await page.getByTestId('prop-rows').press('Enter');
    await runMenu(page, 'file', 'file.exportPng');
    const dialog = page.getByTestId('dialog-export');
    await dialog.waitFor();
    expect(await dialog.locator('h2').innerText()).toContain('导出校样 PNG');
    await page.getByTestId('export-file-name').fill('proofs/evening');
    await page.getByTestId('export-dpi').fill('20');
    expect(await page.getByTestId('export-ok').isDisabled()).toBe(true);
    expect(await page.getByTestId('export-dpi-error').innerText()).toContain('36–600 dpi');
    await page.getByTestId('export-dpi').fill('60');
    await page.getByTestId('export-ok').click();
    // Preflight stops the export before the host is asked.
    await page.getByTestId('export-report').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('export-progress').getAttribute('data-stage')).toBe('preflight');
    expect(await page.getByTestId('export-result').innerText()).toContain('未导出');
    expect(existsSync(join(s.host.sandbox, 'proofs/evening.png'))).toBe(false);
    await page.getByTestId('export-force').click();
    await expect.poll(async () => page.getByTestId('export-result').innerText(), { timeout: 60_000 }).toContain('已导出 proofs/evening.png');
    expect(await page.getByTestId('export-progress').getAttribute('data-stage')).toBe('done');
    expect(await page.locator('.export-stages li.done').count()).toBe(3);
    await shot(page, 'ui-export-png.png');

    const png = PNG.sync.read(readFileSync(join(s.host.sandbox, 'proofs/evening.png')));
    // 390 × 546 mm at 60 dpi, trimmed (no bleed, no marks).
    expect(Math.abs(png.width - (390 / 25.4) * 60)).toBeLessThanOrEqual(1);
    expect(Math.abs(png.height - (546 / 25.4) * 60)).toBeLessThanOrEqual(1);
    let ink = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i] < 128) ink++;
    expect(ink / (png.width * png.height)).toBeGreaterThan(0.01);

    // 打开 Open: the web host serves the file just exported; the browser shows it in a new tab.
    const [tab] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('export-open').click()]);
    await tab.waitForLoadState();
    expect(tab.url()).toBe(`${s.host.url}exported/proofs/evening.png`);
    const served = await page.request.get(`${s.host.url}exported/proofs/evening.png`);
    expect(served.headers()['content-type']).toBe('image/png');
    expect((await served.body()).equals(readFileSync(join(s.host.sandbox, 'proofs/evening.png')))).toBe(true);
    await tab.close();
    // Nothing else in the sandbox is served that way.
    expect((await page.request.get(`${s.host.url}exported/proofs/other.png`)).status()).toBe(404);
    await page.getByTestId('dialog-export').getByRole('button', { name: '关闭 Close' }).click();
    expect(await page.getByTestId('dialog-export').count()).toBe(0);
    await page.keyboard.press('Control+z');
  });

  it('keeps the print PDF export working in the same dialog, with its own options', async () => {
    const page = s.page;
    await runMenu(page, 'file', 'file.exportPdf');
    await page.getByTestId('dialog-export').waitFor();
    expect(await page.getByTestId('export-dpi').count()).toBe(0);
    await page.getByTestId('export-file-name').fill('print.pdf');
    await page.getByTestId('export-ok').click();
    await page.getByTestId('export-report').waitFor({ timeout: 60_000 });
    if (await page.getByTestId('export-force').count()) await page.getByTestId('export-force').click();
    await expect.poll(async () => page.getByTestId('export-result').innerText(), { timeout: 60_000 }).toContain('已导出 print.pdf');
    expect(readFileSync(join(s.host.sandbox, 'print.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await page.getByTestId('export-open').count()).toBe(1);
    await page.getByTestId('dialog-export').getByRole('button', { name: '关闭 Close' }).click();
  });

  it('logged no errors', () => {
    expect(s.problems).toEqual([]);
  });
});
