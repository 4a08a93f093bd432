import { ERROR_WEIGHTS } from '../weights';
import type { RuleEmit } from './rule';

/**
 * Punctuation rules of GB/T 15834—2011 that checks.ts does not already cover (half-width commas,
 * unpaired marks, nesting, ellipsis and dash forms are there).
 */

/** 点号 that never stand twice in a row. ？ and ！ may: ？？ and ！！ (up to ！！！) mark strong feeling, ？！ a question with exclamation (§4.2.3.3, §4.3.3.3). */
const POINT_MARKS = '，、；：。？！';
const MAY_REPEAT = new Set(['？', '！']);
const MAY_FOLLOW = new Set(['？！', '！？']);
const ADJACENT_POINTS = new RegExp(`[${POINT_MARKS}]{2}`, 'g');

/** ？ and ！ stand at most three times in a row (GB/T 15834—2011 §4.2.3.3, §4.3.3.3: 最多叠用三个). */
const MAX_STACKED = 3;
const REPEATED_MARKS = new RegExp(`([，、；：。])\\1+|([？！])\\2{${MAX_STACKED},}`, 'g');

/** 。。 ，， 、、 ；； ：： — one mark too many; ？？？？ one past three; 。。。 and longer are the ellipsis rule's business. */
function checkRepeatedMarks(text: string, emit: RuleEmit): void {
  for (const m of text.matchAll(REPEATED_MARKS)) {
    const s = m[0];
    if (s[0] === '。' && s.length > 2) continue;
    if (m[2]) {
      const fix = m[2].repeat(MAX_STACKED);
      emit({ rule: 'repeated-punctuation', severity: 'error', offset: m.index!, length: s.length, fix, weight: ERROR_WEIGHTS.punctuation, zh: `“${m[2]}”叠用不超过三个，应为“${fix}”`, en: `"${m[2]}" stacks at most three times: "${fix}"` });
      continue;
    }
    emit({ rule: 'repeated-punctuation', severity: 'error', offset: m.index!, length: s.length, fix: s[0], weight: ERROR_WEIGHTS.punctuation, zh: `标点“${s[0]}”重复了`, en: `"${s[0]}" is repeated` });
  }
}

/** Two different 点号 side by side (，。 、， ；。): one of them is wrong, which one is for the 校对 to say. */
function checkAdjacentPoints(text: string, emit: RuleEmit): void {
  for (const m of text.matchAll(ADJACENT_POINTS)) {
    const [a, b] = m[0];
    if (a === b || MAY_FOLLOW.has(a + b) || (MAY_REPEAT.has(a) && MAY_REPEAT.has(b))) continue;
    emit({ rule: 'adjacent-punctuation', severity: 'error', offset: m.index!, length: 2, weight: ERROR_WEIGHTS.punctuation, zh: `点号“${a}”“${b}”连用，应只留一个`, en: `Two stops "${a}${b}" in a row; keep one` });
  }
}

const HAN_DIGITS = '一二三四五六七八九十';
/** What follows 三四 in a rough number: a magnitude or a measure word. */
const ROUGH_NUMBER_TAIL = /^(?:[十百千万亿]|[个名人位次天岁倍成家户所座台辆棵头只条间斤米年]|公里|公斤|公顷)/;
/** What makes 第五、六 an abbreviation of 第五、第六 (GB/T 15834 §4.5.3.5 keeps the 顿号 there). */
const ABBREVIATION_TAIL = /^(?:章|节|季度|批|期|届|条|款|号|版|级|年级|次会议|中队|小组|名)/;

/**
 * 三、四十人 → 三四十人: neighbouring numbers that make a rough number take no 顿号 (GB/T 15834
 * §4.5.3.5); 第三、四季度 is an abbreviation and keeps it.
 */
function checkRoughNumberComma(text: string, emit: RuleEmit): void {
  for (const m of text.matchAll(/([一二三四五六七八九])、([二三四五六七八九十])/g)) {
    const at = m.index!;
    // 十七、八公里 and 三十七、八岁 are rough numbers too: what stands before the whole number decides.
    let from = at - 1;
    if (text[from] === '十') while (from >= 0 && /[一二三四五六七八九十百]/.test(text[from])) from--;
    const before = text[from] ?? '';
    const tail = text.slice(at + 3);
    if (HAN_DIGITS.indexOf(m[2]) !== HAN_DIGITS.indexOf(m[1]) + 1) continue;
    if (/[第周初〇零一二三四五六七八九十期礼拜、]/.test(before) || before === '星') continue;
    if (ABBREVIATION_TAIL.test(tail) || !ROUGH_NUMBER_TAIL.test(tail)) continue;
    emit({ rule: 'rough-number-comma', severity: 'error', offset: at + 1, length: 1, fix: '', weight: ERROR_WEIGHTS.punctuation, zh: `概数“${m[1]}${m[2]}”中间不用顿号`, en: `No 顿号 inside the rough number "${m[1]}${m[2]}"` });
  }
}

/** 约500人左右: 约 and 左右 both say "about"; one of them goes (a 多字, once the 校对 confirms it). */
function checkApproximateTwice(text: string, emit: RuleEmit): void {
  for (const m of text.matchAll(/(?:大约|约)[0-9.,一二三四五六七八九十百千万亿两余多几](?:[0-9.,、一二三四五六七八九十百千万亿两余多几]*[0-9.,一二三四五六七八九十百千万亿两余多几])?[^\s，。；！？、0-9]{0,3}?左右/g)) {
    emit({ rule: 'approximate-twice', severity: 'warning', offset: m.index!, length: m[0].length, weight: ERROR_WEIGHTS.character, zh: '“约”与“左右”同用，语义重复，删去其一', en: '约 and 左右 both mean "about"; drop one' });
  }
}

const isHan = (c: string | undefined): boolean => !!c && /\p{Script=Han}/u.test(c);

/** A half-width full stop ending a Chinese sentence (checks.ts covers , ; : ? ! ( ) and straight quotes). */
function checkHalfwidthStop(text: string, emit: RuleEmit): void {
  for (let i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) {
    const after = text[i + 1];
    if (!isHan(text[i - 1]) || text[i + 1] === '.') continue;
    if (after !== undefined && !isHan(after) && !/[\s”’」』）]/.test(after)) continue;
    emit({ rule: 'halfwidth-punctuation', severity: 'error', offset: i, length: 1, fix: '。', weight: ERROR_WEIGHTS.punctuation, zh: '中文里用了半角句点“.”，应为“。”', en: 'Half-width "." in Chinese text; use "。"' });
  }
}

/** How far from a half-width ~ a Han character puts it in Chinese text (3~5天, 1998年~2000年). */
const TILDE_REACH = 3;

/** A half-width ~ in a Chinese range: the 浪纹线 is the full-width ～ (GB/T 15834—2011 §4.13). */
function checkHalfwidthTilde(text: string, emit: RuleEmit): void {
  for (let i = text.indexOf('~'); i >= 0; i = text.indexOf('~', i + 1)) {
    const [before, after] = [text[i - 1] ?? '', text[i + 1] ?? ''];
    if (!/[0-9%\p{Script=Han}]/u.test(before) || !/[0-9\p{Script=Han}]/u.test(after)) continue;
    if (![...text.slice(Math.max(0, i - TILDE_REACH), i + 1 + TILDE_REACH)].some(isHan)) continue;
    emit({ rule: 'halfwidth-punctuation', severity: 'error', offset: i, length: 1, fix: '～', weight: ERROR_WEIGHTS.punctuation, zh: '中文里用了半角浪纹线“~”，应为“～”', en: 'Half-width "~" in Chinese text; use "～"' });
  }
}

export function checkPunctuation(text: string, emit: RuleEmit): void {
  checkRepeatedMarks(text, emit);
  checkAdjacentPoints(text, emit);
  checkRoughNumberComma(text, emit);
  checkApproximateTwice(text, emit);
  checkHalfwidthStop(text, emit);
  checkHalfwidthTilde(text, emit);
}
