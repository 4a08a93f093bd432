import type { BlockFrame } from '../../src-core/layout/page-layout';
import type { Block, GridRect } from '../../src-core/model/document';
import { columnStep } from './geometry';
import { movedRule } from './block-geometry';
import { onGrid, type GridGeometry } from '../../src-core/model/grid';

/**
 * Several blocks at once: a multi-selection moved, aligned or distributed, and the marquee's pick.
 * Pure: grid rectangles in, grid rectangles out. Everything stays on whole columns and lines, so an
 * aligned or distributed block is snapped to the grid as a dragged one is.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The blocks whose frames the box touches (InDesign's marquee: touching is enough), in frame order. */
export function framesTouching(frames: readonly BlockFrame[], box: Box): string[] {
  const right = box.x + box.width;
  const bottom = box.y + box.height;
  return frames.filter((f) => f.x <= right && f.x + f.width >= box.x && f.y <= bottom && f.y + f.height >= box.y).map((f) => f.blockId);
}

/** The box between two corners, whichever way the drag went. */
export function boxBetween(a: { x: number; y: number }, b: { x: number; y: number }): Box {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** A shift of whole columns and lines cut back so that every rectangle stays inside the grid. */
export function groupDelta(geo: GridGeometry, rects: readonly GridRect[], dc: number, dr: number): { dc: number; dr: number } {
  if (!rects.length) return { dc: 0, dr: 0 };
  const minCol = Math.min(...rects.map((r) => r.col));
  const maxRight = Math.max(...rects.map((r) => r.col + r.span));
  const minRow = Math.min(...rects.map((r) => r.row));
  const maxBottom = Math.max(...rects.map((r) => r.row + r.rows));
  return { dc: clamp(dc, -minCol, geo.columns - maxRight), dr: clamp(dr, -minRow, Math.max(0, geo.rows - maxBottom)) };
}

/** The blocks shifted by whole columns and lines; a rule moves by as many pt, snapped as a dragged rule is. */
export function shiftedBlocks(geo: GridGeometry, blocks: readonly Block[], dc: number, dr: number): Block[] {
  return blocks.map((b) => (onGrid(b) ? { ...b, col: b.col + dc, row: b.row + dr } : { ...b, ...movedRule(geo, b, dc * columnStep(geo), dr * geo.pitch) }));
}

export type Alignment = 'left' | 'right' | 'top' | 'bottom' | 'centreH' | 'centreV';

/**
 * Rectangles aligned to the edge or centre of the box around them all (InDesign's 对齐选区). A centre
 * that falls between columns or lines goes to the one before it: blocks live on the grid.
 */
export function alignedRects(rects: readonly GridRect[], how: Alignment): GridRect[] {
  const left = Math.min(...rects.map((r) => r.col));
  const right = Math.max(...rects.map((r) => r.col + r.span));
  const top = Math.min(...rects.map((r) => r.row));
  const bottom = Math.max(...rects.map((r) => r.row + r.rows));
  return rects.map((r) => {
    switch (how) {
      case 'left':
        return { ...r, col: left };
      case 'right':
        return { ...r, col: right - r.span };
      case 'top':
        return { ...r, row: top };
      case 'bottom':
        return { ...r, row: bottom - r.rows };
      case 'centreH':
        return { ...r, col: Math.floor((left + right - r.span) / 2) };
      case 'centreV':
        return { ...r, row: Math.floor((top + bottom - r.rows) / 2) };
    }
  });
}

/**
 * Rectangles spaced evenly between the first and the last along an axis (InDesign's 间距分布): the
 * outer two stay, the gaps between neighbours differ by at most one column or line. Returned in the
 * order given.
 */
export function distributedRects(rects: readonly GridRect[], axis: 'h' | 'v'): GridRect[] {
  const start = (r: GridRect): number => (axis === 'h' ? r.col : r.row);
  const size = (r: GridRect): number => (axis === 'h' ? r.span : r.rows);
  const order = rects.map((r, i) => i).sort((a, b) => start(rects[a]) - start(rects[b]) || a - b);
  const first = rects[order[0]];
  const last = rects[order[order.length - 1]];
  const room = start(last) + size(last) - start(first) - order.reduce((s, i) => s + size(rects[i]), 0);
  const gaps = order.length - 1;
  const out = [...rects];
  let at = start(first);
  order.forEach((i, k) => {
    out[i] = axis === 'h' ? { ...rects[i], col: at } : { ...rects[i], row: at };
    // the remainder goes to the first gaps, one each
    at += size(rects[i]) + Math.floor(room / gaps) + (k < room - Math.floor(room / gaps) * gaps ? 1 : 0);
  });
  return out;
}

export type Restack = 'forward' | 'backward' | 'front' | 'back';

/**
 * The page's stacking order (bottom first) after 上移一层/下移一层/置于顶层/置于底层 of the selected
 * blocks. One step forward goes past the next block above that overlaps it (InDesign's way: passing a
 * block it does not touch would change nothing to see); the selected keep their order among themselves.
 */
export function restacked(order: readonly string[], selected: readonly string[], how: Restack, overlap: (a: string, b: string) => boolean): string[] {
  const picked = order.filter((id) => selected.includes(id));
  const rest = order.filter((id) => !selected.includes(id));
  if (how === 'front') return [...rest, ...picked];
  if (how === 'back') return [...picked, ...rest];
  const out = [...order];
  const step = how === 'forward' ? 1 : -1;
  for (const id of how === 'forward' ? [...picked].reverse() : picked) {
    const i = out.indexOf(id);
    let j = i + step;
    while (j >= 0 && j < out.length && (selected.includes(out[j]) || !overlap(id, out[j]))) j += step;
    if (j < 0 || j >= out.length) continue;
    const past = out[j];
    out.splice(i, 1);
    const k = out.indexOf(past);
    out.splice(step > 0 ? k + 1 : k, 0, id);
  }
  return out;
}
