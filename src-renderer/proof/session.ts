import type { Editor as Tiptap } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { suggestChangesKey } from '@handlewithcare/prosemirror-suggest-changes';
import type { HostApi, HostInfo } from '../../src-core/host-api';
import type { PlacedFinding } from '../../src-core/proof/checks';
import { applyFix, headerTexts, isHeaderField } from '../../src-core/proof/checks';
import { foundText } from '../../src-core/proof/rules/house-lists';
import { CHECK_STATE_LIMITS, type ProofResult, type RoundRecord } from '../../src-core/model/proof';
import { PageOperationError, type PageOperation } from '../../src-core/store/operations';
import { currentRound, isSignedOff, nextRoundName, roundsOf, suggestionOf } from '../../src-core/store/readers';
import { arrivalMessage } from '../../src-core/proof/arrivals';
import { ArrivalWatch } from './arrival-watch';
import { serializePage } from '../../src-core/store/persist';
import type { Editor, Message } from '../editor/editor';
import { rememberIdentity, signature, type Identity } from './identity';
import { printableRange, suggestionMarks } from './positions';

/**
 * The proofreading side of the workspace, outside React like the Editor: who is at the desk, the
 * proof view, the 校对 panel, the story editor's tracked changes, comments, decisions, rounds and
 * sign-off. Everything it changes lives in the page's Yjs documents (through src-core/proof), so
 * it is saved with the page and reaches other desks.
 */

export interface ProofUiState {
  identity: Identity;
  /** False until the person chose (or the address/last session gave) a role. */
  chosen: boolean;
  proofView: boolean;
  panelOpen: boolean;
  dialog: 'identity' | 'proofPdf' | null;
  locked: boolean;
  round: RoundRecord | undefined;
  /** Bumped whenever the page's documents change, for panels that read them. */
  version: number;
  /** Pending suggestions plus unresolved comment threads on the page (the badge on the 校对 button). */
  openMarks: number;
}

type Listener = () => void;

/** Why a 校对 on a shared page cannot dismiss a header finding (the panel's tooltip says the same). */
export const HEADER_DISMISS_REFUSED: Message = {
  zh: '共享版面上，报头、版头的问题随版面保存，须由组版或值班编辑忽略',
  en: 'On a shared page the masthead and running head findings are kept with the page layout: the layout editor or the duty editor dismisses them',
};

/**
 * On a shared page the server writes rounds and the sign-off (a 校对 cannot write the layout
 * document; the sign-off log must not be forgeable): these go to it as requests (CollabSession).
 */
export interface ServerRounds {
  startRound(): Promise<ProofResult>;
  finishRound(): Promise<ProofResult>;
  signOff(): Promise<ProofResult>;
  reopen(reason: string): Promise<ProofResult>;
}

const newId = (prefix: string): string => `${prefix}${(crypto.randomUUID?.() ?? Math.random().toString(36).slice(2)).replace(/-/g, '').slice(0, 10)}`;

/** Suggestion ids are unique strings, so a new change never reuses the id of a decided one. */
export const newSuggestionId = (): string => newId('s');

interface Jump {
  articleId: string;
  field: PlacedFinding['field'];
  paragraph: number;
  offset: number;
  length: number;
  then?: (tiptap: Tiptap, range: { from: number; to: number }) => void;
}

/** Frames a jump waits for its story's editor to be on the page (about a second at 60 fps). */
const JUMP_TRIES = 60;

export class ProofSession {
  private state: ProofUiState;
  private readonly listeners = new Set<Listener>();
  private readonly stories = new Map<string, Tiptap>();
  private pendingJump: Jump | null = null;
  private lastRevision = -1;
  private server: ServerRounds | null = null;

  constructor(
    readonly editor: Editor,
    readonly host: HostApi,
    readonly info: HostInfo,
    start: { identity: Identity; chosen: boolean },
  ) {
    const proofreader = start.identity.role === '校对';
    this.state = { identity: start.identity, chosen: start.chosen, proofView: proofreader, panelOpen: proofreader, dialog: null, locked: false, round: undefined, version: 0, openMarks: 0 };
    editor.subscribe(() => this.pageChanged());
    this.pageChanged();
    this.applyView();
  }

  // ---- reading

  readonly subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  readonly getState = (): ProofUiState => this.state;

  get store() {
    return this.editor.pageStore;
  }

  get identity(): Identity {
    return this.state.identity;
  }

  /** Text changes in the story editor become suggestions. */
  tracking(): boolean {
    return this.state.identity.role === '校对' && !this.state.locked;
  }

  /** Accepting and rejecting is the layout editor's (and the duty editor's) job. */
  maySettle(): boolean {
    return this.state.identity.role !== '校对' && !this.state.locked;
  }

  private set(patch: Partial<ProofUiState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private notify(m: Message, kind: 'error' | 'info' = 'info'): void {
    this.editor.notify(m, kind);
  }

  /** Applies an operation the store may refuse (a comment too long for the file): the refusal is shown, nothing changes. */
  private tryApply(op: PageOperation): boolean {
    try {
      this.store.apply(op);
      return true;
    } catch (e) {
      if (!(e instanceof PageOperationError)) throw e;
      this.notify({ zh: e.zh, en: e.en }, 'error');
      return false;
    }
  }

  private report(r: ProofResult, done: Message): boolean {
    if (r.ok) this.notify(done);
    else this.notify({ zh: r.zh, en: r.en }, 'error');
    return r.ok;
  }

  /** After every change of the page: the lock, the round, the layout's read-only state. */
  private pageChanged(): void {
    const s = this.editor.getState();
    if (s.revision === this.lastRevision && this.store === this.lastStore) return;
    this.lastRevision = s.revision;
    this.lastStore = this.store;
    const locked = isSignedOff(this.store.layoutDoc);
    const round = currentRound(this.store.layoutDoc);
    const changed = locked !== this.state.locked;
    const marks = this.arrivals.update(this.store, this.state.identity.name);
    this.set({ locked, round, version: this.state.version + 1, openMarks: marks.open });
    // After the editor's own update that called us has finished setting its state.
    if (marks.arrived.length) queueMicrotask(() => this.notify(arrivalMessage(marks.arrived)));
    if (changed) this.applyView();
    else this.applyReadOnly();
  }

  private lastStore: unknown;
  private readonly arrivals = new ArrivalWatch();

  private applyReadOnly(): void {
    const { locked, identity } = this.state;
    const ro = locked
      ? { signed: true, zh: '本版已签字付印，需值班编辑重新打开后才能修改', en: 'The page is signed for print; a duty editor must reopen it before any change' }
      : identity.role === '校对'
        ? { signed: false, zh: '校对模式下版面只读：文字修改会成为修改建议', en: 'Proofreading: the layout is read-only; text changes become suggestions' }
        : null;
    const cur = this.editor.getState().readOnly;
    if ((cur?.zh ?? null) !== (ro?.zh ?? null)) this.editor.setReadOnly(ro);
    for (const t of this.stories.values()) if (t.isEditable === locked) t.setEditable(!locked);
  }

  private applyView(): void {
    this.applyReadOnly();
    this.editor.setProofView(this.state.proofView ? { roundOf: this.roundOf } : undefined);
  }

  /** A suggestion's round as an index (0 = 一校) for its colour. */
  private readonly roundOf = (id: string): number => {
    const names = roundsOf(this.store.layoutDoc).map((r) => r.name);
    for (const aid of this.store.articleIds()) {
      const doc = this.store.articleDoc(aid);
      const meta = doc && suggestionOf(doc, id);
      if (meta) return Math.max(0, names.indexOf(meta.round));
    }
    return Math.max(0, names.length - 1);
  };

  // ---- who, and what is shown

  /** Who is at the desk; a shared page's identity (from the server) is not remembered as this machine's choice. */
  setIdentity(identity: Identity, remember = true): void {
    const role = identity.role;
    if (remember) rememberIdentity(identity);
    const proofreader = role === '校对';
    this.set({ identity, chosen: true, dialog: null, proofView: proofreader || this.state.proofView, panelOpen: proofreader || this.state.panelOpen });
    this.fillCredit();
    this.applyView();
  }

  /** The page header's credit line names the proofreader or the layout editor, when it is still empty. */
  private fillCredit(): void {
    const { role, name } = this.state.identity;
    // On a shared page a 校对 cannot write the layout document (the server would refuse it).
    if (!name.trim() || this.state.locked || (this.server && role === '校对')) return;
    const header = this.editor.getState().doc.page.header;
    const field = role === '校对' ? 'proofreader' : role === '组版' ? 'layoutEditor' : null;
    if (!field || header[field]) return;
    try {
      this.store.stopCapturing();
      this.store.setHeader({ [field]: name.trim() });
      this.store.stopCapturing();
    } catch {
      // A signed page keeps its credits.
    }
  }

  setProofView(on: boolean): void {
    this.set({ proofView: on });
    this.applyView();
  }

  setPanelOpen(on: boolean): void {
    this.set({ panelOpen: on });
  }

  openDialog(dialog: ProofUiState['dialog']): void {
    if (dialog === 'identity' && this.server) {
      // The server enforces the token's role; offering another would only produce refused changes.
      this.notify({ zh: '共享版面上的身份由令牌决定，不能更改', en: 'On a shared page your role and name come from the token' }, 'info');
      return;
    }
    this.set({ dialog });
  }

  // ---- the story editor

  attachStory(articleId: string, tiptap: Tiptap): void {
    this.stories.set(articleId, tiptap);
    if (this.state.locked) tiptap.setEditable(false);
    const jump = this.pendingJump;
    // After React has shown the editor; kept pending while no live editor has the story (React may
    // make an editor and drop it for another while the story editor's chunk loads).
    if (jump && jump.articleId === articleId) setTimeout(() => this.applyPending(jump), 0);
  }

  /**
   * The pending jump, applied to the story's editor once that editor is on the page: an editor made
   * in a render React drops is never on the page (its DOM is not connected), and the editor that
   * replaces it attaches again. Tried again on the next frames until then (a bounded number).
   */
  private applyPending(jump: Jump, tries = JUMP_TRIES): void {
    if (this.pendingJump !== jump) return;
    const tiptap = this.stories.get(jump.articleId);
    if (!tiptap || tiptap.isDestroyed || !tiptap.view.dom.isConnected) {
      if (tries > 0) requestAnimationFrame(() => this.applyPending(jump, tries - 1));
      return;
    }
    this.pendingJump = null;
    this.applyJump(jump);
  }

  detachStory(articleId: string, tiptap: Tiptap): void {
    if (this.stories.get(articleId) === tiptap) this.stories.delete(articleId);
  }

  storyOf(articleId: string): Tiptap | undefined {
    return this.stories.get(articleId);
  }

  /** Gives every new tracked change in an article its author, role, round and time. */
  recordNewSuggestions(articleId: string, tiptap: Tiptap, before: PMNode): void {
    const doc = this.store.articleDoc(articleId);
    if (!doc) return;
    const had = suggestionMarks(before);
    const fresh = [...suggestionMarks(tiptap.state.doc)].filter(([id]) => !suggestionOf(doc, id) && !had.has(id));
    if (!fresh.length) return;
    const round = this.ensureRound();
    const at = new Date().toISOString();
    for (const [id, kind] of fresh) this.store.apply({ kind: 'recordSuggestion', articleId, meta: { id, kind, author: signature(this.identity), role: this.identity.role, round, at } });
  }

  /** The open round's name; a proofreader's first mark opens the next round when none is open. */
  private ensureRound(): string {
    const open = currentRound(this.store.layoutDoc);
    if (open) return open.name;
    // The editors' own comments between rounds belong to no round.
    if (this.identity.role !== '校对') return '';
    if (this.server) {
      // The server opens it; the mark carries the name it will have.
      const name = nextRoundName(this.store.layoutDoc);
      void this.server.startRound().then((r) => this.report(r, { zh: `已开始${name}`, en: `Proof round ${name} started` }));
      return name;
    }
    const r = this.store.apply({ kind: 'startRound', by: signature(this.identity) });
    const now = currentRound(this.store.layoutDoc);
    if (r.ok && now) this.notify({ zh: `已开始${now.name}`, en: `Proof round ${now.name} started` });
    return now?.name ?? '';
  }

  // ---- comments

  /** A comment on the text selected in the story editor of `articleId`. */
  addComment(articleId: string, text: string): boolean {
    const tiptap = this.stories.get(articleId);
    const doc = this.store.articleDoc(articleId);
    if (!tiptap || !doc) return false;
    if (this.state.locked) return this.refuseLocked();
    const { from, to } = tiptap.state.selection;
    if (from === to) {
      this.notify({ zh: '请先选中要批注的文字', en: 'Select the text to comment on first' }, 'error');
      return false;
    }
    if (!text.trim()) return false;
    const id = newId('c');
    // the quote is kept for a comment whose text is gone: its start is enough
    const quote = tiptap.state.doc.textBetween(from, to, '\n').slice(0, CHECK_STATE_LIMITS.textChars);
    if (!this.tryApply({ kind: 'comment', articleId, thread: { id, quote, round: this.ensureRound(), comments: [{ author: signature(this.identity), role: this.identity.role, at: new Date().toISOString(), text: text.trim() }], resolved: false } })) return false;
    const mark = tiptap.schema.marks.comment.create({ threadId: id });
    // A comment is not a text change: the tracked-changes transform must leave it alone.
    tiptap.view.dispatch(tiptap.state.tr.addMark(from, to, mark).setMeta(suggestChangesKey, { skip: true }));
    return true;
  }

  reply(articleId: string, threadId: string, text: string): void {
    const doc = this.store.articleDoc(articleId);
    if (!doc || !text.trim()) return;
    if (this.state.locked) return void this.refuseLocked();
    this.tryApply({ kind: 'reply', articleId, threadId, entry: { author: signature(this.identity), role: this.identity.role, at: new Date().toISOString(), text: text.trim() } });
  }

  resolve(articleId: string, threadId: string, resolved: boolean): void {
    const doc = this.store.articleDoc(articleId);
    if (!doc) return;
    if (this.state.locked) return void this.refuseLocked();
    this.store.apply({ kind: 'resolve', articleId, threadId, resolved });
  }

  private refuseLocked(): false {
    this.notify({ zh: '本版已签字付印，需值班编辑重新打开后才能修改', en: 'The page is signed for print; a duty editor must reopen it first' }, 'error');
    return false;
  }

  // ---- decisions

  private settleGuard(): boolean {
    if (this.state.locked) return this.refuseLocked();
    if (this.identity.role === '校对') {
      this.notify({ zh: '接受或拒绝修改由组版或值班编辑决定', en: 'Accepting or rejecting changes is for the layout or duty editor' }, 'error');
      return false;
    }
    return true;
  }

  /** One suggestion, one undo step; the page reflows. */
  decide(articleId: string, id: string, decision: 'accept' | 'reject'): void {
    const doc = this.store.articleDoc(articleId);
    if (!doc || !this.settleGuard()) return;
    this.store.apply({ kind: 'decide', articleId, id, decision, by: signature(this.identity) });
  }

  /** Every open suggestion of one article, or of the page (articleId null): one undo step. */
  decideAll(articleId: string | null, decision: 'accept' | 'reject'): number {
    if (!this.settleGuard()) return 0;
    const ids = (articleId ? [articleId] : this.store.articleIds()).filter((id) => this.store.articleDoc(id));
    const n = this.store.apply({ kind: 'decideAll', articleIds: ids, decision, by: signature(this.identity) });
    this.notify(decision === 'accept' ? { zh: `已接受 ${n} 处修改`, en: `${n} change(s) accepted` } : { zh: `已拒绝 ${n} 处修改`, en: `${n} change(s) rejected` });
    return n;
  }

  // ---- rounds and sign-off

  /** A shared page, whose rounds and sign-off the server writes; null for a page on this desk only. */
  setServerRounds(server: ServerRounds | null): void {
    this.server = server;
    this.set({ version: this.state.version + 1 });
  }

  /** On a shared page rounds are the proofreader's and the duty editor's (the server refuses 组版). */
  mayRunRounds(): boolean {
    return !this.state.locked && !(this.server && this.identity.role === '组版');
  }

  startRound(): void {
    if (this.server) {
      const name = nextRoundName(this.store.layoutDoc);
      void this.server.startRound().then((r) => this.report(r, { zh: `已开始${name}`, en: `Proof round ${name} started` }));
      return;
    }
    const r = this.store.apply({ kind: 'startRound', by: signature(this.identity) });
    this.report(r, { zh: `已开始${currentRound(this.store.layoutDoc)?.name ?? ''}`, en: `Proof round ${currentRound(this.store.layoutDoc)?.name ?? ''} started` });
  }

  finishRound(): void {
    const name = currentRound(this.store.layoutDoc)?.name ?? '';
    if (this.server) {
      void this.server.finishRound().then((r) => this.report(r, { zh: `${name}已结束`, en: `Proof round ${name} finished` }));
      return;
    }
    this.report(this.store.apply({ kind: 'finishRound', by: signature(this.identity) }), { zh: `${name}已结束`, en: `Proof round ${name} finished` });
  }

  signOff(name: string): boolean {
    if (!name.trim()) {
      this.notify({ zh: '签字付印须写明签字人', en: 'Signing for print needs a name' }, 'error');
      return false;
    }
    if (this.server) {
      // The server signs with the name the token names.
      void this.server.signOff().then((r) => this.report(r, { zh: '已签字付印，版面已锁定', en: 'Signed for print; the page is locked' }));
      return true;
    }
    return this.report(this.store.apply({ kind: 'signOff', by: name.trim(), role: this.identity.role }), { zh: `已签字付印（${name.trim()}），版面已锁定`, en: `Signed for print by ${name.trim()}; the page is locked` });
  }

  reopen(reason: string): boolean {
    if (this.server) {
      void this.server.reopen(reason).then((r) => this.report(r, { zh: '版面已重新打开', en: 'The page is open for changes again' }));
      return true;
    }
    return this.report(this.store.apply({ kind: 'reopen', by: signature(this.identity), role: this.identity.role, reason }), { zh: '版面已重新打开', en: 'The page is open for changes again' });
  }

  // ---- checks

  /** Selects the article's block, opens the story editor and selects the finding's text. */
  jumpTo(f: PlacedFinding, then?: Jump['then']): void {
    if (isHeaderField(f.field)) {
      this.notify({ zh: '报头、版头在“版面设置”里修改', en: 'The masthead and running head are edited in the page settings' }, 'info');
      return;
    }
    const block = this.editor.getState().doc.blocks.find((b) => b.kind === 'article' && b.articleId === f.articleId);
    if (block) this.editor.select(block.id);
    const jump: Jump = { articleId: f.articleId, field: f.field, paragraph: f.paragraph, offset: f.offset, length: f.length, then };
    if (this.editor.getState().editing === f.articleId && this.stories.has(f.articleId)) this.applyJump(jump);
    else {
      // Applied when the story editor has mounted and attached its text (it loads on first use), whatever the field.
      this.pendingJump = jump;
      this.editor.openStory(f.articleId);
    }
  }

  private applyJump(j: Jump): void {
    if (j.field !== 'body') {
      const input = document.querySelector<HTMLInputElement>(`[data-testid="story-${j.field}"]`);
      input?.focus();
      input?.setSelectionRange(j.offset, j.offset + j.length);
      return;
    }
    const tiptap = this.stories.get(j.articleId);
    if (!tiptap) return;
    const range = printableRange(tiptap.state.doc, j.paragraph, j.offset, j.length);
    if (!range) {
      this.notify({ zh: '找不到这处文字（可能已改动）', en: 'That text is not there any more' }, 'error');
      return;
    }
    tiptap.chain().focus().setTextSelection(range).scrollIntoView().run();
    j.then?.(tiptap, range);
  }

  /**
   * Dismisses a finding (忽略): kept with its article, or for the page header's (报头, 版头: no
   * article) with the page, so it stays dismissed when the page is reopened anywhere.
   */
  dismiss(f: PlacedFinding): void {
    if (this.state.locked) return void this.refuseLocked();
    if (isHeaderField(f.field) && !this.mayDismissHeader()) return void this.notify(HEADER_DISMISS_REFUSED, 'error');
    const { articles, page } = this.editor.getState().doc;
    const text = foundText(articles, f, headerTexts(page.header));
    this.store.apply({ kind: 'dismissFinding', articleId: f.articleId, finding: { rule: f.rule, text } });
    this.notify({ zh: `已忽略“${text}”（${f.rule}），随版面保存`, en: `Dismissed "${text}" (${f.rule}); saved with the page` });
  }

  /** The header's dismissals are the layout document's, which a 校对 cannot write on a shared page (the server refuses it). */
  mayDismissHeader(): boolean {
    return !this.state.locked && !(this.server && this.identity.role === '校对');
  }

  /** The certain fix of a finding; in 校对 mode it becomes a suggestion like any other change. */
  fix(f: PlacedFinding): void {
    if (f.fix === undefined || isHeaderField(f.field)) return;
    if (this.state.locked) return void this.refuseLocked();
    if (f.field === 'body') {
      const replacement = f.fix;
      this.jumpTo(f, (tiptap, range) => {
        this.store.stopCapturing();
        tiptap.view.dispatch(tiptap.state.tr.insertText(replacement, range.from, range.to));
        this.store.stopCapturing();
      });
      return;
    }
    if (this.identity.role === '校对') {
      this.notify({ zh: '标题等字段不能留修改痕迹，请用批注提出', en: 'Title fields cannot carry tracked changes: comment instead' }, 'error');
      return;
    }
    const article = this.editor.getState().doc.articles.find((a) => a.id === f.articleId);
    if (!article) return;
    this.store.stopCapturing();
    this.editor.setArticleMeta(f.articleId, { [f.field]: applyFix(article[f.field] ?? '', f) });
    this.store.stopCapturing();
  }

  // ---- the proof PDF (校样)

  async exportProofPdf(path: string | null): Promise<{ ok: true; path: string } | { ok: false; zh: string; en: string } | null> {
    const s = this.editor.getState();
    const r = await this.host.exportProofPdf(serializePage(this.store, s.doc), path, s.file.title);
    if (!r.ok) return r;
    if (!r.value) return null;
    return { ok: true, path: r.value.path };
  }
}
