import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { PageStore } from '../../src-core/store/page-store';
import { layoutParts } from '../../src-core/store/ydocs';
import { ServerProcess, bodyText, freePort, joinDesk, shareDesk, tempDir, token, typeInto, until } from './support';

/**
 * The scale path: two server instances share documents through Redis (Debian's redis-server on
 * loopback) and one SQLite file. Skipped, with a note, where redis-server is not installed.
 */

const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
if (!hasRedis) console.log('tests/collab/redis.test.ts: redis-server not installed (apt-get install redis-server); the Redis scale-path test is skipped');

describe.skipIf(!hasRedis)('two instances behind Redis', () => {
  const tmp = tempDir('banmian-redis-');
  const usersFile = `${tmp.dir}/users.json`;
  let redis: ChildProcess | undefined;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    const redisPort = await freePort();
    redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    await new Promise<void>((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`redis did not start:\n${out}`)), 15_000);
      redis!.stdout!.on('data', (b: Buffer) => {
        out += b.toString();
        if (out.includes('Ready to accept connections')) {
          clearTimeout(timer);
          res();
        }
      });
    });
    for (const name of ['one', 'two']) {
      const s = new ServerProcess(await freePort(), `${tmp.dir}/data`, usersFile, ['--redis', `127.0.0.1:${redisPort}`, '--name', name]);
      await s.start();
      servers.push(s);
    }
  });

  afterAll(async () => {
    for (const s of servers) await s.kill('SIGTERM');
    if (redis && redis.exitCode === null) {
      const gone = new Promise((r) => redis!.once('exit', r));
      redis.kill('SIGTERM');
      await gone;
    }
    tmp.remove();
  });

  it('desks on different instances see each other, and a sign-off on one locks the other', async () => {
    const [one, two] = servers;
    const store = new PageStore(samplePage());
    const layout = shareDesk(one.url, 'scaled', token(usersFile, '王组版', '组版'), '王组版', '组版', store);
    const proof = joinDesk(two.url, 'scaled', token(usersFile, '赵校对', '校对'), '赵校对', '校对');
    const chief = joinDesk(two.url, 'scaled', token(usersFile, '钱值班', '值班编辑'), '钱值班', '值班编辑');
    try {
      await layout.session.whenSynced();
      for (const d of [proof, chief]) {
        await until('joined through the other instance', () => d.docs.articleIds().length > 0 && d.docs.articleIds().every((id) => d.docs.articleDoc(id)));
        await d.session.whenSynced();
      }
      // the story's text, not only its document, across the instances before the desks type into it
      await until('the text arrived through the other instance', () => bodyText(proof.docs.articleDoc('xu-chaowen')!) === bodyText(store.articleDoc('xu-chaowen')!));
      typeInto(store.articleDoc('xu-chaowen')!, 0, 0, '一号机');
      typeInto(proof.docs.articleDoc('xu-chaowen')!, 1, 0, '二号机');
      store.moveBlock('b-xu-chaowen', 1, 42);
      await until('converged across instances', () => bodyText(store.articleDoc('xu-chaowen')!) === bodyText(proof.docs.articleDoc('xu-chaowen')!));
      expect(bodyText(store.articleDoc('xu-chaowen')!)).toContain('一号机');
      expect(bodyText(store.articleDoc('xu-chaowen')!)).toContain('二号机');
      await until('move crosses', () => layoutParts(proof.docs.layoutDoc).blocks.get('b-xu-chaowen')!.get('row') === 42);
      await until('presence crosses', () => layout.session.presence().some((p) => p.name === '赵校对'));

      expect(await chief.session.signOff()).toEqual({ ok: true });
      await until('the lock reaches instance one', () => layout.session.status().signedOff);
      const before = bodyText(proof.docs.articleDoc('xu-chaowen')!);
      typeInto(store.articleDoc('xu-chaowen')!, 0, 0, '锁后');
      await until('refused on instance one', () => layout.session.status().refused >= 1);
      expect(bodyText(proof.docs.articleDoc('xu-chaowen')!)).toBe(before);
      expect(await chief.session.reopen('版面需调整')).toEqual({ ok: true });
      await until('reopened on instance one', () => !layout.session.status().signedOff);
    } catch (e) {
      console.log(servers.map((s) => s.output).join('\n----\n'), JSON.stringify(proof.session.status()));
      for (const d of [proof, chief]) console.log(d.name, d.docs.articleIds().map((id) => `${id}:${bodyText(d.docs.articleDoc(id)!).length}/${bodyText(store.articleDoc(id)!).length}`).join(' '));
      throw e;
    } finally {
      for (const d of [layout, proof, chief]) d.session.destroy();
    }
  });
});
