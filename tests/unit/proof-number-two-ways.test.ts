/**
 * Issue 19 item 2, consistency: the same figure with the same unit written two ways on a page
 * (二〇二六年 / 2026年, 百分之三十 / 30%, 3.5万人 / 35000人) is a warning at both places, each naming
 * the other; what only looks alike (another value, another unit, an approximation, a word) is not.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src-core/model/document';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { checkDocument } from '../../src-core/proof/checks';
import { chineseNumber } from '../../src-core/proof/rules/number-two-ways';

const page = (...paragraphs: string[]): Article[] => [{ id: 'a', kicker: '', headline: '', deck: '', byline: '', bylinePosition: 'end', lead: '', body: docFromParagraphs(paragraphs), jumpFrom: '', jumpTo: '' }];
const twoWays = (...paragraphs: string[]) => checkDocument({ articles: page(...paragraphs) }).findings.filter((f) => f.rule === 'number-two-ways');

describe('a figure written two ways', () => {
  it('reads Chinese numerals', () => {
    expect(['三万五千', '十二', '一百零五', '一亿二千万', '三点五万', '两千'].map(chineseNumber)).toEqual([35_000, 12, 105, 120_000_000, 35_000, 2000]);
    expect(chineseNumber('二三')).toBeUndefined();
  });

  it('finds a year, a percentage and a quantity written two ways, at both places', () => {
    const cases: [string, string, string, string][] = [
      ['二〇二六年是关键一年。', '2026年全市投资增长。', '二〇二六年', '2026年'],
      ['增速达到百分之三十。', '比上年提高30%。', '百分之三十', '30%'],
      ['全年接待游客3.5万人。', '其中外地游客35000人。', '3.5万人', '35000人'],
      ['新增就业三万五千人。', '新增就业35,000人。', '三万五千人', '35,000人'],
    ];
    for (const [p1, p2, a, b] of cases) {
      const fs = twoWays(p1, p2);
      expect(fs.map((f) => [f.paragraph, f.severity, f.excerpt.match(/【(.*)】/)![1]]), p1).toEqual([
        [0, 'warning', a],
        [1, 'warning', b],
      ]);
      // each names the other place
      expect(fs[0].zh).toContain(`“${b}”`);
      expect(fs[1].zh).toContain(`“${a}”`);
    }
  });

  it('leaves alone what only looks alike', () => {
    const clean = [
      ['二〇二五年是关键一年。', '2026年全市投资增长。'], // another year
      ['全年接待游客3.5万人。', '收入35000元。'], // another unit
      ['上万人参加。', '参加者10000人。'], // an approximation
      ['数十万人。', '200000人。'],
      ['他是万元户。', '收入1万元。'], // a word
      ['一个重要任务。', '完成1个项目。'], // a numeral below ten: an ordinary word
      ['第十二届运动会。', '12届。'],
      ['2026年开工。', '2026年完工。'], // the same way twice
    ];
    for (const ps of clean) expect(twoWays(...ps), ps.join(' ')).toEqual([]);
  });

  it('is a warning that counts nothing until confirmed', () => {
    const r = checkDocument({ articles: page('增速达到百分之三十。', '比上年提高30%。') });
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.errors).toBe(0);
  });
});

describe('one finding for a year or a percentage written two ways (issue 19 leftovers)', () => {
  it('reports 2026年 / 二〇二六年 once per place: number-two-ways owns the span, mixed-number-style skips it', () => {
    const fs = checkDocument({ articles: page('二〇二六年是关键一年。', '2026年全市投资增长，2025年也是。', '增速达到百分之三十。', '比上年提高30%，去年20%。') }).findings;
    const spans = fs.filter((f) => f.rule === 'number-two-ways' || f.rule === 'mixed-number-style').map((f) => `${f.paragraph}:${f.offset}`);
    expect(spans.length).toBe(new Set(spans).size);
    expect(fs.filter((f) => f.rule === 'mixed-number-style').map((f) => f.excerpt.match(/【(.*)】/)![1])).toEqual([]);
    expect(fs.filter((f) => f.rule === 'number-two-ways').map((f) => f.excerpt.match(/【(.*)】/)![1])).toEqual(['二〇二六年', '2026年', '百分之三十', '30%']);
  });

  it('still reports a minority style of another value (2023年, 二〇二四年, 2025年)', () => {
    const fs = checkDocument({ articles: page('2023年完成投资。', '二〇二四年继续推进。', '2025年全面建成。') }).findings;
    expect(fs.filter((f) => f.rule === 'mixed-number-style').map((f) => f.excerpt.match(/【(.*)】/)![1])).toEqual(['二〇二四年']);
  });
});
