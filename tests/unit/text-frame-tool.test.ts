import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { gridGeometry } from '../../src-core/model/grid';
import { drawnRect } from '../../src-renderer/canvas/text-frame-tool';

/** The 文本框 tool's rectangle: a drag in page pt → whole columns × lines of the grid. */
const geo = gridGeometry(samplePage().page); // 8 columns of 117 pt, 9 pt gutter, 12 pt pitch
/** A point inside column `col`, `dx` pt from its left edge, and inside line `row`, `dy` pt down. */
const at = (col: number, row: number, dx = 10, dy = 3) => ({ x: geo.left + col * 126 + dx, y: geo.top + row * 12 + dy });

describe('drawing a text frame', () => {
  it('the sample grid is what the cases assume', () => {
    expect([geo.columns, geo.colWidth, geo.gutter, geo.pitch]).toEqual([8, 117, 9, 12]);
  });

  it('takes every cell from the pressed one to the released one', () => {
    // column 1 line 10 to column 2 line 29: 2 columns × 20 lines
    expect(drawnRect(geo, at(1, 10), at(2, 29))).toEqual({ col: 1, span: 2, row: 10, rows: 20 });
    // near a cell's far edge it is still that cell (cells, not nearest lines)
    expect(drawnRect(geo, at(1, 10, 110, 11), at(2, 29, 110, 11))).toEqual({ col: 1, span: 2, row: 10, rows: 20 });
  });

  it('draws the same frame dragged up and to the left', () => {
    expect(drawnRect(geo, at(2, 29), at(1, 10))).toEqual({ col: 1, span: 2, row: 10, rows: 20 });
    expect(drawnRect(geo, at(3, 5), at(0, 40))).toEqual({ col: 0, span: 4, row: 5, rows: 36 });
  });

  it('a press without a drag is one cell', () => {
    expect(drawnRect(geo, at(4, 7), at(4, 7))).toEqual({ col: 4, span: 1, row: 7, rows: 1 });
  });

  it('a gutter goes with the nearer column', () => {
    // 2 pt into the gutter after column 1: column 1; 7 pt in: column 2
    expect(drawnRect(geo, at(0, 0), at(1, 0, 119)).span).toBe(2);
    expect(drawnRect(geo, at(0, 0), at(1, 0, 124)).span).toBe(3);
  });

  it('stays inside the grid when the pointer leaves the page', () => {
    expect(drawnRect(geo, at(6, geo.rows - 3), { x: 5000, y: 9000 })).toEqual({ col: 6, span: 2, row: geo.rows - 3, rows: 3 });
    expect(drawnRect(geo, at(1, 2), { x: -50, y: -50 })).toEqual({ col: 0, span: 2, row: 0, rows: 3 });
  });
});
