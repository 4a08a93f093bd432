import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectionFace } from '../../src-core/fonts/collection';
import { FontFace } from '../../src-core/fonts/registry';
import { installedSource } from '../../src-main/fonts/installed';
import { chromiumAvailable } from '../support/browser';
import { workspaceSession } from './workspace-support';

/** The installed families this machine's web host lists, by the names the picker shows (zh first; one without Chinese characters marked so). */
const installedNames = [...new Set(installedSource().faces().map((f) => (f.label!.noChinese ? `${f.label!.zh}（无汉字 no Chinese）` : f.label!.zh)))];

/** An installed family whose regular face draws the page's digits (a body style set in it shows on the page), or undefined. */
function familyWithDigits(): { family: string; regular: string } | undefined {
  for (const f of installedSource().faces()) {
    if (f.bold) continue;
    try {
      if (new FontFace(f.id, f.family, false, collectionFace(f.bytes(), f.index ?? 0)).hasGlyph(0x32)) return { family: f.family, regular: f.id };
    } catch {
      // a file this machine cannot open is left for another
    }
  }
  return undefined;
}

/** Faces of document.fonts declared for the app's own face ids (`bm-<id>`), with their status. */
function appFaces(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.fonts].filter((f) => f.family.replace(/"/g, '').startsWith('bm-')).map((f) => `${f.family.replace(/"/g, '')}:${f.status}`));
}

describe.skipIf(!chromiumAvailable() || installedNames.length === 0 || process.env.BANMIAN_INSTALLED_FONTS === '0')('the face picker lists the installed fonts', () => {
  const session = workspaceSession();

  it('shows the bundled roles first, then every installed family by its name, fetching none of them', async () => {
    const page = session.page;
    await page.getByTestId('menu-layout').click();
    await page.locator('[data-command="layout.styles"]').click();
    const options = await page.getByTestId('page-style-headline-family').locator('option').allTextContents();
    expect(options.slice(0, 4)).toEqual(['宋体', '黑体', '楷体', '标宋']);
    expect(options.slice(4)).toEqual(installedNames);
    // listing them fetched no installed face: none declared, and through fontBytes only the eight
    // bundled ones at most (they come when the window is idle, so some may still be on their way)
    expect((await appFaces(page)).filter((f) => f.startsWith('bm-sys-'))).toEqual([]);
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === '/api/fontBytes').length);
    expect(fetched).toBeLessThanOrEqual(8);
  });

  it('opening 字样 fetches the installed faces and draws each family’s sample in its own face (none of them declared before)', async () => {
    const page = session.page;
    const before = await appFaces(page);
    expect(before.filter((f) => f.startsWith('bm-sys-'))).toEqual([]);
    await page.getByTestId('page-style-body-family-samples').click();
    const list = page.getByTestId('page-style-body-family-samples-list');
    const first = installedSource().faces().find((f) => !f.bold)!;
    const sample = list.locator(`[data-face="${first.id}"]`);
    expect(await sample.textContent()).toBe('永字八法 报版样张 2026');
    expect(await sample.evaluate((el) => getComputedStyle(el).fontFamily)).toContain(`bm-${first.id}`);
    await expect.poll(() => appFaces(page), { timeout: 30_000 }).toContain(`bm-${first.id}:loaded`);
    expect(await page.evaluate((f) => document.fonts.check(`18px "${f}"`), `bm-${first.id}`)).toBe(true);
    // the bundled roles come first, each drawn in its own regular
    expect(await list.locator('[role="option"]').first().locator('[data-face]').getAttribute('data-face')).toBe('song-regular');
    // a press outside closes the list, Escape too
    await page.getByTestId('tab-styles').click();
    await expect.poll(() => list.count()).toBe(0);
    await page.getByTestId('page-style-body-family-samples').click();
    await list.locator('[role="option"]').first().press('Escape');
    await expect.poll(() => list.count()).toBe(0);
  });

  const digits = familyWithDigits();
  it.skipIf(!digits)('picking an installed family fetches its faces first: the page draws with it, and saving records it in page.fonts', async () => {
    const page = session.page;
    const { family, regular } = digits!;
    // a fresh start, where nothing has fetched the family's faces (the samples above did)
    await page.reload();
    await page.waitForSelector('.status[data-state="ready"]', { timeout: 90_000 });
    await page.getByTestId('menu-layout').click();
    await page.locator('[data-command="layout.styles"]').click();
    expect((await appFaces(page)).filter((f) => f.startsWith('bm-sys-'))).toEqual([]);
    await page.getByTestId('page-style-body-family').selectOption(family);
    await expect.poll(() => page.getByTestId('page-style-body-family').inputValue()).toBe(family);
    const used = () => page.evaluate(() => [...new Set([...document.querySelectorAll('[data-testid="page"] svg text')].map((t) => t.getAttribute('font-family')))]);
    await expect.poll(used).toContain(`bm-${regular}`);
    expect(await appFaces(page)).toContain(`bm-${regular}:loaded`);
    await page.keyboard.press('Control+s');
    await page.getByTestId('dialog-save').waitFor();
    await page.getByTestId('dialog-file-name').fill('installed-face');
    await page.getByTestId('dialog-ok').click();
    await expect.poll(() => page.title()).toBe('版面 Banmian — installed-face.banmian');
    const saved = JSON.parse(readFileSync(join(session.host.sandbox, 'installed-face.banmian'), 'utf8')) as { page: { fonts?: { family: string; bold: boolean; postscriptName: string }[] } };
    expect(saved.page.fonts?.filter((f) => f.family === family && !f.bold).length).toBe(1);
  });

  it('a family whose faces cannot be fetched: a zh/en notice naming it, and the style keeps its face', async () => {
    const page = session.page;
    const other = installedSource().faces().find((f) => !f.bold && f.family !== digits?.family)!;
    await page.route('**/api/fontBytes', (route) =>
      route.request().postData()?.includes(other.id) ? route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ ok: false, zh: '磁盘错误', en: 'disk error' }) }) : route.continue(),
    );
    const before = await page.getByTestId('page-style-kicker-family').inputValue();
    await page.getByTestId('page-style-kicker-family').selectOption(other.family);
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain(`无法取得字体“${other.label!.zh}”，样式未改：磁盘错误`);
    expect(await page.getByTestId('notice').innerText()).toContain(`Cannot fetch the font '${other.label!.en}'; the style is unchanged: disk error`);
    expect(await page.getByTestId('page-style-kicker-family').inputValue()).toBe(before);
    await page.unroute('**/api/fontBytes');
  });

  it('a family picked from 字样 is fetched and used the same way', async () => {
    const page = session.page;
    const other = installedSource().faces().find((f) => !f.bold && f.family !== digits?.family)!;
    await page.getByTestId('page-style-kicker-family-samples').click();
    await page.getByTestId('page-style-kicker-family-samples-list').locator(`[role="option"][data-family="${other.family}"]`).click();
    await expect.poll(() => page.getByTestId('page-style-kicker-family').inputValue()).toBe(other.family);
    expect(await page.getByTestId('page-style-kicker-family-samples-list').count()).toBe(0);
  });
});
