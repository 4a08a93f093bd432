/**
 * The continued part of a story (转版的后半) on its later page: the 下转 line on its first page
 * promises it there, so it takes precedence over the page's own lower-ranked stories — the fewest of
 * them are held over (待用, named) for it to be set whole. It ranks after the page's lead, or ahead
 * of it when only there make-up gives it a module big enough.
 * When even that leaves it no room, the page is made up as planned and the caller reports the jump
 * as an error (`jumpsNotCarried`): a jump line never names a page that does not carry the story.
 */
import type { FontRegistry } from '../fonts/registry';
import type { Alternative } from '../makeup';
import type { Article } from '../model/document';
import { storyName } from '../model/story-name';
import { partId } from './chain';
import { largestCut } from './continue';
import { makeUpEditionPage, setWhole, type PageInput } from './page';

/** Whether each of `ids` is set whole on the made-up page (placed, none of it overset), whatever else is held over. */
export function carries(alt: Alternative | undefined, ids: readonly string[], fonts: FontRegistry): boolean {
  if (!alt) return false;
  const held = new Set(alt.heldOver.map((h) => h.articleId));
  return setWhole(alt, ids, fonts, held);
}

export interface Room {
  /** The page's input: its lead, the continued parts, the own stories kept. */
  input: PageInput;
  /** The page made up from `input`; undefined when nothing is carried (not made up yet). */
  alt: Alternative | undefined;
  /** The page's own stories held over for the continued parts, lowest-ranked first given up. */
  gaveWay: Article[];
}

/**
 * The page's input with the continued parts `carried` and as many of its own stories (`own`, in rank
 * order) as leave them set whole: the parts rank after the page's lead (`own[0]`), or ahead of it
 * when after it they are not set even alone with it (make-up gives its biggest shapes to its lead).
 */
export function makeRoom(base: Omit<PageInput, 'articles'>, own: readonly Article[], carried: readonly Article[], fonts: FontRegistry): Room {
  const lower = Math.max(0, own.length - 1);
  const ordered = (lead: boolean) => (m: number): PageInput => ({ ...base, articles: lead ? [...carried, ...own.slice(0, 1 + m)] : [...own.slice(0, 1), ...carried, ...own.slice(1, 1 + m)] });
  if (!carried.length) return { input: ordered(false)(lower), alt: undefined, gaveWay: [] };
  const ids = carried.map((a) => a.id);
  const made = new Map<string, Alternative | undefined>();
  for (const lead of [false, true]) {
    const withOwn = ordered(lead);
    const madeAt = (m: number): Alternative | undefined => {
      const key = `${lead}:${m}`;
      return made.has(key) ? made.get(key) : made.set(key, makeUpEditionPage(withOwn(m), fonts)).get(key);
    };
    const fits = (m: number): boolean => carries(madeAt(m), ids, fonts);
    if (fits(lower)) return { input: withOwn(lower), alt: madeAt(lower), gaveWay: [] };
    // the most of the lower-ranked stories kept (k - 1 of them, k in 1…lower + 1), by halving
    const kept = largestCut(lower + 1, (k) => fits(k - 1), 1) - 1;
    if (fits(kept)) return { input: withOwn(kept), alt: madeAt(kept), gaveWay: own.slice(1 + kept) };
  }
  return { input: ordered(false)(lower), alt: made.get(`false:${lower}`), gaveWay: [] };
}

/** The made-up page with the stories that gave way to a continued part held over on it, named as such. */
export function withGaveWay(alt: Alternative, gaveWay: readonly Article[], carried: readonly Article[]): Alternative {
  if (!gaveWay.length) return alt;
  const cont = carried.map((a) => `“${storyName(a, a.id)}”`).join('、');
  const held = gaveWay.map((a) => {
    const name = storyName(a, a.id);
    return { articleId: a.id, headline: a.headline, zh: `“${name}”让位给转版稿件${cont}的后半，待用`, en: `“${name}” gives way to the continued part of ${cont}; held over` };
  });
  // they stay on the page's list of articles, as make-up keeps the stories it holds over
  const { document: page } = alt;
  return { ...alt, heldOver: [...alt.heldOver, ...held], document: { ...page, articles: [...page.articles, ...gaveWay] } };
}

/** A story the plan continued, as made: the article as imported, its pages. */
interface Jumped {
  article: Article;
  from: number;
  to: number;
}

/**
 * The continued stories one of whose parts is not set whole on its page (held over, or overset): its
 * 下转 or 上接 line would name a page that does not carry it. Each is an error naming the story and
 * both pages.
 */
export function jumpsNotCarried(pages: ReadonlyMap<number, Alternative>, jumps: readonly Jumped[], fonts: FontRegistry): { zh: string; en: string }[] {
  return jumps.flatMap(({ article, from, to }) => {
    const name = storyName(article, article.id);
    const out: { zh: string; en: string }[] = [];
    if (!carries(pages.get(from), [article.id], fonts)) out.push({ zh: `转版前半放不下：“${name}”（第${from}版转第${to}版）的前半在第${from}版排不下`, en: `The first part of a continued story does not fit: “${name}” (page ${from} continued on page ${to}) cannot be set on page ${from}` });
    if (!carries(pages.get(to), [partId(article.id, 1)], fonts)) out.push({ zh: `转版后半放不下：“${name}”（第${from}版转第${to}版）的后半在第${to}版排不下；请删减稿件，或改转到别的版`, en: `The continued part does not fit: the rest of “${name}” (page ${from} continued on page ${to}) cannot be set on page ${to}; cut the story or continue it on another page` });
    return out;
  });
}
