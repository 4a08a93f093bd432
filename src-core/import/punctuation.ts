/**
 * Punctuation normalization for Chinese text (GB/T 15834): half-width punctuation in a Chinese
 * context becomes full-width, straight quotes pair into “…” / ‘…’, "..." becomes "……" and "--"
 * becomes "——". Latin text, URLs and numbers (3.14, 12:30, 1,000) are left alone.
 *
 * Works on an array of code points and returns a replacement for each (possibly ''), so that the
 * caller can map the change back onto styled spans.
 */
import { isCjk } from './chars';
import type { ChangeLog } from './report';

const URL_RE = /(?:https?:\/\/|ftp:\/\/|www\.)[^\s\u3000-\u303f\uff00-\uffef“”‘’]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' };
/** The characters this module may change; a paragraph without any is returned as it is. */
const MARKS = new Set([',', ':', ';', '?', '!', '(', ')', '"', "'", '.', '-', '。']);

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
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

/**
 * Normalizes one paragraph given as code points; returns one replacement string per code point.
 * `log` receives every change.
 */
export function normalizePunctuation(chars: string[], log: ChangeLog): string[] {
  const out = chars.slice();
  const n = chars.length;
  // Only the positions of the marks this module may change are visited.
  const at: number[] = [];
  let mayHaveUrl = false;
  for (let i = 0; i < n; i++) {
    const c = chars[i];
    if (c.length === 1 && c.charCodeAt(0) < 0x80 ? MARKS.has(c) : c === '。') at.push(i);
    else if (c === '@') mayHaveUrl = true;
    if (c === '/' && chars[i - 1] === ':') mayHaveUrl = true;
    else if (c === '.' && chars[i - 1] === 'w' && chars[i - 2] === 'w') mayHaveUrl = true;
  }
  if (!at.length) return out;
  const mask = protectedMask(chars, mayHaveUrl);
  // 0 unknown, 1 CJK, 2 not CJK: filled lazily around the marks
  const cjkCache = new Uint8Array(n);
  const cjkAt = (k: number): boolean => {
    if (k < 0) return false;
    if (!cjkCache[k]) cjkCache[k] = cjk(chars[k]) ? 1 : 2;
    return cjkCache[k] === 1;
  };
  const prevIndex = (i: number): number => {
    for (let k = i - 1; k >= 0; k--) if (!isBlank(chars[k])) return k;
    return -1;
  };
  const nextIndex = (i: number): number => {
    for (let k = i + 1; k < n; k++) if (!isBlank(chars[k])) return k;
    return -1;
  };
  const prev = (i: number): string | undefined => chars[prevIndex(i)];
  const next = (i: number): string | undefined => chars[nextIndex(i)];
  const cjkBefore = (i: number): boolean => cjkAt(prevIndex(i));
  const cjkAfter = (i: number): boolean => cjkAt(nextIndex(i));
  const context = (i: number, len: number, replaced: string): string => {
    const a = chars.slice(Math.max(0, i - 4), i).join('');
    const b = chars.slice(i + len, i + len + 4).join('');
    return `${a}${chars.slice(i, i + len).join('')}${b} → ${a}${replaced}${b}`;
  };

  // Runs: "..." and "--"
  let lastRunEnd = -1;
  for (const i of at) {
    if (mask[i] || i < lastRunEnd) continue;
    const c = chars[i];
    if (c !== '.' && c !== '-' && c !== '。') continue;
    let j = i;
    while (j < n && chars[j] === c && !mask[j]) j++;
    const len = j - i;
    const chinese = cjkBefore(i) || cjkAfter(j - 1);
    if (c === '.' && len >= 3 && chinese) {
      out[i] = '……';
      for (let k = i + 1; k < j; k++) out[k] = '';
      log.add('ellipsis', chars.slice(i, j).join(''), '……', () => context(i, len, '……'));
    } else if (c === '。' && len === 3) {
      out[i] = '……';
      for (let k = i + 1; k < j; k++) out[k] = '';
      log.add('ellipsis', '。。。', '……', () => context(i, len, '……'));
    } else if (c === '-' && len >= 2 && len <= 4 && chinese && !(isDigit(prev(i)) && isDigit(next(j - 1)))) {
      out[i] = '——';
      for (let k = i + 1; k < j; k++) out[k] = '';
      log.add('dash', chars.slice(i, j).join(''), '——', () => context(i, len, '——'));
    }
    lastRunEnd = j;
  }

  // Single marks
  for (const i of at) {
    if (mask[i]) continue;
    const c = chars[i];
    const full = FULL[c];
    if (!full) continue;
    if (!(cjkBefore(i) || cjkAfter(i))) continue;
    const p = prev(i);
    const q = next(i);
    if ((c === ',' || c === ':') && isDigit(p) && isDigit(q)) continue;
    if (c === ':' && q === '/') continue;
    out[i] = full;
    log.add('punctuation', c, full, () => context(i, 1, full));
  }

  // Brackets: pair them; a pair in a Chinese context (inside or next to it) becomes full-width.
  const stack: number[] = [];
  for (const i of at) {
    if (mask[i]) continue;
    if (chars[i] === '(') stack.push(i);
    else if (chars[i] === ')') {
      const open = stack.pop();
      const inside = open === undefined ? [] : chars.slice(open + 1, i);
      const chinese = inside.some(cjk) || cjk(open === undefined ? undefined : prev(open)) || cjk(next(i)) || (open === undefined && cjk(prev(i)));
      if (!chinese) continue;
      if (open !== undefined) {
        out[open] = '（';
        log.add('punctuation', '(', '（', () => context(open, 1, '（'));
      }
      out[i] = '）';
      log.add('punctuation', ')', '）', () => context(i, 1, '）'));
    }
  }
  for (const open of stack) {
    if (cjk(next(open)) || cjk(prev(open))) {
      out[open] = '（';
      log.add('punctuation', '(', '（', () => context(open, 1, '（'));
    }
  }

  pairQuotes(chars, at, out, mask, '"', '“', '”', log, context, prev, next);
  pairQuotes(chars, at, out, mask, "'", '‘', '’', log, context, prev, next);
  return out;
}

function pairQuotes(
  chars: string[],
  marks: number[],
  out: string[],
  mask: Uint8Array,
  straight: string,
  open: string,
  close: string,
  log: ChangeLog,
  context: (i: number, len: number, r: string) => string,
  prev: (i: number) => string | undefined,
  next: (i: number) => string | undefined,
): void {
  const at: number[] = [];
  for (const i of marks) {
    if (chars[i] !== straight || mask[i]) continue;
    // an apostrophe inside a Latin word (don't, it's) is not a quote
    if (straight === "'" && isLatinLetter(chars[i - 1]) && isLatinLetter(chars[i + 1])) continue;
    at.push(i);
  }
  for (let k = 0; k + 1 < at.length; k += 2) {
    const a = at[k];
    const b = at[k + 1];
    const chinese = chars.slice(a + 1, b).some(cjk) || cjk(prev(a)) || cjk(next(b));
    if (!chinese) continue;
    out[a] = open;
    out[b] = close;
    log.add('quotes', straight, open, () => context(a, 1, open));
    log.add('quotes', straight, close, () => context(b, 1, close));
  }
  if (at.length % 2) {
    const i = at[at.length - 1];
    // A lone quote: opening when Chinese follows it and not before, closing otherwise.
    if (cjk(prev(i)) || cjk(next(i))) {
      const r = cjk(next(i)) && !cjk(prev(i)) ? open : close;
      out[i] = r;
      log.add('unpaired-quote', straight, r, () => context(i, 1, r));
    }
  }
}

/** Convenience for plain strings. */
export function normalizePunctuationText(text: string, log: ChangeLog): string {
  return normalizePunctuation(Array.from(text), log).join('');
}
