/**
 * Canvas arranging not covered elsewhere, by pointer and menus on the hand-placed page: 置于顶层 and
 * 置于底层, 水平分布 of three blocks, and a dragged block drawn to another block's edge (not only to
 * guides). Blocks for the free foot of the page are drawn with the 文本框 tool, as a person would.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { clickBlock, clientPoint, dragPage, frameOf, menu, shot, workspaceSession } from './workspace-support';
import { openHandPlacedPage } from './hand-placed-support';

/** The page's grid read from the hand-placed blocks: column 0 and 4's left edges, the banner's top (line 0), the line pitch. */
interface Grid {
  x0: number;
  step: number;
  top: number;
  pitch: number;
}

async function readGrid(page: Page): Promise<Grid> {
  const xie = await frameOf(page, 'b-xie-feng'); // column 0, lines 4–33 (30)
  const wu = await frameOf(page, 'b-wu-jinsong'); // column 4
  const xu = await frameOf(page, 'b-xu-chaowen'); // 17 lines
  const pitch = (xie.height - xu.height) / 13;
  return { x0: xie.x, step: (wu.x - xie.x) / 4, top: xie.y - 4 * pitch, pitch };
}

/** The middle of a grid cell (column, line), page pt. */
const cell = (g: Grid, col: number, line: number) => ({ x: g.x0 + col * g.step + g.step / 3, y: g.top + (line + 0.5) * g.pitch });

const order = (page: Page) => page.locator('[data-testid="overlay"] g.frame').evaluateAll((ns) => ns.map((n) => n.getAttribute('data-block')!));

/** Draws a frame with the 文本框 tool over these cells and closes the story editor it opens; its block id. */
async function drawFrame(page: Page, g: Grid, from: [number, number], to: [number, number]): Promise<string> {
  const before = await order(page);
  await page.getByTestId('tool-layout.textFrame').click();
  await dragPage(page, cell(g, ...from), cell(g, ...to));
  await page.getByTestId('story-editor').waitFor();
  await page.getByTestId('story-editor').getByRole('button', { name: '关闭 Close' }).click();
  await page.getByTestId('story-editor').waitFor({ state: 'detached' });
  const added = (await order(page)).filter((id) => !before.includes(id));
  expect(added).toHaveLength(1);
  return added[0];
}

/** A block's column and line as the overlay draws it. */
async function placeOf(page: Page, g: Grid, id: string): Promise<{ col: number; line: number }> {
  const f = await frameOf(page, id);
  return { col: Math.round((f.x - g.x0) / g.step), line: Math.round((f.y - g.top) / g.pitch) };
}

describe.skipIf(!chromiumAvailable())('arranging blocks on the canvas', () => {
  const session = workspaceSession();
  let page: Page;
  let g: Grid;
  beforeAll(async () => {
    page = session.page;
    await openHandPlacedPage(session);
    g = await readGrid(page);
  });

  it('排列 › 置于顶层 puts a block last in the stacking order, 置于底层 first; undo restores the order', async () => {
    const before = await order(page);
    await clickBlock(page, 'b-xie-feng');
    await menu(page, 'arrange', 'arrange.front');
    await expect.poll(async () => (await order(page)).at(-1)).toBe('b-xie-feng');
    await menu(page, 'arrange', 'arrange.back');
    await expect.poll(async () => (await order(page))[0]).toBe('b-xie-feng');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => order(page)).toEqual(before);
  });

  it('排列 › 水平分布 spaces three blocks evenly across their columns, in one undo step', async () => {
    // Three one-column frames in the free lines at the foot: columns 0, 1 and 6.
    const a = await drawFrame(page, g, [0, 100], [0, 102]);
    const b = await drawFrame(page, g, [1, 100], [1, 102]);
    const c = await drawFrame(page, g, [6, 100], [6, 102]);
    expect((await placeOf(page, g, b)).col).toBe(1);
    await clickBlock(page, a);
    await clickBlock(page, b, true);
    await clickBlock(page, c, true);
    await menu(page, 'arrange', 'arrange.distributeH');
    // 0 … 6: one column each, the four free columns shared out two and two.
    await expect.poll(async () => (await placeOf(page, g, b)).col).toBe(3);
    expect((await placeOf(page, g, a)).col).toBe(0);
    expect((await placeOf(page, g, c)).col).toBe(6);
    await shot(page, 'canvas-arrange-distributed.png');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await placeOf(page, g, b)).col).toBe(1);
    await page.keyboard.press('Escape');
  });

  it('a block dragged near another block’s edge lands on that edge, not on the line nearest the pointer', async () => {
    // A frame at column 0 from line 95; 均和云谷 (column 0, lines 81–89) is dragged 4.45 lines down:
    // by the pointer alone its foot would end at line 94 (4 lines), drawn to the frame's top it ends at 95.
    const frame = await drawFrame(page, g, [0, 95], [0, 97]);
    const zoom = (await page.getByTestId('sheet').evaluate((el) => el.getBoundingClientRect().width)) / Number((await page.getByTestId('overlay').getAttribute('viewBox'))!.split(' ')[2]);
    // within the 6 px reach of the snap at this zoom, and no other edge as near
    expect(0.55 * g.pitch * zoom).toBeLessThan(6);
    const junhe = await frameOf(page, 'b-junhe-yungu');
    expect((await placeOf(page, g, 'b-junhe-yungu')).line).toBe(81);
    const from = { x: junhe.x + junhe.width / 2, y: junhe.y + junhe.height / 2 };
    await dragPage(page, from, { x: from.x, y: from.y + 4.45 * g.pitch }, { steps: 10 });
    await expect.poll(async () => (await placeOf(page, g, 'b-junhe-yungu')).line).toBe(86);
    // It abuts the frame as blocks on consecutive lines do (南阳商会 ends where 均和云谷 began).
    const moved = await frameOf(page, 'b-junhe-yungu');
    const nanyang = await frameOf(page, 'b-nanyang-chamber');
    expect((await frameOf(page, frame)).y - (moved.y + moved.height)).toBeCloseTo(junhe.y - (nanyang.y + nanyang.height), 1);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await placeOf(page, g, 'b-junhe-yungu')).line).toBe(81);
    // Alt: no snapping, the pointer's line.
    await dragPage(page, from, { x: from.x, y: from.y + 4.45 * g.pitch }, { steps: 10, alt: true });
    await expect.poll(async () => (await frameOf(page, 'b-junhe-yungu')).y).not.toBeCloseTo(junhe.y, 0);
    expect((await placeOf(page, g, 'b-junhe-yungu')).line).not.toBe(86);
    await page.keyboard.press('Control+z');
  });

  it('left nothing in the console', () => {
    expect(session.problems).toEqual([]);
  });
});
