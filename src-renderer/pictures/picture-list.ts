import { effectivePpi } from '../../src-core/import/image-probe';
import type { BlockFrame, ImageItem, PageLayout } from '../../src-core/layout/page-layout';
import { PRINT_PPI, type BanmianDocument, type ImageAsset } from '../../src-core/model/document';
import { blockName } from '../../src-core/model/fit-blocks';

/**
 * 图片 list: the page's pictures, each with where it is placed (a picture block, an article's
 * 压题图, an ad's artwork) or none; and the resolution a placed picture prints at.
 */

export interface PicturePlace {
  blockId: string;
  zh: string;
  en: string;
}

export interface PictureEntry {
  asset: ImageAsset;
  places: PicturePlace[];
  /** No picture data: a frame waiting for its picture (占位). */
  placeholder: boolean;
}

/** Below this a placed picture prints soft: the 属性 panel warns (make-up refuses wider frames at the same figure). */
export const LOW_PPI = PRINT_PPI.warning;

export function pictureEntries(doc: Pick<BanmianDocument, 'images' | 'blocks' | 'articles'>): PictureEntry[] {
  const places = new Map<string, PicturePlace[]>();
  const add = (imageId: string, place: PicturePlace) => places.set(imageId, [...(places.get(imageId) ?? []), place]);
  for (const b of doc.blocks) {
    if (b.kind === 'image' || (b.kind === 'ad' && b.imageId)) add(b.imageId!, { blockId: b.id, ...blockName(b, doc.articles) });
    else if (b.kind === 'article' && b.titleImage) {
      const name = blockName(b, doc.articles);
      add(b.titleImage.imageId, { blockId: b.id, zh: `压题图 ${name.zh}`, en: `title picture of ${name.en}` });
    }
  }
  return doc.images.map((asset) => ({ asset, places: places.get(asset.id) ?? [], placeholder: !asset.data }));
}

/** The picture item a picture block draws (its frame's top-left is the picture's). */
export function pictureItemOf(layout: PageLayout | undefined, frame: BlockFrame | undefined, imageId: string): ImageItem | undefined {
  if (!layout || !frame) return undefined;
  return layout.items.find((i): i is ImageItem => i.kind === 'image' && i.imageId === imageId && Math.abs(i.x - frame.x) < 0.01 && Math.abs(i.y - frame.y) < 0.01);
}

/**
 * Pixels per inch the picture prints at, as placed and scaled by its crop (the picture's own size
 * on the page, not the frame's); undefined when its pixel size is unknown.
 */
export function placedPpi(asset: ImageAsset | undefined, item: ImageItem | undefined): number | undefined {
  if (!asset || !item?.picture || !(asset.pixelWidth > 0) || !(asset.pixelHeight > 0)) return undefined;
  return Math.round(effectivePpi(asset, item.picture.width, item.picture.height));
}

/** The picture frame under a page point (the topmost), for 置入 by drop. */
export function pictureFrameAt(layout: PageLayout | undefined, x: number, y: number): BlockFrame | undefined {
  const frames = layout?.frames ?? [];
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i];
    if (f.kind === 'image' && x >= f.x && x <= f.x + f.width && y >= f.y && y <= f.y + f.height) return f;
  }
  return undefined;
}
