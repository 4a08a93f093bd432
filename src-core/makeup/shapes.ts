import type { Article, ImageAsset, PageSettings } from '../model/document';
import { spanWidth, type GridGeometry } from '../model/grid';
import { plainText } from '../model/richtext';
import type { PictureShape, ShapeSpec } from './measure';
import type { PictureLink } from './types';

/** Headline sizes by rank level (pt): the lead's, the next two's, the middle's, the briefs' (简讯). */
export function headlineSizes(columns: number): number[] {
  if (columns >= 7) return [36, 26, 20, 15];
  if (columns >= 4) return [28, 22, 16, 14];
  return [22, 16, 14, 12];
}

/** Rank level of the article at `rank` (0 = the lead). */
export function levelOf(rank: number): number {
  if (rank === 0) return 0;
  if (rank <= 2) return 1;
  if (rank <= 5) return 2;
  return 3;
}

/** Columns an article of this level may span: the lead at least half the page, briefs narrow. */
export function spansFor(level: number, columns: number): number[] {
  const range = (lo: number, hi: number): number[] => {
    const a = Math.max(1, Math.min(lo, columns));
    const b = Math.max(a, Math.min(hi, columns));
    return Array.from({ length: b - a + 1 }, (_, i) => b - i);
  };
  if (level === 0) return range(Math.ceil(columns / 2), columns);
  if (level === 1) return range(2, Math.ceil(columns / 2) + 1);
  if (level === 2) return range(2, 4);
  return range(1, 3);
}

/** A picture's depth in grid lines at a span: its aspect plus its caption, between 3 lines and 40% of the page. */
export function pictureRows(geo: GridGeometry, page: PageSettings, asset: ImageAsset | undefined, span: number, caption: string): number {
  const width = spanWidth(geo, span);
  const aspect = asset && asset.pixelWidth > 0 && asset.pixelHeight > 0 ? asset.pixelHeight / asset.pixelWidth : 2 / 3;
  // Very tall or very wide pictures are cropped to a sane frame (the crop is 'fill').
  const framed = Math.min(1.25, Math.max(0.45, aspect));
  const cap = page.styles.caption;
  const captionLines = caption.trim() ? Math.ceil(([...caption].length * cap.size) / Math.max(1, width)) : 0;
  const height = width * framed + captionLines * cap.lineHeight + (captionLines ? 3 : 0);
  const rows = Math.ceil((height - geo.bodySize) / geo.pitch) + 1;
  return Math.max(3, Math.min(rows, Math.floor(geo.rows * 0.4)));
}

/** Pixels per inch a picture prints at in a frame `span` columns wide. */
export function effectivePpi(geo: GridGeometry, asset: ImageAsset, span: number): number {
  return asset.pixelWidth / (spanWidth(geo, span) / 72);
}

/** The shapes an article is offered in: spans by rank, its level's headline size and the next smaller, picture half or full width. */
export function shapesFor(article: Article, rank: number, geo: GridGeometry, page: PageSettings, picture: PictureLink | undefined, asset: ImageAsset | undefined): ShapeSpec[] {
  const sizes = headlineSizes(geo.columns);
  const level = levelOf(rank);
  const levels = rank === 0 ? [0] : [level, Math.min(level + 1, sizes.length - 1)].filter((v, i, a) => a.indexOf(v) === i);
  const out: ShapeSpec[] = [];
  const short = plainText(article.body).length < 400;
  for (const span of spansFor(short && level > 0 ? 3 : level, geo.columns)) {
    const pics: (PictureShape | undefined)[] = [];
    if (picture) {
      const pspans = span <= 2 ? [span] : [Math.ceil(span / 2), span];
      for (const ps of pspans) pics.push({ imageId: picture.imageId, caption: picture.caption, span: ps, rows: pictureRows(geo, page, asset, ps, picture.caption) });
    } else pics.push(undefined);
    for (const lv of levels) for (const p of pics) out.push({ span, headlineSize: sizes[lv], padRows: 0, ...(p ? { picture: p } : {}) });
  }
  return out;
}
