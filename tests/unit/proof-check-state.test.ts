/**
 * Issue 19 items 5 and 1: a finding the 校对 dismissed and the importer's corrections (已自动改正) are
 * kept with the page file, article by article, so they are there when the page is reopened on
 * another machine; older files (without them) open with none; damaged entries are dropped and counted.
 */
import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import type { SavedCorrection } from '../../src-core/model/proof';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { parseDocument, serializeDocument } from '../../src-core/model/serialize';
import { checkDocument } from '../../src-core/proof/checks';
import { correctionFindings } from '../../src-core/proof/import-corrections';
import { dropDismissed } from '../../src-core/proof/rules/house-lists';
import { pageStoreFromFile, readProofState, serializePage } from '../../src-core/store/persist';
import { articleCheckState } from '../../src-core/store/readers';

function page() {
  const doc = samplePage();
  doc.articles[1] = { ...doc.articles[1], body: docFromParagraphs(['公司名叫按装科技，今年“先民生后提升”。']) };
  return doc;
}
const id = () => page().articles[1].id;
const correction = (): SavedCorrection => ({ kind: 'quotes', from: '"', to: '“', articleId: id(), field: 'body', text: '今年“先民生后提升”。', offset: 2 });

function reopen(text: string) {
  const parsed = parseDocument(text);
  if (!parsed.ok) throw new Error(parsed.en);
  return pageStoreFromFile(parsed.document);
}

describe('the page keeps its dismissed findings and corrections', () => {
  it('saves them with the article and reads them back from the file', () => {
    const { store } = pageStoreFromFile(page());
    store.apply({ kind: 'dismissFinding', articleId: id(), finding: { rule: 'wrong-word', text: '按装' } });
    store.apply({ kind: 'recordCorrections', articleId: id(), corrections: [correction()] });
    const text = serializePage(store);
    const again = reopen(text);
    expect(again.dropped).toBe(0);
    expect(articleCheckState(again.store.articleDoc(id())!)).toEqual({ dismissed: [{ rule: 'wrong-word', text: '按装' }], corrections: [correction()] });
  });

  it('drops a dismissed finding from the checks, and lists the saved corrections as 已自动改正', () => {
    const doc = page();
    const found = checkDocument(doc).findings;
    expect(found.some((f) => f.rule === 'wrong-word' && f.articleId === id())).toBe(true);
    const kept = dropDismissed(doc.articles, found, new Map([[id(), [{ rule: 'wrong-word', text: '按装' }]]]));
    expect(kept.some((f) => f.rule === 'wrong-word' && f.articleId === id())).toBe(false);
    expect(found.length - kept.length).toBe(1);
    const corrected = correctionFindings([correction()], { articles: doc.articles, bannerIds: [], columnIds: [] });
    expect(corrected.map((f) => [f.articleId, f.severity, f.corrected])).toEqual([[id(), 'corrected', { from: '"', to: '“' }]]);
  });

  it('an older file (no such entries) opens with none', () => {
    const { store } = reopen(serializeDocument(page()));
    expect(articleCheckState(store.articleDoc(id())!)).toEqual({ dismissed: [], corrections: [] });
    expect(readProofState({ rounds: [], signoff: { log: [] }, articles: { [id()]: { suggestions: [], threads: [] } } })).toEqual({ dropped: 0, state: { rounds: [], signoff: { log: [] }, articles: { [id()]: { suggestions: [], threads: [] } } } });
  });

  it('drops and counts damaged entries, keeping the good ones', () => {
    const raw = {
      articles: {
        [id()]: {
          suggestions: [],
          threads: [],
          dismissed: [{ rule: 'wrong-word', text: '按装' }, { rule: 3 }, 'x'],
          corrections: [correction(), { ...correction(), offset: 999 }, { ...correction(), field: 'nowhere' }],
        },
      },
    };
    const read = readProofState(raw);
    expect(read.dropped).toBe(4);
    expect(read.state!.articles[id()]).toEqual({ suggestions: [], threads: [], dismissed: [{ rule: 'wrong-word', text: '按装' }], corrections: [correction()] });
  });

  it('refuses a dismissal without a rule, naming the problem', () => {
    const { store } = pageStoreFromFile(page());
    expect(() => store.apply({ kind: 'dismissFinding', articleId: id(), finding: { rule: undefined as unknown as string, text: '按装' } })).toThrow(/the dismissed finding needs a rule and a text/);
  });
});

describe('an import in the app keeps its corrections with the page', () => {
  it('records each article’s corrections in its document, so a saved and reopened page still has them', async () => {
    const { keepImportCorrections } = await import('../../src-renderer/proof/imported-corrections');
    const { store } = pageStoreFromFile(page());
    const elsewhere = { ...correction(), articleId: 'not-on-this-page' };
    keepImportCorrections(store, { corrections: [correction(), elsewhere, { kind: 'broken' }] });
    expect(articleCheckState(store.articleDoc(id())!).corrections).toEqual([correction()]);
    const again = reopen(serializePage(store));
    expect(articleCheckState(again.store.articleDoc(id())!).corrections).toEqual([correction()]);
  });
});
