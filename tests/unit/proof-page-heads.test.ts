/**
 * Issue 19 item 3: errors in the 报头 (masthead), 报眉/版头 (running head: 版次, 版名, date) and 栏头
 * (column head) are found by the same rules as any text and count double in the 差错率, as headline
 * errors do. Every expected figure is counted by hand.
 */
import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import type { Article, PageSettings } from '../../src-core/model/document';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { checkDocument, headerTexts, PAGE_HEADER_ID } from '../../src-core/proof/checks';

const article = (column: string): Article => ({ id: 'a1', kicker: '', headline: '', deck: '', byline: '', bylinePosition: 'end', lead: '', body: docFromParagraphs(['一切顺利。']), jumpFrom: '', jumpTo: '', column });

function pageWith(paperName: string, section: string): PageSettings {
  const page = samplePage().page;
  return { ...page, header: { ...page.header, height: 40, paperName, section, pageNumber: '03', date: '2026-12-03' } };
}

describe('masthead, running head and column head are checked and count double', () => {
  it('reads the running head as printed: 第N版, 版名, the date line', () => {
    const texts = headerTexts(pageWith('洛阳日报', '经济').header);
    expect(texts.map((t) => [t.articleId, t.field, t.text])).toEqual([
      [PAGE_HEADER_ID, 'masthead', '洛阳日报'],
      [PAGE_HEADER_ID, 'runningHead', '第03版　经济　2026年12月3日 星期四'],
    ]);
  });

  it('finds an error in each and counts each twice', () => {
    const result = checkDocument({ articles: [article('一股作气')], page: pageWith('洛阳的的日报', '经济,民生') });
    const errors = result.findings.filter((f) => f.severity === 'error').map((f) => [f.articleId, f.field, f.rule]);
    expect(errors).toEqual([
      [PAGE_HEADER_ID, 'masthead', 'doubled-character'],
      [PAGE_HEADER_ID, 'runningHead', 'halfwidth-punctuation'],
      ['a1', 'column', 'wrong-word'],
    ]);
    // 的的 in the masthead 1 × 2 = 2; the half-width comma in the 版名 0.1 × 2 = 0.2; 一股作气 in the column head 1 × 2 = 2: 4.2
    expect(result.rate.errors).toBe(4.2);
  });

  it('the running head\'s date is the paper\'s style, no figure for the text to match: 二〇二六年度 in a deck is compared with the articles\' years only (field test 44)', () => {
    const deck = (text: string): Article => ({ ...article(''), id: 'a2', headline: '完善有利于全国统一大市场建设的体制机制', deck: '——全国无党派人士考察团开展二〇二六年度重点考察调研', body: docFromParagraphs([text]) });
    const page = { ...pageWith('人民日报', '政治'), header: { ...pageWith('人民日报', '政治').header, date: '2026-06-03' } };
    const twoWays = (text: string) => checkDocument({ articles: [deck(text)], page }).findings.filter((f) => f.rule === 'number-two-ways' || f.rule === 'mixed-number-style').map((f) => [f.field, f.rule]);
    expect(twoWays('考察团一行赴浙江开展调研。')).toEqual([]);
    // (the same year two ways within the articles is still one for the 校对)
    expect(twoWays('考察团一行赴浙江开展2026年度重点考察调研。')).toEqual([['deck', 'number-two-ways'], ['body', 'number-two-ways']]);
  });

  it('a page without a header (height 0) prints none, so none is read', () => {
    const page = pageWith('洛阳的的日报', '经济');
    expect(headerTexts({ ...page.header, height: 0 })).toEqual([]);
  });
});
