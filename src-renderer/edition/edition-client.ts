/**
 * A desk's connection to its edition on the collaboration server (the edition document,
 * src-core/collab/edition-doc.ts): the shared pool and plan as the server keeps them, and the
 * requests that change them (`place`, `unplace`, `moveCut`, `movePart`), seed them (`seed`) or write the whole
 * edition from the server's state (`save`). The document is read-only here: the server writes it.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { editionDocName } from '../../src-core/collab/names';
import { REQUEST_TYPE, describeDenial, newRequestId, parseReply, type EditionRequest, type Localized } from '../../src-core/collab/protocol';
import type { EditionDocument } from '../../src-core/edition/edition';
import { serializeEdition } from '../../src-core/edition/edition-file';
import { editionFromEntries, keepUnchanged, unplacedArticles, type ReadEdition } from '../../src-core/edition/shared-edition';
import { readEditionEntries, watchEdition } from '../../src-core/store/edition-doc';

export interface EditionClientOptions {
  url: string;
  token: string;
  editionId: string;
  /** The WebSocket class (a browser's own; `ws` under Node). */
  WebSocket?: unknown;
  /** How long a request waits for the server's answer (ms). */
  requestTimeout?: number;
}

export type EditionResult = { ok: true; edition?: string } | ({ ok: false } & Localized);

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

const NO_ANSWER: Localized = { zh: '服务器没有应答', en: 'The server did not answer' };

export class EditionClient {
  readonly doc = new Y.Doc();
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly provider: HocuspocusProvider;
  private readonly waiting = new Map<string, (r: EditionResult) => void>();
  private refusal: Localized | undefined;
  /** Counts the server's changes and the refusal (a React snapshot: it changes when what a desk shows does). */
  private changes = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: EditionClientOptions) {
    const WebSocketPolyfill = options.WebSocket ?? (globalThis as Record<string, unknown>).WebSocket;
    this.socket = new HocuspocusProviderWebsocket({ url: options.url, WebSocketPolyfill: WebSocketPolyfill as never });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: editionDocName(options.editionId),
      document: this.doc,
      token: options.token,
      onAuthenticationFailed: ({ reason }: { reason: string }) => {
        this.refusal = describeDenial(reason);
        this.changed();
      },
    });
    this.provider.on('stateless', ({ payload }: { payload: string }) => this.onStateless(payload));
    watchEdition(this.doc, () => this.changed());
    this.provider.attach();
  }

  /** Resolves once the server's state has arrived (or rejects with the server's refusal, zh + en). */
  whenSynced(timeoutMs = 15_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const check = (): void => {
        if (this.refusal) reject(new Error(`${this.refusal.zh} / ${this.refusal.en}`));
        else if (this.provider.isSynced) resolve();
        else if (Date.now() - started > timeoutMs) reject(new Error(`${NO_ANSWER.zh} / ${NO_ANSWER.en}`));
        else setTimeout(check, 20);
      };
      check();
    });
  }

  /** The last edition read and the revision it was read at (`edition` reads the entries once per change). */
  private read: { revision: number; last: ReadEdition | undefined } | undefined;
  /** The fold asked for and not answered yet (`fold` asks one at a time). */
  private folding: Promise<EditionResult> | undefined;

  /**
   * The edition as the server keeps it; undefined before anyone published it. The same object until
   * the server's edition changes, and then the parts that did not change are the same objects as
   * before (`keepUnchanged`), so the overview lays out again only the pages that changed.
   */
  edition(): EditionDocument | undefined {
    if (this.read?.revision !== this.changes) {
      const entries = readEditionEntries(this.doc);
      const next = editionFromEntries(entries);
      this.read = { revision: this.changes, last: next && { edition: keepUnchanged(next, entries, this.read?.last), entries } };
    }
    return this.read.last?.edition;
  }

  /**
   * Asks the server to fold every page it holds into the edition (the `foldEdition` request: the
   * server writes the pages' documents back into the edition document, so every desk's `edition()`
   * follows the pages as they are now: a round started, a story made overset). Only changed entries
   * are written, so a fold that finds nothing new changes nothing. One at a time: while one is
   * unanswered the same answer is returned.
   */
  fold(): Promise<EditionResult> {
    this.folding ??= this.request({ action: 'foldEdition' }).finally(() => (this.folding = undefined));
    return this.folding;
  }

  /** The pool's articles on no page (稿库 · 待用), as every desk of the edition sees them. */
  unplaced(): string[] {
    const edition = this.edition();
    return edition ? unplacedArticles(edition) : [];
  }

  /** How many changes the server's edition (or its refusal) has had here (0 before anything arrived). */
  readonly revision = (): number => this.changes;

  /** Why the server refused this desk the edition (no grant, a server without editions …), zh + en. */
  refused(): Localized | undefined {
    return this.refusal;
  }

  /** Calls `changed` whenever the server's edition changes or it refuses this desk; returns the function that stops it. */
  readonly subscribe = (changed: () => void): (() => void) => {
    this.listeners.add(changed);
    return () => this.listeners.delete(changed);
  };

  private changed(): void {
    this.changes++;
    for (const l of this.listeners) l();
  }

  seed(edition: EditionDocument): Promise<EditionResult> {
    return this.request({ action: 'seedEdition', edition: serializeEdition(edition) });
  }

  place(article: string, page: number): Promise<EditionResult> {
    return this.request({ action: 'place', article, page });
  }

  unplace(article: string): Promise<EditionResult> {
    return this.request({ action: 'unplace', article });
  }

  /** Moves the cut before part `part` of `article`'s chain by `paragraphs` (see EditionRequest). */
  moveCut(article: string, part: number, paragraphs: number): Promise<EditionResult> {
    return this.request({ action: 'moveCut', article, part, paragraphs });
  }

  /** Moves the continued story's part in block `block` to page number `page` (移至第N版, move-part.ts). */
  movePart(block: string, page: number): Promise<EditionResult> {
    return this.request({ action: 'movePart', block, page });
  }

  /** The edition file's text as the server composes it from every page's documents (保存). */
  save(): Promise<EditionResult> {
    return this.request({ action: 'saveEdition' });
  }

  destroy(): void {
    this.listeners.clear();
    this.provider.destroy();
    this.socket.destroy();
    for (const done of this.waiting.values()) done({ ok: false, ...NO_ANSWER });
    this.waiting.clear();
  }

  private request(body: DistributiveOmit<EditionRequest, 'type' | 'id'>): Promise<EditionResult> {
    const id = newRequestId();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve({ ok: false, ...NO_ANSWER });
      }, this.options.requestTimeout ?? 30_000);
      this.waiting.set(id, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      this.provider.sendStateless(JSON.stringify({ type: REQUEST_TYPE, id, ...body }));
    });
  }

  private onStateless(payload: string): void {
    const reply = parseReply(payload);
    const done = reply && this.waiting.get(reply.id);
    if (!reply || !done) return;
    this.waiting.delete(reply.id);
    done(reply.ok ? { ok: true, ...(reply.edition !== undefined ? { edition: reply.edition } : {}) } : { ok: false, zh: reply.zh, en: reply.en });
  }
}
