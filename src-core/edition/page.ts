/**
 * One page of an edition made up around its booked ads: the ads are locked blocks where the plan put
 * them, the page's articles are made up around them by rank (plan order), the header carries the
 * plan's paper, date, 版次 and 版名.
 */
import { layout } from '../layout/layout';
import { heldKey, HOLE_LIMIT, isFillerFrame, makeUp, type Alternative, type MakeUpResult, type PictureLink } from '../makeup';
import type { FontRegistry } from '../fonts/registry';
import type { AdBlock, Article, BanmianDocument, ImageAsset, PageSettings } from '../model/document';
import { FORMAT_VERSION } from '../model/document';
import { editionPageSettings } from './page-doc';
import type { PlanAd, PlanPage } from './plan';

export interface PageInput {
  page: PageSettings;
  articles: Article[];
  images: ImageAsset[];
  pictures: PictureLink[];
  /** The ads, each with its artwork's image id when it has one. */
  ads: { ad: PlanAd; imageId?: string }[];
}

/** The page's settings with the plan's header: paper, date, 版次 (the number) and 版名. */
export function pageSettings(base: PageSettings, paper: string, date: string, page: Pick<PlanPage, 'number' | 'name'>): PageSettings {
  return editionPageSettings({ ...base, header: { ...base.header, pageNumber: String(page.number) } }, { paper, date }, page);
}

export function adBlocks(ads: PageInput['ads']): AdBlock[] {
  return ads.map(({ ad, imageId }, k) => ({ id: `ad-${k + 1}`, kind: 'ad', advertiser: ad.name, ...ad.rect, ...(imageId ? { imageId } : {}), locked: true }));
}

/** Each page made up here and the make-up run that made it: the 补白 run starts from it (`filledEditionPage`). */
const runs = new WeakMap<Alternative, MakeUpResult>();

/** The page made up (one alternative, deterministic); undefined when make-up found none. `made`: the page `input` makes without fillShort. */
export function makeUpEditionPage(input: PageInput, fonts: FontRegistry, fillShort = false, made?: Alternative): Alternative | undefined {
  const document: BanmianDocument = { formatVersion: FORMAT_VERSION, page: input.page, articles: input.articles, images: input.images, blocks: adBlocks(input.ads) };
  // (the plan and the continued parts decide which stories give way on an edition's page: make-up does not hold another to fill it,
  // nor sets one a 竖条 to take it on: the stories it holds go on to the pages the plan gives them; the 16-page bench edition,
  // the same pages with the remedy tried, its compose and export 10 s → 12 s)
  const result = makeUp({ document, pictures: input.pictures, options: { alternatives: 1, holdToFill: false, narrowSpans: false, fillShort } }, { fonts }, made && runs.get(made));
  const alt = result.alternatives[0];
  // (a page made with its frames is no page's run without them)
  if (alt && !fillShort) runs.set(alt, result);
  return alt;
}

/**
 * The made-up page (`made`, from `input`) with a 公益广告 frame filling a hole at its foot (补白,
 * makeup/filler.ts) when make-up finds one that sets the same stories: the plan's stories and the
 * continued parts stay as the page had them, only the blank is filled. Asked for only of a page left
 * with a hole, and once, after the cuts and the continued parts are settled.
 */
export function filledEditionPage(input: PageInput, made: Alternative, fonts: FontRegistry): Alternative {
  if (made.score.largestHole <= HOLE_LIMIT) return made;
  const filled = makeUpEditionPage(input, fonts, true, made);
  if (!filled || !filled.blocks.some(isFillerFrame)) return made;
  const held = (alt: Alternative): string => alt.heldOver.map(heldKey).sort().join('\n');
  // (every story the page set is set whole again: a first part's 下转 line, a continued part)
  const heldIds = new Set(made.heldOver.map((h) => h.articleId));
  const placed = made.blocks.flatMap((b) => (b.kind === 'article' ? [b.articleId] : []));
  return held(filled) === held(made) && setWhole(filled, placed, fonts, heldIds) ? filled : made;
}

/**
 * Whether the articles are set whole on the made-up page (placed, none of them overset) and took no
 * other article's place: only those in `held` (held over anyway) may be held over. One layout of the
 * page answers for all of them.
 */
export function setWhole(alt: Alternative, articleIds: string | readonly string[], fonts: FontRegistry, held: ReadonlySet<string> = new Set()): boolean {
  const ids = new Set(typeof articleIds === 'string' ? [articleIds] : articleIds);
  if (alt.heldOver.some((h) => ids.has(h.articleId) || !held.has(h.articleId))) return false;
  const made = alt.document;
  const placed = new Set(made.blocks.flatMap((b) => (b.kind === 'article' ? [b.articleId] : [])));
  if ([...ids].some((id) => !placed.has(id))) return false;
  return ids.size === 0 || !layout(made, { fonts, measureOnly: true }).overset.some((o) => ids.has(o.articleId));
}

