import type { Article, ArticleBlock, BanmianDocument, GridRect, ImageAsset, ImageBlock, ImageCrop } from '../model/document';
import { WRAP_OFFSET } from '../model/document';
import { columnDepths, rectOf, rectsMeet } from '../model/grid';
import { resolveStyle } from '../model/styles';
import { composeOptions, type LayoutContext } from './context';
import { boxPaint } from './frames';
import { picturePlacement } from './image-crop';
import { emitLine } from './lines';
import { BLACK, type LayoutItem, type Rect } from './page-layout';
import { addBox } from './strokes';

/** Picture blocks, and the room they take from the text of articles under them. */

/** A picture in its frame, placed by its crop when its pixel size is known. */
export function imageItem(imageId: string, frame: Rect, asset: ImageAsset | undefined, crop: ImageCrop): LayoutItem {
  const known = asset && asset.pixelWidth > 0 && asset.pixelHeight > 0 && frame.width > 0 && frame.height > 0;
  return { kind: 'image', imageId, ...frame, ...(known ? { picture: picturePlacement(frame, asset.pixelWidth, asset.pixelHeight, crop) } : {}) };
}

/** Whether a picture meets the lines a block's columns hold (a stepped block's short columns end above its foot). */
function meetsText(picture: GridRect, block: ArticleBlock): boolean {
  if (!rectsMeet(picture, block)) return false;
  const depths = columnDepths(block);
  for (let c = Math.max(picture.col, block.col); c < Math.min(picture.col + picture.span, block.col + block.span); c++) {
    if (picture.row < block.row + depths[c - block.col]) return true;
  }
  return false;
}

/**
 * The grid cells pictures take from an article block, by each picture's 文字绕排: its own columns
 * ('around') or the block's whole width ('band'), with `wrapOffset` empty lines between the picture
 * and the text above and below it (none at the block's own top or foot); 'none' takes nothing.
 */
export function imageExclusions(doc: BanmianDocument, block: ArticleBlock): GridRect[] {
  const out: GridRect[] = [];
  for (const b of doc.blocks) {
    if (b.kind !== 'image' || b.span <= 0 || b.rows <= 0 || b.wrap === 'none') continue;
    if (!meetsText(b, block)) continue;
    const offset = b.wrapOffset ?? WRAP_OFFSET.default;
    const above = Math.min(offset, Math.max(0, b.row - block.row));
    const below = Math.min(offset, Math.max(0, block.row + block.rows - (b.row + b.rows)));
    const across = b.wrap === 'band' ? { col: block.col, span: block.span } : { col: b.col, span: b.span };
    out.push({ ...across, row: b.row - above, rows: b.rows + above + below });
  }
  return out;
}

/** A caption's lines composed at its picture's width, in its article's caption style, and the height they take with the gap over them. */
function captionOf(ctx: LayoutContext, block: ImageBlock, width: number, article: Article | undefined) {
  const style = resolveStyle(ctx.page, 'caption', article?.styleOverrides);
  const cp = ctx.cache.compose([{ text: block.caption, style, tag: 0 }], composeOptions(ctx.page.typeset, width, style, 0));
  return { style, cp, height: cp.lines.length * style.lineHeight + 3 };
}

/**
 * A story's pictures standing in a row (组图横排: side by side on the same grid lines, as deep) print
 * as tall as each other, their captions starting on one line under them: the deepest caption sets the
 * room under the row (each caption on its own, a shorter caption's picture stood taller). By block id,
 * for the pictures of such rows only.
 */
export function captionRoom(ctx: LayoutContext, doc: BanmianDocument, articles: Map<string, Article>): Map<string, number> {
  const rows = new Map<string, ImageBlock[]>();
  for (const b of doc.blocks) {
    if (b.kind !== 'image' || !b.articleId || !b.caption.trim()) continue;
    const key = `${b.articleId}|${b.row}|${b.rows}`;
    rows.set(key, [...(rows.get(key) ?? []), b]);
  }
  const out = new Map<string, number>();
  for (const row of rows.values()) {
    if (row.length < 2) continue;
    const room = Math.max(...row.map((b) => captionOf(ctx, b, rectOf(ctx.geo, b).width, articles.get(b.articleId ?? '')).height));
    for (const b of row) out.set(b.id, room);
  }
  return out;
}

/**
 * A picture and its caption under it; the caption of a picture that belongs to an article follows that
 * article's caption style. `room`: the height under the picture when its row's captions set it (`captionRoom`).
 */
export function layoutImage(ctx: LayoutContext, block: ImageBlock, asset: ImageAsset | undefined, article: Article | undefined, room?: number): void {
  const { geo, out } = ctx;
  const frame = rectOf(geo, block);
  out.frames.push({ blockId: block.id, kind: 'image', ...frame, emptyLines: 0 });
  if (frame.width <= 0 || frame.height <= 0) return;
  let captionHeight = 0;
  if (block.caption.trim()) {
    const { style, cp, height } = captionOf(ctx, block, frame.width, article);
    out.noteMissing(cp, block.id);
    captionHeight = Math.max(height, room ?? 0);
    let y = frame.y + frame.height - captionHeight + 3;
    for (let li = 0; li < cp.lines.length; li++) {
      emitLine(ctx, cp, li, frame.x, y + (style.lineHeight - style.size) / 2, block.id, [{ field: 'caption', paragraph: 0, base: 0 }]);
      y += style.lineHeight;
    }
  }
  const height = Math.max(0, frame.height - captionHeight);
  const picture: Rect = { x: frame.x, y: frame.y, width: frame.width, height };
  // 底纹 shows where a fitted picture leaves the frame empty; the 边框 (图片边框) goes over the picture's edge.
  const { fill, stroke, style } = boxPaint(block);
  if (fill) addBox(out.items, { kind: 'box', ...picture, fill, strokeWidth: 0 });
  out.items.push(imageItem(block.imageId, picture, asset, block));
  if (stroke > 0) addBox(out.items, { kind: 'box', ...picture, stroke: BLACK, strokeWidth: stroke, ...(style ? { strokeStyle: style } : {}) });
}
