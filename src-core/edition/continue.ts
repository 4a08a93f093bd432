/**
 * A story that continues on a later page (转版): cut at a paragraph boundary into the part on its
 * first page, which ends with a 下转 line, and the rest, which starts with a continuation headline
 * (the headline, smaller) and a 上接 line. Which cut: the largest whose first part the make-up of
 * that page sets whole (the caller's `fits`), found by halving, at least one paragraph each side.
 */
import type { Article } from '../model/document';
import { plainText } from '../model/richtext';
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
