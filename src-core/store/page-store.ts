import * as Y from 'yjs';
import type { Article, BanmianDocument, Block, ImageAsset, PageHeader, PageSettings, StyleName, TextStyle } from '../model/document';
import { withOverride } from '../model/styles';
import { FORMAT_VERSION } from '../model/document';
import { fitBlocksToColumns, type BlockFit } from '../model/fit-blocks';
import { validateDocument } from '../model/validate';
import { LOCKED_MESSAGE } from '../model/proof';
import { findOnPage, type FindMatch, type FindOptions } from './find-replace';
import { LOCK_EXEMPT, PageOperationError, operationProblem, type BlockPatch, type PageOperation, type OperationResult } from './operations';
import { LOCAL_ORIGIN } from './origin';
import { isSignedOff } from './proof-doc';
import { pageView, runOperation, writeBlockFields } from './run-operation';
import { layoutSnapshotOf } from './readers';
import {
  BODY_FIELD,
  articleDocFrom,
  articleParts,
  blockToY,
  layoutDocFrom,
  layoutParts,
  readArticleBody,
  readArticleMeta,
  readPage,
  readStyleOverrides,
  writeStyleOverrides,
  type ArticleMeta,
} from './ydocs';

/** Thrown by every command while the page is signed for print (签字付印). */
export class PageLockedError extends Error {
  readonly zh = LOCKED_MESSAGE.zh;
  readonly en = LOCKED_MESSAGE.en;
  constructor() {
    super('page is signed for print');
  }
}

/** Changes closer together than this make one undo step (and one edit in the pending count of a shared page). */
export const UNDO_CAPTURE_MS = 500;

export { LOCAL_ORIGIN };

type Listener = () => void;

/** Which document an undo step belongs to, in the order the steps were made. */
interface UndoStep {
  manager: Y.UndoManager;
  serial: number;
}

/**
 * The page being edited: Yjs documents (one for the layout, one per article), commands that change
 * them, one undo history across all of them, and a cached plain snapshot for layout. React reads it
 * through one subscription; tiptap edits an article's `body` fragment directly.
 */
export class PageStore {
  readonly layoutDoc: Y.Doc;
  private readonly articleDocs = new Map<string, Y.Doc>();
  private readonly articleCache = new Map<string, Article>();
  private readonly managers = new Map<Y.Doc, Y.UndoManager>();
  private readonly listeners = new Set<Listener>();
  private undoStack: UndoStep[] = [];
  private redoStack: UndoStep[] = [];
  private snapshotCache: BanmianDocument | undefined;
  /** The layout document's part of the snapshot: typing changes an article, not these, so they are kept. */
  private layoutCache: { articleOrder: string[]; page: BanmianDocument['page']; images: BanmianDocument['images']; blocks: BanmianDocument['blocks'] } | undefined;
  private undoing = false;
  private serials = 0;
  /** Bumped on every change; the UI shows unsaved state by comparing it with the saved revision. */
  revision = 0;

  /**
   * From a snapshot (a file, the sample page, an import), or over existing documents: a desk that
   * joins a shared page starts from empty documents the server fills (building them from a snapshot
   * would add a second copy of everything to the page).
   */
  constructor(source: BanmianDocument | { layoutDoc: Y.Doc; articleDocs?: Map<string, Y.Doc> }) {
    if ('layoutDoc' in source) {
      this.layoutDoc = source.layoutDoc;
      for (const [id, doc] of source.articleDocs ?? []) this.attachArticle(id, doc);
    } else {
      this.layoutDoc = layoutDocFrom(source);
      for (const a of source.articles) this.attachArticle(a.id, articleDocFrom(a));
    }
    this.watch(this.layoutDoc, () => {
      this.snapshotCache = undefined;
      this.layoutCache = undefined;
    });
  }

  /** The document of an article another desk added (or an empty one the server will fill). */
  readonly createArticleDoc = (id: string): Y.Doc => {
    let doc = this.articleDocs.get(id);
    if (!doc) {
      doc = new Y.Doc();
      this.attachArticle(id, doc);
    }
    return doc;
  };

  // ---- reading

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The plain document layout consumes; rebuilt lazily, articles only when their doc changed. */
  snapshot(): BanmianDocument {
    if (this.snapshotCache) return this.snapshotCache;
    const { articleOrder, page, images, blocks } = (this.layoutCache ??= layoutSnapshotOf(this.layoutDoc));
    const articles: Article[] = [];
    for (const id of articleOrder) {
      const a = this.article(id);
      if (a) articles.push(a);
    }
    this.snapshotCache = { formatVersion: FORMAT_VERSION, page, articles, images, blocks };
    return this.snapshotCache;
  }

  article(id: string): Article | undefined {
    const cached = this.articleCache.get(id);
    if (cached) return cached;
    const doc = this.articleDocs.get(id);
    if (!doc) return undefined;
    const article: Article = { id, ...readArticleMeta(doc), ...readStyleOverrides(doc), body: readArticleBody(doc) };
    this.articleCache.set(id, article);
    return article;
  }

  articleDoc(id: string): Y.Doc | undefined {
    return this.articleDocs.get(id);
  }

  articleIds(): string[] {
    return layoutParts(this.layoutDoc).articleOrder.toArray();
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  // ---- commands (each one undo step)

  moveBlock(id: string, col: number, row: number): void {
    this.apply({ kind: 'moveBlock', id, col, row });
  }

  resizeBlock(id: string, span: number, rows: number): void {
    this.apply({ kind: 'resizeBlock', id, span, rows });
  }

  /** Sets some fields of a block; fields set to undefined are removed (e.g. headlineSpan). */
  editBlock(id: string, patch: BlockPatch): void {
    this.apply({ kind: 'editBlock', id, patch });
  }

  /** New stacking order of these blocks (in the places they hold between them); one undo step. */
  restack(ids: readonly string[]): void {
    this.apply({ kind: 'restack', ids });
  }

  /**
   * Applies one operation of the closed set (operations.ts) after checking it: a page signed for
   * print refuses all but rounds and sign-off (PageLockedError), an operation that does not fit the
   * page changes nothing (PageOperationError).
   */
  apply<O extends PageOperation>(op: O): OperationResult<O> {
    if (!LOCK_EXEMPT.has(op.kind)) this.assertEditable();
    const problem = operationProblem(op, pageView(this));
    if (problem) throw new PageOperationError(op.kind, problem.zh, problem.en);
    return runOperation(this, op) as OperationResult<O>;
  }

  /** Every occurrence of `query` on the page, article by article in the page's order, fields before the body. */
  find(query: string, opts: FindOptions): FindMatch[] {
    return findOnPage(this.articleIds(), (id) => this.articleDocs.get(id), query, opts);
  }

  /** Where the story editor binds an article's body (tiptap's Collaboration extension), or undefined. */
  bodyBinding(articleId: string): { document: Y.Doc; field: string } | undefined {
    const document = this.articleDocs.get(articleId);
    return document && { document, field: BODY_FIELD };
  }

  /** Adds a block on top of the others, or under all of them (`bottom`, e.g. a tinted box behind them). */
  addBlock(block: Block, bottom = false): void {
    this.assertEditable();
    const { blocks } = layoutParts(this.layoutDoc);
    if (blocks.has(block.id)) throw new Error(`block ${block.id} exists`);
    const zs = [...blocks.values()].map((b) => (b.get('z') as number) ?? 0);
    const z = bottom ? Math.min(1, ...zs) - 1 : Math.max(-1, ...zs) + 1;
    this.layoutDoc.transact(() => blocks.set(block.id, blockToY(block, z)), LOCAL_ORIGIN);
  }

  removeBlock(id: string): void {
    this.assertEditable();
    this.layoutDoc.transact(() => layoutParts(this.layoutDoc).blocks.delete(id), LOCAL_ORIGIN);
  }

  /**
   * Page settings other than the header, key by key. A grid with fewer columns brings the blocks
   * past its last column with it (moved left, or narrowed), in the same undo step; returns those.
   */
  setPage(fields: Partial<Omit<PageSettings, 'header'>>): BlockFit[] {
    this.assertEditable();
    const { page, blocks } = layoutParts(this.layoutDoc);
    const fits = fields.grid ? fitBlocksToColumns(this.snapshot().blocks, fields.grid.columns) : [];
    this.layoutDoc.transact(() => {
      for (const [k, v] of Object.entries(fields)) page.set(k, structuredClone(v));
      for (const fit of fits) {
        const block = blocks.get(fit.id);
        if (block) writeBlockFields(block, fit.fields);
      }
    }, LOCAL_ORIGIN);
    return fits;
  }

  setHeader(fields: Partial<PageHeader>): void {
    this.assertEditable();
    const { header } = layoutParts(this.layoutDoc);
    this.layoutDoc.transact(() => {
      for (const [k, v] of Object.entries(fields)) if (v !== undefined) header.set(k, v);
    }, LOCAL_ORIGIN);
  }

  /** Adds articles (and their images) to the page's article list, unplaced. */
  addArticles(articles: Article[], images: ImageAsset[] = []): void {
    this.assertEditable();
    const parts = layoutParts(this.layoutDoc);
    const fresh = articles.filter((a) => !this.articleDocs.has(a.id));
    for (const a of fresh) this.attachArticle(a.id, articleDocFrom(a));
    this.layoutDoc.transact(() => {
      parts.articleOrder.push(fresh.map((a) => a.id));
      for (const img of images) parts.images.set(img.id, img);
    }, LOCAL_ORIGIN);
  }

  removeArticle(id: string): void {
    this.assertEditable();
    const parts = layoutParts(this.layoutDoc);
    this.layoutDoc.transact(() => {
      const at = parts.articleOrder.toArray().indexOf(id);
      if (at >= 0) parts.articleOrder.delete(at, 1);
      for (const [bid, b] of parts.blocks.entries()) if (b.get('articleId') === id && b.get('kind') === 'article') parts.blocks.delete(bid);
    }, LOCAL_ORIGIN);
  }

  setArticleMeta(id: string, fields: Partial<ArticleMeta>): void {
    this.apply({ kind: 'editArticle', id, fields });
  }

  /**
   * Overrides fields of the page style `name` for one article only; a field set to undefined, or
   * to the page style's own value, is cleared. Only that style's entry changes, so another desk's
   * override of a different style merges.
   */
  setStyleOverride(articleId: string, name: StyleName, fields: Partial<TextStyle>): void {
    this.assertEditable();
    const doc = this.articleDocs.get(articleId);
    if (!doc) throw new Error(`no article ${articleId}`);
    const current = this.article(articleId)?.styleOverrides;
    const next = withOverride(readPage(this.layoutDoc), current, name, fields);
    doc.transact(() => writeStyleOverrides(doc, next), LOCAL_ORIGIN);
  }

  undo(): boolean {
    this.assertEditable();
    return this.step(this.undoStack, this.redoStack, (m) => m.undo());
  }

  redo(): boolean {
    this.assertEditable();
    return this.step(this.redoStack, this.undoStack, (m) => m.redo());
  }

  /** Checks the snapshot; commands keep values in range, but a peer's or a file's might not. */
  validate(): ReturnType<typeof validateDocument> {
    return validateDocument(this.snapshot());
  }

  isLocked(): boolean {
    return isSignedOff(this.layoutDoc);
  }

  // ---- internals

  private assertEditable(): void {
    if (this.isLocked()) throw new PageLockedError();
  }

  /**
   * Runs changes to several documents (e.g. replace-all across articles) as one undo step: the
   * steps the documents record meanwhile share one serial, and undo/redo take them together.
   */
  batch(run: () => void): void {
    if (this.batchSerial !== undefined) return run();
    this.stopCapturing();
    this.batchSerial = ++this.serials;
    try {
      run();
    } finally {
      this.batchSerial = undefined;
      this.stopCapturing();
    }
  }

  private batchSerial: number | undefined;

  private step(from: UndoStep[], to: UndoStep[], run: (m: Y.UndoManager) => unknown): boolean {
    const top = from[from.length - 1];
    if (!top) return false;
    // A batch's steps share a serial: they go together.
    while (from.length > 0 && from[from.length - 1].serial === top.serial) this.stepOne(from, to, run);
    return true;
  }

  private stepOne(from: UndoStep[], to: UndoStep[], run: (m: Y.UndoManager) => unknown): boolean {
    const step = from.pop();
    if (!step) return false;
    // Moved first, so that listeners notified while the documents change see canUndo/canRedo right.
    to.push(step);
    this.undoing = true;
    try {
      run(step.manager);
    } catch (e) {
      to.pop();
      from.push(step);
      throw e;
    } finally {
      this.undoing = false;
    }
    return true;
  }

  /**
   * Where the page stands in its undo history: the same number after undoing back to a saved state
   * as at the save, a new one after any new change. Call `stopCapturing()` when saving so that a
   * change right after the save is a step of its own.
   */
  undoPosition(): number {
    return this.undoStack[this.undoStack.length - 1]?.serial ?? 0;
  }

  private attachArticle(id: string, doc: Y.Doc): void {
    this.articleDocs.set(id, doc);
    this.watch(doc, () => {
      this.articleCache.delete(id);
      this.snapshotCache = undefined;
    });
  }

  /** Tracks a document for undo (local changes only) and for change notification. */
  private watch(doc: Y.Doc, invalidate: () => void): void {
    const scope = doc === this.layoutDoc ? [...Object.values(layoutParts(doc))] : [...Object.values(articleParts(doc))];
    // Local edits from the story editor come with y-prosemirror's origin; commands with LOCAL_ORIGIN.
    const manager = new Y.UndoManager(scope as Y.AbstractType<unknown>[], { captureTimeout: UNDO_CAPTURE_MS, trackedOrigins: new Set([LOCAL_ORIGIN]) });
    this.managers.set(doc, manager);
    // A change merged into the previous step (within captureTimeout) updates that item instead.
    manager.on('stack-item-added', (event: { type: 'undo' | 'redo' }) => {
      if (this.undoing || event.type !== 'undo') return;
      this.undoStack.push({ manager, serial: this.batchSerial ?? ++this.serials });
      this.redoStack = [];
    });
    doc.on('update', () => {
      invalidate();
      this.revision++;
      for (const l of this.listeners) l();
    });
  }

  /** Lets a story editor's edits to an article body join the undo history. */
  trackOrigin(origin: unknown): void {
    for (const m of this.managers.values()) m.addTrackedOrigin(origin);
  }

  /** Starts a new undo step even within the capture timeout (e.g. between two drags). */
  stopCapturing(): void {
    for (const m of this.managers.values()) m.stopCapturing();
  }
}
