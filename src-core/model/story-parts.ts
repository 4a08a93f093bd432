/**
 * How a story chained across pages (edition/chain.ts) names its parts on the pages: the first part
 * keeps the article's id, the next is the id with CONTINUED_SUFFIX, later ones add their place. Here,
 * in the model, because proofreading reads a part as its story too (a dismissal holds in every part).
 */

/** The continued part's id: the article's id with this after it (and the part's place from the third on). */
export const CONTINUED_SUFFIX = '-续';

/** The id of a chain's part `k` on its page (the first keeps the article's id). */
export function partId(articleId: string, k: number): string {
  return k === 0 ? articleId : `${articleId}${CONTINUED_SUFFIX}${k === 1 ? '' : k}`;
}

/** The story a part id belongs to (partId's inverse): s-续 and s-续3 are parts of s; any other id is its own story. */
export function storyId(id: string): string {
  const at = id.lastIndexOf(CONTINUED_SUFFIX);
  return at > 0 && /^\d*$/.test(id.slice(at + CONTINUED_SUFFIX.length)) ? id.slice(0, at) : id;
}
