import type { Article, BanmianDocument, Block, ImageAsset } from '../../src-core/model/document';
import { mergeImportedImages } from '../../src-core/model/image-ids';
import { overlapsWith } from '../../src-core/model/overlap';
import { onGrid, rectsMeet, type GridGeometry } from '../../src-core/model/grid';
import { columnStep } from './geometry';
import { groupDelta, shiftedBlocks } from './arrange';

/**
 * 复制/剪切/粘贴/再制 of blocks: what is copied (the blocks with their articles and pictures, so a
 * paste on another page of the file has all it needs) and what a paste adds. Pure; the Editor holds
 * the copy and applies the paste as one undo step.
 */

export interface BlockCopy {
  blocks: readonly Block[];
  /** The articles the copied text blocks show, whole. */
  articles: readonly Article[];
  /** The pictures the copied blocks show (picture blocks, 压题图, ad artwork). */
  images: readonly ImageAsset[];
}

const imageIdsOf = (b: Block): string[] => {
  if (b.kind === 'image') return [b.imageId];
  if (b.kind === 'ad') return b.imageId ? [b.imageId] : [];
  if (b.kind === 'article') return b.titleImage ? [b.titleImage.imageId] : [];
  return [];
};

/** The selected blocks, in the page's stacking order, with what they show. */
export function copyOf(doc: BanmianDocument, ids: readonly string[]): BlockCopy | undefined {
  const blocks = doc.blocks.filter((b) => ids.includes(b.id));
  if (!blocks.length) return undefined;
  const articleIds = new Set(blocks.flatMap((b) => (b.kind === 'article' ? [b.articleId] : [])));
  const imageIds = new Set(blocks.flatMap(imageIdsOf));
  return { blocks, articles: doc.articles.filter((a) => articleIds.has(a.id)), images: doc.images.filter((i) => imageIds.has(i.id)) };
}

export interface Pasted {
  blocks: Block[];
  /** Each copied article under an id of its own: a pasted text block is a story of its own to edit. */
  articles: Article[];
  /** Pictures the page does not have yet. */
  images: ImageAsset[];
}

/**
 * The copy as new blocks for `doc`: new block and article ids (two blocks of one copied article share
 * its one copy), pictures merged into the page's (a different picture under a used id gets an id of
 * its own). A picture's `articleId` follows its article's copy, or stays when the page has that article.
 */
export function pastedBlocks(doc: BanmianDocument, copy: BlockCopy, newId: (prefix: string) => string): Pasted {
  const articleIds = new Map(copy.articles.map((a) => [a.id, newId('a')]));
  const { added, ids } = mergeImportedImages(doc.images, copy.images);
  const imageIds = new Map(copy.images.map((img, i) => [img.id, ids[i]]));
  const img = (id: string): string => imageIds.get(id) ?? id;
  const onPage = new Set(doc.articles.map((a) => a.id));
  const blocks = copy.blocks.map((b): Block => {
    const id = newId(b.kind === 'image' ? 'img' : b.kind === 'article' ? 'b' : b.kind);
    if (b.kind === 'article') return { ...b, id, articleId: articleIds.get(b.articleId)!, locked: undefined, ...(b.titleImage ? { titleImage: { ...b.titleImage, imageId: img(b.titleImage.imageId) } } : {}) };
    if (b.kind === 'image') {
      const { articleId, ...rest } = b;
      const own = articleId && (articleIds.get(articleId) ?? (onPage.has(articleId) ? articleId : undefined));
      return { ...rest, id, imageId: img(b.imageId), ...(own ? { articleId: own } : {}), locked: undefined };
    }
    if (b.kind === 'ad') return { ...b, id, ...(b.imageId ? { imageId: img(b.imageId) } : {}), locked: undefined };
    return { ...b, id, locked: undefined } as Block;
  });
  const articles = copy.articles.map((a) => ({ ...a, id: articleIds.get(a.id)! }));
  return { blocks: blocks.map(dropUndefined), articles, images: added };
}

function dropUndefined(b: Block): Block {
  return Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined)) as unknown as Block;
}

/** What a paste never lands on: an ad (space sold, printed as booked) or a block the 组版 locked in place. */
const untouchable = (b: Block): boolean => b.kind === 'ad' || !!b.locked;

/**
 * Where the pasted blocks go: shifted by whole columns and lines to the nearest place (in pt) where
 * all stay inside the grid, no text block of them covers another and none covers an ad or a locked
 * block; the nearest place that covers nothing at all, when the page has one, before any other. Where
 * they were copied from when that is free and `stay` allows. Undefined: the page has no such place.
 */
export function freePlace(geo: GridGeometry, pageBlocks: readonly Block[], pasted: readonly Block[], stay: boolean): { dc: number; dr: number } | undefined {
  const grid = pasted.filter(onGrid);
  const others = pageBlocks.filter(onGrid);
  const candidates: { dc: number; dr: number; d: number }[] = [];
  for (let dc = -geo.columns; dc <= geo.columns; dc++) {
    for (let dr = -geo.rows; dr <= geo.rows; dr++) {
      if (!stay && dc === 0 && dr === 0) continue;
      const fit = groupDelta(geo, grid, dc, dr);
      if (fit.dc !== dc || fit.dr !== dr) continue;
      candidates.push({ dc, dr, d: Math.hypot(dc * columnStep(geo), dr * geo.pitch) });
    }
  }
  candidates.sort((a, b) => a.d - b.d || a.dr - b.dr || a.dc - b.dc);
  let fallback: { dc: number; dr: number } | undefined;
  for (const c of candidates) {
    const moved = shiftedBlocks(geo, pasted, c.dc, c.dr);
    const covered = others.filter((o) => moved.some((m) => onGrid(m) && rectsMeet(m, o)));
    if (covered.some(untouchable)) continue;
    if (!covered.length) return { dc: c.dc, dr: c.dr };
    const all = [...pageBlocks, ...moved];
    if (!fallback && moved.every((b) => overlapsWith(all, b).length === 0)) fallback = { dc: c.dc, dr: c.dr };
  }
  return fallback;
}
