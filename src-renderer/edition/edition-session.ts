import type { EditionDocument } from '../../src-core/edition/edition';
import { parseEdition, serializeEdition } from '../../src-core/edition/edition-file';
import { pageDocument } from '../../src-core/edition/page-doc';
import { writePage } from '../../src-core/edition/page-write';
import { deletePage, deletionQuestion } from '../../src-core/edition/delete-page';
import { renumberPageAt } from '../../src-core/edition/renumber';
import { chainPartOf } from '../../src-core/edition/chain';
import { editionPageId } from '../../src-core/edition/shared-edition';
import { namePages } from '../../src-core/edition/export-files';
import { exportEdition, type ExportProgress } from './edition-export';
import type { HostApi, OpenedEdition } from '../../src-core/host-api';
import { savedDocument } from '../../src-core/store/persist';
import type { PageStore } from '../../src-core/store/page-store';
import type { Editor } from '../editor/editor';
import type { EditionClient, EditionResult } from './edition-client';
import { holdIdleFaces } from '../canvas/declare-when-idle';

/** The edition the app has open: its overview, or one of its pages in the workspace (by index in the file). */
export interface EditionView {
  edition: EditionDocument;
  path: string;
  title: string;
  page: number | null;
  /** What the overview's last action told (renumbered, refused, exported …), shown in the overview. */
  notice?: EditionNotice;
  /** A question the overview asks before acting (forced export, deleting a page): 确定 runs `run`. */
  confirm?: EditionConfirm;
  /** 导出整期 PDF: how far it is, while it runs and after. */
  exporting?: ExportProgress;
  /** 移至第N版 asked for the page's block `block`: the bar asks for the page (`suggested` first). */
  moving?: { block: string; suggested: number };
}

/** The edition before and after the last 移至第N版, while the page it was made from is in the workspace (its undo). */
interface LastMove {
  before: EditionDocument;
  after: EditionDocument;
  page: number;
}

export interface EditionConfirm {
  zh: string;
  en: string;
  run: () => Promise<void>;
}

export interface EditionNotice {
  kind: 'error' | 'info';
  zh: string;
  en: string;
}

/**
 * The open edition file (整期) and which of its pages the workspace edits. A page opens as a page
 * document (`pageDocument`, its proof state with it) with no file path of its own, so neither 保存
 * as a page nor the recovery file can ever write a page over the edition; 保存 writes the page back
 * into the edition (`writePage`) and the whole edition to its file through the host, atomically.
 */
/** At the latest this long after 打开, the idle font loader goes on even if the overview never drew (its code failed to load). */
const HOLD_MS = 10_000;

export class EditionSession {
  private view: EditionView | null = null;
  /** The idle font loader's hold from `open` until the overview is drawn. */
  private drawing: (() => void) | null = null;
  /** The store the edition's page opened in: any other page in the workspace (新建, 恢复, a joined page) is not the edition's. */
  private store: PageStore | null = null;
  /** The store of the edition's page opened on the server from the overview (加入), while it is in the workspace. */
  private joined: PageStore | null = null;
  private listeners = new Set<() => void>();
  /** 取消 of a running export: honoured before the next file. */
  private cancelRequested = false;
  private lastMove: LastMove | null = null;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly current = (): EditionView | null => this.view;

  /** Whether 保存 belongs to the edition: one of its pages is the page in the workspace. */
  editsPageOf(editor: Editor): boolean {
    return this.view?.page != null && this.store === editor.pageStore;
  }

  /** Whether the page in the workspace is the edition's, from its file or opened on the server (加入). */
  showsPageOf(editor: Editor): boolean {
    return this.editsPageOf(editor) || (this.view?.page != null && this.joined === editor.pageStore);
  }

  private set(view: EditionView | null): void {
    this.view = view;
    for (const l of this.listeners) l();
  }

  open(opened: OpenedEdition): void {
    // the idle font loader waits until the overview is drawn (overviewDrawn), or at the latest HOLD_MS
    this.overviewDrawn();
    const release = holdIdleFaces();
    const backstop = setTimeout(release, HOLD_MS);
    this.drawing = () => (clearTimeout(backstop), release());
    this.set({ edition: opened.edition, path: opened.path, title: opened.title, page: null });
  }

  /** Releases the idle font loader held by `open`: the overview's first frame is painted (or it is closed). */
  overviewDrawn(): void {
    this.drawing?.();
    this.drawing = null;
  }

  /** Another file was opened (or the user closed the overview): the workspace's page is its own again. */
  close(): void {
    this.overviewDrawn();
    if (this.view) this.set(null);
  }

  openPage(index: number, editor: Editor): void {
    const v = this.view;
    if (!v) return;
    const p = v.edition.pages[index];
    const proof = p.proof === undefined ? {} : { proof: p.proof };
    editor.replaceDocument({ ...pageDocument(v.edition, index), ...proof }, { path: null, title: pageTitle(v, index) });
    this.store = editor.pageStore;
    this.joined = null;
    this.set({ ...v, page: index });
  }

  /**
   * Page `index` was opened from the overview as the server's shared page (CollabDesk.join): the
   * overview gives way to it, and 保存 is not the edition's (the page lives on the server; leaving
   * it keeps the content to save as a copy, as for any joined page).
   */
  openedOnServer(index: number, editor: Editor): void {
    const v = this.view;
    if (!v) return;
    this.store = null;
    this.joined = editor.pageStore;
    this.set({ ...v, page: index });
  }

  /** Back to the overview; refused while the page has unsaved changes (nothing is dropped unasked). */
  backToOverview(editor: Editor): void {
    const v = this.view;
    if (!v) return;
    if (editor.dirty && this.editsPageOf(editor)) return editor.notify({ zh: '本版有未保存的修改，请先保存（Ctrl+S）再回到整期总览', en: 'This page has unsaved changes: save it (Ctrl+S) before going back to the edition overview' });
    this.set({ ...v, page: null });
  }

  /**
   * 改版次 from the overview: the page at `index` in the file takes number `to` (pages sharing a
   * number are told apart by index), and the edition is written to its file at once, atomically.
   */
  async renumber(index: number, to: number, host: HostApi): Promise<void> {
    const v = this.view;
    if (!v || v.page !== null) return;
    if (v.exporting?.state === 'running') return this.tell({ kind: 'error', zh: '正在导出，导出完成后再改版次', en: 'An export is running: renumber when it has finished' });
    if (this.server?.edition()) return this.tell({ kind: 'error', ...ON_SERVER.renumber });
    const from = v.edition.pages[index]?.number;
    const r = renumberPageAt(v.edition, index, to, { duplicateNumbers: 'allow' });
    if (!r.ok) return this.tell({ kind: 'error', zh: r.zh, en: r.en });
    await this.commit(v, r.edition, host, { kind: 'info', zh: `第${from}版已改为第${to}版，转版行随之更新`, en: `Page ${from} is now page ${to}; the jump lines follow` });
  }

  /**
   * 删版 from the overview: asks first, naming each story on the page and what becomes of it (a
   * continued part overset on the page before, a story beginning here back in the pool unplaced);
   * 确定 writes the edition without the page, atomically.
   */
  deletePage(index: number, host: HostApi): void {
    const v = this.view;
    if (!v || v.page !== null) return;
    if (v.exporting?.state === 'running') return this.tell({ kind: 'error', zh: '正在导出，导出完成后再删版', en: 'An export is running: delete the page when it has finished' });
    if (this.server?.edition()) return this.tell({ kind: 'error', ...ON_SERVER.delete });
    const r = deletePage(v.edition, index);
    if (!r.ok) return this.tell({ kind: 'error', zh: r.zh, en: r.en });
    const p = v.edition.pages[index];
    const question = deletionQuestion(v.edition, index, r.stories);
    this.ask({ ...question, run: () => this.commit(v, r.edition, host, { kind: 'info', zh: `已删除第${p.number}版 ${p.name}`, en: `Deleted page ${p.number} ${p.name}` }) });
  }

  /** The edition the page's chains are read from: the watched server's while it holds the edition, else the file's. */
  private chainsEdition(): EditionDocument | undefined {
    return this.server?.edition() ?? this.view?.edition;
  }

  /** Whether the selected block of the edition's page in the workspace is a part of a story continued across pages (移至第N版). */
  partSelected(editor: Editor): boolean {
    const block = editor.getState().selection;
    const edition = this.chainsEdition();
    return block !== null && !!edition && this.showsPageOf(editor) && chainPartOf(edition, block) !== undefined;
  }

  /** 移至第 N 版…: the bar asks for the page, the next one suggested. */
  askMove(editor: Editor): void {
    const v = this.view;
    const block = editor.getState().selection;
    if (!v || v.page === null || !block || !this.partSelected(editor)) return;
    this.set({ ...v, moving: { block, suggested: v.edition.pages[v.page].number + 1 } });
  }

  cancelMove(): void {
    if (this.view?.moving) this.set({ ...this.view, moving: undefined });
  }

  /**
   * The asked-for part moved to page `to` (`movePart`), the page in the workspace (its edits
   * included) written back first; the edition written to its file at once, atomically, and the page
   * opened again without the part. 撤销 then puts the edition back as it was (`undoMove`).
   * While the watched server holds the edition, the server moves it (`moveOnServer`).
   */
  async movePart(editor: Editor, host: HostApi, to: number, sharedPage: string | null = null): Promise<void> {
    const v = this.view;
    if (!v || v.page === null || !v.moving || !this.showsPageOf(editor)) return;
    this.set({ ...v, moving: undefined });
    const shared = this.server?.edition();
    if (shared) return this.moveOnServer(editor, shared, v.moving.block, to, sharedPage);
    // (the page is on a server whose edition this desk does not watch: a move in the file alone would leave the server's page showing the part)
    if (sharedPage !== null) return editor.notify({ zh: '本版在协作服务器上：先在整期总览中连接该服务器（协作服务器），再移至他版', en: 'This page is on a collaboration server: watch that server from the edition overview (协作服务器) before moving a part to another page' }, 'warning');
    if (!this.editsPageOf(editor)) return;
    const written = writePage(v.edition, v.page, savedDocument(editor.pageStore, editor.getState().doc));
    if (!written.ok) return editor.notify({ zh: `未移动：${written.zh}`, en: `Not moved: ${written.en}` });
    // the move's code loads when first used: the page's first paint does not wait for it
    const { movePart } = await import('../../src-core/edition/move-part');
    const r = movePart(written.edition, v.moving.block, to);
    if (!r.ok) return editor.notify({ zh: `未移动：${r.zh}`, en: `Not moved: ${r.en}` }, 'warning');
    if (await this.rewrite(editor, host, v, r.edition, movedNotice(r))) this.lastMove = { before: written.edition, after: r.edition, page: v.page };
  }

  /**
   * 移至第N版 on the edition the watched server holds: the server moves the part (edition-requests.ts
   * `movePart`), writing the pages on the server it changes, so every desk on them sees the block go
   * and arrive and the jump lines follow. Only from the page as the server has it (published or
   * joined, `sharedPage` its id there): a page kept on this desk alone would still show the part.
   * No 撤销 here: the pages are everybody's; moving it back is another move.
   */
  private async moveOnServer(editor: Editor, shared: EditionDocument, block: string, to: number, sharedPage: string | null): Promise<void> {
    // the page as the server's edition has it, found by its id there (not by its place in this desk's file)
    const here = sharedPage === null ? -1 : shared.pages.findIndex((_, i) => editionPageId(shared, i) === sharedPage);
    if (here < 0) {
      return editor.notify({ zh: '这一期在协作服务器上，本版却不在：先发布到服务器（或从整期总览加入本版）再移至他版', en: 'This edition is on a collaboration server but this page is not: publish it (or join it from the edition overview) before moving a part to another page' }, 'warning');
    }
    const found = chainPartOf(shared, block);
    const r = await this.server!.movePart(block, to);
    if (!r.ok) return editor.notify({ zh: `未移动：${r.zh}`, en: `Not moved: ${r.en}` }, 'warning');
    const headline = shared.articles.find((a) => a.id === found?.chain.article)?.headline ?? '';
    editor.notify(movedNotice({ headline, part: (found?.k ?? 0) + 1, from: shared.pages[here].number, to }), 'info');
  }

  /** Whether 撤销 undoes the last 移至第N版: the page it was made from is open, unchanged since. */
  canUndoMove(editor: Editor): boolean {
    const m = this.lastMove;
    return !!m && this.view?.edition === m.after && this.view.page === m.page && this.editsPageOf(editor) && !editor.getState().canUndo;
  }

  /** 撤销 of the last 移至第N版: the edition as it was before, written to its file, the page opened again. */
  async undoMove(editor: Editor, host: HostApi): Promise<void> {
    const m = this.lastMove;
    if (!m || !this.canUndoMove(editor)) return;
    const told = { zh: '已撤销移至他版，转版行随之恢复', en: 'Undid the move to another page; the jump lines follow' };
    if (await this.rewrite(editor, host, this.view!, m.before, told)) this.lastMove = null;
  }

  /** The edition replaced by `next` while page `v.page` is in the workspace: written to its file, then that page opened again. */
  private async rewrite(editor: Editor, host: HostApi, v: EditionView, next: EditionDocument, told: { zh: string; en: string }): Promise<boolean> {
    const r = await host.saveEdition(serializeEdition(next), v.path);
    if (this.view?.path !== v.path || v.page === null) return false;
    if (!r.ok) return (editor.notify({ zh: `未保存：${r.zh}`, en: `Not saved: ${r.en}` }), false);
    this.view = { ...this.view, edition: next };
    this.openPage(v.page, editor);
    editor.notify(told, 'info');
    return true;
  }

  /**
   * 导出整期 PDF: every page's print PDF and the combined one (edition-export.ts). Pages sharing a
   * number are refused (their files would collide); pages with preflight errors (`blocked`, the
   * overview's counts) ask first, and 确定 exports them anyway. `proof`: 校样 PDFs instead (edition-export.ts).
   */
  async exportAll(host: HostApi, blocked: number[], { force = false, proof = false }: { force?: boolean; proof?: boolean } = {}): Promise<void> {
    const v = this.view;
    if (!v || v.page !== null || v.exporting?.state === 'running') return;
    const numbers = v.edition.pages.map((p) => p.number);
    if (new Set(numbers).size !== numbers.length) return this.tell({ kind: 'error', zh: '版次重复，先改版次再导出（文件名会相同）', en: 'Pages share a number: renumber them before exporting (their files would have the same name)' });
    if (blocked.length && !force) {
      const named = namePages(blocked);
      const en = `${named.en[0].toUpperCase()}${named.en.slice(1)} ${named.plural ? 'have' : 'has'} preflight errors. Export the edition PDF anyway?`;
      return this.ask({ zh: `${named.zh}有印前错误。仍要导出整期 PDF 吗？`, en, run: () => this.exportAll(host, blocked, { force: true, proof }) });
    }
    this.cancelRequested = false;
    const end = await exportEdition(v.edition, v.path, {
      host,
      force,
      proof,
      cancelled: () => this.cancelRequested,
      progress: (exporting) => this.view?.edition === v.edition && this.set({ ...this.view, exporting, notice: undefined }),
    });
    // another file opened meanwhile: its view is not this export's to report on
    const now = this.view;
    if (!now || now.edition !== v.edition) return;
    const exporting = now.exporting && { ...now.exporting, state: end.state };
    if (end.state === 'failed') return this.set({ ...now, exporting, notice: { kind: 'error', zh: `导出未完成：${end.zh}`, en: `The export did not finish: ${end.en}` } });
    if (end.state === 'cancelled') return this.set({ ...now, exporting, notice: { kind: 'info', zh: '已取消导出，已写入的文件保留', en: 'Export cancelled; the files written so far are kept' } });
    this.set({ ...now, exporting, notice: { kind: 'info', zh: `已导出整期 PDF 到 ${exporting?.folder}`, en: `Exported the edition's PDFs to ${exporting?.folder}` } });
  }

  /** 取消 of the running export: it stops before its next file. */
  cancelExport(): void {
    this.cancelRequested = true;
  }

  private ask(confirm: EditionConfirm): void {
    if (this.view) this.set({ ...this.view, confirm });
  }

  /** The overview's question answered: 确定 runs its action, 取消 only closes it. */
  async answer(yes: boolean): Promise<void> {
    const confirm = this.view?.confirm;
    if (!confirm || !this.view) return;
    this.set({ ...this.view, confirm: undefined });
    if (yes) await confirm.run();
  }

  /** The overview's message, on the edition as it is now. */
  private tell(notice: EditionNotice): void {
    if (this.view) this.set({ ...this.view, notice });
  }

  /** An edition changed from the overview: written to its file (atomically, by the host), then shown; on failure nothing changes. */
  private async commit(v: EditionView, next: EditionDocument, host: HostApi, done: EditionNotice): Promise<void> {
    const r = await host.saveEdition(serializeEdition(next), v.path);
    // the session may have moved on while the host wrote (another file opened): leave that be
    if (this.view?.edition !== v.edition) return;
    if (!r.ok) return this.tell({ kind: 'error', zh: `未保存：${r.zh}`, en: `Not saved: ${r.en}` });
    this.set({ ...this.view, edition: next, notice: done });
  }

  /**
   * 保存整期 while the edition is on a collaboration server: the server folds every page it holds
   * in from that page's own documents (whichever desk edits it) and answers with the whole edition,
   * which is written to this desk's file, atomically. Never this desk's old copy of another's page.
   */
  async saveFromServer(client: Pick<EditionClient, 'save'>, host: HostApi): Promise<void> {
    const v = this.view;
    if (!v) return;
    const r = editionOfReply(await client.save());
    if (!r.ok) return this.tell({ kind: 'error', zh: `未保存：${r.zh}`, en: `Not saved: ${r.en}` });
    const saved = await host.saveEdition(serializeEdition(r.edition), v.path);
    if (this.view?.path !== v.path) return;
    if (!saved.ok) return this.tell({ kind: 'error', zh: `未保存：${saved.zh}`, en: `Not saved: ${saved.en}` });
    this.set({ ...this.view, edition: r.edition, notice: { kind: 'info', zh: '已按服务器上的各版保存整期', en: "Saved the edition from the server's pages" } });
  }

  /**
   * 保存 of a page of the edition: the page written back, the edition written to its file. While the
   * edition is on a collaboration server (`connectServer`), the page is written over the server's whole
   * edition (every page on the server as its own documents hold it now), so the file never keeps
   * this desk's old copy of another desk's page.
   */
  async save(editor: Editor, host: HostApi): Promise<void> {
    const v = this.view;
    if (!v || v.page === null || !this.editsPageOf(editor)) return;
    const revision = editor.getState().revision;
    const base = await this.serverEdition();
    if (!base.ok) return editor.notify({ zh: `未保存：${base.zh}`, en: `Not saved: ${base.en}` });
    const written = writePage(base.edition ?? v.edition, v.page, savedDocument(editor.pageStore, editor.getState().doc));
    if (!written.ok) return editor.notify({ zh: `未保存：${written.zh}`, en: `Not saved: ${written.en}` });
    const r = await host.saveEdition(serializeEdition(written.edition), v.path);
    if (!r.ok) return editor.notify({ zh: r.zh, en: r.en });
    // the session may have moved on while the host wrote (another file opened): keep what it shows now
    if (this.view?.edition === v.edition) this.set({ ...this.view, edition: written.edition });
    editor.markSaved(null, pageTitle(v, v.page), revision);
    editor.notify({ zh: `已保存 ${v.title} 第${v.edition.pages[v.page].number}版`, en: `Saved page ${v.edition.pages[v.page].number} of ${v.title}` }, 'info');
  }

  /** The server's edition watched by the overview (see `connectServer`), or nothing to take from a server. */
  private server: Pick<EditionClient, 'save' | 'edition' | 'movePart'> | null = null;

  /** The overview's connection to the edition on a server (null: none), for 保存 to start from and 移至第N版 to ask. */
  connectServer(client: Pick<EditionClient, 'save' | 'edition' | 'movePart'> | null): void {
    this.server = client;
  }

  /** The whole edition as the server has it now, when the edition is on the watched server (else `edition` absent). */
  private async serverEdition(): Promise<{ ok: true; edition?: EditionDocument } | { ok: false; zh: string; en: string }> {
    return this.server?.edition() ? editionOfReply(await this.server.save()) : { ok: true };
  }
}

/**
 * 改版次 and 删版 while the watched server holds the edition: refused (choice). The server knows each
 * page by its paper, day and 版次 (`editionPageId`), and the desks on it by that id, so a page
 * renumbered or deleted in this desk's file alone would leave the server's edition and every other
 * desk on the old numbers, and the next 保存 would fold them back.
 */
const ON_SERVER = {
  renumber: { zh: '这一期在协作服务器上，各版按版次认领：改版次暂只能在不在服务器上的整期文件上做', en: 'This edition is on a collaboration server, which knows its pages by their numbers: renumber pages only on an edition file that is not on a server, for now' },
  delete: { zh: '这一期在协作服务器上，各版按版次认领：删版暂只能在不在服务器上的整期文件上做', en: 'This edition is on a collaboration server, which knows its pages by their numbers: delete pages only on an edition file that is not on a server, for now' },
};

/** What 移至第N版 tells when the part has moved. */
function movedNotice(m: { headline: string; part: number; from: number; to: number }): { zh: string; en: string } {
  return { zh: `《${m.headline}》第${m.part}部分已从第${m.from}版移至第${m.to}版，转版行随之更新`, en: `Part ${m.part} of “${m.headline}” moved from page ${m.from} to page ${m.to}; the jump lines follow` };
}

/** The edition a server's save answered with, checked as a file is. */
function editionOfReply(r: EditionResult): { ok: true; edition: EditionDocument } | { ok: false; zh: string; en: string } {
  if (!r.ok) return r;
  const parsed = parseEdition(r.edition ?? '', { duplicateNumbers: 'allow' });
  return parsed.ok ? { ok: true, edition: parsed.edition } : { ok: false, zh: `服务器给出的整期无效：${parsed.zh}`, en: `The server's edition is not valid: ${parsed.en}` };
}

function pageTitle(v: EditionView, index: number): string {
  const p = v.edition.pages[index];
  return `${v.title} · 第${p.number}版 ${p.name}`;
}
