import { ERROR_WEIGHTS } from '../weights';
import type { PageRule, RuleEmit } from './rule';

/**
 * Number forms of GB/T 15835—2011 not covered by checks.ts (which has the 年份/百分数 style per page).
 * Every finding here is number usage: ERROR_WEIGHTS.numberUsage, as error-rate.ts counts it.
 */

/** Words whose numeral is a morpheme and is written in Chinese (§4.2): 1些, 1定, 4面8方 are slips of a converter. */
const NUMERAL_WORDS = [
  '一些', '一般', '一定', '一直', '一切', '一致', '一律', '一旦', '一同', '一贯', '一向', '一共', '一方面', '一目了然', '一头雾水',
  '一带一路', '一心一意', '一丝不苟', '四面八方', '五湖四海', '三心二意', '七上八下', '十全十美', '千方百计', '万无一失', '九死一生', '三番五次',
];
const TO_ARABIC: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10', 千: '1000', 万: '10000' };
/** Each word as a converter writes it (digits for every numeral it can turn), longest first. */
const DIGIT_FORMS = NUMERAL_WORDS.map((word) => {
  const written = [...word].map((c) => (TO_ARABIC[c] && c !== '千' && c !== '万' ? TO_ARABIC[c] : c)).join('');
  return { word, written };
})
  .filter((f) => f.written !== f.word)
  .sort((a, b) => b.written.length - a.written.length);

function checkNumeralWords(text: string, emit: RuleEmit): void {
  for (const { word, written } of DIGIT_FORMS) {
    for (let i = text.indexOf(written); i >= 0; i = text.indexOf(written, i + written.length)) {
      // 第1定位, 前1直播间: a count or an ordinal that happens to precede a word.
      if (/[0-9.．第前后每共约近仅达超逾]/.test(text[i - 1] ?? '') || /[0-9]/.test(text[i + written.length] ?? '')) continue;
      emit({ rule: 'numeral-in-word', severity: 'error', offset: i, length: written.length, fix: word, weight: ERROR_WEIGHTS.numberUsage, zh: `词语中的数字应用汉字：“${written}”应为“${word}”`, en: `A numeral inside a word is written in Chinese: "${word}", not "${written}"` });
    }
  }
}

/**
 * 15～30% and 13～17万元 must repeat the sign or the magnitude on both numbers (GB/T 15835—2011 on
 * ranges: 15%～30%, 不写为15～30%; 9亿～16亿, 不写为9～16亿).
 */
function checkRanges(text: string, emit: RuleEmit): void {
  for (const m of text.matchAll(/(?<![0-9A-Za-z.%\-])([0-9]+(?:\.[0-9]+)?)([～~—–-])([0-9]+(?:\.[0-9]+)?)(%|‰|万|亿)/g)) {
    const [whole, first, dash, second, tail] = m;
    emit({ rule: 'number-range', severity: 'error', offset: m.index!, length: whole.length, fix: `${first}${tail}${dash}${second}${tail}`, weight: ERROR_WEIGHTS.numberUsage, zh: `数值范围前一个数也要带“${tail}”：应为“${first}${tail}${dash}${second}${tail}”`, en: `In a range both numbers carry "${tail}": "${first}${tail}${dash}${second}${tail}"` });
  }
}

/**
 * What tells a two-digit 年 from a count of years: an apostrophe (’98年), a leading 0 (08年), a month
 * or 年度 after it (26年3月, 24年度), or a part of the year (98年底, ’80年代). 15年 alone may be fifteen years.
 */
const SHORT_YEAR = /(['’]?)(?<![0-9.])([0-9]{2})年(?=([0-9]{1,2}月|度|代|初|末|底|春|夏|秋|冬|前后)?)/g;

/** A year written with two digits (GB/T 15835—2011 §4.1.2: years are written in full). */
function checkShortYears(text: string, emit: RuleEmit): void {
  for (const m of text.matchAll(SHORT_YEAR)) {
    const [whole, apostrophe, digits, after] = m;
    // 80年代 is how decades are written (the century is understood); ’80年代 is the abbreviation.
    if (!apostrophe && (after === '代' || ((after === undefined || after === '前后') && !digits.startsWith('0')))) continue;
    emit({ rule: 'abbreviated-year', severity: 'error', offset: m.index!, length: whole.length, weight: ERROR_WEIGHTS.numberUsage, zh: `年份“${whole}”不应简写，应写全（如“19${digits}年”或“20${digits}年”）`, en: `Year "${whole}" abbreviated; write it in full (19${digits} or 20${digits})` });
  }
}

/**
 * One number, two scripts: 百分之30 (30% or 百分之三十) and a year whose 〇 is a digit 0, a letter O or
 * a circle ○ (二0二六年 → 二〇二六年, GB/T 15835—2011 §4.3: the Chinese zero is 〇).
 */
function checkMixedNumerals(text: string, emit: RuleEmit): void {
  const emitMixed = (offset: number, written: string, fix: string): void =>
    emit({ rule: 'mixed-numeral', severity: 'error', offset, length: written.length, fix, weight: ERROR_WEIGHTS.numberUsage, zh: `“${written}”中汉字数字与阿拉伯数字或符号混用，应为“${fix}”`, en: `"${written}" mixes Chinese numerals with digits or symbols; write "${fix}"` });
  for (const m of text.matchAll(/百分之([0-9]+(?:\.[0-9]+)?)(?![0-9.%])/g)) emitMixed(m.index!, m[0], `${m[1]}%`);
  for (const m of text.matchAll(/[一二三四五六七八九〇0Oo○]{4}(?=年)/g)) {
    if (!/[0Oo○]/.test(m[0]) || !/[一二三四五六七八九]/.test(m[0]) || /[A-Za-z0-9]/.test(text[m.index! - 1] ?? '')) continue;
    emitMixed(m.index!, m[0], m[0].replace(/[0Oo○]/g, '〇'));
  }
}

export function checkNumberForms(text: string, emit: RuleEmit): void {
  checkMixedNumerals(text, emit);
  checkNumeralWords(text, emit);
  checkRanges(text, emit);
  checkShortYears(text, emit);
}

type Grouping = 'comma' | 'space' | 'none';
/** Integers of five digits or more in running text (four digits may stay ungrouped in any style, §5.1.3). */
const BIG_NUMBER = /(?<![0-9A-Za-z.,\-])(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?:[ \u2009\u202f][0-9]{3})+|[0-9]{5,12})(?![0-9A-Za-z\-]|年|号)/g;

function groupingOf(n: string): Grouping {
  return n.includes(',') ? 'comma' : /[ \u2009\u202f]/.test(n) ? 'space' : 'none';
}

const GROUPING_NAMES: Record<Grouping, string> = { comma: '逗号分节', space: '空格分节', none: '不分节' };

/** One page, one way of grouping digits (§5.1.3): the less used ways are reported. */
export const checkDigitGrouping: PageRule = (texts, emit) => {
  const found: { at: number; offset: number; n: string; style: Grouping }[] = [];
  texts.forEach((t, at) => {
    for (const m of t.matchAll(BIG_NUMBER)) found.push({ at, offset: m.index!, n: m[0], style: groupingOf(m[0]) });
  });
  const counts = new Map<Grouping, number>();
  for (const f of found) counts.set(f.style, (counts.get(f.style) ?? 0) + 1);
  if (counts.size < 2) return;
  const main = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  for (const f of found) {
    if (f.style === main) continue;
    emit(f.at, { rule: 'mixed-digit-grouping', severity: 'warning', offset: f.offset, length: f.n.length, weight: ERROR_WEIGHTS.numberUsage, zh: `本版多位数分节不统一：“${f.n}”为${GROUPING_NAMES[f.style]}，多数为${GROUPING_NAMES[main]}`, en: `Digit grouping differs on this page: "${f.n}" (${f.style}) against mostly ${main}` });
  }
};
