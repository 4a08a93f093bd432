import * as Y from 'yjs';
import { CUTTABLE_ATTR } from '../model/richtext';
import type { Block } from '../model/document';
import { PAGE_HEADER_ID, type ProofResult } from '../model/proof';
import { withOverride } from '../model/styles';
import { replaceOnPage } from './find-replace';
import { blockPatchOf, type BlockPatch, type MadeUpPage, type PageOperation, type PageView } from './operations';
import { LOCAL_ORIGIN } from './origin';
import * as proofDoc from './proof-doc';
import { ARTICLE_META_KEYS, articleParts, blockFromY, blockToY, layoutParts, orderedBlocks, readPage, readStyleOverrides, writeStyleOverrides, type ArticleMeta } from './ydocs';

/**
 * How each operation of the closed set changes the page's documents, once `operationProblem` has
 * passed it. Block, article and find/replace changes and decisions carry LOCAL_ORIGIN (undoable);
 * who made a mark, comments, rounds and sign-off are records, not edits, so undo leaves them.
 */

/** What an operation is applied to: the page store's documents and its undo steps. */
export interface OperationTarget {
  readonly layoutDoc: Y.Doc;
  articleIds(): string[];
  articleDoc(id: string): Y.Doc | undefined;
  /** Changes to several documents as one undo step. */
  batch(run: () => void): void;
  stopCapturing(): void;
}

/** What the checks read of the page (computed only when a check asks). */
export function pageView(t: OperationTarget): PageView {
  const { blocks, images } = layoutParts(t.layoutDoc);
  return {
    block: (id) => {
      const m = blocks.get(id);
      return m && blockFromY(m);
    },
    hasArticle: (id) => t.articleDoc(id) !== undefined,
    hasThread: (articleId, threadId) => !!proofDoc.proofParts(docOf(t, articleId)).threads.get(threadId),
    get columns() {
      return readPage(t.layoutDoc).grid?.columns ?? 1;
    },
    get articleIds() {
      return new Set(t.articleIds());
    },
    get imageIds() {
      return new Set(images.keys());
    },
  };
}

function docOf(t: OperationTarget, articleId: string): Y.Doc {
  const doc = t.articleDoc(articleId);
  if (!doc) throw new Error(`no article ${articleId}`);
  return doc;
}

export function runOperation(t: OperationTarget, op: PageOperation): number | boolean | ProofResult | void {
  switch (op.kind) {
    case 'moveBlock':
    case 'resizeBlock':
    case 'editBlock': {
      const block = layoutParts(t.layoutDoc).blocks.get(op.id)!;
      return t.layoutDoc.transact(() => writeBlockFields(block, blockPatchOf(op)), LOCAL_ORIGIN);
    }
    case 'restack':
      return t.layoutDoc.transact(() => restack(t.layoutDoc, op.ids), LOCAL_ORIGIN);
    case 'editArticle':
      return writeMeta(docOf(t, op.id), op.fields);
    case 'makeUp':
      return t.batch(() => writeMadeUpPage(t, op.change));
    case 'replace': {
      let n = 0;
      t.batch(() => (n = replaceOnPage((id) => t.articleDoc(id), op.matches, op.replacement, LOCAL_ORIGIN)));
      return n;
    }
    default:
      return runProof(t, op);
  }
}

/**
 * The listed blocks take, in their new order, the places they hold in the stacking order between
 * them; then every block is numbered by its place (equal z from older pages ordered by id, as read).
 */
function restack(doc: Y.Doc, ids: readonly string[]): void {
  const order = orderedBlocks(doc).map((b) => b.id);
  const listed = new Set(ids);
  let next = 0;
  const after = order.map((id) => (listed.has(id) ? ids[next++] : id));
  const { blocks } = layoutParts(doc);
  after.forEach((id, z) => {
    const m = blocks.get(id)!;
    if (m.get('z') !== z) m.set('z', z);
  });
}

function writeMeta(doc: Y.Doc, fields: Partial<ArticleMeta>): void {
  const { meta } = articleParts(doc);
  doc.transact(() => {
    for (const key of ARTICLE_META_KEYS) {
      const v = fields[key];
      if (v !== undefined) meta.set(key, v);
    }
  }, LOCAL_ORIGIN);
}

/**
 * The layout document's part in one transaction, so that a shared page sends it as one update and no
 * desk ever sees the new grid with the old blocks; the style overrides follow in their articles'
 * documents. All of it one undo step (the batch).
 */
function writeMadeUpPage(t: OperationTarget, change: MadeUpPage): void {
  const { page, blocks } = layoutParts(t.layoutDoc);
  t.layoutDoc.transact(() => {
    for (const [k, v] of Object.entries(change.page ?? {})) page.set(k, structuredClone(v));
    const wanted = new Map(change.blocks.map((b) => [b.id, b]));
    for (const [id, m] of [...blocks.entries()]) if (wanted.get(id)?.kind !== m.get('kind')) blocks.delete(id);
    let z = Math.max(-1, ...[...blocks.values()].map((m) => (m.get('z') as number) ?? 0));
    for (const b of change.blocks) {
      const m = blocks.get(b.id);
      if (m) writeBlockFields(m, changedFields(blockFromY(m), b));
      else blocks.set(b.id, blockToY(b, ++z));
    }
  }, LOCAL_ORIGIN);
  const settings = readPage(t.layoutDoc);
  for (const s of change.styles) {
    const doc = docOf(t, s.articleId);
    doc.transact(() => writeStyleOverrides(doc, withOverride(settings, readStyleOverrides(doc).styleOverrides, s.name, s.fields)), LOCAL_ORIGIN);
  }
  for (const c of change.cuts ?? []) cutParagraphs(docOf(t, c.articleId), c.paragraphs);
}

/** y-prosemirror keeps an attribute's value as it is (true), where Yjs's types say string. */
const isMarkedCuttable = (node: Y.XmlElement): boolean => (node.getAttributes() as Record<string, unknown>)[CUTTABLE_ATTR] === true;

/** Removes the paragraphs at these indices that are marked 可删: the mark is the user's leave to cut, so unmarked text stays whatever is asked. */
function cutParagraphs(doc: Y.Doc, indices: readonly number[]): void {
  const { body } = articleParts(doc);
  const nodes = body.toArray();
  doc.transact(() => {
    for (const i of [...new Set(indices)].sort((a, b) => b - a)) {
      const node = nodes[i];
      if (node instanceof Y.XmlElement && isMarkedCuttable(node)) body.delete(i, 1);
    }
  }, LOCAL_ORIGIN);
}

/** The fields of `next` that differ from `was`, and `was`'s fields `next` has not (as undefined: removed). */
function changedFields(was: Block, next: Block): BlockPatch {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next)) if (JSON.stringify(v) !== JSON.stringify((was as unknown as Record<string, unknown>)[k])) out[k] = v;
  for (const k of Object.keys(was)) if (!(k in next)) out[k] = undefined;
  return out as BlockPatch;
}

type ProofOperation = Exclude<PageOperation, { kind: 'moveBlock' | 'resizeBlock' | 'editBlock' | 'editArticle' | 'replace' | 'makeUp' }>;

function runProof(t: OperationTarget, op: ProofOperation): number | boolean | ProofResult | void {
  switch (op.kind) {
    case 'recordSuggestion':
      return proofDoc.recordSuggestion(docOf(t, op.articleId), op.meta);
    case 'decide':
      return ownStep(t, () => proofDoc.decideSuggestion(docOf(t, op.articleId), op.id, op.decision, op.by, LOCAL_ORIGIN));
    case 'decideAll':
      return ownStep(t, () => op.articleIds.reduce((n, id) => n + proofDoc.decideAll(docOf(t, id), op.decision, op.by, LOCAL_ORIGIN), 0));
    case 'comment':
      return proofDoc.addComment(docOf(t, op.articleId), op.thread);
    case 'reply':
      return proofDoc.replyToThread(docOf(t, op.articleId), op.threadId, op.entry);
    case 'resolve':
      return proofDoc.resolveThread(docOf(t, op.articleId), op.threadId, op.resolved);
    case 'dismissFinding':
      return proofDoc.dismissFinding(op.articleId === PAGE_HEADER_ID ? t.layoutDoc : docOf(t, op.articleId), op.finding);
    case 'recordCorrections':
      return proofDoc.recordCorrections(docOf(t, op.articleId), op.corrections);
    case 'startRound':
      return proofDoc.startRound(t.layoutDoc, op.by);
    case 'finishRound':
      return proofDoc.finishRound(t.layoutDoc, t.articleIds().flatMap((id) => t.articleDoc(id) ?? []), op.by);
    case 'signOff':
      return proofDoc.signOff(t.layoutDoc, op.by, op.role);
    case 'reopen':
      return proofDoc.reopen(t.layoutDoc, op.by, op.role, op.reason);
  }
}

/** Runs `change` as an undo step of its own, not merged with typing just before or after. */
function ownStep<T>(t: OperationTarget, change: () => T): T {
  t.stopCapturing();
  try {
    return change();
  } finally {
    t.stopCapturing();
  }
}

/** Sets fields of a block's map; `undefined` removes the field. The id and kind never change. */
export function writeBlockFields(block: Y.Map<unknown>, fields: BlockPatch): void {
  for (const [k, v] of Object.entries(fields)) {
    if (k === 'id' || k === 'kind') continue;
    if (v === undefined) block.delete(k);
    else block.set(k, typeof v === 'object' ? structuredClone(v) : v);
  }
}
