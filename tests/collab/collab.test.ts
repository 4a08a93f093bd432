import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { samplePage } from '../../bench/pages';
import { currentRound, roundParts, signoffLog } from '../../src-core/store/proof-doc';
import { addComment, proofParts, resolveThread } from '../../src-core/store/proof-doc';
import { PageStore } from '../../src-core/store/page-store';
import { layoutParts } from '../../src-core/store/ydocs';
import { layoutSnapshotOf } from '../../src-core/store/readers';
import { textOverlaps } from '../../src-core/model/overlap';
import { Editor } from '../../src-renderer/editor/editor';
import { fonts } from '../unit/support';
import { DENIAL_TEXT } from '../../src-core/collab/protocol';
import { bodyText, joinDesk, joinPage, serverSuite, shareSamplePage, token, typeInto, until } from './support';

/**
 * Two desks on one page through a real server process on loopback (`src-main/server/cli.ts`).
 * Each test uses its own page id, so tests do not see each other's documents.
 */

const suite = serverSuite('banmian-collab-');

/** The 组版 desk's session, as the sharing test desk holds it. */
const layoutDesk = (store: PageStore) => suite.open.find((d) => d.docs === store)!.session;


/** The 组版 desk shares the sample page (a PageStore); the others join it. */
const sharedPage = (pageId: string) => shareSamplePage(suite, pageId);
const join = (pageId: string, who: 'proof' | 'chief' | 'layout2') => joinPage(suite, pageId, who);

const ARTICLE = 'xu-chaowen';
const BLOCK = 'b-xu-chaowen';
const blockOf = (doc: Y.Doc) => layoutParts(doc).blocks.get(BLOCK)!.toJSON();

describe('two desks, one page (real server on loopback)', () => {
  it('two clients typing into the same article at once converge to the same text', async () => {
    const { store, layout } = await sharedPage('converge');
    const proof = await join('converge', 'proof');
    const mine = store.articleDoc(ARTICLE)!;
    const theirs = proof.docs.articleDoc(ARTICLE)!;
    expect(bodyText(theirs)).toBe(bodyText(mine));
    const before = bodyText(mine);
    for (let i = 0; i < 30; i++) {
      typeInto(mine, 0, i, '甲');
      typeInto(theirs, 1, i, '乙');
    }
    await layout.session.whenSynced();
    await proof.session.whenSynced();
    await until('both texts equal', () => bodyText(mine) === bodyText(theirs));
    const after = bodyText(mine);
    expect(after.length).toBe(before.length + 60);
    expect([...after].filter((c) => c === '甲').length - [...before].filter((c) => c === '甲').length).toBe(30);
    expect([...after].filter((c) => c === '乙').length - [...before].filter((c) => c === '乙').length).toBe(30);
    // a third desk that joins now gets the same text from the server
    const late = await join('converge', 'chief');
    expect(bodyText(late.docs.articleDoc(ARTICLE)!)).toBe(after);
  });

  it('the layout editor moves a block while the proofreader types in that article: both survive', async () => {
    const { store, layout } = await sharedPage('move-and-type');
    const proof = await join('move-and-type', 'proof');
    store.moveBlock(BLOCK, 1, 40);
    typeInto(proof.docs.articleDoc(ARTICLE)!, 0, 0, '【校】');
    await layout.session.whenSynced();
    await proof.session.whenSynced();
    await until('move reaches the proofreader', () => blockOf(proof.docs.layoutDoc).row === 40);
    await until('text reaches the layout editor', () => bodyText(store.articleDoc(ARTICLE)!).startsWith('【校】'));
    expect(blockOf(proof.docs.layoutDoc)).toMatchObject({ col: 1, row: 40 });
    expect(store.snapshot().blocks.find((b) => b.id === BLOCK)).toMatchObject({ col: 1, row: 40 });
    expect(bodyText(proof.docs.articleDoc(ARTICLE)!)).toBe(bodyText(store.articleDoc(ARTICLE)!));
    expect(proof.session.status().refused).toBe(0);
  });

  it('栏数 8 → 6 re-makes the page and reaches the other desk as one update: it never sees the new grid with the old blocks', async () => {
    const { store, layout } = await sharedPage('columns');
    const other = await join('columns', 'layout2');
    const seen: string[] = [];
    other.docs.layoutDoc.on('update', () => {
      const { page, blocks } = layoutSnapshotOf(other.docs.layoutDoc);
      const past = blocks.filter((b) => b.kind !== 'rule' && b.col + b.span > page.grid.columns).length;
      seen.push(`${page.grid.columns} columns, ${past} past the grid, ${textOverlaps(blocks).length} overlaps`);
    });
    const editor = new Editor(fonts, samplePage(), { path: null, title: 'columns' });
    editor.replaceStore(store, { path: null, title: 'columns' });
    editor.setPage({ grid: { ...store.snapshot().page.grid, columns: 6 } });
    expect(editor.getState().notice?.zh).toMatch(/^版面现为 6 栏，已重新组版/);
    await layout.session.whenSynced();
    await until('the grid reaches the other desk', () => layoutSnapshotOf(other.docs.layoutDoc).page.grid.columns === 6);
    expect(seen).toEqual(['6 columns, 0 past the grid, 0 overlaps']);
    expect(layoutSnapshotOf(other.docs.layoutDoc).blocks).toEqual(store.snapshot().blocks);
    // the headline sizes the engine chose reach the other desk too (the articles' own documents)
    const styles = (docOf: (id: string) => Y.Doc | undefined) => JSON.stringify(store.snapshot().articles.map((a) => docOf(a.id)!.getMap('styles').toJSON()));
    expect(styles((id) => store.articleDoc(id))).toContain('headline');
    await until('the headline sizes reach the other desk', () => styles((id) => other.docs.articleDoc(id)) === styles((id) => store.articleDoc(id)));
    expect(other.session.status().refused).toBe(0);
  });

  it("refuses a proofreader's block move: neither the other desk nor the server ever sees it", async () => {
    const { store, layout } = await sharedPage('proof-move');
    const proof = await join('proof-move', 'proof');
    const original = blockOf(proof.docs.layoutDoc);
    expect(proof.session.status().layoutReadOnly).toBe(true);
    // the UI would not offer this; a 校对 client that does it anyway:
    layoutParts(proof.docs.layoutDoc).blocks.get(BLOCK)!.set('col', original.col + 2);
    await until('the server refuses it', () => proof.session.status().refused >= 1);
    expect(proof.session.status().pending).toBe(0);
    // a change the layout editor makes afterwards still arrives, so the refused one had its chance
    store.setHeader({ date: '2024-02-02' });
    await layout.session.whenSynced();
    await until('header reaches the proofreader', () => layoutParts(proof.docs.layoutDoc).header.get('date') === '2024-02-02');
    expect(store.snapshot().blocks.find((b) => b.id === BLOCK)).toMatchObject({ col: original.col });
    const fresh = await join('proof-move', 'layout2');
    expect(blockOf(fresh.docs.layoutDoc).col).toBe(original.col);
    // but the proofreader writes article documents
    typeInto(proof.docs.articleDoc(ARTICLE)!, 0, 0, '改');
    await proof.session.whenSynced();
    await until('proof edit arrives', () => bodyText(store.articleDoc(ARTICLE)!).startsWith('改'));
  });

  it('a desk that goes offline keeps editing and merges on reconnect', async () => {
    const { store, layout } = await sharedPage('offline');
    const proof = await join('offline', 'proof');
    proof.session.goOffline();
    await until('offline', () => proof.session.status().connection === 'offline');
    const theirs = proof.docs.articleDoc(ARTICLE)!;
    for (let i = 0; i < 5; i++) typeInto(theirs, 2, 0, '离');
    expect(proof.session.status().pending).toBeGreaterThan(0);
    typeInto(store.articleDoc(ARTICLE)!, 0, 0, '在线');
    store.moveBlock(BLOCK, 0, 30);
    await layout.session.whenSynced();
    // nothing crossed while offline
    expect(bodyText(store.articleDoc(ARTICLE)!)).not.toContain('离离离离离');
    expect(bodyText(theirs)).not.toContain('在线');
    proof.session.goOnline();
    await proof.session.whenSynced();
    await until('merged both ways', () => bodyText(theirs) === bodyText(store.articleDoc(ARTICLE)!));
    expect(bodyText(theirs)).toContain('离离离离离');
    expect(bodyText(theirs)).toContain('在线');
    expect(blockOf(proof.docs.layoutDoc)).toMatchObject({ col: 0, row: 30 });
  });

  it('sign-off locks the page for everyone until the duty editor reopens it with a reason', async () => {
    const { store, layout } = await sharedPage('signoff');
    const proof = await join('signoff', 'proof');
    const chief = await join('signoff', 'chief');
    // a 组版 cannot sign, nor can anyone reopen an open page
    expect(await layout.session.signOff()).toMatchObject({ ok: false, en: expect.stringContaining('duty editor') });
    expect(await chief.session.signOff()).toEqual({ ok: true });
    await until('every desk sees the lock', () => [layout, proof, chief].every((d) => d.session.status().signedOff));

    const text = bodyText(store.articleDoc(ARTICLE)!);
    const col = blockOf(chief.docs.layoutDoc).col;
    layoutParts(store.layoutDoc).blocks.get(BLOCK)!.set('col', col + 1); // PageStore itself refuses; a raw write
    typeInto(proof.docs.articleDoc(ARTICLE)!, 0, 0, '锁');
    typeInto(chief.docs.articleDoc(ARTICLE)!, 0, 0, '也锁');
    await until('all three writes refused', () => layout.session.status().refused >= 1 && proof.session.status().refused >= 1 && chief.session.status().refused >= 1);
    const fresh = await join('signoff', 'layout2');
    expect(blockOf(fresh.docs.layoutDoc).col).toBe(col);
    expect(bodyText(fresh.docs.articleDoc(ARTICLE)!)).toBe(text);

    expect(await layout.session.reopen('改标题')).toMatchObject({ ok: false, zh: expect.stringContaining('值班编辑') });
    expect(await chief.session.reopen('  ')).toMatchObject({ ok: false });
    expect(await chief.session.reopen('头条标题有误')).toEqual({ ok: true });
    await until('every desk sees it reopened', () => [layout, proof, chief, fresh].every((d) => !d.session.status().signedOff));
    expect(signoffLog(fresh.docs.layoutDoc).map((e) => [e.kind, e.by, e.reason])).toEqual([
      ['signed', '钱值班', undefined],
      ['reopened', '钱值班', '头条标题有误'],
    ]);
    typeInto(fresh.docs.articleDoc(ARTICLE)!, 0, 0, '再改');
    await fresh.session.whenSynced();
    await until('writes flow again', () => bodyText(store.articleDoc(ARTICLE)!).startsWith('再改'));
  });

  it('a proofreader starts and finishes proof rounds through the server; the layout editor is refused', async () => {
    const { store } = await sharedPage('rounds');
    const proof = await join('rounds', 'proof');
    const roundsOf = (doc: Y.Doc) => roundParts(doc).rounds.toArray();
    // the layout document is read-only for 校对, so a round it wrote itself would never arrive: it asks
    expect(await layoutDesk(store).startRound()).toMatchObject({ ok: false, en: expect.stringContaining('proofreader') });
    expect(roundsOf(store.layoutDoc)).toEqual([]);
    expect(await proof.session.startRound()).toEqual({ ok: true });
    await until('the round reaches the layout editor', () => currentRound(store.layoutDoc)?.name === '一校');
    expect(currentRound(store.layoutDoc)).toMatchObject({ name: '一校', startedBy: '赵校对' });
    expect(await proof.session.startRound()).toMatchObject({ ok: false, zh: '一校尚未结束' });

    // an unresolved comment in an article keeps the round open, whichever desk has that article open
    const theirs = proof.docs.articleDoc(ARTICLE)!;
    addComment(theirs, { id: 'c-round', quote: '', round: '一校', comments: [{ author: '赵校对', role: '校对', at: '2024-01-15T10:00:00Z', text: '核对人名' }], resolved: false });
    await proof.session.whenSynced();
    expect(await proof.session.finishRound()).toMatchObject({ ok: false, zh: expect.stringContaining('1 条批注未解决') });
    resolveThread(store.articleDoc(ARTICLE)!, 'c-round', true);
    await until('the resolution reaches the proofreader', () => proofParts(theirs).threads.get('c-round')?.resolved === true);
    expect(await proof.session.finishRound()).toEqual({ ok: true });
    await until('the finished round reaches the layout editor', () => currentRound(store.layoutDoc) === undefined);
    expect(roundsOf(store.layoutDoc)).toEqual([expect.objectContaining({ name: '一校', startedBy: '赵校对', finishedBy: '赵校对' })]);
    expect(proof.session.status().refused).toBe(0);
  });

  it('tells a desk who its token names', async () => {
    await sharedPage('whoami');
    const proof = await join('whoami', 'proof');
    expect(await proof.session.identify()).toEqual({ ok: true, name: '赵校对', role: '校对' });
  });

  it('only the server writes the sign-off: a client that forges it is cut off and nobody sees it', async () => {
    const { store, layout } = await sharedPage('forge');
    const chief = await join('forge', 'chief');
    store.layoutDoc.getMap('signoff').set('signedBy', '王组版');
    await until('the forging connection is closed', () => layout.session.status().error !== undefined);
    expect(layout.session.status().error).toEqual(DENIAL_TEXT['banmian:signoff-is-server-only']);
    expect(layout.session.status().pending).toBeGreaterThan(0); // never acknowledged
    expect(chief.session.status().signedOff).toBe(false);
    const fresh = await join('forge', 'layout2');
    expect(fresh.session.status().signedOff).toBe(false);
  });

  it('turns away bad tokens, pages without a grant and names that are not ours', async () => {
    await sharedPage('granted');
    const bad = suite.track(joinDesk(suite.server.url, 'granted', 'bm1.unobody.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '某人', '组版'));
    await until('bad token refused', () => bad.session.status().error !== undefined);
    expect(bad.session.status().error).toEqual(DENIAL_TEXT['banmian:bad-token']);
    const limited = token(suite.usersFile, '孙校对', '校对', ['some-other-page']);
    const nogrant = suite.track(joinDesk(suite.server.url, 'granted', limited, '孙校对', '校对'));
    await until('no grant refused', () => nogrant.session.status().error !== undefined);
    expect(nogrant.session.status().error).toEqual(DENIAL_TEXT['banmian:no-grant']);
    expect(nogrant.docs.articleIds()).toEqual([]);

    const reasons: string[] = [];
    const socket = new HocuspocusProviderWebsocket({ url: suite.server.url, WebSocketPolyfill: WebSocket });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: 'banmian/granted/../../etc', token: suite.tokens.chief, onAuthenticationFailed: ({ reason }) => reasons.push(reason) });
    provider.attach();
    try {
      await until('bad name refused', () => reasons.length > 0);
      expect(reasons[0]).toBe('banmian:bad-document-name');
    } finally {
      provider.destroy();
      socket.destroy();
    }
  });
});
