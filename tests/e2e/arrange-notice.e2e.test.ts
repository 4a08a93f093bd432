/**
 * A refused 排列 names the blocks in the way, not the one being moved: on the desk, 顶对齐 of
 * 二期项目封顶 and 全国国企年度盘点 said it would cover “全国国企…” — the block the 组版 was moving.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { clickBlock, frameOf, menu, workspaceSession } from './workspace-support';

describe.skipIf(!chromiumAvailable())('a refused 排列 says what is in the way', () => {
  const session = workspaceSession({ width: 1600, height: 1000 });
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('顶对齐 over another story is refused, naming that story and not the moved one; nothing moves', async () => {
    const junhe = await frameOf(page, 'b-junhe-yungu');
    const soe = await frameOf(page, 'b-soe-ranking');
    expect(soe.y).toBeGreaterThan(junhe.y);
    await clickBlock(page, 'b-junhe-yungu');
    await clickBlock(page, 'b-soe-ranking', true);
    await menu(page, 'arrange', 'arrange.alignTop');
    const zh = page.getByTestId('notice').locator('.notice-zh');
    await expect.poll(() => zh.innerText()).toContain('未移动');
    const said = await zh.innerText();
    expect(said).not.toContain('全国国企');
    expect(said).toMatch(/二期项目封顶|抓好伏牛|科学规划/);
    expect(await frameOf(page, 'b-soe-ranking')).toEqual(soe);
    expect(await frameOf(page, 'b-junhe-yungu')).toEqual(junhe);
  });
});
