import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from '../support/browser';
import { shot, workspaceSession } from './workspace-support';

/** 查找/替换 across the page, as an editor uses it: Ctrl+F, Enter, replace one, replace all, undo. */
describe.skipIf(!chromiumAvailable())('find and replace (查找/替换)', () => {
  const session = workspaceSession();
  const problems = session.problems;
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  const count = () => page.getByTestId('find-count').innerText();
  // In the articles' layers of the page (the page header, 洛阳日报, is not an article).
  const articleText = async () => (await page.locator('[data-testid="page"] svg[data-layer] text').allTextContents()).join('');
  const occurrences = async (s: string) => (await articleText()).split(s).length - 1;

  it('opens with Ctrl+F and counts the occurrences on the whole page', async () => {
    await page.keyboard.press('Control+f');
    await page.getByTestId('find-bar').waitFor();
    await page.getByTestId('find-query').fill('洛阳');
    expect(await count()).toMatch(/^1 \/ \d+$/);
    const total = Number((await count()).split('/ ')[1]);
    // At least as many as the page draws (an overset or unplaced text may add more).
    expect(total).toBeGreaterThanOrEqual(await occurrences('洛阳'));
    expect(total).toBeGreaterThan(5);
    expect(await page.getByTestId('find-where').innerText()).toContain('洛阳');
  });

  it('steps to the next and previous occurrence, selecting its article and marking it on the page', async () => {
    const first = await page.getByTestId('find-where').innerText();
    await page.getByTestId('find-query').press('Enter');
    expect(await count()).toMatch(/^2 \//);
    await page.getByTestId('find-prev').click();
    expect(await count()).toMatch(/^1 \//);
    expect(await page.getByTestId('find-where').innerText()).toBe(first);
    expect(await page.getByTestId('selection').count()).toBe(1);
    expect(await page.locator('[data-testid="find-marks"] rect').count()).toBe(2);
    await shot(page, 'ui-find.png');
  });

  it('replaces one occurrence, then all of them as one undo step', async () => {
    const before = await occurrences('洛阳');
    const total = Number((await count()).split('/ ')[1]);
    await page.getByTestId('find-replacement').fill('河洛');
    await page.getByTestId('find-replace').click();
    await expect.poll(() => count()).toMatch(new RegExp(`/ ${total - 1}$`));
    await page.getByTestId('find-replace-all').click();
    await expect.poll(() => count()).toBe('无 None');
    expect(await occurrences('洛阳')).toBe(0);
    expect(await occurrences('河洛')).toBeGreaterThanOrEqual(before);
    // Undo takes back the replace-all in one step, then the single replacement.
    await page.getByTestId('find-replacement').press('Control+z');
    await expect.poll(() => count()).toBe(`1 / ${total - 1}`);
    await page.keyboard.press('Control+z');
    await expect.poll(() => occurrences('洛阳')).toBe(before);
  });

  it('closes with Esc', async () => {
    await page.getByTestId('find-query').press('Escape');
    expect(await page.getByTestId('find-bar').count()).toBe(0);
    expect(await page.locator('[data-testid="find-marks"]').count()).toBe(0);
  });

  it('logged no errors', () => {
    expect(problems).toEqual([]);
  });
});
