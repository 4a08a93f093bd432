/**
 * The page keeps a usable width on a small screen: at 1366×768 on the 校对 desk with the story editor
 * docked and every panel open, the page had 280 px (its sheet 232 px, 16 %). Now the 属性 panel folds
 * to a strip of its tabs; a tab on the strip opens it again (by hand it stays open), and when the
 * editor closes the panel comes back by itself. At 1600×1000 nothing folds.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_USABLE_WIDTH } from '../../src-renderer/workspace/panel-folds';
import { startWebHost, type WebHost } from '../../src-main/web-host/server';
import { chromiumAvailable, launchChromium } from '../support/browser';
import type { Browser } from 'playwright-core';
import { openFitted, openStory, requireBuild, shot } from './workspace-support';

const BLOCK = 'b-nanguan';
const width = async (page: Page, testId: string): Promise<number> => (await page.getByTestId(testId).boundingBox())?.width ?? 0;
const pageFrameWidth = async (page: Page): Promise<number> => (await page.locator('.canvas-area > .page-frame').boundingBox())!.width;

describe.skipIf(!chromiumAvailable())('side panels fold so the page keeps its room', () => {
  let host: WebHost;
  let browser: Browser;
  const problems: string[] = [];
  const proofDesk = (size: { width: number; height: number }) => openFitted(browser, `${host.url}?role=校对&name=王岚`, problems, size);

  beforeAll(async () => {
    requireBuild();
    host = await startWebHost({ port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('1366×768, 校对 with the story docked: 属性 folds to a strip, the page keeps a usable width, the 稿件 list stays', async () => {
    const page = await proofDesk({ width: 1366, height: 768 });
    await page.getByTestId('proof-panel').waitFor();
    await openStory(page, BLOCK);
    await expect.poll(() => page.getByTestId('folded-right').count()).toBe(1);
    expect(await pageFrameWidth(page)).toBeGreaterThanOrEqual(PAGE_USABLE_WIDTH);
    expect(await page.getByTestId('properties').count()).toBe(0);
    expect(await width(page, 'articles')).toBeGreaterThan(200);
    expect(await page.getByTestId('folded-right').getByRole('button').allInnerTexts()).toEqual(['属性', '样式', '图片', '预检']);
    await page.getByTestId('tool-view.fitPage').click();
    await shot(page, 'panel-folds-proof-story-1366x768.png');

    // A tab on the strip opens the panel on that tab, and it stays open; its » folds it again.
    await page.getByTestId('tab-pictures').click();
    await expect.poll(() => page.getByTestId('properties').count()).toBe(1);
    expect(await page.getByTestId('tab-pictures').getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('folded-right').count()).toBe(0);
    await page.getByTestId('fold-right').click();
    await expect.poll(() => page.getByTestId('folded-right').count()).toBe(1);

    // The editor closed, the page has its room again and the panel comes back.
    await page.getByTestId('story-editor').getByRole('button', { name: '关闭 Close' }).click();
    await expect.poll(() => page.getByTestId('properties').count()).toBe(1);
    expect(await page.getByTestId('folded-right').count()).toBe(0);
    await page.close();
  });

  it('1600×1000, the same desk: nothing folds', async () => {
    const page = await proofDesk({ width: 1600, height: 1000 });
    await page.getByTestId('proof-panel').waitFor();
    await openStory(page, BLOCK);
    expect(await pageFrameWidth(page)).toBeGreaterThanOrEqual(PAGE_USABLE_WIDTH);
    expect(await page.getByTestId('folded-right').count()).toBe(0);
    expect(await page.getByTestId('folded-left').count()).toBe(0);
    await shot(page, 'panel-folds-proof-story-1600x1000.png');
    await page.close();
  });

  it('left nothing in the console', () => {
    expect(problems).toEqual([]);
  });
});
