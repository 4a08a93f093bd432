import type { PDFRef } from '@cantoo/pdf-lib';
import type { FontRegistry } from '../fonts/registry';
import { picturePlacement } from '../layout/image-crop';
import type { GlyphRun, ImageItem, LayoutItem } from '../layout/page-layout';
import type { ImageAsset } from '../model/document';
import { drawGeometry, type ContentWriter } from './content';
import type { DocumentFaces } from './faces';
import type { DocumentImages } from './image-objects';

type Problem = { zh: string; en: string };

/** What drawing one page's items needs: where the trim sits on the sheet and the document's shared fonts and images. */
export interface PageCanvas {
  cw: ContentWriter;
  /** The trim box's lower-left corner on the sheet and its top edge (PDF y up; the layout's y runs down). */
  ox: number;
  pageTop: number;
  fonts: FontRegistry;
  faces: DocumentFaces;
  images: DocumentImages;
  /** This page's images by id, and the caller's byte source that takes precedence. */
  assets: ReadonlyMap<string, ImageAsset>;
  imageBytes?: (imageId: string) => Uint8Array | undefined;
  /** The page's resources, filled as items use them. */
  usedFonts: Map<string, PDFRef>;
  usedImages: Map<string, PDFRef>;
}

/** Draws the layout's items in order; the first item that cannot be drawn stops it with the reason. */
export async function drawItems(items: readonly LayoutItem[], p: PageCanvas): Promise<Problem | undefined> {
  for (const item of items) {
    let problem: Problem | undefined;
    switch (item.kind) {
      case 'glyphs':
        problem = drawGlyphs(item, p);
        break;
      case 'rule':
      case 'box':
      case 'art':
        // styles were resolved to geometry in layout (the `art` item after a styled rule or box)
        drawGeometry(p.cw, item, p.ox, p.pageTop);
        break;
      case 'image':
        problem = await drawImageItem(item, p);
        break;
    }
    if (problem) return problem;
  }
  return undefined;
}

/** Scratch CIDs of one glyph run, only used synchronously inside drawGlyphs (reused so a page allocates none). */
let cids = new Uint16Array(256);

function drawGlyphs(item: GlyphRun, p: PageCanvas): Problem | undefined {
  const face = p.fonts.faceById(item.face);
  if (!face) return { zh: `版面使用了未注册的字体 ${item.face}`, en: `The layout uses a font that is not registered: ${item.face}` };
  const got = p.faces.use(face);
  if (!('use' in got)) return got;
  const { use, ref } = got;
  p.usedFonts.set(use.resourceName, ref);
  if (cids.length < item.xs.length) cids = new Uint16Array(item.xs.length * 2);
  let n = 0;
  for (let i = 0; i < item.text.length; i++) {
    const c = item.text.charCodeAt(i);
    let cp = c;
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < item.text.length) {
      cp = item.text.codePointAt(i)!;
      i++;
    }
    cids[n++] = use.cid(cp);
  }
  if (n === 0) return undefined;
  if (item.boldStroke) p.cw.boldStroke(item.boldStroke, item.color);
  p.cw.fillCmyk(item.color);
  if (item.ys) {
    const ys = item.ys;
    const xs = item.xs.slice(0, n).map((x) => p.ox + x);
    p.cw.placedGlyphs(use.resourceName, item.size, item.hScale * 100, cids.subarray(0, n), xs, ys.slice(0, n).map((y) => p.pageTop - y), !!item.turned, item.actual);
  } else {
    p.cw.glyphs(use.resourceName, item.size, item.hScale * 100, p.ox + item.xs[0], p.pageTop - item.y, cids.subarray(0, n), use.widths, item.xs);
  }
  if (item.boldStroke) p.cw.restore();
  return undefined;
}

async function drawImageItem(item: ImageItem, p: PageCanvas): Promise<Problem | undefined> {
  const asset = p.assets.get(item.imageId);
  const bytes = p.imageBytes?.(item.imageId) ?? p.images.assetBytes(asset);
  if (!bytes) {
    drawPlaceholder(p.cw, p.ox + item.x, p.pageTop - item.y - item.height, item.width, item.height);
    return undefined;
  }
  const object = await p.images.object(bytes, asset?.name ?? item.imageId);
  if (!('ref' in object)) return object;
  p.usedImages.set(object.name, object.ref);
  drawPicture(p.cw, object.name, item, object.width, object.height, p.ox, p.pageTop);
  return undefined;
}

/**
 * The picture where the layout placed it (its crop), or else scaled to cover its frame, centred;
 * clipped to the frame either way (the SVG renderer's nested viewport or "xMidYMid slice").
 */
function drawPicture(cw: ContentWriter, name: string, item: ImageItem, pw: number, ph: number, ox: number, pageTop: number): void {
  if (item.width <= 0 || item.height <= 0) return;
  const placed = item.picture ?? picturePlacement(item, pw, ph, {});
  cw.image(name, ox + placed.x, pageTop - placed.y - placed.height, placed.width, placed.height, { x: ox + item.x, y: pageTop - item.y - item.height, w: item.width, h: item.height });
}

/** An image without picture data: a light grey frame with a cross, K only (preflight reports it). */
function drawPlaceholder(cw: ContentWriter, x: number, y: number, w: number, h: number): void {
  cw.save();
  cw.fillCmyk({ c: 0, m: 0, y: 0, k: 0.1 });
  cw.strokeCmyk({ c: 0, m: 0, y: 0, k: 0.4 });
  cw.width(0.5);
  cw.rect(x, y, w, h, 'B');
  cw.line(x, y, x + w, y + h);
  cw.line(x, y + h, x + w, y);
  cw.restore();
}
