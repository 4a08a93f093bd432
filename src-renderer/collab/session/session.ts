import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { ProofResult } from '../../../src-core/model/proof';
import { isSignedOff, watchPage } from '../../../src-core/store/readers';
import { articleDocName, isValidArticleId, layoutDocName, unshareableArticle } from '../../../src-core/collab/names';
import { keepAuthorship } from '../../../src-core/proof/authorship';
import { DENIAL, REQUEST_TYPE, describeDenial, newRequestId, parseReply, type Localized, type PageRequest, type TokenPerson } from '../../../src-core/collab/protocol';
import { ROLE_COLOURS, type Role } from '../../../src-core/collab/roles';
import { EditCount } from './edit-count';
import { CONNECTION_TIMING } from '../../../src-core/collab/timing';
import { Heartbeat, systemClock, type Clock } from './heartbeat';
import { syncStatusOf } from '../../../src-core/collab/wire';
import type { SharedPageDocs } from '../../../src-core/collab/shared-docs';

/**
 * Connects a page's Yjs documents to the collaboration server: one HocuspocusProvider per document
 * over one shared WebSocket, token authentication, online/offline and pending-change counts,
 * presence (who is on the page, in which article, their cursor) and the requests the server runs
 * (sign-off, reopening, proof rounds, who the token names).
 * The UI binds `status()`, `presence()`, `subscribe()`; the story editor takes `provider(articleId)`
 * for tiptap's CollaborationCaret.
 *
 * Network code, so it lives on the renderer side, not in the pure engine; it touches no DOM: the
 * WebSocket class is injected (Node has none built in before v22; the app passes the browser's), so
 * the Node tests and benches run it too.
 */

export interface CollabUser {
  name: string;
  role: Role;
}

export interface CollabOptions {
  /** ws:// on loopback, wss:// beyond it. */
  url: string;
  token: string;
  pageId: string;
  /** Who is at this desk; absent when joining with a bare token: `identify()` asks the server. */
  user?: CollabUser;
  docs: SharedPageDocs;
  /** Gives a document for an article another desk added while connected (else it is not followed). */
  createArticleDoc?: (articleId: string) => Y.Doc | undefined;
  /** A WebSocket constructor (the browser's, or `ws` in Node). Defaults to the global one. */
  WebSocket?: unknown;
  /** First reconnection delay in ms (doubles up to CONNECTION_TIMING.reconnect.maxDelay). */
  reconnectDelay?: number;
  /** Time for the heartbeat and the edit count (tests drive it by hand). */
  clock?: Clock;
  /** How long `signOff`/`reopen` wait for the server's answer (ms). */
  requestTimeout?: number;
}

export type ConnectionState = 'connecting' | 'online' | 'offline';

export interface CollabStatus {
  connection: ConnectionState;
  /** Local changes (Yjs updates) sent or waiting to be sent that the server has not yet acknowledged. */
  pending: number;
  /** The same as edits (one undo step each, see edit-count.ts): what the person is told waits. */
  pendingEdits: number;
  /** Offline, and trying to reconnect (backoff capped at CONNECTION_TIMING.reconnect.maxDelay). */
  reconnecting: boolean;
  /** The page's share was stopped by this person (their desk said so before it left): not a fault, not retried. */
  endedBy?: string;
  /** Local changes the server refused (read-only layout for 校对, or the page is signed). */
  refused: number;
  /** Every document has synced with the server since the last connection, nothing is pending. */
  synced: boolean;
  /** The page is signed for print (签字付印): nobody can change it until a 值班编辑 reopens it. */
  signedOff: boolean;
  /** This desk may not change the layout (校对, or signed). The UI disables moves and settings. */
  layoutReadOnly: boolean;
  /** Why the server turned the connection away, if it did (bad token, no grant…). */
  error?: Localized;
}

export interface Peer {
  /** The Yjs client id of the peer's layout document connection. */
  clientId: number;
  name: string;
  role: Role;
  colour: string;
  /** The article the peer is editing, if any. */
  articleId?: string;
  /** Their selection in that article, as y-prosemirror writes it (relative positions), if any. */
  cursor?: { anchor: unknown; head: unknown };
  self: boolean;
  /** A person no longer on the page, shown greyed for PEER_GONE_SHOWN_MS: lost (离线), left, or stopped the share. */
  gone?: Departure;
}

/** Why a person is no longer on the page: their desk says 'left'/'stopped' before it goes; silence is 'offline'. */
export type Departure = 'offline' | 'left' | 'stopped';

/** How long a person who went stays in the presence list, greyed. */
export const PEER_GONE_SHOWN_MS = 60_000;

interface PresenceState {
  user?: { name: string; role: Role; color: string };
  articleId?: string | null;
  cursor?: { anchor: unknown; head: unknown } | null;
  leaving?: 'left' | 'stopped';
}

type Listener = () => void;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const TOKEN_GONE: ReadonlySet<string> = new Set([DENIAL.badToken, DENIAL.tooManyAttempts, DENIAL.userRemoved]);

const OFFLINE: Localized = { zh: '未连接到服务器', en: 'Not connected to the server' };

export class CollabSession {
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly layout: HocuspocusProvider;
  private readonly articles = new Map<string, HocuspocusProvider>();
  private readonly listeners = new Set<Listener>();
  private readonly waiting = new Map<string, (r: ProofResult & { person?: TokenPerson }) => void>();
  private user: CollabUser | undefined;
  private connection: ConnectionState = 'connecting';
  private refusedCount = 0;
  private wasOnline = false;
  private error: Localized | undefined;
  private destroyed = false;
  private readonly unwatchPage: () => void;
  private readonly heartbeat: Heartbeat;
  private readonly edits: EditCount;
  private readonly known = new Map<number, Peer>();
  private readonly departed = new Map<number, Peer & { gone: Departure }>();
  private readonly departureListeners = new Set<(peer: Peer, why: Departure) => void>();
  private readonly watchedDocs = new Set<Y.Doc>();
  private endedBy: string | undefined;

  constructor(private readonly options: CollabOptions) {
    const WebSocketImpl = options.WebSocket ?? (globalThis as Record<string, unknown>).WebSocket;
    if (!WebSocketImpl) throw new Error('no WebSocket implementation: pass options.WebSocket');
    this.user = options.user;
    const clock = options.clock ?? systemClock;
    const { reconnect } = CONNECTION_TIMING;
    this.socket = new HocuspocusProviderWebsocket({
      url: options.url,
      WebSocketPolyfill: WebSocketImpl,
      delay: options.reconnectDelay ?? reconnect.delay,
      factor: reconnect.factor,
      minDelay: Math.min(options.reconnectDelay ?? reconnect.delay, reconnect.delay),
      maxDelay: reconnect.maxDelay,
      maxAttempts: 0,
      // The heartbeat drops silent connections sooner; this is only the provider's own backstop.
      messageReconnectTimeout: 2 * CONNECTION_TIMING.silentMs,
    });
    this.edits = new EditCount(clock.now);
    this.heartbeat = new Heartbeat(
      {
        state: () => (!this.socket.shouldConnect ? 'idle' : this.socket.status === 'connected' ? 'connected' : this.socket.status === 'connecting' ? 'connecting' : 'idle'),
        ping: () => this.layout.sendStateless(JSON.stringify({ type: REQUEST_TYPE, id: newRequestId(), action: 'ping' } satisfies PageRequest)),
        dead: () => this.dropSilentConnection(),
        grace: () => this.unackedBytes / CONNECTION_TIMING.bytesPerGraceMs,
      },
      clock,
    );
    this.socket.on('message', () => this.heartbeat.heard());
    this.socket.on('status', ({ status }: { status: string }) => {
      // 'connecting' is the first connection only: a desk that lost the server is offline while it
      // retries, which is what its person needs to know (changes wait).
      if (status === 'connected') this.wasOnline = true;
      if (status === 'connecting') this.heartbeat.heard(); // silence counts from the attempt's start
      this.connection = status === 'connected' ? 'online' : status === 'connecting' && !this.wasOnline ? 'connecting' : 'offline';
      this.emit();
    });
    this.heartbeat.start();
    this.layout = this.attach(layoutDocName(options.pageId), options.docs.layoutDoc);
    this.layout.on('stateless', ({ payload }: { payload: string }) => this.onStateless(payload));
    this.layout.on('awarenessChange', () => this.awarenessChanged());
    this.layout.setAwarenessField('articleId', null);
    this.showUser(this.layout);

    const { layoutDoc } = options.docs;
    this.unwatchPage = watchPage(layoutDoc, { order: () => this.followArticles(), signoff: () => this.emit() });
    this.followArticles();
  }

  // ---- what the UI reads

  status(): CollabStatus {
    const providers = this.providers();
    const pending = providers.reduce((n, p) => n + p.unsyncedChanges, 0);
    const signedOff = isSignedOff(this.options.docs.layoutDoc);
    if (pending === 0 && this.connection === 'online') this.edits.settled();
    return {
      connection: this.connection,
      pending,
      // A change not yet sent is at least one edit, even if it came without a transaction we saw.
      pendingEdits: pending > 0 ? Math.max(1, this.edits.pending) : 0,
      reconnecting: this.connection === 'offline' && this.socket.shouldConnect && this.endedBy === undefined,
      ...(this.endedBy !== undefined ? { endedBy: this.endedBy } : {}),
      refused: this.refusedCount,
      synced: this.connection === 'online' && pending === 0 && providers.every((p) => p.isSynced),
      signedOff,
      // Until the server named the person, nothing is offered that it might refuse.
      layoutReadOnly: signedOff || !this.user || this.user.role === '校对',
      error: this.error,
    };
  }

  /** Everyone on the page, this desk included (`self`), one entry per open layout connection. */
  presence(): Peer[] {
    const awareness = this.layout.awareness;
    if (!awareness) return [];
    const peers: Peer[] = [];
    for (const [clientId, raw] of awareness.getStates()) {
      const state = raw as PresenceState;
      if (!state.user) continue;
      peers.push({
        clientId,
        name: state.user.name,
        role: state.user.role,
        colour: state.user.color,
        articleId: state.articleId ?? undefined,
        cursor: state.cursor ?? undefined,
        self: clientId === awareness.clientID,
      });
    }
    const present = new Set(peers.map((p) => `${p.name}\u0000${p.role}`));
    for (const p of this.departed.values()) if (!present.has(`${p.name}\u0000${p.role}`)) peers.push(p);
    return peers.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, 'zh'));
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The provider of an article document, for tiptap's CollaborationCaret (it shows `user`). */
  provider(articleId: string): HocuspocusProvider | undefined {
    return this.articles.get(articleId);
  }

  // ---- what the UI tells it

  /** Which article this desk is in (null: none) and, optionally, the selection to show others. */
  setActiveArticle(articleId: string | null, cursor?: { anchor: unknown; head: unknown } | null): void {
    this.layout.setAwarenessField('articleId', articleId);
    this.layout.setAwarenessField('cursor', cursor ?? null);
  }

  /** Calls `listener` when another person leaves the page: lost (离线), left, or stopped the share. */
  onDeparture(listener: (peer: Peer, why: Departure) => void): () => void {
    this.departureListeners.add(listener);
    return () => this.departureListeners.delete(listener);
  }

  /** Tells the others why this desk is about to go ('left', or 'stopped' the share), so they see a notice, not a fault. */
  announceLeaving(why: 'left' | 'stopped'): void {
    this.layout.setAwarenessField('leaving', why);
  }

  /** Stops talking to the server (the desk keeps working; changes wait). */
  goOffline(): void {
    this.socket.disconnect();
    this.connection = 'offline';
    this.emit();
  }

  goOnline(): void {
    this.socket.shouldConnect = true;
    void this.socket.connect();
  }

  /** Who is at this desk (undefined until `identify()` answered, when the options gave none). */
  currentUser(): CollabUser | undefined {
    return this.user;
  }

  /** Asks the server who the token names, and shows that person to the others. */
  async identify(): Promise<({ ok: true } & CollabUser) | ({ ok: false } & Localized)> {
    const r = await this.request({ action: 'whoami' });
    if (!r.ok) return r;
    if (!r.person) return { ok: false, zh: '服务器没有说明令牌对应的人员', en: 'The server did not say whom the token names' };
    this.user = r.person;
    for (const p of this.providers()) this.showUser(p);
    this.emit();
    return { ok: true, ...r.person };
  }

  /** Asks the server to start the next proof round (一校, 二校…), signed with the token's name. */
  startRound(): Promise<ProofResult> {
    return this.request({ action: 'startRound' });
  }

  /** Asks the server to finish the open round; it checks every article for open changes and comments. */
  finishRound(): Promise<ProofResult> {
    return this.request({ action: 'finishRound' });
  }

  /** Asks the server to sign the page for print; only a 值班编辑 may. */
  signOff(): Promise<ProofResult> {
    return this.request({ action: 'signoff' });
  }

  /** Asks the server to reopen a signed page with a reason, which is recorded; only a 值班编辑 may. */
  reopen(reason: string): Promise<ProofResult> {
    return this.request({ action: 'reopen', reason });
  }

  /** Resolves once everything is synced and acknowledged, or rejects after `timeoutMs`. */
  whenSynced(timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        if (!this.status().synced) return false;
        stop();
        resolve();
        return true;
      };
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`not synced after ${timeoutMs} ms: ${JSON.stringify(this.status())}`));
      }, timeoutMs);
      const unsubscribe = this.subscribe(() => void check());
      const poll = setInterval(() => void check(), 50);
      const stop = (): void => {
        clearTimeout(timer);
        clearInterval(poll);
        unsubscribe();
      };
      check();
    });
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.heartbeat.stop();
    for (const doc of this.watchedDocs) {
      doc.off('afterTransaction', this.onTransaction);
      doc.off('update', this.onUpdate);
    }
    this.departureListeners.clear();
    this.unwatchPage();
    for (const p of this.providers()) p.destroy();
    this.socket.destroy();
    for (const done of this.waiting.values()) done({ ok: false, ...OFFLINE });
    this.waiting.clear();
    this.listeners.clear();
  }

  // ---- internals

  private providers(): HocuspocusProvider[] {
    return [this.layout, ...this.articles.values()];
  }

  private attach(name: string, doc: Y.Doc): HocuspocusProvider {
    this.watchedDocs.add(doc);
    doc.on('afterTransaction', this.onTransaction);
    doc.on('update', this.onUpdate);
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name,
      document: doc,
      token: this.options.token,
      onAuthenticationFailed: ({ reason }: { reason: string }) => this.refusedBy(reason),
    });
    provider.on('message', ({ event }: { event: { data: ArrayBuffer | Uint8Array } }) => {
      const applied = syncStatusOf(new Uint8Array(event.data as ArrayBuffer));
      // The provider only counts acknowledgements; a refusal would leave the change pending forever.
      if (applied === false) {
        this.refusedCount++;
        provider.decrementUnsyncedChanges();
      }
    });
    // The server closes one document's connection when a client breaks a rule (e.g. writes the sign-off).
    provider.on('close', ({ event }: { event: { reason?: string } }) => {
      if (typeof event?.reason === 'string' && event.reason.startsWith('banmian:')) this.refusedBy(event.reason);
    });
    provider.on('unsyncedChanges', () => {
      if (this.providers().every((p) => p.unsyncedChanges === 0)) this.unackedBytes = 0;
      this.emit();
    });
    provider.on('synced', () => this.emit());
    provider.attach();
    return provider;
  }

  /** Shows why the server refused; a token it no longer takes is not retried (the server would drop each try). */
  private refusedBy(reason: string): void {
    this.error = describeDenial(reason);
    if (TOKEN_GONE.has(reason)) this.goOffline();
    else this.emit();
  }

  private followArticles(): void {
    for (const id of this.options.docs.articleIds()) {
      if (this.articles.has(id)) continue;
      // A name the server would refuse: say so (the sharing desk's dialog shows it) instead of throwing in a Yjs observer.
      if (!isValidArticleId(id)) {
        this.error ??= unshareableArticle(id);
        continue;
      }
      const doc = this.options.docs.articleDoc(id) ?? this.options.createArticleDoc?.(id);
      if (!doc) continue;
      keepAuthorship(doc);
      const provider = this.attach(articleDocName(this.options.pageId, id), doc);
      this.showUser(provider);
      this.articles.set(id, provider);
    }
    this.emit();
  }

  /** The `user` awareness field tiptap's caret and the presence list read: name, role, colour. */
  private showUser(provider: HocuspocusProvider): void {
    if (this.user) provider.setAwarenessField('user', { name: this.user.name, role: this.user.role, color: ROLE_COLOURS[this.user.role] });
  }

  private request(body: DistributiveOmit<PageRequest, 'type' | 'id'>): Promise<ProofResult & { person?: TokenPerson }> {
    const id = newRequestId();
    const message = { type: REQUEST_TYPE, id, ...body } as PageRequest;
    return new Promise((resolve) => {
      if (this.connection !== 'online') {
        resolve({ ok: false, ...OFFLINE });
        return;
      }
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve({ ok: false, zh: '服务器没有应答', en: 'The server did not answer' });
      }, this.options.requestTimeout ?? 10_000);
      this.waiting.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      this.layout.sendStateless(JSON.stringify(message));
    });
  }

  private onStateless(payload: string): void {
    const reply = parseReply(payload);
    if (!reply) return;
    const done = this.waiting.get(reply.id);
    if (!done) return;
    this.waiting.delete(reply.id);
    done(reply.ok ? { ok: true, ...(reply.person ? { person: reply.person } : {}) } : { ok: false, zh: reply.zh, en: reply.en });
  }

  /** Remote updates arrive in non-local transactions; only this desk's own changes are its edits. */
  /** Bytes of this desk's own changes the server has not acknowledged yet (for the heartbeat's grace). */
  private unackedBytes = 0;

  private readonly onUpdate = (update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction): void => {
    if (tr.local) this.unackedBytes += update.byteLength;
  };

  private readonly onTransaction = (tr: Y.Transaction): void => {
    if (tr.local && (tr.changed.size > 0 || tr.deleteSet.clients.size > 0)) this.edits.changed();
  };

  /** The heartbeat heard nothing: the desk is offline now, and the connection is dropped so that it is retried. */
  private dropSilentConnection(): void {
    this.connection = 'offline';
    this.emit();
    (this.socket as unknown as { onClose(p: { event: { code: number; reason: string } }): void }).onClose({ event: { code: 4408, reason: 'banmian:heartbeat' } });
  }

  /** Keeps who was here, so that someone who goes is named (离线, left, stopped the share) rather than vanishing. */
  private awarenessChanged(): void {
    const awareness = this.layout.awareness;
    if (!awareness) return;
    const here = new Set<number>();
    for (const [clientId, raw] of awareness.getStates()) {
      const state = raw as PresenceState;
      if (!state.user || clientId === awareness.clientID) continue;
      here.add(clientId);
      this.departed.delete(clientId);
      const peer: Peer = { clientId, name: state.user.name, role: state.user.role, colour: state.user.color, self: false };
      this.known.set(clientId, state.leaving ? { ...peer, gone: state.leaving } : peer);
    }
    // Our own connection dropping removes everyone: that is our outage, not their departure.
    const watching = this.connection === 'online' && this.socket.status === 'connected';
    for (const [clientId, peer] of [...this.known]) {
      if (here.has(clientId)) continue;
      this.known.delete(clientId);
      if (watching || peer.gone) this.depart(peer, peer.gone ?? 'offline');
    }
    this.emit();
  }

  private depart(peer: Peer, why: Departure): void {
    this.departed.set(peer.clientId, { ...peer, gone: why });
    setTimeout(() => {
      if (this.departed.get(peer.clientId)?.gone !== why) return;
      this.departed.delete(peer.clientId);
      this.emit();
    }, PEER_GONE_SHOWN_MS);
    if (why === 'stopped') {
      // The share is over: the server goes with it, so retrying would only fail.
      this.endedBy = peer.name;
      this.socket.disconnect();
      this.connection = 'offline';
    }
    for (const l of this.departureListeners) l(peer, why);
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
