import type { ArticleTextField } from './article-fields';
import type { PageFont } from './page-fonts';
import type { RichDoc } from './richtext';

/** All lengths are PDF points unless the name says otherwise. */

export type FormatName = 'broadsheet' | 'tabloid' | 'custom';

export interface PageFormat {
  name: FormatName;
  width: number;
  height: number;
}

export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * The character grid (背景格) as 方正飞腾 defines it: in 'character' mode a column is a whole number
 * of body characters and the gutter a whole number of characters too; in 'free' mode the columns
 * share the text width equally with a gutter in points.
 */
export interface GridSettings {
  mode: 'character' | 'free';
  columns: number;
  charsPerColumn: number;
  gutterChars: number;
  /** Gutter in pt, used in 'free' mode. */
  gutter: number;
}

export const DATE_LINES = ['weekday', 'weekday-lunar'] as const;
export type DateLine = (typeof DATE_LINES)[number];

export interface PageHeader {
  paperName: string;
  /** ISO date, e.g. 2024-01-16. */
  date: string;
  /** 版次, e.g. "03". */
  pageNumber: string;
  section: string;
  editor: string;
  proofreader: string;
  layoutEditor: string;
  /** Height reserved for the header above the grid. 0 hides it. */
  height: number;
  /**
   * What the date line prints: 'weekday' (2026年12月3日 星期四, also when absent) or 'weekday-lunar'
   * (… 农历丙午年十月廿五). Optional, so files without it stay format version 1.
   */
  dateLine?: DateLine;
}

export type FaceRole = 'song' | 'hei' | 'kai' | 'fangsong' | 'biaosong';

export interface TextStyle {
  /** A font family key of the registry ('song', 'hei', or a family a newsroom adds). */
  family: string;
  bold: boolean;
  size: number;
  /** Line height in pt for non-grid text (headlines); body text uses the page grid pitch. */
  lineHeight: number;
  align: 'justify' | 'left' | 'center' | 'right';
  /** Letter spacing in em added between characters. */
  tracking: number;
  /**
   * The style's fallback chain: family keys tried in order for a character (生僻字) the style's face
   * lacks, before the bundled families; absent: the bundled families only.
   */
  fallback?: string[];
  /**
   * 拉行/缩行 (an article's override, set by 适配 and make-up): lines its paragraphs in this style gain
   * (+n) or give back (−n) in all, one per paragraph, re-broken with tracking within ±0.05 em.
   */
  lineShift?: number;
}

export type StyleName = 'body' | 'subhead' | 'headline' | 'kicker' | 'deck' | 'byline' | 'lead' | 'caption' | 'jump' | 'editorsNote' | 'minorHeadline';

/** An article's local changes to the page's named styles, field by field (src-core/model/styles.ts). */
export type StyleOverrides = Partial<Record<StyleName, Partial<TextStyle>>>;

export interface TypesetSettings {
  /** First-line indent in em. */
  indent: number;
  /** Extra space between Han and Latin/digits, em. */
  hanLatinSpace: number;
  /** Largest inter-character expansion of a justified line, em, before it is reported loose. */
  maxExpansion: number;
  /** Opening punctuation at line start is set half-width. */
  compressLineStartOpening: boolean;
  /** Closing punctuation at line end is set half-width (the text then ends flush with the column). */
  compressLineEndClosing: boolean;
}

export interface PageSettings {
  format: PageFormat;
  margins: Margins;
  /** Body text size and leading (行距, space between lines) define the line pitch of the grid. */
  bodySize: number;
  leading: number;
  grid: GridSettings;
  header: PageHeader;
  styles: Record<StyleName, TextStyle>;
  typeset: TypesetSettings;
  /** Draw hairline column rules (栏线) in the gutters between adjacent blocks. */
  columnRules: boolean;
  /** The fonts (beyond the bundled roles) its styles used when it was saved (page-fonts.ts); absent in older pages. */
  fonts?: PageFont[];
  /** 参考线 dragged from the rulers; never printed. Absent in older pages: none. */
  guides?: PageGuides;
}

/** Ruler guides in pt from the page's top-left corner: vertical ones at each `x`, horizontal at each `y`. */
export interface PageGuides {
  x: number[];
  y: number[];
}

/** At most this many guides each way: a page needs a handful, a file with more is damaged. */
export const MAX_GUIDES = 100;

/** The text fields (引题 kicker … 下转 jumpTo) come from the one list in article-fields.ts. */
export interface Article extends Record<ArticleTextField, string> {
  id: string;
  /** Where the byline is set: under the headlines or after the last paragraph. */
  bylinePosition: 'top' | 'end';
  body: RichDoc;
  /**
   * This article's local overrides of the page's styles (e.g. its headline in 一号 instead of 小初).
   * Optional, absent when there are none, so files without it stay format version 1.
   */
  styleOverrides?: StyleOverrides;
  /**
   * 栏目 (column name, e.g. 一把手访谈), printed as a 栏头 over the titles. Optional, absent when the
   * article belongs to no column, so files without it stay format version 1.
   */
  column?: string;
}

export interface ImageAsset {
  id: string;
  name: string;
  /** 'application/pdf': an ad's one-page PDF artwork only (src-core/pdf/pdf-artwork.ts), its "pixel" size its page's in pt. */
  mime: 'image/jpeg' | 'image/png' | 'application/pdf';
  pixelWidth: number;
  pixelHeight: number;
  /** Stored resolution in pixels per inch, when the file says. */
  ppi?: number;
  colorSpace: 'rgb' | 'cmyk' | 'gray' | 'unknown';
  /** Base64 of the file bytes, or absent when the asset is only a placeholder. */
  data?: string;
}

/**
 * Effective resolution of a printed picture (ppi at its placed size): under `warning` it prints soft
 * (preflight warns, make-up never frames a picture that large), under `error` it is unusable.
 */
export const PRINT_PPI = { warning: 200, error: 100 } as const;

/** Position on the grid: first column (0-based), column span, first line and height in lines. */
export interface GridRect {
  col: number;
  span: number;
  row: number;
  rows: number;
}

/**
 * How a line is drawn: 栏线 'solid', 双线 'double', 文武线 'thickThin' (a thick line and a thin one),
 * 虚线 'dashed', and two 花边 (decorative borders) drawn as vector paths: 波纹 'wave' and 点线 'dots'.
 */
export type RuleStyle = 'solid' | 'double' | 'thickThin' | 'dashed' | 'wave' | 'dots';

export const RULE_STYLES: readonly RuleStyle[] = ['solid', 'double', 'thickThin', 'dashed', 'wave', 'dots'];

/**
 * A picture inside its frame. 'fill' covers the frame (cropping what sticks out), 'fit' shows the
 * whole picture inside it; `scale` multiplies that size; `offsetX`/`offsetY` move the picture's
 * centre from the frame's centre by that fraction of the frame's width/height. All optional:
 * absent means fill, scale 1, centred.
 */
export interface ImageCrop {
  fit?: 'fill' | 'fit';
  scale?: number;
  offsetX?: number;
  offsetY?: number;
}

/** 压题图: a picture filling the title area of an article, its titles set over it. */
export interface TitleImage extends ImageCrop {
  imageId: string;
  /** Depth of the picture in grid lines; absent: the titles' depth plus three lines. */
  rows?: number;
  /** Colour of the titles on the picture: 'white' knocks out (no ink), 'black' overprints K. */
  text: 'white' | 'black';
}

/**
 * 标题底纹 and 反白: a band of K tint behind an article's titles, spanning the title area. 'white'
 * titles are knocked out of it (反白), 'black' ones print K on it (底纹).
 */
export interface TitleBand {
  /** % K, 1–100 (100: solid black). */
  tint: number;
  text: 'white' | 'black';
}

export const TITLE_BAND_TEXTS: readonly TitleBand['text'][] = ['white', 'black'];

/** 标题排向: titles across the top (横排), or 竖排, in columns at the block's right edge. */
export type TitleDirection = 'horizontal' | 'vertical';

export const TITLE_DIRECTIONS: readonly TitleDirection[] = ['horizontal', 'vertical'];

/** Latin letters and digits in vertical titles: turned 90° clockwise (转排), or upright (直排, full-width forms). */
export type VerticalLatin = 'rotated' | 'upright';

export const VERTICAL_LATIN: readonly VerticalLatin[] = ['rotated', 'upright'];

/** A tinted and/or framed box (底纹, 边框) around a block; text keeps `inset` pt inside it. */
export interface BlockBox {
  /** 底纹: tint in % K (0–100); absent or 0: no tint. */
  tint?: number;
  /** 边框 width in pt; absent or 0: no frame. */
  frameWidth?: number;
  frameStyle?: RuleStyle;
  /** 内空: space between the box edge and the text, pt. */
  inset?: number;
}

export interface ArticleBlock extends GridRect, BlockBox {
  id: string;
  kind: 'article';
  articleId: string;
  /** Columns the headlines span, from the block's first column; defaults to the whole block. */
  headlineSpan?: number;
  /** 图在题上: grid lines from the block's top where its titles begin, a picture over them; absent: 0 (the titles at the top). */
  titleRow?: number;
  /** Stepped or L-shaped articles: lines available in each column (from the block top). */
  columnRows?: number[];
  /** 压题图: the titles are set over this picture at the top of the block. */
  titleImage?: TitleImage;
  /** A band behind the titles (底纹, 反白); absent: none. Ignored under a 压题图. */
  titleBand?: TitleBand;
  /** Absent: 'horizontal'. Vertical titles take whole columns at the right and ignore `headlineSpan`. */
  titleDirection?: TitleDirection;
  /** Absent: 'rotated'. Only read for vertical titles. */
  titleLatin?: VerticalLatin;
  locked?: boolean;
}

/**
 * How the text of the articles under a picture makes room for it: 'around' leaves the picture's
 * columns (text runs on beside it), 'band' clears the article's whole width over the picture's lines
 * (text only above and below), 'none' prints the picture over the text.
 */
export type TextWrap = 'around' | 'band' | 'none';

export const TEXT_WRAPS: readonly TextWrap[] = ['around', 'band', 'none'];

/** Empty grid lines between a picture and the text above and below it: absent means the default. */
export const WRAP_OFFSET = { default: 1, max: 10 } as const;

/** A picture block; its BlockBox draws a 图片边框 round the picture (and a tint where a fitted picture leaves room). */
export interface ImageBlock extends GridRect, ImageCrop, Omit<BlockBox, 'inset'> {
  id: string;
  kind: 'image';
  imageId: string;
  caption: string;
  /** The article whose text it sits in; text of every article it overlaps wraps around it. */
  articleId?: string;
  /** 文字绕排; absent: 'around'. */
  wrap?: TextWrap;
  /** 绕排距离 in grid lines (0 … WRAP_OFFSET.max); absent: WRAP_OFFSET.default. */
  wrapOffset?: number;
  locked?: boolean;
}

export interface RuleBlock {
  id: string;
  kind: 'rule';
  /** In pt from the page's top-left corner. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  /** Absent: 'solid'. */
  style?: RuleStyle;
  locked?: boolean;
}

/**
 * A free 底纹/边框 box on the grid (behind a group of blocks, a 花边框 around a section): drawn under
 * everything else on the page, whatever its place in the block order.
 */
export interface BoxBlock extends GridRect, BlockBox {
  id: string;
  kind: 'box';
  /** Never set: code that asks any grid block for its article finds none. */
  articleId?: never;
  locked?: boolean;
}

/**
 * A booked ad (广告) where the page plan put it: make-up works around it. With `imageId` its artwork
 * (PNG/JPEG, or a one-page PDF) is fitted inside the frame; without, it prints as a frame with the advertiser's name
 * and 广告, which is what the page carries until the artwork arrives.
 */
export interface AdBlock extends GridRect {
  id: string;
  kind: 'ad';
  advertiser: string;
  imageId?: string;
  /** Never set: code that asks any grid block for its article finds none. */
  articleId?: never;
  locked?: boolean;
}

export type Block = ArticleBlock | ImageBlock | RuleBlock | BoxBlock | AdBlock;

/** A page file (the app's document): one page with its own articles and pictures. */
export const FORMAT_VERSION = 1;
/**
 * An edition file (src-core/edition/edition.ts): numbered pages sharing one article and picture
 * pool, stories chained across them. A page file opens as a one-page edition; the app still opens
 * and saves page files only.
 */
export const EDITION_FORMAT_VERSION = 2;

export interface BanmianDocument {
  formatVersion: number;
  page: PageSettings;
  articles: Article[];
  images: ImageAsset[];
  blocks: Block[];
}
