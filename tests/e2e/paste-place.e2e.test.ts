/**
 * A pasted block never lands on an ad or on a block the 组版 locked (a field night on the desk found
 * every story pasted on the sample page printed over its locked 公益广告): on a full page the paste
 * is refused with a notice and nothing changes; once there is room, it goes where it covers nothing.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { clickBlock, frameOf, type FrameBox, workspaceSession } from './workspace-support';

const intersects = (a: FrameBox, b: FrameBox): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function select(page: Page, id: string): Promise<void> {
  await clickBlock(page, id);
  await expect.poll(() => page.getByTestId('selection').getAttribute('data-block')).toBe(id);
}

const frameIds = (page: Page) => page.locator('[data-testid="overlay"] g.frame').evaluateAll((ns) => ns.map((n) => n.getAttribute('data-block')!));

describe.skipIf(!chromiumAvailable())('粘贴 keeps off ads and locked blocks', () => {
  const session = workspaceSession({ width: 1600, height: 1000 });
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('on the full sample page a pasted story is refused, not printed over the locked ad', async () => {
    const before = await frameIds(page);
    const ad = await frameOf(page, 'ad-1');
    expect(ad.width).toBeGreaterThan(0);
    await select(page, 'b-junhe-yungu');
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.locator('.notice-zh').innerText()).toContain('未粘贴');
    expect(await notice.locator('.notice-zh').innerText()).toContain('广告');
    expect(await frameIds(page)).toEqual(before);
    await notice.locator('button').click();
  });

  it('cut and pasted back, a story goes where it was, covering no other block; one undo step each', async () => {
    const was = await frameOf(page, 'b-nanyang-chamber');
    await select(page, 'b-nanyang-chamber');
    await page.keyboard.press('Control+x');
    await expect.poll(async () => (await frameIds(page)).includes('b-nanyang-chamber')).toBe(false);
    const before = await frameIds(page);
    await page.keyboard.press('Control+v');
    await expect.poll(async () => (await frameIds(page)).length).toBe(before.length + 1);
    const pasted = (await frameIds(page)).find((id) => !before.includes(id))!;
    const f = await frameOf(page, pasted);
    expect(f).toEqual(was);
    for (const id of before) expect(intersects(f, await frameOf(page, id)), `the pasted block over ${id}`).toBe(false);
    await page.keyboard.press('Control+z');
    await expect.poll(() => frameIds(page)).toEqual(before);
  });
});
