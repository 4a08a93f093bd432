/**
 * Recall (issue 19, measures): every error planted in tests/fixtures/proof/planted.txt, at least 100
 * across the kinds of item 2 and item 5, is found by the rule its line names.
 */
import { describe, expect, it } from 'vitest';
import { plantedErrors, rulesFinding } from '../fixtures/proof/planted';

const planted = plantedErrors();

describe('recall on planted errors', () => {
  it('plants at least 100 errors over every kind', () => {
    expect(planted.length).toBeGreaterThanOrEqual(100);
    const kinds = new Set(planted.map((p) => p.category.split('·')[0]));
    for (const kind of ['标点', '错别字', '异形词', '易混词', '数字', '一致性', '禁用词', '繁简混用', '异体字']) expect(kinds, kind).toContain(kind);
  });

  for (const p of planted) {
    it(`line ${p.line} (${p.category}): ${p.rule} finds ${p.text}`, () => {
      expect(rulesFinding(p), `planted.txt line ${p.line}`).toContain(p.rule);
    });
  }
});
