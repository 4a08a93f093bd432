import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from '../support/browser';
import { hostSession, openApp, shot } from './workspace-support';

/** 新建版面 from a preset or a custom size, and 最近打开 (recent files) through the host. */
describe.skipIf(!chromiumAvailable())('new page and recent files', () => {
  const web = hostSession({ sandbox: 'banmian-new-' });
  const { problems } = web;
  let page: Page;

  beforeAll(async () => {
    page = await openApp(web.browser, web.host.url, problems);
  });

  const menu = async (menuId: string, command: string) => {
    await page.getByTestId(`menu-${menuId}`).click();
    await page.locator(`.menu-items [data-command="${command}"]`).click();
  };

  it('saves the sample page so that it is in the recent list', async () => {
    await page.keyboard.press('Control+s');
    await page.getByTestId('dialog-save').waitFor();
    await page.getByTestId('dialog-file-name').fill('sample');
    await page.getByTestId('dialog-ok').click();
    await expect.poll(() => page.getByTestId('doc-title').innerText()).toContain('sample.banmian');
  });

  it('makes a new custom page: 6 columns of 12 characters on 300 × 420 mm, refusing a grid that does not fit first', async () => {
    await page.keyboard.press('Control+n');
    await page.getByTestId('dialog-new-page').waitFor();
    expect(await page.getByTestId('new-page-width').inputValue()).toBe('390');
    await page.getByTestId('new-page-width').fill('200');
    await page.getByTestId('new-page-ok').click();
    expect(await page.getByTestId('new-page-error').innerText()).toMatch(/版宽至少需要 \d+ mm/);
    expect(await page.getByTestId('new-page-preset').inputValue()).toBe('custom');
    await page.getByTestId('new-page-width').fill('300');
    await page.getByTestId('new-page-height').fill('420');
    await page.getByTestId('new-page-columns').fill('6');
    await page.getByTestId('new-page-chars').fill('12');
    await shot(page, 'ui-new-page.png');
    await page.getByTestId('new-page-ok').click();
    expect(await page.getByTestId('dialog-new-page').count()).toBe(0);
    expect(await page.getByTestId('doc-title').innerText()).toContain('未命名');
    expect(await page.getByTestId('page-columns').inputValue()).toBe('6');
    expect(await page.getByTestId('page-chars').inputValue()).toBe('12');
    expect(await page.getByTestId('page-format').inputValue()).toBe('custom');
    expect(await page.getByTestId('article-item').count()).toBe(0);
    // The page is drawn at its new proportions (300 : 420).
    const box = (await page.getByTestId('sheet').boundingBox())!;
    expect(box.height / box.width).toBeCloseTo(420 / 300, 2);
  });

  it('reopens the saved page from 最近打开', async () => {
    await menu('file', 'file.recent');
    await page.getByTestId('dialog-open').waitFor();
    expect(await page.getByTestId('file-list').innerText()).toContain('sample.banmian');
    await page.getByTestId('file-list').locator('button', { hasText: 'sample.banmian' }).click();
    await page.getByTestId('dialog-ok').click();
    await expect.poll(() => page.getByTestId('doc-title').innerText()).toContain('sample.banmian');
    expect(await page.getByTestId('article-item').count()).toBe(10);
  });

  it('logged no errors', () => {
    expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
  });
});
