import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { editionIdOf, editionPageId } from '../../src-core/edition/shared-edition';
import type { EditionDocument } from '../../src-core/edition/edition';
import { parseEdition } from '../../src-core/edition/edition-file';
import { type RichDoc } from '../../src-core/model/richtext';
import { EditionClient } from '../../src-renderer/edition/edition-client';
import { NodeWebSocket } from '../support/node-websocket';
import { storyArticle as article, storyBlock as block, tabloidPage as page } from '../support/edition-sample';
import { bodyText, editionClient, editionDesk, serverSuite, ServerProcess, token, typeInto, until, type SuitePerson } from './support';

/**
 * The shared pool (稿库) of an edition through the server (issue 17, item 6): one edition document
 * beside the pages' documents, written by the server only. Two desks on two pages of one edition:
 * both see the same pool (unplaced articles included); an article placed on one page leaves the
 * other desk's unplaced list and cannot be placed twice; an article moves between pages with its
 * edits; a continued story's cut follows an edit of its first part and can be moved, its text never
 * lost or drawn twice; any desk's 保存 writes the whole edition from the server's state.
 */

const suite = serverSuite('banmian-edition-pool-');


/** Page 1 holds 要闻's first part, page 2 its continuation and 综合; 待用稿 and 备用稿 are in the pool on no page. */
function edition(date: string): EditionDocument {
  return {
    formatVersion: 2,
    edition: { paper: '洛阳日报', date, format: 'tabloid', jumpStyle: 'ordinal' },
    articles: [
      article('yaowen', ['要闻第一段。', '要闻第二段。', '要闻第三段。']),
      article('zonghe', ['综合第一段。', '综合第二段。']),
      article('daiyong', ['待用稿第一段。']),
      article('beiyong', ['备用稿第一段。']),
    ],
    images: [],
    pages: [
      { number: 1, name: '要闻', section: '', page: page(1), articles: ['yaowen'], images: [], blocks: [block('b1', 'yaowen')] },
      { number: 2, name: '综合', section: '', page: page(2), articles: ['zonghe', 'yaowen'], images: [], blocks: [block('b2', 'zonghe'), block('b2-jump', 'yaowen', 30)] },
    ],
    chains: [{ article: 'yaowen', parts: [{ block: 'b1', from: 0 }, { block: 'b2-jump', from: 2 }] }],
  };
}

/** A desk on page `index` (its own PageStore, shared as 发布到服务器 does) and on the edition. */
const desk = (ed: EditionDocument, index: number, who: SuitePerson) => editionDesk(suite, ed, index, who);

/** A paragraph appended to an article document's body, as the story editor's Enter makes one. */
function appendParagraph(doc: Y.Doc, text: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  const body = doc.getXmlFragment('body');
  body.insert(body.length, [p]);
}

const texts = (body: RichDoc): string[] => body.content.map((p) => (p.content ?? []).map((t) => (t.type === 'text' ? t.text : '')).join(''));

/** The edition a save answered with, parsed; fails the test with the server's words otherwise. */
function saved(result: Awaited<ReturnType<EditionClient['save']>>): EditionDocument {
  if (!result.ok) throw new Error(result.en);
  const parsed = parseEdition(result.edition!, { duplicateNumbers: 'allow' });
  if (!parsed.ok) throw new Error(parsed.en);
  return parsed.edition;
}

/** 孙组版 may open page 2 of the 12-08 edition only (in the users file before the server starts). */
const GRANTED = edition('2026-12-08');
const pageTwoOnly = token(suite.usersFile, '孙组版', '组版', [editionPageId(GRANTED, 1)!]);

describe('one pool for the edition, through the server (two desks, two pages)', () => {
  it('both desks see the same pool; a placed article leaves both unplaced lists, cannot be placed twice, and moves between pages with its edits', async () => {
    const ed = edition('2026-12-05');
    const a = await desk(ed, 0, 'layout');
    expect(await a.edition.seed(ed)).toEqual({ ok: true });
    const b = await desk(ed, 1, 'layout2');
    await until('B sees the pool', () => b.edition.unplaced().length === 2);
    expect(a.edition.unplaced()).toEqual(['daiyong', 'beiyong']);
    expect(b.edition.unplaced()).toEqual(['daiyong', 'beiyong']);
    expect(await a.edition.seed(ed)).toMatchObject({ ok: false, en: expect.stringContaining('on the server already') });

    // A places 待用稿 on page 1: the server writes page 1, so A's page has it; both lists lose it
    expect(await a.edition.place('daiyong', 1)).toEqual({ ok: true });
    await until('the article arrives on page 1', () => a.store.articleIds().includes('daiyong') && bodyText(a.store.articleDoc('daiyong')!) === '待用稿第一段。');
    await until('both unplaced lists lose it', () => a.edition.unplaced().join() === 'beiyong' && b.edition.unplaced().join() === 'beiyong');
    // B cannot place it too: the server says where it is
    expect(await b.edition.place('daiyong', 2)).toMatchObject({ ok: false, zh: expect.stringContaining('第1版'), en: expect.stringContaining('page 1') });
    expect(b.store.articleIds()).not.toContain('daiyong');

    // two desks placing one article at once: the server runs one request after the other, one wins
    const both = await Promise.all([a.edition.place('beiyong', 1), b.edition.place('beiyong', 2)]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    const [winner, loser] = both[0].ok ? [a, b] : [b, a];
    await until('the winner has it', () => winner.store.articleIds().includes('beiyong'));
    expect(loser.store.articleIds()).not.toContain('beiyong');
    expect(await winner.edition.unplace('beiyong')).toEqual({ ok: true });
    await until('it is back in the pool', () => a.edition.unplaced().join() === 'beiyong' && b.edition.unplaced().join() === 'beiyong');

    // a 校对 sees the pool but may not change it
    const proof = editionClient(suite, ed, 'proof');
    await proof.whenSynced();
    expect(proof.unplaced()).toEqual(['beiyong']);
    expect(await proof.place('beiyong', 2)).toMatchObject({ ok: false, en: expect.stringContaining('layout editor or the duty editor') });

    // moved: A edits it, takes it back into the pool, B places it on page 2 and has A's edit
    typeInto(a.store.articleDoc('daiyong')!, 0, 0, '【一版改】');
    await until('A sees its own edit', () => bodyText(a.store.articleDoc('daiyong')!).startsWith('【一版改】'));
    expect(await a.edition.unplace('daiyong')).toEqual({ ok: true });
    await until('page 1 no longer lists it', () => !a.store.articleIds().includes('daiyong'));
    await until('it is unplaced on both desks', () => b.edition.unplaced().includes('daiyong'));
    expect(await b.edition.place('daiyong', 2)).toEqual({ ok: true });
    await until('it arrives on page 2 with the edit', () => b.store.articleDoc('daiyong') !== undefined && bodyText(b.store.articleDoc('daiyong')!) === '【一版改】待用稿第一段。');
    expect(a.edition.edition()!.pages.map((p) => p.articles)).toEqual([['yaowen'], ['zonghe', 'yaowen', 'daiyong']]);
  });

  it("any desk's 保存 writes the whole edition from the server: A's page 1 edit and B's page 2 edit are both in B's file; the cut follows A's new paragraph", async () => {
    const ed = edition('2026-12-06');
    const a = await desk(ed, 0, 'layout');
    expect(await a.edition.seed(ed)).toEqual({ ok: true });
    const b = await desk(ed, 1, 'layout2');
    typeInto(a.store.articleDoc('yaowen')!, 0, 0, '【一版改】');
    appendParagraph(a.store.articleDoc('yaowen')!, '要闻一版新增段。');
    typeInto(b.store.articleDoc('zonghe')!, 1, 0, '【二版改】');
    typeInto(b.store.articleDoc('yaowen-续')!, 0, 0, '【续】');

    const file = await untilSaved(b.edition, (e) => texts(e.articles.find((x) => x.id === 'yaowen')!.body).length === 4 && texts(e.articles.find((x) => x.id === 'zonghe')!.body)[1].startsWith('【二版改】'));
    const yaowen = file.articles.find((x) => x.id === 'yaowen')!;
    // every paragraph once, in order: page 1's three (one new), page 2's continued one
    expect(texts(yaowen.body)).toEqual(['【一版改】要闻第一段。', '要闻第二段。', '要闻一版新增段。', '【续】要闻第三段。']);
    expect(file.chains[0].parts.map((p) => p.from)).toEqual([0, 3]);
    expect(texts(file.articles.find((x) => x.id === 'zonghe')!.body)).toEqual(['综合第一段。', '【二版改】综合第二段。']);
    // what B saved is what A's desk sees of the edition now
    await until('A sees the folded edition', () => a.edition.edition()?.chains[0].parts[1].from === 3);
  });

  it('a continued story\'s cut moves between the pages: the paragraph leaves page 1 and starts page 2, never lost or drawn twice', async () => {
    const ed = edition('2026-12-07');
    const a = await desk(ed, 0, 'layout');
    expect(await a.edition.seed(ed)).toEqual({ ok: true });
    const b = await desk(ed, 1, 'layout2');

    expect(await b.edition.moveCut('yaowen', 1, 1)).toEqual({ ok: true });
    await until('page 1 gives its last paragraph', () => bodyText(a.store.articleDoc('yaowen')!) === '要闻第一段。');
    await until('page 2 starts with it', () => bodyText(b.store.articleDoc('yaowen-续')!) === '要闻第二段。\n要闻第三段。');
    const file = saved(await a.edition.save());
    expect(file.chains[0].parts.map((p) => p.from)).toEqual([0, 1]);
    expect(texts(file.articles.find((x) => x.id === 'yaowen')!.body)).toEqual(['要闻第一段。', '要闻第二段。', '要闻第三段。']);

    // back again, and a part never empties
    expect(await a.edition.moveCut('yaowen', 1, -1)).toEqual({ ok: true });
    await until('page 1 has it back', () => bodyText(a.store.articleDoc('yaowen')!) === '要闻第一段。\n要闻第二段。');
    expect(await a.edition.moveCut('yaowen', 1, 2)).toMatchObject({ ok: false, en: 'Each part keeps at least one paragraph' });
    expect(bodyText(b.store.articleDoc('yaowen-续')!)).toBe('要闻第三段。');
  });
});

describe('a continued part moved to another page on the server (移至第N版)', () => {
  it('its text arrives on the new page with an edit made just before, leaves the old page, and the jump lines renumber on every desk', async () => {
    const two = edition('2026-12-10');
    const ed = { ...two, pages: [...two.pages, { number: 3, name: '经济', section: '', page: page(3), articles: [], images: [], blocks: [] }] };
    const a = await desk(ed, 0, 'layout');
    expect(await a.edition.seed(ed)).toEqual({ ok: true });
    const b = await desk(ed, 1, 'layout2');
    const c = await desk(ed, 2, 'chief');
    expect(a.store.article('yaowen')!.jumpTo).toBe('（下转第2版）');

    // B types into the part and moves it at once: the edit goes with it; so does a proofreader's comment thread on it
    typeInto(b.store.articleDoc('yaowen-续')!, 0, 0, '新');
    const thread = { id: 'th1', quote: '要闻第三段', round: '一校', comments: [{ author: '赵校对', role: '校对' as const, at: '2026-12-10T20:00:00Z', text: '核实数字' }], resolved: false };
    b.store.articleDoc('yaowen-续')!.getMap('threads').set('th1', thread);
    expect(await b.edition.movePart('b2-jump', 3)).toEqual({ ok: true });
    await until('page 3 has the part, its edit and 上接第1版', () => c.store.article('yaowen-续')?.jumpFrom === '（上接第1版）' && bodyText(c.store.articleDoc('yaowen-续')!) === '新要闻第三段。');
    expect(c.store.snapshot().blocks.map((blk) => blk.id)).toEqual(['b2-jump']);
    await until('the comment thread is on page 3', () => c.store.articleDoc('yaowen-续')!.getMap('threads').get('th1') !== undefined);
    expect(c.store.articleDoc('yaowen-续')!.getMap('threads').get('th1')).toEqual(thread);
    await until('page 2 no longer holds it', () => !b.store.snapshot().blocks.some((blk) => blk.id === 'b2-jump'));
    expect(b.store.snapshot().articles.map((x) => x.id)).toEqual(['zonghe']);
    await until("page 1's jump line names page 3", () => a.store.article('yaowen')!.jumpTo === '（下转第3版）');
    // the file: the part's block on page 3, the story's text whole and once
    const file = saved(await a.edition.save());
    expect(file.pages.map((p) => p.articles)).toEqual([['yaowen'], ['zonghe'], ['yaowen']]);
    expect(file.pages[2].blocks.map((blk) => blk.id)).toEqual(['b2-jump']);
    expect(texts(file.articles.find((x) => x.id === 'yaowen')!.body)).toEqual(['要闻第一段。', '要闻第二段。', '新要闻第三段。']);

    // back onto page 1, where the part before it is: the two join as 续排, no jump lines
    expect(await c.edition.movePart('b2-jump', 1)).toEqual({ ok: true });
    // (a part's fields read '' until its document arrives: its text is waited for too)
    await until('page 1 holds both parts, no jump line between', () => a.store.article('yaowen')!.jumpTo === '' && bodyText(a.store.articleDoc('yaowen-续') ?? new Y.Doc()) === '新要闻第三段。');
    expect(a.store.article('yaowen-续')).toMatchObject({ jumpFrom: '', headline: '' });
    await until('page 3 is empty again', () => c.store.snapshot().blocks.length === 0);
    // and a page the story runs back onto is refused, the server's words
    expect(await a.edition.movePart('b1', 3)).toMatchObject({ ok: false, en: expect.stringContaining('move that part first') });
  });
});

describe('the edition document is stored', () => {
  it('placements survive a server restart', async () => {
    const ed = edition('2026-12-09');
    const a = await desk(ed, 0, 'layout');
    expect(await a.edition.seed(ed)).toEqual({ ok: true });
    expect(await a.edition.place('beiyong', 1)).toEqual({ ok: true });
    suite.closeAll();
    await suite.server.kill('SIGTERM');
    suite.server = new ServerProcess(suite.server.port, suite.server.dataDir, suite.server.usersFile);
    await suite.server.start();
    const again = editionClient(suite, ed, 'chief');
    await again.whenSynced();
    expect(again.unplaced()).toEqual(['daiyong']);
    expect(again.edition()!.pages[0].articles).toEqual(['yaowen', 'beiyong']);
  });
});

describe('grants on the edition', () => {
  it("a grant for one page opens its edition's pool; a request that writes another page is refused", async () => {
    const a = await desk(GRANTED, 0, 'layout');
    expect(await a.edition.seed(GRANTED)).toEqual({ ok: true });
    const sun = new EditionClient({ url: suite.server.url, token: pageTwoOnly, editionId: editionIdOf(GRANTED)!, WebSocket: NodeWebSocket });
    suite.closers.push(() => sun.destroy());
    await sun.whenSynced();
    expect(sun.unplaced()).toEqual(['daiyong', 'beiyong']);
    expect(await sun.place('daiyong', 1)).toMatchObject({ ok: false, zh: '您没有第1版的权限', en: 'You have no grant for page 1' });
    expect(await sun.place('daiyong', 2)).toEqual({ ok: true });
    expect(await sun.moveCut('yaowen', 1, 1)).toMatchObject({ ok: false, en: 'You have no grant for page 1' });
    expect(await sun.movePart('b2-jump', 1)).toMatchObject({ ok: false, en: 'You have no grant for page 1' });
    // another day's edition is not this grant's
    const other = new EditionClient({ url: suite.server.url, token: pageTwoOnly, editionId: editionIdOf(edition('2026-12-05'))!, WebSocket: NodeWebSocket });
    suite.closers.push(() => other.destroy());
    await expect(other.whenSynced()).rejects.toThrow('no grant');
    expect(other.refused()).toEqual({ zh: '您没有打开此版面的权限', en: 'You have no grant for this page' });
  });
});

/** Saves until the server's file shows what `done` wants (the desks' edits reach the server asynchronously). */
async function untilSaved(client: EditionClient, done: (e: EditionDocument) => boolean): Promise<EditionDocument> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const e = saved(await client.save());
    if (done(e) || Date.now() > deadline) return e;
    await new Promise((r) => setTimeout(r, 100));
  }
}
