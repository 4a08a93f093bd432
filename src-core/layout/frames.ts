import type { ArticleBlock, BlockBox, GridRect } from '../model/document';
import { columnDepths, columnX, rowY, type GridGeometry } from '../model/grid';
import type { LayoutContext } from './context';
import { BLACK, type CmykColor, type Rect } from './page-layout';
import { addBox, addRule } from './strokes';

/** The grid-and-frames stage: a block's text columns inside its frame, and its 底纹 and 边框. */

/**
 * Text columns of an article block: the grid's columns, or, inside a box with an inset, the box's
 * inner width shared equally by the block's columns with the page's gutter (as 飞腾 re-divides a
 * framed article); and per column the lowest point text may reach.
 */
export interface TextColumns {
  xs: number[];
  width: number;
  top: number;
  bottoms: number[];
}

/** The box's inset: as set, else half a body character when the block has a tint or a frame. */
export function boxInset(block: Pick<ArticleBlock, 'inset' | 'tint' | 'frameWidth'>, bodySize: number): number {
  if (block.inset !== undefined) return block.inset;
  return (block.tint ?? 0) > 0 || (block.frameWidth ?? 0) > 0 ? bodySize / 2 : 0;
}

export function textColumns(geo: GridGeometry, block: ArticleBlock, frame: Rect, inset: number): TextColumns {
  const depths = columnDepths(block);
  const bottoms = depths.map((d) => (d > 0 ? rowY(geo, block.row + d - 1) + geo.bodySize - inset : -Infinity));
  if (inset <= 0) {
    return { xs: depths.map((_, c) => columnX(geo, block.col + c)), width: geo.colWidth, top: frame.y, bottoms };
  }
  const width = Math.max(0, (frame.width - 2 * inset - (block.span - 1) * geo.gutter) / block.span);
  return { xs: depths.map((_, c) => frame.x + inset + c * (width + geo.gutter)), width, top: frame.y + inset, bottoms };
}

/** A box's tint as a K fill, its frame's weight (0: none) and its style (absent: solid). */
export function boxPaint(box: BlockBox): { fill?: CmykColor; stroke: number; style?: Exclude<BlockBox['frameStyle'], 'solid'> } {
  const tint = box.tint ?? 0;
  const style = box.frameStyle && box.frameStyle !== 'solid' ? box.frameStyle : undefined;
  return { fill: tint > 0 ? { c: 0, m: 0, y: 0, k: tint / 100 } : undefined, stroke: Math.max(0, box.frameWidth ?? 0), ...(style ? { style } : {}) };
}

type BoxedBlock = GridRect & BlockBox & Pick<ArticleBlock, 'columnRows'>;

/**
 * 底纹 and 边框 of an article block (drawn under its text) or of a free box. A stepped block gets one
 * tint rectangle per run of equally deep columns (meeting in the middle of the gutter) and its
 * outline as rules.
 */
export function blockBox(ctx: LayoutContext, block: BoxedBlock, frame: Rect): void {
  const { fill, stroke, style } = boxPaint(block);
  if (!fill && stroke <= 0) return;
  const items = ctx.out.items;
  if (columnDepths(block).every((d) => d === block.rows)) {
    addBox(items, { kind: 'box', ...frame, fill, stroke: stroke > 0 ? BLACK : undefined, strokeWidth: stroke, ...(style ? { strokeStyle: style } : {}) });
    return;
  }
  const runs = depthRuns(ctx.geo, block, frame);
  if (fill) for (const r of runs) if (r.bottom > frame.y) addBox(items, { kind: 'box', x: r.left, y: frame.y, width: r.right - r.left, height: r.bottom - frame.y, fill, strokeWidth: 0 });
  if (stroke <= 0) return;
  // The outline clockwise: top, right side, the steps from right to left, left side.
  const points: [number, number][] = [
    [frame.x, frame.y],
    [frame.x + frame.width, frame.y],
  ];
  for (let i = runs.length - 1; i >= 0; i--) {
    points.push([runs[i].right, runs[i].bottom], [runs[i].left, runs[i].bottom]);
  }
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i];
    const [x2, y2] = points[(i + 1) % points.length];
    if (x1 !== x2 || y1 !== y2) addRule(items, { kind: 'rule', x1, y1, x2, y2, width: stroke, color: BLACK, ...(style ? { style } : {}) });
  }
}

/** Runs of equally deep columns of a stepped block, left to right, with their left and right x and their bottom. */
function depthRuns(geo: GridGeometry, block: BoxedBlock, frame: Rect): { left: number; right: number; bottom: number }[] {
  const depths = columnDepths(block);
  const runs: { left: number; right: number; bottom: number }[] = [];
  for (let c = 0; c < block.span; c++) {
    const bottom = depths[c] > 0 ? rowY(geo, block.row + depths[c] - 1) + geo.bodySize : frame.y;
    const edge = c === 0 ? frame.x : columnX(geo, block.col + c) - geo.gutter / 2;
    const last = runs[runs.length - 1];
    if (last && last.bottom === bottom) continue;
    if (last) last.right = edge;
    runs.push({ left: edge, right: frame.x + frame.width, bottom });
  }
  return runs;
}
