/**
 * A story chain's parts as articles: each part sets its paragraphs of the pool's article; where the
 * next part is on another page it ends with a 下转 line naming that page, where it resumes from
 * another page it starts with a continuation headline (the headline, smaller) and a 上接 line.
 * Parts on the same page (续排) join without jump lines or a second headline. The ends of a chain
 * keep the article's own jump lines. One rule for the CLI's cut (continue.ts) and the saved edition.
 */
import type { Article, StyleOverrides } from '../model/document';
import { JUMP_STYLES, type JumpStyle } from './jump';
import type { EditionDocument, StoryChain } from './edition';
import { partId } from '../model/story-parts';

export { CONTINUED_SUFFIX, partId } from '../model/story-parts';

/** The continuation headline's size as a share of the page's headline size. */
const CONTINUATION_HEADLINE = 0.6;
/** The continuation headline is never smaller than 四号. */
const MIN_CONTINUATION_PT = 14;

/** Where one part lies: its paragraphs [from, to) and the number of the page holding it. */
export interface PartPlace {
  from: number;
  to: number;
  page: number;
  /** The part's own look on its page (make-up's headline size, tracking); absent: the article's, or the continuation headline. */
  styleOverrides?: StyleOverrides;
}

/** Part `k` of `article` laid through `places`, with the jump lines `style` writes. */
export function partArticle(article: Article, places: readonly PartPlace[], k: number, style: JumpStyle, headlineSize: number): Article {
  const here = places[k];
  const prev = places[k - 1];
  const next = places[k + 1];
  const lines = JUMP_STYLES[style];
  const body = { type: 'doc' as const, content: article.body.content.slice(here.from, here.to) };
  const endByline = article.bylinePosition === 'end';
  const byline = endByline ? (next ? '' : article.byline) : k === 0 ? article.byline : '';
  const jumpTo = !next ? article.jumpTo : next.page !== here.page ? lines.to(next.page) : '';
  const own = here.styleOverrides ? { styleOverrides: here.styleOverrides } : undefined;
  if (!prev) return { ...article, body, byline, jumpTo, ...own };
  const resumes = prev.page !== here.page;
  const size = Math.max(MIN_CONTINUATION_PT, Math.round(headlineSize * CONTINUATION_HEADLINE));
  const continuation = { styleOverrides: { ...article.styleOverrides, headline: { ...article.styleOverrides?.headline, size, lineHeight: Math.round(size * 1.3) } } };
  return {
    ...article,
    id: partId(article.id, k),
    kicker: '',
    headline: resumes ? article.headline : '',
    deck: '',
    lead: '',
    byline,
    body,
    jumpFrom: resumes ? lines.from(prev.page) : '',
    jumpTo,
    ...(own ?? (resumes ? continuation : {})),
  };
}

/** The chain whose part block `block` is, and which part. */
export function chainPartOf(edition: EditionDocument, block: string): { chain: StoryChain; k: number } | undefined {
  for (const chain of edition.chains) {
    const k = chain.parts.findIndex((p) => p.block === block);
    if (k >= 0) return { chain, k };
  }
  return undefined;
}
