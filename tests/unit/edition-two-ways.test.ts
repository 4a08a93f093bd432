/**
 * Issue 19 (the 整期总览's findings across pages): editionTwoWays gathers the edition-wide findings
 * by what they are about, a figure or a name, with each way it is written and the pages it is written
 * so on. Expected lists written by hand from the texts.
 */
import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { editionConsistency, editionPageTexts, editionTwoWays } from '../../src-core/proof/edition-consistency';

const base = { ...samplePage().articles[1], kicker: '', deck: '', byline: '', lead: '', column: '' };
const page = (k: number, paragraphs: string[]) => ({ label: `第${k}版`, articles: [{ ...base, id: `a${k}`, headline: `稿${k}`, body: docFromParagraphs(paragraphs) }] });

describe('editionTwoWays', () => {
  it('lists each figure and name written two ways on different pages, with the pages of each form', () => {
    const pages = [
      page(1, ['2035年全市投资增长。', '区委书记谢峰说，要抓项目。', '区委书记谢峰表示，要抓落实。']),
      page(2, ['二〇三五年是关键一年。', '区委书记谢锋指出，要抓落实。']),
      page(3, ['到2035年基本实现。', '区委书记谢峰说，干就完了。']),
    ];
    expect(editionTwoWays(pages)).toEqual([
      { rule: 'number-two-ways', forms: [{ written: '2035年', pages: [0, 2] }, { written: '二〇三五年', pages: [1] }] },
      { rule: 'name-two-ways', forms: [{ written: '谢峰', pages: [0, 2] }, { written: '谢锋', pages: [1] }] },
    ]);
    // one entry per thing the findings are about; the findings, by page: the year on each page, the rarer name (谢锋) on page 2
    expect(editionConsistency(pages).map((fs) => fs.map((f) => f.rule))).toEqual([['number-two-ways'], ['number-two-ways', 'name-two-ways'], ['number-two-ways']]);
  });

  it('leaves out a pair written both ways on one page (the page rule’s) and an edition without any', () => {
    expect(editionTwoWays([page(1, ['2035年。', '二〇三五年。']), page(2, ['无关。'])])).toEqual([]);
    expect(editionTwoWays([page(1, ['一切顺利。'])])).toEqual([]);
  });

  it('reads a laid-out page as check does: the articles a block sets, and the header', () => {
    const doc = samplePage();
    const texts = editionPageTexts('第1版 要闻', doc);
    const placed = new Set(doc.blocks.flatMap((b) => (b.kind === 'article' ? [b.articleId] : [])));
    expect(texts.articles.map((a) => a.id)).toEqual(doc.articles.filter((a) => placed.has(a.id)).map((a) => a.id));
    expect(texts.headers?.map((h) => h.field)).toEqual(['masthead', 'runningHead']);
  });
});
