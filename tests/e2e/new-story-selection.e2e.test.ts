/**
 * Opening a story lets go of a selected block of another story. On the desk, 新建稿件 with
 * 真抓实干谋发展 selected opened the empty new story in the editor while 属性 went on showing — and
 * changing — 真抓实干's 本稿样式: a 字号 set there for the new story restyled the lead story.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { clientPoint, frameOf, workspaceSession } from './workspace-support';

describe.skipIf(!chromiumAvailable())('the story editor and the selection agree', () => {
  const session = workspaceSession({ width: 1366, height: 768 });
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('新建稿件 with a block selected: the block is let go, 属性 no longer shows its article', async () => {
    const f = await frameOf(page, 'b-xie-feng');
    const p = await clientPoint(page, f.x + f.width / 2, f.y + f.height / 2);
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => page.getByTestId('selection').getAttribute('data-block')).toBe('b-xie-feng');
    await expect.poll(() => page.getByTestId('block-article').count()).toBe(1);
    await page.getByTestId('tool-file.newStory').click();
    await page.getByTestId('story-editor').waitFor();
    await expect.poll(() => page.getByTestId('selection').count()).toBe(0);
    expect(await page.getByTestId('block-article').count()).toBe(0);
    expect(await page.getByTestId('article-style-headline-size').count()).toBe(0);
  });

  it('a placed story opened from the 稿件 list selects its own block', async () => {
    await page.locator('[data-testid="article-item"][data-article="nanguan"]').dblclick();
    await expect.poll(() => page.getByTestId('story-editor').getAttribute('data-article')).toBe('nanguan');
    await expect.poll(() => page.getByTestId('selection').getAttribute('data-block')).toBe('b-nanguan');
  });
});
