/**
 * 补白 in the app: the sample page without its booked ad is short of copy (its OCR'd text fills about
 * 70% of the page); 自动组版 fills it with a locked 公益广告 frame at the foot, the dialog's note says
 * so, one click applies it and Ctrl+Z takes it away with the rest of the make-up.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { clickBlock, menu, shot, workspaceSession } from './workspace-support';

const blockIds = async (page: Page): Promise<string[]> => (await page.locator('[data-testid="overlay"] g.frame').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-block') ?? ''))).sort();

describe.skipIf(!chromiumAvailable())('自动组版 fills a page short of copy with a 公益广告 frame', () => {
  const session = workspaceSession({ width: 1600, height: 1000 });
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('the booked ad taken off, make-up offers the page with a frame at the foot; applied in one step, undone', async () => {
    await clickBlock(page, 'ad-1');
    await page.keyboard.press('Control+l');
    await page.keyboard.press('Delete');
    await expect.poll(() => blockIds(page)).not.toContain('ad-1');
    const before = await blockIds(page);
    await menu(page, 'layout', 'layout.makeUp');
    const dialog = page.getByTestId('dialog-makeup');
    await dialog.waitFor({ timeout: 60_000 });
    expect(await dialog.locator('.makeup-notes').innerText()).toMatch(/稿件不足以排满版面（空白约 \d+ 栏行）：.*公益广告位补白/);
    await shot(page, 'makeup-filler-dialog-1600.png');
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot(page, 'makeup-filler-dialog-1366.png');
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.getByTestId('makeup-choice').first().click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(async () => (await blockIds(page)).filter((id) => id.startsWith('filler-ad-'))).toHaveLength(1);
    await shot(page, 'makeup-filler-applied-1600.png');
    await page.keyboard.press('Control+z');
    await expect.poll(() => blockIds(page)).toEqual(before);
  });
});
