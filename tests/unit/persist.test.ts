import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { plainText } from '../../src-core/model/richtext';
import { parseDocument, serializeDocument } from '../../src-core/model/serialize';
import { currentRound, finishRound, isSignedOff, reopen, roundParts, signOff, signoffLog, startRound } from '../../src-core/store/proof-doc';
import { addComment, decideSuggestion, openSuggestions, orphanThreads, proofParts, recordSuggestion, replyToThread } from '../../src-core/store/proof-doc';
import { PageLockedError } from '../../src-core/store/page-store';
import { pageStoreFromFile, proofNotesOf, readProofState, serializePage, type SavedDocument } from '../../src-core/store/persist';
import { markedSamplePage } from '../fixtures/proof/marked-page';

const AT = '2024-01-16T20:00:00Z';

/** The marked sample page in a store, with the meta a proofreader's desk records beside the marks. */
function proofedStore() {
  const { doc } = markedSamplePage();
  const { store } = pageStoreFromFile(doc);
  startRound(store.layoutDoc, '王岚', AT);
  const nanguan = store.articleDoc('nanguan')!;
  recordSuggestion(nanguan, { id: 'd1', kind: 'deletion', author: '王岚', role: '校对', round: '一校', at: AT });
  recordSuggestion(nanguan, { id: 'i1', kind: 'insertion', author: '王岚', role: '校对', round: '一校', at: AT });
  addComment(nanguan, { id: 'c1', quote: '老城区南关街', round: '一校', comments: [{ author: '王岚', role: '校对', at: AT, text: '此处地名请核实' }], resolved: false });
  replyToThread(nanguan, 'c1', { author: '晓南', role: '组版', at: AT, text: '已核实' });
  return store;
}

function reopenFile(json: string) {
  const parsed = parseDocument(json);
  if (!parsed.ok) throw new Error(parsed.en);
  return pageStoreFromFile(parsed.document);
}

describe('the proof state in the .banmian file', () => {
  it('a page never proofread is saved exactly as before (no proof field)', () => {
    const doc = samplePage();
    const { store } = pageStoreFromFile(doc);
    const json = serializePage(store);
    expect(JSON.parse(json)).not.toHaveProperty('proof');
    expect(json).toBe(serializeDocument(store.snapshot()));
  });

  it('suggestions, threads with replies and the open round survive save and reopen', () => {
    const json = serializePage(proofedStore());
    expect(JSON.parse(json).proof.rounds).toEqual([{ name: '一校', startedBy: '王岚', startedAt: AT }]);
    const { store, dropped } = reopenFile(json);
    expect(dropped).toBe(0);
    const nanguan = store.articleDoc('nanguan')!;
    expect(openSuggestions(nanguan).map((s) => `${s.kind}:${s.text}:${s.author}:${s.round}`)).toEqual(['deletion:预防宣传:王岚:一校', 'insertion:切实:王岚:一校']);
    expect(proofParts(nanguan).threads.get('c1')!.comments.map((c) => c.text)).toEqual(['此处地名请核实', '已核实']);
    expect(currentRound(store.layoutDoc)?.name).toBe('一校');
    // Reopening changes nothing: saving again gives the same file.
    expect(serializePage(store)).toBe(json);
  });

  it('accepting and rejecting after reopening gives exactly the expected text and keeps who decided', () => {
    const { store } = reopenFile(serializePage(proofedStore()));
    const nanguan = store.articleDoc('nanguan')!;
    const before = plainText(store.snapshot().articles.find((a) => a.id === 'nanguan')!.body).split('\n')[0];
    expect(decideSuggestion(nanguan, 'd1', 'accept', '晓南', undefined, AT)).toBe(true);
    expect(decideSuggestion(nanguan, 'i1', 'reject', '晓南', undefined, AT)).toBe(true);
    const after = plainText(store.snapshot().articles.find((a) => a.id === 'nanguan')!.body).split('\n')[0];
    expect(after).toBe(before.replace('预防宣传', ''));
    const again = reopenFile(serializePage(store)).store;
    expect(proofParts(again.articleDoc('nanguan')!).suggestions.get('d1')).toMatchObject({ status: 'accepted', decidedBy: '晓南', author: '王岚' });
    expect(proofParts(again.articleDoc('nanguan')!).suggestions.get('i1')).toMatchObject({ status: 'rejected', decidedBy: '晓南' });
  });

  it('a signed page is still signed (and locked) after reopening; the reopening reason is kept', () => {
    const store = proofedStore();
    const nanguan = store.articleDoc('nanguan')!;
    decideSuggestion(nanguan, 'd1', 'accept', '晓南');
    decideSuggestion(nanguan, 'i1', 'accept', '晓南');
    proofParts(nanguan).threads.set('c1', { ...proofParts(nanguan).threads.get('c1')!, resolved: true });
    expect(finishRound(store.layoutDoc, [nanguan], '晓南', AT)).toEqual({ ok: true });
    expect(signOff(store.layoutDoc, '张总', '值班编辑', AT)).toEqual({ ok: true });
    const signed = reopenFile(serializePage(store)).store;
    expect(isSignedOff(signed.layoutDoc)).toBe(true);
    expect(() => signed.setHeader({ section: '要闻' })).toThrow(PageLockedError);
    expect(reopen(signed.layoutDoc, '张总', '值班编辑', '补登更正', AT)).toEqual({ ok: true });
    const reopened = reopenFile(serializePage(signed)).store;
    expect(isSignedOff(reopened.layoutDoc)).toBe(false);
    expect(signoffLog(reopened.layoutDoc).map((e) => `${e.kind}:${e.by}:${e.reason ?? ''}`)).toEqual(['signed:张总:', 'reopened:张总:补登更正']);
    expect(roundParts(reopened.layoutDoc).rounds.toArray()[0]).toMatchObject({ name: '一校', finishedBy: '晓南' });
  });

  it('a thread whose anchor text is gone in the saved snapshot is an orphan, not lost', () => {
    const saved = JSON.parse(serializePage(proofedStore())) as SavedDocument;
    // Another program rewrote the text without the comment mark.
    const a = saved.articles.find((x) => x.id === 'nanguan')!;
    a.body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '改写后的段落。' }] }] };
    const { store } = reopenFile(JSON.stringify(saved));
    expect(orphanThreads(store.articleDoc('nanguan')!).map((t) => t.quote)).toEqual(['老城区南关街']);
    expect(openSuggestions(store.articleDoc('nanguan')!)).toEqual([]);
  });

  it('damaged entries are dropped and counted, the rest is kept; garbage never throws', () => {
    const saved = JSON.parse(serializePage(proofedStore())) as { proof: Record<string, unknown> };
    const proof = saved.proof as { articles: Record<string, { suggestions: unknown[] }>; rounds: unknown[] };
    proof.articles.nanguan.suggestions.push({ id: 'x', kind: 'teleport' });
    proof.rounds.push('一校');
    const { store, dropped } = reopenFile(JSON.stringify(saved));
    expect(dropped).toBe(2);
    expect(openSuggestions(store.articleDoc('nanguan')!).map((s) => s.author)).toEqual(['王岚', '王岚']);
    for (const bad of [null, 3, 'x', [], { rounds: 'no' }, { articles: { a: 5 } }, { signoff: [1] }]) {
      expect(() => readProofState(bad)).not.toThrow();
    }
    expect(readProofState(undefined)).toEqual({ dropped: 0 });
    expect(readProofState(null).state).toBeUndefined();
  });

  it('gives the proof sheet its notes', () => {
    const store = proofedStore();
    const saved = JSON.parse(serializePage(store)) as SavedDocument;
    const notes = proofNotesOf(saved, readProofState(saved.proof).state!, '洛阳日报');
    expect(notes.rounds).toEqual(['一校']);
    expect(notes.suggestions.get('d1')?.author).toBe('王岚');
    expect(notes.threads.get('c1')?.comments).toHaveLength(2);
    expect(notes.titles.get('nanguan')).toBe('“三进”宣传全覆盖 织密反诈防护网');
  });
});
