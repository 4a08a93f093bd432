/**
 * Issue 21 (slice a) against a real server process: a connection left hanging (the server frozen
 * with SIGSTOP: its sockets stay open and answer nothing, as after a pulled cable) is called 离线 by
 * the heartbeat, not after the provider's 30 s; the other desks see the person who went named, not
 * vanished; a stopped share is told as such. States are awaited with generous timeouts (the
 * durations are measured in bench/collab.bench.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import type { Departure } from '../../src-renderer/collab/session/session';
import { PageStore } from '../../src-core/store/page-store';
import { ServerProcess, freePort, joinDesk, shareDesk, tempDir, token, until, type Desk } from './support';

describe('a dead connection is seen within the heartbeat window', () => {
  const tmp = tempDir('banmian-liveness-');
  let server: ServerProcess;
  const desks: Desk[] = [];
  const PAGE = 'liveness';

  beforeAll(async () => {
    server = new ServerProcess(await freePort(), `${tmp.dir}/data`, `${tmp.dir}/users.json`);
    await server.start();
  });

  afterAll(async () => {
    for (const d of desks) d.session.destroy();
    if (server.pid) process.kill(server.pid, 'SIGCONT');
    await server.kill('SIGTERM');
    tmp.remove();
  });

  it('a frozen server (sockets open, silent) makes the desk 离线 and retrying; it is online again when the server answers', async () => {
    const layout = shareDesk(server.url, PAGE, token(server.usersFile, '王组版', '组版'), '王组版', '组版', new PageStore(samplePage()));
    desks.push(layout);
    await layout.session.whenSynced(30_000);
    process.kill(server.pid!, 'SIGSTOP');
    try {
      // The provider alone would wait 30 s for a message; 12 s is well inside that and well beyond the heartbeat's 3.5 s.
      await until('offline while the server is frozen', () => layout.session.status().connection === 'offline', 12_000);
      expect(layout.session.status().reconnecting).toBe(true);
    } finally {
      process.kill(server.pid!, 'SIGCONT');
    }
    await until('online again', () => layout.session.status().connection === 'online', 30_000);
    await layout.session.whenSynced(30_000);
  });

  it('the others are told who went: 离线 for a lost desk (a greyed chip), 已停止共享 for a stopped share, not a fault', async () => {
    const layout = desks[0];
    const proof = joinDesk(server.url, PAGE, token(server.usersFile, '赵校对', '校对'), '赵校对', '校对');
    desks.push(proof);
    await proof.session.whenSynced(30_000);
    await until('each sees the other', () => layout.session.presence().length === 2 && proof.session.presence().length === 2, 30_000);
    const told: [string, Departure][] = [];
    layout.session.onDeparture((p, why) => told.push([p.name, why]));
    proof.session.onDeparture((p, why) => told.push([p.name, why]));

    // the proofreader's desk drops off without a word (its process would be gone)
    proof.session.goOffline();
    await until('the layout desk is told', () => told.length === 1, 30_000);
    expect(told).toEqual([['赵校对', 'offline']]);
    expect(layout.session.presence().find((p) => p.name === '赵校对')?.gone).toBe('offline');

    proof.session.goOnline();
    await until('back on the page', () => layout.session.presence().some((p) => p.name === '赵校对' && !p.gone), 30_000);

    // the layout desk stops the share: the proofreader hears who did, and stops retrying a server that is going away
    layout.session.announceLeaving('stopped');
    await new Promise((r) => setTimeout(r, 300)); // the awareness update goes out before the socket closes
    layout.session.destroy();
    await until('the proofreader is told', () => told.some(([, why]) => why === 'stopped'), 30_000);
    expect(told.at(-1)).toEqual(['王组版', 'stopped']);
    const status = proof.session.status();
    expect(status.endedBy).toBe('王组版');
    expect(status.reconnecting).toBe(false);
  });
});
