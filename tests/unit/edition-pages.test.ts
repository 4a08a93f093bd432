/**
 * Changing an edition's pages from the overview: a page renumbered by its place in the file (so two
 * pages sharing a number can be told apart, and the jump lines follow).
 */
import { describe, expect, it } from 'vitest';
import { parseEdition, serializeEdition } from '../../src-core/edition/edition-file';
import type { EditionDocument } from '../../src-core/edition/edition';
import { editionOverview } from '../../src-core/edition/overview';
import { pageDocument } from '../../src-core/edition/page-doc';
import { renumberPageAt } from '../../src-core/edition/renumber';
import { defaultPage } from '../../src-core/model/defaults';
import type { Article, ArticleBlock } from '../../src-core/model/document';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { fontProvider } from '../../src-main/fonts/provider';

const fonts = fontProvider().registry();
const article = (id: string, paragraphs: string[]): Article => ({
  id, kicker: '', headline: `${id}标题`, deck: '', byline: '', bylinePosition: 'top', lead: '', body: docFromParagraphs(paragraphs), jumpFrom: '', jumpTo: '',
});
const block = (id: string, articleId: string): ArticleBlock => ({ id, kind: 'article', articleId, col: 0, span: 4, row: 0, rows: 20 });

/** Pages 1, 2 and 2 again (the second holds the rest of story s, begun on page 1), as the app may open them. */
function shared(): EditionDocument {
  const page = (n: number) => ({ ...defaultPage('tabloid'), header: { ...defaultPage('tabloid').header, pageNumber: String(n).padStart(2, '0') } });
  return {
    formatVersion: 2,
    edition: { paper: '洛阳日报', date: '2026-12-03', format: 'tabloid', jumpStyle: 'ordinal' },
    articles: [article('s', ['一段甲。', '二段乙。', '三段丙。', '四段丁。']), article('t', ['别的稿件。'])],
    images: [],
    pages: [
      { number: 1, name: '要闻', section: 'A', page: page(1), articles: ['s'], images: [], blocks: [block('b1', 's')] },
      { number: 2, name: '综合', section: 'A', page: page(2), articles: ['t'], images: [], blocks: [block('b2', 't')] },
      { number: 2, name: '经济', section: 'A', page: page(2), articles: ['s'], images: [], blocks: [block('b3', 's')] },
    ],
    chains: [{ article: 's', parts: [{ block: 'b1', from: 0 }, { block: 'b3', from: 2 }] }],
  };
}

describe('renumbering a page by its place in the file', () => {
  it('tells apart two pages sharing a number: the one named takes the new number, the flag goes, the jump lines follow', () => {
    const ed = shared();
    const r = renumberPageAt(ed, 2, 4, { duplicateNumbers: 'allow' });
    if (!r.ok) throw new Error(r.en);
    expect(r.edition.pages.map((p) => [p.name, p.number])).toEqual([['要闻', 1], ['综合', 2], ['经济', 4]]);
    expect(r.edition.pages[2].page.header.pageNumber).toBe('04');
    expect(pageDocument(r.edition, 0).articles[0].jumpTo).toBe('（下转第4版）');
    expect(editionOverview(r.edition, { fonts }).map((row) => row.duplicate)).toEqual([false, false, false]);
    // now the edition prints: nothing shares a number
    expect(parseEdition(serializeEdition(r.edition)).ok).toBe(true);
    // the input is not changed
    expect(ed.pages[2].number).toBe(2);
  });

  it('refuses a number another page has, a page that is not there, and a number out of range', () => {
    expect(renumberPageAt(shared(), 2, 1, { duplicateNumbers: 'allow' })).toMatchObject({ ok: false, zh: '第1版已经存在', en: 'Page 1 exists already' });
    // its own number while the other page still has it is no fix either
    expect(renumberPageAt(shared(), 2, 2, { duplicateNumbers: 'allow' })).toMatchObject({ ok: false, en: 'Page 2 exists already' });
    expect(renumberPageAt(shared(), 3, 5, { duplicateNumbers: 'allow' })).toMatchObject({ ok: false, en: 'The edition has no page at position 4' });
    expect(renumberPageAt(shared(), 1, 0, { duplicateNumbers: 'allow' })).toMatchObject({ ok: false, en: expect.stringContaining('must be a whole number from 1') });
    // read strictly, the pages still sharing a number are refused
    const ed = shared();
    ed.pages.push({ ...ed.pages[1], name: '副刊', articles: [], blocks: [] });
    expect(renumberPageAt(ed, 3, 6)).toMatchObject({ ok: false, en: expect.stringContaining('duplicate page number') });
  });
});
