/**
 * A story's pictures travel with it through the pool (稿库), as 飞腾 or InDesign place a story with
 * its images: taken back into the pool, the article's picture blocks leave the page with it and wait
 * in the edition's `poolPictures` as they last stood (picture, size, crop, caption, wrap); placed on
 * a page, they come back with it, so the desk's make-up (组版) sets them with their story. On the
 * page the link is the block's `articleId`, in the pool the pooled block's: one place at a time.
 */
import { gridGeometry } from '../model/grid';
import type { Block, ImageBlock } from '../model/document';
import type { EditionDocument, EditionPage } from './edition';

/** The picture ids the blocks show: picture blocks, 压题图 and ad artwork. */
function shownImages(blocks: Block[]): Set<string> {
  const ids = new Set<string>();
  for (const b of blocks) {
    if (b.kind === 'image') ids.add(b.imageId);
    else if (b.kind === 'article' && b.titleImage) ids.add(b.titleImage.imageId);
    else if (b.kind === 'ad' && b.imageId) ids.add(b.imageId);
  }
  return ids;
}

const isPictureOf = (article: string) => (b: Block): b is ImageBlock => b.kind === 'image' && b.articleId === article;

function withPage(edition: EditionDocument, index: number, page: EditionPage): EditionDocument {
  return { ...edition, pages: edition.pages.map((p, i) => (i === index ? page : p)) };
}

/** What moved: the picture blocks and the picture ids the page listed before and no longer shows. */
export interface PicturesTaken {
  edition: EditionDocument;
  blocks: ImageBlock[];
  unlisted: string[];
}

/** Article `article`'s picture blocks taken off page `index` into the pool (its pictures then leave the page's list unless it shows them elsewhere). */
export function picturesToPool(edition: EditionDocument, index: number, article: string): PicturesTaken {
  const page = edition.pages[index];
  const blocks = page.blocks.filter(isPictureOf(article));
  if (!blocks.length) return { edition, blocks, unlisted: [] };
  const kept = page.blocks.filter((b) => !isPictureOf(article)(b));
  const shown = shownImages(kept);
  const unlisted = [...new Set(blocks.map((b) => b.imageId))].filter((id) => !shown.has(id) && page.images.includes(id));
  const next = withPage(edition, index, { ...page, blocks: kept, images: page.images.filter((id) => !unlisted.includes(id)) });
  return { edition: { ...next, poolPictures: [...(edition.poolPictures ?? []), ...blocks] }, blocks, unlisted };
}

/** What came back: the picture blocks as placed on the page and the picture ids newly listed on it. */
export interface PicturesBrought {
  edition: EditionDocument;
  blocks: ImageBlock[];
  listed: string[];
}

/**
 * Article `article`'s pooled pictures put on page `index`: each block fitted to the page's grid (its
 * span and depth kept where they fit, else the page's), under an id no block of the page has; their
 * pictures listed on the page. Where they stand is a first place: the 组版's make-up sets them with the story.
 */
export function picturesFromPool(edition: EditionDocument, index: number, article: string): PicturesBrought {
  const pooled = (edition.poolPictures ?? []).filter((b) => b.articleId === article);
  if (!pooled.length) return { edition, blocks: [], listed: [] };
  const page = edition.pages[index];
  const geo = gridGeometry(page.page);
  const ids = new Set(page.blocks.map((b) => b.id));
  const blocks = pooled.map((b): ImageBlock => {
    let id = b.id;
    for (let k = 2; ids.has(id); k++) id = `${b.id}-${k}`;
    ids.add(id);
    const span = Math.min(b.span, geo.columns);
    const rows = Math.min(b.rows, geo.rows);
    return { ...b, id, span, rows, col: Math.min(b.col, geo.columns - span), row: Math.min(b.row, geo.rows - rows) };
  });
  const listed = [...new Set(blocks.map((b) => b.imageId))].filter((id) => !page.images.includes(id));
  const next = withPage(edition, index, { ...page, blocks: [...page.blocks, ...blocks], images: [...page.images, ...listed] });
  const rest = (edition.poolPictures ?? []).filter((b) => b.articleId !== article);
  const { poolPictures: _, ...without } = next;
  return { edition: rest.length ? { ...next, poolPictures: rest } : without, blocks, listed };
}
