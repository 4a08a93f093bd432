import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from '../support/browser';
import { clickCaret, menu, openStory, shot, workspaceSession } from './workspace-support';

/**
 * 帮助 → 快捷键 shows every section where it can be read: the list scrolls vertically inside the
 * dialog, never off its right edge (a multi-column box of fixed height once put 版面画布 and 稿件编辑
 * there, out of sight and past any scrollbar), and no Chinese name breaks in the middle.
 */

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;

/** Scrolls the list vertically only (as its scrollbar or the wheel would) until the row is in its box. */
async function scrollRowIntoList(page: Page, keys: string): Promise<void> {
  await page.getByTestId('dialog-shortcuts').evaluate((dialog, k) => {
    const list = dialog.querySelector<HTMLElement>('.shortcut-sections')!;
    const row = [...dialog.querySelectorAll<HTMLElement>('[data-testid="shortcut"]')].find((r) => r.querySelector('kbd')?.textContent === k)!;
    list.scrollTop += row.getBoundingClientRect().bottom - list.getBoundingClientRect().bottom;
  }, keys);
}

describe.skipIf(!chromiumAvailable())('帮助 → 快捷键 shows every section, scrolled vertically', () => {
  const session = workspaceSession();

  for (const viewport of [{ width: 1366, height: 768 }, { width: 1600, height: 1000 }]) {
    it(`at ${viewport.width}×${viewport.height} the story editor's Ctrl+B row lies inside the dialog once scrolled to`, async () => {
      const { page } = session;
      await page.setViewportSize(viewport);
      await page.keyboard.press('Escape');
      await menu(page, 'help', 'help.shortcuts');
      const dialog = page.getByTestId('dialog-shortcuts');
      await dialog.waitFor();
      const list = dialog.locator('.shortcut-sections');
      // Nothing beside the list's box: whatever is not shown is below, reached by scrolling down.
      const widths = await list.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      await scrollRowIntoList(page, 'Ctrl+B');
      const row = dialog.getByTestId('shortcut').filter({ has: page.locator('kbd', { hasText: /^Ctrl\+B$/ }) });
      const rowBox = (await row.boundingBox())!;
      expect(inside(rowBox, (await list.boundingBox())!), JSON.stringify(rowBox)).toBe(true);
      expect(inside(rowBox, (await dialog.boundingBox())!)).toBe(true);
      expect(inside((await dialog.boundingBox())!, { x: 0, y: 0, ...viewport })).toBe(true);
      await shot(page, `shortcuts-${viewport.width}x${viewport.height}.png`);
      // Each Chinese name on one line (or broken only at its spaces): as tall as one line of its cell's text.
      const broken = await dialog.locator('[data-testid="shortcut"] td:nth-child(2)').evaluateAll((cells) =>
        cells.filter((c) => !c.textContent!.includes(' ') && c.getBoundingClientRect().height > 1.6 * parseFloat(getComputedStyle(c).lineHeight || '18')).map((c) => c.textContent),
      );
      expect(broken).toEqual([]);
      await page.keyboard.press('Escape');
      expect(await dialog.count()).toBe(0);
    });
  }
});

describe.skipIf(!chromiumAvailable())('the story editor shows its keys: B and I buttons, ## and the way to 快捷键', () => {
  const session = workspaceSession({ width: 1366, height: 768 });

  it('has 加粗 and 倾斜 buttons, their keys in the tooltip, that set and show the mark', async () => {
    const { page } = session;
    await openStory(page, 'b-nanguan');
    const bold = page.getByTestId('story-bold');
    const italic = page.getByTestId('story-italic');
    expect(await bold.getAttribute('title')).toMatch(/加粗.*Ctrl\+B/);
    expect(await italic.getAttribute('title')).toMatch(/Ctrl\+I/);
    const body = page.getByTestId('story-body');
    await clickCaret(body.locator('p').first(), { x: 30, y: 8 });
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    const selected = () => body.evaluate((el) => {
      const state = (el as HTMLElement & { editor?: { state: { selection: { from: number; to: number } } } }).editor?.state;
      return state ? state.selection.to - state.selection.from : 0;
    });
    await expect.poll(selected).toBe(2);
    expect(await bold.getAttribute('aria-pressed')).toBe('false');
    await bold.click();
    await expect.poll(() => body.locator('strong').count()).toBeGreaterThan(0);
    expect(await bold.getAttribute('aria-pressed')).toBe('true');
    await italic.click();
    await expect.poll(() => body.locator('em').count()).toBeGreaterThan(0);
    // The selection stayed in the text: the next key acts on it.
    expect(await selected()).toBe(2);
    await shot(page, 'story-keys-1366x768.png');
  });

  it('says ## at a line start makes a subhead, and opens 快捷键 from its link', async () => {
    const { page } = session;
    const hint = page.getByTestId('story-keys-hint');
    expect(await hint.isVisible()).toBe(true);
    expect(await hint.innerText()).toMatch(/##\s*行首：小标题/);
    await page.getByTestId('story-keys-all').click();
    await page.getByTestId('dialog-shortcuts').waitFor();
    await page.keyboard.press('Escape');
  });
});
