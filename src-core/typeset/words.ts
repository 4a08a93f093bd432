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
 */
export function wordInteriors(cps: ArrayLike<number>, n: number): Uint8Array {
  const inside = new Uint8Array(n + 1);
  if (n < 2) return inside;
  // UTF-16 text and, per UTF-16 unit, the index of its code point.
  let text = '';
  const cpAt: number[] = [];
  for (let i = 0; i < n; i++) {
    const ch = String.fromCodePoint(cps[i]);
    text += ch;
    for (let k = 0; k < ch.length; k++) cpAt.push(i);
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
