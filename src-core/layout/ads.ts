import type { AdBlock, ImageAsset, TextStyle } from '../model/document';
import { rectOf } from '../model/grid';
import { resolveStyle } from '../model/styles';
import { composeOptions, type LayoutContext } from './context';
import { imageItem } from './images';
import { emitLine } from './lines';
import { BLACK, type Rect } from './page-layout';
import { addBox } from './strokes';

/** The word every ad placeholder carries, so nobody takes the frame for news. */
export const AD_LABEL = '广告';
/** An ad's hairline frame, pt. */
const AD_FRAME = 0.5;
/** Space between the frame and what is inside it, pt. */
const AD_INSET = 4;

/**
 * A booked ad (广告): its artwork fitted inside the frame (the whole picture shown), or, without
 * artwork, the placeholder the page carries until it arrives: the advertiser's name centred and
 * 广告 above it. Drawn as the items every renderer knows (box, image, glyphs).
 */
export function layoutAd(ctx: LayoutContext, block: AdBlock, asset: ImageAsset | undefined): void {
  const { geo, out } = ctx;
  const frame = rectOf(geo, block);
  out.frames.push({ blockId: block.id, kind: 'ad', ...frame, emptyLines: 0 });
  if (frame.width <= 0 || frame.height <= 0) return;
  if (block.imageId) out.items.push(imageItem(block.imageId, frame, asset, { fit: 'fit' }));
  else adPlaceholder(ctx, block, frame);
  addBox(out.items, { kind: 'box', ...frame, stroke: BLACK, strokeWidth: AD_FRAME });
}

function adPlaceholder(ctx: LayoutContext, block: AdBlock, frame: Rect): void {
  const inner = frame.width - 2 * AD_INSET;
  if (inner <= 0) return;
  const hei = resolveStyle(ctx.page, 'headline');
  // the name as large as fits the frame's width on at most two lines, between 五号 and 初号
  const nameSize = Math.max(10.5, Math.min(42, (2 * inner) / Math.max(1, [...block.advertiser].length), frame.height / 4));
  const label: TextStyle = { ...hei, size: 10.5, lineHeight: 14, tracking: 0.5, align: 'center' };
  const name: TextStyle = { ...hei, size: nameSize, lineHeight: nameSize * 1.25, tracking: 0, align: 'center' };
  const labelTop = frame.y + AD_INSET;
  setCentred(ctx, block, AD_LABEL, label, frame.x + AD_INSET, inner, labelTop, 0);
  setCentred(ctx, block, block.advertiser, name, frame.x + AD_INSET, inner, frame.y + frame.height / 2, 1, true);
}

/** Centred lines of one short text at `top` (or centred on it when `middle`). */
function setCentred(ctx: LayoutContext, block: AdBlock, text: string, style: TextStyle, x: number, width: number, top: number, paragraph: number, middle = false): void {
  const cp = ctx.cache.compose([{ text, style, tag: 0 }], composeOptions(ctx.page.typeset, width, style, 0, 'center'));
  ctx.out.noteMissing(cp, block.id);
  let y = middle ? top - (cp.lines.length * style.lineHeight) / 2 : top;
  for (let li = 0; li < cp.lines.length; li++) {
    emitLine(ctx, cp, li, x, y + (style.lineHeight - style.size) / 2, block.id, [{ field: 'caption', paragraph, base: 0 }]);
    y += style.lineHeight;
  }
}
