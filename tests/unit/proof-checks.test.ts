import { describe, expect, it } from 'vitest';
import { applyFix, checkDocument, checkText } from '../../src-core/proof/checks';
import { samplePage } from '../../bench/pages';
import { docFromParagraphs } from '../../src-core/model/richtext';

describe('automatic proofreading checks', () => {
  // The planted errors (tests/fixtures/proof/planted.txt), each found by its rule: proof-recall.test.ts.

  it('fixes with certainty what is certain, exactly', () => {
    const fixed = (text: string, rule: string): string => {
      const fs = checkText(text).filter((f) => f.rule === rule && f.fix !== undefined);
      return fs.reverse().reduce((t, f) => applyFix(t, f), text);
    };
    expect(fixed('洛阳市入选试点城市,成为全省唯一。', 'halfwidth-punctuation')).toBe('洛阳市入选试点城市，成为全省唯一。');
    expect(fixed('全年完成投资３００亿元。', 'fullwidth-alphanumeric')).toBe('全年完成投资300亿元。');
    expect(fixed('如火如荼...', 'ellipsis-form')).toBe('如火如荼……');
    expect(fixed('创新成果—上榜', 'dash-form')).toBe('创新成果——上榜');
    expect(fixed('这是我们的的目标。', 'doubled-character')).toBe('这是我们的目标。');
    expect(fixed('产业 社区', 'space-between-han')).toBe('产业社区');
    expect(fixed('爱达•魔都号', 'bullet-for-middle-dot')).toBe('爱达·魔都号');
  });

  it('leaves numbers, Latin text, legitimate doubles and paragraph-spanning quotes alone', () => {
    const clean = [
      '全年产量达到3,000吨，时间是12:30。',
      'See https://example.com/a,b (page 3).',
      '他常常说谢谢，大家渐渐明白了，实实在在，不了了之。',
      '“第一段引文没有收尾，',
      '从2024年到2025年，增长5%。',
      '建厂15年来，成绩显著。',
      '研究研究再定。',
    ];
    const errors = (t: string, next?: string) => checkText(t, { nextParagraph: next }).filter((f) => f.severity === 'error');
    expect(errors(clean[0])).toEqual([]);
    expect(errors(clean[1])).toEqual([]);
    expect(checkText(clean[2]).filter((f) => f.rule === 'doubled-character')).toEqual([]);
    expect(errors(clean[3], '“第二段接着引，结束。”')).toEqual([]);
    expect(errors(clean[3])).toHaveLength(1); // without a continuing paragraph it is unpaired
    expect(errors(clean[4])).toEqual([]);
    expect(errors(clean[5])).toEqual([]);
  });

  it('raises no false alarm on the sample page (headlines, bylines and body as cleaned by hand)', () => {
    const result = checkDocument(samplePage());
    const errors = result.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.articleId}/${f.field}/${f.paragraph}: ${f.rule} ${f.excerpt}`)).toEqual([]);
    expect(result.characters).toBeGreaterThan(4000);
  });

  it('places findings by article, field and paragraph, flags mixed number styles, and estimates 差错率', () => {
    const doc = samplePage();
    const a = { ...doc.articles[1], body: docFromParagraphs(['二〇二四年完成投资,共计３００亿元。', '2023年和2024年也是如此。']) };
    const result = checkDocument({ articles: [a] });
    const f = result.findings.find((x) => x.rule === 'halfwidth-punctuation')!;
    expect(f).toMatchObject({ articleId: a.id, field: 'body', paragraph: 0, offset: 9 });
    expect(f.excerpt).toContain('【,】');
    expect(result.findings.some((x) => x.rule === 'mixed-number-style' && x.excerpt.includes('二〇二四年'))).toBe(true);
    // halfwidth ½ + fullwidth ½ + mixed style ½ = 1.5 over the characters
    expect(result.errors).toBe(1.5);
    expect(result.errorRatePer10k).toBeCloseTo((1.5 / result.characters) * 10_000, 10);
  });
});

describe('doubles at word boundaries', () => {
  it('are not reported (宣传部部长, 签订订单, 全国国企)', () => {
    for (const t of ['市委常委、宣传部部长徐超文', '与万邦物流签订订单协议', '全国国企年度盘点榜单', '督查组组长']) {
      expect(checkText(t).filter((f) => f.rule === 'doubled-character'), t).toEqual([]);
    }
  });
});
