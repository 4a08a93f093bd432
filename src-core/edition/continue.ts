/**
 * A story that continues on a later page (转版): cut at a paragraph boundary into the part on its
 * first page, which ends with a 下转 line, and the rest, which starts with a continuation headline
 * (the headline, smaller) and a 上接 line. Which cut: the largest whose first part the make-up of
 * that page sets whole (the caller's `fits`), found by halving, at least one paragraph each side —
 * a story the plan continues is always cut, however short (a one-paragraph story at a sentence end).
 */
import type { Article } from '../model/document';
import { plainText, type RichInline } from '../model/richtext';
import { partArticle } from './chain';
import type { JumpStyle } from './jump';

export { CONTINUED_SUFFIX } from './chain';

export interface Jump {
  from: number;
  to: number;
  style: JumpStyle;
}

/**
 * The share of a continued story's text its first page keeps at least: a lead that jumps leaves its
 * opening on the front page, not a paragraph (the page's lowest-ranked stories are held over first).
 * A quarter, not a third: on the field test's front page a third held one more story over and left a
 * hole, a quarter kept the page full.
 */
export const FIRST_PART_SHARE = 1 / 4;

/** The fewest paragraphs (at least one, at most all but one) holding FIRST_PART_SHARE of the story's characters. */
export function leastCut(article: Article): number {
  const lengths = article.body.content.map((node) => plainText({ ...article.body, content: [node] }).length);
  const total = lengths.reduce((a, b) => a + b, 0);
  let k = 0;
  for (let sum = 0; k < lengths.length - 1 && sum < total * FIRST_PART_SHARE; k++) sum += lengths[k];
  return Math.max(1, k);
}

/** A sentence's end: 。！？ (or ！？ doubled, …… ), with any closing quotes or brackets after it. */
const SENTENCE_END = /[。！？!?]+[”’」』）)]*|……[”’」』）)]*/g;

/**
 * A one-paragraph story made two paragraphs at the sentence end nearest its middle, so a 转版 has a
 * paragraph for each page (the rest starts a new paragraph on its page, as a jump's rest does);
 * undefined when the paragraph has no sentence end before its last (nothing to cut at). A story of
 * more paragraphs is given back as it is.
 */
export function cutAtSentence(article: Article): Article | undefined {
  const [para, ...more] = article.body.content;
  if (!para || more.length) return article;
  const inline = para.content ?? [];
  const text = inline.map((n) => (n.type === 'text' ? n.text : '\n')).join('');
  const ends = [...text.matchAll(SENTENCE_END)].map((m) => m.index + m[0].length).filter((at) => text.slice(at).trim());
  if (!ends.length) return undefined;
  const at = ends.reduce((best, e) => (Math.abs(e - text.length / 2) < Math.abs(best - text.length / 2) ? e : best));
  const [head, tail] = splitInline(inline, at);
  const body = { ...article.body, content: [{ ...para, content: head }, { ...para, content: tail }] };
  return { ...article, body };
}

/** Inline nodes split at character `at` (a hard break counts one), each text node's marks kept. */
function splitInline(inline: readonly RichInline[], at: number): [RichInline[], RichInline[]] {
  const head: RichInline[] = [];
  const tail: RichInline[] = [];
  let pos = 0;
  for (const n of inline) {
    const len = n.type === 'text' ? n.text.length : 1;
    if (pos + len <= at) head.push(n);
    else if (pos >= at || n.type !== 'text') tail.push(n);
    else {
      head.push({ ...n, text: n.text.slice(0, at - pos) });
      tail.push({ ...n, text: n.text.slice(at - pos) });
    }
    pos += len;
  }
  return [head, tail];
}

/** Where a story can be cut: between its paragraphs (the body's top-level nodes). */
export function cutPoints(article: Article): number {
  return Math.max(0, article.body.content.length - 1);
}

/** The two parts of `article` cut before its paragraph `k` (1 ≤ k < paragraphs): a chain of two parts. */
export function jumpParts(article: Article, k: number, jump: Jump, headlineSize: number): { first: Article; rest: Article } {
  const places = [
    { from: 0, to: k, page: jump.from },
    { from: k, to: article.body.content.length, page: jump.to },
  ];
  return { first: partArticle(article, places, 0, jump.style, headlineSize), rest: partArticle(article, places, 1, jump.style, headlineSize) };
}

/**
 * The largest cut in least…n whose first part fits (`fits` asks the make-up of the first page), by
 * halving; `least` when even that does not fit (the make-up then holds it over and says so).
 */
export function largestCut(n: number, fits: (k: number) => boolean, least = 1): number {
  let lo = Math.max(1, Math.min(least, n));
  let hi = n;
  if (n < 1 || !fits(lo)) return lo;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
