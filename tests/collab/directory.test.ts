import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { DIRECTORY_ERRORS, derivePageId, pageLabel } from '../../src-core/collab/directory';
import { findPage, listPages, type Fetch } from '../../src-renderer/collab/session/directory-client';
import { DENIAL_TEXT } from '../../src-core/collab/protocol';
import { LIMITS } from '../../src-main/server/limits';
import { PageStore } from '../../src-core/store/page-store';
import { ServerProcess, freePort, shareDesk, tempDir, token } from './support';

/**
 * The page directory of a real server process (`npm run server`'s entry): a 组版 publishes a page
 * (its PageStore seeds the server page, as 文件 → 发布到服务器 does), and `GET /pages` lists it by
 * name for a token whose grants include it, never for one whose grants do not; the three failures a
 * desk tells apart; failed tokens on the directory count against the same throttle as on sockets.
 */

const tmp = tempDir('banmian-directory-');
const usersFile = `${tmp.dir}/users.json`;
let server: ServerProcess;
const http: Fetch = (url, init) => fetch(url, init);

function page(paperName: string, date: string, pageNumber: string) {
  const doc = samplePage();
  return { ...doc, page: { ...doc.page, header: { ...doc.page.header, paperName, date, pageNumber } } };
}

const fresh = () => 'p-fresh';
const published = page('洛阳日报', '2024-01-16', '03');
const publishedId = derivePageId(published.page.header, fresh);
let layoutToken: string;

beforeAll(async () => {
  layoutToken = token(usersFile, '王组版', '组版');
  server = new ServerProcess(await freePort(), `${tmp.dir}/data`, usersFile);
  await server.start();
  const store = new PageStore(published);
  const desk = shareDesk(server.url, publishedId, layoutToken, '王组版', '组版', store);
  await desk.session.whenSynced();
  desk.session.destroy();
});

afterAll(async () => {
  await server?.kill('SIGTERM');
  tmp.remove();
});

describe('page directory (GET /pages)', () => {
  it('derives the page id from paper, date and page number; a page without them gets a fresh id', () => {
    expect(publishedId).toMatch(/^p20240116-03-[0-9a-f]{8}$/);
    expect(derivePageId(page('洛阳日报', '2024-01-16', '03').page.header, fresh)).toBe(publishedId);
    expect(derivePageId(page('人民日报', '2024-01-16', '03').page.header, fresh)).not.toBe(publishedId);
    expect(derivePageId(page('洛阳日报', '', '03').page.header, fresh)).toBe('p-fresh');
    expect(pageLabel({ paper: '洛阳日报', date: '2024-01-16', pageNumber: '03' })).toBe('洛阳日报 2024-01-16 第03版');
  });

  it('lists the published page by name for a token that may open it, and says whom the token names', async () => {
    const proof = token(usersFile, '赵校对', '校对', [publishedId]);
    // the publisher has left (its socket closes asynchronously): the entry then says nobody is on it
    let r = await listPages(server.url, proof, http);
    for (const deadline = Date.now() + 10_000; r.ok && r.value.pages[0]?.people?.length && Date.now() < deadline; r = await listPages(server.url, proof, http)) await new Promise((done) => setTimeout(done, 50));
    expect(r).toEqual({ ok: true, value: { person: { name: '赵校对', role: '校对' }, pages: [{ id: publishedId, paper: '洛阳日报', date: '2024-01-16', pageNumber: '03', people: [] }] } });
    expect(await findPage(server.url, proof, publishedId, http)).toMatchObject({ ok: true, value: { paper: '洛阳日报' } });
  });

  it('does not list it for a token whose grants do not include it; joining it by id says there is no such page', async () => {
    const other = token(usersFile, '孙校对', '校对', ['p20240116-04-other']);
    const r = await listPages(server.url, other, http);
    expect(r).toEqual({ ok: true, value: { person: { name: '孙校对', role: '校对' }, pages: [] } });
    expect(await findPage(server.url, other, publishedId, http)).toMatchObject({ ok: false, reason: 'noSuchPage', zh: DIRECTORY_ERRORS.noSuchPage.zh });
  });

  it('tells the three failures apart: no such page, token refused, server unreachable', async () => {
    const noPage = await findPage(server.url, layoutToken, 'p19990101-1-00000000', http);
    const refused = await listPages(server.url, 'bm1.unobody.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', http);
    const unreachable = await listPages(`ws://127.0.0.1:${await freePort()}`, layoutToken, http);
    expect([noPage, refused, unreachable].map((r) => !r.ok && r.reason)).toEqual(['noSuchPage', 'tokenRefused', 'unreachable']);
    expect(new Set([noPage, refused, unreachable].map((r) => !r.ok && r.zh)).size).toBe(3);
    expect(!refused.ok && refused.en).toBe(DENIAL_TEXT['banmian:bad-token'].en);
  });

  it('counts failed tokens on the directory: past the limit even a good token from that address waits', async () => {
    // A server of its own: the throttle is per address, and the other tests share 127.0.0.1.
    const own = new ServerProcess(await freePort(), `${tmp.dir}/data-throttle`, usersFile);
    await own.start();
    try {
      for (let i = 0; i < LIMITS.failedTokensPerMinute; i++) {
        expect(await listPages(own.url, `bm1.unobody.${'B'.repeat(30)}${i}`, http)).toMatchObject({ reason: 'tokenRefused' });
      }
      expect(await listPages(own.url, layoutToken, http)).toMatchObject({ ok: false, reason: 'throttled', zh: DENIAL_TEXT['banmian:too-many-attempts'].zh });
    } finally {
      await own.kill('SIGTERM');
    }
  });

  it('answers the app window across origins (CORS preflight) and only GET', async () => {
    const url = `http://127.0.0.1:${server.port}/pages`;
    const pre = await fetch(url, { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1:9', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toBe('authorization');
    expect((await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${layoutToken}` } })).status).toBe(405);
  });
});
