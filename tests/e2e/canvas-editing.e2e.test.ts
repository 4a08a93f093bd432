/**
 * Canvas editing in Chromium, by pointer and keyboard, on the hand-placed page: shift-click and
 * marquee multi-select, Ctrl+A for blocks (and still for a field's text), a multi-selection dragged
 * as one, 排列 (align, z order), copy/paste, ruler guides, 缩放到所选. Screenshots of a multi-selection
 * and of a guide at 1600×1000 and 1366×768.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { clickBlock, clientPoint, dragPage, frameOf, menu, shot, workspaceSession } from './workspace-support';
import { openHandPlacedPage } from './hand-placed-support';

const selectedIds = async (page: Page): Promise<string[]> => (await page.locator('[data-testid="multi-selection"] rect[data-selected]').evaluateAll((ns) => ns.map((n) => n.getAttribute('data-selected') ?? ''))).sort();

/** Clicks the middle of a block, with Shift held when asked (the mouse's click takes no modifiers). */
for (const viewport of [
  { width: 1600, height: 1000 },
  { width: 1366, height: 768 },
]) {
  describe.skipIf(!chromiumAvailable())(`multi-selection on the canvas at ${viewport.width}×${viewport.height}`, () => {
    const session = workspaceSession(viewport);
    let page: Page;
    let pitch: number;
    beforeAll(async () => {
      page = session.page;
      await openHandPlacedPage(session);
      // b-xie-feng is 30 lines deep, b-xu-chaowen 17
      pitch = ((await frameOf(page, 'b-xie-feng')).height - (await frameOf(page, 'b-xu-chaowen')).height) / 13;
    });

    it('shift-click adds and removes blocks; Escape clears the selection', async () => {
      await clickBlock(page, 'b-junhe-yungu');
      await clickBlock(page, 'b-soe-ranking', true);
      await clickBlock(page, 'b-nanyang-chamber', true);
      await expect.poll(() => selectedIds(page)).toEqual(['b-junhe-yungu', 'b-nanyang-chamber', 'b-soe-ranking']);
      await shot(page, `canvas-multi-select-${viewport.width}x${viewport.height}.png`);
      await clickBlock(page, 'b-nanyang-chamber', true);
      await expect.poll(() => selectedIds(page)).toEqual(['b-junhe-yungu', 'b-soe-ranking']);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('multi-selection').count()).toBe(0);
      await expect.poll(() => page.getByTestId('selection').count()).toBe(0);
    });

    it('a marquee from empty page selects the blocks it touches', async () => {
      const a = await frameOf(page, 'b-junhe-yungu');
      const b = await frameOf(page, 'b-soe-ranking');
      // from the free lines under both, up into their last lines: touching, not enclosing
      const foot = Math.max(a.y + a.height, b.y + b.height);
      await dragPage(page, { x: a.x + 10, y: foot + 3 * pitch }, { x: b.x + 10, y: foot - pitch });
      await expect.poll(() => selectedIds(page)).toEqual(['b-junhe-yungu', 'b-soe-ranking']);
      await expect.poll(() => page.getByTestId('marquee').count()).toBe(0);
    });

    it('dragging one block of the selection moves both by the same lines, one undo step', async () => {
      const a = await frameOf(page, 'b-junhe-yungu');
      const b = await frameOf(page, 'b-soe-ranking');
      await dragPage(page, { x: a.x + a.width / 2, y: a.y + a.height / 2 }, { x: a.x + a.width / 2, y: a.y + a.height / 2 + 4 * pitch + 1 });
      await expect.poll(async () => (await frameOf(page, 'b-junhe-yungu')).y).toBeCloseTo(a.y + 4 * pitch, 0);
      expect((await frameOf(page, 'b-soe-ranking')).y).toBeCloseTo(b.y + 4 * pitch, 0);
      expect(await selectedIds(page)).toEqual(['b-junhe-yungu', 'b-soe-ranking']);
      await page.keyboard.press('Control+z');
      await expect.poll(async () => (await frameOf(page, 'b-junhe-yungu')).y).toBeCloseTo(a.y, 0);
      expect((await frameOf(page, 'b-soe-ranking')).y).toBeCloseTo(b.y, 0);
    });

    it('排列 › 顶对齐 aligns the selection; undo puts it back', async () => {
      const junhe = await frameOf(page, 'b-junhe-yungu');
      // soe-ranking five lines down into the free lines at the foot (Shift+↓), then both selected
      await clickBlock(page, 'b-soe-ranking');
      await page.keyboard.press('Shift+ArrowDown');
      await expect.poll(async () => (await frameOf(page, 'b-soe-ranking')).y).toBeCloseTo(junhe.y + 5 * pitch, 0);
      await clickBlock(page, 'b-junhe-yungu', true);
      await menu(page, 'arrange', 'arrange.alignTop');
      await expect.poll(async () => (await frameOf(page, 'b-soe-ranking')).y).toBeCloseTo(junhe.y, 0);
      expect((await frameOf(page, 'b-junhe-yungu')).y).toBeCloseTo(junhe.y, 0);
      await page.keyboard.press('Control+z');
      await expect.poll(async () => (await frameOf(page, 'b-soe-ranking')).y).toBeCloseTo(junhe.y + 5 * pitch, 0);
      await page.keyboard.press('Control+z');
      await expect.poll(async () => (await frameOf(page, 'b-soe-ranking')).y).toBeCloseTo(junhe.y, 0);
    });

    it('Ctrl+D duplicates a block with its own article where it covers nothing; Ctrl+C, Ctrl+V paste another; undo takes each away', async () => {
      const frames = page.locator('[data-testid="overlay"] g.frame');
      const count = await frames.count();
      await clickBlock(page, 'b-junhe-yungu');
      await page.keyboard.press('Control+d');
      await expect.poll(() => frames.count()).toBe(count + 1);
      const copy = (await page.getByTestId('selection').getAttribute('data-block'))!;
      expect(copy).not.toBe('b-junhe-yungu');
      const f = await frameOf(page, copy);
      const junhe = await frameOf(page, 'b-junhe-yungu');
      // the nearest free place is in the free lines under it
      expect(f.x).toBeCloseTo(junhe.x, 0);
      expect(f.y).toBeGreaterThanOrEqual(junhe.y + junhe.height);
      // its article is a story of its own, listed in 稿件 under the same headline
      await expect.poll(() => page.getByTestId('articles').getByTestId('article-item').filter({ hasText: '二期项目封顶' }).count()).toBeGreaterThan(1);
      await page.keyboard.press('Control+c');
      await page.keyboard.press('Control+v');
      await expect.poll(() => frames.count()).toBe(count + 2);
      await page.keyboard.press('Control+z');
      await page.keyboard.press('Control+z');
      await expect.poll(() => frames.count()).toBe(count);
    });

    it('Ctrl+[ sends the picture under its article (frames in stacking order); Ctrl+Z puts it back', async () => {
      const order = () => page.locator('[data-testid="overlay"] g.frame').evaluateAll((ns) => ns.map((n) => n.getAttribute('data-block')));
      const before = await order();
      expect(before.indexOf('b-anle-photo')).toBeGreaterThan(before.indexOf('b-anle'));
      const photo = await frameOf(page, 'b-anle-photo');
      const p = await clientPoint(page, photo.x + photo.width / 2, photo.y + photo.height / 3);
      await page.mouse.click(p.x, p.y);
      await expect.poll(() => page.getByTestId('selection').getAttribute('data-block')).toBe('b-anle-photo');
      await page.keyboard.press('Control+[');
      await expect.poll(async () => (await order()).indexOf('b-anle-photo')).toBe(before.indexOf('b-anle'));
      await page.keyboard.press('Control+z');
      await expect.poll(() => order()).toEqual(before);
    });

    it('a guide dragged from the top ruler lands on the page, moves, and goes when dragged back onto the ruler; one undo step each', async () => {
      const ruler = (await page.getByTestId('ruler-top').boundingBox())!;
      const junhe = await frameOf(page, 'b-junhe-yungu');
      const target = await clientPoint(page, junhe.x + junhe.width / 2, junhe.y + junhe.height + 2 * pitch);
      await page.mouse.move(target.x, ruler.y + ruler.height / 2);
      await page.mouse.down();
      await page.mouse.move(target.x, target.y, { steps: 6 });
      await expect.poll(() => page.getByTestId('guide-drag').count()).toBe(1);
      await page.mouse.up();
      const guide = page.locator('[data-testid="page-guides"] g[data-guide-line="y"][data-index="0"]');
      await expect.poll(async () => Number(await guide.getAttribute('data-pos'))).toBeCloseTo(junhe.y + junhe.height + 2 * pitch, 0);
      await shot(page, `canvas-guides-${viewport.width}x${viewport.height}.png`);
      // grabbed along its length and dragged two lines down
      const on = await clientPoint(page, junhe.x + 20, junhe.y + junhe.height + 2 * pitch);
      const lower = await clientPoint(page, junhe.x + 20, junhe.y + junhe.height + 4 * pitch);
      await page.mouse.move(on.x, on.y);
      await page.mouse.down();
      await page.mouse.move(lower.x, lower.y, { steps: 4 });
      await page.mouse.up();
      await expect.poll(async () => Number(await guide.getAttribute('data-pos'))).toBeCloseTo(junhe.y + junhe.height + 4 * pitch, 0);
      // the block under it was not moved by the drag
      expect(await frameOf(page, 'b-junhe-yungu')).toEqual(junhe);
      await page.mouse.move(lower.x, lower.y);
      await page.mouse.down();
      await page.mouse.move(lower.x, ruler.y + 5, { steps: 6 });
      await page.mouse.up();
      await expect.poll(() => guide.count()).toBe(0);
      await page.keyboard.press('Control+z');
      await expect.poll(() => guide.count()).toBe(1);
      await page.keyboard.press('Control+z');
      await page.keyboard.press('Control+z');
      await expect.poll(() => guide.count()).toBe(0);
    });

    it('缩放到所选 (Ctrl+2) fits the selected block into the view, centred', async () => {
      await clickBlock(page, 'b-nanyang-chamber');
      const zoomBefore = await page.getByTestId('sheet').evaluate((el) => el.getBoundingClientRect().width);
      await page.keyboard.press('Control+2');
      await expect.poll(async () => page.getByTestId('sheet').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(zoomBefore * 1.5);
      const vp = (await page.getByTestId('viewport').boundingBox())!;
      const block = (await page.locator('[data-testid="overlay"] g.frame[data-block="b-nanyang-chamber"] rect.frame-hit').boundingBox())!;
      expect(block.x).toBeGreaterThanOrEqual(vp.x);
      expect(block.x + block.width).toBeLessThanOrEqual(vp.x + vp.width);
      expect(block.y).toBeGreaterThanOrEqual(vp.y);
      expect(block.y + block.height).toBeLessThanOrEqual(vp.y + vp.height);
      expect(Math.abs(block.x + block.width / 2 - (vp.x + vp.width / 2))).toBeLessThan(30);
      expect(Math.abs(block.y + block.height / 2 - (vp.y + vp.height / 2))).toBeLessThan(30);
      await page.getByTestId('tool-view.fitPage').click();
    });

    it('a block dragged near a guide lands on the line nearest the guide, not the one nearest the pointer', async () => {
      await clickBlock(page, 'b-junhe-yungu');
      await page.keyboard.press('Control+2');
      await expect.poll(() => page.getByTestId('sheet').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(1500);
      const junhe = await frameOf(page, 'b-junhe-yungu');
      // a guide 3.35 lines under its top: snapped there the top goes to line +3; the pointer goes to +3.55 (rounds to +4)
      const ruler = (await page.getByTestId('ruler-top').boundingBox())!;
      const g = await clientPoint(page, junhe.x + junhe.width / 2, junhe.y + 3.35 * pitch);
      await page.mouse.move(g.x, ruler.y + ruler.height / 2);
      await page.mouse.down();
      await page.mouse.move(g.x, g.y, { steps: 6 });
      await page.mouse.up();
      const guide = page.locator('[data-testid="page-guides"] g[data-guide-line="y"][data-index="0"]');
      await expect.poll(() => guide.count()).toBe(1);
      const zoom = (await page.getByTestId('sheet').evaluate((el) => el.getBoundingClientRect().width)) / Number((await page.getByTestId('overlay').getAttribute('viewBox'))!.split(' ')[2]);
      // within the 6 px reach of the snap at this zoom
      expect(0.2 * pitch * zoom).toBeLessThan(6);
      const from = { x: junhe.x + 30, y: junhe.y + 1.5 * pitch };
      await dragPage(page, from, { x: from.x, y: from.y + 3.55 * pitch }, { steps: 10 });
      await expect.poll(async () => (await frameOf(page, 'b-junhe-yungu')).y).toBeCloseTo(junhe.y + 3 * pitch, 0);
      await page.keyboard.press('Control+z');
      await page.keyboard.press('Control+z');
      await expect.poll(() => guide.count()).toBe(0);
      expect((await frameOf(page, 'b-junhe-yungu')).y).toBeCloseTo(junhe.y, 0);
      await page.getByTestId('tool-view.fitPage').click();
    });

    it('Ctrl+A selects every block on the page, but in a text field selects its text', async () => {
      await page.getByTestId('viewport').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+a');
      const frames = await page.locator('[data-testid="overlay"] g.frame').count();
      await expect.poll(() => page.getByTestId('multi-selection').getAttribute('data-count')).toBe(String(frames));
      await page.keyboard.press('Escape');
      const field = page.locator('input[type="text"], input:not([type])').first();
      await field.click();
      await page.keyboard.press('Control+a');
      expect(await page.getByTestId('multi-selection').count()).toBe(0);
      expect(await field.evaluate((el: HTMLInputElement) => el.selectionEnd! - el.selectionStart! === el.value.length)).toBe(true);
      expect(session.problems).toEqual([]);
    });
  });
}
