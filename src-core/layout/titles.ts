import type { Article, ArticleBlock, BanmianDocument, PageSettings, StyleName, TextStyle, TitleBand } from '../model/document';
import { rowY, type GridGeometry } from '../model/grid';
import { resolveStyle } from '../model/styles';
import { composeOptions, type LayoutContext } from './context';
import { imageItem } from './images';
import { emitLine, type Source } from './lines';
import { BLACK, type CmykColor, type LayoutItem, type Rect, type TextField, type TypoReport } from './page-layout';
import { tally } from './report';

/** The titles stage: kicker, headline and deck over an article's text, and 压题图. */

export interface TitleArea {
  x: number;
  y: number;
  width: number;
}

/** K-only white: no ink, the paper shows (titles knocked out of a picture). */
export const KNOCKOUT: CmykColor = { c: 0, m: 0, y: 0, k: 0 };

/** The face a 栏头 is drawn in, whatever the page's styles: 黑 bold (the page fetches and records it too: `facesUsed`). */
export const COLUMN_HEAD_FACE = { family: 'hei', bold: true } as const;

/** The 栏头's type: the kicker's size in bold 黑体 (the hei role: a face set on the role, `--font hei=FILE`, reaches it through the registry), knocked out of a black label. */
export function columnStyle(ctx: LayoutContext, article: Article): TextStyle {
  const kicker = resolveStyle(ctx.page, 'kicker', article.styleOverrides);
  return { ...kicker, ...COLUMN_HEAD_FACE, align: 'left', tracking: 0.1, lineHeight: kicker.size * 1.6 };
}

/**
 * 栏头: the article's column name (栏目, e.g. 一把手访谈) as a reversed label at the left of the title
 * area, over the kicker. Returns the height it takes with the white space under it (0: no column).
 */
function layoutColumnHead(ctx: LayoutContext, article: Article, area: TitleArea): number {
  const name = article.column?.trim();
  if (!name) return 0;
  const style = columnStyle(ctx, article);
  const pad = style.size * 0.5;
  const cp = ctx.cache.compose([{ text: name, style, tag: 0 }], composeOptions(ctx.page.typeset, Math.max(style.size, area.width - 2 * pad), style, 0, 'left'));
  ctx.out.noteMissing(cp, article.id);
  const line = cp.lines[0];
  if (!line) return 0;
  // The label is as wide as its text (tracking after the last character dropped), never wider than the area.
  const width = Math.min(area.width, line.naturalWidth - style.tracking * style.size + 2 * pad);
  ctx.out.items.push({ kind: 'box', x: area.x, y: area.y, width, height: style.lineHeight, fill: BLACK, strokeWidth: 0 });
  const first = ctx.out.items.length;
  emitLine(ctx, cp, 0, area.x + pad, area.y + (style.lineHeight - style.size) / 2, article.id, [{ field: 'column', paragraph: 0, base: 0 }]);
  for (let i = first; i < ctx.out.items.length; i++) {
    const item = ctx.out.items[i];
    if (item.kind === 'glyphs') item.color = KNOCKOUT;
  }
  return style.lineHeight + style.size * 0.6;
}

/** The titles an article has, in reading order, with their styles. */
export function titleParts(article: Article): [TextField, string, StyleName][] {
  const parts: [TextField, string, StyleName][] = [
    ['kicker', article.kicker, 'kicker'],
    ['headline', article.headline, 'headline'],
    ['deck', article.deck, 'deck'],
  ];
  return parts.filter(([, text]) => text.trim());
}

/** 栏头, kicker, headline and deck stacked from the top of `area`; returns the height they take (0: none). */
export function layoutTitles(ctx: LayoutContext, article: Article, area: TitleArea, report: TypoReport): number {
  const { page, cache, out } = ctx;
  const present = titleParts(article);
  const columnHeight = layoutColumnHead(ctx, article, area);
  if (present.length === 0) return columnHeight;
  const { x, width } = area;
  let y = area.y + columnHeight;
  // (white space a headline's leading carries, make-up's 标题留白: the kicker and deck close up to it, the space going above and below them)
  const open = headlineOpening(page, article);
  for (const [field, text, styleName] of present) {
    const style = resolveStyle(page, styleName, article.styleOverrides);
    const shift = field === 'kicker' ? open / 2 : field === 'deck' ? -open / 2 : 0;
    const sources: Source[] = [{ field, paragraph: 0, base: 0 }];
    let base = 0;
    for (const piece of titlePieces(ctx, text, style, width, field)) {
      base = text.indexOf(piece, base);
      sources[0] = { field, paragraph: 0, base };
      const cp = cache.compose([{ text: piece, style, tag: 0 }], composeOptions(page.typeset, width, style, 0, style.align === 'justify' ? 'center' : style.align));
      out.noteMissing(cp, article.id);
      for (let li = 0; li < cp.lines.length; li++) {
        const emTop = y + (style.lineHeight - style.size) / 2 + shift;
        emitLine(ctx, cp, li, x, emTop, article.id, sources);
        tally(report, cp, li, false, page.typeset.maxExpansion);
        y += style.lineHeight;
      }
      base += piece.length;
    }
  }
  return y - area.y;
}

/**
 * The leading an article's headline carries over its style's own at its size (pt; 0 with none): the white
 * space make-up opens up its title area with (标题留白), half of it above each headline line and half
 * below. A kicker over it or a deck under it would stand apart from it by that half.
 */
function headlineOpening(page: PageSettings, article: Article): number {
  const style = resolveStyle(page, 'headline', article.styleOverrides);
  const own = (page.styles.headline.lineHeight / page.styles.headline.size) * style.size;
  return Math.max(0, style.lineHeight - own);
}

/**
 * A headline of two halves ("真抓实干谋发展 奋勇争先谱新篇") that does not fit on one line is set as
 * two lines broken at the space, the way 两行题 are; anything else is composed as one paragraph.
 */
export function titlePieces(ctx: LayoutContext, text: string, style: TextStyle, width: number, field: TextField): string[] {
  const halves = text.trim().split(/ +/);
  if (field === 'kicker' || halves.length !== 2) return [text];
  const whole = ctx.cache.compose([{ text, style, tag: 0 }], composeOptions(ctx.page.typeset, width, style, 0, 'center'));
  return whole.lines.length > 1 ? halves : [text];
}

/** Grid lines from `row` down to half a line below `bottom`: where body text may resume. */
/** Moves the titles' glyphs laid out from index `from` on (kicker, headline, deck; a 栏头 stays at the module's top) `dy` pt down. */
export function moveDown(items: LayoutItem[], from: number, dy: number): void {
  if (dy <= 0) return;
  for (let i = from; i < items.length; i++) {
    const item = items[i];
    if (item.kind === 'glyphs' && item.source?.field !== 'column') items[i] = { ...item, y: item.y + dy };
  }
}

export function rowsTo(geo: GridGeometry, row: number, bottom: number): number {
  return Math.ceil((bottom - rowY(geo, row) + geo.pitch * 0.5) / geo.pitch);
}

/**
 * 压题图: the picture fills the title area (the headline span, from the top of the text area), the
 * titles sit on its lower part, half a line above its foot, in white (knocked out) or black.
 * Returns the grid lines the picture takes from the block's top.
 */
export function layoutTitleImage(ctx: LayoutContext, doc: BanmianDocument, block: ArticleBlock, article: Article, area: TitleArea, report: TypoReport): number {
  const { geo, out } = ctx;
  const title = block.titleImage!;
  const imageAt = out.items.length;
  const height = layoutTitles(ctx, article, area, report);
  const titleRows = height > 0 ? rowsTo(geo, block.row, area.y + height) : 0;
  // Deep enough for the titles, never deeper than the block.
  const rows = Math.min(Math.max(title.rows ?? titleRows + 3, titleRows + 1), Math.max(1, block.rows));
  const bottom = rowY(geo, block.row + rows - 1) + geo.bodySize;
  const shift = bottom - geo.pitch / 2 - (area.y + height);
  const color = title.text === 'white' ? KNOCKOUT : BLACK;
  for (let i = imageAt; i < out.items.length; i++) {
    const item = out.items[i];
    if (item.kind !== 'glyphs') continue;
    item.y += Math.max(0, shift);
    item.color = color;
  }
  const frame: Rect = { x: area.x, y: area.y, width: area.width, height: bottom - area.y };
  out.items.splice(imageAt, 0, imageItem(title.imageId, frame, doc.images.find((i) => i.id === title.imageId), title));
  return rows;
}

/**
 * 标题底纹 / 反白: a K band spanning the title area from the block's top to half a line above where the
 * body resumes, the titles inside it a body character from its edges, centred in its depth; 'white'
 * titles are knocked out of it. Returns the grid lines the band takes from the block's top (0: no titles).
 */
export function layoutTitleBand(ctx: LayoutContext, block: ArticleBlock, article: Article, area: TitleArea, report: TypoReport): number {
  const { geo, out } = ctx;
  const band = block.titleBand!;
  const pad = geo.bodySize;
  const at = out.items.length;
  const height = layoutTitles(ctx, article, { x: area.x + pad, y: area.y + pad, width: Math.max(0, area.width - 2 * pad) }, report);
  if (height <= 0) return 0;
  const rows = Math.min(rowsTo(geo, block.row, area.y + height + 2 * pad), Math.max(1, block.rows));
  const bottom = Math.min(rowY(geo, block.row + rows) - geo.pitch / 2, rowY(geo, block.row + block.rows - 1) + geo.bodySize);
  const shift = Math.max(0, (bottom - (area.y + height + 2 * pad)) / 2);
  paintBand(ctx, at, band, { x: area.x, y: area.y, width: area.width, height: bottom - area.y }, shift);
  return rows;
}

/** Puts the band under the title items written from `at` on, moving them down by `dy`; 'white' knocks them out. */
export function paintBand(ctx: LayoutContext, at: number, band: TitleBand, rect: Rect, dy: number): void {
  const items = ctx.out.items;
  for (let i = at; i < items.length; i++) {
    const item = items[i];
    if (item.kind !== 'glyphs') continue;
    item.y += dy;
    if (item.ys) item.ys = item.ys.map((y) => y + dy);
    if (band.text === 'white') item.color = KNOCKOUT;
  }
  const fill: CmykColor = { c: 0, m: 0, y: 0, k: band.tint / 100 };
  items.splice(at, 0, { kind: 'box', ...rect, fill, strokeWidth: 0 });
}
