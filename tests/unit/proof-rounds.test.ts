import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { currentRound, finishRound, isSignedOff, reopen, signOff, signoffLog, startRound } from '../../src-core/store/proof-doc';
import { addComment, decideAll, resolveThread } from '../../src-core/store/proof-doc';
import { articleDocFrom } from '../../src-core/store/ydocs';

function article(): Y.Doc {
  return articleDocFrom({
    id: 'a', kicker: '', headline: '标题', deck: '', byline: '', bylinePosition: 'end', lead: '', jumpFrom: '', jumpTo: '',
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '原' }, { type: 'text', text: '新', marks: [{ type: 'insertion', attrs: { id: 'i1' } }] }] }] },
  });
}

describe('proof rounds and sign-off', () => {
  it('runs 一校 → 二校, finishing only when every mark is answered, then signs and reopens with a reason', () => {
    const layout = new Y.Doc();
    const a = article();
    expect(startRound(layout, '王岚', 't1')).toEqual({ ok: true });
    expect(currentRound(layout)?.name).toBe('一校');
    expect(startRound(layout, '王岚').ok).toBe(false); // one round at a time
    addComment(a, { id: 'c1', quote: '原', round: '一校', comments: [{ author: '王岚', role: '校对', at: 't', text: '?' }], resolved: false });
    const early = finishRound(layout, [a], '晓南');
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.zh).toBe('还有 1 处修改未处理、1 条批注未解决');
    decideAll(a, 'accept', '晓南');
    resolveThread(a, 'c1', true);
    expect(finishRound(layout, [a], '晓南', 't2')).toEqual({ ok: true });
    expect(startRound(layout, '王岚').ok).toBe(true);
    expect(currentRound(layout)?.name).toBe('二校');
    expect(signOff(layout, '李主任', '值班编辑').ok).toBe(false); // round still open
    expect(finishRound(layout, [a], '晓南').ok).toBe(true);
    expect(signOff(layout, '李主任', '值班编辑', 't3')).toEqual({ ok: true });
    expect(isSignedOff(layout)).toBe(true);
    expect(startRound(layout, '王岚').ok).toBe(false); // locked
    expect(reopen(layout, '晓南', '组版', '改错字').ok).toBe(false); // not a duty editor
    expect(reopen(layout, '李主任', '值班编辑', '  ').ok).toBe(false); // no reason
    expect(reopen(layout, '李主任', '值班编辑', '更正标题错字', 't4')).toEqual({ ok: true });
    expect(isSignedOff(layout)).toBe(false);
    expect(signoffLog(layout)).toEqual([
      { kind: 'signed', by: '李主任', role: '值班编辑', at: 't3' },
      { kind: 'reopened', by: '李主任', role: '值班编辑', at: 't4', reason: '更正标题错字' },
    ]);
  });
});
