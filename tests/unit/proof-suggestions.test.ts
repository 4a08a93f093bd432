import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src-core/model/document';
import { plainText, type RichDoc } from '../../src-core/model/richtext';
import { addComment, decideAll, decideSuggestion, markedSpans, openSuggestions, orphanThreads, recordSuggestion, replyToThread } from '../../src-core/store/proof-doc';
import { articleDocFrom, readArticleBody } from '../../src-core/store/ydocs';

const t = (text: string, marks?: { type: string; attrs?: Record<string, unknown> }[]) => ({ type: 'text' as const, text, ...(marks ? { marks } : {}) });
const ins = (id: string) => [{ type: 'insertion', attrs: { id } }];
const del = (id: string) => [{ type: 'deletion', attrs: { id } }];

function articleWith(body: RichDoc): Article {
  return { id: 'a', kicker: '', headline: '标题', deck: '', byline: '', bylinePosition: 'end', lead: '', body, jumpFrom: '', jumpTo: '' };
}

// 原文：“今年完成投资三百亿元。” The proofreader replaces 三百 with 300 (a deletion and an insertion),
// deletes 今年, and inserts 预计 — four marks, then a comment on 投资.
function proofedDoc(): Y.Doc {
  return articleDocFrom(
    articleWith({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [t('今年', del('d1')), t('预计', ins('i1')), t('完成'), t('投资', [{ type: 'comment', attrs: { threadId: 'c1' } }]), t('三百', del('d2')), t('300', ins('i2')), t('亿元。')],
        },
      ],
    }),
  );
}

const text = (doc: Y.Doc): string => plainText(readArticleBody(doc));
/** All characters including pending insertions (what the editor shows). */
const shown = (doc: Y.Doc): string => readArticleBody(doc).content.map((p) => (p.content ?? []).map((n) => ('text' in n ? n.text : '')).join('')).join('\n');

describe('tracked changes on the article text', () => {
  it('lists the marked spans with their places', () => {
    const doc = proofedDoc();
    expect(markedSpans(doc).map((s) => `${s.kind}:${s.id}:${s.text}@${s.paragraph}.${s.offset}`)).toEqual([
      'deletion:d1:今年@0.0',
      'insertion:i1:预计@0.2',
      'comment:c1:投资@0.6',
      'deletion:d2:三百@0.8',
      'insertion:i2:300@0.10',
    ]);
    // printed text is the accepted text: deletions still there, insertions not yet
    expect(text(doc)).toBe('今年完成投资三百亿元。');
  });

  it('accepting one and rejecting another gives exactly the expected text', () => {
    const doc = proofedDoc();
    recordSuggestion(doc, { id: 'd2', kind: 'deletion', author: '王岚', role: '校对', round: '一校', at: '2024-01-16T20:00:00Z' });
    expect(decideSuggestion(doc, 'd2', 'accept', '晓南', undefined, '2024-01-16T21:00:00Z')).toBe(true);
    expect(decideSuggestion(doc, 'i2', 'accept', '晓南')).toBe(true);
    expect(decideSuggestion(doc, 'd1', 'reject', '晓南')).toBe(true);
    expect(decideSuggestion(doc, 'i1', 'reject', '晓南')).toBe(true);
    expect(shown(doc)).toBe('今年完成投资300亿元。');
    expect(text(doc)).toBe('今年完成投资300亿元。');
    expect(markedSpans(doc).map((s) => s.kind)).toEqual(['comment']);
    expect(doc.getMap('suggestions').get('d2')).toMatchObject({ status: 'accepted', decidedBy: '晓南', decidedAt: '2024-01-16T21:00:00Z', author: '王岚', round: '一校' });
    expect(decideSuggestion(doc, 'd2', 'accept', '晓南')).toBe(false); // already gone
  });

  it('accept all and reject all', () => {
    const a = proofedDoc();
    expect(decideAll(a, 'accept', '晓南')).toBe(4);
    expect(shown(a)).toBe('预计完成投资300亿元。');
    const r = proofedDoc();
    expect(decideAll(r, 'reject', '晓南')).toBe(4);
    expect(shown(r)).toBe('今年完成投资三百亿元。');
  });

  it('open suggestions carry their author, round and text', () => {
    const doc = proofedDoc();
    recordSuggestion(doc, { id: 'i2', kind: 'insertion', author: '王岚', role: '校对', round: '二校', at: '2024-01-16T20:00:00Z' });
    const open = openSuggestions(doc);
    expect(open.map((s) => `${s.id}:${s.text}`)).toEqual(['d1:今年', 'i1:预计', 'd2:三百', 'i2:300']);
    expect(open.find((s) => s.id === 'i2')).toMatchObject({ author: '王岚', round: '二校', status: 'open' });
  });

  it('a comment whose anchor text was deleted becomes an orphan, listed, never lost', () => {
    const doc = proofedDoc();
    addComment(doc, { id: 'c1', quote: '投资', round: '一校', comments: [{ author: '王岚', role: '校对', at: 'x', text: '请核实数字' }], resolved: false });
    replyToThread(doc, 'c1', { author: '晓南', role: '组版', at: 'y', text: '已核实' });
    expect(orphanThreads(doc)).toEqual([]);
    // another change deletes the commented word outright
    const para = (doc.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    doc.transact(() => para.delete(6, 2));
    const orphans = orphanThreads(doc);
    expect(orphans).toHaveLength(1);
    expect(orphans[0]).toMatchObject({ id: 'c1', quote: '投资' });
    expect(orphans[0].comments.map((c) => c.text)).toEqual(['请核实数字', '已核实']);
  });

  it('survives a save and reopen (Yjs update round trip)', () => {
    const doc = proofedDoc();
    recordSuggestion(doc, { id: 'd1', kind: 'deletion', author: '王岚', role: '校对', round: '一校', at: 'x' });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(markedSpans(copy)).toEqual(markedSpans(doc));
    expect(copy.getMap('suggestions').get('d1')).toMatchObject({ author: '王岚' });
  });
});
