import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { plainText } from '../../src-core/model/richtext';
import type { Article } from '../../src-core/model/document';
import { PageOperationError, type BlockPatch } from '../../src-core/store/operations';
import { CHECK_STATE_LIMITS } from '../../src-core/model/proof';
import { readProofState, serializePage } from '../../src-core/store/persist';
import { PageLockedError, PageStore } from '../../src-core/store/page-store';
import { openSuggestions, suggestionOf, threadsOf } from '../../src-core/store/readers';

/** The page store as the page's only writer: every change is a checked operation. */

const unchanged = (store: PageStore, run: () => void): void => {
  const before = JSON.stringify(store.snapshot());
  const revision = store.revision;
  expect(run).toThrow(PageOperationError);
  expect(JSON.stringify(store.snapshot())).toBe(before);
  expect(store.revision).toBe(revision);
};

function thrown(run: () => void): PageOperationError {
  try {
    run();
  } catch (e) {
    if (e instanceof PageOperationError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

/** A page whose second article has a tracked insertion (s1) and deletion (s2). */
function proofPage(): { store: PageStore; article: Article } {
  const doc = samplePage();
  const article = doc.articles[1];
  article.body = {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: '原文' }, { type: 'text', text: '增', marks: [{ type: 'insertion', attrs: { id: 's1' } }] }, { type: 'text', text: '删', marks: [{ type: 'deletion', attrs: { id: 's2' } }] }] }],
  };
  return { store: new PageStore(doc), article };
}

describe('block operations are checked before they are applied', () => {
  it('refuses a patch that would leave the block invalid, says why in both languages, and changes nothing', () => {
    const store = new PageStore(samplePage());
    const block = store.snapshot().blocks.find((b) => b.kind === 'article')!;
    unchanged(store, () => store.editBlock(block.id, { span: 99 }));
    unchanged(store, () => store.moveBlock(block.id, -3, 1));
    unchanged(store, () => store.resizeBlock(block.id, 2, 1.5));
    unchanged(store, () => store.editBlock(block.id, { headlineSpan: 99 }));
    unchanged(store, () => store.editBlock(block.id, { rows: 'ten' } as unknown as BlockPatch));
    const e = thrown(() => store.editBlock(block.id, { span: 99 }));
    expect(e.zh).toMatch(/^blocks\.[\w-]+\.span：应在 0 到 \d+ 之间（当前值 99）$/);
    expect(e.en).toMatch(/^blocks\.[\w-]+\.span: must be between 0 and \d+ \(got 99\)$/);
    expect(thrown(() => store.moveBlock('nowhere', 1, 1)).en).toBe('no block nowhere');
  });

  it('applies a valid patch as one undo step, and undefined removes a field', () => {
    const store = new PageStore(samplePage());
    const block = store.snapshot().blocks.find((b) => b.kind === 'article')!;
    store.editBlock(block.id, { headlineSpan: 1, locked: true });
    expect(store.snapshot().blocks.find((b) => b.id === block.id)).toMatchObject({ headlineSpan: 1, locked: true });
    store.stopCapturing();
    store.editBlock(block.id, { locked: undefined });
    expect(store.snapshot().blocks.find((b) => b.id === block.id)).not.toHaveProperty('locked');
    store.undo();
    expect(store.snapshot().blocks.find((b) => b.id === block.id)).toMatchObject({ locked: true });
  });
});

describe('article fields are checked', () => {
  it('refuses an unknown field, a non-string value and a byline position that is not top/end', () => {
    const store = new PageStore(samplePage());
    const id = store.articleIds()[0];
    unchanged(store, () => store.setArticleMeta(id, { bylinePosition: 'middle' as 'top' }));
    unchanged(store, () => store.setArticleMeta(id, { headline: 7 as unknown as string }));
    unchanged(store, () => store.apply({ kind: 'editArticle', id, fields: { body: 'x' } as unknown as { headline: string } }));
    unchanged(store, () => store.setArticleMeta('nobody', { headline: 'x' }));
    store.setArticleMeta(id, { headline: '新标题', bylinePosition: 'top' });
    expect(store.article(id)).toMatchObject({ headline: '新标题', bylinePosition: 'top' });
  });
});

describe('proof decisions go through the store', () => {
  it('accepts a suggestion as its own undo step, and undo brings it back', () => {
    const { store, article } = proofPage();
    store.apply({ kind: 'recordSuggestion', articleId: article.id, meta: { id: 's1', kind: 'insertion', author: '赵校对', role: '校对', round: '一校', at: 't0' } });
    expect(store.apply({ kind: 'decide', articleId: article.id, id: 's1', decision: 'accept', by: '王组版' })).toBe(true);
    expect(plainText(store.article(article.id)!.body)).toBe('原文增删');
    expect(suggestionOf(store.articleDoc(article.id)!, 's1')).toMatchObject({ status: 'accepted', decidedBy: '王组版' });
    expect(store.apply({ kind: 'decideAll', articleIds: [article.id], decision: 'accept', by: '王组版' })).toBe(1);
    expect(plainText(store.article(article.id)!.body)).toBe('原文增');
    store.undo();
    expect(plainText(store.article(article.id)!.body)).toBe('原文增删');
    expect(openSuggestions(store.articleDoc(article.id)!).map((s) => s.id)).toEqual(['s2']);
    store.undo();
    expect(openSuggestions(store.articleDoc(article.id)!).map((s) => s.id).sort()).toEqual(['s1', 's2']);
  });

  it('refuses decisions, comments and replacements on a signed page, but lets the duty editor reopen it', () => {
    const { store, article } = proofPage();
    expect(store.apply({ kind: 'signOff', by: '李主任', role: '值班编辑' })).toEqual({ ok: true });
    expect(() => store.apply({ kind: 'decide', articleId: article.id, id: 's1', decision: 'accept', by: 'x' })).toThrow(PageLockedError);
    expect(() => store.apply({ kind: 'comment', articleId: article.id, thread: { id: 't', quote: '原', round: '', comments: [], resolved: false } })).toThrow(PageLockedError);
    expect(() => store.apply({ kind: 'replace', matches: store.find('原文', { matchCase: true }), replacement: '新' })).toThrow(PageLockedError);
    expect(threadsOf(store.articleDoc(article.id)!)).toEqual([]);
    expect(store.apply({ kind: 'reopen', by: '李主任', role: '值班编辑', reason: '补登更正' })).toEqual({ ok: true });
    expect(store.apply({ kind: 'decide', articleId: article.id, id: 's1', decision: 'reject', by: 'x' })).toBe(true);
    expect(plainText(store.article(article.id)!.body)).toBe('原文删');
  });

  it('refuses a reply to a thread that is not there and a decision that is neither accept nor reject', () => {
    const { store, article } = proofPage();
    unchanged(store, () => store.apply({ kind: 'reply', articleId: article.id, threadId: 'none', entry: { author: 'a', role: '组版', at: 't', text: 'x' } }));
    unchanged(store, () => store.apply({ kind: 'decide', articleId: article.id, id: 's1', decision: 'maybe' as 'accept', by: 'x' }));
  });

  it('refuses a comment or reply longer than the file keeps, so it is never lost when the page is next opened', () => {
    const { store, article } = proofPage();
    const max = CHECK_STATE_LIMITS.textChars;
    const entry = (text: string) => ({ author: '王岚', role: '校对' as const, at: '2026-12-04T00:00:00Z', text });
    const thread = (id: string, text: string) => ({ id, quote: '原文', round: '一校', comments: [entry(text)], resolved: false });
    unchanged(store, () => store.apply({ kind: 'comment', articleId: article.id, thread: thread('long', '字'.repeat(max + 1)) }));
    unchanged(store, () => store.apply({ kind: 'comment', articleId: article.id, thread: { ...thread('quote', '短'), quote: '字'.repeat(max + 1) } }));
    store.apply({ kind: 'comment', articleId: article.id, thread: thread('t1', '字'.repeat(max)) });
    unchanged(store, () => store.apply({ kind: 'reply', articleId: article.id, threadId: 't1', entry: entry('字'.repeat(max + 1)) }));
    // what the store took, the file keeps
    const read = readProofState(JSON.parse(serializePage(store)).proof);
    expect(read.dropped).toBe(0);
    expect(read.state!.articles[article.id]!.threads.map((t) => t.id)).toEqual(['t1']);
  });
});

describe('find/replace goes through the store', () => {
  it('refuses a match that is not one (negative or reversed offsets, unknown field)', () => {
    const store = new PageStore(samplePage());
    const [m] = store.find('洛阳', { matchCase: true });
    unchanged(store, () => store.apply({ kind: 'replace', matches: [{ ...m, start: m.end, end: m.start }], replacement: 'x' }));
    unchanged(store, () => store.apply({ kind: 'replace', matches: [{ ...m, field: 'styles' as 'body' }], replacement: 'x' }));
    expect(store.apply({ kind: 'replace', matches: [m], replacement: '河洛' })).toBe(1);
  });
});
