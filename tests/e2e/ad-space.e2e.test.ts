/**
 * A story is not dragged over a booked ad: on the desk, 二期项目封顶 dragged onto the sample's locked
 * 公益广告 went there without a word and would have printed over it. Now the move is refused as a
 * move over another story is, the notice naming the ad, and the page is unchanged.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { dragPage, frameOf, workspaceSession } from './workspace-support';

describe.skipIf(!chromiumAvailable())('a booked ad keeps its space', () => {
  const session = workspaceSession({ width: 1600, height: 1000 });
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('a story dragged onto the ad is refused, naming the ad; both stay where they were', async () => {
    const ad = await frameOf(page, 'ad-1');
    const junhe = await frameOf(page, 'b-junhe-yungu');
    await dragPage(page, { x: junhe.x + 20, y: junhe.y + 20 }, { x: ad.x + 40, y: ad.y + 60 }, { steps: 10 });
    const zh = page.getByTestId('notice').locator('.notice-zh');
    await expect.poll(() => zh.innerText()).toContain('未移动');
    expect(await zh.innerText()).toContain('广告');
    expect(await page.getByTestId('notice').locator('.notice-en').innerText()).toContain('ad');
    expect(await frameOf(page, 'b-junhe-yungu')).toEqual(junhe);
    expect(await frameOf(page, 'ad-1')).toEqual(ad);
    expect(await page.getByTestId('tool-edit.undo').isEnabled()).toBe(false);
  });
});
