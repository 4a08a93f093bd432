import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from '../support/browser';
import { clientPoint, frameOf, shot, workspaceSession } from './workspace-support';
import { openHandPlacedPage } from './hand-placed-support';

/** The font size (pt) the page SVG draws the first run containing `text` in. */
async function sizeOf(page: Page, text: string): Promise<number> {
  return Number(await page.locator('[data-testid="page"] svg text', { hasText: text }).first().getAttribute('font-size'));
}

/** Types a size into a 字号 combo and commits it with Enter. */
async function typeSize(page: Page, testId: string, size: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(size);
  await input.press('Enter');
}

async function selectBlock(page: Page, blockId: string): Promise<void> {
  const f = await frameOf(page, blockId);
  const p = await clientPoint(page, f.x + f.width / 2, f.y + f.height - 20);
  await page.mouse.click(p.x, p.y);
  expect(await page.getByTestId('selection').getAttribute('data-block')).toBe(blockId);
}

// Two articles side by side at the page foot: 均和云谷 (b-junhe-yungu) and 国企榜单 (b-soe-ranking).
const JUNHE = '二期项目封顶';
const SOE = '全国国企';

describe.skipIf(!chromiumAvailable())('page styles (样式) and an article’s local overrides', () => {
  const session = workspaceSession();
  let page: Page;
  beforeAll(async () => {
    page = session.page;
    await openHandPlacedPage(session);
  });

  it('lists the page’s named styles in the 样式 tab (版面 → 样式…)', async () => {
    await page.getByTestId('menu-layout').click();
    await page.locator('[data-command="layout.styles"]').click();
    expect(await page.getByTestId('tab-styles').getAttribute('aria-selected')).toBe('true');
    for (const name of ['headline', 'kicker', 'deck', 'byline', 'lead', 'body', 'subhead', 'caption', 'jump']) {
      expect(await page.getByTestId(`page-style-${name}`).count(), name).toBe(1);
    }
    // 编者按 (a page saved before it existed gets it, in 楷) and 短稿主题 (a face only: no size)
    expect(await page.getByTestId('page-style-editorsNote').locator('h3').innerText()).toContain('编者按');
    expect(await page.getByTestId('page-style-editorsNote-family').inputValue()).toBe('kai');
    expect(await page.getByTestId('page-style-minorHeadline').locator('h3').innerText()).toContain('短稿主题');
    expect(await page.getByTestId('page-style-minorHeadline-family').inputValue()).toBe('hei');
    expect(await page.getByTestId('page-style-minorHeadline-size').count()).toBe(0);
    expect(await page.getByTestId('page-style-headline-size').inputValue()).toBe('小一 24 pt');
    // only the faces the registry has are offered (宋, 黑, 楷 and 标宋 ship; no 仿宋 has an open licence)
    // (the machine's installed families follow them)
    expect((await page.getByTestId('page-style-headline-family').locator('option').allTextContents()).slice(0, 4)).toEqual(['宋体', '黑体', '楷体', '标宋']);
    expect(await sizeOf(page, JUNHE)).toBe(24);
  });

  it('a change to the page’s headline style changes every headline', async () => {
    const sample = page.getByTestId('page-style-headline-sample').locator('text').first();
    expect(await sample.getAttribute('font-size')).toBe('24');
    // Drawn with the PDF's glyphs, as the page is: no localized forms (Noto's tabular digits).
    expect(await sample.evaluate((el) => getComputedStyle(el).fontFeatureSettings)).toContain('"locl" 0');
    await typeSize(page, 'page-style-headline-size', '小初');
    await expect.poll(() => sizeOf(page, JUNHE)).toBe(36);
    // the live sample follows
    expect(await sample.getAttribute('font-size')).toBe('36');
    expect(await sizeOf(page, SOE)).toBe(36);
    expect(await page.getByTestId('page-style-headline-size').inputValue()).toBe('小初 36 pt');
    await shot(page, 'styles-panel.png');
  });

  it('refuses a size it cannot read, with a message, and changes nothing', async () => {
    await typeSize(page, 'page-style-headline-size', '大号');
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('无法识别的字号“大号”');
    expect(await page.getByTestId('page-style-headline-size').inputValue()).toBe('小初 36 pt');
    // Escape drops what was typed
    const size = page.getByTestId('page-style-headline-size');
    await size.click();
    await size.fill('初号');
    await size.press('Escape');
    expect(await size.inputValue()).toBe('小初 36 pt');
    await page.getByTestId('styles-panel').click({ position: { x: 5, y: 5 } });
    expect(await sizeOf(page, JUNHE)).toBe(36);
    await typeSize(page, 'page-style-headline-size', '900pt');
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('字号应在 2 pt 到 400 pt 之间');
    expect(await sizeOf(page, JUNHE)).toBe(36);
  });

  it('overrides one article’s headline only, and shows the override', async () => {
    await page.getByTestId('tab-properties').click();
    await selectBlock(page, 'b-junhe-yungu');
    expect(await page.getByTestId('article-style-headline-name').innerText()).toBe('主题');
    await typeSize(page, 'article-style-headline-size', '一号');
    await expect.poll(() => sizeOf(page, JUNHE)).toBe(26);
    expect(await sizeOf(page, SOE)).toBe(36);
    expect(await page.getByTestId('article-style-headline-name').innerText()).toBe('主题+');
    expect(await page.getByTestId('article-style-headline-size-cell').getAttribute('data-overridden')).toBe('true');
    expect(await page.getByTestId('article-style-headline-family-cell').getAttribute('data-overridden')).toBeNull();
    // the 稿件 list marks the article too, and only it
    expect(await page.locator('[data-testid="article-item"][data-article="junhe-yungu"] [data-testid="article-overrides"]').innerText()).toBe('样式+');
    expect(await page.getByTestId('article-overrides').count()).toBe(1);
    await page.getByTestId('article-style-headline').scrollIntoViewIfNeeded();
    await shot(page, 'styles-override.png');
    await page.getByTestId('tab-styles').click();
    expect(await page.getByTestId('page-style-headline-overrides').innerText()).toBe('1 篇覆盖');
    await page.getByTestId('tab-properties').click();
  });

  it('clears the override back to the page style, and undo brings it back, one step at a time', async () => {
    await page.getByTestId('article-style-headline-clear').click();
    await expect.poll(() => sizeOf(page, JUNHE)).toBe(36);
    expect(await page.getByTestId('article-style-headline-name').innerText()).toBe('主题');
    expect(await page.getByTestId('article-overrides').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => sizeOf(page, JUNHE)).toBe(26);
    expect(await page.getByTestId('article-style-headline-name').innerText()).toBe('主题+');
    await page.keyboard.press('Control+z');
    await expect.poll(() => sizeOf(page, JUNHE)).toBe(36);
    expect(await page.getByTestId('article-style-headline-name').innerText()).toBe('主题');
    await page.keyboard.press('Control+z');
    await expect.poll(() => sizeOf(page, JUNHE)).toBe(24);
    expect(await sizeOf(page, SOE)).toBe(24);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => sizeOf(page, SOE)).toBe(36);
  });

  it('clears one overridden field with its ×, and redefines the page style from an article', async () => {
    await page.getByTestId('article-style-headline-family').selectOption('song');
    await expect.poll(() => page.getByTestId('article-style-headline-family-cell').getAttribute('data-overridden')).toBe('true');
    // the face only: the page's headline style (标宋, not bold) keeps its weight, so 宋体 regular
    const face = () => page.locator('[data-testid="page"] svg text', { hasText: JUNHE }).first().getAttribute('font-family');
    expect(await face()).toBe('bm-song-regular');
    await page.getByTestId('article-style-headline-family-clear').click();
    await expect.poll(() => page.getByTestId('article-style-headline-family-cell').getAttribute('data-overridden')).toBeNull();
    await expect.poll(face).toBe('bm-biaosong-regular');
    expect(await page.getByTestId('article-style-headline-name').innerText()).toBe('主题');
    // 二号 for this article, then made the page's headline style: every headline follows
    await typeSize(page, 'article-style-headline-size', '二号');
    await expect.poll(() => sizeOf(page, JUNHE)).toBe(22);
    expect(await sizeOf(page, SOE)).toBe(36);
    await page.getByTestId('article-style-headline-redefine').click();
    await expect.poll(() => sizeOf(page, SOE)).toBe(22);
    expect(await page.getByTestId('article-style-headline-name').innerText()).toBe('主题');
    await page.getByTestId('tab-styles').click();
    expect(await page.getByTestId('page-style-headline-size').inputValue()).toBe('二号 22 pt');
    expect(await page.getByTestId('page-style-headline-overrides').count()).toBe(0);
    await page.getByTestId('tab-properties').click();
  });

  it('sets one article’s body size as an override, on the grid, and the page settings refuse a bad value', async () => {
    await typeSize(page, 'article-style-body-size', '五号');
    await expect.poll(() => page.getByTestId('article-style-body-name').innerText()).toBe('正文+');
    // the page's body size (the grid's character) is unchanged
    expect(await page.getByTestId('page-body-size').inputValue()).toBe('小五 9 pt');
    // more columns than the page is wide: the validator's message, nothing changes
    await page.getByTestId('page-columns').fill('12');
    await page.getByTestId('page-columns').press('Enter');
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('版面设置未改：page.grid：栏宽之和超出版心宽度');
    expect(await page.getByTestId('page-columns').inputValue()).toBe('8');
    // past the field's own range
    await page.getByTestId('page-columns').fill('30');
    await page.getByTestId('page-columns').press('Enter');
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('30 超出范围（1–20 栏），未修改');
    expect(await page.getByTestId('page-columns').inputValue()).toBe('8');
    await shot(page, 'styles-body-override.png');
    // 版面 → 版面设置… shows the page's own settings (nothing selected)
    await page.getByTestId('tab-styles').click();
    await page.getByTestId('menu-layout').click();
    await page.locator('[data-command="layout.pageSettings"]').click();
    expect(await page.getByTestId('tab-properties').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('selection').count()).toBe(0);
    expect(await page.getByTestId('page-properties').isVisible()).toBe(true);
    expect(session.problems).toEqual([]);
  });
});
