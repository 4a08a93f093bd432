import type * as Y from 'yjs';
import type { Article, BanmianDocument, ImageAsset, ImageBlock } from '../model/document';
import { copyProofNotes } from './proof-doc';
import { articleParts, blockToY, layoutParts, readArticleBody, writeArticle, writeStyleOverrides } from './ydocs';

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

/**
 * The fields of an article already on a page that the edition derives rather than a desk edits: a
 * continued part's title fields and byline (blank, or its continuation headline), its jump lines and
 * its overrides (the continuation headline's size). A part that moves to another page changes them on
 * the parts before and after it; a desk's own edits of the other fields and of the body stay.
 */
const DERIVED_FIELDS = ['kicker', 'headline', 'deck', 'lead', 'byline', 'jumpFrom', 'jumpTo'] as const satisfies readonly (keyof Article)[];

/** Ids of the articles of `after` whose documents `bringPage` writes: new on the page, or with derived fields changed. */
export function articlesToBring(before: BanmianDocument, after: BanmianDocument): string[] {
  const was = new Map(before.articles.map((a) => [a.id, a]));
  return after.articles.filter((a) => !was.has(a.id) || derivedChanged(was.get(a.id)!, a)).map((a) => a.id);
}

const derivedChanged = (a: Article, b: Article): boolean =>
  DERIVED_FIELDS.some((f) => a[f] !== b[f]) || JSON.stringify(a.styleOverrides ?? null) !== JSON.stringify(b.styleOverrides ?? null);

/**
 * A page's documents brought from what the edition derived for it (`before`) to what it derives now
 * (`after`), by the server after an edition change it made (a part moved to another page): blocks,
 * pictures and list entries gone are removed, new ones added (new blocks over the others); an article
 * new on the page is written whole, one already there gets only its derived fields (`DERIVED_FIELDS`).
 * `docs` holds the documents of `articlesToBring`, opened beforehand: nothing here waits, so no desk
 * is sent a state between the two. `carried`: the document of an article coming from another page, its
 * text read from there as it is now (an edit made since the edition was read goes with it), its
 * proofreading notes with it (`copyProofNotes`). A picture block still on the page whose story's part
 * changed (the part it goes with left or came) takes the part's id the edition now gives it.
 */
export function bringPage(layoutDoc: Y.Doc, docs: ReadonlyMap<string, Y.Doc>, before: BanmianDocument, after: BanmianDocument, origin?: unknown, carried?: { id: string; doc: Y.Doc }): void {
  const was = new Map(before.articles.map((a) => [a.id, a]));
  for (const a of after.articles) {
    const doc = docs.get(a.id);
    if (!doc) continue;
    if (carried?.id === a.id && !was.has(a.id)) doc.transact(() => (writeArticle(doc, { ...a, body: readArticleBody(carried.doc) }), copyProofNotes(carried.doc, doc)), origin);
    else if (!was.has(a.id)) writeArticle(doc, a);
    else if (derivedChanged(was.get(a.id)!, a)) writeDerived(doc, a, origin);
  }
  const { articleOrder, blocks, images } = layoutParts(layoutDoc);
  const gone = <T extends { id: string }>(from: readonly T[], to: readonly T[]): T[] => from.filter((x) => !to.some((y) => y.id === x.id));
  layoutDoc.transact(() => {
    for (const b of gone(before.blocks, after.blocks)) blocks.delete(b.id);
    for (const img of gone(before.images, after.images)) images.delete(img.id);
    for (const a of gone(before.articles, after.articles)) {
      const at = articleOrder.toArray().indexOf(a.id);
      if (at >= 0) articleOrder.delete(at, 1);
    }
    for (const img of gone(after.images, before.images)) images.set(img.id, img);
    for (const b of after.blocks) {
      const there = blocks.get(b.id);
      if (b.kind === 'image' && there && b.articleId !== undefined && there.get('articleId') !== b.articleId) there.set('articleId', b.articleId);
    }
    let z = Math.max(-1, ...[...blocks.values()].map((m) => (m.get('z') as number) ?? 0));
    for (const b of gone(after.blocks, before.blocks)) blocks.set(b.id, blockToY(b, ++z));
    for (const a of gone(after.articles, before.articles)) if (!articleOrder.toArray().includes(a.id)) articleOrder.push([a.id]);
  }, origin);
}

function writeDerived(doc: Y.Doc, a: Article, origin?: unknown): void {
  const { meta } = articleParts(doc);
  doc.transact(() => {
    for (const f of DERIVED_FIELDS) if (meta.get(f) !== a[f]) meta.set(f, a[f]);
    writeStyleOverrides(doc, a.styleOverrides);
  }, origin);
}
