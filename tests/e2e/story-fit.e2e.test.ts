/**
 * The article's fit in the story editor (issue 16, item 3): an overset article shows +N 行 and a
 * 溢排 mark where the page runs out of room; 适配 fits it and the label changes, the mark goes.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { clickCaret, menu, openStory, workspaceSession } from './workspace-support';

describe.skipIf(!chromiumAvailable())('copyfit in the story editor', () => {
  const session = workspaceSession({ width: 1366, height: 768 });
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('shows the overset article’s fit and marks where its overset starts; 适配 changes both', async () => {
    // 科学规划 (3 × 19 beside 谢峰's) cut to 12 lines: 适配 deepens it back into the lines this frees
    await page.locator('[data-testid="overlay"] g.frame[data-block="b-xu-chaowen"] rect.frame-hit').click({ force: true });
    const rows = page.getByTestId('prop-rows');
    await rows.fill('12');
    await rows.press('Enter');
    await openStory(page, 'b-xu-chaowen');
    const fit = page.getByTestId('story-fit');
    await expect.poll(() => fit.innerText()).toMatch(/^\+\d+ 行$/);
    // The same figure as the page's own marker on the block.
    expect(await fit.innerText()).toBe(await page.locator('g.frame[data-block="b-xu-chaowen"] [data-marker="fit"]').getAttribute('data-fit'));
    const mark = page.locator('[data-testid="story-body"] [data-testid="story-overset-mark"]');
    await mark.waitFor();
    expect(await mark.innerText()).toBe('溢排');
    // The tinted overset text starts right after the mark and runs to the end of the body.
    const overText = await page.locator('[data-testid="story-body"] .story-overset-text').allInnerTexts();
    const body = await page.getByTestId('story-body').innerText();
    expect(overText.length).toBeGreaterThan(0);
    expect(body.replace(/\s/g, '').endsWith(overText.join('').replace(/\s/g, ''))).toBe(true);
    await mark.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/story-overset-1366.png' });

    await menu(page, 'layout', 'layout.copyfit');
    expect(await page.getByTestId('notice').innerText()).toContain('适配');
    await expect.poll(() => fit.innerText()).not.toMatch(/^\+/);
    expect(await mark.count()).toBe(0);
    await page.screenshot({ path: '/tmp/story-fitted-1366.png' });
  });

  it('follows the typing: a new paragraph longer than the empty lines turns the fit to +N 行 and marks its overset', async () => {
    const fit = page.getByTestId('story-fit');
    // After 适配 the article is a few lines under (−2 行 on the sample).
    const under = Number((await fit.innerText()).match(/^−(\d+) 行$/)?.[1] ?? 0);
    expect(under).toBeGreaterThan(0);
    // The caret at the body's end: a click right of the last paragraph's last line.
    const last = page.getByTestId('story-body').locator('p').last();
    await last.scrollIntoViewIfNeeded();
    const box = (await last.boundingBox())!;
    await clickCaret(last, { x: box.width - 2, y: box.height - 6 });
    await page.keyboard.press('Enter');
    // Five lines' worth and more of a 3-column block's measure (13 characters a line).
    const added = '新增段落用于检验适配显示是否随输入更新'.repeat(4);
    await page.keyboard.type(added);
    await expect.poll(() => fit.innerText()).toMatch(/^\+\d+ 行$/);
    // The layout follows the keystrokes as they come: the mark settles at the new paragraph's tail.
    const overText = async (): Promise<string> => (await page.locator('[data-testid="story-body"] .story-overset-text').allInnerTexts()).join('');
    await expect
      .poll(async () => {
        const t = await overText();
        return t.length > 0 && added.endsWith(t) ? 'the new paragraph’s tail' : t;
      }, { timeout: 10_000 })
      .toBe('the new paragraph’s tail');
    expect(await page.locator('[data-testid="story-body"] [data-testid="story-overset-mark"]').count()).toBe(1);
  });

  it('keeps what an input method composes before the overset start while the mark moves', async () => {
    const body = page.getByTestId('story-body');
    const mark = body.getByTestId('story-overset-mark');
    await mark.click();
    await page.keyboard.press('Home');
    const before = (await body.innerText()).replace(/\s/g, '');
    const cdp = await page.context().newCDPSession(page);
    for (const [pinyin, han] of [['zhong', '中'], ['wen', '文'], ['shu', '输'], ['ru', '入']]) {
      for (let i = 1; i <= pinyin.length; i++) await cdp.send('Input.imeSetComposition', { text: pinyin.slice(0, i), selectionStart: i, selectionEnd: i });
      await cdp.send('Input.insertText', { text: han });
    }
    await expect.poll(async () => (await body.innerText()).replace(/\s/g, '').replace('溢排', '').length).toBe(before.replace('溢排', '').length + 4);
    const after = (await body.innerText()).replace(/\s/g, '');
    expect(after).toContain('中文输入');
    expect(after).not.toMatch(/[a-z]/);
    // The mark settles on the text's tail again once the layout has the composed characters.
    await expect
      .poll(async () => {
        const t = (await body.locator('.story-overset-text').allInnerTexts()).join('').replace(/\s/g, '');
        return t.length > 0 && after.endsWith(t) ? 'the text’s tail' : t;
      }, { timeout: 10_000 })
      .toBe('the text’s tail');
  });
});
