/**
 * Kill/restart rounds with two desks (组版 and 校对) editing while the server is gone, against real
 * processes: the sharing host (the web host, whose share resumes at its address, see
 * src-main/host/share.ts) or the newsroom server (`src-main/server/cli.ts`). Every edit writes a
 * unique marker into an article; after the rounds, each marker is looked for on both desks.
 * Every other round, one desk dies with the outage and comes back from its backup
 * (src-core/collab/desk-backup.ts) rather than from memory. Used by bench/collab.bench.ts (20 rounds)
 * and tests/collab/outage.test.ts (3 rounds).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../tests/collab/support';
import { NodeWebSocket } from '../tests/support/node-websocket';
import * as Y from 'yjs';
import { docsOfDeskBackup, mergeDeskBackup, takeDeskBackup, type DeskBackup } from '../src-core/collab/desk-backup';
import { parseInvitation } from '../src-core/collab/invitation';
import { JoinedPageDocs } from '../src-core/collab/joined-page';
import type { SharedPageDocs } from '../src-core/collab/shared-docs';
import { CollabSession } from '../src-renderer/collab/session/session';
import type { Role } from '../src-core/collab/roles';
import { SESSION_HEADER, type HostResult, type SharedPageInfo } from '../src-core/host-api';
import { PageStore } from '../src-core/store/page-store';
import { readDeskBackup, writeDeskBackup } from '../src-main/host/desk-backups';
import { addUser } from '../src-main/server/users';
import { samplePage } from './pages';

const root = fileURLToPath(new URL('..', import.meta.url));
const EDITS_PER_DESK = 3;

export interface OutageFigures {
  rounds: number;
  /** Edits made while the server was down, both desks together. */
  made: number;
  /** Of those, the ones present on both desks after the last round. */
  presentOnBoth: number;
  /** Markers missing somewhere (empty when nothing was lost). */
  lost: string[];
  /** Restart (process ready) → both desks in step again, per round (ms). */
  reconnectMs: number[];
}

interface Desk {
  session: CollabSession;
  docs: SharedPageDocs & { createArticleDoc: (id: string) => Y.Doc | undefined };
}


async function until(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function bodyText(doc: Y.Doc): string {
  return JSON.stringify(doc.getXmlFragment('body').toJSON());
}

function sameBodies(a: SharedPageDocs, b: SharedPageDocs): boolean {
  const ids = a.articleIds();
  return ids.length > 0 && ids.every((id) => b.articleDoc(id) !== undefined && bodyText(a.articleDoc(id)!) === bodyText(b.articleDoc(id)!));
}

/** Articles with a paragraph of text to mark (the first two). */
function markable(docs: SharedPageDocs): string[] {
  return docs.articleIds().filter((id) => (docs.articleDoc(id)!.getXmlFragment('body').get(0) as Y.XmlElement | undefined)?.toArray().some((n) => n instanceof Y.XmlText)).slice(0, 2);
}

function mark(doc: Y.Doc, marker: string): void {
  const p = doc.getXmlFragment('body').get(0) as Y.XmlElement;
  const t = p.toArray().find((n) => n instanceof Y.XmlText) as Y.XmlText;
  t.insert(0, marker);
}

/** A process that prints `readyText` when it listens, killed with SIGKILL (one node process, no wrapper). */
async function startProcess(args: string[], readyText: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '';
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`did not start:\n${out}`)), 60_000);
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes(readyText)) {
        clearTimeout(timer);
        done();
      }
    });
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => fail(new Error(`exited (${code}):\n${out}`)));
  });
  return child;
}

async function kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await gone;
}

function connect(url: string, pageId: string, token: string, name: string, role: Role, docs: Desk['docs']): Desk {
  return { docs, session: new CollabSession({ url, token, pageId, user: { name, role }, docs, createArticleDoc: docs.createArticleDoc, WebSocket: NodeWebSocket, reconnectDelay: 100 }) };
}

/** The rounds themselves, whatever the server is: `restart` brings it back, `revive` rebuilds a dead desk. */
async function runRounds(rounds: number, desks: [Desk, Desk], outage: { kill(): Promise<void>; restart(): Promise<void>; revive(desk: 0 | 1, round: number): Promise<Desk>; dies: 0 | 1 }): Promise<OutageFigures> {
  const articles = markable(desks[0].docs);
  const markers: string[] = [];
  const reconnectMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const d of desks) await d.session.whenSynced(60_000);
    const dies = round % 2 === 1;
    // a dying desk is offline before the outage (it cannot edit once its host is gone); the other notices the kill
    if (dies) desks[outage.dies].session.goOffline();
    await outage.kill();
    await until('both desks offline', () => desks.every((d) => d.session.status().connection !== 'online'));
    desks.forEach((desk, i) => {
      for (let k = 0; k < EDITS_PER_DESK; k++) {
        const marker = `[${i === 0 ? 'L' : 'P'}${round}.${k}]`;
        mark(desk.docs.articleDoc(articles[k % articles.length])!, marker);
        markers.push(marker);
      }
    });
    if (dies) desks[outage.dies] = await outage.revive(outage.dies, round);
    await outage.restart();
    const back = Date.now();
    // no desk is told anything: each finds the server back by itself
    await until('both desks in step', () => desks.every((d) => d.session.status().synced) && articles.every((id) => bodyText(desks[0].docs.articleDoc(id)!) === bodyText(desks[1].docs.articleDoc(id)!)));
    reconnectMs.push(Date.now() - back);
  }
  const texts = desks.map((d) => articles.map((id) => bodyText(d.docs.articleDoc(id)!)).join('\n'));
  const lost = markers.filter((m) => !texts.every((t) => t.includes(m)));
  return { rounds, made: markers.length, presentOnBoth: markers.length - lost.length, lost, reconnectMs };
}

/** The desk dies: its state goes to its backup (as the HostApi would keep it), the session ends, a new desk loads the backup. */
function reviveFromBackup(stateDir: string, desk: Desk, pageId: string, server: string, rebuild: (backup: DeskBackup) => Desk): Desk {
  const written = writeDeskBackup(stateDir, pageId, JSON.stringify(takeDeskBackup(pageId, server, desk.docs, desk.session.status().pending)));
  if (!written.ok) throw new Error(written.en);
  desk.session.destroy();
  const read = readDeskBackup(stateDir, pageId);
  if (!read.ok || !read.value) throw new Error('backup not read back');
  return rebuild(read.value);
}

/** The sharing host: the web host as a process, sharing through its HostApi; its share resumes after SIGKILL. */
export async function sharingHostRounds(rounds: number): Promise<OutageFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-outage-host-'));
  const port = await freePort();
  const secret = 'outage-rounds-secret';
  const start = (): Promise<ChildProcess> => startProcess(['src-main/web-host/server.ts', '--port', String(port), '--sandbox', dir], 'browser host', { BANMIAN_WEB_SECRET: secret });
  const call = async <T>(method: string, args: unknown[]): Promise<T> => {
    const res = await fetch(`http://127.0.0.1:${port}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', [SESSION_HEADER]: secret }, body: JSON.stringify(args) });
    const r = (await res.json()) as HostResult<T>;
    if (!r.ok) throw new Error(`${method}: ${r.en}`);
    return r.value;
  };
  let host = await start();
  const desks: Desk[] = [];
  try {
    const info = await call<SharedPageInfo>('shareStart', [{ deskName: '王组版', proofreaderName: '赵校对', lan: false }]);
    const invitation = parseInvitation(info.invitations[0].invitation);
    if (!invitation.ok) throw new Error(invitation.en);
    desks.push(connect(info.deskUrl, info.pageId, info.deskToken, '王组版', '组版', new PageStore(samplePage())));
    await desks[0].session.whenSynced(60_000);
    const proof = new JoinedPageDocs();
    desks.push(connect(invitation.server, info.pageId, invitation.token, '赵校对', '校对', proof));
    await until('the proofreader has the page', () => sameBodies(desks[0].docs, proof));
    return await runRounds(rounds, desks as [Desk, Desk], {
      dies: 0,
      kill: () => kill(host),
      restart: async () => {
        host = await start();
        // the desk's host answers as before: the same share, at the same address
        const again = await call<SharedPageInfo | null>('shareStatus', []);
        if (again?.pageId !== info.pageId || again.deskUrl !== info.deskUrl || again.deskToken !== info.deskToken) throw new Error(`the share did not resume: ${JSON.stringify(again)}`);
      },
      revive: async (i) => reviveFromBackup(join(dir, '.banmian-state'), desks[i], info.pageId, info.deskUrl, (backup) => connect(info.deskUrl, info.pageId, info.deskToken, '王组版', '组版', new PageStore(docsOfDeskBackup(backup)))),
    });
  } finally {
    for (const d of desks) d.session.destroy();
    await kill(host, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The newsroom server as a process, killed and restarted on its port and data folder. */
export async function newsroomServerRounds(rounds: number): Promise<OutageFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-outage-server-'));
  const port = await freePort();
  const usersFile = join(dir, 'users.json');
  const url = `ws://127.0.0.1:${port}`;
  const start = (): Promise<ChildProcess> => startProcess([join(root, 'src-main/server/cli.ts'), '--port', String(port), '--data', join(dir, 'data'), '--users', usersFile], 'ready ');
  let server = await start();
  const desks: Desk[] = [];
  const pageId = 'outage';
  const tokens = [addUser(usersFile, '王组版', '组版').token, addUser(usersFile, '赵校对', '校对').token];
  try {
    desks.push(connect(url, pageId, tokens[0], '王组版', '组版', new PageStore(samplePage())));
    await desks[0].session.whenSynced(60_000);
    const proof = new JoinedPageDocs();
    desks.push(connect(url, pageId, tokens[1], '赵校对', '校对', proof));
    await until('the proofreader has the page', () => sameBodies(desks[0].docs, proof));
    const stateDir = join(dir, 'proof-desk-state');
    return await runRounds(rounds, desks as [Desk, Desk], {
      dies: 1,
      kill: () => kill(server),
      restart: async () => {
        server = await start();
      },
      // the proofreader's app restarts and joins again: empty documents, the backup merged into them
      revive: async (i) =>
        reviveFromBackup(stateDir, desks[i], pageId, url, (backup) => {
          const docs = new JoinedPageDocs();
          mergeDeskBackup(backup, docs);
          return connect(url, pageId, tokens[1], '赵校对', '校对', docs);
        }),
    });
  } finally {
    for (const d of desks) d.session.destroy();
    await kill(server, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
