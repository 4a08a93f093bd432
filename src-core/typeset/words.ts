import { HEADLINE_PHRASES } from './headline-phrases.data';

/**
 * Word boundaries for ragged lines (headlines, issue 19): `Intl.Segmenter('zh')` (in Node and
 * Chromium, so screen and PDF agree) plus the phrases it cuts apart (`HEADLINE_PHRASES`).
 */

let segmenter: Intl.Segmenter | undefined;
let phraseRe: RegExp | undefined;

function phrases(): RegExp {
  // Longest first, so 高质量发展 wins over 高质量 at the same place.
  phraseRe ??= new RegExp([...HEADLINE_PHRASES].sort((a, b) => b.length - a.length).join('|'), 'gu');
  return phraseRe;
}

/**
 * For code points `cps[0..n)`: `inside[i]` is 1 when a break before code point i would cut a word
 * (0 at 0 and n). Non-Han text is left to the line breaker (it already keeps Latin words whole).
 * The array is shared between calls with the same text: read it, never write it.
 */
export function wordInteriors(cps: ArrayLike<number>, n: number): Uint8Array {
  let text = '';
  for (let i = 0; i < n; i++) text += String.fromCodePoint(cps[i]);
  // Make-up sets the same headline at many sizes and widths: segment each short text once.
  if (n > MEMO_TEXT_LIMIT) return segment(text, n);
  let inside = memo.get(text);
  if (!inside) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    inside = segment(text, n);
    memo.set(text, inside);
  }
  return inside;
}

/** Texts segmented lately (a page's and a make-up run's ragged lines fit many times over). */
const MEMO_SIZE = 2048;
/** Longer ragged paragraphs (a body set flush left) are segmented each time rather than kept. */
const MEMO_TEXT_LIMIT = 200;
const memo = new Map<string, Uint8Array>();

function segment(text: string, n: number): Uint8Array {
  const inside = new Uint8Array(n + 1);
  if (n < 2) return inside;
  // Per UTF-16 unit, the index of its code point.
  const cpAt: number[] = [];
  for (let i = 0; i < n; i++) {
    const units = text.codePointAt(cpAt.length)! > 0xffff ? 2 : 1;
    for (let k = 0; k < units; k++) cpAt.push(i);
  }
  cpAt.push(n);
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  for (const s of segmenter.segment(text)) {
    if (!s.isWordLike) continue;
    markInside(inside, cpAt[s.index], cpAt[s.index + s.segment.length]);
  }
  for (const m of text.matchAll(phrases())) markInside(inside, cpAt[m.index], cpAt[m.index + m[0].length]);
  return inside;
}

function markInside(inside: Uint8Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) inside[i] = 1;
}
