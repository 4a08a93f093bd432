import type { ArticleBlock, Block, GridRect, PageSettings } from './document';

/** Whether two rectangles of grid cells share a cell. */
export function rectsMeet(a: GridRect, b: GridRect): boolean {
  return a.col < b.col + b.span && b.col < a.col + a.span && a.row < b.row + b.rows && b.row < a.row + a.rows;
}

/** A block placed on the grid's cells: every kind but a rule, which is drawn between points. */
export type GridBlock = Exclude<Block, { kind: 'rule' }>;

export const onGrid = (b: Block): b is GridBlock => b.kind !== 'rule';

/** Where the columns and lines of a page's grid are, in pt from the page's top-left corner. */
export interface GridGeometry {
  left: number;
  top: number;
  columns: number;
  colWidth: number;
  gutter: number;
  /** Line pitch: body size + leading. */
  pitch: number;
  rows: number;
  gridWidth: number;
  gridHeight: number;
  bodySize: number;
}

export function gridGeometry(page: PageSettings): GridGeometry {
  const { grid, bodySize, leading, margins, format, header } = page;
  const columns = Math.max(1, grid.columns);
  const areaWidth = format.width - margins.left - margins.right;
  let colWidth: number;
  let gutter: number;
  if (grid.mode === 'character') {
    colWidth = grid.charsPerColumn * bodySize;
    gutter = grid.gutterChars * bodySize;
  } else {
    gutter = grid.gutter;
    colWidth = (areaWidth - gutter * (columns - 1)) / columns;
  }
  const gridWidth = colWidth * columns + gutter * (columns - 1);
  const pitch = bodySize + leading;
  const top = margins.top + header.height;
  const areaHeight = format.height - margins.bottom - top;
  // The last line needs only its body size, not the leading after it.
  const rows = Math.max(0, Math.floor((areaHeight - bodySize) / pitch) + 1);
  return {
    left: margins.left + Math.max(0, (areaWidth - gridWidth) / 2),
    top,
    columns,
    colWidth,
    gutter,
    pitch,
    rows,
    gridWidth,
    gridHeight: rows > 0 ? (rows - 1) * pitch + bodySize : 0,
    bodySize,
  };
}

export function columnX(geo: GridGeometry, col: number): number {
  return geo.left + col * (geo.colWidth + geo.gutter);
}

export function spanWidth(geo: GridGeometry, span: number): number {
  return span <= 0 ? 0 : span * geo.colWidth + (span - 1) * geo.gutter;
}

/** Top of the em box of grid line `row`. */
export function rowY(geo: GridGeometry, row: number): number {
  return geo.top + row * geo.pitch;
}

/** A grid rectangle in pt: the height ends at the bottom of its last line's em box. */
export function rectOf(geo: GridGeometry, r: GridRect): { x: number; y: number; width: number; height: number } {
  return {
    x: columnX(geo, r.col),
    y: rowY(geo, r.row),
    width: spanWidth(geo, r.span),
    height: r.rows <= 0 ? 0 : (r.rows - 1) * geo.pitch + geo.bodySize,
  };
}

/** Lines available in each column of an article block: its stepped depths, never deeper than the block. */
export function columnDepths(block: Pick<ArticleBlock, 'span' | 'rows' | 'columnRows'>): number[] {
  return Array.from({ length: block.span }, (_, c) => Math.min(block.columnRows?.[c] ?? block.rows, block.rows));
}
