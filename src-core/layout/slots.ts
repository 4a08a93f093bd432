import type { ArticleBlock, GridRect } from '../model/document';
import { columnDepths, rectsMeet, rowY, type GridGeometry } from '../model/grid';
import type { TextColumns } from './frames';

/** The slots of an article block: the grid lines its body text may take, column by column. */

export interface Slot {
  x: number;
  y: number;
  row: number;
}

/** The block's free grid lines in reading order: down each column, columns left to right. */
export function slotsOf(geo: GridGeometry, block: ArticleBlock, cols: TextColumns, exclusions: GridRect[]): Slot[] {
  const slots: Slot[] = [];
  const depths = columnDepths(block);
  for (let c = 0; c < block.span; c++) {
    const col = block.col + c;
    for (let r = 0; r < depths[c]; r++) {
      const row = block.row + r;
      if (row >= geo.rows) break;
      const y = rowY(geo, row);
      // Inside a box, lines that would come closer than the inset to its edge stay empty.
      if (y < cols.top - 1e-6 || y + geo.bodySize > cols.bottoms[c] + 1e-6) continue;
      const cell = { col, span: 1, row, rows: 1 };
      if (exclusions.some((e) => rectsMeet(e, cell))) continue;
      slots.push({ x: cols.xs[c], y, row });
    }
  }
  return slots;
}

/**
 * Body text keeps to the page's grid: a line whose type is larger than the line pitch (an article's
 * body or subhead overridden to a bigger 字号) takes the fewest whole grid lines that hold it.
 */
export function gridLinesFor(size: number, geo: Pick<GridGeometry, 'pitch'>): number {
  return Math.max(1, Math.ceil(size / geo.pitch - 1e-6));
}

/** The first slot at or after `from` that starts `depth` consecutive grid lines of one column. */
export function nextSlotRun(slots: Slot[], from: number, depth: number): number {
  for (let i = from; i + depth <= slots.length; i++) {
    let ok = true;
    for (let k = 1; k < depth && ok; k++) ok = slots[i + k].x === slots[i].x && slots[i + k].row === slots[i].row + k;
    if (ok) return i;
  }
  return slots.length;
}

/** The index of the first slot of the column run that slot `from` is in. */
export function columnStartIndex(slots: Slot[], from: number): number {
  let i = from;
  while (i > 0 && slots[i - 1].x === slots[from].x && slots[i - 1].row < slots[i].row) i--;
  return i;
}

/** The index just past the column run that slot `from` is in (the next column's first slot). */
export function columnEndIndex(slots: Slot[], from: number): number {
  let i = from + 1;
  while (i < slots.length && slots[i].x === slots[from].x && slots[i].row > slots[i - 1].row) i++;
  return i;
}
