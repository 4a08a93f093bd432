import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { layout } from '../../src-core/layout/layout';
import { gridGeometry } from '../../src-core/model/grid';
import { cellAt, clampRect, fitZoom, hitTest, movedRect, nudgedRect, resizedRect, wheelZoom } from '../../src-renderer/editor/geometry';
import { fonts } from './support';

/** The workspace's geometry kernels: pointer movement in pt → grid rectangles. */
const geo = gridGeometry(samplePage().page); // 8 columns of 117 pt, 9 pt gutter, 12 pt pitch
const step = geo.colWidth + geo.gutter;
const block = { col: 0, span: 4, row: 81, rows: 9 };

describe('workspace geometry kernels', () => {
  it('the sample grid is what the kernels assume', () => {
    expect([geo.columns, geo.colWidth, geo.gutter, geo.pitch]).toEqual([8, 117, 9, 12]);
  });

  it('snaps a move to whole columns and lines', () => {
    expect(movedRect(geo, block, 2.2 * step, 0.3 * geo.pitch)).toEqual({ col: 2, span: 4, row: 81, rows: 9 });
    expect(movedRect(geo, block, 1.6 * step, -2.6 * geo.pitch)).toEqual({ col: 2, span: 4, row: 78, rows: 9 });
    expect(movedRect(geo, block, 0.4 * step, 0.4 * geo.pitch)).toEqual(block);
  });

  it('keeps a moved block inside the grid', () => {
    expect(movedRect(geo, block, 10 * step, 0)).toMatchObject({ col: 4 });
    expect(movedRect(geo, block, -3 * step, -200 * geo.pitch)).toMatchObject({ col: 0, row: 0 });
    expect(movedRect(geo, block, 0, 500 * geo.pitch)).toMatchObject({ row: geo.rows - 9 });
  });

  it('resizes from any handle, keeping the opposite edges and at least one column and line', () => {
    expect(resizedRect(geo, block, 'e', -1.2 * step, 0)).toEqual({ col: 0, span: 3, row: 81, rows: 9 });
    expect(resizedRect(geo, block, 'w', 1 * step, 0)).toEqual({ col: 1, span: 3, row: 81, rows: 9 });
    expect(resizedRect(geo, block, 'se', 2 * step, 3 * geo.pitch)).toEqual({ col: 0, span: 6, row: 81, rows: 12 });
    expect(resizedRect(geo, block, 'n', 0, 20 * geo.pitch)).toEqual({ col: 0, span: 4, row: 89, rows: 1 });
    expect(resizedRect(geo, block, 'e', -10 * step, 0)).toMatchObject({ span: 1 });
    expect(resizedRect(geo, block, 'e', 10 * step, 0)).toMatchObject({ span: 8 });
  });

  it('nudges by a column or a line (Shift: five lines), and ignores other keys', () => {
    expect(nudgedRect(geo, block, 'ArrowRight')).toMatchObject({ col: 1 });
    expect(nudgedRect(geo, block, 'ArrowLeft')).toMatchObject({ col: 0 });
    expect(nudgedRect(geo, block, 'ArrowUp', true)).toMatchObject({ row: 76 });
    expect(nudgedRect(geo, block, 'x')).toBeUndefined();
  });

  it('clamps a rectangle larger than the grid', () => {
    expect(clampRect(geo, { col: -2, span: 12, row: 3.4, rows: 1000 })).toEqual({ col: 0, span: 8, row: 0, rows: geo.rows });
  });

  it('finds the grid cell under a point and the topmost frame', () => {
    expect(cellAt(geo, geo.left + 2 * step + 5, geo.top + 10 * geo.pitch + 1)).toEqual({ col: 2, row: 10 });
    const frames = [
      { blockId: 'a', kind: 'article' as const, x: 0, y: 0, width: 100, height: 100, emptyLines: 0 },
      { blockId: 'img', kind: 'image' as const, x: 50, y: 50, width: 20, height: 20, emptyLines: 0 },
    ];
    expect(hitTest({ frames }, 55, 55)?.blockId).toBe('img');
    expect(hitTest({ frames }, 10, 10)?.blockId).toBe('a');
    expect(hitTest({ frames }, 200, 10)).toBeUndefined();
  });

  it('hits a stepped block only where its columns reach: below a short column lies the neighbour', () => {
    // Read from the sample: a stepped article block with another block below one of its short columns,
    // inside its bounding box, that block stacked under it (so its rectangle alone would give the stepped
    // one). Now 伏牛1号 (columns 1–8; columns 5–8 stop after 9 lines) over 科学规划.
    const doc = samplePage();
    const pl = layout(doc, { fonts });
    const shape = { geo, block: (id: string) => doc.blocks.find((b) => b.id === id) };
    const grid = doc.blocks.filter((b) => b.kind !== 'rule');
    /** The block other than `but` whose rectangle holds the cell. */
    const at = (col: number, row: number, but: unknown) => grid.find((b) => b !== but && b.col <= col && col < b.col + b.span && b.row <= row && row < b.row + b.rows);
    const cases = grid.flatMap((b) => {
      if (b.kind !== 'article' || !b.columnRows) return [];
      const under = (n: (typeof grid)[number] | undefined) => !!n && grid.indexOf(n) < grid.indexOf(b);
      const k = b.columnRows.findIndex((d, i) => d < b.rows && under(at(b.col + i, b.row + d, b)));
      return k < 0 ? [] : [{ b, k, depth: b.columnRows[k], full: b.columnRows.indexOf(b.rows) }];
    });
    expect(cases.length).toBeGreaterThan(0);
    const { b, k, depth, full } = cases[0];
    const x = (col: number) => geo.left + col * step + 50;
    const y = (row: number) => geo.top + row * geo.pitch + 4;
    // below the short column: the neighbour; its last line: the stepped block
    expect(hitTest(pl, x(b.col + k), y(b.row + depth), 0, shape)?.blockId).toBe(at(b.col + k, b.row + depth, b)!.id);
    expect(hitTest(pl, x(b.col + k), y(b.row + b.rows - 1), 0, shape)?.blockId).not.toBe(b.id);
    expect(hitTest(pl, x(b.col + k), y(b.row + depth - 1), 0, shape)?.blockId).toBe(b.id);
    // its full columns are still its own, to its foot
    expect(full).toBeGreaterThanOrEqual(0);
    expect(hitTest(pl, x(b.col + full), y(b.row + b.rows - 1), 0, shape)?.blockId).toBe(b.id);
  });

  it('fits the page or its width, and zooms about 10 % per wheel notch', () => {
    expect(fitZoom('width', 1048, 800, 1000, 1400)).toBeCloseTo(1);
    expect(fitZoom('page', 1048, 748, 1000, 1400)).toBeCloseTo(0.5);
    expect(wheelZoom(1, -100)).toBeCloseTo(1.105, 2);
    expect(wheelZoom(1, 100000)).toBe(0.1);
  });
});
