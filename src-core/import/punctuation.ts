/**
 * Punctuation normalization for Chinese text (GB/T 15834): half-width punctuation in a Chinese
 * context becomes full-width, straight quotes pair into “…” / ‘…’, "..." becomes "……" and "--"
 * becomes "——", a "." ending a Chinese sentence "。". Latin text, URLs, abbreviations (U.S.) and
 * numbers (3.14, 12:30, 1,000) are left alone.
 *
 * Works on an array of code points and returns a replacement for each (possibly ''), so that the
 * caller can map the change back onto styled spans.
 */
import { isCjk, isDigit, isHanChar } from './chars';
import type { ChangeLog } from './report';

const URL_RE = /(?:https?:\/\/|ftp:\/\/|www\.)[^\s\u3000-\u303f\uff00-\uffef“”‘’]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' };
/** Small form variants (U+FE50…, set by some Traditional-Chinese and OCR text): always their full-width marks. */
const SMALL_FORMS: Record<string, string> = { '﹐': '，', '﹑': '、', '﹒': '。', '﹔': '；', '﹕': '：', '﹖': '？', '﹗': '！' };
/** The characters this module may change; a paragraph without any is returned as it is. */
const MARKS = new Set([',', ':', ';', '?', '!', '(', ')', '"', "'", '.', '-', '。']);
/** MARKS below U+0080, by code. */
const ASCII_MARKS = Uint8Array.from({ length: 0x80 }, (_, code) => (MARKS.has(String.fromCharCode(code)) ? 1 : 0));

const isLatinLetter = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z]/.test(ch);
const cjk = (ch: string | undefined): boolean => ch !== undefined && isCjk(ch.codePointAt(0)!);
const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t' || ch === '\u00a0';

/** Marks the code points that belong to URLs and e-mail addresses. */
function protectedMask(chars: string[], mayHaveUrl: boolean): Uint8Array {
  const mask = new Uint8Array(chars.length);
  if (!mayHaveUrl) return mask;
  const text = chars.join('');
  // map UTF-16 offsets to code point indices
  const cpAt = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    cpAt[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      cpAt[i + 1] = cp;
      i++;
    }
    cp++;
  }
  cpAt[text.length] = cp;
  for (const m of text.matchAll(URL_RE)) {
    const start = cpAt[m.index!];
    const end = cpAt[m.index! + m[0].length];
    for (let k = start; k < end; k++) mask[k] = 1;
  }
  return mask;
}

/** One paragraph being normalized: its code points, their replacements and the neighbour look-ups every rule shares. */
class Paragraph {
  readonly out: string[];
  readonly n: number;
  /** 0 unknown, 1 CJK, 2 not CJK: filled lazily around the marks. */
  private readonly cjkCache: Uint8Array;

  constructor(
    readonly chars: string[],
    /** Positions of the marks this module may change, in order. */
    readonly at: number[],
    /** 1 where a code point belongs to a URL or e-mail address. */
    readonly mask: Uint8Array,
    readonly log: ChangeLog,
  ) {
    this.out = chars.slice();
    this.n = chars.length;
    this.cjkCache = new Uint8Array(chars.length);
  }

  cjkAt(k: number): boolean {
    if (k < 0) return false;
    if (!this.cjkCache[k]) this.cjkCache[k] = cjk(this.chars[k]) ? 1 : 2;
    return this.cjkCache[k] === 1;
  }

  /** The nearest non-blank code point before / after `i`, or -1. */
  prevIndex(i: number): number {
    for (let k = i - 1; k >= 0; k--) if (!isBlank(this.chars[k])) return k;
    return -1;
  }

  nextIndex(i: number): number {
    for (let k = i + 1; k < this.n; k++) if (!isBlank(this.chars[k])) return k;
    return -1;
  }

  prev(i: number): string | undefined {
    return this.chars[this.prevIndex(i)];
  }

  next(i: number): string | undefined {
    return this.chars[this.nextIndex(i)];
  }

  cjkBefore(i: number): boolean {
    return this.cjkAt(this.prevIndex(i));
  }

  cjkAfter(i: number): boolean {
    return this.cjkAt(this.nextIndex(i));
  }

  /** Replaces chars[i, i + len) by `to` and logs it, with an example of the change in context. */
  replace(i: number, len: number, kind: string, from: string, to: string): void {
    this.out[i] = to;
    for (let k = i + 1; k < i + len; k++) this.out[k] = '';
    this.log.add(kind, from, to, () => this.context(i, len, to), { index: i, length: len });
  }

  private context(i: number, len: number, replaced: string): string {
    const a = this.chars.slice(Math.max(0, i - 4), i).join('');
    const b = this.chars.slice(i + len, i + len + 4).join('');
    return `${a}${this.chars.slice(i, i + len).join('')}${b} → ${a}${replaced}${b}`;
  }
}

/** The positions of the marks this module may change, and whether a URL or e-mail address may be present. */
/** Whether `c` is one of MARKS or SMALL_FORMS, by its code (a code point's string is looked up in neither: the test runs on every character of a file). */
function isMark(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 0x80) return ASCII_MARKS[code] === 1;
  return code === 0x3002 || (code >= 0xfe50 && code <= 0xfe57 && c in SMALL_FORMS);
}

function findMarks(chars: string[]): { at: number[]; mayHaveUrl: boolean } {
  const at: number[] = [];
  let mayHaveUrl = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (isMark(c)) at.push(i);
    else if (c === '@') mayHaveUrl = true;
    if (c === '/' && chars[i - 1] === ':') mayHaveUrl = true;
    else if (c === '.' && chars[i - 1] === 'w' && chars[i - 2] === 'w') mayHaveUrl = true;
  }
  return { at, mayHaveUrl };
}

/**
 * Normalizes one paragraph given as code points; returns one replacement string per code point.
 * `log` receives every change.
 */
export function normalizePunctuation(chars: string[], log: ChangeLog): string[] {
  // Only the positions of the marks this module may change are visited.
  const { at, mayHaveUrl } = findMarks(chars);
  if (!at.length) return chars.slice();
  const p = new Paragraph(chars, at, protectedMask(chars, mayHaveUrl), log);
  normalizeSmallForms(p);
  normalizeRuns(p);
  normalizeSingleMarks(p);
  normalizeFullStops(p);
  normalizeBrackets(p);
  pairQuotes(p, '"', '“', '”');
  pairQuotes(p, "'", '‘', '’');
  return p.out;
}

/** Small form marks (﹐﹑﹔﹕) become the full-width marks they stand for. */
function normalizeSmallForms(p: Paragraph): void {
  for (const i of p.at) {
    const full = SMALL_FORMS[p.chars[i]];
    if (full && !p.mask[i]) p.replace(i, 1, 'punctuation', p.chars[i], full);
  }
}

/** Runs: "..." and "。。。" become "……", "--" becomes "——". */
function normalizeRuns(p: Paragraph): void {
  const { chars, mask, n } = p;
  let lastRunEnd = -1;
  for (const i of p.at) {
    if (mask[i] || i < lastRunEnd) continue;
    const c = chars[i];
    if (c !== '.' && c !== '-' && c !== '。') continue;
    let j = i;
    while (j < n && chars[j] === c && !mask[j]) j++;
    const len = j - i;
    const chinese = p.cjkBefore(i) || p.cjkAfter(j - 1);
    if (c === '.' && len >= 3 && chinese) p.replace(i, len, 'ellipsis', chars.slice(i, j).join(''), '……');
    else if (c === '。' && len === 3) p.replace(i, len, 'ellipsis', '。。。', '……');
    else if (c === '-' && len >= 2 && len <= 4 && chinese && !(isDigit(p.prev(i)) && isDigit(p.next(j - 1)))) p.replace(i, len, 'dash', chars.slice(i, j).join(''), '——');
    lastRunEnd = j;
  }
}

/** , : ; ? ! beside Chinese become full-width, except between digits (1,000, 12:30) and in "://". */
function normalizeSingleMarks(p: Paragraph): void {
  for (const i of p.at) {
    if (p.mask[i]) continue;
    const c = p.chars[i];
    const full = FULL[c];
    if (!full) continue;
    if (!(p.cjkBefore(i) || p.cjkAfter(i))) continue;
    const before = p.prev(i);
    const after = p.next(i);
    if ((c === ',' || c === ':') && isDigit(before) && isDigit(after)) continue;
    if (c === ':' && after === '/') continue;
    p.replace(i, 1, 'punctuation', c, full);
  }
}

/** What a sentence typed in Chinese may end with before its full stop: a Han character or a closing mark (好的”.). */
const CLOSING_MARKS = new Set([...'”’）》」』】〕']);
/** Quotation marks a full stop may stand before (忙碌着."一走进, 正能量."《福报》): half- or full-width, either way. */
const QUOTES = new Set([...'"\'“”‘’']);

/**
 * A lone "." right after Chinese (完成.下一步) becomes "。". Not in a number (3.5: a digit before it),
 * an abbreviation or a name (U.S., Mr.: Latin before it), a file name (报告.docx: Latin after it),
 * a URL or e-mail address (masked), an ellipsis (a run: normalizeRuns), nor beside a stop already.
 */
function normalizeFullStops(p: Paragraph): void {
  const { chars } = p;
  for (const i of p.at) {
    if (chars[i] !== '.' || p.mask[i] || chars[i - 1] === '.' || chars[i + 1] === '.') continue;
    // A stray space before or after it (OCR: 初衷 .目前) is no reason to keep it.
    const before = p.prev(i);
    if (before === undefined || !(isHanChar(before) || CLOSING_MARKS.has(before))) continue;
    const after = p.next(i);
    if (after !== undefined && !QUOTES.has(after) && !(cjk(after) && after !== '。' && after !== '.')) continue;
    p.replace(i, 1, 'punctuation', '.', '。');
  }
}

/** Brackets: pair them; a pair in a Chinese context (inside or next to it) becomes full-width. */
function normalizeBrackets(p: Paragraph): void {
  const { chars } = p;
  const stack: number[] = [];
  for (const i of p.at) {
    if (p.mask[i]) continue;
    if (chars[i] === '(') stack.push(i);
    else if (chars[i] === ')') {
      const open = stack.pop();
      const inside = open === undefined ? [] : chars.slice(open + 1, i);
      const chinese = inside.some(cjk) || cjk(open === undefined ? undefined : p.prev(open)) || cjk(p.next(i)) || (open === undefined && cjk(p.prev(i)));
      if (!chinese) continue;
      if (open !== undefined) p.replace(open, 1, 'punctuation', '(', '（');
      p.replace(i, 1, 'punctuation', ')', '）');
    }
  }
  for (const open of stack) {
    if (cjk(p.next(open)) || cjk(p.prev(open))) p.replace(open, 1, 'punctuation', '(', '（');
  }
}

function pairQuotes(p: Paragraph, straight: string, open: string, close: string): void {
  const { chars } = p;
  let at: number[] = [];
  for (const i of p.at) {
    if (chars[i] !== straight || p.mask[i]) continue;
    // an apostrophe inside a Latin word (don't, it's) is not a quote
    if (straight === "'" && isLatinLetter(chars[i - 1]) && isLatinLetter(chars[i + 1])) continue;
    at.push(i);
  }
  // a straight quote an OCR'd curly one closes or opens (开展"营商环境优化年”) is that pair's other half
  const mixed = mixedHalves(p, at, open, close);
  for (const [i, side] of mixed) p.replace(i, 1, 'quotes', straight, side === 'open' ? open : close);
  at = at.filter((i) => !mixed.has(i));
  const roles = quoteRoles(at.map((i) => quoteSide(p, i)));
  for (let k = 0; k < at.length; k++) {
    if (roles[k] !== 'open') continue;
    const a = at[k];
    const b = at[roles.indexOf('close', k + 1)];
    const chinese = chars.slice(a + 1, b).some(cjk) || cjk(p.prev(a)) || cjk(p.next(b));
    if (!chinese) continue;
    p.replace(a, 1, 'quotes', straight, open);
    p.replace(b, 1, 'quotes', straight, close);
  }
  for (let k = 0; k < at.length; k++) {
    const i = at[k];
    if (roles[k] !== 'lone' || !(cjk(p.prev(i)) || cjk(p.next(i)))) continue;
    const side = loneQuoteSide(p, i, open, close);
    // Unsure (Han on both sides, nothing to pair with): left as written, for the check to report.
    if (side) p.replace(i, 1, 'unpaired-quote', straight, side);
  }
}

/**
 * Straight quotes whose neighbouring quote mark is a curly one of the other side: the one before a
 * closing ” opens (…开展"营商环境优化年”), the one after an opening “ closes (…“化"无尽时), as OCR
 * mixes the two in one pair.
 */
function mixedHalves(p: Paragraph, straights: number[], open: string, close: string): Map<number, 'open' | 'close'> {
  const marks: number[] = [...straights];
  p.chars.forEach((c, i) => {
    if ((c === open || c === close) && !p.mask[i]) marks.push(i);
  });
  marks.sort((a, b) => a - b);
  const out = new Map<number, 'open' | 'close'>();
  const straight = new Set(straights);
  marks.forEach((i, k) => {
    if (!straight.has(i)) return;
    if (p.chars[marks[k + 1]] === close) out.set(i, 'open');
    else if (p.chars[marks[k - 1]] === open) out.set(i, 'close');
  });
  return out;
}

type QuoteSide = 'open' | 'close' | 'either';
type QuoteRole = 'open' | 'close' | 'lone';

/** Marks after which a quote can only open: a stop or comma may end the quotation before it (…有力。"日前). */
const ONLY_OPENS_AFTER = new Set([...'：:（(《【']);

/** What a straight quote's neighbours make it: 他说："好 opens, 好"。 closes, 成果"管 (Han both sides) either. */
function quoteSide(p: Paragraph, i: number): QuoteSide {
  const [prev, next] = [p.prev(i), p.next(i)];
  const opens = prev === undefined || ONLY_OPENS_AFTER.has(prev);
  const closes = next === undefined || CLOSES_BEFORE.has(next);
  return opens && !closes ? 'open' : closes && !opens ? 'close' : 'either';
}

/**
 * The quotes paired in order, open then close, each as its side allows, leaving out as few as can be,
 * a quote of either side before one whose side is plain (a lone quote, then decided on its own by
 * loneQuoteSide); on a tie the later one is left out. So
 * one stray quote among pairs (成果"管得住。他说："好"。) no longer turns every quote after it round.
 */
function quoteRoles(sides: readonly QuoteSide[]): QuoteRole[] {
  const n = sides.length;
  // Leaving out a quote whose side is plain costs more: it is less likely the stray one.
  const out = (k: number): number => (sides[k] === 'either' ? 1 : 2);
  // cost[k][inside]: the least cost of the quotes left out from k on, with a quotation open (1) or not (0)
  const cost = Array.from({ length: n + 1 }, () => [0, Infinity]);
  for (let k = n - 1; k >= 0; k--) {
    const pair = sides[k] === 'close' ? Infinity : cost[k + 1][1];
    const shut = sides[k] === 'open' ? Infinity : cost[k + 1][0];
    cost[k] = [Math.min(pair, out(k) + cost[k + 1][0]), Math.min(shut, out(k) + cost[k + 1][1])];
  }
  const roles: QuoteRole[] = [];
  let inside = 0;
  for (let k = 0; k < n; k++) {
    const role: QuoteRole = inside ? 'close' : 'open';
    if (sides[k] !== (inside ? 'open' : 'close') && cost[k + 1][1 - inside] <= out(k) + cost[k + 1][inside]) {
      roles.push(role);
      inside = 1 - inside;
    } else roles.push('lone');
  }
  return roles;
}

/** Marks after which a quotation opens (他说：“…, …。“…) and before which one closes (…”，…”。). */
const OPENS_AFTER = new Set([...'：:，,。；;？?！!、（(《【—…']);
const CLOSES_BEFORE = new Set([...'，,。.；;：:？?！!、）)》】—…']);

/**
 * A lone straight quote is opening or closing by the curly quotes around it (an open “ before it
 * waits for its close; a ” after it has no opener), else by its neighbours: start of text or a
 * mark before and Chinese after opens, Chinese before and a mark or the end after closes. Between
 * two Han characters (确保改造成果"管得住) it could be either: undefined, so it is not made worse.
 */
function loneQuoteSide(p: Paragraph, i: number, open: string, close: string): string | undefined {
  let depth = 0;
  for (let k = 0; k < i; k++) {
    if (p.chars[k] === open) depth++;
    else if (p.chars[k] === close && depth > 0) depth--;
  }
  if (depth > 0) return close;
  depth = 0;
  for (let k = i + 1; k < p.n; k++) {
    if (p.chars[k] === open) depth++;
    else if (p.chars[k] === close && depth-- === 0) return open;
  }
  const prev = p.prev(i);
  const next = p.next(i);
  if (cjk(next) && (prev === undefined || OPENS_AFTER.has(prev))) return open;
  if (cjk(prev) && (next === undefined || CLOSES_BEFORE.has(next))) return close;
  return undefined;
}

/** Convenience for plain strings. */
export function normalizePunctuationText(text: string, log: ChangeLog): string {
  return normalizePunctuation(Array.from(text), log).join('');
}
