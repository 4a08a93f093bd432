import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../src-core/model/defaults';
import type { GridRect } from '../../src-core/model/document';
import { Editor } from '../../src-renderer/editor/editor';
import { framesTouching } from '../../src-renderer/editor/arrange';
import { fonts } from './support';

/** Several blocks at once on the Editor: shift-click, marquee, Ctrl+A, and moving them together. */
const editor = () => new Editor(fonts, emptyDocument('broadsheet'), { path: null, title: 'multi' });

/** A text block drawn with the 文本框 tool at `rect`; its id. */
function frame(e: Editor, rect: GridRect): string {
  e.beginDraw(rect);
  e.commitInteraction();
  return e.getState().selection!;
}

const rectOf = (e: Editor, id: string) => {
  const b = e.block(id)!;
  return b.kind === 'rule' ? undefined : { col: b.col, span: b.span, row: b.row, rows: b.rows };
};

describe('multi-selection', () => {
  it('shift-click adds a block to the selection and takes it out again; a plain click selects one', () => {
    const e = editor();
    const a = frame(e, { col: 0, span: 2, row: 0, rows: 10 });
    const b = frame(e, { col: 3, span: 2, row: 0, rows: 10 });
    e.select(a);
    e.toggleSelected(b);
    expect(e.getState().selected).toEqual([a, b]);
    expect(e.getState().selection).toBe(b);
    e.toggleSelected(b);
    expect(e.getState().selected).toEqual([a]);
    expect(e.getState().selection).toBe(a);
    e.toggleSelected(b);
    e.select(b);
    expect(e.getState().selected).toEqual([b]);
  });

  it('Ctrl+A selects every block; a deleted block leaves the selection', () => {
    const e = editor();
    const ids = [frame(e, { col: 0, span: 2, row: 0, rows: 10 }), frame(e, { col: 3, span: 2, row: 0, rows: 10 }), frame(e, { col: 5, span: 2, row: 20, rows: 10 })];
    e.selectAll();
    expect([...e.getState().selected].sort()).toEqual([...ids].sort());
    e.undo(); // the last frame goes
    expect(e.getState().selected).toEqual(ids.slice(0, 2));
    expect(e.getState().selection).toBe(ids[1]);
  });

  it('the marquee picks the frames it touches, not only those it encloses', () => {
    const frames = [
      { blockId: 'a', kind: 'article' as const, x: 0, y: 0, width: 100, height: 100, emptyLines: 0 },
      { blockId: 'b', kind: 'article' as const, x: 200, y: 0, width: 100, height: 100, emptyLines: 0 },
      { blockId: 'c', kind: 'image' as const, x: 0, y: 300, width: 100, height: 100, emptyLines: 0 },
    ];
    expect(framesTouching(frames, { x: 90, y: 90, width: 120, height: 10 })).toEqual(['a', 'b']);
    expect(framesTouching(frames, { x: 110, y: 110, width: 80, height: 80 })).toEqual([]);
    expect(framesTouching(frames, { x: -5, y: -5, width: 500, height: 500 })).toEqual(['a', 'b', 'c']);
  });

  it('dragging one block of a multi-selection moves them all, one undo step', () => {
    const e = editor();
    const a = frame(e, { col: 0, span: 2, row: 0, rows: 10 });
    const b = frame(e, { col: 3, span: 2, row: 5, rows: 10 });
    e.selectMany([a, b]);
    expect(e.beginMove(a)).toBe(true);
    e.updateInteraction({ col: 1, span: 2, row: 20, rows: 10 });
    // the page reflows around the preview of both
    expect(e.getState().layout!.frames.find((f) => f.blockId === b)!.y).toBeGreaterThan(e.getState().geo.top + 20 * e.getState().geo.pitch);
    e.commitInteraction();
    expect(rectOf(e, a)).toEqual({ col: 1, span: 2, row: 20, rows: 10 });
    expect(rectOf(e, b)).toEqual({ col: 4, span: 2, row: 25, rows: 10 });
    expect(e.getState().selected).toEqual([a, b]);
    e.undo();
    expect(rectOf(e, a)).toEqual({ col: 0, span: 2, row: 0, rows: 10 });
    expect(rectOf(e, b)).toEqual({ col: 3, span: 2, row: 5, rows: 10 });
  });

  it('a group move stops at the grid’s edge for all of them', () => {
    const e = editor();
    const a = frame(e, { col: 0, span: 2, row: 0, rows: 10 });
    const b = frame(e, { col: 3, span: 2, row: 5, rows: 10 });
    const cols = e.getState().geo.columns;
    e.selectMany([a, b]);
    e.beginMove(a);
    e.updateInteraction({ col: cols - 2, span: 2, row: 0, rows: 10 });
    e.commitInteraction();
    expect(rectOf(e, b)!.col).toBe(cols - 2);
    expect(rectOf(e, a)!.col).toBe(cols - 5);
  });

  it('a group move that would cover another text block is refused whole, with the overlap notice', () => {
    const e = editor();
    const a = frame(e, { col: 0, span: 2, row: 0, rows: 10 });
    const b = frame(e, { col: 3, span: 2, row: 0, rows: 10 });
    const c = frame(e, { col: 0, span: 2, row: 30, rows: 10 });
    e.selectMany([a, b]);
    e.beginMove(a);
    e.updateInteraction({ col: 0, span: 2, row: 25, rows: 10 });
    e.commitInteraction();
    expect(rectOf(e, a)).toEqual({ col: 0, span: 2, row: 0, rows: 10 });
    expect(rectOf(e, b)).toEqual({ col: 3, span: 2, row: 0, rows: 10 });
    expect(e.getState().notice?.zh).toMatch(/^未移动：文字块不能重叠/);
    expect(rectOf(e, c)).toEqual({ col: 0, span: 2, row: 30, rows: 10 });
  });

  it('arrow keys move a multi-selection together; a locked block among them refuses it', () => {
    const e = editor();
    const a = frame(e, { col: 0, span: 2, row: 0, rows: 10 });
    const b = frame(e, { col: 3, span: 2, row: 5, rows: 10 });
    e.selectMany([a, b]);
    e.nudge('ArrowDown', true);
    expect(rectOf(e, a)!.row).toBe(5);
    expect(rectOf(e, b)!.row).toBe(10);
    e.toggleLock(b);
    e.nudge('ArrowRight');
    expect(rectOf(e, a)!.col).toBe(0);
    expect(e.getState().notice?.zh).toMatch(/锁定/);
  });
});
