import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from '../support/browser';
import { blockProps, clientPoint, compareWithReference, dragPage, frameOf, shot, textBox, workspaceSession } from './workspace-support';
import { openHandPlacedPage } from './hand-placed-support';

// The sample page's grid: 8 columns of 13 characters at 9 pt with a 1-character gutter, 12 pt line pitch.
const COL = 13 * 9;
const STEP = COL + 9;
const PITCH = 12;
const width = (span: number) => span * COL + (span - 1) * 9;

describe.skipIf(!chromiumAvailable())('the workspace (组版): arranging blocks on the page', () => {
  const session = workspaceSession();
  const problems = session.problems;
  let page: Page;
  beforeAll(async () => {
    page = session.page;
    await openHandPlacedPage(session);
  });

  it('shows the menus, the article list, the page and the properties', async () => {
    expect(await page.locator('.status').getAttribute('data-state')).toBe('ready');
    for (const menu of ['file', 'edit', 'view', 'layout']) expect(await page.getByTestId(`menu-${menu}`).count()).toBe(1);
    expect(await page.getByTestId('menu-file').innerText()).toBe('文件');
    expect(await page.getByTestId('article-item').count()).toBe(10);
    expect(await page.locator('[data-testid="article-item"][data-placed="yes"]').count()).toBe(10);
    expect(await page.getByTestId('page-columns').inputValue()).toBe('8');
    expect(await page.getByTestId('page-chars').inputValue()).toBe('13');
    expect(await page.getByTestId('page-grid-info').innerText()).toMatch(/栏宽 41\.3 mm/);
  });

  it('looks as it did when it was checked by eye (the whole window, page fitted)', async () => {
    // The layout time in the status line changes from run to run: masked.
    const png = await page.screenshot({ mask: [page.getByTestId('layout-ms')] });
    compareWithReference('ui-workspace.png', png, 0.005);
  });

  it('selects a block with a click and shows its span and position in columns, lines and mm', async () => {
    const f = await frameOf(page, 'b-junhe-yungu');
    const p = await clientPoint(page, f.x + f.width / 2, f.y + f.height / 2);
    await page.mouse.click(p.x, p.y);
    expect(await page.getByTestId('selection').getAttribute('data-block')).toBe('b-junhe-yungu');
    expect(await blockProps(page)).toEqual({ col: 0, span: 4, row: 81, rows: 9 });
    expect(await page.getByTestId('prop-mm').innerText()).toMatch(/宽 174\.6 mm/);
    expect(await page.getByTestId('block-article').innerText()).toBe('二期项目封顶');
  });

  it('moves a block by dragging, snapped to the columns, and the text moves with it', async () => {
    const before = await frameOf(page, 'b-junhe-yungu');
    const headlineBefore = (await textBox(page, '二期项目封顶'))!;
    // 2.2 columns right and 12.3 lines down, into the empty foot of the page: snaps to 2 columns, 12 lines.
    await dragPage(page, { x: before.x + 40, y: before.y + 40 }, { x: before.x + 40 + 2.2 * STEP, y: before.y + 40 + 12.3 * PITCH });
    const after = await frameOf(page, 'b-junhe-yungu');
    expect(after.x - before.x).toBeCloseTo(2 * STEP, 1);
    expect(after.y - before.y).toBeCloseTo(12 * PITCH, 1);
    expect(await blockProps(page)).toEqual({ col: 2, span: 4, row: 93, rows: 9 });
    const headlineAfter = (await textBox(page, '二期项目封顶'))!;
    expect(headlineAfter.x).toBeGreaterThan(headlineBefore.x + 100);
    expect(await page.getByTestId('dirty').count()).toBe(1);
    expect(await page.title()).toMatch(/^● /);
    await shot(page, 'ui-moved.png');
  });

  it('resizes a block by its handle, in whole columns, and the text reflows', async () => {
    const before = await frameOf(page, 'b-junhe-yungu');
    const rightOfFirstColumn = async () => {
      const left = before.x + STEP;
      const at = await page.locator('[data-testid="page"] svg text').evaluateAll((nodes) => nodes.map((n) => [Number((n.getAttribute('x') ?? '').split(' ')[0]), Number(n.getAttribute('y'))]));
      return at.filter(([x, y]) => x >= left && x < before.x + before.width && y > before.y && y < before.y + before.height).length;
    };
    const linesBefore = await rightOfFirstColumn();
    expect(linesBefore).toBeGreaterThan(0);
    const handle = page.locator('[data-testid="selection"] [data-handle="e"]');
    const hb = (await handle.boundingBox())!;
    await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
    await page.mouse.down();
    const target = await clientPoint(page, before.x + before.width - 3 * STEP, before.y + before.height / 2);
    await page.mouse.move(target.x, target.y, { steps: 6 });
    await page.mouse.up();
    const after = await frameOf(page, 'b-junhe-yungu');
    expect(after.width).toBeCloseTo(width(1), 1);
    expect(after.x).toBeCloseTo(before.x, 1);
    expect(await blockProps(page)).toEqual({ col: 2, span: 1, row: 93, rows: 9 });
    // The text that stood in columns 2–4 has flowed back into the first one, and what does not fit is overset.
    expect(await rightOfFirstColumn()).toBe(0);
    expect(await page.locator('g.frame[data-block="b-junhe-yungu"] [data-marker="overset"]').count()).toBe(1);
    await shot(page, 'ui-resized.png');
  });

  it('undoes and redoes each action as one step (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y)', async () => {
    await page.keyboard.press('Control+z');
    expect(await blockProps(page)).toEqual({ col: 2, span: 4, row: 93, rows: 9 });
    await page.keyboard.press('Control+z');
    expect(await blockProps(page)).toEqual({ col: 0, span: 4, row: 81, rows: 9 });
    await page.keyboard.press('Control+Shift+z');
    expect(await blockProps(page)).toEqual({ col: 2, span: 4, row: 93, rows: 9 });
    await page.keyboard.press('Control+y');
    expect(await blockProps(page)).toEqual({ col: 2, span: 1, row: 93, rows: 9 });
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    expect(await blockProps(page)).toEqual({ col: 0, span: 4, row: 81, rows: 9 });
  });

  it('moves freely with Alt held, and the model still rounds to grid units', async () => {
    const before = await frameOf(page, 'b-junhe-yungu');
    const from = { x: before.x + 30, y: before.y + 30 };
    const a = await clientPoint(page, from.x, from.y);
    // down into the free lines under the bottom row (a move onto another text block is refused)
    const b = await clientPoint(page, from.x + 1.4 * STEP, from.y + 10.4 * PITCH);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.keyboard.down('Alt');
    await page.mouse.move(b.x, b.y, { steps: 5 });
    // While dragging, the preview shows the free outline beside the snapped one.
    expect(await page.locator('[data-testid="drag-preview"] rect').count()).toBe(2);
    await page.mouse.up();
    await page.keyboard.up('Alt');
    expect(await blockProps(page)).toEqual({ col: 1, span: 4, row: 91, rows: 9 });
    await page.keyboard.press('Control+z');
    expect(await blockProps(page)).toEqual({ col: 0, span: 4, row: 81, rows: 9 });
  });

  it('nudges the selection with the arrow keys, and not onto another text block', async () => {
    await page.keyboard.press('Shift+ArrowDown');
    expect((await blockProps(page)).row).toBe(86);
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    expect(await blockProps(page)).toEqual({ col: 1, span: 4, row: 90, rows: 9 });
    // five lines up would put it over b-soe-ranking (columns 5–8, lines 82–90): refused, and said so
    await page.keyboard.press('Shift+ArrowUp');
    expect(await blockProps(page)).toEqual({ col: 1, span: 4, row: 90, rows: 9 });
    expect(await page.getByTestId('notice').innerText()).toMatch(/重叠|overlap/);
    for (let i = 0; i < 4; i++) await page.keyboard.press('Control+z');
    expect(await blockProps(page)).toEqual({ col: 0, span: 4, row: 81, rows: 9 });
  });

  it('shows overset on the block and in the article list when a block is too short', async () => {
    const rows = page.getByTestId('prop-rows');
    await rows.fill('4');
    await rows.press('Enter');
    const marker = page.locator('g.frame[data-block="b-junhe-yungu"] [data-marker="overset"]');
    expect(await marker.count()).toBe(1);
    expect(await marker.locator('text').textContent()).toMatch(/^溢 \d+ 字$/);
    expect(await page.locator('[data-article="junhe-yungu"] [data-testid="article-overset"]').innerText()).toMatch(/^溢 \d+$/);
    expect(await page.getByTestId('overset').innerText()).not.toBe('溢排 0 字');
    await shot(page, 'ui-overset.png');
    await page.keyboard.press('Control+z');
    expect(await marker.count()).toBe(0);
  });

  it('marks empty lines on article blocks with body text, not on a headline-only banner', async () => {
    expect(await page.locator('g.frame[data-block="b-banner"] [data-marker="underset"]').count()).toBe(0);
    expect(await page.locator('g.frame[data-block="b-xie-feng"] [data-marker="underset"]').count()).toBe(1);
  });

  it('locks a block so that it cannot be moved, and says so', async () => {
    await page.keyboard.press('Control+l');
    expect(await page.locator('g.frame[data-block="b-junhe-yungu"] [data-marker="locked"]').count()).toBe(1);
    const f = await frameOf(page, 'b-junhe-yungu');
    await dragPage(page, { x: f.x + 30, y: f.y + 30 }, { x: f.x + 30 + STEP, y: f.y + 30 });
    expect((await frameOf(page, 'b-junhe-yungu')).x).toBeCloseTo(f.x, 1);
    expect(await page.getByTestId('notice').innerText()).toContain('锁定');
    await page.keyboard.press('Delete');
    expect(await page.locator('g.frame[data-block="b-junhe-yungu"]').count()).toBe(1);
    await page.keyboard.press('Control+l');
    expect(await page.locator('g.frame[data-block="b-junhe-yungu"] [data-marker="locked"]').count()).toBe(0);
  });

  it('deletes a block (the article goes back to the list) and places it again by dragging it onto the page, sized to its text', async () => {
    await page.keyboard.press('Delete');
    expect(await page.locator('g.frame[data-block="b-junhe-yungu"]').count()).toBe(0);
    const item = page.locator('[data-testid="article-item"][data-article="junhe-yungu"]');
    expect(await item.getAttribute('data-placed')).toBe('no');
    expect(await page.locator('[data-testid="page"] svg text', { hasText: '二期项目封顶' }).count()).toBe(0);

    const src = (await item.boundingBox())!;
    // Drop on column 1, line 84 (the block below-right starts on line 82 of column 5).
    const soe = await frameOf(page, 'b-soe-ranking');
    const target = await clientPoint(page, soe.x - 4 * STEP + 10, soe.y + 3 * PITCH + 2);
    await page.mouse.move(src.x + 20, src.y + 10);
    await page.mouse.down();
    await page.mouse.move(target.x, target.y, { steps: 10 });
    await page.mouse.up();
    expect(await item.getAttribute('data-placed')).toBe('yes');
    const props = await blockProps(page);
    expect(props.col).toBe(0);
    expect(props.row).toBe(84);
    expect(props.span).toBe(4);
    // Sized to its text: the article fits (no overset) in fewer lines than the rest of the page.
    expect(props.rows).toBeGreaterThan(2);
    expect(props.rows).toBeLessThan(20);
    expect(await page.locator('[data-article="junhe-yungu"] [data-testid="article-overset"]').count()).toBe(0);
    expect(await page.locator('[data-testid="page"] svg text', { hasText: '二期项目封顶' }).count()).toBe(1);
    // Placing was one undo step, deleting another.
    await page.keyboard.press('Control+z');
    expect(await item.getAttribute('data-placed')).toBe('no');
    await page.keyboard.press('Control+z');
    expect(await item.getAttribute('data-placed')).toBe('yes');
    expect(await page.locator('g.frame[data-block="b-junhe-yungu"]').count()).toBe(1);
  });

  it('zooms with Ctrl+wheel, to fit page, to fit width and to 100%, and pans with space+drag', async () => {
    const zoom = page.getByTestId('zoom');
    const start = parseInt(await zoom.innerText(), 10);
    const vp = (await page.getByTestId('viewport').boundingBox())!;
    await page.mouse.move(vp.x + vp.width / 2, vp.y + vp.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -400);
    await page.keyboard.up('Control');
    await expect.poll(async () => parseInt(await zoom.innerText(), 10)).toBeGreaterThan(start);

    await page.getByTestId('tool-view.fitPage').click();
    const sheet = (await page.getByTestId('sheet').boundingBox())!;
    expect(sheet.height).toBeLessThanOrEqual(vp.height);
    expect(sheet.height).toBeGreaterThan(vp.height * 0.85);

    await page.getByTestId('tool-actual').click();
    expect(await zoom.innerText()).toBe('100%');
    const sheet100 = (await page.getByTestId('sheet').boundingBox())!;
    expect(sheet100.width).toBeCloseTo(((390 / 25.4) * 96), -1);

    const scrollBefore = await page.getByTestId('viewport').evaluate((el) => [el.scrollLeft, el.scrollTop]);
    await page.mouse.move(vp.x + 300, vp.y + 300);
    await page.keyboard.down('Space');
    await page.mouse.down();
    await page.mouse.move(vp.x + 200, vp.y + 150, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Space');
    const scrollAfter = await page.getByTestId('viewport').evaluate((el) => [el.scrollLeft, el.scrollTop]);
    expect(scrollAfter[0] - scrollBefore[0]).toBeCloseTo(100, -1);
    expect(scrollAfter[1] - scrollBefore[1]).toBeCloseTo(150, -1);
  });

  it('shows the character grid, column guides and baseline grid when asked', async () => {
    for (const [tool, guide] of [
      ['view.charGrid', 'char-grid'],
      ['view.columns', 'columns'],
      ['view.baselines', 'baselines'],
    ]) {
      expect(await page.locator(`[data-guide="${guide}"]`).count()).toBe(0);
      await page.getByTestId(`tool-${tool}`).click();
      expect(await page.locator(`[data-guide="${guide}"]`).count()).toBe(1);
    }
    await shot(page, 'ui-guides-100.png');
    // A close-up at 100 %: the character grid's cells must hold the body characters exactly.
    const sheet = (await page.getByTestId('sheet').boundingBox())!;
    const vp = (await page.getByTestId('viewport').boundingBox())!;
    const clip = { x: Math.max(sheet.x, vp.x) + 10, y: vp.y + 10, width: 420, height: 300 };
    compareWithReference('ui-guides-closeup.png', await page.screenshot({ clip }), 0.005);
    for (const tool of ['view.charGrid', 'view.columns', 'view.baselines']) await page.getByTestId(`tool-${tool}`).click();
    await page.getByTestId('tool-view.fitWidth').click();
  });

  it('runs commands from the menus', async () => {
    await page.getByTestId('menu-view').click();
    await shot(page, 'ui-menu-view.png');
    await page.locator('.menu-items [data-command="view.charGrid"]').click();
    expect(await page.locator('[data-guide="char-grid"]').count()).toBe(1);
    await page.getByTestId('menu-view').click();
    await page.locator('.menu-items [data-command="view.charGrid"]').click();
    expect(await page.locator('[data-guide="char-grid"]').count()).toBe(0);
  });

  it('changes page settings as undoable steps: characters per column, and a header field', async () => {
    const chars = page.getByTestId('page-chars');
    await chars.fill('12');
    await chars.press('Enter');
    expect(await page.getByTestId('page-grid-info').innerText()).toMatch(/栏宽 38\.1 mm/);
    expect((await frameOf(page, 'b-banner')).width).toBeCloseTo(8 * 12 * 9 + 7 * 9, 1);
    await page.keyboard.press('Control+z');
    expect((await frameOf(page, 'b-banner')).width).toBeCloseTo(width(8), 1);
    const date = page.getByTestId('header-date');
    await date.fill('2024-01-16');
    await date.press('Enter');
    await expect.poll(() => page.locator('[data-testid="page"] svg text', { hasText: '2024年1月16日' }).count()).toBeGreaterThan(0);
    await page.keyboard.press('Control+z');
    expect(await page.locator('[data-testid="page"] svg text', { hasText: '2024年1月16日' }).count()).toBe(0);
  });

  it('logged no errors', () => {
    expect(problems).toEqual([]);
  });
});
