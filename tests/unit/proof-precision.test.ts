/**
 * Issue 19, the defects after the first round of rules: one rule gives one finding with one weight
 * (abbreviated-year was reported twice, by checks.ts and rules/numbers.ts, at 0.1 and 0.5), and the
 * whole rule set (old and new) stays under the precision line on clean published copy.
 */
import { describe, expect, it } from 'vitest';
import { checkText, ERROR_WEIGHTS } from '../../src-core/proof/checks';
import { NUMBER_USAGE_RULES } from '../../src-core/proof/error-rate';
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
});
