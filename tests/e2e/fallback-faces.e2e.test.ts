import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { shot, workspaceSession } from './workspace-support';

/** The body style's fallback chain as the 样式 panel lists it: each entry's family key. */
function chain(page: Page): Promise<(string | null)[]> {
  return page.getByTestId('page-style-body-fallback-item').evaluateAll((items) => items.map((li) => li.getAttribute('data-family')));
}

/** Undo or redo with the keyboard, the focus on the panel's tab (not in a field). */
async function press(page: Page, keys: string): Promise<void> {
  await page.getByTestId('tab-styles').click();
  await page.keyboard.press(keys);
}

describe.skipIf(!chromiumAvailable())('a style’s fallback chain (缺字替补字体) in the 样式 panel', () => {
  const session = workspaceSession();
  let page: Page;
  beforeAll(async () => {
    page = session.page;
    await page.getByTestId('menu-layout').click();
    await page.locator('[data-command="layout.styles"]').click();
  });

  it('offers the face picker’s own families, without the style’s face', async () => {
    const cell = page.getByTestId('page-style-body-fallback-cell');
    expect(await cell.locator('.style-field-label').innerText()).toBe('缺字替补字体');
    expect(await chain(page)).toEqual([]);
    const picker = await page.getByTestId('page-style-body-family').locator('option').evaluateAll((o) => o.map((e) => [(e as HTMLOptionElement).value, e.textContent]));
    const offered = await page.getByTestId('page-style-body-fallback-add').locator('option').evaluateAll((o) => o.map((e) => [(e as HTMLOptionElement).value, e.textContent]));
    expect(await page.getByTestId('page-style-body-family').inputValue()).toBe('song');
    expect(offered[0]).toEqual(['', '＋ 添加 Add…']);
    expect(offered.slice(1)).toEqual(picker.filter(([family]) => family !== 'song'));
    expect(offered.slice(1, 4)).toEqual([
      ['hei', '黑体'],
      ['kai', '楷体'],
      ['biaosong', '标宋'],
    ]);
  });

  it('adds, moves and removes faces, one undo step each', async () => {
    const add = page.getByTestId('page-style-body-fallback-add');
    await add.selectOption('kai');
    await expect.poll(() => chain(page)).toEqual(['kai']);
    await add.selectOption('hei');
    await expect.poll(() => chain(page)).toEqual(['kai', 'hei']);
    // a face already in the chain is not offered again
    expect(await add.locator('option[value="kai"]').count()).toBe(0);
    await shot(page, 'fallback-faces');
    expect(await page.getByTestId('page-style-body-fallback').locator('.fallback-face-name').allInnerTexts()).toEqual(['楷体', '黑体']);
    expect(await page.getByTestId('page-style-body-fallback-up-0').isDisabled()).toBe(true);
    await page.getByTestId('page-style-body-fallback-up-1').click();
    await expect.poll(() => chain(page)).toEqual(['hei', 'kai']);
    await page.getByTestId('page-style-body-fallback-remove-1').click();
    await expect.poll(() => chain(page)).toEqual(['hei']);
    // another style's chain is its own
    expect(await page.getByTestId('page-style-headline-fallback-item').count()).toBe(0);
    for (const before of [['hei', 'kai'], ['kai', 'hei'], ['kai'], []]) {
      await press(page, 'Control+z');
      await expect.poll(() => chain(page)).toEqual(before);
    }
    await press(page, 'Control+Shift+z');
    await expect.poll(() => chain(page)).toEqual(['kai']);
    expect(session.problems).toEqual([]);
  });
});
