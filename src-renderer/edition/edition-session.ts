import type { EditionDocument } from '../../src-core/edition/edition';
import { serializeEdition } from '../../src-core/edition/edition-file';
import { pageDocument } from '../../src-core/edition/page-doc';
import { writePage } from '../../src-core/edition/page-write';
import { renumberPageAt } from '../../src-core/edition/renumber';
import type { HostApi, OpenedEdition } from '../../src-core/host-api';
import { savedDocument } from '../../src-core/store/persist';
import type { PageStore } from '../../src-core/store/page-store';
import type { Editor } from '../editor/editor';

/** The edition the app has open: its overview, or one of its pages in the workspace (by index in the file). */
export interface EditionView {
  edition: EditionDocument;
  path: string;
  title: string;
  page: number | null;
  /** What the overview's last action told (renumbered, refused, exported …), shown in the overview. */
  notice?: EditionNotice;
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
export class EditionSession {
  private view: EditionView | null = null;
  /** The store the edition's page opened in: any other page in the workspace (新建, 恢复, a joined page) is not the edition's. */
  private store: PageStore | null = null;
  private listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly current = (): EditionView | null => this.view;

  /** Whether 保存 belongs to the edition: one of its pages is the page in the workspace. */
  editsPageOf(editor: Editor): boolean {
    return this.view?.page != null && this.store === editor.pageStore;
  }

  private set(view: EditionView | null): void {
    this.view = view;
    for (const l of this.listeners) l();
  }

  open(opened: OpenedEdition): void {
    this.set({ edition: opened.edition, path: opened.path, title: opened.title, page: null });
  }

  /** Another file was opened (or the user closed the overview): the workspace's page is its own again. */
  close(): void {
    if (this.view) this.set(null);
  }

  openPage(index: number, editor: Editor): void {
    const v = this.view;
    if (!v) return;
    const p = v.edition.pages[index];
    const proof = p.proof === undefined ? {} : { proof: p.proof };
    editor.replaceDocument({ ...pageDocument(v.edition, index), ...proof }, { path: null, title: pageTitle(v, index) });
    this.store = editor.pageStore;
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
    const from = v.edition.pages[index]?.number;
    const r = renumberPageAt(v.edition, index, to, { duplicateNumbers: 'allow' });
    if (!r.ok) return this.tell({ kind: 'error', zh: r.zh, en: r.en });
    await this.commit(v, r.edition, host, { kind: 'info', zh: `第${from}版已改为第${to}版，转版行随之更新`, en: `Page ${from} is now page ${to}; the jump lines follow` });
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

  /** 保存 of a page of the edition: the page written back, the edition written to its file. */
  async save(editor: Editor, host: HostApi): Promise<void> {
    const v = this.view;
    if (!v || v.page === null || !this.editsPageOf(editor)) return;
    const revision = editor.getState().revision;
    const written = writePage(v.edition, v.page, savedDocument(editor.pageStore, editor.getState().doc));
    if (!written.ok) return editor.notify({ zh: `未保存：${written.zh}`, en: `Not saved: ${written.en}` });
    const r = await host.saveEdition(serializeEdition(written.edition), v.path);
    if (!r.ok) return editor.notify({ zh: r.zh, en: r.en });
    // the session may have moved on while the host wrote (another file opened): keep what it shows now
    if (this.view?.edition === v.edition) this.set({ ...this.view, edition: written.edition });
    editor.markSaved(null, pageTitle(v, v.page), revision);
    editor.notify({ zh: `已保存 ${v.title} 第${v.edition.pages[v.page].number}版`, en: `Saved page ${v.edition.pages[v.page].number} of ${v.title}` }, 'info');
  }
}

function pageTitle(v: EditionView, index: number): string {
  const p = v.edition.pages[index];
  return `${v.title} · 第${p.number}版 ${p.name}`;
}
