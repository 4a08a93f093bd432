import type { ArticleTextPart } from '../model/article-fields';
import type { RuleStyle } from '../model/document';

/**
 * PageLayout is the frame both renderers draw (SVG on screen, PDF on paper) and nothing else:
 * a closed set of items with every glyph already positioned. Coordinates are pt from the top-left
 * corner of the trimmed page, y downwards.
 */

/** DeviceCMYK components, 0–1. Text and rules default to K-only black. */
export interface CmykColor {
  c: number;
  m: number;
  y: number;
  k: number;
}

export const BLACK: CmykColor = { c: 0, m: 0, y: 0, k: 1 };

export type TextField = ArticleTextPart | 'caption' | 'header' | 'column';

/** Where a glyph run's characters came from: offsets are UTF-16 offsets into the field's text (for body, into paragraph `paragraph`). */
export interface GlyphSource {
  /** Article id, image block id for captions, or '' for the page header. */
  owner: string;
  field: TextField;
  paragraph: number;
  offsets: number[];
}

export interface GlyphRun {
  kind: 'glyphs';
  /** FontFace id in the registry the layout was made with. */
  face: string;
  size: number;
  color: CmykColor;
  /** Baseline y. */
  y: number;
  /** The characters, one code point per glyph. */
  text: string;
  /** x of each glyph's origin. */
  xs: number[];
  /** Horizontal glyph scale (PDF Tz / 100), 1 for almost every run. */
  hScale: number;
  /**
   * 加粗 (synthetic bold: a bold asked of a face without one): the outlines are also stroked in the
   * run's colour, this wide in pt, with round joins; the advances are the face's own.
   */
  boldStroke?: number;
  /**
   * 竖排: the baseline y of each glyph (absent: all on `y`, which is then the first of these). With
   * `turned`, each glyph is turned 90° clockwise about its origin (Latin and digits in vertical titles).
   */
  ys?: number[];
  turned?: true;
  /**
   * 竖排: the code point a glyph stands for where it is another (a vertical form for ，“”, a full-width
   * letter set upright), undefined where the same: a PDF's ActualText, so that a text reader gets the source's.
   */
  actual?: (number | undefined)[];
  source?: GlyphSource;
}

/** A rectangle in page pt. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ImageItem {
  kind: 'image';
  imageId: string;
  /** The frame: the picture shows only inside it. */
  x: number;
  y: number;
  width: number;
  height: number;
  /**
   * Where the whole picture lies (scaled and moved by the block's crop); it is clipped to the frame.
   * Absent (no pixel size known): the picture covers the frame, centred.
   */
  picture?: Rect;
}

export interface RuleItem {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  color: CmykColor;
  /**
   * Absent: solid, drawn as this line. Set: the style the rule was given (for bounds and the screen's
   * class names); its ink is the `art` item layout puts right after it, and renderers draw nothing
   * for the rule itself.
   */
  style?: RuleStyle;
}

export interface BoxItem {
  kind: 'box';
  x: number;
  y: number;
  width: number;
  height: number;
  fill?: CmykColor;
  stroke?: CmykColor;
  strokeWidth: number;
  /**
   * Absent: a solid stroke around the rectangle. Set: renderers draw only the fill; the frame's ink
   * is the `art` item layout puts right after the box.
   */
  strokeStyle?: RuleStyle;
}

export type PathOp = ['M', number, number] | ['L', number, number] | ['C', number, number, number, number, number, number];

/** Plain geometry: a stroked open path (butt caps), or a filled dot. */
export type ArtShape = { kind: 'stroke'; width: number; ops: PathOp[] } | { kind: 'dot'; cx: number; cy: number; r: number };

/**
 * The ink of a styled rule or frame (双线, 文武线, 虚线, 波纹, 点线), resolved by layout into strokes
 * and dots (see rule-art.ts) so that the SVG and the PDF renderer draw the same geometry and no
 * style. `of` and `style` name what it draws (the screen's class names).
 */
export interface ArtItem {
  kind: 'art';
  of: 'rule' | 'frame';
  style: RuleStyle;
  color: CmykColor;
  shapes: ArtShape[];
}

export type LayoutItem = GlyphRun | ImageItem | RuleItem | BoxItem | ArtItem;

export interface Overset {
  articleId: string;
  characters: number;
  lines: number;
  /** Where the first overset character comes from (field, paragraph, UTF-16 offset, as a glyph's source): the story editor marks from there. */
  from?: { field: TextField; paragraph: number; offset: number };
}

export interface BlockFrame {
  blockId: string;
  kind: 'article' | 'image' | 'rule' | 'box' | 'ad';
  x: number;
  y: number;
  width: number;
  height: number;
  /** Lines left empty at the foot of the block's columns (underset). */
  emptyLines: number;
}

/** Typographic counts, per article and for the page. */
export interface TypoReport {
  lines: number;
  justifiedLines: number;
  kinsokuSqueeze: number;
  kinsokuPush: number;
  compressions: number;
  /** Lone characters left after composition (0 unless squeezing and re-breaking both failed). */
  loneCharacters: number;
  /** Lines whose tracking was tightened to bring a lone character back. */
  tightenedLines: number;
  looseLines: number;
  worstExpansion: number;
  offGridLines: number;
  emergencyBreaks: number;
  prohibitedLineStarts: number;
}

export interface MissingGlyphReport {
  char: string;
  face: string;
  owner: string;
  count: number;
  /** In glyphFallbacks: the face that drew the character instead. */
  via?: string;
}

/** A face drawn as a synthetic bold (加粗: a bold asked of a family with no bold face), per owner. */
export interface SyntheticBoldReport {
  /** The regular face whose outlines were stroked. */
  face: string;
  /** Article id, image block id for captions, or '' for the page header. */
  owner: string;
  /** Glyphs drawn so. */
  count: number;
}

/** Proof view: where a suggestion or comment starts on the page, for its note in the margin. */
export interface ProofAnchor {
  kind: 'insertion' | 'deletion' | 'comment';
  /** Suggestion id or comment thread id. */
  id: string;
  /** Article id. */
  owner: string;
  x: number;
  /** Baseline of the first marked glyph. */
  y: number;
  /** The marked text (as drawn). */
  text: string;
}

export interface PageLayout {
  width: number;
  height: number;
  items: LayoutItem[];
  frames: BlockFrame[];
  overset: Overset[];
  missingGlyphs: MissingGlyphReport[];
  /** Characters (生僻字) their face lacks, drawn from the next face of the fallback chain that has them. */
  glyphFallbacks?: MissingGlyphReport[];
  /** Faces drawn as a synthetic bold, and where. */
  syntheticBold?: SyntheticBoldReport[];
  /** Only in the proof view. */
  proofAnchors?: ProofAnchor[];
  report: { page: TypoReport; articles: Record<string, TypoReport> };
  /** The grid, for guides on screen. */
  grid: { left: number; top: number; colWidth: number; gutter: number; columns: number; pitch: number; rows: number; bodySize: number };
}
