/**
 * 竖排标题 and 反白 in the workspace (Chromium, 1600×1000): an article's titles switched to vertical in
 * 属性 are drawn on the canvas as a column of glyphs at the block's right, x constant and y increasing;
 * a 反白 band puts a black rectangle under them and turns them white; undo puts the titles back across.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { clientPoint, frameOf, shot, workspaceSession } from './workspace-support';
import { openHandPlacedPage } from './hand-placed-support';

/** Glyphs drawn one by one (竖排 runs): text, x, y, turned, fill. */
async function placedGlyphs(page: Page): Promise<{ ch: string; x: number; y: number; turned: boolean; fill: string }[]> {
  return page.locator('[data-testid="page"] svg text[transform^="translate"]').evaluateAll((nodes) =>
    nodes.map((n) => {
      const t = n.getAttribute('transform') ?? '';
      const m = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(t)!;
      return { ch: n.textContent ?? '', x: Number(m[1]), y: Number(m[2]), turned: t.includes('rotate(90)'), fill: n.getAttribute('fill') ?? '' };
    }),
  );
}

/** The hand-placed page's 谢峰 interview clicked: its frame, the point clicked and its headline as the 属性 panel shows it. */
async function selectStory(page: Page): Promise<{ frame: Awaited<ReturnType<typeof frameOf>>; p: { x: number; y: number }; headline: string }> {
  const frame = await frameOf(page, 'b-xie-feng');
  const p = await clientPoint(page, frame.x + frame.width / 2, frame.y + frame.height / 2);
  await page.mouse.click(p.x, p.y);
  await expect.poll(() => page.getByTestId('selection').getAttribute('data-block')).toBe('b-xie-feng');
  return { frame, p, headline: (await page.getByTestId('block-article').textContent())!.trim() };
}

describe.skipIf(!chromiumAvailable())('竖排标题 and 反白 in the workspace', () => {
  const session = workspaceSession({ width: 1600, height: 1000 });
  let page: Page;
  beforeAll(async () => {
    page = session.page;
    await openHandPlacedPage(session);
  });

  it('sets the selected article’s headline vertically at its right when 标题排向 is 竖排, and back with undo', async () => {
    const { frame, p, headline } = await selectStory(page);
    // (joined dashes of the body are drawn one by one too; the headline's characters are not, yet)
    const headGlyphs = async () => (await placedGlyphs(page)).filter((g) => headline.includes(g.ch) && g.ch !== '—');
    expect(await headGlyphs()).toEqual([]);
    await expect(page.getByTestId('prop-headline-span').count()).resolves.toBe(1);
    await page.getByTestId('prop-title-direction').selectOption('vertical');
    await expect.poll(async () => (await headGlyphs()).length).toBeGreaterThan(3);
    // the span is the vertical titles' own: its field goes
    expect(await page.getByTestId('prop-headline-span').count()).toBe(0);
    const glyphs = (await headGlyphs()).filter((g) => !g.turned);
    expect(glyphs.length).toBeGreaterThan(3);
    // one column at the block's right, read downwards
    const column = glyphs.filter((g) => g.x === glyphs[0].x);
    expect(column.length).toBeGreaterThan(3);
    for (let i = 1; i < column.length; i++) expect(column[i].y).toBeGreaterThan(column[i - 1].y);
    expect(glyphs[0].x).toBeGreaterThan(frame.x + (frame.width * 3) / 4);
    expect(glyphs[0].x).toBeLessThan(frame.x + frame.width);
    expect(await shot(page, 'vertical-titles-1600.png')).toBeTruthy();

    await page.getByTestId('prop-title-band').selectOption('white');
    await expect.poll(async () => (await headGlyphs()).every((g) => g.fill === 'rgb(255,255,255)')).toBe(true);
    expect(await shot(page, 'vertical-titles-band-1600.png')).toBeTruthy();

    // back on the canvas, zoomed to the block to look at the glyphs; each change was one undo step
    await page.mouse.click(p.x, p.y);
    const fitted = await page.getByTestId('zoom').textContent();
    await page.keyboard.press('Control+2');
    await expect.poll(() => page.getByTestId('zoom').textContent()).not.toBe(fitted);
    expect(await shot(page, 'vertical-titles-band-zoomed-1600.png')).toBeTruthy();
    const centre = await frameOf(page, 'b-xie-feng');
    const q = await clientPoint(page, centre.x + centre.width / 4, centre.y + centre.height / 2);
    await page.mouse.click(q.x, q.y);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await headGlyphs()).length).toBe(0);
  });

  it('sets the selected article’s horizontal titles lower by the lines of 题上留行 (图在题上: room over them for a picture), and back with undo', async () => {
    const { frame, p, headline } = await selectStory(page);
    // the top of the headline's drawn text, in page pt
    const headTop = () => page.locator('[data-testid="page"] svg text').evaluateAll((nodes, h) => Math.min(...nodes.filter((n) => (n.textContent ?? '').trim().length >= 2 && h.startsWith((n.textContent ?? '').trim().slice(0, 2))).map((n) => Number(n.getAttribute('y')))), headline);
    const before = await headTop();
    expect(before).toBeGreaterThan(frame.y);
    expect(before).toBeLessThan(frame.y + frame.height / 2);
    await page.getByTestId('prop-title-row').fill('6');
    await page.getByTestId('prop-title-row').press('Enter');
    // six grid lines, each at least the body's 9 pt and at most 30 pt
    await expect.poll(headTop).toBeGreaterThan(before + 6 * 9);
    expect(await headTop()).toBeLessThan(before + 6 * 30);
    expect(await shot(page, 'title-row-1600.png')).toBeTruthy();
    // more lines than the block has is refused, the titles stay
    const moved = await headTop();
    await page.getByTestId('prop-title-row').fill('999');
    await page.getByTestId('prop-title-row').press('Enter');
    await expect.poll(() => page.getByTestId('prop-title-row').inputValue()).toBe('6');
    expect(await headTop()).toBe(moved);
    await page.mouse.click(p.x, p.y);
    await page.keyboard.press('Control+z');
    await expect.poll(headTop).toBe(before);
  });
});
