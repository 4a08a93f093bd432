import type { Article, ArticleBlock, GridRect, TextStyle, VerticalLatin } from '../model/document';
import { resolveStyle } from '../model/styles';
import { drawnFace } from '../fonts/registry';
import type { ComposedParagraph } from '../typeset/compose';
import { composeOptions, type LayoutContext } from './context';
import type { TextColumns } from './frames';
import type { Source } from './lines';
import { BLACK, type GlyphRun, type Rect, type TypoReport } from './page-layout';
import { tally } from './report';
import { columnStyle, KNOCKOUT, paintBand, rowsTo, titleParts, titlePieces } from './titles';

/**
 * 竖排标题: kicker, headline and deck set vertically in columns at the block's right edge, read top to
 * bottom, right to left (kicker, then headline, then deck), as Chinese dailies set a feature's title;
 * the body flows in the block's other columns and under the titles.
 */

/**
 * Vertical forms of the punctuation titles use. They are the glyphs the bundled faces' `vert` GSUB
 * feature substitutes, named by the code points (Unicode's vertical presentation forms, U+FE10–FE19,
 * U+FE30–FE4F) those faces map to the same glyphs, so the composer, the screen and the PDF all handle
 * them as ordinary characters (tests/unit/vertical-titles.test.ts checks the glyphs against the font
 * bytes). Characters not here whose `vert` glyph has no code point (～) or that have none (—) are turned.
 */
export const VERTICAL_FORMS: Readonly<Record<string, string>> = {
  '，': '︐', '。': '︒', '、': '︑', '：': '︓', '；': '︔', '！': '︕', '？': '︖',
  '（': '︵', '）': '︶', '《': '︽', '》': '︾', '〈': '︿', '〉': '﹀', '【': '︻', '】': '︼',
  '〔': '︹', '〕': '︺', '〖': '︗', '〗': '︘', '「': '﹁', '」': '﹂', '『': '﹃', '』': '﹄',
  '“': '﹃', '”': '﹄', '‘': '﹁', '’': '﹂', '…': '︙',
};

/** ASCII's printable range and the offset of its full-width forms (U+FF01–FF5E). */
const ASCII_FIRST = 0x21;
const ASCII_LAST = 0x7e;
const FULL_WIDTH_OFFSET = 0xfee0;
/** Below the CJK blocks: letters, digits and Western punctuation, turned in vertical text. */
const CJK_FIRST = 0x2e80;
const FULL_WIDTH_TILDE = 0xff5e;

/** The text as vertical titles set it: vertical punctuation, and Latin in full-width forms when upright. */
export function verticalText(text: string, latin: VerticalLatin): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide = latin === 'upright' && c >= ASCII_FIRST && c <= ASCII_LAST ? String.fromCodePoint(c + FULL_WIDTH_OFFSET) : ch;
    out += VERTICAL_FORMS[wide] ?? wide;
  }
  return out;
}

/** Whether a character of vertical text is turned 90° clockwise rather than set upright. */
export function isTurned(c: number): boolean {
  return c < CJK_FIRST || c === FULL_WIDTH_TILDE;
}

interface VerticalLine {
  cp: ComposedParagraph;
  li: number;
  style: TextStyle;
  source: Source;
  /** The text composed (its vertical forms) is this one's, character for character. */
  original: string;
  /** The 栏头: knocked out of a black label as long as its text, set off from the titles after it. */
  label?: true;
}

/**
 * Sets the titles vertically at the right of the block and returns the grid rectangle they take (whole
 * columns, from the block's top to half a line below the longest title column), or undefined when the
 * article has no titles.
 */
export function layoutVerticalTitles(ctx: LayoutContext, block: ArticleBlock, article: Article, cols: TextColumns, report: TypoReport): GridRect | undefined {
  const { geo } = ctx;
  const pad = block.titleBand ? geo.bodySize : 0;
  const length = Math.max(geo.bodySize, cols.bottoms[block.span - 1] - cols.top - 2 * pad);
  const lines = verticalLines(ctx, article, length, block.titleLatin ?? 'rotated');
  if (lines.length === 0) return undefined;
  const total = lines.reduce((w, l) => w + l.style.lineHeight + (l.label ? l.style.size * 0.6 : 0), 0);
  const span = Math.min(block.span, Math.max(1, Math.ceil((total + 2 * pad + geo.gutter) / (cols.width + geo.gutter))));
  const left = cols.xs[block.span - span];
  const right = cols.xs[block.span - 1] + cols.width;
  const at = ctx.out.items.length;
  // The title columns centred in the columns they take, the first at the right.
  let x = right - (right - left - total) / 2;
  let longest = 0;
  for (const line of lines) {
    const { cp, li, style } = line;
    const inset = line.label ? style.size * 0.5 : 0;
    const first = ctx.out.items.length;
    emitVerticalLine(ctx, line, x - style.lineHeight / 2, cols.top + pad + inset, article.id);
    tally(report, cp, li, false, ctx.page.typeset.maxExpansion);
    const extent = cp.lines[li].naturalWidth - (line.label ? style.tracking * style.size : 0) + 2 * inset;
    if (line.label) knockOut(ctx, first, { x: x - style.lineHeight, y: cols.top + pad, width: style.lineHeight, height: extent });
    longest = Math.max(longest, extent);
    x -= style.lineHeight + (line.label ? style.size * 0.6 : 0);
  }
  const bottom = Math.min(cols.top + longest + 2 * pad, cols.bottoms[block.span - 1]);
  if (block.titleBand) paintBand(ctx, at, block.titleBand, { x: left, y: cols.top, width: right - left, height: bottom - cols.top }, 0);
  return { col: block.col + block.span - span, span, row: block.row, rows: Math.min(block.rows, rowsTo(geo, block.row, bottom)) };
}

/** Each title composed along a column `length` long: its vertical lines in reading order. */
function verticalLines(ctx: LayoutContext, article: Article, length: number, latin: VerticalLatin): VerticalLine[] {
  const lines: VerticalLine[] = [];
  const name = article.column?.trim();
  if (name) {
    const cp = ctx.cache.compose([{ text: verticalText(name, latin), style: columnStyle(ctx, article), tag: 0 }], composeOptions(ctx.page.typeset, length, columnStyle(ctx, article), 0, 'left'));
    ctx.out.noteMissing(cp, article.id);
    if (cp.lines.length > 0) lines.push({ cp, li: 0, style: columnStyle(ctx, article), source: { field: 'column', paragraph: 0, base: 0 }, original: name, label: true });
  }
  for (const [field, text, styleName] of titleParts(article)) {
    const style = resolveStyle(ctx.page, styleName, article.styleOverrides);
    let base = 0;
    for (const piece of titlePieces(ctx, text, style, length, field)) {
      base = text.indexOf(piece, base);
      const cp = ctx.cache.compose([{ text: verticalText(piece, latin), style, tag: 0 }], composeOptions(ctx.page.typeset, length, style, 0, 'left'));
      ctx.out.noteMissing(cp, article.id);
      const source: Source = { field, paragraph: 0, base };
      for (let li = 0; li < cp.lines.length; li++) lines.push({ cp, li, style, source, original: piece });
      base += piece.length;
    }
  }
  return lines;
}

/**
 * One composed line set downwards from `top`, centred on `center`: upright glyphs at their em box's
 * centre, turned runs with their em box's middle on the centre line (the baseline left of it).
 */
function emitVerticalLine(ctx: LayoutContext, v: VerticalLine, center: number, top: number, owner: string): void {
  const { cp, source: src } = v;
  const line = cp.lines[v.li];
  let i = line.start;
  while (i < line.end) {
    const face = cp.faces[i];
    const size = cp.sizes[i];
    const scale = cp.hScale[i];
    const turned = isTurned(cp.cps[i]);
    const run: GlyphRun = { kind: 'glyphs', ...drawnFace(face, size), size, color: BLACK, y: 0, text: '', xs: [], ys: [], hScale: scale, source: { owner, field: src.field, paragraph: src.paragraph, offsets: [] } };
    if (turned) run.turned = true;
    const actual: (number | undefined)[] = [];
    let j = i;
    for (; j < line.end && cp.faces[j] === face && cp.sizes[j] === size && cp.hScale[j] === scale && isTurned(cp.cps[j]) === turned; j++) {
      const c = cp.cps[j];
      if (c === 0x20 || c === 0x3000) continue;
      const at = top + cp.xs[j];
      const advance = face.advance(c);
      run.xs.push(turned ? center - (face.emBoxAscent - 0.5) * size : center - ((Number.isNaN(advance) ? 1 : advance) * size) / 2);
      run.ys!.push(turned ? at : at + face.emBoxAscent * size);
      run.text += String.fromCodePoint(c);
      const source = v.original.codePointAt(cp.offsets[j]) ?? c;
      actual.push(source !== c ? source : undefined);
      run.source!.offsets.push(src.base + cp.offsets[j]);
    }
    if (run.text) {
      run.y = run.ys![0];
      if (actual.some((a) => a !== undefined)) run.actual = actual;
      ctx.out.items.push(run);
    }
    i = j;
  }
}

/** A black label under the glyph items written from `first` on, the glyphs knocked out of it. */
function knockOut(ctx: LayoutContext, first: number, rect: Rect): void {
  const items = ctx.out.items;
  for (let i = first; i < items.length; i++) {
    const item = items[i];
    if (item.kind === 'glyphs') item.color = KNOCKOUT;
  }
  items.splice(first, 0, { kind: 'box', ...rect, fill: BLACK, strokeWidth: 0 });
}
