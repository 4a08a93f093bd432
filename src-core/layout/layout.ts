import type { FontRegistry } from '../fonts/registry';
import type { Article, ArticleBlock, BanmianDocument, BlockBox, GridRect, ImageAsset, ImageBlock, ImageCrop, PageSettings, StyleName, TextStyle } from '../model/document';
import { defaultPage } from '../model/defaults';
import { columnDepths, columnX, gridGeometry, rectOf, rowY, spanWidth, type GridGeometry } from '../model/grid';
import { printableParagraphs, proofParagraphs } from '../model/richtext';
import { resolveStyle } from '../model/styles';
import { isHan } from '../typeset/chars';
import { isProhibitedLineStart } from '../typeset/kinsoku';
import { KinsokuResolution, type ComposeOptions, type ComposedParagraph, type StyledRun } from '../typeset/compose';
import { CompositionCache } from './cache';
import { picturePlacement } from './image-crop';
import { ruleReach } from './rule-art';
import {
  BLACK,
  type CmykColor,
  type ProofAnchor,
  type BlockFrame,
  type GlyphRun,
  type LayoutItem,
  type MissingGlyphReport,
  type Overset,
  type PageLayout,
  type Rect,
  type TextField,
  type TypoReport,
} from './page-layout';

/** What layout needs from the outside world: fonts, and optionally a cache kept between layouts. */
export interface LayoutEnv {
  fonts: FontRegistry;
  cache?: CompositionCache;
  /**
   * Proof view (校样): pending insertions are set too, deletions struck through in red, insertions
   * underlined in their round's colour, commented text underlined; anchors for margin notes are
   * returned. `roundOf` gives a suggestion's round (0 = 一校) for its colour. Absent: the print view.
   */
  proof?: { roundOf(suggestionId: string): number };
}

/** Pen colours of successive proof rounds, as GB/T 14706 proofreaders use them: red, blue, green. */
export const ROUND_COLORS: CmykColor[] = [
  { c: 0, m: 1, y: 1, k: 0 },
  { c: 1, m: 0.6, y: 0, k: 0 },
  { c: 0.8, m: 0, y: 1, k: 0.1 },
];
const DELETION_COLOR: CmykColor = { c: 0, m: 1, y: 1, k: 0 };
const COMMENT_COLOR: CmykColor = { c: 0, m: 0.3, y: 1, k: 0 };

interface Source {
  field: TextField;
  paragraph: number;
  base: number;
  suggestion?: { kind: 'insertion' | 'deletion'; id: string };
  threads?: string[];
}

interface Slot {
  x: number;
  y: number;
  row: number;
}

export function emptyReport(): TypoReport {
  return {
    lines: 0,
    justifiedLines: 0,
    kinsokuSqueeze: 0,
    kinsokuPush: 0,
    compressions: 0,
    loneCharacters: 0,
    tightenedLines: 0,
    looseLines: 0,
    worstExpansion: 0,
    offGridLines: 0,
    emergencyBreaks: 0,
    prohibitedLineStarts: 0,
  };
}

function addReport(into: TypoReport, r: TypoReport): void {
  for (const key of Object.keys(into) as (keyof TypoReport)[]) {
    if (key === 'worstExpansion') into.worstExpansion = Math.max(into.worstExpansion, r.worstExpansion);
    else into[key] += r[key];
  }
}

class PageBuilder {
  readonly items: LayoutItem[] = [];
  readonly anchors: ProofAnchor[] = [];
  readonly missing = new Map<string, MissingGlyphReport>();
  readonly cache: CompositionCache;

  constructor(
    readonly page: PageSettings,
    readonly geo: GridGeometry,
    readonly env: LayoutEnv,
  ) {
    this.cache = env.cache && env.cache.registry === env.fonts ? env.cache : new CompositionCache(env.fonts);
  }

  options(width: number, style: TextStyle, indent: number, align = style.align): ComposeOptions {
    const t = this.page.typeset;
    return {
      width,
      indent,
      align,
      hanLatinSpace: t.hanLatinSpace,
      maxExpansion: t.maxExpansion,
      compressLineStartOpening: t.compressLineStartOpening,
      compressLineEndClosing: t.compressLineEndClosing,
      tracking: style.tracking,
      avoidLoneCharacter: true,
    };
  }

  /** Emits one composed line as glyph runs (split where face, size or scale changes). */
  emitLine(cp: ComposedParagraph, li: number, x: number, emTop: number, owner: string, sources: Source[]): void {
    const line = cp.lines[li];
    let i = line.start;
    const end = line.end;
    while (i < end) {
      const face = cp.faces[i];
      const size = cp.sizes[i];
      const scale = cp.hScale[i];
      const tag = cp.tags[i];
      let text = '';
      const xs: number[] = [];
      const offsets: number[] = [];
      const src = sources[tag];
      let j = i;
      for (; j < end && cp.faces[j] === face && cp.sizes[j] === size && cp.hScale[j] === scale && cp.tags[j] === tag; j++) {
        const c = cp.cps[j];
        if (c === 0x20 || c === 0x3000) continue;
        text += String.fromCodePoint(c);
        xs.push(x + cp.xs[j]);
        offsets.push(src.base + cp.offsets[j]);
      }
      if (text) {
        const proofRound = src.suggestion?.kind === 'insertion' ? (this.env.proof?.roundOf(src.suggestion.id) ?? 0) : -1;
        const run: GlyphRun = {
          kind: 'glyphs',
          face: face.id,
          size,
          color: proofRound >= 0 ? ROUND_COLORS[proofRound % ROUND_COLORS.length] : BLACK,
          y: emTop + face.emBoxAscent * size,
          text,
          xs,
          hScale: scale,
          source: { owner, field: src.field, paragraph: src.paragraph, offsets },
        };
        this.items.push(run);
        if (src.suggestion || src.threads) this.decorate(run, face, src, owner);
      }
      i = j;
    }
  }

  /** Proof view: strike-through, underline and a margin-note anchor for marked text. */
  private decorate(run: GlyphRun, face: ComposedParagraph['faces'][number], src: Source, owner: string): void {
    const lastCp = run.text.codePointAt(run.text.length - 1 - (run.text.length > 1 && run.text.charCodeAt(run.text.length - 1) >= 0xdc00 && run.text.charCodeAt(run.text.length - 1) <= 0xdfff ? 1 : 0))!;
    const advance = face.advance(lastCp);
    const x1 = run.xs[0];
    const x2 = run.xs[run.xs.length - 1] + (Number.isNaN(advance) ? 1 : advance) * run.size * run.hScale;
    const line = (y: number, color: CmykColor, width: number): void => {
      this.items.push({ kind: 'rule', x1, y1: y, x2, y2: y, width, color });
    };
    const anchor = (kind: ProofAnchor['kind'], id: string): void => {
      if (!this.anchors.some((a) => a.kind === kind && a.id === id)) this.anchors.push({ kind, id, owner, x: x1, y: run.y, text: run.text });
      else {
        const a = this.anchors.find((x) => x.kind === kind && x.id === id)!;
        a.text += run.text;
      }
    };
    if (src.suggestion?.kind === 'deletion') {
      line(run.y - run.size * 0.33, DELETION_COLOR, Math.max(0.6, run.size * 0.07));
      anchor('deletion', src.suggestion.id);
    } else if (src.suggestion?.kind === 'insertion') {
      line(run.y + run.size * 0.14, run.color, Math.max(0.5, run.size * 0.06));
      anchor('insertion', src.suggestion.id);
    }
    for (const thread of src.threads ?? []) {
      line(run.y + run.size * 0.24, COMMENT_COLOR, Math.max(0.5, run.size * 0.05));
      anchor('comment', thread);
    }
  }

  /** While an article block is being laid out, what it noted, so a later layout can replay it. */
  recordedMissing: { char: string; face: string; owner: string }[] | undefined;

  noteMissing(cp: ComposedParagraph, owner: string): void {
    for (const m of cp.missing) this.noteMissingChar(String.fromCodePoint(m.cp), m.face, owner);
  }

  noteMissingChar(char: string, face: string, owner: string): void {
    this.recordedMissing?.push({ char, face, owner });
    const key = `${owner}\u0000${face}\u0000${char}`;
    const hit = this.missing.get(key);
    if (hit) hit.count++;
    else this.missing.set(key, { char, face, owner, count: 1 });
  }
}

function tally(report: TypoReport, cp: ComposedParagraph, li: number, justified: boolean, maxExpansion: number): void {
  const line = cp.lines[li];
  report.lines++;
  if (justified && !line.last) {
    report.justifiedLines++;
    if (line.expansion > maxExpansion + 1e-6) report.looseLines++;
    report.worstExpansion = Math.max(report.worstExpansion, line.expansion);
  }
  if (line.kinsoku === KinsokuResolution.Squeeze) report.kinsokuSqueeze++;
  else if (line.kinsoku === KinsokuResolution.Push) report.kinsokuPush++;
  report.compressions += line.compressions;
  if (line.tightening > 0) report.tightenedLines++;
  if (line.emergency) report.emergencyBreaks++;
  if (line.start > 0 && isProhibitedLineStart(cp.cps[line.start])) report.prohibitedLineStarts++;
}

function isLoneLast(cp: ComposedParagraph): boolean {
  const last = cp.lines[cp.lines.length - 1];
  if (!last || cp.lines.length < 2) return false;
  let han = 0;
  for (let i = last.start; i < last.end; i++) {
    const c = cp.cps[i];
    if (isHan(c)) han++;
    else if (!isPunctuationOrSpace(c)) return false;
  }
  return han === 1;
}

function isPunctuationOrSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) || (c >= 0x2010 && c <= 0x2027);
}

interface Flowable {
  runs: StyledRun[];
  style: TextStyle;
  indent: number;
  align?: TextStyle['align'];
  /** Keep with the next flowable: a subhead is never left alone at a column foot. */
  keepWithNext: boolean;
  /** Keep with the previous flowable: a closing byline never starts a column on its own. */
  keepWithPrevious?: boolean;
}

/** The paragraphs of an article's body flow, in reading order, each with its styled runs. */
function flowables(page: PageSettings, article: Article, sources: Source[], proofView: boolean): Flowable[] {
  const out: Flowable[] = [];
  const tagFor = (field: TextField, paragraph: number, base: number): number => {
    sources.push({ field, paragraph, base });
    return sources.length - 1;
  };
  const single = (field: TextField, text: string, styleName: StyleName, align?: TextStyle['align']): void => {
    if (!text.trim()) return;
    const style = resolveStyle(page, styleName, article.styleOverrides);
    out.push({ runs: [{ text, style, tag: tagFor(field, 0, 0) }], style, indent: 0, align, keepWithNext: field !== 'byline' });
  };
  single('jumpFrom', article.jumpFrom, 'jump');
  if (article.bylinePosition === 'top') single('byline', article.byline, 'byline');
  const paragraphs = proofView ? proofParagraphs(article.body) : printableParagraphs(article.body);
  let leadPlaced = !article.lead.trim();
  paragraphs.forEach((para, index) => {
    const heading = para.kind === 'heading';
    const style = resolveStyle(page, heading ? 'subhead' : 'body', article.styleOverrides);
    const runs: StyledRun[] = [];
    if (!leadPlaced && !heading) {
      const leadStyle = resolveStyle(page, 'lead', article.styleOverrides);
      runs.push({ text: article.lead, style: leadStyle, tag: tagFor('lead', 0, 0) });
      leadPlaced = true;
    }
    let base = 0;
    for (const span of para.spans) {
      const spanStyle = span.bold && !style.bold ? { ...style, bold: true } : style;
      if (span.text) {
        const tag = tagFor('body', index, base);
        if (span.suggestion) sources[tag].suggestion = span.suggestion;
        if (span.threads) sources[tag].threads = span.threads;
        runs.push({ text: span.text, style: spanStyle, tag });
      }
      base += span.text.length;
    }
    if (runs.length === 0) return;
    out.push({ runs, style, indent: heading ? 0 : page.typeset.indent, keepWithNext: heading });
  });
  if (!leadPlaced) single('lead', article.lead, 'lead');
  if (article.bylinePosition === 'end') {
    single('byline', article.byline, 'byline', 'right');
    if (article.byline.trim()) out[out.length - 1].keepWithPrevious = true;
  }
  single('jumpTo', article.jumpTo, 'jump', 'right');
  return out;
}

function overlaps(a: GridRect, b: GridRect): boolean {
  return a.col < b.col + b.span && b.col < a.col + a.span && a.row < b.row + b.rows && b.row < a.row + a.rows;
}

/** Kicker, headline and deck stacked from the top of `area`; returns the height they take (0: none). */
function layoutTitles(pb: PageBuilder, article: Article, area: { x: number; y: number; width: number }, report: TypoReport): number {
  const { page } = pb;
  const parts: [TextField, string, StyleName][] = [
    ['kicker', article.kicker, 'kicker'],
    ['headline', article.headline, 'headline'],
    ['deck', article.deck, 'deck'],
  ];
  const present = parts.filter(([, text]) => text.trim());
  if (present.length === 0) return 0;
  const { x, width } = area;
  let y = area.y;
  for (const [field, text, styleName] of present) {
    const style = resolveStyle(page, styleName, article.styleOverrides);
    const sources: Source[] = [{ field, paragraph: 0, base: 0 }];
    const pieces = titlePieces(pb, text, style, width, field);
    let base = 0;
    for (const piece of pieces) {
      base = text.indexOf(piece, base);
      sources[0] = { field, paragraph: 0, base };
      const cp = pb.cache.compose([{ text: piece, style, tag: 0 }], pb.options(width, style, 0, style.align === 'justify' ? 'center' : style.align));
      pb.noteMissing(cp, article.id);
      for (let li = 0; li < cp.lines.length; li++) {
        const emTop = y + (style.lineHeight - style.size) / 2;
        pb.emitLine(cp, li, x, emTop, article.id, sources);
        tally(report, cp, li, false, page.typeset.maxExpansion);
        y += style.lineHeight;
      }
      base += piece.length;
    }
  }
  return y - area.y;
}

/** Grid lines from `row` down to half a line below `bottom`: where body text may resume. */
function rowsTo(geo: GridGeometry, row: number, bottom: number): number {
  return Math.ceil((bottom - rowY(geo, row) + geo.pitch * 0.5) / geo.pitch);
}

/** K-only white: no ink, the paper shows (titles knocked out of a picture). */
const KNOCKOUT: CmykColor = { c: 0, m: 0, y: 0, k: 0 };

/**
 * Text columns of an article block: the grid's columns, or, inside a box with an inset, the box's
 * inner width shared equally by the block's columns with the page's gutter (as 飞腾 re-divides a
 * framed article); and per column the lowest point text may reach.
 */
interface TextColumns {
  xs: number[];
  width: number;
  top: number;
  bottoms: number[];
}

/** The box's inset: as set, else half a body character when the block has a tint or a frame. */
export function boxInset(block: Pick<ArticleBlock, 'inset' | 'tint' | 'frameWidth'>, bodySize: number): number {
  if (block.inset !== undefined) return block.inset;
  return (block.tint ?? 0) > 0 || (block.frameWidth ?? 0) > 0 ? bodySize / 2 : 0;
}

function textColumns(geo: GridGeometry, block: ArticleBlock, frame: Rect, inset: number): TextColumns {
  const depths = columnDepths(block);
  const bottoms = depths.map((d) => (d > 0 ? rowY(geo, block.row + d - 1) + geo.bodySize - inset : -Infinity));
  if (inset <= 0) {
    return { xs: depths.map((_, c) => columnX(geo, block.col + c)), width: geo.colWidth, top: frame.y, bottoms };
  }
  const width = Math.max(0, (frame.width - 2 * inset - (block.span - 1) * geo.gutter) / block.span);
  return { xs: depths.map((_, c) => frame.x + inset + c * (width + geo.gutter)), width, top: frame.y + inset, bottoms };
}

/** A box's tint as a K fill, its frame's weight (0: none) and its style (absent: solid). */
function boxPaint(box: BlockBox): { fill?: CmykColor; stroke: number; style?: Exclude<BlockBox['frameStyle'], 'solid'> } {
  const tint = box.tint ?? 0;
  const style = box.frameStyle && box.frameStyle !== 'solid' ? box.frameStyle : undefined;
  return { fill: tint > 0 ? { c: 0, m: 0, y: 0, k: tint / 100 } : undefined, stroke: Math.max(0, box.frameWidth ?? 0), ...(style ? { style } : {}) };
}

/**
 * 底纹 and 边框 of an article block (drawn under its text) or of a free box. A stepped block gets one
 * tint rectangle per run of equally deep columns (meeting in the middle of the gutter) and its
 * outline as rules.
 */
function blockBox(pb: PageBuilder, block: GridRect & BlockBox & Pick<ArticleBlock, 'columnRows'>, frame: Rect): void {
  const { fill, stroke, style } = boxPaint(block);
  if (!fill && stroke <= 0) return;
  const { geo } = pb;
  const depths = columnDepths(block);
  if (depths.every((d) => d === block.rows)) {
    pb.items.push({ kind: 'box', ...frame, fill, stroke: stroke > 0 ? BLACK : undefined, strokeWidth: stroke, ...(style ? { strokeStyle: style } : {}) });
    return;
  }
  // Runs of equal depth, left to right, with their left and right x and their bottom.
  const runs: { left: number; right: number; bottom: number }[] = [];
  for (let c = 0; c < block.span; c++) {
    const bottom = depths[c] > 0 ? rowY(geo, block.row + depths[c] - 1) + geo.bodySize : frame.y;
    const edge = c === 0 ? frame.x : columnX(geo, block.col + c) - geo.gutter / 2;
    const last = runs[runs.length - 1];
    if (last && last.bottom === bottom) continue;
    if (last) last.right = edge;
    runs.push({ left: edge, right: frame.x + frame.width, bottom });
  }
  if (fill) for (const r of runs) if (r.bottom > frame.y) pb.items.push({ kind: 'box', x: r.left, y: frame.y, width: r.right - r.left, height: r.bottom - frame.y, fill, strokeWidth: 0 });
  if (stroke <= 0) return;
  // The outline clockwise: top, right side, the steps from right to left, left side.
  const points: [number, number][] = [
    [frame.x, frame.y],
    [frame.x + frame.width, frame.y],
  ];
  for (let i = runs.length - 1; i >= 0; i--) {
    points.push([runs[i].right, runs[i].bottom], [runs[i].left, runs[i].bottom]);
  }
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i];
    const [x2, y2] = points[(i + 1) % points.length];
    if (x1 !== x2 || y1 !== y2) pb.items.push({ kind: 'rule', x1, y1, x2, y2, width: stroke, color: BLACK, ...(style ? { style } : {}) });
  }
}

/**
 * 压题图: the picture fills the title area (the headline span, from the top of the text area), the
 * titles sit on its lower part, half a line above its foot, in white (knocked out) or black.
 * Returns the grid lines the picture takes from the block's top.
 */
function layoutTitleImage(pb: PageBuilder, doc: BanmianDocument, block: ArticleBlock, article: Article, area: { x: number; y: number; width: number }, report: TypoReport): number {
  const { geo } = pb;
  const title = block.titleImage!;
  const imageAt = pb.items.length;
  const height = layoutTitles(pb, article, area, report);
  const titleRows = height > 0 ? rowsTo(geo, block.row, area.y + height) : 0;
  // Deep enough for the titles, never deeper than the block.
  const rows = Math.min(Math.max(title.rows ?? titleRows + 3, titleRows + 1), Math.max(1, block.rows));
  const bottom = rowY(geo, block.row + rows - 1) + geo.bodySize;
  const shift = bottom - geo.pitch / 2 - (area.y + height);
  const color = title.text === 'white' ? KNOCKOUT : BLACK;
  for (let i = imageAt; i < pb.items.length; i++) {
    const item = pb.items[i];
    if (item.kind !== 'glyphs') continue;
    item.y += Math.max(0, shift);
    item.color = color;
  }
  const frame: Rect = { x: area.x, y: area.y, width: area.width, height: bottom - area.y };
  pb.items.splice(imageAt, 0, imageItem(title.imageId, frame, doc.images.find((i) => i.id === title.imageId), title));
  return rows;
}

/** A picture in its frame, placed by its crop when its pixel size is known. */
function imageItem(imageId: string, frame: Rect, asset: ImageAsset | undefined, crop: ImageCrop): LayoutItem {
  const known = asset && asset.pixelWidth > 0 && asset.pixelHeight > 0 && frame.width > 0 && frame.height > 0;
  return { kind: 'image', imageId, ...frame, ...(known ? { picture: picturePlacement(frame, asset.pixelWidth, asset.pixelHeight, crop) } : {}) };
}

/**
 * A headline of two halves ("真抓实干谋发展 奋勇争先谱新篇") that does not fit on one line is set as
 * two lines broken at the space, the way 两行题 are; anything else is composed as one paragraph.
 */
function titlePieces(pb: PageBuilder, text: string, style: TextStyle, width: number, field: TextField): string[] {
  const halves = text.trim().split(/ +/);
  if (field === 'kicker' || halves.length !== 2) return [text];
  const whole = pb.cache.compose([{ text, style, tag: 0 }], pb.options(width, style, 0, 'center'));
  return whole.lines.length > 1 ? halves : [text];
}

function imageExclusions(doc: BanmianDocument, block: ArticleBlock): GridRect[] {
  const out: GridRect[] = [];
  for (const b of doc.blocks) {
    if (b.kind !== 'image' || b.span <= 0 || b.rows <= 0) continue;
    if (!overlaps(b, block)) continue;
    // One empty line between the picture (with its caption) and the text above and below it.
    const above = b.row > block.row ? 1 : 0;
    const below = b.row + b.rows < block.row + block.rows ? 1 : 0;
    out.push({ col: b.col, span: b.span, row: b.row - above, rows: b.rows + above + below });
  }
  return out;
}

/**
 * An article block laid out again only when something it depends on changed: the article (the
 * store keeps unchanged articles as the same objects), the block, the pictures over it, the page
 * settings or the view. Otherwise its items, report and notes are reused as they were.
 */
function layoutArticleMemo(pb: PageBuilder, doc: BanmianDocument, block: ArticleBlock, article: Article, report: TypoReport, overset: Overset[], frames: BlockFrame[], pageKey: string): void {
  // Without a cache kept between layouts there is nothing to reuse.
  if (pb.cache !== pb.env.cache) return layoutArticle(pb, doc, block, article, report, overset, frames);
  const titleAsset = block.titleImage && doc.images.find((i) => i.id === block.titleImage!.imageId);
  const titleSize = titleAsset ? `${titleAsset.pixelWidth}x${titleAsset.pixelHeight}` : '';
  const key = `${pageKey}|${JSON.stringify(block)}|${titleSize}|${JSON.stringify(imageExclusions(doc, block))}|${pb.env.proof ? 'proof' : 'print'}`;
  const memo = pb.cache.articleMemo;
  const hit = memo.get(block.id);
  if (hit && hit.article === article && hit.key === key && !pb.env.proof) {
    pb.items.push(...hit.items);
    addReport(report, hit.report);
    if (hit.overset) overset.push(hit.overset);
    frames.push(hit.frame);
    for (const m of hit.missing) pb.noteMissingChar(m.char, m.face, m.owner);
    pb.cache.keepArticle(block.id);
    return;
  }
  const itemsFrom = pb.items.length;
  const blockReport = emptyReport();
  const oversetFrom = overset.length;
  const framesFrom = frames.length;
  pb.recordedMissing = [];
  layoutArticle(pb, doc, block, article, blockReport, overset, frames);
  addReport(report, blockReport);
  pb.cache.rememberArticle(block.id, {
    article,
    key,
    items: pb.items.slice(itemsFrom),
    report: blockReport,
    overset: overset.length > oversetFrom ? overset[overset.length - 1] : undefined,
    frame: frames[framesFrom],
    missing: pb.recordedMissing,
  });
  pb.recordedMissing = undefined;
}

function layoutArticle(pb: PageBuilder, doc: BanmianDocument, block: ArticleBlock, article: Article, report: TypoReport, overset: Overset[], frames: BlockFrame[]): void {
  const { geo, page } = pb;
  const frame = rectOf(geo, block);
  if (block.span <= 0 || block.rows <= 0) {
    frames.push({ blockId: block.id, kind: 'article', ...frame, emptyLines: 0 });
    const chars = printableParagraphs(article.body).reduce((n, p) => n + p.spans.reduce((m, s) => m + s.text.length, 0), 0);
    if (chars > 0) overset.push({ articleId: article.id, characters: chars, lines: 0 });
    return;
  }
  blockBox(pb, block, frame);
  const inset = boxInset(block, geo.bodySize);
  const cols = textColumns(geo, block, frame, inset);
  const headSpan = Math.min(block.headlineSpan ?? block.span, block.span);
  const titleArea = { x: cols.xs[0], y: cols.top, width: cols.xs[headSpan - 1] + cols.width - cols.xs[0] };
  let titleRows: number;
  if (block.titleImage) titleRows = layoutTitleImage(pb, doc, block, article, titleArea, report) + 1;
  else {
    const height = layoutTitles(pb, article, titleArea, report);
    // Body text resumes on the next grid line, at least half a line below the titles.
    titleRows = height > 0 ? rowsTo(geo, block.row, titleArea.y + height) : 0;
  }
  const exclusions = imageExclusions(doc, block);
  if (titleRows > 0) exclusions.push({ col: block.col, span: headSpan, row: block.row, rows: titleRows });
  const slots: Slot[] = [];
  const depths = columnDepths(block);
  for (let c = 0; c < block.span; c++) {
    const col = block.col + c;
    for (let r = 0; r < depths[c]; r++) {
      const row = block.row + r;
      if (row >= geo.rows) break;
      const y = rowY(geo, row);
      // Inside a box, lines that would come closer than the inset to its edge stay empty.
      if (y < cols.top - 1e-6 || y + geo.bodySize > cols.bottoms[c] + 1e-6) continue;
      const cell = { col, span: 1, row, rows: 1 };
      if (exclusions.some((e) => overlaps(e, cell))) continue;
      slots.push({ x: cols.xs[c], y, row });
    }
  }
  const sources: Source[] = [];
  const flow = flowables(page, article, sources, !!pb.env.proof);
  let slot = 0;
  let oversetChars = 0;
  let oversetLines = 0;
  const composed = flow.map((f) => {
    const cp = pb.cache.compose(f.runs, pb.options(cols.width, f.style, f.indent, f.align ?? f.style.align));
    pb.noteMissing(cp, article.id);
    return cp;
  });
  for (let fi = 0; fi < flow.length; fi++) {
    const cp = composed[fi];
    const f = flow[fi];
    const size = flowSize(f);
    const depth = gridLinesFor(size, geo);
    if (isLoneLast(cp)) report.loneCharacters++;
    // A subhead that would end a column with nothing after it moves to the next column.
    if (f.keepWithNext && slot < slots.length && fi + 1 < flow.length) {
      const needed = cp.lines.length * depth + 1;
      const colEnd = columnEndIndex(slots, slot);
      if (slot + needed > colEnd && colEnd < slots.length) slot = colEnd;
    }
    // A closing byline is kept with its last paragraph: when the byline would open a new column,
    // the paragraph's last line goes over with it.
    let carryLastLine = false;
    if (flow[fi + 1]?.keepWithPrevious && cp.lines.length > 0) {
      const bylineSlot = slot + cp.lines.length * depth;
      carryLastLine = bylineSlot < slots.length && bylineSlot > 0 && columnEndIndex(slots, bylineSlot - 1) === bylineSlot;
    }
    for (let li = 0; li < cp.lines.length; li++) {
      const justified = (f.align ?? f.style.align) === 'justify';
      if (carryLastLine && li === cp.lines.length - 1 && slot < slots.length) slot = columnEndIndex(slots, slot);
      if (depth > 1) slot = nextSlotRun(slots, slot, depth);
      if (slot >= slots.length) {
        oversetLines++;
        const line = cp.lines[li];
        for (let i = line.start; i < line.end; i++) if (cp.cps[i] !== 0x20) oversetChars++;
        continue;
      }
      const s = slots[slot];
      slot += depth;
      // The em box sits on the foot of its last grid line, so its baseline is the grid's baseline.
      pb.emitLine(cp, li, s.x, s.y + (depth - 1) * geo.pitch + geo.bodySize - size, article.id, sources);
      tally(report, cp, li, justified, page.typeset.maxExpansion);
      const gridLine = (s.y - geo.top) / geo.pitch;
      if (Math.abs(gridLine - Math.round(gridLine)) > 1e-6) report.offGridLines++;
    }
  }
  if (oversetLines > 0) overset.push({ articleId: article.id, characters: oversetChars, lines: oversetLines });
  frames.push({ blockId: block.id, kind: 'article', ...frame, emptyLines: Math.max(0, slots.length - slot) });
}

/** The largest type size in a flowable (a lead set inline may be larger than the body). */
function flowSize(f: Flowable): number {
  let size = f.style.size;
  for (const r of f.runs) size = Math.max(size, r.style.size);
  return size;
}

/**
 * Body text keeps to the page's grid: a line whose type is larger than the line pitch (an article's
 * body or subhead overridden to a bigger 字号) takes the fewest whole grid lines that hold it.
 */
export function gridLinesFor(size: number, geo: Pick<GridGeometry, 'pitch'>): number {
  return Math.max(1, Math.ceil(size / geo.pitch - 1e-6));
}

/** The first slot at or after `from` that starts `depth` consecutive grid lines of one column. */
function nextSlotRun(slots: Slot[], from: number, depth: number): number {
  for (let i = from; i + depth <= slots.length; i++) {
    let ok = true;
    for (let k = 1; k < depth && ok; k++) ok = slots[i + k].x === slots[i].x && slots[i + k].row === slots[i].row + k;
    if (ok) return i;
  }
  return slots.length;
}

function columnEndIndex(slots: Slot[], from: number): number {
  let i = from + 1;
  while (i < slots.length && slots[i].x === slots[from].x && slots[i].row > slots[i - 1].row) i++;
  return i;
}

/** A picture and its caption; the caption of a picture that belongs to an article follows that article's caption style. */
function layoutImage(pb: PageBuilder, block: ImageBlock, frames: BlockFrame[], asset: ImageAsset | undefined, article: Article | undefined): void {
  const { geo, page } = pb;
  const frame = rectOf(geo, block);
  frames.push({ blockId: block.id, kind: 'image', ...frame, emptyLines: 0 });
  if (frame.width <= 0 || frame.height <= 0) return;
  let captionHeight = 0;
  if (block.caption.trim()) {
    const style = resolveStyle(page, 'caption', article?.styleOverrides);
    const cp = pb.cache.compose([{ text: block.caption, style, tag: 0 }], pb.options(frame.width, style, 0));
    pb.noteMissing(cp, block.id);
    captionHeight = cp.lines.length * style.lineHeight + 3;
    let y = frame.y + frame.height - cp.lines.length * style.lineHeight;
    for (let li = 0; li < cp.lines.length; li++) {
      pb.emitLine(cp, li, frame.x, y + (style.lineHeight - style.size) / 2, block.id, [{ field: 'caption', paragraph: 0, base: 0 }]);
      y += style.lineHeight;
    }
  }
  const height = Math.max(0, frame.height - captionHeight);
  const picture: Rect = { x: frame.x, y: frame.y, width: frame.width, height };
  // 底纹 shows where a fitted picture leaves the frame empty; the 边框 (图片边框) goes over the picture's edge.
  const { fill, stroke, style } = boxPaint(block);
  if (fill) pb.items.push({ kind: 'box', ...picture, fill, strokeWidth: 0 });
  pb.items.push(imageItem(block.imageId, picture, asset, block));
  if (stroke > 0) pb.items.push({ kind: 'box', ...picture, stroke: BLACK, strokeWidth: stroke, ...(style ? { strokeStyle: style } : {}) });
}

function layoutHeader(pb: PageBuilder): void {
  const { page } = pb;
  const h = page.header;
  if (h.height <= 0) return;
  const left = page.margins.left;
  const width = page.format.width - page.margins.left - page.margins.right;
  const top = page.margins.top;
  const nameStyle: TextStyle = { ...page.styles.headline, size: Math.min(20, h.height * 0.45), align: 'left', tracking: 0 };
  const infoStyle: TextStyle = { ...page.styles.body, size: 10.5, bold: false, align: 'center', tracking: 0 };
  const creditStyle: TextStyle = { ...page.styles.body, size: 7.5, bold: false, align: 'right', tracking: 0 };
  const put = (text: string, style: TextStyle, emTop: number, field: TextField): void => {
    if (!text.trim()) return;
    const cp = pb.cache.compose([{ text, style, tag: 0 }], pb.options(width, style, 0, style.align));
    pb.noteMissing(cp, '');
    if (cp.lines.length > 0) pb.emitLine(cp, 0, left, emTop, '', [{ field, paragraph: 0, base: 0 }]);
  };
  const ruleY = top + h.height - 6;
  put(h.paperName, nameStyle, ruleY - 4 - nameStyle.size, 'header');
  const info = [h.pageNumber && `第${h.pageNumber}版`, h.section, h.date && formatDate(h.date)].filter(Boolean).join('　');
  put(info, { ...infoStyle, align: h.paperName ? 'center' : 'left' }, ruleY - 4 - infoStyle.size, 'header');
  const credits = [h.editor && `责任编辑：${h.editor}`, h.proofreader && `校对：${h.proofreader}`, h.layoutEditor && `组版：${h.layoutEditor}`].filter(Boolean).join('　');
  put(credits, creditStyle, ruleY - 4 - creditStyle.size, 'header');
  pb.items.push({ kind: 'rule', x1: left, y1: ruleY, x2: left + width, y2: ruleY, width: 1.5, color: BLACK });
  pb.items.push({ kind: 'rule', x1: left, y1: ruleY + 2, x2: left + width, y2: ruleY + 2, width: 0.3, color: BLACK });
}

/** Half the height of a rule block's frame at least, pt: enough to pick a hairline. */
export const RULE_PICK = 3;

/** 2024-01-16 → 2024年1月16日 (other strings are shown as typed). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso.trim());
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** Hairlines in the gutter between side-by-side blocks and in the gap between stacked ones. */
function columnRules(pb: PageBuilder, doc: BanmianDocument): void {
  const { geo } = pb;
  const placed = doc.blocks.filter((b): b is ArticleBlock | ImageBlock => (b.kind === 'article' || b.kind === 'image') && b.span > 0 && b.rows > 0);
  const articles = placed.filter((b) => b.kind === 'article');
  for (const a of articles) {
    for (const b of articles) {
      if (a === b) continue;
      if (a.col + a.span === b.col) {
        const top = Math.max(a.row, b.row);
        const bottom = Math.min(a.row + a.rows, b.row + b.rows);
        if (bottom > top) {
          const x = columnX(geo, b.col) - geo.gutter / 2;
          pb.items.push({ kind: 'rule', x1: x, y1: rowY(geo, top), x2: x, y2: rowY(geo, bottom - 1) + geo.bodySize, width: 0.4, color: BLACK });
        }
      }
      const gapTop = a.row + a.rows;
      if (b.row >= gapTop && b.row <= gapTop + 2) {
        const left = Math.max(a.col, b.col);
        const right = Math.min(a.col + a.span, b.col + b.span);
        if (right > left) {
          const y = (rowY(geo, gapTop - 1) + geo.bodySize + rowY(geo, b.row)) / 2;
          const x1 = columnX(geo, left);
          pb.items.push({ kind: 'rule', x1, y1: y, x2: x1 + spanWidth(geo, right - left), y2: y, width: 0.4, color: BLACK });
        }
      }
    }
  }
}

/**
 * Lays out a whole page: pure and deterministic, fonts from `env`, nothing read from disk or the DOM.
 * Text that does not fit is reported as overset, never dropped silently.
 */
export function layout(doc: BanmianDocument, env: LayoutEnv): PageLayout {
  const geo = gridGeometry(doc.page);
  const pb = new PageBuilder(doc.page, geo, env);
  const frames: BlockFrame[] = [];
  const overset: Overset[] = [];
  const pageReport = emptyReport();
  const articleReports: Record<string, TypoReport> = {};
  const articles = new Map(doc.articles.map((a) => [a.id, a]));
  const images = new Map(doc.images.map((i) => [i.id, i]));
  layoutHeader(pb);
  // Free boxes go under everything, whatever their place in the block order (and are picked last).
  for (const block of doc.blocks) {
    if (block.kind !== 'box') continue;
    const frame = rectOf(geo, block);
    blockBox(pb, block, frame);
    frames.push({ blockId: block.id, kind: 'box', ...frame, emptyLines: 0 });
  }
  const pageKey = env.cache ? JSON.stringify(doc.page) : '';
  for (const block of doc.blocks) {
    if (block.kind === 'article') {
      const article = articles.get(block.articleId);
      if (!article) continue;
      const report = (articleReports[article.id] ??= emptyReport());
      layoutArticleMemo(pb, doc, block, article, report, overset, frames, pageKey);
    } else if (block.kind === 'image') {
      layoutImage(pb, block, frames, images.get(block.imageId), block.articleId ? articles.get(block.articleId) : undefined);
    } else if (block.kind === 'rule') {
      const style = block.style && block.style !== 'solid' ? block.style : undefined;
      pb.items.push({ kind: 'rule', x1: block.x1, y1: block.y1, x2: block.x2, y2: block.y2, width: block.width, color: BLACK, ...(style ? { style } : {}) });
      // The frame reaches a little around the line, so that a hairline can be picked with the pointer.
      const reach = Math.max(ruleReach(block.style, block.width), RULE_PICK);
      const x = Math.min(block.x1, block.x2) - reach;
      const y = Math.min(block.y1, block.y2) - reach;
      frames.push({ blockId: block.id, kind: 'rule', x, y, width: Math.abs(block.x2 - block.x1) + 2 * reach, height: Math.abs(block.y2 - block.y1) + 2 * reach, emptyLines: 0 });
    }
  }
  if (doc.page.columnRules) columnRules(pb, doc);
  for (const r of Object.values(articleReports)) addReport(pageReport, r);
  pb.cache.endLayout();
  return {
    width: doc.page.format.width,
    height: doc.page.format.height,
    items: pb.items,
    frames,
    overset,
    missingGlyphs: [...pb.missing.values()],
    ...(env.proof ? { proofAnchors: pb.anchors } : {}),
    report: { page: pageReport, articles: articleReports },
    grid: { left: geo.left, top: geo.top, colWidth: geo.colWidth, gutter: geo.gutter, columns: geo.columns, pitch: geo.pitch, rows: geo.rows, bodySize: geo.bodySize },
  };
}

/**
 * The fewest grid lines an article block needs so that nothing is overset (sized to its text), or
 * undefined when even the rest of the page's height is not enough.
 */
export function fitArticleRows(doc: BanmianDocument, env: LayoutEnv, blockId: string): number | undefined {
  const block = doc.blocks.find((b): b is ArticleBlock => b.id === blockId && b.kind === 'article');
  if (!block) return undefined;
  const geo = gridGeometry(doc.page);
  const others = doc.blocks.filter((b) => b.kind === 'image');
  const oversetWith = (rows: number): boolean => {
    const trial: BanmianDocument = { ...doc, blocks: [...others, { ...block, rows, columnRows: undefined }] };
    return layout(trial, env).overset.some((o) => o.articleId === block.articleId);
  };
  let hi = Math.max(1, geo.rows - block.row);
  if (oversetWith(hi)) return undefined;
  let lo = 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (oversetWith(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Sets a free text box (margin notes, lists) with the same composer: lines of `style` from (x, y)
 * downwards at `style.lineHeight`, coloured `color`. Returns the items and the height used.
 */
export function setTextBox(env: LayoutEnv, text: string, style: TextStyle, box: { x: number; y: number; width: number }, color: CmykColor = BLACK, owner = ''): { items: LayoutItem[]; height: number } {
  const page = defaultPage();
  const pb = new PageBuilder(page, gridGeometry(page), { fonts: env.fonts, cache: env.cache });
  let y = box.y;
  for (const para of text.split('\n')) {
    const cp = pb.cache.compose([{ text: para, style, tag: 0 }], pb.options(box.width, style, 0, style.align));
    for (let li = 0; li < cp.lines.length; li++) {
      pb.emitLine(cp, li, box.x, y + (style.lineHeight - style.size) / 2, owner, [{ field: 'caption', paragraph: 0, base: 0 }]);
      y += style.lineHeight;
    }
  }
  for (const item of pb.items) if (item.kind === 'glyphs') item.color = color;
  return { items: pb.items, height: y - box.y };
}
