import type * as Y from 'yjs';
import type { Article, ImageAsset, ImageBlock } from '../model/document';
import { articleParts, blockToY, layoutParts, writeArticle } from './ydocs';

/**
 * Rounds and sign-off written on a page's documents by the collaboration server, which holds the
 * documents without a PageStore (a 校对 cannot write the layout document, so the server does it on
 * request, as the person the token names). Desks change rounds and sign-off through PageStore.
 */
export { finishRound, reopen, signOff, startRound } from './proof-doc';

/**
 * Placing and taking back an edition's articles (src-main/server/edition-requests.ts): the server
 * writes the page's documents itself, so a placement reaches every desk on the page at once and
 * cannot race another desk's placement of the same article.
 */

/** A story's pictures on a page: their picture blocks and the pictures the page newly lists (edition pool-pictures.ts). */
export interface PagePictures {
  blocks: ImageBlock[];
  images: ImageAsset[];
}

/** Article `article` added to the page: its document written, its id last in the page's list (held, no block yet), its pictures with it (over the page's other blocks). */
export function addArticleToPage(layoutDoc: Y.Doc, articleDoc: Y.Doc, article: Article, origin?: unknown, pictures: PagePictures = { blocks: [], images: [] }): void {
  writeArticle(articleDoc, article);
  const { articleOrder, blocks, images } = layoutParts(layoutDoc);
  layoutDoc.transact(() => {
    if (!articleOrder.toArray().includes(article.id)) articleOrder.push([article.id]);
    for (const img of pictures.images) images.set(img.id, img);
    let z = Math.max(-1, ...[...blocks.values()].map((m) => (m.get('z') as number) ?? 0));
    for (const b of pictures.blocks) blocks.set(b.id, blockToY(b, ++z));
  }, origin);
}

/** Article `id` taken off the page: out of its list, its article and picture blocks removed (its document stays, unlisted), the pictures `unlisted` out of the page's. */
export function takeArticleFromPage(layoutDoc: Y.Doc, id: string, origin?: unknown, unlisted: readonly string[] = []): void {
  const { articleOrder, blocks, images } = layoutParts(layoutDoc);
  layoutDoc.transact(() => {
    const at = articleOrder.toArray().indexOf(id);
    if (at >= 0) articleOrder.delete(at, 1);
    for (const [bid, b] of [...blocks.entries()]) if (b.get('articleId') === id && (b.get('kind') === 'article' || b.get('kind') === 'image')) blocks.delete(bid);
    for (const img of unlisted) images.delete(img);
  }, origin);
}

/** The number of top-level paragraphs in an article document's body. */
export function paragraphCount(articleDoc: Y.Doc): number {
  return articleParts(articleDoc).body.length;
}

/**
 * A continued story's cut moved: with `n` > 0 the last `n` paragraphs of the earlier part go to the
 * start of the later part, with `n` < 0 the later part's first −n paragraphs go to the end of the
 * earlier one. Each paragraph is copied (marks, attributes and all) before it is deleted where it was,
 * with nothing awaited in between, so no desk is sent a state where it is gone or twice.
 */
export function moveParagraphs(earlier: Y.Doc, later: Y.Doc, n: number, origin?: unknown): void {
  const from = articleParts(n > 0 ? earlier : later).body;
  const to = articleParts(n > 0 ? later : earlier).body;
  const count = Math.abs(n);
  const at = n > 0 ? from.length - count : 0;
  const moved = from.slice(at, at + count).map((node) => node.clone());
  (n > 0 ? later : earlier).transact(() => to.insert(n > 0 ? 0 : to.length, moved), origin);
  (n > 0 ? earlier : later).transact(() => from.delete(at, count), origin);
}
