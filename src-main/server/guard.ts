import type * as Y from 'yjs';
import type {
  Connection,
  Document,
  Extension,
  Hocuspocus,
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
  beforeHandleMessagePayload,
  connectedPayload,
  onAuthenticatePayload,
  onStatelessPayload,
} from '@hocuspocus/server';
import type { PagePerson } from '../../src-core/collab/directory';
import { articleDocName, layoutDocName, parseDocName, type DocAddress } from '../../src-core/collab/names';
import { DENIAL, EDITION_ACTIONS, REPLY_TYPE, parseRequest, type EditionRequest, type PageReply, type PageRequest } from '../../src-core/collab/protocol';
import { bodyUpdateProblem } from '../../src-core/collab/body-update';
import { AD_OWNERS } from '../../src-core/collab/roles';
import { updateTouchesEntries, updateTouchesRoot } from '../../src-core/collab/touches';
import { syncUpdateOf } from '../../src-core/collab/wire';
import type { ProofResult } from '../../src-core/model/proof';
import { finishRound, reopen, signOff, startRound } from '../../src-core/store/page-requests';
import { BLOCKS_ROOT, SERVER_WRITTEN_ROOTS, adBlockIds, articleIdsOf, isSignedOff, watchSignoff } from '../../src-core/store/readers';
import { FailedAttempts } from './attempts';
import { EditionRequests, type EditionReply } from './edition-requests';
import { LIMITS, MINUTE_MS } from './limits';
import type { SocketGate } from './socket-gate';
import { mayOpen, mayOpenEdition, type Person, type UserDirectory } from './users';

/** Yjs origin of the server's own writes (sign-off and reopening). */
export const SERVER_ORIGIN = { banmianServer: true };

/** Proof rounds are the proofreader's (and the duty editor's) business, as in a newsroom's 校对 workflow. */
const ROUNDS_REFUSED: ProofResult = { ok: false, zh: '校次由校对或值班编辑开始和结束', en: 'Proof rounds are started and finished by the proofreader or the duty editor' };

/** What a connection carries after authentication (Hocuspocus's `context`). */
export interface GuardContext {
  person: Person;
  address: DocAddress;
}

interface PageState {
  locked: boolean;
  connections: Set<Connection>;
  /** Keeps the layout document loaded while any article document of the page is open here. */
  layoutHold?: Promise<{ disconnect(): Promise<void> }>;
  openArticles: number;
}

/** Layout-document roots only the server writes, and the refusal a client gets for writing one. */
const SERVER_ONLY_ROOTS = [
  [SERVER_WRITTEN_ROOTS.signoff, DENIAL.signoffIsServerOnly],
  [SERVER_WRITTEN_ROOTS.rounds, DENIAL.roundsAreServerOnly],
] as const;

/** A document nobody has written yet: no client has any item in it. */
function isUnwritten(document: Y.Doc): boolean {
  return document.store.clients.size === 0;
}

/** Thrown from a hook: Hocuspocus sends `reason` to the client (permission denied or close). */
function denial(reason: string): Error & { reason: string; code: number } {
  return Object.assign(new Error(reason), { reason, code: 4403 });
}

/**
 * Roles, grants and the sign-off lock, enforced on the server:
 * - a token maps to a person and a role; a page opens only with a grant for it (or `*`);
 * - a 校对 connection is read-only on the layout document (its updates are not applied and it is
 *   told so), and writes article documents;
 * - while the layout document's `signoff` says the page is signed, every connection to every
 *   document of the page is read-only; only the server writes `signoff`, on a 值班编辑's request
 *   (stateless `banmian/request`), and a client update that touches it closes that connection;
 * - a booked ad (a block of kind `ad`) is changed, moved or deleted only by its owners (`AD_OWNERS`):
 *   anyone else's update that touches it closes that connection;
 * - proof rounds are started and finished by the server on a 校对's or 值班编辑's request (a 校对
 *   cannot write the layout document itself), signed with the name the token names; a client
 *   update that touches `rounds` closes that connection, like one touching `signoff`;
 * - an article update that would leave the body malformed is refused before it is stored or relayed;
 * - a connection adds at most `LIMITS.updateBytesPerMinute` per minute; failed tokens are throttled
 *   per address; a person removed from (or changed in) the users file is cut off at once.
 */
export class Guard implements Extension {
  extensionName = 'banmian-guard';
  private readonly pages = new Map<string, PageState>();
  private instance: Hocuspocus | undefined;
  /** Update bytes per person and document in the current minute (a reconnection does not start afresh). */
  private readonly spent = new Map<string, { since: number; bytes: number }>();
  private stopWatching: (() => void) | undefined;
  private readonly editions = new EditionRequests(() => this.instance, SERVER_ORIGIN);

  constructor(
    private readonly users: UserDirectory,
    private readonly attempts = new FailedAttempts(),
  ) {}

  private page(pageId: string): PageState {
    let p = this.pages.get(pageId);
    if (!p) {
      p = { locked: false, connections: new Set(), openArticles: 0 };
      this.pages.set(pageId, p);
    }
    return p;
  }

  private readOnlyFor(context: GuardContext): boolean {
    // the edition document is the server's to write: desks change it by request only
    if (context.address.kind === 'edition') return true;
    const layoutReadOnly = context.address.kind === 'layout' && context.person.role === '校对';
    return layoutReadOnly || this.page(context.address.pageId).locked;
  }

  async onConfigure({ instance }: { instance: Hocuspocus }): Promise<void> {
    this.instance = instance;
    this.stopWatching = this.users.watch(() => this.closeRemoved(), LIMITS.usersPollMs);
  }

  async onDestroy(): Promise<void> {
    this.stopWatching?.();
  }

  async onAuthenticate({ token, documentName, connectionConfig, context: given }: onAuthenticatePayload): Promise<GuardContext> {
    const gate = (given as { gate?: SocketGate } | undefined)?.gate;
    const refuse = (reason: string, dropSocket = false): Error => {
      gate?.refuse(documentName, reason, dropSocket);
      return denial(reason);
    };
    const address = parseDocName(documentName);
    if (!address) throw refuse(DENIAL.badName);
    const person = this.personFor(token, gate?.address ?? 'direct');
    if (typeof person === 'string') throw refuse(person, true);
    const granted = address.kind === 'edition' ? mayOpenEdition(person, address.pageId) : mayOpen(person, address.pageId);
    if (!granted) throw refuse(DENIAL.noGrant);
    gate?.admit(documentName);
    const context: GuardContext = { person, address };
    connectionConfig.readOnly = this.readOnlyFor(context);
    return context;
  }

  /**
   * The person a token names, asked from `from` (a socket's or an HTTP request's address): every
   * way in counts failed tokens against the same throttle.
   */
  personFor(token: string, from: string): Person | typeof DENIAL.tooManyAttempts | typeof DENIAL.badToken {
    if (this.attempts.blocked(from)) return DENIAL.tooManyAttempts;
    const person = this.users.authenticate(token);
    if (person) return person;
    this.attempts.failed(from);
    return DENIAL.badToken;
  }

  async afterLoadDocument({ document, documentName, instance }: afterLoadDocumentPayload): Promise<void> {
    const address = parseDocName(documentName);
    if (!address) return;
    if (address.kind === 'edition') return;
    const page = this.page(address.pageId);
    if (address.kind === 'layout') {
      const update = (): void => this.setLocked(address.pageId, isSignedOff(document));
      watchSignoff(document, update);
      update();
    } else {
      page.openArticles++;
      // The lock lives in the layout document: keep it loaded (and, with Redis, in step with the
      // other instances) while an article of the page is open on this instance.
      page.layoutHold ??= instance.openDirectConnection(layoutDocName(address.pageId), { banmianHold: true });
      await page.layoutHold;
    }
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    const address = parseDocName(documentName);
    if (!address || address.kind !== 'article') return;
    const page = this.page(address.pageId);
    page.openArticles = Math.max(0, page.openArticles - 1);
    if (page.openArticles === 0 && page.layoutHold) {
      const hold = page.layoutHold;
      page.layoutHold = undefined;
      await (await hold).disconnect();
    }
  }

  async connected({ connection, context }: connectedPayload): Promise<void> {
    const ctx = context as GuardContext;
    const page = this.page(ctx.address.pageId);
    page.connections.add(connection);
    connection.readOnly = this.readOnlyFor(ctx);
    connection.onClose(() => page.connections.delete(connection));
  }

  async beforeHandleMessage({ connection, context, document, update: message }: beforeHandleMessagePayload): Promise<void> {
    const ctx = context as GuardContext;
    // Set before every message as well as on every lock change, so queued messages of a connection
    // being set up cannot slip past a lock.
    connection.readOnly = this.readOnlyFor(ctx);
    if (!this.users.stillHolds(ctx.person)) throw denial(DENIAL.userRemoved);
    const update = syncUpdateOf(message);
    if (connection.readOnly || !update) return;
    this.charge(`${ctx.person.id}\u0000${document.name}`, update.byteLength);
    if (ctx.address.kind === 'layout') {
      // A page's first state is the publisher's file, rounds and sign-off history included (the page
      // did not exist here before); from then on only the server writes them.
      if (isUnwritten(document)) return;
      for (const [root, reason] of SERVER_ONLY_ROOTS) if (updateTouchesRoot(document, update, root)) throw denial(reason);
      if (!AD_OWNERS.includes(ctx.person.role) && updateTouchesEntries(document, update, BLOCKS_ROOT, adBlockIds(document), ['z'])) throw denial(DENIAL.adIsOwners);
      return;
    }
    const problem = bodyUpdateProblem(document, update);
    if (problem) {
      console.warn(`拒绝 ${ctx.person.name} 对 ${document.name} 的修改：正文 ${problem.path} ${problem.zh} / refused a change to ${document.name} by ${ctx.person.name}: body ${problem.path} ${problem.en}`);
      throw denial(DENIAL.badBody);
    }
  }

  /**
   * Counts a person's update bytes to one document in the current minute, over all their connections
   * (so closing and reopening one does not reset it); past the limit the connection is closed.
   */
  private charge(key: string, bytes: number): void {
    const now = Date.now();
    if (this.spent.size > 10_000) for (const [k, v] of this.spent) if (now - v.since >= MINUTE_MS) this.spent.delete(k);
    let spent = this.spent.get(key);
    if (!spent || now - spent.since >= MINUTE_MS) {
      spent = { since: now, bytes: 0 };
      this.spent.set(key, spent);
    }
    spent.bytes += bytes;
    if (spent.bytes > LIMITS.updateBytesPerMinute) throw denial(DENIAL.tooMuch);
  }

  /** The users file changed: whoever is no longer in it as they were loses every open connection. */
  private closeRemoved(): void {
    for (const page of this.pages.values()) {
      for (const c of [...page.connections]) {
        if (!this.users.stillHolds((c.context as GuardContext).person)) c.close({ code: 4403, reason: DENIAL.userRemoved });
      }
    }
  }

  async onStateless({ connection, document, payload }: onStatelessPayload): Promise<void> {
    const request = parseRequest(payload);
    if (!request) return;
    const ctx = connection.context as GuardContext;
    const reply = (r: { ok: true; person?: { name: string; role: GuardContext['person']['role'] } } | ProofResult | EditionReply): void =>
      connection.sendStateless(JSON.stringify({ type: REPLY_TYPE, id: request.id, ...r } satisfies PageReply));
    const { name, role } = ctx.person;
    if (request.action === 'whoami' || request.action === 'ping') {
      reply(request.action === 'ping' ? { ok: true } : { ok: true, person: { name, role } });
      return;
    }
    if (EDITION_ACTIONS.has(request.action)) {
      if (ctx.address.kind !== 'edition') reply({ ok: false, zh: '此请求只能在整期文档上发出', en: 'This request is made on the edition document' });
      else reply(await this.editions.run(request as EditionRequest, document, ctx.address.pageId, ctx.person));
      return;
    }
    if (ctx.address.kind !== 'layout') {
      reply({ ok: false, zh: '此请求只能在版面文档上发出', en: 'This request is made on the layout document' });
      return;
    }
    reply(await this.runPageRequest(request as Exclude<PageRequest, EditionRequest | { action: 'whoami' | 'ping' }>, document, ctx));
  }

  /** Sign-off, reopening and proof rounds, written by the server as the person the token names. */
  private async runPageRequest(request: Exclude<PageRequest, EditionRequest | { action: 'whoami' | 'ping' }>, document: Document, ctx: GuardContext): Promise<ProofResult> {
    const { name, role } = ctx.person;
    const at = new Date().toISOString();
    switch (request.action) {
      case 'signoff':
        if (role !== '值班编辑') return { ok: false, zh: '只有值班编辑可以签字付印', en: 'Only the duty editor (值班编辑) signs a page for print' };
        return signOff(document, name, role, at, SERVER_ORIGIN);
      case 'reopen':
        return reopen(document, name, role, request.reason, at, SERVER_ORIGIN);
      case 'startRound':
        if (role === '组版') return ROUNDS_REFUSED;
        return startRound(document, name, at, SERVER_ORIGIN);
      case 'finishRound':
        if (role === '组版') return ROUNDS_REFUSED;
        return this.withArticles(ctx.address.pageId, document, (articles) => finishRound(document, articles, name, at, SERVER_ORIGIN));
    }
  }

  /**
   * Runs `use` with every article document of the page loaded (finishing a round checks that no
   * suggestion is open and no thread unresolved in any of them, open on a desk or not).
   */
  private async withArticles<T>(pageId: string, layoutDoc: Document, use: (articles: Document[]) => T): Promise<T> {
    const instance = this.instance;
    if (!instance) throw new Error('guard not configured');
    const connections = await Promise.all(articleIdsOf(layoutDoc).map((id) => instance.openDirectConnection(articleDocName(pageId, id), { banmianHold: true })));
    try {
      return use(connections.flatMap((c) => (c.document ? [c.document] : [])));
    } finally {
      await Promise.all(connections.map((c) => c.disconnect()));
    }
  }

  private setLocked(pageId: string, locked: boolean): void {
    const page = this.page(pageId);
    page.locked = locked;
    for (const c of page.connections) c.readOnly = this.readOnlyFor(c.context as GuardContext);
  }

  /**
   * Who is on a page now: the people (as their tokens name them, not as their desks say) with a
   * connection to any of its documents on this instance, each once, in the order they came.
   */
  peopleOn(pageId: string): PagePerson[] {
    const people = new Map<string, PagePerson>();
    for (const c of this.pages.get(pageId)?.connections ?? []) {
      const { person } = c.context as GuardContext;
      if (!people.has(person.id)) people.set(person.id, { name: person.name, role: person.role });
    }
    return [...people.values()];
  }

  /** For tests and the status endpoint: whether a page is locked on this instance. */
  isLocked(pageId: string): boolean {
    return this.pages.get(pageId)?.locked ?? false;
  }

  documentsOf(pageId: string): Document[] {
    if (!this.instance) return [];
    return [...this.instance.documents.values()].filter((d) => parseDocName(d.name)?.pageId === pageId);
  }
}
