import type { Article, ArticleBlock, BanmianDocument, Block, ImageAsset, ImageBlock, PageHeader } from '../model/document';
import { gridGeometry, spanWidth, type GridGeometry } from '../model/grid';
import { docFromParagraphs, plainText } from '../model/richtext';
import { CompositionCache } from './cache';
import { fitArticleRows, type LayoutEnv } from './layout';

/**
 * A simple, predictable first placement of imported articles on an empty grid (a smarter
 * auto-layout comes later):
 * - headline-only articles (banners, 通栏) run across the whole page at the top;
 * - the lead article — the first article with body text, so the editor chooses it by the order of
 *   the inputs — spans every column below them, its picture in its right half under the headline;
 * - the other articles go, in order, into two column stacks (one on pages of fewer than four
 *   columns), each into the stack whose foot is highest, sized to their text with fitArticleRows so
 *   nothing is overset when it fits; an article too long for a stack tries the full width;
 * - a picture goes into its article's block under the headline, as wide as the article; pictures
 *   without an article go into a stack of their own;
 * - page credits (责任编辑, 校对, 组版) go into the header.
 * Whatever does not fit is reported, never dropped.
 */

export interface ImageLink {
  imageId: string;
  /** None: a stand-alone photo, which still has its caption. */
  articleId?: string;
  caption: string;
}

export interface AutoplaceInput {
  imageLinks?: ImageLink[];
  credits?: Partial<Pick<PageHeader, 'editor' | 'proofreader' | 'layoutEditor'>>;
}

export interface AutoplaceNote {
  severity: 'info' | 'warning';
  articleId?: string;
  imageId?: string;
  zh: string;
  en: string;
}

export interface AutoplaceResult {
  document: BanmianDocument;
  notes: AutoplaceNote[];
}

interface Stack {
  col: number;
  span: number;
  row: number;
}

/** Share of the page height a picture may take at most. */
const MAX_IMAGE_SHARE = 0.25;

function hasBody(a: Article): boolean {
  return plainText(a.body).trim().length > 0 || a.lead.trim().length > 0;
}

function imageRowsFor(geo: GridGeometry, doc: BanmianDocument, asset: ImageAsset | undefined, span: number, caption: string): number {
  const width = spanWidth(geo, span);
  const aspect = asset && asset.pixelWidth > 0 && asset.pixelHeight > 0 ? asset.pixelHeight / asset.pixelWidth : 2 / 3;
  const cap = doc.page.styles.caption;
  const captionLines = caption.trim() ? Math.ceil(([...caption].length * cap.size) / Math.max(1, width)) : 0;
  const height = width * aspect + captionLines * cap.lineHeight + (captionLines ? 3 : 0);
  const rows = Math.ceil((height - geo.bodySize) / geo.pitch) + 1;
  return Math.max(2, Math.min(rows, Math.floor(geo.rows * MAX_IMAGE_SHARE)));
}

/** What one autoplace run works with, and the blocks and notes it writes. */
interface Plan {
  doc: BanmianDocument;
  env: LayoutEnv;
  geo: GridGeometry;
  assets: Map<string, ImageAsset>;
  links: ImageLink[];
  blocks: Block[];
  notes: AutoplaceNote[];
  /** The first free row under what is placed across the page. */
  top: number;
}

type ImageSpan = (span: number) => number;
const fullWidth: ImageSpan = (span) => span;
const halfWhenWide: ImageSpan = (span) => (span > 4 ? Math.ceil(span / 2) : span);

export function autoplace(source: BanmianDocument, env: LayoutEnv, input: AutoplaceInput = {}): AutoplaceResult {
  const doc = withCredits(source, input.credits);
  const assets = new Map(doc.images.map((i) => [i.id, i]));
  const plan: Plan = {
    doc,
    env: { fonts: env.fonts, cache: env.cache ?? new CompositionCache(env.fonts) },
    geo: gridGeometry(source.page),
    assets,
    links: (input.imageLinks ?? []).filter((l) => assets.has(l.imageId)),
    blocks: [],
    notes: [],
    top: 0,
  };
  const articles = doc.articles;
  for (const a of articles.filter((a) => !hasBody(a) && !a.headline.trim())) plan.notes.push({ severity: 'warning', articleId: a.id, zh: `稿件 ${a.id} 没有文字，未上版`, en: `Article ${a.id} has no text and was not placed` });
  placeBanners(plan, articles.filter((a) => !hasBody(a) && a.headline.trim()));
  const rest = placeLead(plan, articles.filter((a) => hasBody(a)));
  const stacks = stacksUnder(plan);
  for (const article of rest) placeInStacks(plan, stacks, article);
  placeLoosePictures(plan, stacks);
  return { document: { ...doc, blocks: plan.blocks }, notes: plan.notes };
}

/** The page with the imported credits in its header. */
function withCredits(source: BanmianDocument, credits: AutoplaceInput['credits']): BanmianDocument {
  const header = { ...source.page.header };
  for (const key of ['editor', 'proofreader', 'layoutEditor'] as const) {
    const v = credits?.[key];
    if (v && v.trim()) header[key] = v.trim();
  }
  return { ...source, page: { ...source.page, header }, blocks: [] };
}

/**
 * The titles' height in rows: a probe article with the same titles and a one-character body needs
 * exactly one line more than its titles (fitArticleRows only sees body text). Undefined when even
 * the titles do not fit below `row`.
 */
function titleRows(plan: Plan, article: Article, id: string, col: number, span: number, row: number): number | undefined {
  if (!(article.kicker.trim() || article.headline.trim() || article.deck.trim())) return 0;
  const probe: Article = { ...article, body: docFromParagraphs(['一']), lead: '', byline: '', jumpFrom: '', jumpTo: '' };
  const fit = fitArticleRows({ ...plan.doc, articles: [probe], blocks: [{ id, kind: 'article', articleId: article.id, col, span, row, rows: 1 }] }, plan.env, id);
  return fit === undefined ? undefined : fit - 1;
}

/** The article's pictures stacked at the right of its span from `row`; undefined when they run off the page. */
function picturesOf(plan: Plan, article: Article, col: number, span: number, row: number, imageSpanOf: ImageSpan): ImageBlock[] | undefined {
  const images: ImageBlock[] = [];
  let imageRow = row;
  for (const link of plan.links.filter((l) => l.articleId === article.id)) {
    const iSpan = imageSpanOf(span);
    const iRows = imageRowsFor(plan.geo, plan.doc, plan.assets.get(link.imageId), iSpan, link.caption);
    if (imageRow + iRows > plan.geo.rows) return undefined;
    images.push({ id: `b-${link.imageId}`, kind: 'image', imageId: link.imageId, caption: link.caption, articleId: article.id, col: col + span - iSpan, span: iSpan, row: imageRow, rows: iRows });
    imageRow += iRows + 1;
  }
  return images;
}

/** Places an article (and its pictures) at col/span from `row`, sized to fit; undefined when it cannot fit below `row`. */
function tryPlace(plan: Plan, article: Article, col: number, span: number, row: number, imageSpanOf: ImageSpan): { blocks: Block[]; bottom: number } | undefined {
  const totalRows = plan.geo.rows;
  if (row >= totalRows) return undefined;
  const id = `b-${article.id}`;
  const titles = titleRows(plan, article, id, col, span, row);
  if (titles === undefined) return undefined;
  const images = picturesOf(plan, article, col, span, row + titles, imageSpanOf);
  if (!images) return undefined;
  const block: ArticleBlock = { id, kind: 'article', articleId: article.id, col, span, row, rows: totalRows - row };
  if (block.span > 1 && titles > 0 && span > 4) block.headlineSpan = span;
  const fit = fitArticleRows({ ...plan.doc, blocks: [...images, block] }, plan.env, id);
  if (fit === undefined) return undefined;
  const picturesFoot = images.length ? images[images.length - 1].row + images[images.length - 1].rows : 0;
  const needed = Math.max(fit, titles, images.length ? picturesFoot - row : 0);
  if (row + needed > totalRows) return undefined;
  block.rows = needed;
  return { blocks: [block, ...images], bottom: row + needed };
}

function placeBanners(plan: Plan, banners: Article[]): void {
  for (const banner of banners) {
    const placed = tryPlace(plan, banner, 0, plan.geo.columns, plan.top, fullWidth);
    if (!placed) {
      plan.notes.push({ severity: 'warning', articleId: banner.id, zh: `通栏标题“${banner.headline}”放不下`, en: `Banner “${banner.headline}” does not fit` });
      continue;
    }
    plan.blocks.push(...placed.blocks);
    plan.top = placed.bottom;
  }
}

/** Places the lead story across the page; returns the stories left for the stacks. */
function placeLead(plan: Plan, stories: Article[]): Article[] {
  const [lead, ...rest] = stories;
  if (!lead) return rest;
  const placed = tryPlace(plan, lead, 0, plan.geo.columns, plan.top, halfWhenWide);
  if (placed) {
    plan.blocks.push(...placed.blocks);
    plan.top = placed.bottom;
    return rest;
  }
  plan.notes.push({ severity: 'info', articleId: lead.id, zh: '头条稿件通栏放不下，改为按栏排', en: 'The lead article does not fit across the page; placed in a column stack instead' });
  return [lead, ...rest];
}

function stacksUnder(plan: Plan): Stack[] {
  const cols = plan.geo.columns;
  const top = plan.top;
  return cols >= 4 ? [{ col: 0, span: Math.ceil(cols / 2), row: top }, { col: Math.ceil(cols / 2), span: Math.floor(cols / 2), row: top }] : [{ col: 0, span: cols, row: top }];
}

const highestFoot = (stacks: Stack[]): Stack => [...stacks].sort((a, b) => a.row - b.row)[0];

/** Into the stack whose foot is highest, else across the page under both; else overset or reported. */
function placeInStacks(plan: Plan, stacks: Stack[], article: Article): void {
  const order = [...stacks].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const s of order) {
    const placed = tryPlace(plan, article, s.col, s.span, s.row, fullWidth);
    if (placed) {
      plan.blocks.push(...placed.blocks);
      s.row = placed.bottom;
      return;
    }
  }
  if (stacks.length > 1) {
    const placed = tryPlace(plan, article, 0, plan.geo.columns, Math.max(...stacks.map((s) => s.row)), halfWhenWide);
    if (placed) {
      plan.blocks.push(...placed.blocks);
      for (const s of stacks) s.row = placed.bottom;
      return;
    }
  }
  placeOverset(plan, highestFoot(stacks), article);
}

/** It fits nowhere whole: give it the rest of the roomiest stack and report the overset. */
function placeOverset(plan: Plan, s: Stack, article: Article): void {
  const totalRows = plan.geo.rows;
  const name = article.headline || article.id;
  if (s.row < totalRows) {
    plan.blocks.push({ id: `b-${article.id}`, kind: 'article', articleId: article.id, col: s.col, span: s.span, row: s.row, rows: totalRows - s.row });
    s.row = totalRows;
    plan.notes.push({ severity: 'warning', articleId: article.id, zh: `稿件 ${name} 放不下，剩余部分溢排`, en: `Article ${name} does not fit; the rest is overset` });
  } else {
    plan.notes.push({ severity: 'warning', articleId: article.id, zh: `版面已满，稿件 ${name} 未上版`, en: `The page is full; article ${name} was not placed` });
  }
}

/** Pictures that belong to no placed article get a stack slot of their own. */
function placeLoosePictures(plan: Plan, stacks: Stack[]): void {
  const placedImages = new Set(plan.blocks.filter((b): b is ImageBlock => b.kind === 'image').map((b) => b.imageId));
  for (const asset of plan.doc.images) {
    if (placedImages.has(asset.id)) continue;
    const caption = plan.links.find((l) => l.imageId === asset.id)?.caption ?? '';
    const s = highestFoot(stacks);
    const rows = imageRowsFor(plan.geo, plan.doc, asset, s.span, caption);
    if (s.row + rows > plan.geo.rows) {
      plan.notes.push({ severity: 'warning', imageId: asset.id, zh: `图片 ${asset.name} 放不下，未上版`, en: `Image ${asset.name} does not fit and was not placed` });
      continue;
    }
    plan.blocks.push({ id: `b-${asset.id}`, kind: 'image', imageId: asset.id, caption, col: s.col, span: s.span, row: s.row, rows });
    s.row += rows + 1;
  }
}
