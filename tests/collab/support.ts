import { afterAll, afterEach, beforeAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeWebSocket } from '../support/node-websocket';
import * as Y from 'yjs';
import { JoinedPageDocs } from '../../src-core/collab/joined-page';
import type { Role } from '../../src-core/collab/roles';
import type { SharedPageDocs } from '../../src-core/collab/shared-docs';
import { CollabSession } from '../../src-renderer/collab/session/session';
import { addUser } from '../../src-main/server/users';
import { samplePage } from '../../bench/pages';
import type { EditionDocument } from '../../src-core/edition/edition';
import { pageDocument } from '../../src-core/edition/page-doc';
import { editionIdOf, editionPageId } from '../../src-core/edition/shared-edition';
import { PageStore } from '../../src-core/store/page-store';
import { EditionClient } from '../../src-renderer/edition/edition-client';

export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

/** The real server as its own process (`npm run server`'s entry), so it can be SIGKILLed. */
export class ServerProcess {
  private child: ChildProcess | undefined;
  output = '';

  constructor(
    readonly port: number,
    readonly dataDir: string,
    readonly usersFile: string,
    private readonly extra: string[] = [],
    /** Another Node binary and environment. */
    private readonly runtime: { execPath: string; env: Record<string, string> } | undefined = undefined,
  ) {}

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const args = ['--import', 'tsx', join(root, 'src-main/server/cli.ts'), '--port', String(this.port), '--data', this.dataDir, '--users', this.usersFile, ...this.extra];
    const execPath = this.runtime?.execPath ?? process.execPath;
    // the limits count in an hour, not a minute: a loaded machine must not let a count lapse mid-test
    const env = { ...process.env, BANMIAN_LIMIT_WINDOW_MS: String(3_600_000), ...this.runtime?.env };
    const child = spawn(execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env });
    this.child = child;
    // no timer of its own: a loaded machine may take long to start it; the hook's timeout bounds the wait
    await new Promise<void>((res, rej) => {
      const onData = (b: Buffer): void => {
        this.output += b.toString();
        if (/^ready /m.test(this.output)) res();
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (b: Buffer) => (this.output += b.toString()));
      child.once('exit', (code) => rej(new Error(`server exited (${code}):\n${this.output}`)));
    });
  }

  /** Kills the process and waits until it is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((res) => child.once('exit', () => res()));
    child.kill(signal);
    await gone;
    this.child = undefined;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }
}

export interface Desk {
  session: CollabSession;
  docs: SharedPageDocs;
  name: string;
  role: Role;
}

export function token(usersFile: string, name: string, role: Role, pages: string[] = ['*']): string {
  return addUser(usersFile, name, role, pages).token;
}

/** A desk that joins the page: empty documents filled from the server. */
export function joinDesk(url: string, pageId: string, tokenText: string, name: string, role: Role): Desk & { docs: JoinedPageDocs } {
  const docs = new JoinedPageDocs();
  const session = new CollabSession({ url, token: tokenText, pageId, user: { name, role }, docs, createArticleDoc: docs.createArticleDoc, WebSocket: NodeWebSocket, reconnectDelay: 100 });
  return { session, docs, name, role };
}

/** A desk that shares a page it has (a PageStore or anything with the documents). */
export function shareDesk(url: string, pageId: string, tokenText: string, name: string, role: Role, docs: SharedPageDocs): Desk {
  const session = new CollabSession({ url, token: tokenText, pageId, user: { name, role }, docs, WebSocket: NodeWebSocket, reconnectDelay: 100 });
  return { session, docs, name, role };
}

/** Polls until `check` holds (the server and clients are asynchronous); fails with `what` after the timeout. */
export async function until(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The plain text of an article's body (paragraphs joined with newlines). */
export function bodyText(doc: Y.Doc): string {
  const frag = doc.getXmlFragment('body');
  return frag
    .toArray()
    .map((p) => (p instanceof Y.XmlElement ? p.toArray().map((t) => (t instanceof Y.XmlText ? (t.toDelta() as { insert: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('') : '')).join('') : ''))
    .join('\n');
}

/** Inserts text into the first text node of paragraph `para` of an article body, at `offset`. */
export function typeInto(doc: Y.Doc, para: number, offset: number, text: string): void {
  const p = doc.getXmlFragment('body').get(para) as Y.XmlElement;
  let t = p.toArray().find((n) => n instanceof Y.XmlText) as Y.XmlText | undefined;
  if (!t) {
    t = new Y.XmlText();
    p.insert(0, [t]);
  }
  t.insert(Math.min(offset, t.length), text);
}

/** The people of the collaboration tests, by the name the tests use for them. */
export const PEOPLE = { layout: ['王组版', '组版'], layout2: ['李组版', '组版'], proof: ['赵校对', '校对'], chief: ['钱值班', '值班编辑'] } as const satisfies Record<string, readonly [string, Role]>;
export type SuitePerson = keyof typeof PEOPLE;

/** A token for each of PEOPLE in `usersFile`, and a server process on a free port, started. */
export async function startSuiteServer(dir: string, usersFile: string): Promise<{ server: ServerProcess; tokens: Record<SuitePerson, string> }> {
  const tokens = Object.fromEntries(Object.entries(PEOPLE).map(([who, [name, role]]) => [who, token(usersFile, name, role)])) as Record<SuitePerson, string>;
  const server = new ServerProcess(await freePort(), `${dir}/data`, usersFile);
  await server.start();
  return { server, tokens };
}

/** What a test file of real desks shares: a temp folder, a token for each of PEOPLE, the server, the desks open in a test. */
export interface ServerSuite {
  dir: string;
  usersFile: string;
  server: ServerProcess;
  tokens: Record<SuitePerson, string>;
  /** Desks opened by the running test: closed after it. */
  open: Desk[];
  /** How to close anything else the running test opened (edition clients): called after it. */
  closers: (() => void)[];
  /** Closes what the running test opened so far (as after each test). */
  closeAll(): void;
  /** Keeps a desk in `open` (closed after the test); gives it back. */
  track<T extends Desk>(desk: T): T;
}

/**
 * For a test file: the server started (with a token for each of PEOPLE) before its tests, the desks
 * in `open` and the `closers` closed after each test, the server stopped and the folder removed at
 * the end. The server and tokens are there once the tests run; `dir` and `usersFile` at once (a token
 * the server must know from its start is added before the tests).
 */
export function serverSuite(prefix: string): ServerSuite {
  const tmp = tempDir(prefix);
  const suite = {
    dir: tmp.dir,
    usersFile: `${tmp.dir}/users.json`,
    open: [],
    closers: [],
    closeAll() {
      for (const d of suite.open.splice(0)) d.session.destroy();
      for (const close of suite.closers.splice(0)) close();
    },
    track<T extends Desk>(desk: T): T {
      suite.open.push(desk);
      return desk;
    },
  } as unknown as ServerSuite;
  beforeAll(async () => {
    Object.assign(suite, await startSuiteServer(tmp.dir, suite.usersFile));
  });
  afterEach(() => suite.closeAll());
  afterAll(async () => {
    suite.closeAll();
    await suite.server?.kill('SIGTERM');
    tmp.remove();
  });
  return suite;
}

/** The 组版 (王组版) sharing the sample page under `pageId` from a PageStore of its own, synced; closed after the test. */
export async function shareSamplePage(suite: ServerSuite, pageId: string): Promise<{ store: PageStore; layout: Desk }> {
  const store = new PageStore(samplePage());
  const [name, role] = PEOPLE.layout;
  const layout = suite.track(shareDesk(suite.server.url, pageId, suite.tokens.layout, name, role, store));
  await layout.session.whenSynced();
  return { store, layout };
}

/** `who` joining page `pageId` (with their token unless another is given): back once every article has arrived and it is synced (within `syncMs`); closed after the test. */
export async function joinPage(suite: ServerSuite, pageId: string, who: SuitePerson, options: { token?: string; syncMs?: number } = {}) {
  const [name, role] = PEOPLE[who];
  const d = suite.track(joinDesk(suite.server.url, pageId, options.token ?? suite.tokens[who], name, role));
  await until(`${who} receives the page`, () => d.docs.articleIds().length > 0 && d.docs.articleIds().every((id) => d.docs.articleDoc(id)));
  await d.session.whenSynced(options.syncMs);
  return d;
}

/** A desk on page `index` of an edition (its own PageStore, shared as 发布到服务器 does) and on the edition; closed after the test. */
export async function editionDesk(suite: ServerSuite, ed: EditionDocument, index: number, who: SuitePerson): Promise<{ store: PageStore; edition: EditionClient }> {
  const store = new PageStore(pageDocument(ed, index));
  const [name, role] = PEOPLE[who];
  const session = new CollabSession({ url: suite.server.url, token: suite.tokens[who], pageId: editionPageId(ed, index)!, user: { name, role }, docs: store, createArticleDoc: store.createArticleDoc, WebSocket: NodeWebSocket, reconnectDelay: 100 });
  suite.closers.push(() => session.destroy());
  const client = editionClient(suite, ed, who);
  await session.whenSynced();
  await client.whenSynced();
  return { store, edition: client };
}

/** `who`'s client of the edition on the suite's server; closed after the test. */
export function editionClient(suite: ServerSuite, ed: EditionDocument, who: SuitePerson): EditionClient {
  const client = new EditionClient({ url: suite.server.url, token: suite.tokens[who], editionId: editionIdOf(ed)!, WebSocket: NodeWebSocket });
  suite.closers.push(() => client.destroy());
  return client;
}
