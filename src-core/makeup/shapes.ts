import { PRINT_PPI, type Article, type ImageAsset, type PageSettings } from '../model/document';
import { spanWidth, type GridGeometry } from '../model/grid';
import { plainText } from '../model/richtext';
import { storyId } from '../model/story-parts';
import type { PictureShape, ShapeSpec } from './measure';
import type { PictureLink } from './types';
import { HOLE_LIMIT } from './score';

/** Headline sizes by rank level (pt): the lead's, the next two's, the middle's, the briefs' (简讯). */
export function headlineSizes(columns: number): number[] {
  if (columns >= 7) return [36, 26, 20, 15];
  if (columns >= 4) return [28, 22, 16, 14];
  return [22, 16, 14, 12];
}

/** The briefs' level (简讯: the smallest headline, the narrowest spans), the last. */
const BRIEF_LEVEL = 3;

/** Rank level of the article at `rank` (0 = the lead). */
export function levelOf(rank: number): number {
  if (rank === 0) return 0;
  if (rank <= 2) return 1;
  if (rank <= 5) return 2;
  return BRIEF_LEVEL;
}

/** Columns an article of this level may span: the lead at least half the page, briefs narrow. */
export function spansFor(level: number, columns: number): number[] {
  const range = (lo: number, hi: number): number[] => {
    const a = Math.max(1, Math.min(lo, columns));
    const b = Math.max(a, Math.min(hi, columns));
    return Array.from({ length: b - a + 1 }, (_, i) => b - i);
  };
  // On a narrow page (四开 and less) a second-rank story may run the page's width (通栏) like the lead.
  const narrow = columns <= 5;
  if (level === 0) return range(Math.ceil(columns / 2), columns);
  if (level === 1) return range(2, narrow ? columns : Math.ceil(columns / 2) + 1);
  if (level === 2) return range(2, narrow ? columns : 4);
  return range(1, 3);
}

/** How much of a picture a frame may crop away, either way (its depth is a fitting lever within this). */
export const CROP = 0.25;
/**
 * The widest and the tallest frame shapes (height over width): a picture beyond them is framed to
 * them. A 3:1 panorama keeps its shape (framed at 0.45 it lost a quarter of its width before any
 * fitting crop: about 30% in all, field test 15).
 */
const WIDEST = 0.3;
const TALLEST = 1.25;
/**
 * A placeholder's frame (a picture still to come: no pixels, no shape of its own): 4:3 as 飞腾 and
 * InDesign draw an empty frame, between 5:3 and 10:9 as the page needs, and at most half the page
 * wide, so that a short page is not filled with an empty frame.
 */
const PLACEHOLDER = { aspect: 0.75, flattest: 0.6, deepest: 0.9 };

/** A picture's frame depth in grid lines at a span (its caption included): natural, and the least and most that cropping allows. */
export interface FrameRows {
  rows: number;
  min: number;
  max: number;
}

/** Depth of a frame `span` columns wide at an aspect (height/width), its caption under it, between 3 lines and 45% of the page. */
function rowsAt(geo: GridGeometry, page: PageSettings, span: number, aspect: number, caption: string): number {
  const rows = Math.ceil((frameHeight(geo, page, span, spanWidth(geo, span) * aspect, caption) - geo.bodySize) / geo.pitch) + 1;
  return Math.max(3, Math.min(rows, maxPictureRows(geo)));
}

/** Height of a frame whose picture is `height` pt deep, with its caption under it (lines estimated from the caption's length). */
function frameHeight(geo: GridGeometry, page: PageSettings, span: number, height: number, caption: string): number {
  const cap = page.styles.caption;
  const captionLines = caption.trim() ? Math.ceil(([...caption].length * cap.size) / Math.max(1, spanWidth(geo, span))) : 0;
  return height + captionLines * cap.lineHeight + (captionLines ? 3 : 0);
}

/**
 * The deepest frame whose picture, scaled to cover it, still prints at PRINT_PPI.warning (rounded
 * down to whole lines: a frame rounded up would scale the picture past it).
 */
function sharpRows(geo: GridGeometry, page: PageSettings, asset: ImageAsset, span: number, caption: string): number {
  const deepest = (asset.pixelHeight / PRINT_PPI.warning) * 72;
  return Math.max(3, Math.floor((frameHeight(geo, page, span, deepest, caption) - geo.bodySize) / geo.pitch) + 1);
}

export function maxPictureRows(geo: GridGeometry): number {
  return Math.floor(geo.rows * 0.45);
}

/** The frame of a picture at a span: its own aspect (very tall or wide ones framed to a sane shape), cropped at most by CROP. */
export function pictureFrame(geo: GridGeometry, page: PageSettings, asset: ImageAsset | undefined, span: number, caption: string): FrameRows {
  const known = !!asset && asset.pixelWidth > 0 && asset.pixelHeight > 0;
  const framed = known ? Math.min(TALLEST, Math.max(WIDEST, asset.pixelHeight / asset.pixelWidth)) : PLACEHOLDER.aspect;
  // A frame deeper than the picture scales it up to fill (the sides cropped): never past the print resolution.
  const most = known ? sharpRows(geo, page, asset, span, caption) : Infinity;
  const at = (a: number): number => Math.min(rowsAt(geo, page, span, a, caption), most);
  // A picture not yet here (a placeholder, 如图) has no crop to keep: a 4:3 frame, a little flatter or deeper as the page needs.
  if (!known) return { rows: at(framed), min: at(PLACEHOLDER.flattest), max: at(PLACEHOLDER.deepest) };
  return { rows: at(framed), min: at(framed * (1 - CROP)), max: at(framed / (1 - CROP)) };
}

/** A picture's depth in grid lines at a span, uncropped. */
export function pictureRows(geo: GridGeometry, page: PageSettings, asset: ImageAsset | undefined, span: number, caption: string): number {
  return pictureFrame(geo, page, asset, span, caption).rows;
}

/** Pixels per inch a picture prints at in a frame `span` columns wide. */
export function effectivePpi(geo: GridGeometry, asset: ImageAsset, span: number): number {
  return asset.pixelWidth / (spanWidth(geo, span) / 72);
}

/** The widest span a picture prints sharp at (PRINT_PPI.warning; one column at least; a placeholder, its size unknown, half the page). */
export function widestPrintable(geo: GridGeometry, asset: ImageAsset | undefined): number {
  if (!asset || !(asset.pixelWidth > 0)) return Math.max(2, Math.ceil(geo.columns / 2));
  let span = 1;
  while (span < geo.columns && effectivePpi(geo, asset, span + 1) >= PRINT_PPI.warning) span++;
  return span;
}

/**
 * The most grid cells (columns × lines) a story's pictures may take, by its rank level and its text:
 * a share of the page (the lead's a quarter, a brief's 6%), and no more than PICTURE_PER_TEXT times the
 * column-lines its text fills. A 组版 sizes a picture for its story: a 450-character story under a photo
 * 40% of the page deep reads as a picture story (field test 14); spare room is left to the page's 补空.
 * A picture story's own (图片新闻, `isPictureStory`) is its share alone: its picture is the story.
 * `roomy`: how much the share grows on a page whose copy is short of it (field test 19's 四开 day H, a
 * tenth short: its pictures held to their shares left a well of 20 column-lines). `cells` is both
 * bounds, `measure` the text's alone (撑满 may go past the share on a page left with blank: `deepest`).
 */
function pictureBudget(article: Article, level: number, geo: GridGeometry, roomy: number): { cells: number; measure: number } {
  const share = roomy * PICTURE_SHARE[Math.min(level, PICTURE_SHARE.length - 1)] * geo.columns * geo.rows;
  // (a picture story's picture is its story: its share of the page, whatever its few lines)
  const measure = isPictureStory(article) ? share : PICTURE_PER_TEXT * Math.ceil(bodyChars(article) / charsPerLine(geo));
  return { cells: Math.min(share, measure), measure };
}

/** Share of the page's cells a story's pictures may take, by rank level (see pictureBudget). */
const PICTURE_SHARE = [0.25, 0.15, 0.1, 0.06];
/** A story's pictures take at most this many times its text's column-lines (see pictureBudget). */
const PICTURE_PER_TEXT = 3;

/**
 * The pictures of a module stacked at a span (each no wider than it prints sharply), each within its
 * share of `cells`: cropped shallower (within CROP) when its natural frame is over it, never enlarged
 * past it; undefined when it would have to be cropped further, unless `always` (the narrowest offer:
 * a story keeps its picture, at its least depth).
 */
function stack(geo: GridGeometry, page: PageSettings, links: PictureLink[], images: Map<string, ImageAsset>, span: number, budget: { cells: number; measure: number }, always: boolean): PictureShape[] | undefined {
  const out: PictureShape[] = [];
  for (const l of links) {
    const asset = images.get(l.imageId);
    const s = Math.max(1, Math.min(span, widestPrintable(geo, asset)));
    // (each picture of the stack its share of the budget)
    const share = { cells: budget.cells / links.length, measure: budget.measure / links.length };
    const depths = budgeted(pictureFrame(geo, page, asset, s, l.caption), share, s, always);
    if (!depths) return undefined;
    out.push({ imageId: l.imageId, caption: l.caption, span: s, ...depths });
  }
  return out;
}

/**
 * A frame's depths within a picture budget, the frame `columns` wide: its natural depth, cropped shallower
 * (within its crop) to the lines the budget's cells give those columns, never enlarged past them (`max`),
 * and past them, never past the measure's, on a page left with blank (`deepest`: a picture story is the
 * 组版's call, not 撑满's). Undefined when those lines are fewer than the crop allows, unless `always`.
 */
function budgeted(frame: FrameRows, budget: { cells: number; measure: number }, columns: number, always: boolean): Pick<PictureShape, 'rows' | 'min' | 'max' | 'deepest'> | undefined {
  const most = Math.floor(budget.cells / columns);
  if (most < frame.min && !always) return undefined;
  const rows = Math.max(frame.min, Math.min(frame.rows, most));
  const deepest = Math.max(rows, Math.min(frame.max, Math.floor(budget.measure / columns)));
  return { rows, min: frame.min, max: Math.max(rows, Math.min(frame.max, most)), deepest };
}

/** A body shorter than this (characters) is a brief (简讯): narrow and under a small headline. */
const BRIEF_CHARS = 400;

/** Body lengths, once per article (the score asks for every page it rates). */
const BODY_CHARS = new WeakMap<Article, number>();

/** Whether the article at `rank` is a brief (简讯): below the lead, its body short. */
export function isBrief(article: Article, rank: number): boolean {
  return rank !== 0 && briefLength(article);
}

/** Whether the article at `rank` is a brief that may take a middle headline (ranked above the briefs' level: `levelFor`). */
export function middleBrief(article: Article, rank: number): boolean {
  return isBrief(article, rank) && levelOf(rank) < BRIEF_LEVEL;
}

/** Whether the story's body is a brief's length (the lead's too: see `spansOf`). */
function briefLength(article: Article): boolean {
  return bodyChars(article) < BRIEF_CHARS;
}

function bodyChars(article: Article): number {
  let chars = BODY_CHARS.get(article);
  if (chars === undefined) BODY_CHARS.set(article, (chars = plainText(article.body).length));
  return chars;
}

/**
 * The spans a story is offered: its level's, a brief's narrow ones; a lead of a brief's length (a
 * page's only story may be one sentence) its lead spans and a brief's, so it is placed, if not as wide.
 */
function spansOf(article: Article, rank: number, columns: number, narrow = false): number[] {
  if (rank === 0 && briefLength(article)) return [...new Set([...spansFor(0, columns), ...spansFor(3, columns)])];
  const spans = spansFor(isBrief(article, rank) ? BRIEF_LEVEL : levelFor(article, rank), columns);
  return narrow && rank > 0 && !spans.includes(1) ? [...spans, 1] : spans;
}

/**
 * The headline level of the article at `rank`: its rank's (levelOf), but a brief takes a middle or
 * brief's headline whatever its rank — a short text under a big headline reads as a lead. A lead of a
 * brief's length takes the next level's (对开 26 pt, not 36 over a few lines: field tests 15 and 16),
 * and then the stories under it (`lead`, the page's lead) at most the middle's, so that it stays the biggest.
 */
export function levelFor(article: Article, rank: number, lead?: Article): number {
  if (rank === 0) return briefLength(article) ? 1 : 0;
  const level = isBrief(article, rank) ? Math.max(levelOf(rank), 2) : levelOf(rank);
  return lead && briefLength(lead) ? Math.max(level, 2) : level;
}

/**
 * The level a story's headline is sized by: its level (`levelFor`), but a full-length story's ranked under
 * a brief that takes a middle headline (`briefAbove`) never smaller than the middle's: a feature ranked
 * under the day's 简讯 is set under a headline no smaller than theirs (field test 35 N3: four 简讯 items
 * ranked 3 to 6 at 20 pt over an 865-character story ranked 7th at 15 pt).
 */
function headlineLevel(article: Article, rank: number, lead?: Article, briefAbove = false): number {
  const level = levelFor(article, rank, lead);
  return rank === 0 || isBrief(article, rank) || !briefAbove ? level : Math.min(level, BRIEF_LEVEL - 1);
}

/**
 * The headline sizes a story may take, its level's first: the lead only its own; another story its
 * own and one level smaller. A full-length story never drops to the briefs' size (a long story under
 * a 简讯 headline reads as a brief): it gets the size between the middle stories' and the briefs'
 * (对开: 18 pt, not 15; on a narrow page the two are 2 pt apart, with nothing between to give).
 */
export function headlineSizesFor(article: Article, rank: number, columns: number, lead?: Article, briefAbove = false): number[] {
  const sizes = headlineSizes(columns);
  const level = headlineLevel(article, rank, lead, briefAbove);
  const briefs = sizes.length - 1;
  const cap = continuationSize(article);
  if (rank === 0 || level === briefs) return [Math.min(cap, sizes[level])];
  const smaller = level + 1 === briefs && !isBrief(article, rank) && sizes[briefs - 1] - sizes[briefs] > 2 ? Math.round((sizes[briefs - 1] + sizes[briefs]) / 2) : sizes[level + 1];
  return [...new Set([sizes[level], smaller].map((size) => Math.min(cap, size)))];
}

/**
 * A story's part continued from another page (转版, its id a part's: `storyId`) keeps its continuation
 * headline's size (the headline, smaller, edition/chain.ts) as the most it is set in, whatever its rank
 * on this page: ranked first to make room for it (audit of issue 17), it took the page lead's 36 pt.
 */
function continuationSize(article: Article): number {
  const size = article.styleOverrides?.headline?.size;
  return storyId(article.id) !== article.id && size ? size : Number.POSITIVE_INFINITY;
}

/** How `shapesFor` offers a story's shapes beyond its rank: see there. */
export interface ShapeOptions {
  roomy?: number;
  beside?: boolean;
  briefAbove?: boolean;
  narrow?: boolean;
}

/**
 * The shapes an article is offered in: spans by rank (`narrow`: one column too, under the lead), its level's headline size
 * and the next smaller (`briefAbove`: see headlineLevel), pictures half or full width, their shares grown by `roomy`
 * (`beside`: only where its text fills beside them, `pictureOffers`; when that leaves no span its rank takes, all as before).
 */
export function shapesFor(article: Article, rank: number, geo: GridGeometry, page: PageSettings, links: PictureLink[], images: Map<string, ImageAsset>, lead?: Article, opts: ShapeOptions = {}): ShapeSpec[] {
  const { roomy = 1, beside = true, briefAbove = false, narrow = false } = opts;
  const own = headlineSizesFor(article, rank, geo.columns, lead, briefAbove);
  const out: ShapeSpec[] = [];
  const seen = new Set<string>();
  for (const span of spansOf(article, rank, geo.columns, narrow)) {
    const pics: PictureShape[][] = [];
    const sizes = rank === 0 ? leadSizes(article, geo, span, own) : own;
    if (links.length) pics.push(...pictureOffers(article, geo, page, links, images, span, pictureBudget(article, levelFor(article, rank, lead), geo, roomy), beside, rank === 0));
    else pics.push([]);
    for (const size of sizes) for (const p of pics) {
      const key = `${span}|${size}|${p.map((x) => x.span).join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ span, headlineSize: size, padRows: 0, pictures: p });
    }
  }
  // (a story whose text fills beside its picture at no span its rank may take — a picture story's small photo, printing
  // narrower than a lead's half page — is offered its shapes as before, its lines beside the picture: review of field test 34)
  const ranked = rank === 0 ? spansFor(0, geo.columns) : spansOf(article, rank, geo.columns, narrow);
  return !beside || out.some((x) => ranked.includes(x.span)) ? out : shapesFor(article, rank, geo, page, links, images, lead, { ...opts, beside: false });
}

/**
 * A module's picture offers at a span: half its width with the text beside it, and its full width with
 * the text under it, each only where its text fills the columns beside the picture to its foot (the
 * picture may print narrower than asked). A story keeps its picture: when neither offer is left, a story
 * keeps the half-width one as before; a picture story (图片新闻, a title and a few lines under a big
 * picture) is offered its picture as wide as the module or not this span at all — set half wide, its lines
 * beside the picture left blank under them (field test 33 N1: 17 and 10 column-lines beside its headline).
 * `leads`: the story is the lead (see `narrow`).
 */
function pictureOffers(article: Article, geo: GridGeometry, page: PageSettings, links: PictureLink[], images: Map<string, ImageAsset>, span: number, budget: { cells: number; measure: number }, beside: boolean, leads = false): PictureShape[][] {
  const story = isPictureStory(article);
  const halfSpan = Math.ceil(span / 2);
  const half = span <= 2 ? undefined : stack(geo, page, links, images, halfSpan, budget, true);
  // (pictures over their share even half wide, kept at their least depth: offered narrower too, as far as they keep within
  // it, a 组版's smaller picture rather than stories held for it; the lead's instead of half wide, its pictures the page's
  // biggest, which the search takes first: field test 41 P1 四开, two placeholders held two stories. A lower story's
  // beside them: night seed 9 四开 keeps its half-wide picture, hole 0, where the narrow one left 4)
  const narrow = half && !story && !stack(geo, page, links, images, halfSpan, budget, false) ? narrowest(geo, page, links, images, halfSpan, budget) : undefined;
  const full = stack(geo, page, links, images, span, budget, !half || story);
  const filled = (p: PictureShape[]): boolean => !beside || besideFilled(article, geo, span - Math.max(...p.map((x) => x.span)), p);
  const row = rowOf(geo, page, links, images, span, budget);
  const offers = (leads ? [narrow ?? half, full, row] : [narrow, half, full, row]).filter((p): p is PictureShape[] => !!p && filled(p));
  if (offers.length || story) return offers;
  return [half ?? full ?? []];
}

/**
 * A story's pictures in a row (组图横排) as wide as its module, its text under them across all its
 * columns: a photo feature's three pictures stacked two columns wide stood beside one column of its
 * short text, 12 column-lines blank under it (field test 49 P3). The module's columns shared out evenly
 * (a row of frames of one size, as a 组版 sets 组图), each picture printing sharp at its columns; one
 * depth for all within each one's crop (CROP) and the story's share of the page, each frame measured
 * with the row's longest caption (their captions start on one line: layout's `captionRoom`). Undefined
 * for one picture, columns that do not share out evenly, or frames no one depth crops them all to.
 */
function rowOf(geo: GridGeometry, page: PageSettings, links: PictureLink[], images: Map<string, ImageAsset>, span: number, budget: { cells: number; measure: number }): PictureShape[] | undefined {
  if (links.length < 2 || span % links.length) return undefined;
  const parts = links.map((l) => ({ imageId: l.imageId, caption: l.caption, span: span / links.length }));
  if (parts.some((p) => p.span > widestPrintable(geo, images.get(p.imageId)))) return undefined;
  const frame = rowFrame(geo, page, parts, images);
  const depths = frame.min <= frame.max ? budgeted(frame, budget, span, false) : undefined;
  return depths && [{ imageId: parts[0].imageId, caption: parts[0].caption, span, ...depths, row: parts }];
}

/** The frame a row of pictures shares (`rowOf`): the first's depth within the least and most depth that crop every one; min over max when none does. */
export function rowFrame(geo: GridGeometry, page: PageSettings, parts: { imageId: string; caption: string; span: number }[], images: Map<string, ImageAsset>): FrameRows {
  const longest = parts.map((p) => p.caption).reduce((a, b) => ([...b].length > [...a].length ? b : a), '');
  const frames = parts.map((p) => pictureFrame(geo, page, images.get(p.imageId), p.span, longest));
  const min = Math.max(...frames.map((f) => f.min));
  const max = Math.min(...frames.map((f) => f.max));
  return { rows: Math.max(min, Math.min(frames[0].rows, max)), min, max };
}

/** The least a picture is set across when made narrower than half its module (`narrowest`): two columns, a photo and not a portrait's thumbnail. */
const NARROW_SPAN = 2;

/** The pictures stacked at the widest span under `below` (NARROW_SPAN at least) where they keep within their share; undefined at none. */
function narrowest(geo: GridGeometry, page: PageSettings, links: PictureLink[], images: Map<string, ImageAsset>, below: number, budget: { cells: number; measure: number }): PictureShape[] | undefined {
  for (let s = below - 1; s >= NARROW_SPAN; s--) {
    const p = stack(geo, page, links, images, s, budget, false);
    if (p) return p;
  }
  return undefined;
}

/**
 * A body shorter than this (characters) under a picture is a picture story's (图片新闻): its text is the
 * picture's caption (field tests 33 and 34: 79 to 135 characters; a 279-character feature is no picture story).
 */
const PICTURE_STORY_CHARS = 200;

function isPictureStory(article: Article): boolean {
  return bodyChars(article) < PICTURE_STORY_CHARS;
}

/**
 * Whether a story's text fills `columns` beside its pictures stacked at their least depth, within the
 * hole limit (its lines estimated paragraph by paragraph, each indented two characters).
 */
function besideFilled(article: Article, geo: GridGeometry, columns: number, pictures: PictureShape[]): boolean {
  return columns <= 0 || textLines(article, geo) + HOLE_LIMIT >= columns * pictures.reduce((n, p) => n + p.min, 0);
}

/** A story's body lines in one column, estimated from its paragraphs’ lengths. */
function textLines(article: Article, geo: GridGeometry): number {
  const perLine = charsPerLine(geo);
  return plainText(article.body).split('\n').reduce((n, p) => n + (p ? Math.ceil(([...p].length + 2) / perLine) : 0), 0);
}

/** Body characters a column's line holds. */
function charsPerLine(geo: GridGeometry): number {
  return Math.max(1, Math.floor(geo.colWidth / Math.max(1, geo.bodySize)));
}

/**
 * Sizes a lead's headline may grow to across a wide module, while it still fits on one line: 对开 初号 42 pt
 * and 48 pt; a narrow page's (四开) 32 and 小初 36 pt (field day G 四开, short of copy: a 28 pt 通栏 headline
 * left the foot of the page blank).
 */
function leadGrowth(columns: number): number[] {
  return columns >= 7 ? [42, 48] : [32, 36];
}

/** A lead at least this share of the page's columns wide may take a bigger headline (a 通栏 or near-通栏 lead). */
const WIDE_LEAD = 0.75;

/**
 * The lead's headline sizes at a span: its own, and across a wide module bigger ones that keep the
 * headline on one line (a 通栏 headline at 36 pt leaves the width beside it blank; a 组版 sets it bigger when the page has room);
 * never for a lead of a brief's length (field test 15: 48 pt across the page over two lines of text).
 */
function leadSizes(article: Article, geo: GridGeometry, span: number, own: number[]): number[] {
  if (geo.columns < 4 || span < Math.ceil(geo.columns * WIDE_LEAD) || briefLength(article) || continuationSize(article) < Number.POSITIVE_INFINITY) return own;
  const chars = [...article.headline.replace(/\s+/g, '')].length;
  return [...own, ...leadGrowth(geo.columns).filter((size) => size > own[0] && chars * size * 1.1 <= spanWidth(geo, span))];
}

/** The shapes of a stand-alone photo (图片新闻): its picture with its caption, two columns wide up to half the page, as sharp print allows. */
export function photoShapes(geo: GridGeometry, page: PageSettings, link: PictureLink, asset: ImageAsset | undefined): ShapeSpec[] {
  const widest = Math.min(Math.max(2, Math.ceil(geo.columns / 2)), widestPrintable(geo, asset));
  const out: ShapeSpec[] = [];
  for (let span = Math.max(1, widest); span >= Math.min(2, widest); span--) {
    const frame = pictureFrame(geo, page, asset, span, link.caption);
    out.push({ span, headlineSize: 0, padRows: 0, pictures: [{ imageId: link.imageId, caption: link.caption, span, ...frame, deepest: frame.max }] });
  }
  return out;
}
