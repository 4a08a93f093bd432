import { describe, expect, it } from 'vitest';
import type { PagePerson } from '../../src-core/collab/directory';
import type { EditionDocument } from '../../src-core/edition/edition';
import { pageDocument } from '../../src-core/edition/page-doc';
import { editionPageId, serverPagesOf } from '../../src-renderer/edition/server-pages';
import { PageStore } from '../../src-core/store/page-store';
import { layoutParts } from '../../src-core/store/ydocs';
import { listPages, type Fetch } from '../../src-renderer/collab/session/directory-client';
import { storyArticle as article, storyBlock as block, tabloidPage as page } from '../support/edition-sample';
import { bodyText, joinDesk, PEOPLE, ServerProcess, serverSuite, shareDesk, typeInto, until, type Desk, type SuitePerson } from './support';

/**
 * Collaboration across an edition (issue 17, item 6): each page of an edition is its own server page
 * (`editionPageId`), so two desks on two pages of one edition each edit their own documents through
 * the same server, the per-page rules (roles, sign-off) hold page by page, and a third desk sees who
 * is on which page from the server's directory (`serverPagesOf`).
 */

const suite = serverSuite('banmian-edition-collab-');
const http: Fetch = (url, init) => fetch(url, init);

/**
 * Two pages of one day's paper: 要闻 on page 1 continues on page 2 (转版: its part there is the
 * article `yaowen-续`), beside 综合's own story. Each test has its own day, so its own server pages.
 */
function edition(date: string): EditionDocument {
  return {
    formatVersion: 2,
    edition: { paper: '洛阳日报', date, format: 'tabloid', jumpStyle: 'ordinal' },
    articles: [article('yaowen', ['要闻第一段。', '要闻第二段。', '要闻第三段。']), article('zonghe', ['综合第一段。', '综合第二段。'])],
    images: [],
    pages: [
      { number: 1, name: '要闻', section: '', page: page(1), articles: ['yaowen'], images: [], blocks: [block('b1', 'yaowen')] },
      { number: 2, name: '综合', section: '', page: page(2), articles: ['zonghe', 'yaowen'], images: [], blocks: [block('b2', 'zonghe'), { ...block('b2-jump', 'yaowen'), row: 30 }] },
    ],
    chains: [{ article: 'yaowen', parts: [{ block: 'b1', from: 0 }, { block: 'b2-jump', from: 2 }] }],
  };
}

let ed = edition('2026-12-03');
let ids: string[] = [];

/** The edition the test works on, and its pages' server ids. */
function useEdition(date: string): void {
  ed = edition(date);
  ids = ed.pages.map((_, i) => editionPageId(ed, i)!);
}

/** A desk publishing page `index` of the edition from its own PageStore (as 发布到服务器 does). */
async function publish(index: number, who: SuitePerson): Promise<{ store: PageStore; desk: Desk }> {
  const store = new PageStore(pageDocument(ed, index));
  const [name, role] = PEOPLE[who];
  const desk = suite.track(shareDesk(suite.server.url, ids[index], suite.tokens[who], name, role, store));
  await desk.session.whenSynced();
  return { store, desk };
}

async function join(index: number, who: SuitePerson) {
  const [name, role] = PEOPLE[who];
  const d = suite.track(joinDesk(suite.server.url, ids[index], suite.tokens[who], name, role));
  await until(`${who} receives page ${index + 1}`, () => d.docs.articleIds().length > 0 && d.docs.articleIds().every((id) => d.docs.articleDoc(id)));
  await d.session.whenSynced();
  return d;
}

/** Who the directory says is on each page of the edition, asked with `who`'s token. */
async function people(who: SuitePerson): Promise<string[][]> {
  const r = await listPages(suite.server.url, suite.tokens[who], http);
  if (!r.ok) throw new Error(r.en);
  return serverPagesOf(ed, r.value.pages).map((page) => (page?.people ?? []).map((p: PagePerson) => `${p.role} ${p.name}`).sort());
}

/** Polls the directory until it says `expected` (the server learns of a closed socket asynchronously). */
async function untilPeople(who: SuitePerson, expected: string[][]): Promise<void> {
  let last: string[][] = [];
  const deadline = Date.now() + 15_000;
  while (JSON.stringify((last = await people(who))) !== JSON.stringify(expected)) {
    if (Date.now() > deadline) throw new Error(`directory says ${JSON.stringify(last)}, expected ${JSON.stringify(expected)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('two desks on two pages of one edition (real server on loopback)', () => {
  it('each page is its own server page, named from the edition and the page', () => {
    useEdition('2026-12-03');
    expect(ids[0]).toMatch(/^p20261203-01-[0-9a-f]{8}$/);
    expect(ids[1]).toMatch(/^p20261203-02-[0-9a-f]{8}$/);
    expect(editionPageId({ ...ed, edition: { ...ed.edition, paper: '' } }, 0)).toBeUndefined();
  });

  it('each desk edits its page; both edits persist across a restart, neither page sees the other, a third desk sees who is on which', async () => {
    useEdition('2026-12-03');
    const one = await publish(0, 'layout');
    const two = await publish(1, 'layout2');
    typeInto(one.store.articleDoc('yaowen')!, 0, 0, '【一版改】');
    typeInto(two.store.articleDoc('zonghe')!, 1, 0, '【二版改】');
    typeInto(two.store.articleDoc('yaowen-续')!, 0, 0, '【续】');
    await one.desk.session.whenSynced();
    await two.desk.session.whenSynced();

    // a third desk (a 校对, granted every page) sees who is on which page
    await untilPeople('proof', [['组版 王组版'], ['组版 李组版']]);
    suite.closeAll();
    await untilPeople('proof', [[], []]);

    await suite.server.kill('SIGTERM');
    suite.server = new ServerProcess(suite.server.port, suite.server.dataDir, suite.server.usersFile);
    await suite.server.start();
    const first = await join(0, 'chief');
    const second = await join(1, 'chief');
    expect(first.docs.articleIds()).toEqual(['yaowen']);
    expect(second.docs.articleIds()).toEqual(['zonghe', 'yaowen-续']);
    // each page holds its own part of the continued story, with its own edit only
    expect(bodyText(first.docs.articleDoc('yaowen')!)).toBe('【一版改】要闻第一段。\n要闻第二段。');
    expect(bodyText(second.docs.articleDoc('yaowen-续')!)).toBe('【续】要闻第三段。');
    expect(bodyText(second.docs.articleDoc('zonghe')!)).toBe('综合第一段。\n【二版改】综合第二段。');
    await untilPeople('proof', [['值班编辑 钱值班'], ['值班编辑 钱值班']]);
  });

  it('roles and sign-off hold per page: signing page 1 leaves page 2 open; a 校对 on page 2 cannot move its blocks', async () => {
    useEdition('2026-12-04');
    const one = await publish(0, 'layout');
    const two = await publish(1, 'layout2');
    const chief = await join(0, 'chief');
    const proof = await join(1, 'proof');
    await untilPeople('layout', [['值班编辑 钱值班', '组版 王组版'], ['校对 赵校对', '组版 李组版']]);

    expect(await chief.session.signOff()).toEqual({ ok: true });
    await until('page 1 is signed on its desks', () => one.desk.session.status().signedOff && chief.session.status().signedOff);
    expect(two.desk.session.status().signedOff).toBe(false);

    // page 2 stays writable for its 组版, and the 校对's article edit reaches it
    two.store.moveBlock('b2', 1, 10);
    typeInto(proof.docs.articleDoc('zonghe')!, 0, 0, '校');
    await until('the move reaches the 校对', () => layoutParts(proof.docs.layoutDoc).blocks.get('b2')!.get('col') === 1);
    await until('the 校对 edit reaches the 组版', () => bodyText(two.store.articleDoc('zonghe')!).startsWith('校'));
    expect(two.desk.session.status().refused).toBe(0);

    // the 校对's own layout write on page 2 is refused and never reaches the 组版
    layoutParts(proof.docs.layoutDoc).blocks.get('b2')!.set('col', 2);
    await until('the server refuses it', () => proof.session.status().refused >= 1);
    // a later change of the 组版 arrives, so the refused one had its chance
    two.store.moveBlock('b2', 1, 20);
    await until('the later move arrives', () => layoutParts(proof.docs.layoutDoc).blocks.get('b2')!.get('row') === 20);
    expect(layoutParts(two.store.layoutDoc).blocks.get('b2')!.get('col')).toBe(1);

    // page 1 is locked: its 组版's edit is refused there, page 2 is untouched by the lock
    typeInto(one.store.articleDoc('yaowen')!, 0, 0, '锁');
    await until('page 1 refuses the edit', () => one.desk.session.status().refused >= 1);
    expect(two.desk.session.status().refused).toBe(0);
  });
});
