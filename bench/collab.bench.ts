/**
 * Collaboration under load, on loopback only: a real server process (`src-main/server/cli.ts`), 20
 * simulated desks on one page, each typing into its own article (one character every 100 ms) for 60 s
 * (`--seconds N` for a shorter run; `--durability full` to fsync every update). Every desk follows every document of the page, so each keystroke
 * reaches 19 other desks. Prints: update latency from the typing desk to each other desk (p50, p95,
 * max), convergence, errors, updates sent, server memory (RSS now and peak).
 * The desks share one Node process, so the latency includes their own event-loop queueing.
 * Then, on a server of its own, the connection's recovery (medians over `--rounds N`, at most 5):
 * dead-connection detection (the server frozen with SIGSTOP, its sockets left open and silent as after
 * a pulled cable, until the desk says 离线; target ≤ 5 s) and reconnection (the server killed, left down
 * 6 s so that the backoff reaches its cap, restarted on the same port: from its `ready` until the desk
 * is online; target ≤ 3 s).
 * And 20 SIGKILL/restart rounds (`--rounds N`, default 20) of the sharing host and of the newsroom server with
 * both desks editing while it is down (bench/outage-rounds.ts): edits made, edits lost, reconnect time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../tests/collab/support';
import { NodeWebSocket } from '../tests/support/node-websocket';
import * as Y from 'yjs';
import { JoinedPageDocs } from '../src-core/collab/joined-page';
import { CollabSession } from '../src-renderer/collab/session/session';
import type { Role } from '../src-core/collab/roles';
import { PageStore } from '../src-core/store/page-store';
import { addUser } from '../src-main/server/users';
import { newsroomServerRounds, sharingHostRounds, type OutageFigures } from './outage-rounds';
import { fullTextPage, samplePage } from './pages';
import { median, percentile, printFigure } from './stats';

const secondsArg = process.argv.indexOf('--seconds');
const SECONDS = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 60;
const durabilityArg = process.argv.indexOf('--durability');
const DURABILITY = durabilityArg > 0 ? process.argv[durabilityArg + 1] : 'normal';
const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 20;
const DESKS = 20;
const INTERVAL_MS = 100;
const root = fileURLToPath(new URL('..', import.meta.url));


function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

function firstText(doc: Y.Doc): Y.XmlText {
  const p = doc.getXmlFragment('body').get(0) as Y.XmlElement;
  return p.get(0) as Y.XmlText;
}

function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const start = Date.now();
  return new Promise((res) => {
    const tick = (): void => {
      if (check()) res(true);
      else if (Date.now() - start > timeoutMs) res(false);
      else setTimeout(tick, 50);
    };
    tick();
  });
}

/** Liveness rounds take ~10 s each (6 s down): at most 5 of them. */
const LIVENESS_ROUNDS = Math.min(ROUNDS, 5);

/** The server as its own process, resolved once it says `ready`. */
async function startServer(port: number, dir: string, usersFile: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'src-main/server/cli.ts'), '--port', String(port), '--data', join(dir, 'data'), '--users', usersFile, '--durability', DURABILITY], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((res, rej) => {
    let out = '';
    server.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('ready ')) res();
    });
    server.once('exit', (c) => rej(new Error(`server exited ${c}`)));
  });
  return server;
}

async function stopServer(server: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const gone = new Promise((r) => server.once('exit', r));
  server.kill(signal);
  await gone;
}

/** Dead-connection detection and reconnection times of one desk, medians over LIVENESS_ROUNDS. */
async function recovery(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-bench-recovery-'));
  const usersFile = join(dir, 'users.json');
  const port = await freePort();
  let server = await startServer(port, dir, usersFile);
  const session = new CollabSession({ url: `ws://127.0.0.1:${port}`, token: addUser(usersFile, 'desk', '组版').token, pageId: 'recovery', user: { name: 'desk', role: '组版' }, docs: new PageStore(samplePage()), WebSocket: NodeWebSocket });
  const state = (): string => session.status().connection;
  const detect: number[] = [];
  const reconnect: number[] = [];
  try {
    await session.whenSynced(60_000);
    for (let round = 0; round < LIVENESS_ROUNDS; round++) {
      process.kill(server.pid!, 'SIGSTOP');
      let start = performance.now();
      if (!(await until(() => state() === 'offline', 60_000))) throw new Error('a frozen server was never seen');
      detect.push(performance.now() - start);
      process.kill(server.pid!, 'SIGCONT');
      if (!(await until(() => state() === 'online', 60_000))) throw new Error('no reconnection after SIGCONT');

      await stopServer(server, 'SIGKILL');
      await until(() => state() === 'offline', 60_000);
      await new Promise((r) => setTimeout(r, 6000));
      server = await startServer(port, dir, usersFile);
      start = performance.now();
      if (!(await until(() => state() === 'online', 60_000))) throw new Error('no reconnection after a restart');
      reconnect.push(performance.now() - start);
    }
    printFigure('collab.dead.detect.median', median(detect), 'ms', `server frozen (SIGSTOP) → desk 离线, ${LIVENESS_ROUNDS} rounds, max ${Math.round(Math.max(...detect))} ms; target ≤ 5000 ms`);
    printFigure('collab.reconnect.median', median(reconnect), 'ms', `server restarted after 6 s down → desk online, ${LIVENESS_ROUNDS} rounds, max ${Math.round(Math.max(...reconnect))} ms; target ≤ 3000 ms`);
  } finally {
    session.destroy();
    await stopServer(server, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-bench-'));
  const usersFile = join(dir, 'users.json');
  const port = await freePort();
  const server = await startServer(port, dir, usersFile);
  let errors = 0;
  try {
    const url = `ws://127.0.0.1:${port}`;
    const page = fullTextPage(12_000, DESKS);
    const articleIds = page.articles.map((a) => a.id);
    const roles: Role[] = ['组版', '校对', '值班编辑'];

    // desk 0 shares the page; the others join it
    const store = new PageStore(page);
    type Desk = { session: CollabSession; doc: (id: string) => Y.Doc | undefined };
    const desks: Desk[] = [];
    const make = (i: number, docs: ConstructorParameters<typeof CollabSession>[0]['docs'], create?: (id: string) => Y.Doc): CollabSession => {
      const role = i === 0 ? '组版' : roles[i % 3];
      const token = addUser(usersFile, `desk${i}`, role).token;
      const session = new CollabSession({ url, token, pageId: 'load', user: { name: `desk${i}`, role }, docs, createArticleDoc: create, WebSocket: NodeWebSocket, reconnectDelay: 200 });
      session.subscribe(() => {
        if (session.status().error) errors++;
      });
      return session;
    };
    desks.push({ session: make(0, store), doc: (id) => store.articleDoc(id) });
    await desks[0].session.whenSynced(60_000);
    for (let i = 1; i < DESKS; i++) {
      const docs = new JoinedPageDocs();
      desks.push({ session: make(i, docs, docs.createArticleDoc), doc: (id) => docs.articleDoc(id) });
    }
    const joined = await until(() => desks.every((d) => articleIds.every((id) => d.doc(id) && d.doc(id)!.getXmlFragment('body').length > 0)), 120_000);
    if (!joined) throw new Error('desks did not join the page');
    for (const d of desks) await d.session.whenSynced(60_000);

    // latency: the typing desk notes when each length was reached; the others, when they see it
    const sentAt = new Map<string, number[]>();
    const samples: number[] = [];
    for (const id of articleIds) sentAt.set(id, []);
    desks.forEach((desk, i) => {
      for (const id of articleIds) {
        if (id === articleIds[i]) continue;
        const text = firstText(desk.doc(id)!);
        let seen = text.length;
        text.observe(() => {
          const now = performance.now();
          const times = sentAt.get(id)!;
          for (let len = seen + 1; len <= text.length; len++) if (times[len] !== undefined) samples.push(now - times[len]);
          seen = Math.max(seen, text.length);
        });
      }
    });

    let sent = 0;
    const timers = desks.map((desk, i) =>
      setInterval(
        () => {
          const id = articleIds[i];
          const text = firstText(desk.doc(id)!);
          text.insert(text.length, '字');
          sentAt.get(id)![text.length] = performance.now();
          sent++;
        },
        INTERVAL_MS + (i % 5), // not all in the same tick
      ),
    );
    let peakPending = 0;
    const watch = setInterval(() => (peakPending = desks.reduce((m, d) => Math.max(m, d.session.status().pending), peakPending)), 500);
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    timers.forEach(clearInterval);
    clearInterval(watch);

    const settled = await until(() => desks.every((d) => d.session.status().synced), 60_000);
    const converged =
      settled &&
      (await until(
        () => articleIds.every((id) => desks.every((d) => firstText(d.doc(id)!).toString() === firstText(desks[0].doc(id)!).toString())),
        30_000,
      ));
    const refused = desks.reduce((n, d) => n + d.session.status().refused, 0);
    const mem = memoryOf(server.pid!);

    printFigure('collab.latency.p50', percentile(samples, 50), 'ms', `typing desk → each other desk, ${samples.length} deliveries`);
    printFigure('collab.latency.p95', percentile(samples, 95), 'ms', 'target ≤ 100 ms on loopback');
    printFigure('collab.latency.max', samples.reduce((m, v) => Math.max(m, v), 0), 'ms');
    printFigure('collab.updates', sent, 'updates', `${DESKS} desks × ${SECONDS} s, one character per ${INTERVAL_MS} ms each`);
    printFigure('collab.converged', converged ? 1 : 0, 'bool', `${DESKS} desks × ${articleIds.length} articles identical after the run`);
    printFigure('collab.errors', errors + refused + (converged ? 0 : 1), 'errors', 'connection refusals, refused updates, divergence');
    printFigure('collab.pending.peak', peakPending, 'changes', 'largest unacknowledged count on one desk (sampled every 500 ms)');
    printFigure('collab.server.rss', mem.rss, 'MiB', `server process after the run, durability ${DURABILITY}`);
    printFigure('collab.server.rss.peak', mem.peak, 'MiB', 'server process high-water mark');
    for (const d of desks) d.session.destroy();
  } finally {
    await stopServer(server, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
  await recovery();
}

function printOutage(name: string, f: OutageFigures): void {
  printFigure(`${name}.edits.made`, f.made, 'edits', `${f.rounds} SIGKILL/restart rounds, both desks editing while it is down`);
  printFigure(`${name}.edits.lost`, f.made - f.presentOnBoth, 'edits', `edits not on both desks afterwards, target 0${f.lost.length ? `: ${f.lost.slice(0, 5).join(' ')}` : ''}`);
  printFigure(`${name}.reconnect.p50`, percentile(f.reconnectMs, 50), 'ms', 'process ready → both desks in step');
  printFigure(`${name}.reconnect.max`, f.reconnectMs.reduce((m, v) => Math.max(m, v), 0), 'ms');
}

async function outages(): Promise<void> {
  printOutage('collab.outage.sharingHost', await sharingHostRounds(ROUNDS));
  printOutage('collab.outage.newsroomServer', await newsroomServerRounds(ROUNDS));
}

main().then(outages).catch((e) => {
  console.error(e);
  process.exit(1);
});
