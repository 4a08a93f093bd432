/**
 * Issue 19, the defects after the first round of rules: one rule gives one finding with one weight
 * (abbreviated-year was reported twice, by checks.ts and rules/numbers.ts, at 0.1 and 0.5), and the
 * whole rule set (old and new) stays under the precision line on clean published copy.
 */
import { describe, expect, it } from 'vitest';
import { checkText, ERROR_WEIGHTS } from '../../src-core/proof/checks';
import { NUMBER_USAGE_RULES } from '../../src-core/proof/error-rate';
import { checkCleanCopy, checkCleanEdition } from '../fixtures/proof/clean';
import { plantedErrors, plantedFindings } from '../fixtures/proof/planted';

const yearFindings = (text: string) => checkText(text).filter((f) => f.rule === 'abbreviated-year');

describe('one finding per error, one weight per kind', () => {
  it('reports an abbreviated year once, at the number-usage weight', () => {
    for (const text of ['08年3月开工', '’98年3月参加工作', '他于’98年参加工作', '24年度计划', '26年3月开工']) {
      const fs = yearFindings(text);
      expect(fs.length, text).toBe(1);
      expect(fs[0].weight, text).toBe(ERROR_WEIGHTS.numberUsage);
    }
  });

  it('gives every number-usage finding of the planted errors the weight the 差错率 counts it at', () => {
    const numberFindings = plantedErrors().flatMap(plantedFindings).filter((f) => NUMBER_USAGE_RULES.has(f.rule));
    expect(new Set(numberFindings.map((f) => f.rule)).size).toBeGreaterThanOrEqual(5);
    for (const f of numberFindings) expect([f.rule, f.weight]).toEqual([f.rule, ERROR_WEIGHTS.numberUsage]);
  });

  it('gives each rule one weight, punctuation the 0.1 of the book rules (标点符号的一般错用、多用)', () => {
    const findings = [...plantedErrors().flatMap(plantedFindings), ...checkText('工作完成.下一步,继续。任务完成，。')];
    const weights = new Map<string, Set<number>>();
    for (const f of findings.filter((x) => x.severity === 'error' || x.severity === 'warning')) weights.set(f.rule, (weights.get(f.rule) ?? new Set()).add(f.weight));
    for (const [rule, w] of weights) expect([rule, [...w]], rule).toEqual([rule, [[...w][0]]]);
    for (const rule of ['halfwidth-punctuation', 'repeated-punctuation', 'adjacent-punctuation', 'rough-number-comma', 'unpaired-mark', 'dash-form']) expect([rule, [...weights.get(rule)!]]).toEqual([rule, [ERROR_WEIGHTS.punctuation]]);
  });
});

const ruleFindings = (text: string, rule: string) => checkText(text).filter((f) => f.rule === rule && (f.severity === 'error' || f.severity === 'warning'));

describe('no false alarm of the first rules on clean copy', () => {
  it('takes a one-character dash inside a range or a transliterated name for the connector it is', () => {
    for (const t of ['1999年—2001年的长跑', '签订了15年—30年的植树承包合同', '道—琼斯30种工业股票平均价格指数', '京—沪高铁', '沪—宁高速公路']) expect(ruleFindings(t, 'dash-form'), t).toEqual([]);
    for (const t of ['该系列榜单展现了创新成果—上榜十大工程。', '他说—好的。']) expect(ruleFindings(t, 'dash-form').length, t).toBe(1);
  });

  it('notes a dash three ems long, with the fix, without calling it an error', () => {
    const fs = checkText('飞越海岸线———蓝色国土行').filter((f) => f.rule === 'dash-form');
    expect(fs.map((f) => [f.severity, f.fix, f.weight])).toEqual([['info', '——', ERROR_WEIGHTS.none]]);
  });

  it('leaves decades alone (60年代, 80年代初) and still reports abbreviated years', () => {
    for (const t of ['60年代的藏区', '从90年代初开始', '经历了80年代的两次升级']) expect(yearFindings(t), t).toEqual([]);
    for (const t of ['’80年代初期', '08年奥运会', '98年底', '26年3月']) expect(yearFindings(t).length, t).toBe(1);
  });

  it('reads 对对 across a word boundary (绝对|对立, 针对|对方) as two words', () => {
    for (const t of ['二者并非绝对对立', '针对对方的要求', '面对对手']) expect(ruleFindings(t, 'doubled-character'), t).toEqual([]);
    expect(ruleFindings('这是我们的的目标。', 'doubled-character').length).toBe(1);
  });

  it('asks about a word written twice only when it never reduplicates (我们我们, not 大口大口 or 如何如何)', () => {
    for (const t of ['大口大口地往外吐着水', '你总是如何如何不听话', '研究研究再说']) expect(ruleFindings(t, 'doubled-word'), t).toEqual([]);
    for (const t of ['我们我们要努力', '因为因为下雨']) expect(ruleFindings(t, 'doubled-word').length, t).toBe(1);
  });
});

/**
 * The precision line: at most 1 error- or warning-level finding per 10,000 characters of
 * clean published copy, all rules (old and new, the page rules too: the copy is one article, a line a
 * paragraph). The ones that stay are listed by name: the data set cut its sentences out of their
 * paragraphs, so a quotation running over two sentences is unpaired in each (CREDITS.md).
 */
describe('precision on clean 《人民日报》 copy', () => {
  const { result, serious, per10k } = checkCleanCopy();

  it('has at most 1 error or warning per 10,000 characters on at least 30,000 characters', () => {
    expect(result.characters).toBeGreaterThanOrEqual(30_000);
    expect(serious.length).toBeLessThanOrEqual(Math.floor(result.characters / 10_000));
    expect(per10k).toBeLessThanOrEqual(1);
  });

  it('keeps only the findings the data set made (quotations cut at sentence ends)', () => {
    expect(serious.map((f) => [f.paragraph + 1, f.rule, f.excerpt])).toEqual([
      [520, 'unpaired-mark', '…用在种庄稼地上。【”】'],
      [577, 'unpaired-mark', '【』】待人诚恳、自尊自…'],
    ]);
  });
});

/** The same line when the copy is an edition: the consistency rules across pages add no false alarm. */
describe('precision on clean copy set as an edition', () => {
  it('stays under 1 per 10,000 characters with the edition-wide rules, which find nothing on it', () => {
    const r = checkCleanEdition();
    expect(r.pages).toBeGreaterThanOrEqual(10);
    expect(r.acrossPages).toEqual([]);
    expect((r.serious.length / r.characters) * 10_000).toBeLessThanOrEqual(1);
  });
});
