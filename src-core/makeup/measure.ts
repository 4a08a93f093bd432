import { CompositionCache } from '../layout/cache';
import { layout, type LayoutEnv } from '../layout/layout';
import type { Article, ArticleBlock, BanmianDocument, GridRect, ImageAsset, ImageBlock, PageSettings } from '../model/document';
import { docFromParagraphs } from '../model/richtext';
import { gridGeometry, type GridGeometry } from '../model/grid';
import { headlineFaceAtLevel } from '../model/styles';
import { headlineSizes } from './shapes';

/**
 * A picture inside an article's module: at its right edge, under the titles (several stack one under
 * another); or a row of pictures (`row`) standing side by side as one frame.
 */
export interface PictureShape {
  imageId: string;
  caption: string;
  span: number;
  /**
   * 组图横排: the pictures of a row, left to right, each its columns (summing to `span`), as deep as the
   * frame; its `imageId` and `caption` are the first's.
   */
  row?: { imageId: string; caption: string; span: number }[];
  rows: number;
  /** The least and most depth cropping allows (the frame's depth is a fitting lever between them). */
  min: number;
  max: number;
  /** The most depth cropping allows whatever the story's share of the page (`max` keeps to that share): a page left with blank may take it. */
  deepest: number;
}

/** One way to set an article: its module's span, headline size, title padding and picture. */
export interface ShapeSpec {
  span: number;
  /**
   * Columns the titles span when wider than the body (an L-shaped module): the columns beside the
   * body end under the titles, so a neighbour's titles there sit lower and never 撞题.
   */
  titleSpan?: number;
  /**
   * A stepped module (阶梯形): the body's first lines in the columns under the titles' overhang too, this
   * many, so that what stands under the overhang starts under text, not right under the titles (叠题).
   */
  stepRows?: number;
  headlineSize: number;
  /** Extra grid lines of white space in the title area (the headline's line height grows). */
  padRows: number;
  pictures: PictureShape[];
  /** Body lines gained (+) or given back (−) by re-breaking paragraphs (拉行/缩行, the body style's `lineShift`). */
  lineShift?: number;
  /**
   * 竖排标题: the titles set vertically at the module's right, the body beside and under them (a story
   * whose horizontal headline would stand level with a neighbour's: 撞题). No band over the body: its
   * Measured titleRows are 0.
   */
  vertical?: boolean;
  /**
   * 图在题上: its picture, as wide as the module, at the module's top and the titles under it (a story
   * beside another's headline opening with its picture, so that the two headlines do not stand level: 撞题);
   * the number is the blank lines over the picture (one under another story's text, whose picture it
   * would otherwise read as; none at the top of the page).
   */
  picturesOver?: number;
  /**
   * Its pictures at the body's left edge, not its right (the text opening beside them, under the titles,
   * and going on under them): a picture that would stand beside a neighbour's, level with it (撞图).
   */
  picturesLeft?: boolean;
}

/** Grid lines over a shape's titles: its pictures' and the white over them when they stand over them (`picturesOver`), else none. */
export function overTitles(spec: ShapeSpec): number {
  return spec.picturesOver === undefined ? 0 : spec.picturesOver + pictureDepth(spec);
}

/** Grid lines a shape takes in the columns its titles overhang: the titles and the step under them. */
export function overhangDepth(spec: ShapeSpec, titleRows: number): number {
  return titleRows + (spec.stepRows ?? 0);
}

/** How many pictures a shape places (a row's each counted). */
export function pictureCount(spec: ShapeSpec): number {
  return spec.pictures.reduce((n, p) => n + (p.row?.length ?? 1), 0);
}

/** Grid lines a module's pictures take, stacked. */
export function pictureDepth(spec: ShapeSpec): number {
  return spec.pictures.reduce((n, p) => n + p.rows, 0);
}

/** Body lines a module's pictures displace: each picture's width over its depth, and one line under the stack. */
function pictureSlots(spec: ShapeSpec): number {
  return spec.pictures.reduce((n, p) => n + p.span * p.rows, 0) + (spec.pictures.length ? Math.max(...spec.pictures.map((p) => p.span)) : 0);
}

/**
 * What make-up keeps of a story's block when it makes the story up again: its box (底纹, 边框, 内空)
 * and its title treatment (反白/底纹 band, 压题图, 竖排), measured like everything else.
 */
export type BlockLook = Pick<ArticleBlock, 'tint' | 'frameWidth' | 'frameStyle' | 'inset' | 'titleBand' | 'titleImage' | 'titleDirection' | 'titleLatin'>;
const BOX_FIELDS = ['tint', 'frameWidth', 'frameStyle', 'inset'] as const;
const LOOK_FIELDS = [...BOX_FIELDS, 'titleBand', 'titleImage', 'titleDirection', 'titleLatin'] as const;

/** A block's look (only the fields it sets); with `boxOnly`, its box alone (for a probe without titles). */
export function lookOf(block: BlockLook, boxOnly = false): BlockLook {
  const out: Record<string, unknown> = {};
  for (const f of boxOnly ? BOX_FIELDS : LOOK_FIELDS) if (block[f] !== undefined) out[f] = block[f];
  return out as BlockLook;
}

/** Stand-alone photos (图片新闻) go through the search as items of their own, without text: each item's picture. */
const PHOTO_ITEMS = new WeakMap<Article, string>();

/** The search item of a stand-alone photo: no text, so only its picture is placed. */
export function photoItem(imageId: string): Article {
  const a: Article = { id: `\u0000photo:${imageId}`, kicker: '', headline: '', deck: '', byline: '', bylinePosition: 'top', lead: '', body: docFromParagraphs([]), jumpFrom: '', jumpTo: '' };
  PHOTO_ITEMS.set(a, imageId);
  return a;
}

/** The picture of a stand-alone photo's item (undefined for an article). */
export function photoOf(a: Article): string | undefined {
  return PHOTO_ITEMS.get(a);
}

export function isPhotoItem(a: Article): boolean {
  return PHOTO_ITEMS.has(a);
}

export interface Measured {
  rows: number;
  tracking: number;
  titleRows: number;
  /** Empty body lines at the module's foot (all in its last column). */
  emptyLines: number;
  /** 竖题: the lines its titles' column runs down from the top, at the module's right (no band over the body: titleRows 0). */
  uprightRows?: number;
  /** Lines of the title area's white space (its padding) with no type in them, over the titles' type and under it (see `titleWhite`). */
  whiteTop?: number;
  whiteFoot?: number;
}

/**
 * The title area's padding that holds no type: the headline's lines grow by an equal share of it, the
 * type set in the middle of each, so half a line's share lies over its first line and half under its
 * last; a kicker or a 栏头 over the headline (unpadded) keeps the top, a deck under it the foot. Whole
 * grid lines only: what 撞题 compares is the titles' type, not their white space.
 */
function titleWhite(article: Article, padRows: number, headlineLines: number): Pick<Measured, 'whiteTop' | 'whiteFoot'> {
  if (padRows <= 0 || headlineLines <= 0) return {};
  const half = Math.floor(padRows / (2 * headlineLines));
  const top = article.kicker.trim() || article.column?.trim() ? 0 : half;
  const foot = article.deck.trim() ? 0 : half;
  return top || foot ? { whiteTop: top, whiteFoot: foot } : {};
}

/**
 * Where a module's pictures stand on the grid, each part of a row its own: at the module's right edge
 * (its left with `picturesLeft`), one under another, under its titles; over them with `picturesOver`;
 * under a stepped module's titles a picture as wide as its body goes to the body's foot (the story opens
 * under its headline, not under the picture with the step beside the titles going on mid-story: field test 15).
 */
export function picturePlaces(spec: ShapeSpec, m: Measured, col: number, row: number): { part: { imageId: string; caption: string }; rect: GridRect }[] {
  const out: { part: { imageId: string; caption: string }; rect: GridRect }[] = [];
  const atFoot = !!spec.stepRows && spec.pictures.some((p) => p.span >= spec.span);
  let top = atFoot ? row + m.rows - pictureDepth(spec) : spec.picturesOver !== undefined ? row + spec.picturesOver : row + m.titleRows;
  for (const p of spec.pictures) {
    let left = spec.picturesLeft ? col : col + spec.span - p.span;
    for (const part of p.row ?? [p]) {
      out.push({ part, rect: { col: left, span: part.span, row: top, rows: p.rows } });
      left += part.span;
    }
    top += p.rows;
  }
  return out;
}

/**
 * Article heights measured with the real layout (the composer and the flow through slots), cached
 * per article × span × headline size × padding × picture, with one composition cache per article and
 * tracking so that the body, whose columns are one width whatever the span, is composed once.
 */
export class Measurer {
  readonly geo: GridGeometry;
  private readonly caches = new Map<string, CompositionCache>();
  private readonly bodyLinesMemo = new Map<string, number>();
  private readonly titleMemo = new Map<string, { rows: number; headlineLines: number }>();
  private readonly shapeMemo = new Map<string, Measured | null>();
  layouts = 0;

  constructor(
    readonly page: PageSettings,
    readonly env: Pick<LayoutEnv, 'fonts'>,
    readonly images: Map<string, ImageAsset>,
    readonly trackings: number[],
    /** Each story's look (by article id), kept on every block measured or built for it. */
    readonly looks: ReadonlyMap<string, BlockLook> = new Map(),
  ) {
    this.geo = gridGeometry(page);
    this.imageList = [...images.values()];
  }

  /** The page's images, as every probe's document lists them (made once, not per probe). */
  private readonly imageList: ImageAsset[];

  /**
   * A trial layout with the article's own composition cache, which keeps every paragraph any trial
   * composed (trials alternate between trackings and line shifts). Only the titles' probe needs the
   * glyph runs; the other trials ask for frames and overset alone (`measureOnly`).
   */
  private run(key: string, doc: BanmianDocument, glyphs = false): ReturnType<typeof layout> {
    let cache = this.caches.get(key);
    if (!cache) this.caches.set(key, (cache = new CompositionCache(this.env.fonts)));
    this.layouts++;
    return cache.hold(() => layout(doc, { fonts: this.env.fonts, cache, measureOnly: !glyphs }));
  }

  /** Whether the story's titles are set vertically (竖排): they take whole columns at its right, never a wider title area. */
  verticalTitles(articleId: string): boolean {
    const look = this.looks.get(articleId);
    // (under a 压题图 the layout sets the titles horizontally)
    return look?.titleDirection === 'vertical' && !look.titleImage;
  }

  private lookFor(articleId: string, boxOnly = false): BlockLook {
    const look = this.looks.get(articleId);
    return look ? lookOf(look, boxOnly) : {};
  }

  /** Forgets what was measured of an article's body (its text changed: 可删 paragraphs cut). */
  forgetBody(articleId: string): void {
    for (const key of [...this.bodyLinesMemo.keys()]) if (key.startsWith(`${articleId}|`)) this.bodyLinesMemo.delete(key);
  }

  /** Grid lines the article's body (lead, byline, paragraphs, subheads) takes in one column. */
  bodyLines(article: Article, tracking: number): number {
    const key = `${article.id}|${tracking}`;
    const memo = this.bodyLinesMemo.get(key);
    if (memo !== undefined) return memo;
    const probe: Article = styled({ ...article, kicker: '', headline: '', deck: '' }, this.page, undefined, tracking);
    let rows = Math.max(this.geo.rows, 64);
    let used = -1;
    // A tall enough page holds the whole body in one column (its composition does not depend on the page's height).
    for (let tries = 0; tries < 12 && used < 0; tries++, rows *= 2) {
      const page = { ...this.page, format: { ...this.page.format, height: this.page.format.height + rows * this.geo.pitch } };
      const block: ArticleBlock = { ...this.lookFor(article.id, true), id: 'probe', kind: 'article', articleId: article.id, col: 0, span: 1, row: 0, rows };
      const pl = this.run(`${article.id}|${tracking}|body`, { formatVersion: 1, page, articles: [probe], images: [], blocks: [block] });
      if (pl.overset.length === 0) used = rows - (pl.frames.find((f) => f.blockId === 'probe')?.emptyLines ?? 0);
    }
    const lines = used < 0 ? Number.POSITIVE_INFINITY : used;
    this.bodyLinesMemo.set(key, lines);
    return lines;
  }

  /**
   * Grid lines the titles take at a span and headline size (with padding), and the headline's line
   * count. Set vertically (`vertical`), the lines their longest column runs down from the top (the body
   * runs beside them: their module is at least that deep) and the headline's columns.
   */
  titles(article: Article, span: number, size: number, padRows: number, vertical = false): { rows: number; headlineLines: number } {
    const key = `${article.id}|${span}|${size}|${padRows}|${vertical ? 'v' : ''}`;
    const memo = this.titleMemo.get(key);
    if (memo) return memo;
    let out = { rows: 0, headlineLines: 0 };
    if (article.kicker.trim() || article.headline.trim() || article.deck.trim()) {
      const base = padRows > 0 ? this.titles(article, span, size, 0, vertical) : undefined;
      const probe = styled({ ...article, body: docFromParagraphs(['一']), lead: '', byline: '', jumpFrom: '', jumpTo: '' }, this.page, size, 0, rankFace(this.page, this.geo.columns, size));
      if (base && base.headlineLines > 0) probe.styleOverrides = headlineOverride(probe, this.page, this.geo.columns, size, (padRows * this.geo.pitch) / base.headlineLines);
      const rows = this.geo.rows;
      // (vertical titles probed in one column: the body's one line goes under them, so the lines above it are their depth)
      const look: BlockLook = vertical ? { ...this.lookFor(article.id), titleDirection: 'vertical' } : this.lookFor(article.id);
      const width = vertical ? 1 : span;
      const block: ArticleBlock = { ...look, id: 'probe', kind: 'article', articleId: article.id, col: 0, span: width, row: 0, rows, headlineSpan: width };
      const pl = this.run(`${article.id}|0|titles`, { formatVersion: 1, page: this.page, articles: [probe], images: this.imageList, blocks: [block] }, true);
      const empty = pl.frames.find((f) => f.blockId === 'probe')?.emptyLines ?? 0;
      const heads = new Set(pl.items.filter((i) => i.kind === 'glyphs' && i.source?.field === 'headline').map((i) => (i.kind === 'glyphs' ? (vertical ? Math.round(i.xs[0] ?? 0) : i.y) : 0)));
      out = { rows: pl.overset.length ? rows : rows - Math.round((empty + 1) / width), headlineLines: heads.size };
    }
    this.titleMemo.set(key, out);
    return out;
  }

  /** The titles of a shape (see `titles`): set vertically when the shape or the story's own look says so. */
  titlesOf(article: Article, spec: ShapeSpec, padRows = spec.padRows): { rows: number; headlineLines: number } {
    return this.titles(article, spec.titleSpan ?? spec.span, spec.headlineSize, padRows, this.vertical(article, spec));
  }

  /** Whether a shape's titles are set vertically (竖排): the shape's own choice, or the story's look. */
  vertical(article: Article, spec: ShapeSpec): boolean {
    return !!spec.vertical || this.verticalTitles(article.id);
  }

  /** The article as set in a shape (headline size, padding and tracking as style overrides). */
  variant(article: Article, spec: ShapeSpec, tracking: number): Article {
    const lines = this.titlesOf(article, spec, 0).headlineLines;
    const extra = spec.padRows > 0 && lines > 0 ? (spec.padRows * this.geo.pitch) / lines : 0;
    const a = styled(article, this.page, undefined, tracking);
    if (article.headline.trim()) a.styleOverrides = headlineOverride(a, this.page, this.geo.columns, spec.headlineSize, extra);
    if (spec.lineShift) a.styleOverrides = { ...a.styleOverrides, body: { ...a.styleOverrides?.body, lineShift: spec.lineShift } };
    return a;
  }

  /** The module's blocks for a shape at a place on the grid (a stand-alone photo's has no article block). */
  blocks(article: Article, spec: ShapeSpec, m: Measured, col: number, row: number): { article?: ArticleBlock; pictures: ImageBlock[] } {
    const pictures = picturePlaces(spec, m, col, row).map(({ part, rect }): ImageBlock => {
      const picture: ImageBlock = { id: `b-${part.imageId}`, kind: 'image', imageId: part.imageId, caption: part.caption, ...rect };
      if (!isPhotoItem(article)) picture.articleId = article.id;
      return picture;
    });
    if (isPhotoItem(article)) return { pictures };
    const span = Math.max(spec.span, spec.titleSpan ?? 0);
    const block: ArticleBlock = { ...this.lookFor(article.id), id: `b-${article.id}`, kind: 'article', articleId: article.id, col, span, row, rows: m.rows };
    if (spec.vertical) block.titleDirection = 'vertical';
    if (spec.picturesOver !== undefined) block.titleRow = overTitles(spec);
    if (span > 1) block.headlineSpan = span;
    if (span > spec.span) block.columnRows = Array.from({ length: span }, (_, c) => (c < spec.span ? m.rows : overhangDepth(spec, m.titleRows)));
    return { article: block, pictures };
  }

  /**
   * The fewest rows the shape needs with nothing overset, at `tracking` or (without it) at the
   * tracking that needs the fewest; null when the page is too short.
   */
  measure(article: Article, spec: ShapeSpec, tracking?: number): Measured | null {
    if (isPhotoItem(article)) return { rows: pictureDepth(spec), tracking: 0, titleRows: 0, emptyLines: 0 };
    const key = `${article.id}|${spec.span}/${spec.titleSpan ?? spec.span}|${spec.headlineSize}|${spec.padRows}|${spec.pictures.map((p) => `${p.row ? 'r' : ''}${p.span}x${p.rows}`).join(',')}|${tracking ?? ''}|${spec.lineShift ?? 0}|${spec.stepRows ?? 0}|${spec.vertical ? 'v' : ''}|${spec.picturesOver ?? ''}|${spec.picturesLeft ? 'L' : ''}`;
    const memo = this.shapeMemo.get(key);
    if (memo !== undefined) return memo;
    // (vertical titles take no band over the body: it runs beside them, in the lines their column leaves)
    const vertical = this.vertical(article, spec);
    const titleDepth = this.titlesOf(article, spec).rows;
    const titleRows = vertical ? 0 : titleDepth;
    const picSlots = pictureSlots(spec) + (vertical ? titleDepth : 0);
    // The fewest rows, and of those the tracking that leaves the fewest empty lines in the last column.
    let best: { rows: number; tracking: number; empty: number } | undefined;
    for (const t of tracking === undefined ? this.trackings : [tracking]) {
      const stepped = (spec.stepRows ?? 0) * ((spec.titleSpan ?? spec.span) - spec.span);
      const lines = Math.max(spec.span, this.bodyLines(article, t) + picSlots + (spec.lineShift ?? 0) - stepped);
      const rows = titleRows + Math.ceil(lines / spec.span);
      const empty = (rows - titleRows) * spec.span - lines;
      if (!best || rows < best.rows || (rows === best.rows && empty < best.empty)) best = { rows, tracking: t, empty };
    }
    const least = vertical ? titleDepth : titleRows + Math.max(1, pictureDepth(spec), spec.stepRows ?? 0);
    const verified = best && Number.isFinite(best.rows) ? this.verify(article, spec, titleRows, best.tracking, best.rows, least) : null;
    const white = vertical ? {} : titleWhite(article, spec.padRows, this.titlesOf(article, spec, 0).headlineLines);
    const result = verified && (vertical ? { ...verified, uprightRows: titleDepth } : { ...verified, ...white });
    this.shapeMemo.set(key, result);
    return result;
  }

  /** The fewest rows from `estimate`, at least `least` (the module holds its pictures whole, or its vertical titles' column), with nothing overset. */
  private verify(article: Article, spec: ShapeSpec, titleRows: number, tracking: number, estimate: number, least: number): Measured | null {
    const a = this.variant(article, spec, tracking);
    const max = this.geo.rows;
    const trial = (rows: number): number | null => {
      const m: Measured = { rows, tracking, titleRows, emptyLines: 0 };
      const { article: block, pictures } = this.blocks(a, spec, m, 0, 0);
      if (!block) return 0;
      const pl = this.run(`${article.id}|${tracking}`, { formatVersion: 1, page: this.page, articles: [a], images: this.imageList, blocks: [...pictures, block] });
      return pl.overset.length ? null : (pl.frames.find((f) => f.blockId === block.id)?.emptyLines ?? 0);
    };
    let rows = Math.max(least, Math.min(estimate, max));
    let empty = trial(rows);
    while (empty === null && rows < max) empty = trial(++rows);
    if (empty === null) return null;
    // One row less takes a line from every column, so a foot with fewer empty lines than the span
    // cannot lose one, and one with k spans of them about k: that many rows are tried at once. Pictures
    // beside the text move the column breaks, so with them every row is tried.
    const steps = (e: number): number => (spec.pictures.length ? 1 : Math.floor(e / spec.span));
    for (let by = steps(empty); by > 0 && rows - by >= least; ) {
      const down = trial(rows - by);
      if (down !== null) {
        rows -= by;
        empty = down;
        by = steps(down);
      } else by = by > 1 ? 1 : 0;
    }
    return { rows, tracking, titleRows, emptyLines: empty };
  }
}

/**
 * An article with its headline size and its text's tracking as local style overrides (others kept).
 * The fitting levers make-up pulls are its own: tracking is set from the page's style (`tracking` em
 * from it), the headline's leading is the style's at its size, and a 拉行/缩行 an earlier make-up left
 * is taken off (a `variant` sets the shape's), so a page made up again from its own output is fitted
 * afresh, not pulled further: locked and re-run, a story at +0.03 em went to +0.06, past the range, and
 * titles kept the white space of the last run on top of this one's.
 */
function styled(article: Article, page: PageSettings, headlineSize: number | undefined, tracking: number, face?: HeadlineFace): Article {
  const o = { ...(article.styleOverrides ?? {}) };
  // (its leading the page style's at that size: white space an earlier make-up gave the title area is the shape's to give again)
  if (headlineSize !== undefined) o.headline = { ...o.headline, ...face, size: headlineSize, lineHeight: headlineLeading(page, headlineSize) };
  for (const s of ['body', 'lead', 'subhead'] as const) {
    const { tracking: _was, lineShift: _shift, ...own } = o[s] ?? {};
    const set = tracking !== 0 ? { ...own, tracking: page.styles[s].tracking + tracking } : own;
    if (Object.keys(set).length) o[s] = set;
    else delete o[s];
  }
  return { ...article, styleOverrides: o };
}

/** The headline style's leading scaled to `size` (pt). */
function headlineLeading(page: PageSettings, size: number): number {
  return (page.styles.headline.lineHeight / page.styles.headline.size) * size;
}

function headlineOverride(a: Article, page: PageSettings, columns: number, size: number, extraLineHeight: number): Article['styleOverrides'] {
  const lineHeight = headlineLeading(page, size) + extraLineHeight;
  return { ...(a.styleOverrides ?? {}), headline: { ...a.styleOverrides?.headline, ...rankFace(page, columns, size), size, lineHeight } };
}

type HeadlineFace = ReturnType<typeof headlineFaceAtLevel>;

/**
 * The 主题's face at a headline size make-up gave: the 主题 style's for the lead and the next two, the
 * 短稿主题 style's (黑 by default) for the middle stories and briefs — make-up's, replacing a face an
 * earlier make-up gave, as the size does.
 */
function rankFace(page: PageSettings, columns: number, size: number): HeadlineFace {
  return headlineFaceAtLevel(page, headlineSizes(columns).filter((s) => s > size).length);
}
