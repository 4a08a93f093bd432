import { describe, expect, it } from 'vitest';
import type { Peer } from '../../src-renderer/collab/session/session';
import type { BlockFrame } from '../../src-core/layout/page-layout';
import type { Block } from '../../src-core/model/document';
import { nextRoundName } from '../../src-core/store/proof-doc';
import { peerFrames } from '../../src-renderer/collab/peer-frames';
import * as Y from 'yjs';

const frame = (blockId: string, x: number): BlockFrame => ({ blockId, kind: 'article', x, y: 10, width: 100, height: 50, emptyLines: 0 });
const peer = (clientId: number, name: string, role: Peer['role'], articleId?: string, self = false): Peer => ({ clientId, name, role, colour: '#000', articleId, self });

describe('who is outlined where on the canvas (peerFrames)', () => {
  const blocks: Block[] = [
    { id: 'b1', kind: 'article', articleId: 'a', col: 0, span: 2, row: 0, rows: 10 },
    { id: 'b1-cont', kind: 'article', articleId: 'a', col: 4, span: 2, row: 0, rows: 10 },
    { id: 'b2', kind: 'article', articleId: 'b', col: 2, span: 2, row: 0, rows: 10 },
    { id: 'img', kind: 'image', imageId: 'i', caption: '', articleId: 'a', col: 0, span: 1, row: 0, rows: 3 },
  ];
  const frames = [frame('b1', 0), frame('b1-cont', 200), frame('b2', 100), { ...frame('img', 0), kind: 'image' as const }];

  it('outlines every block of the article a peer is in, not this desk and not people in no article', () => {
    const out = peerFrames([peer(1, '王组版', '组版', 'b', true), peer(2, '赵校对', '校对', 'a'), peer(3, '钱值班', '值班编辑')], frames, blocks);
    expect(out.map((f) => [f.peer.name, f.key, f.x, f.slot])).toEqual([
      ['赵校对', '2-b1', 0, 0],
      ['赵校对', '2-b1-cont', 200, 0],
    ]);
  });

  it('sets the tags of two people in one article side by side', () => {
    const out = peerFrames([peer(2, '赵校对', '校对', 'b'), peer(4, '孙校对', '校对', 'b')], frames, blocks);
    expect(out.map((f) => [f.peer.name, f.slot])).toEqual([
      ['赵校对', 0],
      ['孙校对', 1],
    ]);
  });

  it('outlines nothing for an article that is not placed', () => {
    expect(peerFrames([peer(2, '赵校对', '校对', 'unplaced')], frames, blocks)).toEqual([]);
  });
});

describe('the next proof round’s name (what a mark made before the server answers carries)', () => {
  it('counts 一校, 二校, 三校, then 4校', () => {
    const doc = new Y.Doc();
    const rounds = doc.getArray('rounds');
    const names: string[] = [];
    for (let i = 0; i < 4; i++) {
      names.push(nextRoundName(doc));
      rounds.push([{ name: names[i], startedBy: 'x', startedAt: '', finishedAt: 'y' }]);
    }
    expect(names).toEqual(['一校', '二校', '三校', '4校']);
  });
});
