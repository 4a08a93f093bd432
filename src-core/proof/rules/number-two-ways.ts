import { ERROR_WEIGHTS } from '../weights';
import type { PageRule, RuleFinding } from './rule';

/**
 * The same figure written two ways on one page (GB/T 15835—2011 §4.3: one style for a figure within
 * a text): 2026年 and 二〇二六年, 30% and 百分之三十, 3.5万人 and 35000人. Kept precise by comparing only
 * the figure's value and what it counts: a year, a percentage, or a number directly followed by the
 * same unit or measure word (元, 人, 吨 …). Approximations (数十万, 上万, 几千) and Chinese numerals
 * below ten (一个, 三项: ordinary words) are left out. A warning on each place, naming the other.
 */

const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const MAGNITUDE: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** 三万五千 → 35000, 十二 → 12, 一亿二千万 → 120000000, 三点五万 → 35000; undefined when it is no number. */
export function chineseNumber(s: string): number | undefined {
  const [whole, fraction] = s.split('点');
  let value = integerPart(whole);
  if (value === undefined) return undefined;
  if (fraction === undefined) return value;
  const m = /^([〇零一二三四五六七八九]+)([万亿]?)$/u.exec(fraction);
  if (!m) return undefined;
  value += Number(`0.${[...m[1]].map((c) => DIGIT[c]).join('')}`);
  return m[2] ? value * MAGNITUDE[m[2]] : value;
}

function integerPart(s: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const c of s) {
    if (c in DIGIT) {
      if (digit !== undefined && digit !== 0 && DIGIT[c] !== 0) return undefined; // 二三: not a number
      digit = DIGIT[c];
    } else if (c in SMALL_UNIT) {
      section += (digit ?? 1) * SMALL_UNIT[c];
      digit = undefined;
    } else if (c in MAGNITUDE) {
      total = c === '亿' ? (total + section + (digit ?? 0)) * 1e8 : total + (section + (digit ?? 0)) * 1e4;
      section = 0;
      digit = undefined;
    } else return undefined;
  }
  return total + section + (digit ?? 0);
}

/** Units and measure words a figure is compared by, longest first so 人次 is not read as 人. */
const UNITS = ['人次', '美元', '平方米', '平方公里', '立方米', '千瓦时', '千瓦', '公里', '千米', '千克', '公斤', '公顷', '元', '人', '吨', '户', '家', '辆', '亩', '名', '位', '台', '套', '件', '项', '个', '座', '所', '株', '棵', '头', '只', '架', '艘', '间', '米'];
const UNIT = `(${UNITS.join('|')})`;
const CN = '[〇零一二两三四五六七八九十百千万亿]';
/** A Chinese figure starts with a digit or 十: 万元户, 百万, 千万 alone are words, not figures. */
const CN_FIGURE = `[〇零一二两三四五六七八九十]${CN}*`;
/**
 * What makes a figure approximate or part of a word: 数十万, 上万, 几千, 成千上万, 第十二. The lookahead
 * first: a position that starts no figure is passed over before the lookbehind is tried.
 */
const NOT_BEFORE = '(?=[0-9〇零一二两三四五六七八九十])(?<![0-9.,０-９几数上成近余第每〇零一二两三四五六七八九十百千万亿点])';

interface Kind {
  name: { zh: string; en: string };
  forms: { style: string; re: RegExp; value: (m: RegExpMatchArray) => number | undefined; unit: (m: RegExpMatchArray) => string }[];
}

const arabic = (s: string): number => Number(s.replace(/,/g, ''));

const KINDS: Kind[] = [
  {
    name: { zh: '年份', en: 'year' },
    forms: [
      { style: 'arabic', re: /(?<![0-9.])([12][0-9]{3})年/gu, value: (m) => Number(m[1]), unit: () => '年' },
      { style: 'chinese', re: /(?=[〇零一二三四五六七八九])(?<![〇零一二三四五六七八九十])([〇零一二三四五六七八九]{4})年/gu, value: (m) => Number([...m[1]].map((c) => DIGIT[c]).join('')), unit: () => '年' },
    ],
  },
  {
    name: { zh: '百分数', en: 'percentage' },
    forms: [
      { style: 'arabic', re: /(?<![0-9.])([0-9]+(?:\.[0-9]+)?)[%％]/gu, value: (m) => Number(m[1]), unit: () => '%' },
      { style: 'chinese', re: new RegExp(`百分之(${CN_FIGURE}(?:点[〇零一二三四五六七八九]+)?)`, 'gu'), value: (m) => chineseNumber(m[1]), unit: () => '%' },
    ],
  },
  {
    name: { zh: '数字', en: 'figure' },
    forms: [
      { style: 'arabic', re: new RegExp(`${NOT_BEFORE}([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+(?:\\.[0-9]+)?)${UNIT}`, 'gu'), value: (m) => arabic(m[1]), unit: (m) => m[2] },
      { style: 'arabic-magnitude', re: new RegExp(`${NOT_BEFORE}([0-9]+(?:\\.[0-9]+)?)([万亿])${UNIT}`, 'gu'), value: (m) => arabic(m[1]) * MAGNITUDE[m[2]], unit: (m) => m[3] },
      { style: 'chinese', re: new RegExp(`${NOT_BEFORE}(${CN_FIGURE}(?:点[〇零一二三四五六七八九]+[万亿]?)?)${UNIT}`, 'gu'), value: (m) => { const v = chineseNumber(m[1]); return v !== undefined && v >= 10 ? v : undefined; }, unit: (m) => m[2] },
    ],
  },
];

/** One place a figure is written: the text (by index), where in it, as written, in which style. */
export interface Seen {
  at: number;
  offset: number;
  written: string;
  style: string;
}

/** A figure written in more than one style: what kind of figure, and every place it is written. */
export interface TwoWays {
  kind: Kind['name'];
  seen: Seen[];
}

/** Every figure the texts write in more than one style (a page's texts, or an edition's). */
export function figuresWrittenTwoWays(texts: readonly string[]): TwoWays[] {
  const out: TwoWays[] = [];
  for (const kind of KINDS) {
    const byFigure = new Map<string, Seen[]>();
    texts.forEach((text, at) => {
      for (const form of kind.forms) {
        for (const m of text.matchAll(form.re)) {
          const value = form.value(m);
          if (value === undefined || !Number.isFinite(value)) continue;
          const key = `${Math.round(value * 1000) / 1000}\u0000${form.unit(m)}`;
          const list = byFigure.get(key) ?? byFigure.set(key, []).get(key)!;
          list.push({ at, offset: m.index!, written: m[0], style: form.style });
        }
      }
    });
    for (const seen of byFigure.values()) if (new Set(seen.map((s) => s.style)).size > 1) out.push({ kind: kind.name, seen });
  }
  return out;
}

export const checkNumberTwoWays: PageRule = (texts, emit) => {
  for (const { kind, seen } of figuresWrittenTwoWays(texts)) {
    for (const s of seen) {
      const other = seen.find((o) => o.style !== s.style)!;
      emit(s.at, twoWaysFinding(s, {
        zh: `同一${kind.zh}写法不一：“${s.written}”与本版另一处“${other.written}”（${around(texts[other.at], other)}），请统一`,
        en: `The same ${kind.en} is written two ways on this page: "${s.written}" and "${other.written}" (${around(texts[other.at], other)}); use one`,
      }));
    }
  }
};

/** The other place, by the words around it (both places carry a finding, each naming the other). */
/** The warning at one place of a figure written two ways (on a page or across an edition): what it says is the caller's. */
export function twoWaysFinding(s: Pick<Seen, 'offset' | 'written'>, text: { zh: string; en: string }): RuleFinding {
  return { rule: 'number-two-ways', severity: 'warning', offset: s.offset, length: s.written.length, weight: ERROR_WEIGHTS.numberUsage, ...text };
}

export function around(t: string, s: Pick<Seen, 'offset' | 'written'>): string {
  const start = Math.max(0, s.offset - 6);
  const end = Math.min(t.length, s.offset + s.written.length + 6);
  return `${start > 0 ? '…' : ''}${t.slice(start, end)}${end < t.length ? '…' : ''}`;
}
