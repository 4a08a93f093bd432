import type { BlockFrame, PageLayout } from '../../src-core/layout/page-layout';
import type { Block, GridRect } from '../../src-core/model/document';
import { columnDepths, type GridGeometry } from '../../src-core/model/grid';

/**
 * Geometry kernels of the workspace: pure functions from pointer movement (in pt) to grid
 * rectangles. The editor applies what they return; nothing here touches the store or the DOM.
 */

export type Handle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';

export const HANDLES: readonly Handle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];

/** Distance from one column's left edge to the next's. */
export const columnStep = (geo: GridGeometry): number => geo.colWidth + geo.gutter;

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** Keeps a rectangle inside the grid, shrinking it only when it is larger than the grid. */
export function clampRect(geo: GridGeometry, r: GridRect): GridRect {
  const span = clamp(Math.round(r.span), 1, geo.columns);
  const rows = clamp(Math.round(r.rows), 1, Math.max(1, geo.rows));
  return {
    col: clamp(Math.round(r.col), 0, geo.columns - span),
    row: clamp(Math.round(r.row), 0, Math.max(0, geo.rows - rows)),
    span,
    rows,
  };
}

/** A block dragged by (dx, dy) pt, snapped to whole columns and grid lines. */
export function movedRect(geo: GridGeometry, start: GridRect, dx: number, dy: number): GridRect {
  return clampRect(geo, { ...start, col: start.col + Math.round(dx / columnStep(geo)), row: start.row + Math.round(dy / geo.pitch) });
}

/** A block resized by dragging `handle` by (dx, dy) pt: the opposite edges stay where they are. */
export function resizedRect(geo: GridGeometry, start: GridRect, handle: Handle, dx: number, dy: number): GridRect {
  let left = start.col;
  let right = start.col + start.span;
  let top = start.row;
  let bottom = start.row + start.rows;
  const dc = Math.round(dx / columnStep(geo));
  const dr = Math.round(dy / geo.pitch);
  if (handle.includes('w')) left = clamp(left + dc, 0, right - 1);
  if (handle.includes('e')) right = clamp(right + dc, left + 1, geo.columns);
  if (handle.includes('n')) top = clamp(top + dr, 0, bottom - 1);
  if (handle.includes('s')) bottom = clamp(bottom + dr, top + 1, Math.max(top + 1, geo.rows));
  return { col: left, span: right - left, row: top, rows: bottom - top };
}

/** The arrow-key nudge: one column sideways, one line (or `big` lines) up or down. */
export function nudgedRect(geo: GridGeometry, start: GridRect, key: string, big = false): GridRect | undefined {
  const step = big ? 5 : 1;
  switch (key) {
    case 'ArrowLeft':
      return clampRect(geo, { ...start, col: start.col - 1 });
    case 'ArrowRight':
      return clampRect(geo, { ...start, col: start.col + 1 });
    case 'ArrowUp':
      return clampRect(geo, { ...start, row: start.row - step });
    case 'ArrowDown':
      return clampRect(geo, { ...start, row: start.row + step });
    default:
      return undefined;
  }
}

/** The grid cell under a point, for dropping an article: its top-left corner lands there. */
export function cellAt(geo: GridGeometry, x: number, y: number): { col: number; row: number } {
  return {
    col: clamp(Math.floor((x - geo.left + geo.gutter / 2) / columnStep(geo)), 0, geo.columns - 1),
    row: clamp(Math.round((y - geo.top) / geo.pitch), 0, Math.max(0, geo.rows - 1)),
  };
}

/** The page's blocks by id, with its grid: what a frame's bounding box does not tell (a stepped block's short columns). */
export interface BlockShapes {
  geo: GridGeometry;
  block: (id: string) => Block | undefined;
}

/**
 * The topmost block frame under a point (frames are drawn in z order, so the last one wins). With
 * `shapes`, a stepped block is hit only down to the foot of the column under the point: below a short
 * column lies another block (make-up fits one there), which gets the click.
 */
export function hitTest(layout: Pick<PageLayout, 'frames'>, x: number, y: number, slop = 0, shapes?: BlockShapes): BlockFrame | undefined {
  for (let i = layout.frames.length - 1; i >= 0; i--) {
    const f = layout.frames[i];
    if (x >= f.x - slop && x <= f.x + f.width + slop && y >= f.y - slop && y <= f.y + f.height + slop && withinSteps(f, x, y, slop, shapes)) return f;
  }
  return undefined;
}

function withinSteps(f: BlockFrame, x: number, y: number, slop: number, shapes: BlockShapes | undefined): boolean {
  const block = shapes?.block(f.blockId);
  if (!shapes || block?.kind !== 'article' || !block.columnRows) return true;
  const { geo } = shapes;
  const c = clamp(Math.floor((x - f.x + geo.gutter / 2) / columnStep(geo)), 0, block.span - 1);
  const depth = columnDepths(block)[c];
  return depth > 0 && y <= f.y + (depth - 1) * geo.pitch + geo.bodySize + slop;
}

export const sameRect = (a: GridRect, b: GridRect): boolean => a.col === b.col && a.row === b.row && a.span === b.span && a.rows === b.rows;

/** Where the handles of a frame sit, in pt. */
export function handlePoint(f: { x: number; y: number; width: number; height: number }, h: Handle): { x: number; y: number } {
  const x = h.includes('w') ? f.x : h.includes('e') ? f.x + f.width : f.x + f.width / 2;
  const y = h.includes('n') ? f.y : h.includes('s') ? f.y + f.height : f.y + f.height / 2;
  return { x, y };
}

/** The zoom (CSS px per pt) that fits a page of `pageW`×`pageH` pt into a viewport, with a margin. */
export function fitZoom(mode: 'page' | 'width', viewW: number, viewH: number, pageW: number, pageH: number, margin = 24): number {
  const zw = (viewW - 2 * margin) / pageW;
  if (mode === 'width') return Math.max(0.05, zw);
  return Math.max(0.05, Math.min(zw, (viewH - 2 * margin) / pageH));
}

/** 100 % means the page's real size on a 96 dpi screen. */
export const ACTUAL_SIZE = 96 / 72;

export const ZOOM_MIN = 0.1;
export const ZOOM_MAX = 8;

/** One Ctrl+wheel notch (deltaY ≈ 100) zooms by about 10 %. */
export function wheelZoom(zoom: number, deltaY: number): number {
  return clamp(zoom * Math.exp(-deltaY / 1000), ZOOM_MIN, ZOOM_MAX);
}

/** Screen px within which a dragged edge is drawn to a guide or another block's edge. */
export const SNAP_PX = 6;

/**
 * A drag of `d` pt along one axis, drawn to the nearest target (a guide, another block's edge) that one
 * of the moving edges comes within `reach` pt of; unchanged when none does. The grid rounding that
 * follows then picks the column or line nearest that target.
 */
export function snapOffset(edges: readonly number[], targets: readonly number[], d: number, reach: number): number {
  let best: number | undefined;
  for (const e of edges) {
    for (const t of targets) {
      const off = t - e;
      if (Math.abs(e + d - t) <= reach && (best === undefined || Math.abs(off - d) < Math.abs(best - d))) best = off;
    }
  }
  return best ?? d;
}
