import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { PageStore } from '../../src-core/store/page-store';
import { layoutParts } from '../../src-core/store/ydocs';
import { ServerProcess, bodyText, freePort, joinDesk, shareDesk, tempDir, token, typeInto, until } from './support';

/**
 * The server is killed with SIGKILL mid-session and restarted on the same port and data folder, on
 * node:sqlite (its one storage driver, in `npm run server` and inside Electron alike).
 */

const drivers = [{ driver: 'node:sqlite', runtime: undefined, available: true }];

describe.each(drivers)('a server on $driver killed with SIGKILL', ({ driver, runtime, available }) => {
  const tmp = tempDir('banmian-restart-');
  const usersFile = `${tmp.dir}/users.json`;
  let server: ServerProcess;

  beforeAll(async () => {
    if (!available) return;
    // a long store debounce, so what survives comes from the update log, not from a timely snapshot
    server = new ServerProcess(await freePort(), `${tmp.dir}/data`, usersFile, ['--debounce', '60000'], runtime);
    await server.start();
  });

  afterAll(async () => {
    await server?.kill('SIGTERM');
    tmp.remove();
  });

  it.skipIf(!available)('runs on the driver it was given', () => {
    expect(server.output).toContain(driver);
  });

  it.skipIf(!available)('has every acknowledged change after a restart, and the desks carry on', async () => {
    const layoutToken = token(usersFile, '王组版', '组版');
    const proofToken = token(usersFile, '赵校对', '校对');
    const store = new PageStore(samplePage());
    const layout = shareDesk(server.url, 'killed', layoutToken, '王组版', '组版', store);
    const proof = joinDesk(server.url, 'killed', proofToken, '赵校对', '校对');
    try {
      await layout.session.whenSynced();
      await until('proof joined', () => proof.docs.articleIds().length > 0 && proof.docs.articleIds().every((id) => proof.docs.articleDoc(id)));
      await proof.session.whenSynced();
      const mine = store.articleDoc('xu-chaowen')!;
      for (let i = 0; i < 40; i++) typeInto(mine, 0, i, '存');
      store.moveBlock('b-xu-chaowen', 2, 44);
      typeInto(proof.docs.articleDoc('anle')!, 0, 0, '校对已改');
      await layout.session.whenSynced();
      await proof.session.whenSynced();
      // the proofreader's change is acknowledged; it reaches the other desk through the server
      await until("the proofreader's change reaches the layout desk", () => bodyText(store.articleDoc('anle')!).startsWith('校对已改'));
      const acknowledged = { xu: bodyText(mine), anle: bodyText(store.articleDoc('anle')!) };

      // more typing that may or may not be acknowledged when the process dies
      for (let i = 0; i < 10; i++) typeInto(mine, 1, 0, '途');
      await server.kill('SIGKILL');
      await until('both desks notice', () => layout.session.status().connection !== 'online' && proof.session.status().connection !== 'online');

      // a desk that joins the restarted server before the old desks reconnect sees the acknowledged state
      await server.start();
      layout.session.goOffline();
      proof.session.goOffline();
      const fresh = joinDesk(server.url, 'killed', token(usersFile, '钱值班', '值班编辑'), '钱值班', '值班编辑');
      try {
        await until('fresh desk loaded', () => fresh.docs.articleIds().length > 0 && fresh.docs.articleIds().every((id) => fresh.docs.articleDoc(id)));
        await fresh.session.whenSynced();
        const xuAfter = bodyText(fresh.docs.articleDoc('xu-chaowen')!);
        // everything acknowledged is there; the unacknowledged 途 may or may not be
        expect(xuAfter.replace(/途/g, '')).toBe(acknowledged.xu);
        expect(bodyText(fresh.docs.articleDoc('anle')!)).toBe(acknowledged.anle);
        expect(layoutParts(fresh.docs.layoutDoc).blocks.get('b-xu-chaowen')!.toJSON()).toMatchObject({ col: 2, row: 44 });

        // the old desks reconnect, send what the server missed, and everyone converges
        layout.session.goOnline();
        proof.session.goOnline();
        await layout.session.whenSynced(20_000);
        await proof.session.whenSynced(20_000);
        await until('all three converge', () => {
          const t = bodyText(mine);
          return t === bodyText(fresh.docs.articleDoc('xu-chaowen')!) && t === bodyText(proof.docs.articleDoc('xu-chaowen')!);
        });
        expect((bodyText(mine).match(/途/g) ?? []).length).toBe(10);
      } finally {
        fresh.session.destroy();
      }
    } finally {
      layout.session.destroy();
      proof.session.destroy();
    }
  });
});
