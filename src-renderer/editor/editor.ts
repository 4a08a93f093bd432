import type { FontRegistry } from '../../src-core/fonts/registry';
import { CompositionCache } from '../../src-core/layout/cache';
import { fitArticleRows, layout, type LayoutEnv } from '../../src-core/layout/layout';
import type { PageLayout } from '../../src-core/layout/page-layout';
import type { Article, ArticleBlock, BanmianDocument, ImageAsset, Block, GridRect, ImageBlock, PageHeader, PageSettings, RuleBlock, StyleName, TextStyle } from '../../src-core/model/document';
import { gridGeometry, type GridGeometry } from '../../src-core/model/grid';
import { checkStyleFields, clearedFields, pageStyleChange, resolveStyle, STYLE_LABELS } from '../../src-core/model/styles';
import { articleFieldsForSize, describeBlockFits, type BlockFit } from '../../src-core/model/fit-blocks';
import { validateDocument } from '../../src-core/model/validate';
import { cutParagraphsByArticle } from '../../src-core/model/cut-articles';
import { mergeImportedImages } from '../../src-core/model/image-ids';
import type { PageStore } from '../../src-core/store/page-store';
import type { BlockPatch } from '../../src-core/store/operations';
import { pageStoreFromFile, proofStateOf } from '../../src-core/store/persist';
import type { ArticleMeta } from '../../src-core/store/readers';
import { clampRect, columnStep, nudgedRect, sameRect, type BlockShapes, type Handle } from './geometry';
import { movedRule, newRule } from './block-geometry';
import { collisionNotice } from './collisions';
import { copyOf, freePlace, pastedBlocks, type BlockCopy } from './block-clipboard';
import { alignedRects, distributedRects, groupDelta, restacked, shiftedBlocks, type Alignment, type Box, type Restack } from './arrange';
import type { NoticeKind } from './notice-kinds';
import { copyfit } from '../../src-core/copyfit';
import type { Alternative } from '../../src-core/makeup';
import { pictureRows } from '../../src-core/makeup/shapes';
import { remakeForGrid, type PageFields } from './grid-remake';
import { emptyTextFields } from '../../src-core/model/article-fields';
import { docFromParagraphs } from '../../src-core/model/richtext';

/**
 * The workspace's state outside React: the page store, what is selected, the drag in progress,
 * the view (zoom, guides) and the file. Layout is derived here, once per change, from the store's
 * snapshot with the drag preview applied. React reads it through `useEditor` (one hook).
 */

export interface Message {
  zh: string;
  en: string;
}

export interface ViewToggles {
  /** 背景格: the character grid. */
  charGrid: boolean;
  columns: boolean;
  baselines: boolean;
  outlines: boolean;
  trim: boolean;
  /** Rulers in mm along the top and left of the canvas. */
  rulers: boolean;
  /** 参考线: the guides dragged from the rulers. */
  guides: boolean;
}

/** A guide being dragged from a ruler (`index` null) or moved: where it is now, in pt. */
export interface GuideDrag {
  axis: 'x' | 'y';
  index: number | null;
  pos: number;
}

export type ZoomFit = 'page' | 'width' | null;

/** A box (pt) for the viewport to fit and centre, at most `maxZoom`, leaving `margin` screen px round it. */
export interface ZoomRequest extends Box {
  maxZoom?: number;
  margin?: number;
}

export type Interaction =
  /** `group`: the rest of a multi-selection, moved by as many columns and lines as the block pressed. */
  | { kind: 'move'; blockId: string; start: GridRect; rect: GridRect; free?: { dx: number; dy: number }; group?: readonly string[] }
  | { kind: 'resize'; blockId: string; handle: Handle; start: GridRect; rect: GridRect }
  | { kind: 'place'; articleId: string; blockId: string; rect: GridRect }
  /** The 文本框 tool's rectangle being drawn: a new article's block when the drag ends. */
  | { kind: 'draw'; blockId: string; rect: GridRect };

export type Arrangement = Alignment | 'distributeH' | 'distributeV';

/** What a press on the page does: select and move blocks, or draw a text frame (文本框). */
export type Tool = 'select' | 'textFrame';

/** Fields of one block while a block tool drags them (a rule's ends, a picture's crop, a column's depth). */
export interface BlockPreview {
  blockId: string;
  fields: Record<string, unknown>;
}

export interface FileState {
  /** Where the page was opened from or saved to; null for the sample page or a new page. */
  path: string | null;
  title: string;
  savedRevision: number;
}

/** Why the page's arrangement cannot be changed now (校对 mode, signed for print). */
export interface ReadOnly extends Message {
  /** Signed for print: nothing changes, not even by undo. */
  signed: boolean;
}

export interface Notice extends Message {
  kind: NoticeKind;
  /** Distinguishes two equal notices in a row. */
  id: number;
}

export interface EditorState {
  doc: BanmianDocument;
  layout?: PageLayout;
  layoutError?: Message;
  /** Milliseconds the last layout took. */
  layoutMs: number;
  geo: GridGeometry;
  /** The key block of the selection: 属性 shows it, its handles resize it. */
  selection: string | null;
  /** Every selected block (shift-click, marquee, Ctrl+A), the key block among them; [] or [selection] for one. */
  selected: readonly string[];
  /** The marquee being dragged over the page, in pt. */
  marquee: Box | null;
  guideDrag: GuideDrag | null;
  /** 缩放到所选, a story opened: the box (pt) the viewport is asked to fit and centre; cleared once it has. */
  zoomTo: ZoomRequest | null;
  /** Article open in the story editor. */
  editing: string | null;
  interaction: Interaction | null;
  tool: Tool;
  /** A block tool's drag in progress: the page shows these fields, the store is untouched until commit. */
  blockPreview: BlockPreview | null;
  zoom: number;
  fit: ZoomFit;
  toggles: ViewToggles;
  file: FileState;
  revision: number;
  /** Differs from the saved page (● in the title): not after undoing back to it. */
  dirty: boolean;
  canUndo: boolean;
  canRedo: boolean;
  notice: Notice | null;
  readOnly: ReadOnly | null;
  /** Counts the pages put in the window (new, opened, joined): the canvas shows each from its top. */
  opened: number;
}

type Listener = () => void;

const GRID_KEYS = ['col', 'span', 'row', 'rows'] as const;

function gridRectOf(b: GridRect): GridRect {
  return { col: b.col, span: b.span, row: b.row, rows: b.rows };
}

function newId(prefix: string): string {
  const random = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID().slice(0, 8) : Math.random().toString(36).slice(2, 10);
  return `${prefix}-${random}`;
}

export class Editor {
  private store: PageStore;
  private unsubscribeStore: () => void;
  private readonly listeners = new Set<Listener>();
  private readonly cache: CompositionCache;
  /** The registry's generation the page was last laid out with (`facesArrived`). */
  private laidOutGeneration = -1;
  /** Fitting an article tries many heights; its own cache keeps the page cache's entries alive. */
  private readonly fitCache: CompositionCache;
  private state: EditorState;
  private laidOut: { doc: BanmianDocument; preview: string } | undefined;
  private noticeCount = 0;

  constructor(
    readonly fonts: FontRegistry,
    doc: BanmianDocument,
    file: Omit<FileState, 'savedRevision'>,
  ) {
    this.cache = new CompositionCache(fonts);
    this.fitCache = new CompositionCache(fonts);
    this.store = pageStoreFromFile(doc).store;
    this.unsubscribeStore = this.store.subscribe(() => this.refresh());
    const snapshot = this.store.snapshot();
    this.state = {
      doc: snapshot,
      layoutMs: 0,
      geo: gridGeometry(snapshot.page),
      selection: null,
      selected: [],
      marquee: null,
      guideDrag: null,
      zoomTo: null,
      editing: null,
      interaction: null,
      tool: 'select',
      blockPreview: null,
      zoom: 1,
      fit: 'width',
      toggles: { charGrid: false, columns: false, baselines: false, outlines: true, trim: true, rulers: true, guides: true },
      file: { ...file, savedRevision: this.store.revision },
      revision: this.store.revision,
      dirty: false,
      canUndo: false,
      canRedo: false,
      notice: null,
      readOnly: null,
      opened: 0,
    };
    this.savedMark = this.pageMark();
    this.refresh();
  }

  // ---- reading

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): EditorState => this.state;

  get pageStore(): PageStore {
    return this.store;
  }

  get dirty(): boolean {
    return this.state.dirty;
  }

  /**
   * Where the saved page stands: the store's undo position, and the proof state (replies, rounds and
   * sign-off are not undoable, so they count on their own). Null: unsaved changes for sure.
   */
  private savedMark: { position: number; proof: string } | null = null;

  private pageMark(): { position: number; proof: string } {
    return { position: this.store.undoPosition(), proof: JSON.stringify(proofStateOf(this.store)) };
  }

  private isDirty(): boolean {
    const saved = this.savedMark;
    if (!saved) return true;
    // Away from the saved undo position it is dirty whatever the proof state: spare its JSON then.
    if (this.store.undoPosition() !== saved.position) return true;
    return this.pageMark().proof !== saved.proof;
  }

  block(id: string | null): Block | undefined {
    return id ? this.state.doc.blocks.find((b) => b.id === id) : undefined;
  }

  /** What a pointer's hit test needs beyond the frames: the grid and each block's steps. */
  blockShapes(): BlockShapes {
    return { geo: this.state.geo, block: (id) => this.block(id) };
  }

  // ---- state plumbing

  private set(patch: Partial<EditorState>): void {
    // Selecting one block (the older callers) selects only it.
    if (patch.selection !== undefined && patch.selected === undefined) patch = { ...patch, selected: patch.selection ? [patch.selection] : [] };
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** Re-reads the store and lays the page out again when the document or the preview changed. */
  private refresh(patch: Partial<EditorState> = {}): void {
    const doc = this.stable(this.store.snapshot());
    const interaction = patch.interaction !== undefined ? patch.interaction : this.state?.interaction;
    const blockPreview = patch.blockPreview !== undefined ? patch.blockPreview : this.state?.blockPreview;
    const preview = previewKey(interaction) + (blockPreview ? `|${blockPreview.blockId}:${JSON.stringify(blockPreview.fields)}` : '');
    const next: Partial<EditorState> = { ...patch, doc, revision: this.store.revision, canUndo: this.store.canUndo(), canRedo: this.store.canRedo() };
    if (this.state) next.dirty = this.isDirty();
    if (!this.laidOut || this.laidOut.doc !== doc || this.laidOut.preview !== preview) {
      this.laidOut = { doc, preview };
      this.laidOutGeneration = this.fonts.generation;
      const start = performance.now();
      try {
        next.layout = layout(withBlockPreview(withPreview(doc, interaction, this.state?.geo ?? gridGeometry(doc.page)), blockPreview), { fonts: this.fonts, cache: this.cache, ...(this.proofView ? { proof: this.proofView } : {}) });
        next.layoutError = undefined;
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        next.layoutError = { zh: `排版失败：${message}`, en: `Layout failed: ${message}` };
      }
      next.layoutMs = performance.now() - start;
      if (!this.state || doc.page !== this.state.doc.page) next.geo = gridGeometry(doc.page);
    }
    // blocks gone (undo, a peer's change) leave the selection; the key block then is the last one left
    const selection = next.selection !== undefined ? next.selection : this.state?.selection;
    const selected = next.selected ?? (next.selection !== undefined ? (next.selection ? [next.selection] : []) : (this.state?.selected ?? []));
    const present = selected.filter((id) => doc.blocks.some((b) => b.id === id));
    if (present.length !== selected.length) next.selected = present;
    if (selection && !doc.blocks.some((b) => b.id === selection)) next.selection = present[present.length - 1] ?? null;
    const editing = next.editing !== undefined ? next.editing : this.state?.editing;
    if (editing && !doc.articles.some((a) => a.id === editing)) next.editing = null;
    if (!this.state) return;
    this.set(next);
  }

  private stableFrom: BanmianDocument | undefined;
  private stableDoc: BanmianDocument | undefined;
  private stableJson = { page: '', blocks: '' };

  /**
   * The store rebuilds page settings and blocks on every snapshot. Keeping the previous objects when
   * nothing in them changed lets panels that show only those skip re-rendering while the user types.
   */
  private stable(doc: BanmianDocument): BanmianDocument {
    if (doc === this.stableFrom && this.stableDoc) return this.stableDoc;
    const prev = this.stableDoc;
    // The store keeps the layout document's objects while only articles change (typing): no need to
    // compare them by value then.
    const pageJson = doc.page === this.stableFrom?.page ? this.stableJson.page : JSON.stringify(doc.page);
    const blocksJson = doc.blocks === this.stableFrom?.blocks ? this.stableJson.blocks : JSON.stringify(doc.blocks);
    const page = prev && pageJson === this.stableJson.page ? prev.page : doc.page;
    const blocks = prev && blocksJson === this.stableJson.blocks ? prev.blocks : doc.blocks;
    const images = prev && prev.images.length === doc.images.length && prev.images.every((img, i) => img === doc.images[i]) ? prev.images : doc.images;
    const articles = prev && prev.articles.length === doc.articles.length && prev.articles.every((a, i) => a === doc.articles[i]) ? prev.articles : doc.articles;
    const out = prev && page === prev.page && blocks === prev.blocks && images === prev.images && articles === prev.articles ? prev : { ...doc, page, blocks, images, articles };
    this.stableFrom = doc;
    this.stableDoc = out;
    this.stableJson = { page: pageJson, blocks: blocksJson };
    return out;
  }

  notify(message: Message, kind: Notice['kind'] = 'error'): void {
    this.set({ notice: { ...message, kind, id: ++this.noticeCount } });
  }

  dismissNotice(): void {
    this.set({ notice: null });
  }

  private proofView: LayoutEnv['proof'];

  /**
   * A face arrived (the renderer fetches them after the first page): when a layout stood in for it
   * (the registry's generation moved), the page is laid out again, its cache composing afresh.
   */
  facesArrived(): void {
    if (this.laidOutGeneration === this.fonts.generation) return;
    this.laidOut = undefined;
    this.refresh();
  }

  /** The proof view (校样) on the canvas: pending changes and comments marked; undefined for the print view. */
  setProofView(proof: LayoutEnv['proof'] | undefined): void {
    if (proof === this.proofView) return;
    this.proofView = proof;
    this.laidOut = undefined;
    this.refresh();
  }

  setReadOnly(readOnly: ReadOnly | null): void {
    this.set({ readOnly });
  }

  private refuseReadOnly(): boolean {
    const r = this.state.readOnly;
    if (r) this.notify({ zh: r.zh, en: r.en }, 'info');
    return !!r;
  }

  /** Runs one command as exactly one undo step. */
  private command(run: (store: PageStore) => void): void {
    if (this.refuseReadOnly()) return;
    this.store.stopCapturing();
    try {
      run(this.store);
    } catch (e) {
      // The store's refusals (a signed page, an operation that does not fit) say why in both languages.
      const told = e as { zh?: unknown; en?: unknown };
      const message = e instanceof Error ? e.message : String(e);
      if (typeof told.zh === 'string' && typeof told.en === 'string') this.notify({ zh: `操作失败：${told.zh}`, en: `The action failed: ${told.en}` });
      else this.notify({ zh: `操作失败：${message}`, en: `The action failed: ${message}` });
    }
    this.store.stopCapturing();
  }

  // ---- selection and view

  select(id: string | null): void {
    if (id !== this.state.selection || this.state.selected.length > 1) this.set({ selection: id });
  }

  /** Shift-click: the block joins the selection (as its key block) or leaves it. */
  toggleSelected(id: string): void {
    const { selected } = this.state;
    const next = selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id];
    this.set({ selected: next, selection: next[next.length - 1] ?? null });
  }

  /** Selects these blocks (the marquee, Ctrl+A), the last one the key block; `add` keeps those selected already. */
  selectMany(ids: readonly string[], add = false): void {
    const next = add ? [...this.state.selected, ...ids.filter((id) => !this.state.selected.includes(id))] : [...ids];
    if (next.length === this.state.selected.length && next.every((id, i) => id === this.state.selected[i])) return;
    this.set({ selected: next, selection: next[next.length - 1] ?? null });
  }

  /** Ctrl+A on the page: every block. */
  selectAll(): void {
    this.selectMany(this.state.doc.blocks.map((b) => b.id));
  }

  /** What a dragged block's edges are drawn to: the guides (when shown) and the other blocks' edges. */
  snapTargets(moving: readonly string[]): { x: number[]; y: number[] } {
    const { layout, doc, toggles } = this.state;
    const guides = toggles.guides ? doc.page.guides : undefined;
    const frames = (layout?.frames ?? []).filter((f) => !moving.includes(f.blockId));
    return {
      x: [...(guides?.x ?? []), ...frames.flatMap((f) => [f.x, f.x + f.width])],
      y: [...(guides?.y ?? []), ...frames.flatMap((f) => [f.y, f.y + f.height])],
    };
  }

  /** The guide being dragged follows the pointer; the page changes when it is let go (setGuide). */
  previewGuide(guideDrag: GuideDrag | null): void {
    if (guideDrag !== this.state.guideDrag) this.set({ guideDrag });
  }

  setMarquee(marquee: Box | null): void {
    if (marquee !== this.state.marquee) this.set({ marquee });
  }

  setZoom(zoom: number, fit: ZoomFit = null): void {
    this.set({ zoom, fit });
  }

  /** 缩放到所选: the viewport fits the box around the selected blocks and centres it. */
  zoomToSelection(): void {
    this.zoomToBlocks(this.state.selected);
  }

  /** The viewport fits the box around these blocks and centres it (leaving a fit mode); false when none is laid out. */
  zoomToBlocks(ids: readonly string[], limits: Pick<ZoomRequest, 'maxZoom' | 'margin'> = {}): boolean {
    const frames = (this.state.layout?.frames ?? []).filter((f) => ids.includes(f.blockId));
    if (!frames.length) return false;
    const x = Math.min(...frames.map((f) => f.x));
    const y = Math.min(...frames.map((f) => f.y));
    const width = Math.max(...frames.map((f) => f.x + f.width)) - x;
    const height = Math.max(...frames.map((f) => f.y + f.height)) - y;
    this.set({ zoomTo: { x, y, width: Math.max(width, 1), height: Math.max(height, 1), ...limits }, fit: null });
    return true;
  }

  /** The viewport has shown the box asked for. */
  zoomedTo(): void {
    if (this.state.zoomTo) this.set({ zoomTo: null });
  }

  setFit(fit: ZoomFit): void {
    this.set({ fit });
  }

  toggle(key: keyof ViewToggles, on?: boolean): void {
    this.set({ toggles: { ...this.state.toggles, [key]: on ?? !this.state.toggles[key] } });
  }

  /**
   * The story editor shows the article. A selected block of another article is let go (the
   * article's own block selected instead, when it has one): 属性 would otherwise go on showing, and
   * changing, the styles of the story no longer being edited.
   */
  openStory(articleId: string | null): void {
    const shown = this.block(this.state.selection);
    if (!articleId || (shown && 'articleId' in shown && shown.articleId === articleId)) return this.set({ editing: articleId });
    const own = this.state.doc.blocks.find((b) => b.kind === 'article' && b.articleId === articleId);
    this.set({ editing: articleId, selection: own?.id ?? null });
  }

  setTool(tool: Tool): void {
    if (tool !== this.state.tool) this.set({ tool });
  }

  /**
   * 新建稿件: an empty article (no titles, one empty paragraph) joins the 未上版 list and opens in the
   * story editor. One undo step, through the store like an import, so a shared page gets it too.
   */
  newArticle(): string | undefined {
    const article = emptyArticle();
    this.command((s) => s.addArticles([article]));
    if (!this.state.doc.articles.some((a) => a.id === article.id)) return undefined;
    this.openStory(article.id);
    return article.id;
  }

  /** The 文本框 tool's drag starts: a frame one cell big where the pointer went down. */
  beginDraw(rect: GridRect): boolean {
    if (this.refuseReadOnly()) return false;
    this.refresh({ interaction: { kind: 'draw', blockId: newId('b'), rect: clampRect(this.state.geo, rect) }, selection: null });
    return true;
  }

  /**
   * The drawn frame becomes a new empty article's block, selected and open in the story editor; the
   * tool goes back to selecting. One undo step for article and block. Over another text block it
   * is refused, as a move there would be.
   */
  private commitDraw(i: Extract<Interaction, { kind: 'draw' }>): void {
    const article = emptyArticle();
    const block: ArticleBlock = { id: i.blockId, kind: 'article', articleId: article.id, ...i.rect };
    if (this.refuseCollision(block, 'draw')) return this.refresh({ interaction: null });
    this.command((s) => {
      s.addArticles([article]);
      s.addBlock(block);
    });
    const placed = !!this.block(block.id);
    this.refresh({ interaction: null, ...(placed ? { selection: block.id, editing: article.id, tool: 'select' as const } : {}) });
  }

  // ---- arranging

  private gridBlock(id: string | null): Exclude<Block, RuleBlock> | undefined {
    const b = this.block(id);
    return b && b.kind !== 'rule' ? b : undefined;
  }

  private refuseLocked(b: Block): boolean {
    if (this.refuseReadOnly()) return true;
    if (!b.locked) return false;
    this.notify({ zh: '该块已锁定，先解锁再改动', en: 'This block is locked: unlock it first' }, 'info');
    return true;
  }

  /** A drag on a block of a multi-selection moves them all (a locked one refuses the whole move). */
  beginMove(blockId: string): boolean {
    const b = this.gridBlock(blockId);
    if (!b || this.refuseLocked(b)) return false;
    const start = gridRectOf(b);
    const { selected } = this.state;
    if (selected.length > 1 && selected.includes(blockId)) {
      const group = selected.filter((id) => id !== blockId);
      if (group.some((id) => this.refuseLocked(this.block(id)!))) return false;
      this.refresh({ interaction: { kind: 'move', blockId, start, rect: start, group } });
      return true;
    }
    this.refresh({ interaction: { kind: 'move', blockId, start, rect: start }, selection: blockId });
    return true;
  }

  /** The grid rectangles a move of these blocks must keep inside the grid. */
  private gridRects(ids: readonly string[]): GridRect[] {
    return ids.flatMap((id) => {
      const b = this.gridBlock(id);
      return b ? [gridRectOf(b)] : [];
    });
  }

  /**
   * Moves blocks by whole columns and lines as one undo step; refused with the overlap notice when a
   * text block of them would cover another that is not moving.
   */
  private moveBlocks(ids: readonly string[], dc: number, dr: number): void {
    if (!dc && !dr) return;
    const blocks = ids.map((id) => this.block(id)).filter((b) => b !== undefined);
    this.commitBlocks(shiftedBlocks(this.state.geo, blocks, dc, dr));
  }

  /** Puts changed blocks in place as one undo step, unless a text block of them would cover another. */
  private commitBlocks(changed: readonly Block[]): void {
    const moved = new Map(changed.map((b) => [b.id, b]));
    const after = this.state.doc.blocks.map((b) => moved.get(b.id) ?? b);
    // Only the blocks that move are checked: one left where it is would name the mover as in its way.
    const moving = changed.filter((b) => JSON.stringify(b) !== JSON.stringify(this.block(b.id)));
    for (const b of moving) if (this.refuseCollision(b, 'move', after)) return;
    this.command((s) =>
      s.batch(() => {
        for (const b of changed) {
          const was = this.block(b.id)!;
          const patch = Object.fromEntries(Object.entries(b).filter(([k, v]) => k !== 'id' && k !== 'kind' && JSON.stringify(v) !== JSON.stringify((was as unknown as Record<string, unknown>)[k])));
          if (Object.keys(patch).length) s.editBlock(b.id, patch as BlockPatch);
        }
      }),
    );
  }

  beginResize(blockId: string, handle: Handle): boolean {
    const b = this.gridBlock(blockId);
    if (!b || this.refuseLocked(b)) return false;
    const start = gridRectOf(b);
    this.refresh({ interaction: { kind: 'resize', blockId, handle, start, rect: start }, selection: blockId });
    return true;
  }

  /** Moves the drag preview; the page reflows around it, the store is untouched until commit. */
  updateInteraction(rect: GridRect, free?: { dx: number; dy: number }): void {
    const i = this.state.interaction;
    if (!i) return;
    let clamped = clampRect(this.state.geo, rect);
    if (i.kind === 'move' && i.group) {
      const d = groupDelta(this.state.geo, [i.start, ...this.gridRects(i.group)], clamped.col - i.start.col, clamped.row - i.start.row);
      clamped = { ...i.start, col: i.start.col + d.dc, row: i.start.row + d.dr };
    }
    if (sameRect(clamped, i.rect) && (i.kind !== 'move' || (free?.dx === i.free?.dx && free?.dy === i.free?.dy))) return;
    this.refresh({ interaction: i.kind === 'move' ? { ...i, rect: clamped, free } : { ...i, rect: clamped } });
  }

  commitInteraction(): void {
    const i = this.state.interaction;
    if (!i) return;
    if (i.kind === 'draw') return this.commitDraw(i);
    if (i.kind === 'place') {
      const article = this.state.doc.articles.find((a) => a.id === i.articleId);
      const block: ArticleBlock = { id: i.blockId, kind: 'article', articleId: i.articleId, ...i.rect };
      if (this.refuseCollision(block)) return this.refresh({ interaction: null });
      if (article) this.command((s) => s.addBlock(block));
      this.refresh({ interaction: null, selection: i.blockId });
      return;
    }
    if (i.kind === 'move' && i.group) {
      this.moveBlocks([i.blockId, ...i.group], i.rect.col - i.start.col, i.rect.row - i.start.row);
    } else if (!sameRect(i.rect, i.start)) {
      const fields: Partial<GridRect> & { columnRows?: number[] } = {};
      for (const k of GRID_KEYS) if (i.rect[k] !== i.start[k]) fields[k] = i.rect[k];
      const next = { ...fields, ...this.fittedFields(i.blockId, i.rect) };
      if (!this.refuseCollision(this.edited(i.blockId, next))) this.command((s) => s.editBlock(i.blockId, next));
    }
    this.refresh({ interaction: null });
  }

  cancelInteraction(): void {
    if (this.state.interaction) this.refresh({ interaction: null });
  }

  /** Starts (or moves) the preview of an unplaced article dragged over the page, sized to its text. */
  previewPlacement(articleId: string, col: number, row: number, span = Math.min(4, this.state.geo.columns)): void {
    const i = this.state.interaction;
    const geo = this.state.geo;
    const c = Math.min(col, geo.columns - span);
    if (i?.kind === 'place' && i.articleId === articleId && i.rect.col === c && i.rect.row === row && i.rect.span === span) return;
    const blockId = i?.kind === 'place' && i.articleId === articleId ? i.blockId : newId('b');
    const rect = this.fittedRect(articleId, blockId, { col: c, row, span, rows: Math.max(1, geo.rows - row) });
    this.refresh({ interaction: { kind: 'place', articleId, blockId, rect } });
  }

  /** An article block at `rect`'s corner, as many lines deep as its text needs (or to the page foot). */
  private fittedRect(articleId: string, blockId: string, rect: GridRect): GridRect {
    const geo = this.state.geo;
    const doc = this.state.doc;
    const block: ArticleBlock = { id: blockId, kind: 'article', articleId, ...rect };
    const trial: BanmianDocument = { ...doc, blocks: [...doc.blocks.filter((b) => b.id !== blockId), block] };
    let rows: number | undefined;
    try {
      rows = fitArticleRows(trial, { fonts: this.fonts, cache: this.fitCache }, blockId);
    } catch {
      rows = undefined;
    }
    return clampRect(geo, { ...rect, rows: rows ?? geo.rows - rect.row });
  }

  /** Places an unplaced article directly (keyboard or menu), at the first column of the given line. */
  placeArticle(articleId: string, col: number, row: number, span?: number): void {
    this.previewPlacement(articleId, col, row, span);
    this.commitInteraction();
  }

  nudge(key: string, big = false): boolean {
    if (this.state.selected.length > 1) return this.nudgeMany(key, big);
    const rule = this.block(this.state.selection);
    if (rule?.kind === 'rule') return this.nudgeRule(rule, key, big);
    const b = this.gridBlock(this.state.selection);
    if (!b || this.refuseLocked(b)) return false;
    const rect = nudgedRect(this.state.geo, gridRectOf(b), key, big);
    if (!rect || sameRect(rect, gridRectOf(b))) return !!rect;
    if (this.refuseCollision({ ...b, ...rect } as Block)) return true;
    this.command((s) => s.moveBlock(b.id, rect.col, rect.row));
    return true;
  }

  setBlockRect(id: string, rect: Partial<GridRect>): void {
    const b = this.gridBlock(id);
    if (!b || this.refuseLocked(b)) return;
    const next = clampRect(this.state.geo, { ...gridRectOf(b), ...rect });
    if (sameRect(next, gridRectOf(b))) return;
    const fields = { ...next, ...this.fittedFields(id, next) };
    if (!this.refuseCollision(this.edited(id, fields))) this.command((s) => s.editBlock(id, fields));
  }

  /** The block as it would be with these fields (undefined fields removed, as the store does). */
  private edited(id: string, fields: Record<string, unknown>): Block {
    const b = { ...this.block(id), ...fields } as Record<string, unknown>;
    for (const k of Object.keys(fields)) if (fields[k] === undefined) delete b[k];
    return b as unknown as Block;
  }

  /**
   * 排列: the selected blocks aligned (edges, centres) or spaced evenly, within the box around them
   * all, on whole columns and lines; one undo step, refused whole over another text block. Rules
   * stay where they are (they have ends, not edges on the grid).
   */
  arrange(how: Arrangement): void {
    const blocks = this.state.selected.map((id) => this.gridBlock(id)).filter((b) => b !== undefined);
    if (blocks.length < (how.startsWith('distribute') ? 3 : 2) || blocks.some((b) => this.refuseLocked(b))) return;
    const rects = blocks.map(gridRectOf);
    const next = how === 'distributeH' ? distributedRects(rects, 'h') : how === 'distributeV' ? distributedRects(rects, 'v') : alignedRects(rects, how);
    this.commitBlocks(blocks.map((b, i) => ({ ...b, ...next[i] })));
  }

  /** What 复制/剪切 put aside; kept when another page of the file is put in the window, to paste there. */
  private copied: BlockCopy | undefined;

  get hasCopy(): boolean {
    return this.copied !== undefined;
  }

  /** 复制: the selected blocks with their articles and pictures (allowed read-only: nothing changes). */
  copySelected(): boolean {
    this.copied = copyOf(this.state.doc, this.state.selected) ?? this.copied;
    return this.copied !== undefined && this.state.selected.length > 0;
  }

  /** 剪切: copied, then removed as one undo step (their articles stay in the 稿件 list, as 删除块 leaves them). */
  cutSelected(): void {
    const blocks = this.state.selected.map((id) => this.block(id)).filter((b) => b !== undefined);
    if (!blocks.length || blocks.some((b) => this.refuseLocked(b))) return;
    this.copySelected();
    this.command((s) => s.batch(() => blocks.forEach((b) => s.removeBlock(b.id))));
  }

  /** 粘贴: the copy as new blocks (a text block with its own copy of the article), at the nearest free place. */
  paste(): void {
    if (this.copied) this.placeCopy(this.copied);
  }

  /** 再制: the selection pasted beside itself, the copy left as it was. */
  duplicateSelected(): void {
    const copy = copyOf(this.state.doc, this.state.selected);
    if (copy) this.placeCopy(copy);
  }

  private placeCopy(copy: BlockCopy): void {
    if (this.refuseReadOnly()) return;
    const { doc, geo } = this.state;
    const pasted = pastedBlocks(doc, copy, newId);
    const stay = !copy.blocks.some((b) => doc.blocks.some((x) => x.id === b.id));
    const place = freePlace(geo, doc.blocks, pasted.blocks, stay);
    if (!place) return this.notify({ zh: '未粘贴：版面上没有放得下这些块而不压住文字块、广告或锁定块的地方', en: 'Not pasted: there is no place on the page for these blocks that does not cover a text block, an ad or a locked block' }, 'info');
    const blocks = shiftedBlocks(geo, pasted.blocks, place.dc, place.dr);
    this.command((s) =>
      s.batch(() => {
        s.addArticles(pasted.articles, pasted.images);
        for (const b of blocks) s.addBlock(b);
      }),
    );
    const placed = blocks.filter((b) => this.block(b.id)).map((b) => b.id);
    if (placed.length) this.set({ selected: placed, selection: placed[placed.length - 1] });
  }

  /**
   * 上移一层/下移一层/置于顶层/置于底层: the selected blocks' place in the stacking order, which the
   * page file keeps (its block order) and the PDF draws in; one undo step. Text blocks never overlap,
   * so among them it changes nothing; it puts pictures, ads and rules over or under text. A step
   * with nothing overlapping to pass says so.
   */
  restack(how: Restack): void {
    const { doc, selected, layout } = this.state;
    if (!selected.length || this.refuseReadOnly()) return;
    const frames = new Map((layout?.frames ?? []).map((f) => [f.blockId, f]));
    const overlap = (a: string, b: string): boolean => {
      const f = frames.get(a);
      const g = frames.get(b);
      return !!f && !!g && f.x < g.x + g.width && g.x < f.x + f.width && f.y < g.y + g.height && g.y < f.y + f.height;
    };
    const order = doc.blocks.map((b) => b.id);
    const next = restacked(order, selected, how, overlap);
    if (next.every((id, i) => id === order[i])) {
      const zh = how === 'forward' || how === 'front' ? '上面' : '下面';
      const en = how === 'forward' || how === 'front' ? 'above' : 'below';
      return this.notify({ zh: `层次未变：${zh}没有与它重叠的块`, en: `Stacking unchanged: no block ${en} overlaps it` }, 'info');
    }
    this.command((s) => s.restack(next));
  }

  /** Arrow keys move a multi-selection together, as far as the grid lets all of them go. */
  private nudgeMany(key: string, big: boolean): boolean {
    const steps: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const d = steps[key];
    if (!d) return false;
    const ids = this.state.selected;
    if (ids.some((id) => this.refuseLocked(this.block(id)!))) return true;
    const k = big && d[1] ? 5 : 1;
    const { dc, dr } = groupDelta(this.state.geo, this.gridRects(ids), d[0] * k, d[1] * k);
    this.moveBlocks(ids, dc, dr);
    return true;
  }

  /** Text blocks never overlap: a change that would make them is refused with a notice naming the others. */
  private refuseCollision(moved: Block, action: 'move' | 'draw' = 'move', blocks = this.state.doc.blocks): boolean {
    const notice = collisionNotice({ ...this.state.doc, blocks }, moved, action);
    if (notice) this.notify(notice, 'info');
    return !!notice;
  }

  /** A resized article keeps its headline span and column depths within its new size. */
  private fittedFields(id: string, rect: GridRect): { columnRows?: number[]; headlineSpan?: number } {
    const b = this.block(id);
    return b?.kind === 'article' ? articleFieldsForSize(b, rect.span, rect.rows) : {};
  }

  /** A change from 属性: refused (with a notice) while the block is locked, as every other change is. */
  editBlock(id: string, fields: BlockPatch): void {
    const b = this.block(id);
    if (!b || this.refuseLocked(b) || this.refuseCollision(this.edited(id, fields))) return;
    this.command((s) => s.editBlock(id, fields));
  }

  /** Sizes an article block's depth to its text. */
  fitToText(id: string): void {
    const b = this.gridBlock(id);
    if (!b || b.kind !== 'article' || this.refuseLocked(b)) return;
    const rect = this.fittedRect(b.articleId, b.id, gridRectOf(b));
    if (rect.rows !== b.rows) this.command((s) => s.editBlock(id, { rows: rect.rows }));
  }

  /** 适配: fits the selected article into its block (one undo step) and says what it changed, or why not. */
  fitArticle(id = this.state.selection): void {
    const b = this.gridBlock(id);
    if (!b || b.kind !== 'article' || this.refuseLocked(b)) return;
    const r = copyfit(this.state.doc, b.id, { fonts: this.fonts, cache: this.fitCache });
    const { styles, rows, columnRows } = r.change;
    if (Object.keys(styles).length || rows !== undefined) {
      this.command((s) =>
        s.batch(() => {
          for (const [name, fields] of Object.entries(styles)) s.setStyleOverride(b.articleId, name as StyleName, fields);
          if (rows !== undefined) s.editBlock(b.id, { rows, columnRows });
        }),
      );
    }
    const zh = r.moves.map((m) => m.zh).join('；');
    const en = r.moves.map((m) => m.en).join('; ');
    this.notify({ zh: `适配：${zh}`, en: `Copyfit: ${en}` }, r.after.over > 0 ? 'warning' : 'info');
  }

  /**
   * Applies a make-up alternative: the unlocked blocks go, the alternative's come in, and each
   * article takes the headline size and tracking the engine chose. One undo step (the store's
   * `makeUp` operation). For a re-made grid, `base` is the page the alternative was made on (its new
   * settings, `page`, and the kept blocks fitted to it); else the page as it is.
   */
  applyMakeUp(alt: Alternative, base: BanmianDocument = this.state.doc, page?: PageFields): void {
    const own = new Map(base.blocks.map((b) => [b.id, b]));
    // kept blocks as the page has them: the request may have locked a banner or picture just for the engine
    const blocks = alt.blocks.map((b) => (b.locked && own.has(b.id) ? own.get(b.id)! : b));
    const before = new Map(this.state.doc.articles.map((a) => [a.id, a]));
    const styles = alt.document.articles.flatMap((a) => {
      const was = before.get(a.id)?.styleOverrides;
      return Object.entries(a.styleOverrides ?? {}).flatMap(([name, fields]) => (fields && JSON.stringify(fields) !== JSON.stringify(was?.[name as StyleName]) ? [{ articleId: a.id, name: name as StyleName, fields }] : []));
    });
    // make-up's 可删 cuts: the paragraphs its article left out, removed in the same undo step
    const cuts = [...cutParagraphsByArticle(this.state.doc.articles, alt.document.articles)].map(([articleId, paragraphs]) => ({ articleId, paragraphs }));
    this.command((s) => s.apply({ kind: 'makeUp', change: { page, blocks, styles, cuts } }));
  }

  toggleLock(id = this.state.selection): void {
    const b = this.block(id);
    if (b) this.command((s) => s.editBlock(b.id, { locked: b.locked ? undefined : true }));
  }

  /** Every selected block goes, one undo step; a locked one among them refuses it all. */
  deleteSelected(): boolean {
    const blocks = this.state.selected.map((id) => this.block(id)).filter((b) => b !== undefined);
    if (!blocks.length || blocks.some((b) => this.refuseLocked(b))) return false;
    this.command((s) => s.batch(() => blocks.forEach((b) => s.removeBlock(b.id))));
    this.refresh({ selection: null });
    return true;
  }

  /**
   * Page settings: refused with the validator's message when the page would not be valid. A new
   * column count re-makes the page's unlocked articles (`remakeForGrid`, one undo step with the
   * settings); otherwise blocks past a narrower grid are fitted to it by the store.
   */
  setPage(fields: PageFields): void {
    if (this.refusePage({ ...this.state.doc.page, ...fields })) return;
    if (this.refuseReadOnly()) return;
    const remake = remakeForGrid(this.state.doc, fields, { fonts: this.fonts });
    if (remake?.kind === 'refused') return this.notify(remake.notice, 'info');
    if (!remake) return this.command((s) => this.noticeFits(s.setPage(fields), fields.grid?.columns));
    const undoAt = this.store.undoPosition();
    this.applyMakeUp(remake.alternative, remake.base, fields);
    // held-over articles are named here and stay in the 稿件 list's 未上版 part
    if (this.store.undoPosition() !== undoAt) this.notify(remake.notice, 'info');
  }

  /** Says which blocks a narrower grid moved left or narrowed (the store did it in the same undo step). */
  private noticeFits(fits: BlockFit[], columns: number | undefined): void {
    if (fits.length && columns !== undefined) this.notify(describeBlockFits(fits, columns, this.store.snapshot()), 'info');
  }

  setHeader(fields: Partial<PageHeader>): void {
    if (this.refusePage({ ...this.state.doc.page, header: { ...this.state.doc.page.header, ...fields } })) return;
    this.command((s) => s.setHeader(fields));
  }

  /**
   * 参考线: a guide dragged from a ruler (index null adds one), moved, or dragged back onto the ruler
   * (pos null removes it); saved with the page, never printed; one undo step each.
   */
  setGuide(axis: 'x' | 'y', index: number | null, pos: number | null): void {
    const guides = this.state.doc.page.guides ?? { x: [], y: [] };
    const list = [...guides[axis]];
    const at = pos === null ? null : Math.round(pos * 100) / 100;
    if (index === null) {
      if (at === null) return;
      list.push(at);
    } else if (at === null) list.splice(index, 1);
    else if (list[index] === at) return;
    else list[index] = at;
    this.setPage({ guides: { ...guides, [axis]: list } });
  }

  /** Checks a page the user asked for; the first problem with it becomes the notice. */
  private refusePage(page: PageSettings): boolean {
    const check = validateDocument({ ...this.state.doc, page });
    const issue = check.ok ? undefined : check.issues.find((i) => i.path.startsWith('page'));
    if (!issue) return false;
    this.notify({ zh: `版面设置未改：${issue.zh}`, en: `Page settings unchanged: ${issue.en}` });
    return true;
  }

  /** A bad style value: the notice names the style and the problem; nothing changes. */
  private refuseStyle(name: StyleName, fields: Partial<TextStyle>): boolean {
    const issue = checkStyleFields(fields)[0];
    if (!issue) return false;
    const label = STYLE_LABELS[name];
    this.notify({ zh: `样式“${label.zh}”未改：${issue.zh}`, en: `Style ${label.en} unchanged: ${issue.en}` });
    return true;
  }

  /** Fields of a page style (样式): every article set in it reflows; one undo step. */
  setStyle(name: StyleName, fields: Partial<TextStyle>): void {
    if (this.refuseStyle(name, fields)) return;
    this.setPage(pageStyleChange(this.state.doc.page, name, fields));
  }

  /** Overrides fields of a page style for one article only (undefined clears a field); one undo step. */
  setStyleOverride(articleId: string, name: StyleName, fields: Partial<TextStyle>): void {
    if (this.refuseStyle(name, fields)) return;
    this.command((s) => s.setStyleOverride(articleId, name, fields));
  }

  /** 清除覆盖: the article's style back to the page's, one field or (no field) all of them. */
  clearStyleOverride(articleId: string, name: StyleName, field?: keyof TextStyle): void {
    this.command((s) => s.setStyleOverride(articleId, name, clearedFields(field ? [field] : undefined)));
  }

  /**
   * 以此重新定义样式: the page style becomes what this article shows, and the article's override of
   * it goes (every other article follows the new style). One undo step across both documents.
   */
  redefineStyleFrom(articleId: string, name: StyleName): void {
    const article = this.state.doc.articles.find((a) => a.id === articleId);
    if (!article?.styleOverrides?.[name]) return;
    const page = this.state.doc.page;
    // 拉行/缩行 fits this article's text only: never a page style's.
    const { lineShift: _own, ...style } = resolveStyle(page, name, article.styleOverrides);
    const change = pageStyleChange(page, name, style);
    if (this.refusePage({ ...page, ...change })) return;
    this.command((s) =>
      s.batch(() => {
        s.setPage(change);
        s.setStyleOverride(articleId, name, clearedFields());
      }),
    );
  }

  /** Typing in a title field: consecutive keystrokes merge into one undo step (the store's capture window). */
  setArticleMeta(articleId: string, fields: Partial<ArticleMeta>): void {
    if (this.refuseReadOnly()) return;
    try {
      this.store.setArticleMeta(articleId, fields);
    } catch (e) {
      this.notify({ zh: `无法修改稿件：${String(e)}`, en: `Cannot change the article: ${String(e)}` });
    }
  }

  /** Imported articles (and their images) join the article list, unplaced: one undo step. */
  addArticles(articles: Article[], images: ImageAsset[] = []): void {
    if (articles.length || images.length) this.command((s) => s.addArticles(articles, images));
  }

  /**
   * Imported files dropped on the page: articles and images join the page, and each image becomes an
   * image block with its caption at the drop point, as deep as the picture's proportions need.
   * One undo step for all of it.
   */
  importAndPlace(articles: Article[], imported: ImageAsset[], at: { col: number; row: number } | null, captions: Map<string, string> = new Map()): string[] {
    const geo = this.state.geo;
    const { added, ids } = mergeImportedImages(this.state.doc.images, imported);
    // Blocks show each picture under the id it has on the page.
    const images = imported.map((img, i) => ({ ...img, id: ids[i] }));
    const placed: ImageBlock[] = [];
    if (at) {
      let row = at.row;
      const span = Math.min(2, geo.columns);
      const col = Math.min(at.col, geo.columns - span);
      for (const [i, img] of images.entries()) {
        const width = span * geo.colWidth + (span - 1) * geo.gutter;
        const height = img.pixelWidth > 0 ? (width * img.pixelHeight) / img.pixelWidth : width * 0.66;
        const captionLines = 2;
        const rows = Math.max(3, Math.ceil((height - geo.bodySize) / geo.pitch) + 1 + captionLines);
        const rect = clampRect(geo, { col, row, span, rows });
        // a picture with no caption of its own (a stand-alone one has an empty one) is captioned by its file's name, to edit
        const caption = captions.get(imported[i].id) || img.name.replace(/\.[a-z0-9]+$/i, '');
        placed.push({ id: newId('img'), kind: 'image', imageId: img.id, caption, ...rect });
        row = rect.row + rect.rows + 1;
      }
    }
    if (!articles.length && !images.length) return [];
    this.command((s) => {
      s.addArticles(articles, added);
      for (const b of placed) s.addBlock(b);
    });
    if (placed.length) this.refresh({ selection: placed[placed.length - 1].id });
    return placed.map((b) => b.id);
  }

  /**
   * A picture of the page's list dropped on the page: an image block two columns wide at the drop
   * cell, as deep as the picture's proportions and caption need, selected. One undo step.
   */
  placePicture(imageId: string, at: { col: number; row: number }): string | undefined {
    const { geo, doc } = this.state;
    const asset = doc.images.find((i) => i.id === imageId);
    if (!asset) return undefined;
    const span = Math.min(2, geo.columns);
    const caption = asset.name;
    const rect = clampRect(geo, { col: Math.min(at.col, geo.columns - span), row: at.row, span, rows: pictureRows(geo, doc.page, asset, span, caption) });
    const id = newId('img');
    this.command((s) => s.addBlock({ id, kind: 'image', imageId, caption, ...rect }));
    if (this.block(id)) this.refresh({ selection: id });
    return this.block(id) && id;
  }

  // ---- block tools: rules, crop, column depths

  /** Starts a block tool's drag on a block (refused when it is locked or the page is read-only). */
  beginBlockDrag(blockId: string): boolean {
    const b = this.block(blockId);
    if (!b || this.refuseLocked(b)) return false;
    this.refresh({ blockPreview: { blockId, fields: {} }, selection: blockId });
    return true;
  }

  previewBlock(fields: Record<string, unknown>): void {
    const p = this.state.blockPreview;
    if (!p || JSON.stringify(fields) === JSON.stringify(p.fields)) return;
    this.refresh({ blockPreview: { ...p, fields } });
  }

  /** Ends the drag: what changed becomes one undo step. */
  commitBlockDrag(): void {
    const p = this.state.blockPreview;
    if (!p) return;
    const b = this.block(p.blockId) as Record<string, unknown> | undefined;
    const changed = b && Object.entries(p.fields).some(([k, v]) => JSON.stringify(b[k]) !== JSON.stringify(v));
    if (changed && !this.refuseCollision(this.edited(p.blockId, p.fields))) this.command((s) => s.editBlock(p.blockId, p.fields));
    this.refresh({ blockPreview: null });
  }

  cancelBlockDrag(): void {
    if (this.state.blockPreview) this.refresh({ blockPreview: null });
  }

  /** Arrow keys move a rule by a column or a line (five with Shift), snapped like a drag. */
  private nudgeRule(rule: RuleBlock, key: string, big: boolean): boolean {
    const geo = this.state.geo;
    const steps: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const d = steps[key];
    if (!d) return false;
    if (this.refuseLocked(rule)) return true;
    const k = big ? 5 : 1;
    const ends = movedRule(geo, rule, d[0] * k * columnStep(geo), d[1] * k * geo.pitch);
    if (ends.x1 !== rule.x1 || ends.y1 !== rule.y1) this.command((s) => s.editBlock(rule.id, { ...ends }));
    return true;
  }

  /** Adds a hairline rule (0.25 pt 栏线) under or beside the selected block, and selects it: one undo step. */
  addRule(orientation: 'horizontal' | 'vertical'): void {
    const near = this.gridBlock(this.state.selection);
    const id = newId('rule');
    const ends = newRule(this.state.geo, orientation, near && gridRectOf(near));
    this.command((s) => s.addBlock({ id, kind: 'rule', ...ends, width: 0.25 }));
    if (this.block(id)) this.refresh({ selection: id });
  }

  /**
   * Adds a free 底纹框 (10 % K) over the selected block's area, or two columns by ten lines at the
   * grid's top-left, under every other block; selects it. One undo step.
   */
  addBox(): void {
    const near = this.gridBlock(this.state.selection);
    const id = newId('box');
    const rect = near ? gridRectOf(near) : clampRect(this.state.geo, { col: 0, span: 2, row: 0, rows: 10 });
    this.command((s) => s.addBlock({ id, kind: 'box', ...rect, tint: 10 }, true));
    if (this.block(id)) this.refresh({ selection: id });
  }

  /** A stepped article back to a rectangle: every column as deep as the block. */
  resetColumnDepths(id = this.state.selection): void {
    const b = this.gridBlock(id);
    if (!b || b.kind !== 'article' || !b.columnRows || this.refuseLocked(b)) return;
    this.command((s) => s.editBlock(b.id, { columnRows: undefined }));
  }

  undo(): void {
    if (this.state.readOnly?.signed) return void this.refuseReadOnly();
    this.cancelInteraction();
    this.store.stopCapturing();
    this.store.undo();
    // The store moves the step to the redo stack after its documents notified us: read both again.
    this.refresh();
  }

  redo(): void {
    if (this.state.readOnly?.signed) return void this.refuseReadOnly();
    this.cancelInteraction();
    this.store.stopCapturing();
    this.store.redo();
    this.refresh();
  }

  // ---- files

  /** Replaces the page (open, recover, new): a new store, a fresh history. */
  replaceDocument(doc: BanmianDocument, file: Omit<FileState, 'savedRevision'>, dirty = false): void {
    const opened = pageStoreFromFile(doc);
    this.replaceStore(opened.store, file, dirty);
    if (opened.dropped) this.notify({ zh: `文件中有 ${opened.dropped} 条校对记录已损坏，已略去`, en: `${opened.dropped} damaged proofreading record(s) in the file were left out` });
  }

  /** Works on another store from now on (a shared page joined from the server), with a fresh history. */
  replaceStore(store: PageStore, file: Omit<FileState, 'savedRevision'>, dirty = false): void {
    this.unsubscribeStore();
    this.store = store;
    this.unsubscribeStore = this.store.subscribe(() => this.refresh());
    this.laidOut = undefined;
    const revision = this.store.revision;
    this.savedMark = dirty ? null : this.pageMark();
    this.refresh({
      interaction: null,
      selection: null,
      editing: null,
      file: { ...file, savedRevision: dirty ? revision - 1 : revision },
      opened: this.state.opened + 1,
    });
  }

  /** After a save of the page as it was at `revision` (changes made while saving keep the page unsaved). */
  markSaved(path: string | null, title: string, revision = this.store.revision): void {
    // The next change starts a new undo step, so it cannot merge into the saved one.
    this.store.stopCapturing();
    this.savedMark = revision === this.store.revision ? this.pageMark() : null;
    this.set({ file: { path, title, savedRevision: revision }, dirty: this.isDirty() });
  }
}

function emptyArticle(): Article {
  return { id: newId('a'), ...emptyTextFields(), bylinePosition: 'top', body: docFromParagraphs(['']) };
}

function previewKey(i: Interaction | null | undefined): string {
  // A frame being drawn changes nothing on the page until it is there: no layout for it.
  if (!i || i.kind === 'draw') return '';
  const r = i.rect;
  if (i.kind === 'move' && i.group) return `group:${i.blockId},${i.group.join(',')}:${r.col},${r.row}`;
  return `${i.kind}:${i.kind === 'place' ? i.articleId : i.blockId}:${r.col},${r.span},${r.row},${r.rows}`;
}

/** The document with a block tool's drag applied. */
export function withBlockPreview(doc: BanmianDocument, p: BlockPreview | null | undefined): BanmianDocument {
  if (!p) return doc;
  return { ...doc, blocks: doc.blocks.map((b) => (b.id === p.blockId ? ({ ...b, ...p.fields } as Block) : b)) };
}

/** The document as it would be if the drag ended now. */
export function withPreview(doc: BanmianDocument, i: Interaction | null | undefined, geo?: GridGeometry): BanmianDocument {
  if (!i || i.kind === 'draw') return doc;
  if (i.kind === 'move' && i.group && geo) {
    const ids = new Set([i.blockId, ...i.group]);
    const shifted = new Map(shiftedBlocks(geo, doc.blocks.filter((b) => ids.has(b.id)), i.rect.col - i.start.col, i.rect.row - i.start.row).map((b) => [b.id, b]));
    return { ...doc, blocks: doc.blocks.map((b) => shifted.get(b.id) ?? b) };
  }
  if (i.kind === 'place') {
    const block: ArticleBlock = { id: i.blockId, kind: 'article', articleId: i.articleId, ...i.rect };
    return { ...doc, blocks: [...doc.blocks, block] };
  }
  return { ...doc, blocks: doc.blocks.map((b) => (b.id === i.blockId && b.kind !== 'rule' ? { ...b, ...i.rect } : b)) };
}
