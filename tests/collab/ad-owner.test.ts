import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { DENIAL, describeDenial } from '../../src-core/collab/protocol';
import { updateTouchesEntries } from '../../src-core/collab/touches';
import { emptyDocument } from '../../src-core/model/defaults';
import type { BanmianDocument } from '../../src-core/model/document';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { PageStore } from '../../src-core/store/page-store';
import { adBlockIds, BLOCKS_ROOT } from '../../src-core/store/readers';
import { layoutDocFrom, layoutParts } from '../../src-core/store/ydocs';
import { joinDesk, PEOPLE, serverSuite, shareDesk, until, type Desk, type SuitePerson } from './support';

/**
 * Issue 17 item 3: the ads a plan booked are locked, and only their owner role moves them (the duty
 * editor, 值班编辑: the app has no 广告部 role). The server enforces it as it does the sign-off: a
 * 组版's update that touches an ad block (moved, resized, unlocked, set anew or deleted) closes that
 * connection and is neither stored nor relayed; the 组版's other changes go through; the 值班编辑
 * moves the ad.
 */

/** A tabloid page: one story and a bottom-right ad. */
function page(): BanmianDocument {
  const doc = emptyDocument('tabloid');
  return {
    ...doc,
    articles: [{ id: 'a', kicker: '', headline: '要闻', deck: '', byline: '', bylinePosition: 'top', lead: '', body: docFromParagraphs(['要闻第一段。']), jumpFrom: '', jumpTo: '' }],
    blocks: [
      { id: 'story', kind: 'article', articleId: 'a', col: 0, span: 4, row: 0, rows: 20 },
      { id: 'ad', kind: 'ad', advertiser: '洛阳老字号酱菜', col: 2, span: 2, row: 30, rows: 10, locked: true },
    ],
  };
}

describe('which updates touch an ad (the server\'s check)', () => {
  const server = layoutDocFrom(page());
  const updateFrom = (change: (c: Y.Doc) => void): Uint8Array => {
    const c = new Y.Doc();
    Y.applyUpdate(c, Y.encodeStateAsUpdate(server));
    const sv = Y.encodeStateVector(c);
    change(c);
    return Y.encodeStateAsUpdate(c, sv);
  };
  const touches = (change: (c: Y.Doc) => void): boolean => updateTouchesEntries(server, updateFrom(change), BLOCKS_ROOT, adBlockIds(server), ['z']);
  const blocks = (c: Y.Doc) => layoutParts(c).blocks;

  it('finds the ad', () => {
    expect(adBlockIds(server)).toEqual(['ad']);
  });

  it('sees a move, an unlock, the block set anew and the block deleted', () => {
    expect(touches((c) => blocks(c).get('ad')!.set('col', 0))).toBe(true);
    expect(touches((c) => blocks(c).get('ad')!.delete('locked'))).toBe(true);
    expect(touches((c) => blocks(c).set('ad', new Y.Map()))).toBe(true);
    expect(touches((c) => blocks(c).delete('ad'))).toBe(true);
  });

  it('lets the other blocks and new blocks through', () => {
    expect(touches((c) => blocks(c).get('story')!.set('col', 1))).toBe(false);
    expect(touches((c) => blocks(c).delete('story'))).toBe(false);
    expect(touches((c) => blocks(c).set('new', new Y.Map([['kind', 'box']])))).toBe(false);
    expect(touches((c) => layoutParts(c).articleOrder.push(['b']))).toBe(false);
    // the stacking order is the page's: 置顶 of a story renumbers every block's z, the ad's too
    expect(touches((c) => blocks(c).get('ad')!.set('z', 7))).toBe(false);
    expect(touches((c) => blocks(c).get('ad')!.set('col', 0))).toBe(true);
  });
});

const suite = serverSuite('banmian-ad-owner-');

function join(who: SuitePerson): Desk & { docs: ReturnType<typeof joinDesk>['docs'] } {
  const [name, role] = PEOPLE[who];
  const d = joinDesk(suite.server.url, 'ad-page', suite.tokens[who], name, role);
  suite.open.push(d);
  return d;
}

const adCol = (doc: Y.Doc): unknown => layoutParts(doc).blocks.get('ad')?.get('col');

describe('a booked ad on a shared page (real server)', () => {
  it('the 组版\'s move of the ad is refused and reaches nobody, the story\'s move goes through; the 值班编辑 moves the ad', async () => {
    const store = new PageStore(page());
    const [name, role] = PEOPLE.layout;
    const layout = shareDesk(suite.server.url, 'ad-page', suite.tokens.layout, name, role, store);
    suite.open.push(layout);
    await layout.session.whenSynced();
    const chief = join('chief');
    await until('the 值班编辑 has the page', () => adCol(chief.docs.layoutDoc) === 2);

    store.moveBlock('story', 1, 0);
    await until('the story\'s move arrives', () => layoutParts(chief.docs.layoutDoc).blocks.get('story')?.get('col') === 1);
    // the store lets a desk unlock and move it (the lock is the desk's); the server does not
    store.editBlock('ad', { locked: undefined });
    store.moveBlock('ad', 0, 30);
    await until('the server refuses it, saying why', () => layout.session.status().error?.en === describeDenial(DENIAL.adIsOwners).en);
    expect(layout.session.status().error?.zh).toContain('只有值班编辑');

    // the duty editor moves the ad: a desk joining now has the duty editor's place, never the 组版's
    layoutParts(chief.docs.layoutDoc).blocks.get('ad')!.set('row', 25);
    const fresh = join('layout2');
    await until('a new desk has the page', () => layoutParts(fresh.docs.layoutDoc).blocks.get('ad')?.get('row') === 25);
    expect(adCol(fresh.docs.layoutDoc)).toBe(2);
    expect(layoutParts(fresh.docs.layoutDoc).blocks.get('ad')!.get('locked')).toBe(true);
    expect(layoutParts(fresh.docs.layoutDoc).blocks.get('story')!.get('col')).toBe(1);
  });
});
