/**
 * Ads booked on a page (版面计划's 广告): where each position puts an ad of a given size on the
 * page's grid. One table of positions; the plan's check, the make-up and the docs derive from it.
 */
import { gridGeometry, type GridGeometry } from '../model/grid';
import type { GridRect, PageSettings } from '../model/document';
import { mmToPt } from '../model/units';

/** The positions an ad can be booked in, with their zh/en names (the README lists these). */
export const AD_POSITIONS = {
  'bottom-right': { zh: '右下', en: 'bottom right' },
  'bottom-left': { zh: '左下', en: 'bottom left' },
  'bottom-strip': { zh: '通栏（底部整行）', en: 'bottom strip, the full width' },
  'top-right': { zh: '报眼（右上）', en: 'top-right ear' },
  'top-left': { zh: '左上报耳', en: 'top-left ear' },
} as const;

export type AdPosition = keyof typeof AD_POSITIONS;

/** An ad's size: whole columns × grid lines, or millimetres rounded up to whole columns and lines. */
export type AdSize = { columns: number; lines: number } | { widthMm: number; heightMm: number };

/** Columns and lines an ad of this size takes on the grid (a strip takes every column). */
export function adCells(size: AdSize, position: AdPosition, geo: GridGeometry): { columns: number; lines: number } {
  const cells = 'columns' in size ? size : { columns: columnsFor(mmToPt(size.widthMm), geo), lines: linesFor(mmToPt(size.heightMm), geo) };
  return position === 'bottom-strip' ? { columns: geo.columns, lines: cells.lines } : cells;
}

/** The fewest whole columns at least `width` pt wide. */
function columnsFor(width: number, geo: GridGeometry): number {
  return Math.max(1, Math.ceil((width + geo.gutter) / (geo.colWidth + geo.gutter) - 1e-9));
}

/** The fewest grid lines at least `height` pt deep (the last line is its body size deep). */
function linesFor(height: number, geo: GridGeometry): number {
  return Math.max(1, Math.ceil((height - geo.bodySize) / geo.pitch - 1e-9) + 1);
}

/** Where the ad lies on the page's grid; undefined when it does not fit the grid. */
export function adRect(size: AdSize, position: AdPosition, page: PageSettings): GridRect | undefined {
  const geo = gridGeometry(page);
  const { columns, lines } = adCells(size, position, geo);
  if (columns > geo.columns || lines > geo.rows) return undefined;
  const right = position === 'bottom-right' || position === 'top-right';
  const top = position === 'top-right' || position === 'top-left';
  return { col: right ? geo.columns - columns : 0, span: columns, row: top ? 0 : geo.rows - lines, rows: lines };
}

/**
 * The news hole (新闻版面): the grid's column-lines not taken by the page's ads, and all of them;
 * cells two ads share counted once, cells off the grid not at all. The CLI's `edition` prints it per
 * page, the app's 整期总览 shows it on each page's card.
 */
export function newsHole(page: PageSettings, ads: readonly GridRect[]): { free: number; total: number } {
  const geo = gridGeometry(page);
  const taken = new Set<number>();
  for (const a of ads) {
    for (let c = Math.max(0, a.col); c < Math.min(geo.columns, a.col + a.span); c++) {
      for (let r = Math.max(0, a.row); r < Math.min(geo.rows, a.row + a.rows); r++) taken.add(r * geo.columns + c);
    }
  }
  return { free: geo.columns * geo.rows - taken.size, total: geo.columns * geo.rows };
}
