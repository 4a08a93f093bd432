import type { ArticleBlock, ImageCrop, RuleBlock } from '../../src-core/model/document';
import { columnDepths } from '../../src-core/model/grid';
import { columnX, rowY, type GridGeometry } from '../../src-core/model/grid';

/**
 * Geometry of the block tools (rules, column depths, cropping): pure functions from pointer
 * movement in pt to model fields, snapped to the grid. Nothing here touches the store or the DOM.
 */

export type RuleEnds = Pick<RuleBlock, 'x1' | 'y1' | 'x2' | 'y2'>;

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

function nearest(values: number[], v: number): number {
  let best = values[0] ?? v;
  for (const c of values) if (Math.abs(c - v) < Math.abs(best - v)) best = c;
  return best;
}

const isHorizontal = (r: RuleEnds): boolean => r.y1 === r.y2;
const isVertical = (r: RuleEnds): boolean => r.x1 === r.x2 && r.y1 !== r.y2;

/** Where a horizontal rule may sit: in the middle of the leading between two lines, or on the grid's top and foot. */
export function ruleRows(geo: GridGeometry): number[] {
  const out = [geo.top];
  const leading = geo.pitch - geo.bodySize;
  for (let r = 1; r < geo.rows; r++) out.push(rowY(geo, r) - leading / 2);
  out.push(geo.top + geo.gridHeight);
  return out;
}

/** Where a vertical rule may sit: in the middle of a gutter, or on the grid's left and right edges. */
export function ruleColumns(geo: GridGeometry): number[] {
  const out = [geo.left];
  for (let c = 1; c < geo.columns; c++) out.push(columnX(geo, c) - geo.gutter / 2);
  out.push(geo.left + geo.gridWidth);
  return out;
}

/** Column edges (left and right of every column): where a horizontal rule's ends snap. */
function columnEdges(geo: GridGeometry): number[] {
  const out: number[] = [];
  for (let c = 0; c < geo.columns; c++) out.push(columnX(geo, c), columnX(geo, c) + geo.colWidth);
  return out;
}

/** Line tops and feet: where a vertical rule's ends snap. */
function lineEdges(geo: GridGeometry): number[] {
  const out: number[] = [];
  for (let r = 0; r < geo.rows; r++) out.push(rowY(geo, r), rowY(geo, r) + geo.bodySize);
  return out;
}

/**
 * A rule dragged by (dx, dy) pt: a horizontal rule snaps to the leading between lines and its left
 * end to a column edge, a vertical one to a gutter's middle and its top to a line; others move freely.
 */
export function movedRule(geo: GridGeometry, start: RuleEnds, dx: number, dy: number): RuleEnds {
  let mx = dx;
  let my = dy;
  if (isHorizontal(start)) {
    my = nearest(ruleRows(geo), start.y1 + dy) - start.y1;
    mx = nearest(columnEdges(geo), Math.min(start.x1, start.x2) + dx) - Math.min(start.x1, start.x2);
  } else if (isVertical(start)) {
    mx = nearest(ruleColumns(geo), start.x1 + dx) - start.x1;
    my = nearest(lineEdges(geo), Math.min(start.y1, start.y2) + dy) - Math.min(start.y1, start.y2);
  }
  return { x1: start.x1 + mx, y1: start.y1 + my, x2: start.x2 + mx, y2: start.y2 + my };
}

/** One end of a rule dragged to (x, y): it stays horizontal or vertical and snaps to column edges or lines. */
export function stretchedRule(geo: GridGeometry, start: RuleEnds, end: 1 | 2, x: number, y: number): RuleEnds {
  const out = { ...start };
  if (isHorizontal(start)) {
    const other = end === 1 ? start.x2 : start.x1;
    const v = nearest(columnEdges(geo).filter((e) => Math.abs(e - other) > 1), x);
    if (end === 1) out.x1 = v;
    else out.x2 = v;
  } else if (isVertical(start)) {
    const other = end === 1 ? start.y2 : start.y1;
    const v = nearest(lineEdges(geo).filter((e) => Math.abs(e - other) > 1), y);
    if (end === 1) out.y1 = v;
    else out.y2 = v;
  } else if (end === 1) {
    out.x1 = x;
    out.y1 = y;
  } else {
    out.x2 = x;
    out.y2 = y;
  }
  return out;
}

/**
 * A new rule: under the selected block (across its width, in the leading below its foot) or in the
 * gutter right of it (along its depth); without a block, two columns wide or ten lines deep at the
 * grid's top-left.
 */
export function newRule(geo: GridGeometry, orientation: 'horizontal' | 'vertical', near?: { col: number; span: number; row: number; rows: number }): RuleEnds {
  const rows = ruleRows(geo);
  const cols = ruleColumns(geo);
  if (orientation === 'horizontal') {
    const col = near?.col ?? 0;
    const span = near?.span ?? Math.min(2, geo.columns);
    const y = rows[clamp(near ? near.row + near.rows : 1, 0, rows.length - 1)];
    return { x1: columnX(geo, col), y1: y, x2: columnX(geo, col + span - 1) + geo.colWidth, y2: y };
  }
  const x = cols[clamp(near ? near.col + near.span : 1, 0, cols.length - 1)];
  const row = near?.row ?? 0;
  const last = clamp(row + (near?.rows ?? 10) - 1, row, Math.max(0, geo.rows - 1));
  return { x1: x, y1: rowY(geo, row), x2: x, y2: rowY(geo, last) + geo.bodySize };
}

/** The depth in lines of an article's column whose foot is dragged to y: snapped to a line, 1 to the block's depth. */
export function columnDepthAt(geo: GridGeometry, block: Pick<ArticleBlock, 'row' | 'rows'>, y: number): number {
  return clamp(Math.round((y - rowY(geo, block.row) - geo.bodySize) / geo.pitch) + 1, 1, block.rows);
}

/**
 * Per-column depths with one column's changed; undefined when every column is the block's full depth
 * again (a rectangle needs no list).
 */
export function withColumnDepth(block: Pick<ArticleBlock, 'span' | 'rows' | 'columnRows'>, column: number, depth: number): number[] | undefined {
  const depths = columnDepths(block);
  depths[column] = depth;
  return depths.every((d) => d === block.rows) ? undefined : depths;
}

/** The crop after dragging the picture by (dx, dy) pt inside a frame of the given size. */
export function draggedCrop(start: ImageCrop, frame: { width: number; height: number }, dx: number, dy: number): Pick<ImageCrop, 'offsetX' | 'offsetY'> {
  const round = (v: number): number => Math.round(v * 1000) / 1000;
  return {
    offsetX: round(clamp((start.offsetX ?? 0) + (frame.width > 0 ? dx / frame.width : 0), -10, 10)),
    offsetY: round(clamp((start.offsetY ?? 0) + (frame.height > 0 ? dy / frame.height : 0), -10, 10)),
  };
}

/**
 * The scale after dragging the picture's lower-right corner by (dx, dy) pt: the picture grows about
 * its centre, so the corner moving d widens it by 2d; the larger of the two ratios wins, the
 * proportions stay. Within the scale's valid range (0.1–10).
 */
export function draggedScale(start: ImageCrop, picture: { width: number; height: number }, dx: number, dy: number): Pick<ImageCrop, 'scale'> {
  if (!(picture.width > 0) || !(picture.height > 0)) return { scale: start.scale };
  const ratio = Math.max((picture.width + 2 * dx) / picture.width, (picture.height + 2 * dy) / picture.height);
  return { scale: Math.round(clamp((start.scale ?? 1) * ratio, 0.1, 10) * 1000) / 1000 };
}

// Shared with the page-settings clamp (src-core/model/fit-blocks.ts), which trims stepped articles too.
export { resizedColumnRows } from '../../src-core/model/fit-blocks';
