import { describe, expect, it } from 'vitest';
import { leadAtStart } from '../../src-core/import/roles';
import { isLoneLast } from '../../src-core/layout/report';
import { checkText } from '../../src-core/proof/checks';
import { HAN_IDEOGRAPHS, isHan, isIdeograph } from '../../src-core/typeset/chars';
import { isLoneCharacterLine } from '../../src-core/typeset/lone';
import { compose, lineTexts, options } from './support';

const cps = (s: string): number[] => [...s].map((c) => c.codePointAt(0)!);

describe('one character-class module', () => {
  it('the regular-expression class and the predicates agree on every block edge', () => {
    const re = new RegExp(`^[${HAN_IDEOGRAPHS}]$`, 'u');
    const edges = [0x33ff, 0x3400, 0x4dbf, 0x4dc0, 0x4dff, 0x4e00, 0x9fff, 0xa000, 0xf8ff, 0xf900, 0xfaff, 0xfb00, 0x1ffff, 0x20000, 0x2a6df, 0x323af, 0x323b0, 0x3042, 0x3007];
    for (const cp of edges) expect(re.test(String.fromCodePoint(cp)), cp.toString(16)).toBe(isIdeograph(cp));
    // kana and 〇 are set like Han (spacing) but are not ideographs
    expect([isHan(0x3042), isIdeograph(0x3042), isHan(0x3007), isIdeograph(0x3007)]).toEqual([true, false, true, false]);
  });

  it('the importer reads a dateline with an Extension B ideograph in the place name', () => {
    expect(leadAtStart('本报𠀀城讯 昨日，全市…')?.raw.trim()).toBe('本报𠀀城讯');
  });

  it('the checks find a space between two Extension B ideographs', () => {
    expect(checkText('𠀀 𠀁').map((f) => f.rule)).toContain('space-between-han');
  });
});

describe('one lone-character rule (孤字)', () => {
  it('one Han character with punctuation or spaces only', () => {
    expect(isLoneCharacterLine(cps('好。”'), 0, 3)).toBe(true);
    expect(isLoneCharacterLine(cps('好——'), 0, 3)).toBe(true);
    expect(isLoneCharacterLine(cps('好……'), 0, 3)).toBe(true);
    expect(isLoneCharacterLine(cps('好a'), 0, 2)).toBe(false);
    expect(isLoneCharacterLine(cps('好好'), 0, 2)).toBe(false);
  });

  it('the composer avoids the last line the report would count (a lone character before a dash)', () => {
    const text = '一二三四五六七八九十一二三四五六七八九十好——';
    const plain = compose(text, options(10));
    expect(lineTexts(plain)).toEqual(['一二三四五六七八九十', '一二三四五六七八九十', '好——']);
    expect(isLoneLast(plain)).toBe(true);
    const avoided = compose(text, options(10, { avoidLoneCharacter: true }));
    expect(lineTexts(avoided).join('')).toBe(text);
    expect(isLoneLast(avoided)).toBe(false);
  });
});
