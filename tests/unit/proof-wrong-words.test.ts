import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyFix, checkText } from '../../src-core/proof/checks';
import { WRONG_WORD_SOURCES } from '../../src-core/proof/rules/wrong-words.data';
import { wrongWordEntries } from '../../src-core/proof/rules/wrong-words';

const read = (path: string): string => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');
/** Clean published copy, hard-wrapped lines joined (the sample is OCR text wrapped mid-word). */
const CLEAN_COPY = [read('../../assets/samples/luoyang-daily-page.txt').replace(/\s+/g, ''), read('../fixtures/proof/clean/renmin-ribao-1998.txt')];
const entries = wrongWordEntries();
const dictionaryFindings = (text: string) => checkText(text).filter((f) => f.rule === 'wrong-word' || f.rule === 'variant-word');

describe('the 常见错别字 dictionary', () => {
  it('has at least 500 entries, each with a different right form and a credited source', () => {
    expect(entries.length).toBeGreaterThanOrEqual(500);
    for (const e of entries) {
      expect(e.wrong, `${e.wrong}=${e.right}`).not.toBe(e.right);
      expect(e.wrong.length, `${e.wrong}=${e.right}`).toBeGreaterThan(1);
      expect(e.right.length, `${e.wrong}=${e.right}`).toBeGreaterThan(0);
      const source = WRONG_WORD_SOURCES[e.source];
      expect(source.title, e.source).toMatch(/\S/);
      expect(source.url, e.source).toMatch(/^https?:\/\/\S+$/);
    }
  });

  it('has no wrong form twice', () => {
    const seen = new Map<string, string>();
    const twice = entries.filter((e) => seen.has(e.wrong) || !seen.set(e.wrong, e.source)).map((e) => `${e.wrong} (${e.source}, ${seen.get(e.wrong)})`);
    expect(twice).toEqual([]);
  });

  it('never reports a right form (no entry turns a word into another entry)', () => {
    const flagged = entries.filter((e) => dictionaryFindings(e.right).length > 0).map((e) => `${e.wrong}=${e.right}`);
    expect(flagged).toEqual([]);
  });

  it('never finds a wrong form inside clean published copy', () => {
    const hits = entries.flatMap((e) => CLEAN_COPY.filter((c) => c.includes(e.wrong)).map(() => e.wrong));
    expect(hits).toEqual([]);
    const found = CLEAN_COPY.flatMap((c) => c.split('\n')).flatMap((l) => dictionaryFindings(l).map((f) => f.excerpt));
    expect(found).toEqual([]);
  });

  it('catches 一股作气, 再接再励, 按装 and 布署 with their certain fix', () => {
    const text = '大家一股作气，再接再励，按装设备，布署工作。';
    const fs = dictionaryFindings(text);
    expect(fs.map((f) => [text.slice(f.offset, f.offset + f.length), f.fix, f.severity])).toEqual([
      ['一股作气', '一鼓作气', 'error'],
      ['再接再励', '再接再厉', 'error'],
      ['按装', '安装', 'error'],
      ['布署', '部署', 'error'],
    ]);
    expect([...fs].reverse().reduce((t, f) => applyFix(t, f), text)).toBe('大家一鼓作气，再接再厉，安装设备，部署工作。');
    expect(fs[0].zh).toContain('《咬文嚼字》');
  });

  it('reports a non-recommended 异形词 as a warning naming the norm', () => {
    const [f] = dictionaryFindings('他的笔划很工整。');
    expect(f).toMatchObject({ rule: 'variant-word', severity: 'warning', fix: '笔画' });
    expect(f.zh).toContain('第一批异形词整理表');
  });
});
