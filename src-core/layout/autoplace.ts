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

export function autoplace(source: BanmianDocument, env: LayoutEnv, input: AutoplaceInput = {}): AutoplaceResult {
  const geo = gridGeometry(source.page);
  const env2: LayoutEnv = { fonts: env.fonts, cache: env.cache ?? new CompositionCache(env.fonts) };
  const notes: AutoplaceNote[] = [];
  const header = { ...source.page.header };
  for (const key of ['editor', 'proofreader', 'layoutEditor'] as const) {
    const v = input.credits?.[key];
    if (v && v.trim()) header[key] = v.trim();
  }
  const doc: BanmianDocument = { ...source, page: { ...source.page, header }, blocks: [] };
  const assets = new Map(doc.images.map((i) => [i.id, i]));
  const links = (input.imageLinks ?? []).filter((l) => assets.has(l.imageId));
  const blocks: Block[] = [];
  const cols = geo.columns;
  const totalRows = geo.rows;
  let top = 0;

  /** Places an article (and its pictures) at col/span from `row`, sized to fit; undefined when it cannot fit below `row`. */
  const tryPlace = (article: Article, col: number, span: number, row: number, imageSpanOf: (span: number) => number): { blocks: Block[]; bottom: number } | undefined => {
    if (row >= totalRows) return undefined;
    const id = `b-${article.id}`;
    // The titles' height: a probe article with the same titles and a one-character body needs
    // exactly one line more than its titles (fitArticleRows only sees body text).
    const probe: Article = { ...article, body: docFromParagraphs(['一']), lead: '', byline: '', jumpFrom: '', jumpTo: '' };
    const probeFit = article.kicker.trim() || article.headline.trim() || article.deck.trim()
      ? fitArticleRows({ ...doc, articles: [probe], blocks: [{ id, kind: 'article', articleId: article.id, col, span, row, rows: 1 }] }, env2, id)
      : 1;
    if (probeFit === undefined) return undefined;
    const titleRows = probeFit - 1;
    const images: ImageBlock[] = [];
    let imageRow = row + titleRows;
    for (const link of links.filter((l) => l.articleId === article.id)) {
      const iSpan = imageSpanOf(span);
      const iRows = imageRowsFor(geo, doc, assets.get(link.imageId), iSpan, link.caption);
      if (imageRow + iRows > totalRows) return undefined;
      images.push({ id: `b-${link.imageId}`, kind: 'image', imageId: link.imageId, caption: link.caption, articleId: article.id, col: col + span - iSpan, span: iSpan, row: imageRow, rows: iRows });
      imageRow += iRows + 1;
    }
    const block: ArticleBlock = { id, kind: 'article', articleId: article.id, col, span, row, rows: totalRows - row };
    if (block.span > 1 && titleRows > 0 && span > 4) block.headlineSpan = span;
    const fit = fitArticleRows({ ...doc, blocks: [...images, block] }, env2, id);
    if (fit === undefined) return undefined;
    const needed = Math.max(fit, titleRows, images.length ? imageRow - row - 1 : 0);
    if (row + needed > totalRows) return undefined;
    block.rows = needed;
    return { blocks: [block, ...images], bottom: row + needed };
  };

  const articles = doc.articles;
  const banners = articles.filter((a) => !hasBody(a) && a.headline.trim());
  const empty = articles.filter((a) => !hasBody(a) && !a.headline.trim());
  for (const a of empty) notes.push({ severity: 'warning', articleId: a.id, zh: `稿件 ${a.id} 没有文字，未上版`, en: `Article ${a.id} has no text and was not placed` });
  const stories = articles.filter((a) => hasBody(a));

  for (const banner of banners) {
    const placed = tryPlace(banner, 0, cols, top, (s) => s);
    if (!placed) {
      notes.push({ severity: 'warning', articleId: banner.id, zh: `通栏标题“${banner.headline}”放不下`, en: `Banner “${banner.headline}” does not fit` });
      continue;
    }
    blocks.push(...placed.blocks);
    top = placed.bottom;
  }

  const [lead, ...rest] = stories;
  if (lead) {
    const placed = tryPlace(lead, 0, cols, top, (s) => (s > 4 ? Math.ceil(s / 2) : s));
    if (placed) {
      blocks.push(...placed.blocks);
      top = placed.bottom;
    } else {
      rest.unshift(lead);
      notes.push({ severity: 'info', articleId: lead.id, zh: '头条稿件通栏放不下，改为按栏排', en: 'The lead article does not fit across the page; placed in a column stack instead' });
    }
  }

  const stacks: Stack[] =
    cols >= 4 ? [{ col: 0, span: Math.ceil(cols / 2), row: top }, { col: Math.ceil(cols / 2), span: Math.floor(cols / 2), row: top }] : [{ col: 0, span: cols, row: top }];

  const placeInStacks = (article: Article): boolean => {
    const order = [...stacks].sort((a, b) => a.row - b.row || a.col - b.col);
    for (const s of order) {
      const placed = tryPlace(article, s.col, s.span, s.row, (span) => span);
      if (placed) {
        blocks.push(...placed.blocks);
        s.row = placed.bottom;
        return true;
      }
    }
    if (stacks.length > 1) {
      const row = Math.max(...stacks.map((s) => s.row));
      const placed = tryPlace(article, 0, cols, row, (span) => (span > 4 ? Math.ceil(span / 2) : span));
      if (placed) {
        blocks.push(...placed.blocks);
        for (const s of stacks) s.row = placed.bottom;
        return true;
      }
    }
    return false;
  };

  for (const article of rest) {
    if (placeInStacks(article)) continue;
    // It fits nowhere whole: give it the rest of the roomiest stack and report the overset.
    const s = [...stacks].sort((a, b) => a.row - b.row)[0];
    if (s.row < totalRows) {
      blocks.push({ id: `b-${article.id}`, kind: 'article', articleId: article.id, col: s.col, span: s.span, row: s.row, rows: totalRows - s.row });
      s.row = totalRows;
      notes.push({ severity: 'warning', articleId: article.id, zh: `稿件 ${article.headline || article.id} 放不下，剩余部分溢排`, en: `Article ${article.headline || article.id} does not fit; the rest is overset` });
    } else {
      notes.push({ severity: 'warning', articleId: article.id, zh: `版面已满，稿件 ${article.headline || article.id} 未上版`, en: `The page is full; article ${article.headline || article.id} was not placed` });
    }
  }

  // Pictures that belong to no placed article get a stack slot of their own.
  const placedImages = new Set(blocks.filter((b): b is ImageBlock => b.kind === 'image').map((b) => b.imageId));
  for (const asset of doc.images) {
    if (placedImages.has(asset.id)) continue;
    const link = links.find((l) => l.imageId === asset.id);
    const s = [...stacks].sort((a, b) => a.row - b.row)[0];
    const rows = imageRowsFor(geo, doc, asset, s.span, link?.caption ?? '');
    if (s.row + rows > totalRows) {
      notes.push({ severity: 'warning', imageId: asset.id, zh: `图片 ${asset.name} 放不下，未上版`, en: `Image ${asset.name} does not fit and was not placed` });
      continue;
    }
    blocks.push({ id: `b-${asset.id}`, kind: 'image', imageId: asset.id, caption: link?.caption ?? '', col: s.col, span: s.span, row: s.row, rows });
    s.row += rows + 1;
  }

  return { document: { ...doc, blocks }, notes };
}
