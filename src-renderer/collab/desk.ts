import * as Y from 'yjs';
import type { HostApi, ShareRequest, SharedPageInfo } from '../../src-core/host-api';
import type { Invitation } from '../../src-core/collab/invitation';
import { docsOfDeskBackup, mergeDeskBackup, mergeOffers, type DeskBackup, type DeskBackupSummary, type MergeOffer } from '../../src-core/collab/desk-backup';
import { BackupWriter } from './backup-writer';
import type { Localized } from '../../src-core/collab/protocol';
import { DIRECTORY_ERRORS, derivePageId, freshPageId, pageLabel } from '../../src-core/collab/directory';
import { listPages, type Fetch } from './session/directory-client';
import { CollabSession, type CollabStatus, type CollabUser, type Departure, type Peer } from './session/session';
import { PageStore } from '../../src-core/store/page-store';
import type { Editor } from '../editor/editor';
import type { ProofSession } from '../proof/session';

/**
 * This desk's part in a shared page, outside React like the Editor: sharing the page it has
 * (文件 → 共享此版面: the host starts the server, this desk connects its own PageStore, which seeds
 * the empty server page), joining one (文件 → 加入共享版面: a PageStore over empty documents the
 * server fills, then the Editor works on that store: one code path for one desk and two), the
 * connection state, and who else is on the page.
 */

export type CollabMode = 'local' | 'sharing' | 'joined';

export interface CollabUiState {
  mode: CollabMode;
  /** The share this desk started (addresses, invitations), while sharing. */
  share: SharedPageInfo | null;
  pageId: string | null;
  status: CollabStatus | null;
  /** host:port of the server the page lives on while shared or joined (a joined page has nothing to save). */
  serverAddress: string | null;
  peers: Peer[];
  dialog: 'share' | 'join' | 'publish' | 'unsynced' | null;
  /** A share or join in progress. */
  busy: boolean;
  /** Why the last share or join failed, shown in its dialog. */
  error: Localized | null;
  /** Backups of other pages holding edits no server acknowledged, newest first (文件 → 恢复未同步的修改 lists them). */
  unsynced: DeskBackupSummary[];
  /** Backups of other page ids whose edits belong on the shared page and are not on it yet (the first is asked about). */
  mergeOffers: MergeOffer[];
}

type Listener = () => void;

const LOCAL: Pick<CollabUiState, 'mode' | 'share' | 'pageId' | 'status' | 'peers' | 'serverAddress' | 'mergeOffers'> = { mode: 'local', share: null, pageId: null, status: null, peers: [], serverAddress: null, mergeOffers: [] };

/** host:port of a ws:// or wss:// address, as the status line names it. */
function addressOf(url: string): string {
  return url.replace(/^wss?:\/\//, '').replace(/\/.*$/, '');
}

const ALREADY_ON_A_PAGE: Localized = { zh: '已在共享版面上；请先离开或停止共享', en: 'Already on a shared page: leave or stop sharing first' };

const fetchDirectory: Fetch = (url, init) => fetch(url, init);

/** The 组版's own name, as the share was started with (its token names it; the invitations name the others). */
const deskNameOf = (info: SharedPageInfo): string => info.deskName ?? '组版';

/** How long a desk waits for the server to send or take the whole page before giving up. */
const SYNC_TIMEOUT_MS = 20_000;

export class CollabDesk {
  private state: CollabUiState = { ...LOCAL, dialog: null, busy: false, error: null, unsynced: [], mergeOffers: [] };
  private readonly listeners = new Set<Listener>();
  private session: CollabSession | null = null;
  private sharedStore: PageStore | null = null;
  private unsubscribeSession: (() => void) | null = null;
  private backup: BackupWriter | null = null;

  constructor(
    readonly editor: Editor,
    readonly proof: ProofSession,
    readonly host: HostApi,
  ) {
    editor.subscribe(() => this.editorChanged());
  }

  readonly subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  readonly getState = (): CollabUiState => this.state;

  private set(patch: Partial<CollabUiState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  openDialog(dialog: CollabUiState['dialog']): void {
    this.set({ dialog, error: null });
  }

  /** The provider of an article document, for the story editor's remote carets. */
  provider(articleId: string) {
    return this.session?.provider(articleId);
  }

  // ---- sharing the page this desk has

  async share(request: Omit<ShareRequest, 'deskName'> & { deskName: string }): Promise<boolean> {
    if (this.session) return this.fail(ALREADY_ON_A_PAGE);
    this.set({ busy: true, error: null });
    const started = await this.host.shareStart(request);
    if (!started.ok) return this.fail(started);
    const info = started.value;
    const store = this.editor.pageStore;
    const session = this.connect({ url: info.deskUrl, token: info.deskToken, pageId: info.pageId, user: { name: request.deskName, role: '组版' }, store });
    try {
      await this.synced(session);
    } catch {
      this.disconnect();
      await this.host.shareStop();
      return this.fail(session.status().error ?? { zh: '无法把版面传到共享服务器', en: 'Could not send the page to the sharing server' });
    }
    this.proof.setIdentity({ role: '组版', name: request.deskName }, false);
    this.set({ mode: 'sharing', share: info, pageId: info.pageId, busy: false, serverAddress: addressOf(info.deskUrl) });
    this.editor.notify({ zh: '版面已共享：把邀请交给校对', en: 'The page is shared: give the invitation to the proofreader' }, 'info');
    await this.offerMerges(info.pageId, store);
    return true;
  }

  // ---- publishing the page this desk has to a newsroom server (文件 → 发布到服务器)

  /**
   * The page goes to the server under an id derived from its paper, date and page number, named by
   * them; this desk's own store seeds it, as when sharing. The token must be a 组版's or 值班编辑's
   * (a 校对 may not write the layout), and the page must not be there already (that one is joined).
   */
  async publish(server: string, token: string): Promise<boolean> {
    if (this.session) return this.fail(ALREADY_ON_A_PAGE);
    this.set({ busy: true, error: null });
    const listed = await listPages(server, token, fetchDirectory);
    if (!listed.ok) return this.fail(listed);
    const { person, pages } = listed.value;
    if (person.role === '校对') return this.fail({ zh: `${person.name} 的令牌是校对的，不能发布版面：请用组版或值班编辑的令牌`, en: `${person.name}'s token is a proofreader's and cannot publish a page: use a layout or duty editor's token` });
    const store = this.editor.pageStore;
    const header = store.snapshot().page.header;
    const pageId = derivePageId(header, freshPageId);
    const there = pages.find((p) => p.id === pageId);
    if (there) return this.fail({ zh: `服务器上已有「${pageLabel(there)}」：请用“加入共享版面”打开它`, en: `The server already has "${pageLabel(there)}": open it with Join a shared page` });
    const session = this.connect({ url: server.trim().replace(/\/+$/, ''), token: token.trim(), pageId, user: person, store });
    try {
      await this.synced(session);
    } catch {
      this.disconnect();
      return this.fail(session.status().error ?? { zh: '无法把版面传到服务器', en: 'Could not send the page to the server' });
    }
    this.proof.setIdentity({ role: person.role, name: person.name }, false);
    this.set({ mode: 'joined', pageId, busy: false, dialog: null });
    const label = pageLabel({ paper: header.paperName, date: header.date, pageNumber: header.pageNumber });
    this.editor.notify({ zh: `已发布到服务器：${label}`, en: `Published to the server: ${label}` }, 'info');
    return true;
  }

  // ---- joining a page another desk shares

  async join(invitation: Invitation, title = `共享版面 ${invitation.pageId}`): Promise<boolean> {
    if (this.session) return this.fail(ALREADY_ON_A_PAGE);
    this.set({ busy: true, error: null });
    if (invitation.fingerprint) {
      const trusted = await this.host.shareTrust(invitation.fingerprint);
      if (!trusted.ok) return this.fail(trusted);
    }
    // Empty documents the server fills: building them from a snapshot would double the page.
    const store = new PageStore({ layoutDoc: new Y.Doc() });
    // What this desk did on the same page before (it crashed, or left with edits unsynced) merges in.
    const kept = await this.keptBackup(invitation.pageId);
    if (kept) mergeDeskBackup(kept, store);
    const session = this.connect({ url: invitation.server, token: invitation.token, pageId: invitation.pageId, store });
    const who = await this.identify(session);
    if (!who.ok) {
      this.disconnect();
      return this.fail(who);
    }
    try {
      await this.synced(session);
    } catch {
      this.disconnect();
      return this.fail(session.status().error ?? { zh: '没有收到完整的版面，请检查网络后重试', en: 'The page did not arrive completely: check the network and try again' });
    }
    if (store.articleIds().length === 0 && store.snapshot().page.format === undefined) {
      this.disconnect();
      return this.fail(DIRECTORY_ERRORS.noSuchPage);
    }
    this.editor.replaceStore(store, { path: null, title });
    this.proof.setIdentity({ role: who.role, name: who.name }, false);
    this.set({ mode: 'joined', pageId: invitation.pageId, busy: false, dialog: null, serverAddress: addressOf(invitation.server) });
    this.editor.notify({ zh: `已加入共享版面（${who.role} ${who.name}）`, en: `Joined the shared page as ${who.name} (${who.role})` }, 'info');
    await this.offerMerges(invitation.pageId, store);
    return true;
  }

  /** The server names the person: the token decides the role, not the invitation. */
  private async identify(session: CollabSession): Promise<({ ok: true } & CollabUser) | ({ ok: false } & Localized)> {
    const deadline = Date.now() + SYNC_TIMEOUT_MS;
    for (;;) {
      const status = session.status();
      if (status.error) return { ok: false, ...status.error };
      if (status.connection === 'online') {
        const r = await session.identify();
        // Refused documents answer nothing useful; the denial reason is the better message.
        if (r.ok || session.status().error === undefined) return r.ok ? r : { ok: false, zh: r.zh, en: r.en };
        return { ok: false, ...session.status().error! };
      }
      if (Date.now() > deadline) return { ok: false, zh: '连接不上共享服务器：请检查地址和网络', en: 'Cannot reach the sharing server: check the address and the network' };
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  // ---- after a crash

  /**
   * On start: a share this desk's host resumed (it was killed while sharing) is joined again as
   * 组版, from this desk's backup of the page when there is one (its edits merge), else from the
   * server. Then the backups of other pages with unsynced edits are offered.
   */
  async resumeShare(): Promise<void> {
    const status = await this.host.shareStatus();
    const info = status.ok ? status.value : null;
    if (info && !this.session) {
      const kept = await this.keptBackup(info.pageId);
      const store = new PageStore(kept ? docsOfDeskBackup(kept) : { layoutDoc: new Y.Doc() });
      this.connect({ url: info.deskUrl, token: info.deskToken, pageId: info.pageId, user: { name: deskNameOf(info), role: '组版' }, store });
      this.editor.replaceStore(store, { path: null, title: `共享版面 ${info.pageId}` });
      this.proof.setIdentity({ role: '组版', name: deskNameOf(info) }, false);
      this.set({ mode: 'sharing', share: info, pageId: info.pageId });
      this.editor.notify({ zh: `共享已恢复（${info.pageId}），其他人会自动重新连接`, en: `The share is back (${info.pageId}); the others reconnect by themselves` }, 'info');
    }
    await this.offerUnsynced();
  }

  /** Backups of other pages holding edits no server acknowledged: said, never dropped (文件 → 恢复未同步的修改 lists them). */
  async offerUnsynced(): Promise<void> {
    const others = await this.listUnsynced();
    if (others.length === 0) return;
    const names = others.map((b) => `${b.pageId}（${b.pending}）`).join('、');
    this.editor.notify({ zh: `有未同步的修改：${names}。文件 → 恢复未同步的修改 可打开它们`, en: `Unsynced edits are kept for ${others.map((b) => b.pageId).join(', ')}: File → Recover unsynced edits opens them` }, 'info');
  }

  private async listUnsynced(): Promise<DeskBackupSummary[]> {
    const list = await this.host.deskBackupList();
    const others = list.ok ? list.value.filter((b) => b.pending > 0 && b.pageId !== this.state.pageId) : this.state.unsynced;
    this.set({ unsynced: others });
    return others;
  }

  /** 文件 → 恢复未同步的修改: every kept backup with unsynced edits, to open or (asked first) discard. */
  async openUnsynced(): Promise<void> {
    await this.listUnsynced();
    this.openDialog('unsynced');
  }

  /** Opens a backup as a page of this desk (to compare, copy or save); the backup stays until discarded. */
  async openBackup(pageId: string): Promise<void> {
    if (this.session) return;
    const kept = await this.keptBackup(pageId);
    if (!kept) return;
    this.editor.replaceStore(new PageStore(docsOfDeskBackup(kept)), { path: null, title: `未同步的修改 ${pageId} ${localTime(kept.savedAt)}` });
    this.set({ dialog: null });
  }

  /** Drops a backup the person chose to discard (the dialog asked first). */
  async discardBackup(pageId: string): Promise<void> {
    const r = await this.host.deskBackupDiscard(pageId);
    if (!r.ok) return this.editor.notify(r);
    this.editor.notify({ zh: `已删除 ${pageId} 的未同步修改`, en: `The unsynced edits of ${pageId} were discarded` }, 'info');
    await this.listUnsynced();
  }

  // ---- a page that came back under another id (shared again, or joined through a new share)

  /**
   * Backups of other page ids that grew from the same documents as the page now shared: their edits
   * the page lacks are offered for merging (合并 / 另开); one whose edits the server already has goes.
   */
  private async offerMerges(pageId: string, store: PageStore): Promise<void> {
    const kept: DeskBackup[] = [];
    for (const b of await this.listUnsynced()) {
      const backup = await this.keptBackup(b.pageId);
      if (backup) kept.push(backup);
    }
    const { offers, inStep } = mergeOffers(kept, pageId, store);
    for (const old of inStep) {
      const r = await this.host.deskBackupDiscard(old);
      if (r.ok) this.editor.notify({ zh: `原共享 ${old} 的未同步修改都已在此版面上，备份已删除`, en: `Every unsynced edit kept from ${old} is on this page already; its backup was removed` }, 'info');
    }
    this.set({ mergeOffers: offers, unsynced: this.state.unsynced.filter((b) => !inStep.includes(b.pageId)) });
  }

  /** 合并: the backup's states go into the shared page (Yjs skips what it has) and on to the server; the backup goes once the server has them. */
  async mergeOffered(pageId: string): Promise<void> {
    const session = this.session;
    const store = this.sharedStore;
    const offer = this.state.mergeOffers.find((o) => o.pageId === pageId);
    const kept = offer && session && store ? await this.keptBackup(pageId) : null;
    if (!kept || !offer || !session || !store) return;
    mergeDeskBackup(kept, store);
    this.set({ mergeOffers: this.state.mergeOffers.filter((o) => o !== offer) });
    this.editor.notify({ zh: `已合并 ${offer.edits} 处修改（原共享 ${pageId}），正在同步`, en: `Merged ${offer.edits} edits kept from ${pageId}; syncing` }, 'info');
    if (!(await this.whenAcknowledged(session))) return;
    const r = await this.host.deskBackupDiscard(pageId);
    if (!r.ok) return this.editor.notify(r);
    this.set({ unsynced: this.state.unsynced.filter((b) => b.pageId !== pageId) });
    this.editor.notify({ zh: `原共享 ${pageId} 的修改已同步到服务器，备份已删除`, en: `The edits kept from ${pageId} reached the server; their backup was removed` }, 'info');
  }

  /** 另开: the backup stays as it is, listed under 文件 → 恢复未同步的修改 (opened there after leaving the share). */
  keepOffered(pageId: string): void {
    this.set({ mergeOffers: this.state.mergeOffers.filter((o) => o.pageId !== pageId) });
    this.editor.notify({ zh: `原共享 ${pageId} 的修改保留在本机：离开共享后可在 文件 → 恢复未同步的修改 中另开`, en: `The edits kept from ${pageId} stay on this desk: after leaving, File → Recover unsynced edits opens them` }, 'info');
  }

  private async keptBackup(pageId: string): Promise<DeskBackup | null> {
    const r = await this.host.deskBackupRead(pageId);
    if (!r.ok) this.editor.notify(r);
    return r.ok ? r.value : null;
  }

  // ---- leaving

  /** Stops sharing (the server closes, the invitations stop working) or leaves the joined page. */
  async leave(): Promise<void> {
    const wasSharing = this.state.mode === 'sharing';
    this.session?.announceLeaving(wasSharing ? 'stopped' : 'left');
    const pageId = this.state.pageId;
    // Edits the server never took stay on disk and are offered; a page in step needs no copy.
    const pending = (await this.backup?.stop()) ?? 0;
    this.disconnect();
    if (pageId && pending === 0) await this.host.deskBackupDiscard(pageId);
    if (wasSharing) {
      const stopped = await this.host.shareStop();
      if (!stopped.ok) this.editor.notify(stopped);
    }
    this.set({ ...LOCAL, dialog: null });
    // Backups kept (another page's, or this one's with edits the server never took) are listed again.
    await this.listUnsynced();
    // The page stays as it was, on this desk only (save a copy to keep it).
    this.editor.notify(wasSharing ? { zh: '已停止共享；版面留在本机', en: 'Sharing stopped; the page stays on this desk' } : { zh: '已离开共享版面；版面内容留在本机，可另存一份', en: 'Left the shared page; its content stays here and can be saved as a copy' }, 'info');
  }

  // ---- internals

  private connect(options: { url: string; token: string; pageId: string; user?: CollabUser; store: PageStore }): CollabSession {
    const { store } = options;
    const session = new CollabSession({ url: options.url, token: options.token, pageId: options.pageId, user: options.user, docs: store, createArticleDoc: store.createArticleDoc });
    this.session = session;
    this.sharedStore = store;
    this.backup = new BackupWriter(this.host, options.pageId, options.url, store, session);
    this.proof.setServerRounds({
      // A proofreader's first mark made offline opens the round once the server is back.
      startRound: () => this.whenOnline(session).then(() => session.startRound()),
      finishRound: () => session.finishRound(),
      signOff: () => session.signOff(),
      reopen: (reason) => session.reopen(reason),
    });
    const update = (): void => this.set({ status: session.status(), peers: session.presence() });
    const unsubscribe = session.subscribe(update);
    const untell = session.onDeparture((peer, why) => this.editor.notify(departureNotice(peer.name, why), 'info'));
    this.unsubscribeSession = () => (unsubscribe(), untell());
    update();
    return session;
  }

  private disconnect(): void {
    this.unsubscribeSession?.();
    this.unsubscribeSession = null;
    this.session?.destroy();
    this.session = null;
    this.backup = null;
    this.sharedStore = null;
    this.proof.setServerRounds(null);
  }

  /** Waits until the page is in step with the server; a refusal (bad token, a rule broken) ends it at once. */
  private synced(session: CollabSession): Promise<void> {
    return new Promise((resolve, reject) => {
      const refused = (): boolean => {
        if (!session.status().error) return false;
        reject(new Error(session.status().error!.en));
        return true;
      };
      const unsubscribe = session.subscribe(() => void refused());
      session.whenSynced(SYNC_TIMEOUT_MS).then(resolve, reject).finally(unsubscribe);
      refused();
    });
  }

  /** Resolves when the session is online (at once if it is), or when it is given up. */
  private whenOnline(session: CollabSession): Promise<void> {
    return new Promise((resolve) => {
      const check = (): boolean => {
        if (session.status().connection !== 'online' && this.session === session) return false;
        stop();
        resolve();
        return true;
      };
      const unsubscribe = session.subscribe(() => void check());
      const stop = (): void => unsubscribe();
      check();
    });
  }

  /** Resolves true once the server has everything of this session, false if the session ended first. */
  private whenAcknowledged(session: CollabSession): Promise<boolean> {
    return new Promise((resolve) => {
      const check = (): void => {
        const done = this.session !== session ? false : session.status().synced ? true : undefined;
        if (done === undefined) return;
        unsubscribe();
        resolve(done);
      };
      const unsubscribe = session.subscribe(check);
      // the merge's changes may already be acknowledged before the subscription
      queueMicrotask(check);
    });
  }

  private fail(reason: Localized): false {
    this.set({ busy: false, error: { zh: reason.zh, en: reason.en } });
    return false;
  }

  private lastEditing: string | null | undefined;

  /** Tells the others which article this desk is in; stops sharing when another page is opened. */
  private editorChanged(): void {
    if (!this.session) return;
    if (this.sharedStore && this.editor.pageStore !== this.sharedStore && this.state.mode !== 'local') {
      void this.leave();
      return;
    }
    const editing = this.editor.getState().editing;
    if (editing !== this.lastEditing) {
      this.lastEditing = editing;
      this.session.setActiveArticle(editing);
    }
  }
}

/** A backup's time as the person reads it (local time, to the minute). */
export function localTime(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** What the others are told when a person goes: a share stopped on purpose is not a fault. */
export function departureNotice(name: string, why: Departure): Localized {
  if (why === 'stopped') return { zh: `${name} 已停止共享；版面留在本机，可另存一份`, en: `${name} stopped sharing; the page stays on this desk and can be saved as a copy` };
  if (why === 'left') return { zh: `${name} 已离开共享版面`, en: `${name} left the shared page` };
  return { zh: `${name} 离线`, en: `${name} went offline` };
}
