/**
 * 自动组版, 适配 and no collisions in Chromium: make-up alternatives as thumbnails, one applied and
 * undone; an overlapping drag refused; an overset article fitted.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { blockProps, clickCaret, dragPage, frameOf, menu, openStory, shot, workspaceSession } from './workspace-support';

const blockIds = async (page: Page): Promise<string[]> => (await page.locator('[data-testid="overlay"] g.frame').evaluateAll((gs) => gs.map((g) => `${g.getAttribute('data-block')}@${(g.querySelector('rect') as SVGRectElement).getAttribute('x')},${(g.querySelector('rect') as SVGRectElement).getAttribute('y')}`))).sort();

describe.skipIf(!chromiumAvailable())('make-up, copyfit and collisions in the workspace', () => {
  const session = workspaceSession({ width: 1600, height: 1000 });
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('refuses a drag that would put one text block over another, with a notice', async () => {
    const xie = await frameOf(page, 'b-xie-feng');
    const wu = await frameOf(page, 'b-wu-jinsong');
    await page.mouse.click(...(await clientXY(page, wu.x + 20, wu.y + 20)));
    const before = await blockProps(page);
    // b-wu-jinsong (across the page under b-xie-feng) dragged half-way up, onto b-xie-feng.
    await dragPage(page, { x: wu.x + 20, y: wu.y + 20 }, { x: wu.x + 20, y: wu.y + 20 - (wu.y - xie.y) / 2 });
    expect(await blockProps(page)).toEqual(before);
    expect(await page.getByTestId('notice').innerText()).toContain('文字块不能重叠');
    await shot(page, 'makeup-refused-1600.png');
  });

  it('fits an overset article with 适配: the overset goes to 0 or the notice says why not', async () => {
    await page.locator('[data-testid="overlay"] g.frame[data-block="b-junhe-yungu"] rect.frame-hit').click({ force: true });
    const rows = page.getByTestId('prop-rows');
    await rows.fill('6');
    await rows.press('Enter');
    const fit = page.locator('[data-article="junhe-yungu"] [data-testid="article-fit"]');
    expect(await fit.innerText()).toMatch(/^\+\d+ 行$/);
    expect(await page.locator('g.frame[data-block="b-junhe-yungu"] [data-marker="fit"]').getAttribute('data-fit')).toMatch(/^\+\d+ 行$/);
    await menu(page, 'layout', 'layout.copyfit');
    const notice = await page.getByTestId('notice').innerText();
    expect(notice).toContain('适配');
    const overset = Number((await page.getByTestId('overset').innerText()).match(/\d+/)![0]);
    if (overset > 0) expect(notice).toContain('无法');
    else expect(await fit.innerText()).not.toMatch(/^\+/);
    await shot(page, 'makeup-copyfit-1600.png');
  });

  it('makes up the page: at least three thumbnails with their scores; one click applies one, Ctrl+Z restores the page', async () => {
    const before = await blockIds(page);
    await menu(page, 'layout', 'layout.makeUp');
    const dialog = page.getByTestId('dialog-makeup');
    await dialog.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('makeup-thumb').count()).toBeGreaterThanOrEqual(3);
    const scores = await page.getByTestId('makeup-score').allInnerTexts();
    for (const s of scores) expect(s).toMatch(/满版 \d+% · 层次 \d+% · 均衡 \d+% · 图片 \d+%/);
    await shot(page, 'makeup-dialog-1600.png');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'makeup-dialog-1366.png');
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.getByTestId('makeup-choice').nth(1).click();
    expect(await dialog.count()).toBe(0);
    const after = await blockIds(page);
    expect(after).not.toEqual(before);
    await shot(page, 'makeup-applied-1600.png');
    await page.keyboard.press('Control+z');
    expect(await blockIds(page)).toEqual(before);
  });

  it("allows cutting 可删 paragraphs: a long article's marked paragraphs are cut and named; applied in one step, undone", async () => {
    // the lead (谢峰's article) made longer than the whole page: fourteen long paragraphs, each marked 可删 (Ctrl+Shift+K)
    await openStory(page, 'b-xie-feng');
    const paragraphs = page.getByTestId('story-body').locator('p');
    const cuttable = () => page.getByTestId('story-body').locator('p[data-cuttable="true"]').count();
    const given = await paragraphs.count();
    const last = paragraphs.last();
    await last.scrollIntoViewIfNeeded();
    const box = (await last.boundingBox())!;
    await clickCaret(last, { x: box.width - 2, y: box.height - 6 });
    const ADDED = 14;
    for (let i = 1; i <= ADDED; i++) {
      await page.keyboard.press('Enter');
      await page.keyboard.insertText(`补充材料第${i}段。${'城市更新持续推进，老旧小区改造取得新进展，居民生活品质不断提升。'.repeat(28)}`);
      if ((await page.getByTestId('tool-edit.cuttable').getAttribute('aria-pressed')) !== 'true') await page.keyboard.press('Control+Shift+K');
      await expect.poll(cuttable).toBe(i);
    }
    expect(await paragraphs.count()).toBe(given + ADDED);
    await page.keyboard.press('Escape');

    await menu(page, 'layout', 'layout.makeUp');
    const dialog = page.getByTestId('dialog-makeup');
    await dialog.waitFor({ timeout: 60_000 });
    // not allowed: the article is held over, nothing is cut
    expect(await page.getByTestId('makeup-cut').count()).toBe(0);
    const LEAD = '真抓实干谋发展';
    expect(await page.getByTestId('makeup-held').first().innerText()).toContain(LEAD);
    await page.getByTestId('makeup-allow-cut').check();
    await expect.poll(() => page.getByTestId('makeup-cut').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('makeup-allow-cut').isChecked()).toBe(true);
    const named = await page.getByTestId('makeup-cut').first().innerText();
    // the last marked paragraph goes first, named by its opening
    expect(named).toMatch(/删去可删段落 \d+ 段/);
    expect(named).toContain(`“补充材料第${ADDED}段`);
    expect(named).toContain('cuttable paragraphs cut');
    expect(named).toContain(LEAD);
    const held = page.getByTestId('makeup-choice').first().getByTestId('makeup-held');
    if (await held.count()) expect(await held.innerText()).not.toContain(LEAD);
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'makeup-cut-1366.png');
    await page.setViewportSize({ width: 1600, height: 1000 });
    const cut = Number(named.match(/删去可删段落 (\d+) 段/)![1]);

    await page.getByTestId('makeup-choice').first().click();
    expect(await dialog.count()).toBe(0);
    // the article's block has a new id now: opened from the 稿件 list
    const openLead = async () => {
      await page.locator('[data-article="xie-feng"]').first().dblclick();
      await page.getByTestId('story-editor').waitFor();
    };
    await openLead();
    await expect.poll(() => paragraphs.count()).toBe(given + ADDED - cut);
    // the last marked paragraphs went, the first ones stayed (wherever the story editor put them)
    const texts = await paragraphs.allInnerTexts();
    for (let i = 1; i <= ADDED; i++) expect(texts.some((t) => t.startsWith(`补充材料第${i}段。`)), `补充材料第${i}段`).toBe(i <= ADDED - cut);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await openLead();
    await expect.poll(() => paragraphs.count()).toBe(given + ADDED);
    expect(await cuttable()).toBe(ADDED);
    await page.keyboard.press('Escape');
  });

  it('logged no errors', () => {
    expect(session.problems).toEqual([]);
  });
});

async function clientXY(page: Page, x: number, y: number): Promise<[number, number]> {
  const { clientPoint } = await import('./workspace-support');
  const p = await clientPoint(page, x, y);
  return [p.x, p.y];
}
