import { useEffect } from 'react';
import type { GridRect } from '../../src-core/model/document';
import type { GridGeometry } from '../../src-core/model/grid';
import { clampRect, columnStep } from '../editor/geometry';
import type { Editor } from '../editor/editor';

/**
 * The 文本框 tool: a drag on the page draws a text frame snapped to whole columns and lines; when
 * the drag ends the frame becomes a new empty article's block and the story editor opens on it
 * (Editor.commitInteraction). Escape cancels the drag, as it cancels every drag.
 */

export interface PagePoint {
  x: number;
  y: number;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** The grid cell a point lies in: a gutter belongs to the column on its left half's side, as a drop does. */
function cellOf(geo: GridGeometry, p: PagePoint): { col: number; row: number } {
  return {
    col: clamp(Math.floor((p.x - geo.left + geo.gutter / 2) / columnStep(geo)), 0, geo.columns - 1),
    row: clamp(Math.floor((p.y - geo.top) / geo.pitch), 0, Math.max(0, geo.rows - 1)),
  };
}

/** The frame a drag from `from` to `to` (page pt) draws: every cell either corner touches, and those between. */
export function drawnRect(geo: GridGeometry, from: PagePoint, to: PagePoint): GridRect {
  const a = cellOf(geo, from);
  const b = cellOf(geo, to);
  return clampRect(geo, { col: Math.min(a.col, b.col), span: Math.abs(a.col - b.col) + 1, row: Math.min(a.row, b.row), rows: Math.abs(a.row - b.row) + 1 });
}

/** A drag of the tool in progress: where it started on the page. */
export interface FrameDraw {
  from: PagePoint;
}

/** Starts drawing at a page point; undefined when the page refuses (read-only). */
export function startFrameDraw(editor: Editor, from: PagePoint): FrameDraw | undefined {
  return editor.beginDraw(drawnRect(editor.getState().geo, from, from)) ? { from } : undefined;
}

/** The pointer moved: the frame follows it, cell by cell. */
export function moveFrameDraw(editor: Editor, draw: FrameDraw, to: PagePoint): void {
  if (editor.getState().interaction?.kind === 'draw') editor.updateInteraction(drawnRect(editor.getState().geo, draw.from, to));
}

const inField = (t: EventTarget | null): boolean => t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

/**
 * Escape while the tool is on: a drag in progress is cancelled and the tool stays; with no drag the
 * page goes back to selecting. Captured, so it is decided before the workspace's own Escape runs.
 */
export function useTextFrameEscape(editor: Editor): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const state = editor.getState();
      if (e.key !== 'Escape' || state.tool !== 'textFrame' || inField(e.target)) return;
      if (state.interaction?.kind === 'draw') editor.cancelInteraction();
      else editor.setTool('select');
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [editor]);
}
