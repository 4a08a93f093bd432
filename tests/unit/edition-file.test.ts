/**
 * The edition file (format version 2): its pages derived as page documents (a chain's parts with
 * jump lines from the pages that hold them), renumbering, validation naming every bad field, and a
 * version-1 page opened as a one-page edition.
 */
import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { assembleEdition } from '../../src-core/edition/assemble';
import { jumpParts } from '../../src-core/edition/continue';
import { editionFromPage, openAny, parseEdition, serializeEdition, validateEdition } from '../../src-core/edition/edition-file';
import type { EditionDocument } from '../../src-core/edition/edition';
import { pageDocument } from '../../src-core/edition/page-doc';
import { renumberPage } from '../../src-core/edition/renumber';
import { defaultPage } from '../../src-core/model/defaults';
import type { Article, ArticleBlock } from '../../src-core/model/document';
import { plainText } from '../../src-core/model/richtext';
import { parseDocument, serializeDocument } from '../../src-core/model/serialize';
import { storyArticle, storyBlock as block, tabloidPage } from '../support/edition-sample';

const article = (id: string, paragraphs: string[], headline = `${id}标题`): Article => storyArticle(id, paragraphs, { kicker: '引题', headline, byline: '本报记者 王五' });

/** Three pages; story s runs from page 1 (paragraphs 0–1) to page 3 (2–3). */
function edition(): EditionDocument {
  const page = (n: number) => tabloidPage(n, String(n));
  return {
    formatVersion: 2,
    edition: { paper: '洛阳日报', date: '2026-12-03', format: 'tabloid', jumpStyle: 'ordinal' },
    articles: [article('s', ['一段甲。', '二段乙。', '三段丙。', '四段丁。']), article('t', ['别的稿件。'])],
    images: [],
    pages: [
      { number: 1, name: '要闻', section: 'A', page: page(1), articles: ['s'], images: [], blocks: [block('b1', 's')] },
      { number: 2, name: '综合', section: 'A', page: page(2), articles: ['t'], images: [], blocks: [block('b2', 't')] },
      { number: 3, name: '经济', section: 'A', page: page(3), articles: ['s'], images: [], blocks: [block('b3', 's')] },
    ],
    chains: [{ article: 's', parts: [{ block: 'b1', from: 0 }, { block: 'b3', from: 2 }] }],
  };
}

const paths = (ed: unknown): string[] => validateEdition(ed).map((i) => i.path);

describe('edition model', () => {
  it('a page prints only its part of a chained story, with jump lines naming the chain\'s pages', () => {
    const ed = edition();
    expect(validateEdition(ed)).toEqual([]);
    const p1 = pageDocument(ed, 0);
    expect(p1.articles).toHaveLength(1);
    expect(plainText(p1.articles[0].body)).toBe('一段甲。\n二段乙。');
    expect(p1.articles[0]).toMatchObject({ id: 's', headline: 's标题', jumpTo: '（下转第3版）', jumpFrom: '' });
    expect(p1.page.header).toMatchObject({ paperName: '洛阳日报', date: '2026-12-03', pageNumber: '1', section: '要闻' });
    const p3 = pageDocument(ed, 2);
    expect(plainText(p3.articles[0].body)).toBe('三段丙。\n四段丁。');
    expect(p3.articles[0]).toMatchObject({ id: 's-续', headline: 's标题', kicker: '', byline: '', jumpFrom: '（上接第1版）', jumpTo: '' });
    expect(p3.blocks[0]).toMatchObject({ id: 'b3', articleId: 's-续' });
    expect(pageDocument(ed, 1).articles.map((a) => a.id)).toEqual(['t']);
  });

  it('the padded jump style writes （下转03版） / （上接01版）', () => {
    const ed = { ...edition(), edition: { ...edition().edition, jumpStyle: 'padded' as const } };
    expect(pageDocument(ed, 0).articles[0].jumpTo).toBe('（下转03版）');
    expect(pageDocument(ed, 2).articles[0].jumpFrom).toBe('（上接01版）');
  });

  it('renumberPage moves the jump lines and the header with the page; a taken or missing number is refused', () => {
    const r = renumberPage(edition(), 3, 4);
    if (!r.ok) throw new Error(r.en);
    expect(r.edition.pages[2].number).toBe(4);
    expect(pageDocument(r.edition, 0).articles[0].jumpTo).toBe('（下转第4版）');
    expect(pageDocument(r.edition, 2).articles[0].jumpFrom).toBe('（上接第1版）');
    expect(pageDocument(r.edition, 2).page.header.pageNumber).toBe('4');
    expect(renumberPage(edition(), 3, 2)).toMatchObject({ ok: false, zh: '第2版已经存在', en: 'Page 2 exists already' });
    expect(renumberPage(edition(), 5, 6)).toMatchObject({ ok: false, en: 'The edition has no page 5' });
    // page 1 after page 3 would run the story backwards
    expect(renumberPage(edition(), 1, 9)).toMatchObject({ ok: false, en: expect.stringContaining('chains[0].parts[1].block: is on page 3, before page 9') });
  });

  it('saves and reads back the same edition', () => {
    const ed = edition();
    const back = parseEdition(serializeEdition(ed));
    expect(back).toEqual({ ok: true, edition: ed });
  });

  it('names every bad field, zh and en', () => {
    const bad = edition() as unknown as Record<string, any>;
    bad.edition.jumpStyle = 'fancy';
    bad.pages[1].number = 1;
    bad.pages[1].page = { ...bad.pages[1].page, grid: { ...bad.pages[1].page.grid, columns: 0 } };
    bad.pages[1].articles.push('nope');
    bad.chains[0].parts[1].from = 9;
    expect(paths(bad)).toEqual(['edition.jumpStyle', 'pages[1].number', 'pages[1].articles[1]', 'pages[1].page.grid.columns', 'pages[1].blocks[0].col', 'pages[1].blocks[0].span', 'pages[1].blocks[0].span']);
    const issue = validateEdition(bad)[0];
    expect(issue.zh).toContain('edition.jumpStyle');
    expect(issue.en).toBe('edition.jumpStyle: must be one of ordinal, padded (got "fancy")');
  });

  it('checks the chains: the paragraph cuts, the blocks they name, and every block of the story in its chain', () => {
    const cut = edition();
    cut.chains[0].parts[1].from = 4;
    expect(paths(cut)).toEqual(['chains[0].parts[1].from']);
    cut.chains[0].parts[1].from = 0;
    expect(validateEdition(cut)[0].en).toContain("must be past the previous part's from (0)");
    const missing = edition();
    missing.chains[0].parts[1].block = 'b9';
    expect(validateEdition(missing)[0].en).toBe('chains[0].parts[1].block: no block has this id (got "b9")');
    const other = edition();
    other.chains[0].parts[1].block = 'b2';
    expect(paths(other)).toContain('chains[0].parts[1].block');
    const stray = edition();
    stray.pages[0].blocks.push(block('b1x', 's'));
    expect(validateEdition(stray)[0].en).toContain('pages[0].blocks[1]: shows the chained article s but is not in its chain');
    const unchained = edition();
    unchained.chains = [];
    expect(validateEdition(unchained)[0].en).toContain('pages[2].articles: this article is on pages[0] already');
    const backwards = edition();
    backwards.chains[0].parts.reverse();
    expect(paths(backwards)).toContain('chains[0].parts[0].from');
  });

  it('refuses garbage, a nesting bomb and too many pages with clear messages', () => {
    expect(parseEdition('{')).toMatchObject({ ok: false, en: expect.stringContaining('not Banmian edition data') });
    expect(parseEdition(`{"formatVersion":2,"pages":${'['.repeat(100)}${']'.repeat(100)}}`)).toMatchObject({ ok: false, en: expect.stringContaining('nests deeper than 64') });
    const many = { ...edition(), pages: Array.from({ length: 65 }, (_, i) => ({ ...edition().pages[1], number: i + 1 })) };
    expect(validateEdition(many)[0].en).toBe('pages: must hold 1 to 64 pages (got "65 版 pages")');
  });
});

describe('the edition of a made-up plan', () => {
  it('gives back each page as it was made up: the story once in the pool, its cut and the continued part\'s look in the chain', () => {
    const ed = edition();
    const s = ed.articles[0];
    const { first, rest } = jumpParts(s, 2, { from: 1, to: 3, style: 'ordinal' }, 40);
    // make-up's styling of each part on its page
    const styledFirst = { ...first, styleOverrides: { headline: { size: 30 } } };
    const styledRest = { ...rest, styleOverrides: { headline: { size: 18, lineHeight: 23 }, body: { tracking: 0.03 } } };
    const doc = (i: number, articles: Article[], blocks: ArticleBlock[]) => ({ formatVersion: 1, page: pageDocument(ed, i).page, articles, images: [], blocks });
    const made = [
      { page: { number: 1, name: '要闻', section: 'A叠', articles: [], ads: [] }, document: doc(0, [styledFirst], [block('b-s', 's')]) },
      { page: { number: 2, name: '综合', section: '', articles: [], ads: [] }, document: doc(1, [ed.articles[1]], [block('b-t', 't')]) },
      { page: { number: 3, name: '经济', section: '', articles: [], ads: [] }, document: doc(2, [styledRest], [block('b-s-续', 's-续')]) },
    ];
    const plan = { paper: '洛阳日报', date: '2026-12-03', format: 'tabloid' as const, jumpStyle: 'ordinal' as const, pages: made.map((m) => m.page), continue: [], page: defaultPage('tabloid') };
    const r = assembleEdition(plan, made, [{ article: s, from: 1, to: 3, cut: 2 }]);
    expect(r.unchained).toEqual([]);
    expect(validateEdition(r.edition)).toEqual([]);
    expect(r.edition.pages.map((p) => p.section)).toEqual(['A叠', '', '']);
    expect(r.edition.articles.map((a) => [a.id, a.body.content.length, a.jumpTo])).toEqual([['s', 4, ''], ['t', 1, '']]);
    expect(r.edition.chains).toEqual([{ article: 's', parts: [{ block: 'b-s', from: 0 }, { block: 'b-s-续', from: 2, styleOverrides: styledRest.styleOverrides }] }]);
    made.forEach((m, i) => expect(pageDocument(r.edition, i), `page ${m.page.number}`).toEqual(m.document));
  });

  it('a continued story whose rest make-up held over stays two articles, as printed', () => {
    const ed = edition();
    const { first, rest } = jumpParts(ed.articles[0], 2, { from: 1, to: 3, style: 'ordinal' }, 40);
    const page = pageDocument(ed, 0).page;
    const made = [
      { page: { number: 1, name: '要闻', section: '', articles: [], ads: [] }, document: { formatVersion: 1, page, articles: [first], images: [], blocks: [block('b-s', 's')] } },
      { page: { number: 3, name: '经济', section: '', articles: [], ads: [] }, document: { formatVersion: 1, page, articles: [rest], images: [], blocks: [] } },
    ];
    const plan = { paper: '洛阳日报', date: '2026-12-03', format: 'tabloid' as const, jumpStyle: 'ordinal' as const, pages: made.map((m) => m.page), continue: [], page };
    const r = assembleEdition(plan, made, [{ article: ed.articles[0], from: 1, to: 3, cut: 2 }]);
    expect(r.unchained).toEqual(['s']);
    expect(r.edition.chains).toEqual([]);
    expect(r.edition.articles.map((a) => a.id)).toEqual(['s', 's-续']);
    expect(validateEdition(r.edition)).toEqual([]);
  });
});

describe('a version-1 page opens as a one-page edition', () => {
  it('openAny gives the page as an edition whose one page is the page itself', () => {
    const page = samplePage();
    const opened = openAny(serializeDocument(page));
    if (!opened.ok) throw new Error(opened.en);
    expect(opened.migratedFrom).toBe(1);
    expect(opened.page).toEqual(page);
    expect(validateEdition(opened.edition)).toEqual([]);
    expect(opened.edition.pages).toHaveLength(1);
    expect(opened.edition.edition).toMatchObject({ paper: page.page.header.paperName, date: page.page.header.date, format: page.page.format.name });
    expect(pageDocument(opened.edition, 0)).toEqual(page);
  });

  it('openAny of an edition file gives it as saved; of garbage, the page loader\'s message', () => {
    expect(openAny(serializeEdition(edition()))).toEqual({ ok: true, edition: edition() });
    expect(openAny('not json')).toMatchObject({ ok: false, en: expect.stringContaining('not Banmian page data') });
  });

  it('the page loader (the app\'s open) refuses an edition file with a clear message, not as a newer version', () => {
    const r = parseDocument(serializeEdition(edition()));
    expect(r).toMatchObject({ ok: false, zh: expect.stringContaining('这是整期文件'), en: expect.stringContaining('This is an edition file') });
    expect(r.ok ? '' : r.en).not.toContain('newer');
  });

  it('editionFromPage takes a plain 版次 as the page number, anything else as page 1', () => {
    const page = samplePage();
    page.page.header.pageNumber = '05';
    expect(editionFromPage(page).pages[0].number).toBe(5);
    expect(pageDocument(editionFromPage(page), 0).page.header.pageNumber).toBe('05');
    page.page.header.pageNumber = 'A3';
    expect(editionFromPage(page).pages[0].number).toBe(1);
    // a 版次 that is no number is the page's own: printed as written
    expect(pageDocument(editionFromPage(page), 0).page.header.pageNumber).toBe('A3');
  });
});
