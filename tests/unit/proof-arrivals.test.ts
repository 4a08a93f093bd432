import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { GlyphRun, PageLayout } from '../../src-core/layout/page-layout';
import { arrivalMessage, arrivals } from '../../src-core/proof/arrivals';
import { openMarks } from '../../src-core/store/proof-doc';
import { pendingAnchors, type PendingSpan } from '../../src-core/proof/margin-marks';
import { addComment, decideSuggestion, recordSuggestion, resolveThread } from '../../src-core/store/proof-doc';
import { PageStore } from '../../src-core/store/page-store';
import { samplePage } from '../../bench/pages';
import { ArrivalWatch } from '../../src-renderer/proof/arrival-watch';

function articleWithMarks(): Y.Doc {
  const doc = new Y.Doc();
  const p = new Y.XmlElement('paragraph');
  doc.getXmlFragment('body').insert(0, [p]);
  const t = new Y.XmlText('一二三四五六七八');
  p.insert(0, [t]);
  t.format(0, 2, { deletion: { id: 'd1' } });
  t.format(4, 1, { insertion: { id: 'i1' } });
  t.format(6, 2, { comment: { threadId: 't1' } });
  const meta = { role: '校对' as const, round: '一校', at: '2025-01-01T00:00:00Z' };
  recordSuggestion(doc, { id: 'd1', kind: 'deletion', author: '赵校对', ...meta });
  recordSuggestion(doc, { id: 'i1', kind: 'insertion', author: '赵校对', ...meta });
  addComment(doc, { id: 't1', quote: '七八', round: '一校', resolved: false, comments: [{ author: '钱值班', role: '值班编辑', at: meta.at, text: '核实' }] });
  return doc;
}

describe('open marks and arrivals', () => {
  it('counts pending suggestions and unresolved threads; decided and resolved ones drop out', () => {
    const doc = articleWithMarks();
    expect(openMarks(doc).map((m) => [m.id, m.kind, m.author])).toEqual([
      ['d1', 'suggestion', '赵校对'],
      ['i1', 'suggestion', '赵校对'],
      ['t1', 'comment', '钱值班'],
    ]);
    decideSuggestion(doc, 'd1', 'accept', '王组版');
    resolveThread(doc, 't1', true);
    expect(openMarks(doc).map((m) => m.id)).toEqual(['i1']);
  });

  it('reports what is new and not mine, per author', () => {
    const now = openMarks(articleWithMarks());
    expect(arrivals(new Set(['i1']), now, '王组版')).toEqual([
      { author: '赵校对', suggestions: 1, comments: 0 },
      { author: '钱值班', suggestions: 0, comments: 1 },
    ]);
    expect(arrivals(new Set(), now, '赵校对')).toEqual([{ author: '钱值班', suggestions: 0, comments: 1 }]);
    expect(arrivals(new Set(['d1', 'i1', 't1']), now, '王组版')).toEqual([]);
    expect(arrivalMessage([{ author: '赵校对', suggestions: 2, comments: 0 }])).toEqual({ zh: '赵校对 新增 2 处校改', en: '赵校对 added 2 changes' });
    expect(arrivalMessage([{ author: '赵校对', suggestions: 1, comments: 1 }]).zh).toBe('赵校对 新增 1 处校改、1 条批注');
  });
});

/** A body paragraph laid out as two lines of four glyphs (print view: the pending insertion left out). */
function run(owner: string, offsets: number[], y: number): GlyphRun {
  return { kind: 'glyphs', face: 'f', size: 10, color: { c: 0, m: 0, y: 0, k: 1 } as never, y, text: 'xxxx', xs: offsets.map((_, i) => 100 + i * 10), hScale: 1, source: { owner, field: 'body', paragraph: 0, offsets } };
}

const layout = { width: 600, height: 800, items: [run('a', [0, 1, 2, 3], 50), run('a', [4, 5, 6], 62)], frames: [], overset: [], missingGlyphs: [], report: {} as never, grid: {} as never } as PageLayout;

describe('margin markers in the print view', () => {
  it('puts each pending mark on the line that carries it, pending insertions not counted', () => {
    // Full text 一二三四[五]六七八: 五 is a pending insertion, so printed offsets after it move back by one.
    const spans: PendingSpan[] = [
      { owner: 'a', id: 'd1', kind: 'deletion', paragraph: 0, offset: 0, text: '一二' },
      { owner: 'a', id: 'i1', kind: 'insertion', paragraph: 0, offset: 4, text: '五' },
      { owner: 'a', id: 't1', kind: 'comment', paragraph: 0, offset: 6, text: '七八' },
      { owner: 'b', id: 'x', kind: 'deletion', paragraph: 0, offset: 0, text: '不在版面' },
    ];
    expect(pendingAnchors(layout, spans).map((a) => [a.id, a.x, a.y])).toEqual([
      ['d1', 100, 50],
      ['i1', 100, 62], // before 六 (printed offset 4), first glyph of the second line
      ['t1', 110, 62], // 七 is printed offset 5
    ]);
  });
});

describe('the arrival watch over a page store', () => {
  it('sees a mark recorded in a story as the store tells of the change, though it keeps each story’s marks between changes', () => {
    const store = new PageStore(samplePage());
    const watch = new ArrivalWatch();
    const [first, second] = store.articleIds();
    const counts: number[] = [];
    // As the proof session does: a look at every change the store reports.
    store.subscribe(() => counts.push(watch.update(store, '王组版').open));
    expect(watch.update(store, '王组版').open).toBe(0);
    const thread = (id: string, author: string) => ({ id, quote: '', round: '一校', resolved: false, comments: [{ author, role: '校对' as const, at: '2025-01-01T00:00:00Z', text: '核实' }] });
    addComment(store.articleDoc(first)!, thread('t1', '赵校对'));
    expect(counts.at(-1)).toBe(1);
    addComment(store.articleDoc(second)!, thread('t2', '钱值班'));
    expect(counts.at(-1)).toBe(2);
    expect(watch.update(store, '王组版').arrived).toEqual([]);
    resolveThread(store.articleDoc(second)!, 't2', true);
    expect(counts.at(-1)).toBe(1);
    resolveThread(store.articleDoc(first)!, 't1', true);
    expect(counts.at(-1)).toBe(0);
  });
});
