/**
 * Changing an edition's pages from the overview: a page renumbered by its place in the file (so two
 * pages sharing a number can be told apart, and the jump lines follow); a page deleted without losing
 * any story's text (a continued part overset on the part before it, a story beginning there unplaced).
 */
import { describe, expect, it } from 'vitest';
import { parseEdition, serializeEdition } from '../../src-core/edition/edition-file';
import type { EditionDocument } from '../../src-core/edition/edition';
import { editionOverview } from '../../src-core/edition/overview';
import { pageDocument } from '../../src-core/edition/page-doc';
import { deletePage, deletionQuestion } from '../../src-core/edition/delete-page';
import { renumberPageAt } from '../../src-core/edition/renumber';
import { fontProvider } from '../../src-main/fonts/provider';
import { storyArticle as article, storyBlock as block, tabloidPage } from '../support/edition-sample';

const fonts = fontProvider().registry();

/** Pages 1, 2 and 2 again (the second holds the rest of story s, begun on page 1), as the app may open them. */
function shared(): EditionDocument {
  const page = (n: number) => tabloidPage(n);
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

/** Pages 1, 2, 3; story s runs 1 → 2 → 3 (paragraphs 0, 1–2, 3), page 1's block 10 lines deep (the first paragraph fits); page 2 also holds t. */
function chained(): EditionDocument {
  const page = (n: number) => tabloidPage(n, String(n));
  return {
    formatVersion: 2,
    edition: { paper: '洛阳日报', date: '2026-12-03', format: 'tabloid', jumpStyle: 'ordinal' },
    articles: [article('s', ['一段甲。'.repeat(40), '二段乙。'.repeat(40), '三段丙。'.repeat(40), '四段丁。']), article('t', ['别的稿件。'])],
    images: [],
    pages: [
      { number: 1, name: '要闻', section: 'A', page: page(1), articles: ['s'], images: [], blocks: [{ ...block('b1', 's'), rows: 10 }] },
      { number: 2, name: '综合', section: 'A', page: page(2), articles: ['t', 's'], images: [], blocks: [block('b2', 't'), { ...block('b2s', 's'), col: 4 }] },
      { number: 3, name: '经济', section: 'A', page: page(3), articles: ['s'], images: [], blocks: [block('b3', 's')] },
    ],
    chains: [{ article: 's', parts: [{ block: 'b1', from: 0 }, { block: 'b2s', from: 1 }, { block: 'b3', from: 3 }] }],
  };
}

/** Every paragraph of article `id` as set on the pages (each page's parts), in page order. */
const setParagraphs = (ed: EditionDocument, id: string): string[] =>
  ed.pages.flatMap((_, i) => pageDocument(ed, i).articles.filter((a) => a.id.startsWith(id)).flatMap((a) => a.body.content.map((n) => JSON.stringify(n))));

describe('deleting a page that holds part of a story', () => {
  it('a continued part goes back to the part before it, overset there; nothing of the story is lost', () => {
    const ed = chained();
    const whole = setParagraphs(ed, 's');
    const r = deletePage(ed, 1);
    if (!r.ok) throw new Error(r.en);
    expect(r.edition.pages.map((p) => p.number)).toEqual([1, 3]);
    expect(r.edition.chains).toEqual([{ article: 's', parts: [{ block: 'b1', from: 0 }, { block: 'b3', from: 3 }] }]);
    expect(r.stories).toEqual([{ article: 's', headline: 's标题', fate: 'overset', onPage: 1 }]);
    // page 1's block now sets paragraphs 0–2 and jumps to page 3; every paragraph is still set once
    expect(pageDocument(r.edition, 0).articles[0].body.content).toHaveLength(3);
    expect(pageDocument(r.edition, 0).articles[0].jumpTo).toBe('（下转第3版）');
    expect(setParagraphs(r.edition, 's')).toEqual(whole);
    // t stays in the pool, on no page
    expect(r.edition.articles.map((a) => a.id)).toEqual(['s', 't']);
    // the page with the previous part shows the overset (its block fits its own paragraph, not three)
    expect(editionOverview(ed, { fonts })[0].overset).toBe(0);
    expect(editionOverview(r.edition, { fonts }).map((row) => [row.number, row.overset])).toEqual([[1, 1], [3, 0]]);
    expect(deletionQuestion(ed, 1, r.stories)).toEqual({
      zh: '删除第2版 综合？本版稿件和图片留在稿库。《s标题》在本版的部分回到第1版，成为溢排。',
      en: 'Delete page 2 综合? Its articles and pictures stay in the pool. The part of “s标题” on this page goes back to page 1 as overset text.',
    });
  });

  it('the last part of a two-part story: the chain goes and the first block sets the whole story', () => {
    const ed = chained();
    ed.chains[0].parts.splice(1, 1);
    ed.pages[1].articles = ['t'];
    ed.pages[1].blocks = [block('b2', 't')];
    const r = deletePage(ed, 2);
    if (!r.ok) throw new Error(r.en);
    expect(r.edition.chains).toEqual([]);
    expect(pageDocument(r.edition, 0).articles[0].body.content).toHaveLength(4);
    expect(r.stories).toMatchObject([{ fate: 'overset', onPage: 1 }]);
  });

  it('the page where the story begins: the whole article stays in the pool unplaced, held over on its next page, its continuations taken off', () => {
    const ed = chained();
    const r = deletePage(ed, 0);
    if (!r.ok) throw new Error(r.en);
    expect(r.edition.chains).toEqual([]);
    expect(r.stories).toEqual([{ article: 's', headline: 's标题', fate: 'unplaced', offPages: [2, 3] }]);
    expect(r.edition.pages.map((p) => [p.number, p.articles, p.blocks.map((b) => b.id)])).toEqual([[2, ['t', 's'], ['b2']], [3, [], []]]);
    expect(r.edition.articles.find((a) => a.id === 's')).toEqual(ed.articles[0]);
    expect(deletionQuestion(ed, 0, r.stories).zh).toBe('删除第1版 要闻？本版稿件和图片留在稿库。《s标题》从本版开始：整篇回到稿库待用，第2版、第3版的接续一并撤下。');
    expect(deletionQuestion(ed, 0, r.stories).en).toContain('“s标题” begins on this page: the whole story goes back to the pool unplaced, its continuation on page 2, 3 taken off.');
  });

  it('refuses the last page, and leaves the edition it was given as it was', () => {
    const ed = chained();
    const before = JSON.stringify(ed);
    deletePage(ed, 1);
    deletePage(ed, 0);
    expect(JSON.stringify(ed)).toBe(before);
    const one = { ...ed, pages: [{ ...ed.pages[1], articles: ['t'], blocks: [block('b2', 't')] }], chains: [] };
    expect(deletePage(one, 0)).toMatchObject({ ok: false, en: 'An edition needs at least one page: the last page cannot be deleted' });
    expect(deletePage(ed, 5)).toMatchObject({ ok: false });
  });
});
