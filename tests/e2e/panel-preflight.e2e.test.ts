import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from '../support/browser';
import { compareWithReference, shot, workspaceSession } from './workspace-support';

/** 预检: the preflight report and the typographic report (issue 7) in the workspace, live. */
describe.skipIf(!chromiumAvailable())('the preflight panel (预检)', () => {
  const session = workspaceSession();
  const problems = session.problems;
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  const figure = (key: string) => page.locator(`[data-testid="typo-page-figures"] [data-figure="${key}"] dd`);
  const selected = () => page.getByTestId('selection').getAttribute('data-block');

  it('opens from its tab and shows the preflight counts and the page figures of the sample page', async () => {
    await page.getByTestId('tab-preflight').click();
    await page.getByTestId('preflight-panel').waitFor();
    expect(await page.getByTestId('preflight-counts').innerText()).toMatch(/^\d+ 错误 · \d+ 警告$/);
    // The sample page is set clean: issue 7's norms hold, and the panel shows them.
    expect(Number(await figure('lines').innerText())).toBeGreaterThan(300);
    expect(Number(await figure('justifiedLines').innerText())).toBeGreaterThan(200);
    expect(await figure('loneCharacters').innerText()).toBe('0');
    expect(await figure('offGridLines').innerText()).toBe('0');
    expect(await figure('prohibitedLineStarts').innerText()).toBe('0');
    expect(parseFloat(await figure('within').innerText())).toBeGreaterThanOrEqual(99);
    expect(await figure('worstExpansion').innerText()).toMatch(/^0\.\d{3} em$/);
    // One row per article on the page.
    expect(await page.getByTestId('typo-article').count()).toBe(10);
  });

  it('looks as it did when it was checked by eye', async () => {
    const png = await page.getByTestId('properties').screenshot();
    compareWithReference('ui-preflight.png', png, 0.01);
  });

  it('selects an article block from its row in the typographic report', async () => {
    const row = page.locator('[data-testid="typo-article"][data-article="junhe-yungu"]');
    await row.locator('.pf-article-title').click();
    expect(await selected()).toBe('b-junhe-yungu');
    expect(await row.getAttribute('class')).toContain('selected');
    // The figures of one article open under its row.
    await row.locator('.pf-toggle').click();
    expect(await row.locator('[data-figure="lines"] dd').innerText()).toMatch(/^\d+$/);
  });

  it('follows the layout: a block made too short is an overset error naming the article, which selects its block; undo clears it', async () => {
    const errorsBefore = await page.locator('[data-testid="preflight-issue"][data-code="overset"]').count();
    expect(errorsBefore).toBe(0);
    await page.getByTestId('tab-properties').click();
    const rows = page.getByTestId('prop-rows');
    await rows.fill('4');
    await rows.press('Enter');
    // The tab's badge catches up after the editor pauses.
    await page.waitForFunction(() => document.querySelector('[data-testid="preflight-badge"]')?.classList.contains('tab-badge-error'));
    await page.getByTestId('tab-preflight').click();
    const overset = page.locator('[data-testid="preflight-issue"][data-code="overset"]');
    await overset.first().waitFor();
    expect(await overset.count()).toBe(1);
    expect(await overset.innerText()).toContain('二期项目封顶');
    expect(await overset.getAttribute('data-target')).toBe('b-junhe-yungu');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('selection').count()).toBe(0);
    await overset.click();
    expect(await selected()).toBe('b-junhe-yungu');
    await shot(page, 'ui-preflight-overset.png');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="preflight-issue"][data-code="overset"]').length === 0);
  });

  it('logged no errors', () => {
    expect(problems).toEqual([]);
  });
});
