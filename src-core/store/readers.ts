import type * as Y from 'yjs';
import type { Article, BanmianDocument, PageHeader } from '../model/document';
import type { DismissedFinding, RoundRecord, SavedCorrection, SignoffEvent, SuggestionMeta, Thread } from '../model/proof';
import { checkParts, roundParts, proofParts } from './proof-doc';
import { boundedCheckState } from './check-state';
import { layoutParts, orderedBlocks, readArticleBody, readArticleMeta, readPage } from './ydocs';

/**
 * Read-only access to a page's Yjs documents for code outside the store that holds the documents
 * without a PageStore (the collaboration server, a session, a joined page) or shows the proof state
 * (the proof panel). Nothing here writes, and nothing hands out the schema's maps: changes go
 * through PageStore's operations (or, on the server, page-requests.ts).
 */

export { articleBodyJSON, BLOCKS_ROOT } from './ydocs';
export type { ArticleMeta } from './ydocs';
export { ROUND_ROOTS as SERVER_WRITTEN_ROOTS, currentRound, isSignedOff, markedSpans, nextRoundName, openMarks, openSuggestions, orphanThreads, signoffLog } from './proof-doc';

/**
 * An article's check state: the findings its 校对 dismissed and the importer's corrections of its
 * text, as a peer may have written them: checked and held to the file's limits (check-state.ts).
 */
export function articleCheckState(doc: Y.Doc): { dismissed: DismissedFinding[]; corrections: SavedCorrection[] } {
  const { dismissed, corrections } = checkParts(doc);
  const state = boundedCheckState(dismissed.values(), corrections);
  return { dismissed: state.dismissed, corrections: state.corrections };
}

/** The page header's (报头, 版头) dismissed findings: the page's own, in the layout document, held to the same limits. */
export function headerDismissals(layoutDoc: Y.Doc): DismissedFinding[] {
  return articleCheckState(layoutDoc).dismissed;
}

/** The ids of the page's booked ads (blocks of kind `ad`). */
export function adBlockIds(layoutDoc: Y.Doc): string[] {
  return [...layoutParts(layoutDoc).blocks.entries()].filter(([, b]) => b.get('kind') === 'ad').map(([id]) => id);
}

/** The article ids of the page, in order. */
export function articleIdsOf(layoutDoc: Y.Doc): string[] {
  return layoutParts(layoutDoc).articleOrder.toArray();
}

/** The header as stored (each field whatever a peer wrote), or undefined while nobody has written the page. */
export function storedHeader(layoutDoc: Y.Doc): Partial<Record<keyof PageHeader, unknown>> | undefined {
  const { header } = layoutParts(layoutDoc);
  return header.size === 0 ? undefined : Object.fromEntries(header.entries());
}

/** The layout document's part of a snapshot (articles are read one by one with `articleTextOf`). */
export function layoutSnapshotOf(layoutDoc: Y.Doc): Omit<BanmianDocument, 'formatVersion' | 'articles'> & { articleOrder: string[] } {
  const { articleOrder, images } = layoutParts(layoutDoc);
  return { articleOrder: articleOrder.toArray(), page: readPage(layoutDoc), images: [...images.values()], blocks: orderedBlocks(layoutDoc) };
}

/** An article's fields and body (a malformed body replaced by a notice; see readArticleBody). */
export function articleTextOf(id: string, doc: Y.Doc): Omit<Article, 'styleOverrides'> {
  return { id, ...readArticleMeta(doc), body: readArticleBody(doc) };
}

/**
 * Calls `onOrder` when the article list changes and `onSignoff` when the page is signed or
 * reopened; returns the function that stops watching.
 */
export function watchPage(layoutDoc: Y.Doc, on: { order(): void; signoff(): void }): () => void {
  const { articleOrder } = layoutParts(layoutDoc);
  const order = (): void => on.order();
  articleOrder.observe(order);
  const unwatchSignoff = watchSignoff(layoutDoc, () => on.signoff());
  return () => {
    articleOrder.unobserve(order);
    unwatchSignoff();
  };
}

/** Calls `changed` when the page is signed or reopened; returns the function that stops watching. */
export function watchSignoff(layoutDoc: Y.Doc, changed: () => void): () => void {
  const { signoff } = roundParts(layoutDoc);
  const observer = (): void => changed();
  signoff.observe(observer);
  return () => signoff.unobserve(observer);
}

export function roundsOf(layoutDoc: Y.Doc): RoundRecord[] {
  return roundParts(layoutDoc).rounds.toArray();
}

/** Who signed the page for print, or undefined while it is open. */
export function signedBy(layoutDoc: Y.Doc): string | undefined {
  const by = roundParts(layoutDoc).signoff.get('signedBy');
  return typeof by === 'string' ? by : undefined;
}

export type { RoundRecord, SignoffEvent };

export function suggestionOf(articleDoc: Y.Doc, id: string): SuggestionMeta | undefined {
  return proofParts(articleDoc).suggestions.get(id);
}

/** Every suggestion recorded for the article, open or decided. */
export function suggestionsOf(articleDoc: Y.Doc): SuggestionMeta[] {
  return [...proofParts(articleDoc).suggestions.values()];
}

export function threadOf(articleDoc: Y.Doc, id: string): Thread | undefined {
  return proofParts(articleDoc).threads.get(id);
}

export function threadsOf(articleDoc: Y.Doc): Thread[] {
  return [...proofParts(articleDoc).threads.values()];
}
