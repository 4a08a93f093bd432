import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../src-core/model/defaults';
import type { GridRect } from '../../src-core/model/document';
import { Editor } from '../../src-renderer/editor/editor';
import { alignedRects, distributedRects } from '../../src-renderer/editor/arrange';
import { fonts } from './support';

/** 排列: align and distribute a multi-selection, on whole columns and lines, one undo step each. */
const editor = () => new Editor(fonts, emptyDocument('broadsheet'), { path: null, title: 'arrange' });

function frame(e: Editor, rect: GridRect): string {
  e.beginDraw(rect);
  e.commitInteraction();
  return e.getState().selection!;
}

const rect = (col: number, span: number, row: number, rows: number): GridRect => ({ col, span, row, rows });

describe('align and distribute (pure)', () => {
  const rects = [rect(1, 2, 0, 10), rect(4, 1, 15, 4), rect(6, 2, 30, 6)];
  it('aligns edges to the box around them all', () => {
    expect(alignedRects(rects, 'left').map((r) => r.col)).toEqual([1, 1, 1]);
    expect(alignedRects(rects, 'right').map((r) => r.col)).toEqual([6, 7, 6]);
    expect(alignedRects(rects, 'top').map((r) => r.row)).toEqual([0, 0, 0]);
    expect(alignedRects(rects, 'bottom').map((r) => r.row)).toEqual([26, 32, 30]);
    // sizes never change
    expect(alignedRects(rects, 'bottom').map((r) => [r.span, r.rows])).toEqual(rects.map((r) => [r.span, r.rows]));
  });
  it('centres on the box’s centre, to the column or line before it when it falls between', () => {
    // box: columns 1..8 (centre 4.5), lines 0..36 (centre 18)
    expect(alignedRects(rects, 'centreH').map((r) => r.col)).toEqual([3, 4, 3]);
    expect(alignedRects(rects, 'centreV').map((r) => r.row)).toEqual([13, 16, 15]);
  });
  it('distributes the gaps evenly, the outer two staying, whatever order they come in', () => {
    // lines 0..36 hold 20 lines of blocks: 16 lines of gaps, 8 each
    expect(distributedRects([rects[2], rects[0], rects[1]], 'v').map((r) => r.row)).toEqual([30, 0, 18]);
    // columns 1..8 hold 5 columns: 2 columns of gaps, 1 each
    expect(distributedRects(rects, 'h').map((r) => r.col)).toEqual([1, 4, 6]);
    // an odd remainder goes to the first gap
    expect(distributedRects([rect(0, 1, 0, 1), rect(0, 1, 2, 1), rect(0, 1, 9, 1)], 'v').map((r) => r.row)).toEqual([0, 5, 9]);
  });
});

describe('排列 on the editor', () => {
  it('aligns the selection as one undo step', () => {
    const e = editor();
    const a = frame(e, rect(0, 2, 0, 10));
    const b = frame(e, rect(3, 2, 12, 10));
    e.selectMany([a, b]);
    e.arrange('top');
    expect(e.block(b)).toMatchObject({ col: 3, row: 0 });
    expect(e.block(a)).toMatchObject({ col: 0, row: 0 });
    e.undo();
    expect(e.block(b)).toMatchObject({ col: 3, row: 12 });
    e.redo();
    e.arrange('right');
    // right edges at column 5 would put a (2 wide) over b: refused whole, both stay
    expect(e.block(a)).toMatchObject({ col: 0, row: 0 });
    expect(e.block(b)).toMatchObject({ col: 3, row: 0 });
    expect(e.getState().notice?.zh).toMatch(/^未移动：文字块不能重叠/);
  });

  it('distributes three blocks vertically; with two it does nothing; read-only refuses', () => {
    const e = editor();
    const ids = [frame(e, rect(0, 2, 0, 5)), frame(e, rect(0, 2, 6, 5)), frame(e, rect(0, 2, 40, 5))];
    e.selectMany(ids.slice(0, 2));
    e.arrange('distributeV');
    expect(e.getState().canUndo && e.block(ids[1])).toMatchObject({ row: 6 });
    e.selectMany(ids);
    e.setReadOnly({ zh: '校对模式下不能改版面', en: 'Read-only in proof mode', signed: false });
    e.arrange('distributeV');
    expect(e.block(ids[1])).toMatchObject({ row: 6 });
    expect(e.getState().notice?.zh).toBe('校对模式下不能改版面');
    e.setReadOnly(null);
    e.arrange('distributeV');
    // 45 lines hold 15: 30 lines of gaps, 15 each
    expect(e.block(ids[1])).toMatchObject({ row: 20 });
  });
});
