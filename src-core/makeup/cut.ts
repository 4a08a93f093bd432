import type { Article } from '../model/document';
import { isCuttable, printableParagraphs, type RichParagraph } from '../model/richtext';

/**
 * Cutting an article to fit (删节) by the 可删 marks its editor put on paragraphs: whole marked
 * paragraphs go, the last marked first (the end of a news story is its least important part), and
 * nothing else ever does: no unmarked paragraph, no part of a paragraph. Pure; the make-up engine
 * and 适配 call it with their own measure of what fits.
 */

/** How much of a removed paragraph the report quotes. */
export const OPENING_CHARS = 12;

export interface CutParagraph {
  /** The paragraph's index in the uncut body. */
  index: number;
  /** Its first printed characters (`OPENING_CHARS`, then …), to name it in the report. */
  opening: string;
}

export interface CutResult {
  /** The article without the removed paragraphs (the same object when none are). */
  article: Article;
  /** The paragraphs removed, in body order. */
  removed: CutParagraph[];
  /** Whether the cut article fits: false when even cutting every 可删 paragraph is not enough. */
  fits: boolean;
}

/** The indices of the marked paragraphs, in the order they are cut: the last one first. */
export function cutOrder(article: Article): number[] {
  const marked: number[] = [];
  article.body.content.forEach((p, i) => isCuttable(p) && marked.push(i));
  return marked.reverse();
}

/** The article without its last `count` marked paragraphs. */
export function withoutLastCuttable(article: Article, count: number): Omit<CutResult, 'fits'> {
  const cut = new Set(cutOrder(article).slice(0, Math.max(0, count)));
  if (cut.size === 0) return { article, removed: [] };
  const content = article.body.content;
  return {
    article: { ...article, body: { ...article.body, content: content.filter((_, i) => !cut.has(i)) } },
    removed: [...cut].sort((a, b) => a - b).map((index) => ({ index, opening: openingOf(content[index]) })),
  };
}

/**
 * The article cut just enough for `fits` (the caller's measure: a layout of the article in its
 * block). Fewer paragraphs never take more lines, so the fewest cuts that fit are found by bisection:
 * `fits` is asked about log₂(marked + 1) + 1 versions of the article, not one per paragraph.
 */
export function cutToFit(article: Article, fits: (candidate: Article) => boolean): CutResult {
  if (fits(article)) return { article, removed: [], fits: true };
  const marked = cutOrder(article).length;
  const all = withoutLastCuttable(article, marked);
  if (marked === 0 || !fits(all.article)) return { ...all, fits: false };
  // fits(lo) is false, fits(hi) is true.
  let lo = 0;
  let hi = marked;
  let best = all;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const candidate = withoutLastCuttable(article, mid);
    if (fits(candidate.article)) {
      hi = mid;
      best = candidate;
    } else lo = mid;
  }
  return { ...best, fits: true };
}

/**
 * The article with at least `lines` body lines cut, given the lines each paragraph takes
 * (`linesOf`, measured by the caller); the last marked paragraphs go until their lines add up.
 */
export function cutLines(article: Article, lines: number, linesOf: (paragraph: RichParagraph, index: number) => number): CutResult {
  if (lines <= 0) return { article, removed: [], fits: true };
  const order = cutOrder(article);
  let gained = 0;
  let count = 0;
  while (count < order.length && gained < lines) {
    gained += linesOf(article.body.content[order[count]], order[count]);
    count += 1;
  }
  return { ...withoutLastCuttable(article, count), fits: gained >= lines };
}

function openingOf(paragraph: RichParagraph): string {
  const [printed] = printableParagraphs({ type: 'doc', content: [paragraph] });
  const chars = [...printed.spans.map((s) => s.text).join('').replace(/\s+/g, ' ').trim()];
  return chars.length > OPENING_CHARS ? `${chars.slice(0, OPENING_CHARS).join('')}…` : chars.join('');
}
