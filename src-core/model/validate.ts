import type { AdBlock, Article, ArticleBlock, BanmianDocument, Block, ImageAsset, PageSettings, BlockBox, GridRect, ImageCrop, StyleName } from './document';
import { DATE_LINES, FORMAT_VERSION, MAX_GUIDES, RULE_STYLES, TEXT_WRAPS, TITLE_BAND_TEXTS, TITLE_DIRECTIONS, VERTICAL_LATIN, WRAP_OFFSET } from './document';
import { ARTICLE_TEXT_FIELDS } from './article-fields';
import { bodyShapeProblem } from './body-shape';
import { gridGeometry } from './grid';
import { checkPageFonts } from './page-fonts';
import { ADDED_STYLES, checkStyleFields, STYLE_FIELDS, STYLE_NAMES } from './styles';

/** One problem found in a document: the field's path, its value, and what is wrong, in zh-CN and English. */
export interface ValidationIssue {
  path: string;
  value: unknown;
  zh: string;
  en: string;
}

export type Validation = { ok: true } | { ok: false; issues: ValidationIssue[] };

/** Collects issues, each naming its field (under `prefix`) and the value found, in zh-CN and English. */
export class Checker {
  readonly issues: ValidationIssue[] = [];

  /** `prefix` places a page's fields inside a larger file (an edition's `pages[2].`). */
  constructor(private readonly prefix = '') {}

  fail(field: string, value: unknown, zh: string, en: string): void {
    const path = this.prefix + field;
    if (value === undefined) this.issues.push({ path, value, zh: `${path}：${zh}（缺少此项）`, en: `${path}: ${en} (missing)` });
    else this.issues.push({ path, value, zh: `${path}：${zh}（当前值 ${showValue(value)}）`, en: `${path}: ${en} (got ${showValue(value)})` });
  }

  number(path: string, value: unknown, min: number, max: number): value is number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(path, value, '应为数字', 'must be a number');
      return false;
    }
    if (value < min || value > max) {
      this.fail(path, value, `应在 ${min} 到 ${max} 之间`, `must be between ${min} and ${max}`);
      return false;
    }
    return true;
  }

  integer(path: string, value: unknown, min: number, max: number): value is number {
    if (!this.number(path, value, min, max)) return false;
    if (!Number.isInteger(value)) {
      this.fail(path, value, '应为整数', 'must be a whole number');
      return false;
    }
    return true;
  }

  string(path: string, value: unknown): value is string {
    if (typeof value !== 'string') {
      this.fail(path, value, '应为文字', 'must be a string');
      return false;
    }
    return true;
  }

  boolean(path: string, value: unknown): value is boolean {
    if (typeof value !== 'boolean') {
      this.fail(path, value, '应为 true 或 false', 'must be true or false');
      return false;
    }
    return true;
  }

  oneOf<T>(path: string, value: unknown, list: readonly T[]): value is T {
    if (list.includes(value as T)) return true;
    const names = list.map((v) => String(v));
    this.fail(path, value, `应为 ${names.join('、')} 之一`, `must be one of ${names.join(', ')}`);
    return false;
  }

  /** A string no longer than `max` UTF-16 units. */
  text(path: string, value: unknown, max: number): value is string {
    if (!this.string(path, value)) return false;
    if (value.length > max) {
      this.fail(path, value, `超过 ${max} 个字符`, `is longer than ${max} characters`);
      return false;
    }
    return true;
  }

  object(path: string, value: unknown): value is Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, value, '应为对象', 'must be an object');
      return false;
    }
    return true;
  }

  array(path: string, value: unknown): value is unknown[] {
    if (!Array.isArray(value)) {
      this.fail(path, value, '应为列表', 'must be a list');
      return false;
    }
    return true;
  }
}

/** The value at a body-relative path such as `content[2].marks[0].type` (for the message). */
function valueAt(root: unknown, path: string): unknown {
  let v: unknown = root;
  for (const key of path.match(/[^.[\]]+/g) ?? []) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

/**
 * A value as the file wrote it, for a message: a string in quotes (so "1" is not mistaken for 1),
 * and the numbers JSON.parse makes of 1e999 and -1e999 as Infinity and -Infinity (JSON.stringify
 * would say null).
 */
export function showValue(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  let s: string | undefined;
  try {
    s = JSON.stringify(value);
  } catch {
    s = undefined; // too deep to show
  }
  if (s === undefined) return Array.isArray(value) ? '[…]' : typeof value === 'object' && value !== null ? '{…}' : String(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

const MAX_PT = 5000;

/**
 * What one page may hold. A real page is far below each (a broadsheet has a few dozen blocks and
 * articles and a dozen pictures); a file past them is refused before anything walks its contents,
 * so a flood of 100,000 blocks costs milliseconds, not minutes and all the memory.
 */
export const DOCUMENT_LIMITS = {
  articles: 1_000,
  blocks: 5_000,
  images: 500,
  /** Base64 characters of one picture: 64 MiB of JPEG or PNG. */
  imageBase64Chars: Math.ceil((64 * 1024 * 1024 * 4) / 3),
  /** Titles, ids, names, captions and header fields. */
  textChars: 10_000,
  /** JSON nesting (a page nests about a dozen levels; a nesting bomb thousands). */
  depth: 64,
} as const;

const LISTS = ['articles', 'blocks', 'images'] as const;

/** The first list of a parsed file that is longer than its limit, before anything walks it. */
export function documentLimitIssue(raw: Record<string, unknown>): ValidationIssue | undefined {
  for (const key of LISTS) {
    const list = raw[key];
    if (Array.isArray(list) && list.length > DOCUMENT_LIMITS[key]) {
      const c = new Checker();
      c.fail(key, list.length, `超过上限 ${DOCUMENT_LIMITS[key]} 项`, `holds more than ${DOCUMENT_LIMITS[key]} entries`);
      return c.issues[0];
    }
  }
  return undefined;
}

const TEXT = DOCUMENT_LIMITS.textChars;
export const FORMAT_NAMES = ['broadsheet', 'tabloid', 'custom'] as const;
const MIMES = ['image/jpeg', 'image/png'] as const;
/** An ad's one-page PDF artwork (the print PDF embeds its page): taken besides the picture types. */
const PDF_ARTWORK_MIME = 'application/pdf';
const COLOR_SPACES = ['rgb', 'cmyk', 'gray', 'unknown'] as const;

/** Checks a document's shape and ranges; every issue names the field and the value found. */
export function validateDocument(input: unknown): Validation {
  const c = new Checker();
  if (!c.object('document', input)) return { ok: false, issues: c.issues };
  const tooMany = documentLimitIssue(input);
  if (tooMany) return { ok: false, issues: [tooMany] };
  const doc = input as unknown as BanmianDocument;
  if (doc.formatVersion !== FORMAT_VERSION) c.fail('formatVersion', doc.formatVersion, `应为 ${FORMAT_VERSION}`, `must be ${FORMAT_VERSION}`);
  checkPage(c, doc.page);
  const articleIds = checkArticles(c, doc.articles);
  const imageIds = checkImages(c, doc.images);
  checkBlocks(c, doc.page, doc.blocks, articleIds, imageIds);
  return c.issues.length ? { ok: false, issues: c.issues } : { ok: true };
}

/** The articles and pictures of a file (a page's, or an edition's shared pool), checked as a page's are. */
export function validatePool(articles: unknown, images: unknown): { issues: ValidationIssue[]; articleIds: Set<string>; imageIds: Set<string> } {
  const c = new Checker();
  const articleIds = checkArticles(c, articles as Article[]);
  const imageIds = checkImages(c, images as ImageAsset[]);
  return { issues: c.issues, articleIds, imageIds };
}

/**
 * A page's settings and blocks checked as a page file's are, every path under `prefix` (an
 * edition's `pages[2].`); its blocks may show only the articles and pictures in `ids`.
 */
export function validatePageParts(page: unknown, blocks: unknown, ids: { articleIds: Set<string>; imageIds: Set<string> }, prefix: string): ValidationIssue[] {
  const c = new Checker(prefix);
  checkPage(c, page as PageSettings);
  checkBlocks(c, page as PageSettings, blocks as Block[], ids.articleIds, ids.imageIds);
  return c.issues;
}

function checkBlocks(c: Checker, page: PageSettings | undefined, blocks: Block[], articleIds: Set<string>, imageIds: Set<string>): void {
  if (!c.array('blocks', blocks)) return;
  const columns = page?.grid?.columns ?? 1;
  blocks.forEach((b, i) => checkBlock(c, `blocks[${i}]`, b, columns, articleIds, imageIds));
}

function checkPage(c: Checker, page: PageSettings): void {
  if (c.object('page', page)) {
    if (c.object('page.format', page.format)) {
      c.oneOf('page.format.name', page.format.name, FORMAT_NAMES);
      c.number('page.format.width', page.format.width, 72, MAX_PT);
      c.number('page.format.height', page.format.height, 72, MAX_PT);
    }
    if (c.object('page.margins', page.margins)) {
      for (const side of ['top', 'bottom', 'left', 'right'] as const) c.number(`page.margins.${side}`, page.margins[side], 0, MAX_PT);
    }
    c.number('page.bodySize', page.bodySize, 4, 72);
    c.number('page.leading', page.leading, 0, 72);
    if (c.object('page.grid', page.grid)) {
      const g = page.grid;
      if (g.mode !== 'character' && g.mode !== 'free') c.fail('page.grid.mode', g.mode, '应为 character 或 free', "must be 'character' or 'free'");
      c.integer('page.grid.columns', g.columns, 1, 40);
      c.integer('page.grid.charsPerColumn', g.charsPerColumn, 1, 200);
      c.integer('page.grid.gutterChars', g.gutterChars, 0, 10);
      c.number('page.grid.gutter', g.gutter, 0, 200);
    }
    if (c.object('page.header', page.header)) {
      for (const key of ['paperName', 'date', 'pageNumber', 'section', 'editor', 'proofreader', 'layoutEditor'] as const) {
        c.text(`page.header.${key}`, page.header[key], TEXT);
      }
      c.number('page.header.height', page.header.height, 0, MAX_PT);
      if (page.header.dateLine !== undefined) c.oneOf('page.header.dateLine', page.header.dateLine, DATE_LINES);
    }
    if (c.object('page.styles', page.styles)) {
      for (const [name, st] of Object.entries(page.styles)) {
        if (!c.object(`page.styles.${name}`, st)) continue;
        // A page style is whole: every field present (an article's override may have any few).
        for (const field of STYLE_FIELDS) if (st[field] === undefined) c.fail(`page.styles.${name}.${field}`, undefined, '缺少这一项', 'is missing');
        checkStyle(c, `page.styles.${name}`, st);
      }
      // A style added since the page was saved is made from its others (ADDED_STYLES), not missing.
      for (const name of STYLE_NAMES) if (!page.styles[name] && !ADDED_STYLES[name]) c.fail(`page.styles.${name}`, undefined, '缺少这个样式', 'this style is missing');
    }
    checkTypeset(c, page.typeset);
    c.boolean('page.columnRules', page.columnRules);
    checkPageFonts(c, page.fonts);
    checkGuides(c, page);
    if (c.issues.length === 0) {
      const geo = gridGeometry(page);
      if (geo.gridWidth > page.format.width - page.margins.left - page.margins.right + 0.01) {
        c.fail('page.grid', `${geo.gridWidth.toFixed(1)}pt`, '栏宽之和超出版心宽度', 'columns are wider than the space between the margins');
      }
      if (geo.rows < 1) c.fail('page.margins', page.margins, '版心高度放不下一行正文', 'the text area is shorter than one line');
    }
  }
}

/** Whether a page's 参考线 pass the file's own check (a shared page's, which the server does not check, are read only then). */
export function guidesAreValid(page: Pick<PageSettings, 'guides' | 'format'>): boolean {
  const c = new Checker();
  checkGuides(c, page);
  return c.issues.length === 0;
}

/** 参考线 (optional): each way a list of at most MAX_GUIDES places on the page. */
function checkGuides(c: Checker, page: Pick<PageSettings, 'guides' | 'format'>): void {
  if (page.guides === undefined || !c.object('page.guides', page.guides)) return;
  for (const axis of ['x', 'y'] as const) {
    const list = page.guides[axis];
    if (!c.array(`page.guides.${axis}`, list)) continue;
    if (list.length > MAX_GUIDES) c.fail(`page.guides.${axis}`, list.length, `参考线超过 ${MAX_GUIDES} 条`, `more than ${MAX_GUIDES} guides`);
    else list.forEach((v, i) => c.number(`page.guides.${axis}[${i}]`, v, 0, axis === 'x' ? page.format?.width ?? MAX_PT : page.format?.height ?? MAX_PT));
  }
}

/** Checks the articles; returns their ids. */
function checkArticles(c: Checker, articles: Article[]): Set<string> {
  const articleIds = new Set<string>();
  if (c.array('articles', articles)) {
    articles.forEach((a, i) => {
      const p = `articles[${i}]`;
      if (!c.object(p, a)) return;
      if (c.text(`${p}.id`, a.id, TEXT)) {
        if (articleIds.has(a.id)) c.fail(`${p}.id`, a.id, '文章编号重复', 'duplicate article id');
        articleIds.add(a.id);
      }
      for (const key of ARTICLE_TEXT_FIELDS) c.text(`${p}.${key}`, a[key], TEXT);
      c.oneOf(`${p}.bylinePosition`, a.bylinePosition, ['top', 'end'] as const);
      if (a.column !== undefined) c.text(`${p}.column`, a.column, TEXT);
      if (a.styleOverrides !== undefined) checkStyleOverrides(c, `${p}.styleOverrides`, a.styleOverrides);
      const body = bodyShapeProblem(a.body);
      if (body) c.fail(`${p}.body${body.path ? `.${body.path}` : ''}`, valueAt(a.body, body.path), body.zh, body.en);
    });
  }
  return articleIds;
}

/** Checks the pictures; returns their ids. */
function checkImages(c: Checker, images: ImageAsset[]): Set<string> {
  const imageIds = new Set<string>();
  if (c.array('images', images)) {
    images.forEach((img, i) => {
      const p = `images[${i}]`;
      if (!c.object(p, img)) return;
      if (c.text(`${p}.id`, img.id, TEXT)) imageIds.add(img.id);
      c.text(`${p}.name`, img.name, TEXT);
      if (img.mime !== PDF_ARTWORK_MIME) c.oneOf(`${p}.mime`, img.mime, MIMES);
      c.oneOf(`${p}.colorSpace`, img.colorSpace, COLOR_SPACES);
      c.integer(`${p}.pixelWidth`, img.pixelWidth, 0, 100_000);
      c.integer(`${p}.pixelHeight`, img.pixelHeight, 0, 100_000);
      if (img.ppi !== undefined) c.number(`${p}.ppi`, img.ppi, 1, 100_000);
      if (img.data !== undefined && c.string(`${p}.data`, img.data) && img.data.length > DOCUMENT_LIMITS.imageBase64Chars) {
        c.fail(`${p}.data`, `${img.data.length} chars`, `图片超过 ${DOCUMENT_LIMITS.imageBase64Chars} 个 base64 字符`, `the picture is longer than ${DOCUMENT_LIMITS.imageBase64Chars} base64 characters`);
      }
    });
  }
  return imageIds;
}

/** One block on its own, as `validateDocument` checks each of the page's (for a change before it is made). */
export function blockIssues(path: string, b: Block, page: { columns: number; articleIds: Set<string>; imageIds: Set<string> }): ValidationIssue[] {
  const c = new Checker();
  checkBlock(c, path, b, page.columns, page.articleIds, page.imageIds);
  return c.issues;
}

function checkBlock(c: Checker, p: string, b: Block, columns: number, articleIds: Set<string>, imageIds: Set<string>): void {
  if (!c.object(p, b)) return;
  c.text(`${p}.id`, b.id, TEXT);
  if (b.locked !== undefined) c.boolean(`${p}.locked`, b.locked);
  if (b.kind === 'rule') {
    for (const k of ['x1', 'y1', 'x2', 'y2'] as const) c.number(`${p}.${k}`, b[k], -MAX_PT, MAX_PT);
    c.number(`${p}.width`, b.width, 0, 72);
    if (b.style !== undefined) checkRuleStyle(c, `${p}.style`, b.style);
    return;
  }
  if (b.kind !== 'article' && b.kind !== 'image' && b.kind !== 'box' && b.kind !== 'ad') {
    c.fail(`${p}.kind`, (b as { kind: unknown }).kind, '应为 article、image、rule、box 或 ad', "must be 'article', 'image', 'rule', 'box' or 'ad'");
    return;
  }
  checkGridRect(c, p, b, columns);
  if (b.kind === 'box') return checkBox(c, p, b);
  if (b.kind === 'ad') return checkAd(c, p, b, imageIds);
  if (b.kind === 'article') {
    if (!articleIds.has(b.articleId)) c.fail(`${p}.articleId`, b.articleId, '找不到这篇文章', 'no article has this id');
    if (b.headlineSpan !== undefined) c.integer(`${p}.headlineSpan`, b.headlineSpan, 1, b.span);
    if (b.titleRow !== undefined) c.integer(`${p}.titleRow`, b.titleRow, 0, b.rows - 1);
    if (b.columnRows !== undefined && c.array(`${p}.columnRows`, b.columnRows)) {
      b.columnRows.forEach((r, k) => c.integer(`${p}.columnRows[${k}]`, r, 0, b.rows));
    }
    checkBox(c, p, b);
    const t = b.titleImage;
    if (t !== undefined && c.object(`${p}.titleImage`, t)) {
      if (!imageIds.has(t.imageId)) c.fail(`${p}.titleImage.imageId`, t.imageId, '找不到这张图片', 'no image has this id');
      if (t.rows !== undefined) c.integer(`${p}.titleImage.rows`, t.rows, 1, 10_000);
      if (t.text !== 'white' && t.text !== 'black') c.fail(`${p}.titleImage.text`, t.text, '应为 white（反白）或 black（黑字）', "must be 'white' (knockout) or 'black'");
      checkCrop(c, `${p}.titleImage`, t);
    }
    checkTitleSetting(c, p, b);
  } else {
    if (!imageIds.has(b.imageId)) c.fail(`${p}.imageId`, b.imageId, '找不到这张图片', 'no image has this id');
    c.text(`${p}.caption`, b.caption, TEXT);
    if (b.articleId !== undefined) c.text(`${p}.articleId`, b.articleId, TEXT);
    checkCrop(c, p, b);
    checkBox(c, p, b);
    if (b.wrap !== undefined && !TEXT_WRAPS.includes(b.wrap)) c.fail(`${p}.wrap`, b.wrap, '应为 around（绕框）、band（上下）或 none（不绕排）', "must be 'around', 'band' or 'none'");
    if (b.wrapOffset !== undefined) c.integer(`${p}.wrapOffset`, b.wrapOffset, 0, WRAP_OFFSET.max);
  }
}

/** 竖排标题, 标题底纹 and 反白 of an article block. */
function checkTitleSetting(c: Checker, p: string, b: ArticleBlock): void {
  const band = b.titleBand;
  if (band !== undefined && c.object(`${p}.titleBand`, band)) {
    c.number(`${p}.titleBand.tint`, band.tint, 1, 100);
    if (!TITLE_BAND_TEXTS.includes(band.text)) c.fail(`${p}.titleBand.text`, band.text, '应为 white（反白）或 black（黑字）', "must be 'white' (knockout) or 'black'");
  }
  if (b.titleDirection !== undefined && !TITLE_DIRECTIONS.includes(b.titleDirection)) {
    c.fail(`${p}.titleDirection`, b.titleDirection, '应为 horizontal（横排）或 vertical（竖排）', "must be 'horizontal' or 'vertical'");
  }
  if (b.titleLatin !== undefined && !VERTICAL_LATIN.includes(b.titleLatin)) {
    c.fail(`${p}.titleLatin`, b.titleLatin, '应为 rotated（转排）或 upright（直排）', "must be 'rotated' or 'upright'");
  }
}

/** A booked ad: the advertiser's name, and its artwork when it has arrived. */
function checkAd(c: Checker, p: string, b: AdBlock, imageIds: Set<string>): void {
  c.text(`${p}.advertiser`, b.advertiser, TEXT);
  if (b.imageId !== undefined && !imageIds.has(b.imageId)) c.fail(`${p}.imageId`, b.imageId, '找不到这张图片', 'no image has this id');
}

/** How text is set on the page (标点挤压, 缩进, 中西文间距). */
function checkTypeset(c: Checker, t: unknown): void {
  if (!c.object('page.typeset', t)) return;
  c.number('page.typeset.indent', t.indent, 0, 10);
  c.number('page.typeset.hanLatinSpace', t.hanLatinSpace, 0, 2);
  c.number('page.typeset.maxExpansion', t.maxExpansion, 0, 5);
  c.boolean('page.typeset.compressLineStartOpening', t.compressLineStartOpening);
  c.boolean('page.typeset.compressLineEndClosing', t.compressLineEndClosing);
}

function checkRuleStyle(c: Checker, path: string, style: unknown): void {
  if (!RULE_STYLES.includes(style as never)) c.fail(path, style, `应为 ${RULE_STYLES.join('、')} 之一`, `must be one of ${RULE_STYLES.join(', ')}`);
}

/** 底纹 and 边框 of a block. */
function checkBox(c: Checker, p: string, b: BlockBox): void {
  if (b.tint !== undefined) c.number(`${p}.tint`, b.tint, 0, 100);
  if (b.frameWidth !== undefined) c.number(`${p}.frameWidth`, b.frameWidth, 0, 24);
  if (b.frameStyle !== undefined) checkRuleStyle(c, `${p}.frameStyle`, b.frameStyle);
  if (b.inset !== undefined) c.number(`${p}.inset`, b.inset, 0, 72);
}

/** Scale and crop of a picture inside its frame. */
function checkCrop(c: Checker, p: string, crop: ImageCrop): void {
  if (crop.fit !== undefined && crop.fit !== 'fill' && crop.fit !== 'fit') c.fail(`${p}.fit`, crop.fit, '应为 fill（满框）或 fit（适合）', "must be 'fill' or 'fit'");
  if (crop.scale !== undefined) c.number(`${p}.scale`, crop.scale, 0.1, 10);
  if (crop.offsetX !== undefined) c.number(`${p}.offsetX`, crop.offsetX, -10, 10);
  if (crop.offsetY !== undefined) c.number(`${p}.offsetY`, crop.offsetY, -10, 10);
}

/** An article's overrides: known style names, each a partial style whose fields are in range. */
export function checkStyleOverrides(c: Checker, p: string, overrides: unknown): void {
  if (!c.object(p, overrides)) return;
  for (const [name, fields] of Object.entries(overrides)) {
    if (!STYLE_NAMES.includes(name as StyleName)) {
      c.fail(`${p}.${name}`, fields, '没有这个样式名', 'no style has this name');
      continue;
    }
    if (c.object(`${p}.${name}`, fields)) checkStyle(c, `${p}.${name}`, fields);
  }
}

/** The fields of a style or an override, with the same ranges and messages as the panels use. */
function checkStyle(c: Checker, p: string, fields: Record<string, unknown>): void {
  for (const issue of checkStyleFields(fields)) c.fail(`${p}.${issue.field}`, fields[issue.field], issue.zh, issue.en);
}

function checkGridRect(c: Checker, p: string, r: GridRect, columns: number): void {
  // A 0-column or 0-line block is legal while it is being drawn; layout reports it as empty.
  c.integer(`${p}.col`, r.col, 0, columns - 1);
  c.integer(`${p}.span`, r.span, 0, columns);
  c.integer(`${p}.row`, r.row, 0, 10_000);
  c.integer(`${p}.rows`, r.rows, 0, 10_000);
  if (Number.isInteger(r.col) && Number.isInteger(r.span) && r.col + r.span > columns) {
    c.fail(`${p}.span`, r.span, `超出版面的 ${columns} 栏`, `runs past the page's ${columns} columns`);
  }
}
