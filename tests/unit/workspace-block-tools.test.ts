import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { columnX, gridGeometry, rowY } from '../../src-core/model/grid';
import { columnDepthAt, draggedCrop, movedRule, newRule, resizedColumnRows, ruleColumns, ruleRows, stretchedRule, withColumnDepth } from '../../src-renderer/editor/block-geometry';

/** The block tools' kernels: pointer movement in pt → rule ends, column depths, crop offsets. */
const geo = gridGeometry(samplePage().page); // 8 columns of 117 pt, 9 pt gutter, 12 pt pitch, 9 pt body
const left = geo.left;
const top = geo.top;

describe('rule tools', () => {
  it('snap horizontal rules to the middle of the leading and vertical ones to the middle of the gutter', () => {
    // leading 3 pt: between line 0 (top … top+9) and line 1 (top+12 …) the middle is top + 10.5
    expect(ruleRows(geo).slice(0, 3)).toEqual([top, top + 10.5, top + 22.5]);
    expect(ruleColumns(geo).slice(0, 3)).toEqual([left, left + 121.5, left + 247.5]);
    expect(ruleRows(geo)).toHaveLength(geo.rows + 1);
    expect(ruleColumns(geo)).toHaveLength(geo.columns + 1);
  });

  it('adds a rule under the selected block across its width, or in the gutter to its right along its depth', () => {
    const block = { col: 2, span: 3, row: 10, rows: 5 };
    expect(newRule(geo, 'horizontal', block)).toEqual({ x1: columnX(geo, 2), y1: rowY(geo, 15) - 1.5, x2: columnX(geo, 4) + 117, y2: rowY(geo, 15) - 1.5 });
    expect(newRule(geo, 'vertical', block)).toEqual({ x1: columnX(geo, 5) - 4.5, y1: rowY(geo, 10), x2: columnX(geo, 5) - 4.5, y2: rowY(geo, 14) + 9 });
    expect(newRule(geo, 'horizontal')).toEqual({ x1: left, y1: top + 10.5, x2: left + 243, y2: top + 10.5 });
  });

  it('moves a horizontal rule by whole lines and columns, keeping its length', () => {
    const rule = newRule(geo, 'horizontal', { col: 0, span: 2, row: 10, rows: 5 });
    const moved = movedRule(geo, rule, 130, 2 * 12 + 4);
    expect(moved).toEqual({ x1: left + 126, y1: rule.y1 + 24, x2: rule.x2 + 126, y2: rule.y1 + 24 });
    // Half a column right lands on the column's right edge (column edges are both sides of every column).
    expect(movedRule(geo, rule, 100, 0).x1).toBe(left + 117);
  });

  it('moves a vertical rule from gutter to gutter, its top on a line', () => {
    const rule = newRule(geo, 'vertical', { col: 0, span: 2, row: 10, rows: 5 });
    const moved = movedRule(geo, rule, 120, 3 * 12 + 2);
    expect(moved.x1).toBe(columnX(geo, 3) - 4.5);
    expect(moved.x2).toBe(moved.x1);
    expect(moved.y1).toBe(rowY(geo, 13));
    expect(moved.y2 - moved.y1).toBe(rule.y2 - rule.y1);
  });

  it('stretches one end of a rule to a column edge or a line, never onto its other end', () => {
    const h = newRule(geo, 'horizontal', { col: 0, span: 2, row: 10, rows: 5 });
    expect(stretchedRule(geo, h, 2, h.x2 + 240, h.y2 + 50)).toEqual({ ...h, x2: columnX(geo, 3) + 117 });
    expect(stretchedRule(geo, h, 1, h.x2, h.y1).x1).not.toBe(h.x2);
    const v = newRule(geo, 'vertical', { col: 0, span: 2, row: 10, rows: 5 });
    expect(stretchedRule(geo, v, 1, v.x1 + 50, v.y1 - 25)).toEqual({ ...v, y1: rowY(geo, 8) });
    const diagonal = { x1: 0, y1: 0, x2: 10, y2: 10 };
    expect(stretchedRule(geo, diagonal, 2, 33, 44)).toEqual({ x1: 0, y1: 0, x2: 33, y2: 44 });
  });
});

describe('stepped articles', () => {
  const block = { row: 10, rows: 20, span: 3 };
  it('turns the foot dragged to y into a depth in whole lines, 1 to the block depth', () => {
    const foot = (lines: number) => rowY(geo, 10 + lines - 1) + geo.bodySize;
    expect(columnDepthAt(geo, block, foot(12))).toBe(12);
    expect(columnDepthAt(geo, block, foot(12) + 5)).toBe(12);
    expect(columnDepthAt(geo, block, foot(12) + 7)).toBe(13);
    expect(columnDepthAt(geo, block, 0)).toBe(1);
    expect(columnDepthAt(geo, block, 10_000)).toBe(20);
  });

  it('keeps a list of depths only while the block is stepped', () => {
    expect(withColumnDepth(block, 2, 12)).toEqual([20, 20, 12]);
    expect(withColumnDepth({ ...block, columnRows: [20, 20, 12] }, 0, 15)).toEqual([15, 20, 12]);
    expect(withColumnDepth({ ...block, columnRows: [20, 20, 12] }, 2, 20)).toBeUndefined();
  });
});

describe('resizing a stepped article', () => {
  it('keeps no column deeper than the block (such a file would not load) and one depth per column', () => {
    expect(resizedColumnRows([30, 30, 30, 20], 4, 25)).toEqual([25, 25, 25, 20]);
    expect(resizedColumnRows([30, 30, 30, 20], 5, 30)).toEqual([30, 30, 30, 20, 30]);
    expect(resizedColumnRows([30, 30, 30, 20], 3, 30)).toBeUndefined();
    expect(resizedColumnRows([30, 30, 30, 20], 4, 20)).toBeUndefined();
    expect(resizedColumnRows(undefined, 4, 20)).toBeUndefined();
  });
});

describe('cropping', () => {
  it('moves the picture by the fraction of the frame the pointer moved', () => {
    expect(draggedCrop({}, { width: 200, height: 100 }, 30, -10)).toEqual({ offsetX: 0.15, offsetY: -0.1 });
    expect(draggedCrop({ offsetX: 0.15, scale: 2 }, { width: 200, height: 100 }, -30, 0)).toEqual({ offsetX: 0, offsetY: 0 });
  });
});
