/**
 * A story that continues on a later page (转版): cut at a paragraph boundary into the part on its
 * first page, which ends with a 下转 line, and the rest, which starts with a continuation headline
 * (the headline, smaller) and a 上接 line. Which cut: the largest whose first part the make-up of
 * that page sets whole (the caller's `fits`), found by halving, at least one paragraph each side.
 */
import type { Article } from '../model/document';
import { JUMP_STYLES, type JumpStyle } from './jump';

/** The continued part's id: the article's id with this after it. */
export const CONTINUED_SUFFIX = '-续';
/** The continuation headline's size as a share of the page's headline size. */
const CONTINUATION_HEADLINE = 0.6;
/** The continuation headline is never smaller than 四号. */
const MIN_CONTINUATION_PT = 14;

export interface Jump {
  from: number;
  to: number;
  style: JumpStyle;
}

/** Where a story can be cut: between its paragraphs (the body's top-level nodes). */
export function cutPoints(article: Article): number {
  return Math.max(0, article.body.content.length - 1);
}

/** The two parts of `article` cut before its paragraph `k` (1 ≤ k < paragraphs). */
export function jumpParts(article: Article, k: number, jump: Jump, headlineSize: number): { first: Article; rest: Article } {
  const style = JUMP_STYLES[jump.style];
  const paragraphs = article.body.content;
  const endByline = article.bylinePosition === 'end';
  const first: Article = { ...article, body: { type: 'doc', content: paragraphs.slice(0, k) }, byline: endByline ? '' : article.byline, jumpTo: style.to(jump.to) };
  const size = Math.max(MIN_CONTINUATION_PT, Math.round(headlineSize * CONTINUATION_HEADLINE));
  const rest: Article = {
    ...article,
    id: `${article.id}${CONTINUED_SUFFIX}`,
    kicker: '',
    deck: '',
    lead: '',
    byline: endByline ? article.byline : '',
    body: { type: 'doc', content: paragraphs.slice(k) },
    jumpFrom: style.from(jump.from),
    jumpTo: '',
    styleOverrides: { ...article.styleOverrides, headline: { ...article.styleOverrides?.headline, size, lineHeight: Math.round(size * 1.3) } },
  };
  return { first, rest };
}

/**
 * The largest cut in 1…n whose first part fits (`fits` asks the make-up of the first page), by
 * halving; 1 when even one paragraph does not fit (the make-up then holds it over and says so).
 */
export function largestCut(n: number, fits: (k: number) => boolean): number {
  let lo = 1;
  let hi = n;
  if (n < 1 || !fits(1)) return 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
