/**
 * The page plan (版面计划, PLAN.json): an edition's paper, date and format, its numbered pages with
 * their articles and booked ads, and the stories that continue from one page to another. Parsed and
 * checked here, purely: the caller says which files exist (paths are relative to the plan file).
 * Every problem names the plan field and its value, in zh-CN and English.
 */
import { calendarDay } from '../layout/date';
import { defaultPage } from '../model/defaults';
import type { GridRect, PageSettings } from '../model/document';
import { AD_POSITIONS, adCells, adRect, type AdPosition, type AdSize } from './ads';
import { gridGeometry, rectsMeet } from '../model/grid';
import { DEFAULT_JUMP_STYLE, JUMP_STYLES, type JumpStyle } from './jump';
import { DEFAULT_FILE_NAMES, fileNameIssues, type FileNames } from './export-files';

export const PLAN_FORMATS = ['broadsheet', 'tabloid'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** One declaration of the plan's bounds (a plan is a page of JSON; anything far past these is not one). */
export const PLAN_LIMITS = { bytes: 256 * 1024, pages: 64, pageNumber: 999, articlesPerPage: 60, adsPerPage: 12, textChars: 200, adMm: 2000 } as const;

export interface PlanAd {
  name: string;
  size: AdSize;
  position: AdPosition;
  /** PNG or JPEG artwork or a one-page PDF, relative to the plan; absent: a placeholder frame with the name and 广告. */
  artwork?: string;
  /** Where the ad lies on its page's grid. */
  rect: GridRect;
}

export interface PlanPage {
  number: number;
  name: string;
  /** The section (叠, e.g. A叠) the page belongs to; '' when the plan names none. */
  section: string;
  articles: string[];
  ads: PlanAd[];
}

export interface PlanContinue {
  article: string;
  from: number;
  to: number;
}

export interface EditionPlan {
  paper: string;
  date: string;
  format: PlanFormat;
  jumpStyle: JumpStyle;
  /** The paper's file names (`fileNames`: `page`, `edition` patterns); absent: the default. */
  fileNames?: FileNames;
  pages: PlanPage[];
  continue: PlanContinue[];
  /** The page settings every page of the edition starts from. */
  page: PageSettings;
}

export interface PlanIssue {
  /** The plan field, e.g. `pages[2].number`. */
  path: string;
  value: string;
  zh: string;
  en: string;
}

export type PlanResult = { ok: true; plan: EditionPlan } | { ok: false; issues: PlanIssue[] };

/** What the caller knows about the files the plan names. */
export interface PlanFiles {
  exists(path: string): boolean;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => (v === undefined ? '缺失 missing' : typeof v === 'number' && !Number.isFinite(v) ? String(v) : JSON.stringify(v) ?? String(v));

class Issues {
  list: PlanIssue[] = [];
  add(path: string, value: unknown, zh: string, en: string): void {
    this.list.push({ path, value: show(value), zh, en });
  }
  text(path: string, v: unknown, optional = false): string | undefined {
    if (v === undefined && optional) return undefined;
    if (typeof v === 'string' && v.trim() && v.length <= PLAN_LIMITS.textChars && !/[\n\r]/.test(v)) return v.trim();
    this.add(path, v, `应为一行非空文字（不超过 ${PLAN_LIMITS.textChars} 个字符）`, `must be one non-empty line of text (at most ${PLAN_LIMITS.textChars} characters)`);
    return undefined;
  }
  integer(path: string, v: unknown, min: number, max: number): number | undefined {
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
    this.add(path, v, `应为 ${min}–${max} 的整数`, `must be a whole number from ${min} to ${max}`);
    return undefined;
  }
  number(path: string, v: unknown, min: number, max: number): number | undefined {
    if (typeof v === 'number' && Number.isFinite(v) && v > min && v <= max) return v;
    this.add(path, v, `应为大于 ${min}、不超过 ${max} 的数`, `must be a number above ${min} and at most ${max}`);
    return undefined;
  }
  /** Each key of `obj` not in `known` (a typo such as `adds` would drop what it holds without a word). */
  unknownKeys(at: string, obj: Obj, known: readonly string[]): void {
    for (const k of Object.keys(obj)) if (!known.includes(k)) this.add(at ? `${at}.${k}` : k, obj[k], `未知字段（可用：${known.join('、')}）`, `unknown field (known: ${known.join(', ')})`);
  }
  file(path: string, v: unknown, files: PlanFiles): string | undefined {
    const name = this.text(path, v);
    if (name !== undefined && !files.exists(name)) this.add(path, v, '找不到这个文件（路径相对于计划文件）', 'no such file (paths are relative to the plan file)');
    return name;
  }
}

/** A plan's text → the checked plan, or every problem found (nothing is written on any). */
export function parsePlan(text: string, files: PlanFiles): PlanResult {
  if (text.length > PLAN_LIMITS.bytes) return { ok: false, issues: [{ path: '(文件 file)', value: `${text.length} chars`, zh: `计划文件太大（上限 ${PLAN_LIMITS.bytes}）`, en: `the plan is too large (limit ${PLAN_LIMITS.bytes})` }] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    // the value is what the parser said (where it stopped)
    return { ok: false, issues: [{ path: '(文件 file)', value: (e as Error).message, zh: '不是有效的 JSON', en: 'not valid JSON' }] };
  }
  const c = new Issues();
  if (!isObj(raw)) {
    c.add('(文件 file)', Array.isArray(raw) ? '[…]' : raw, '应为 JSON 对象', 'must be a JSON object');
    return { ok: false, issues: c.list };
  }
  const plan = checkTop(c, raw);
  const pages = checkPages(c, raw.pages, plan.page, files);
  const cont = checkContinues(c, raw.continue, pages);
  if (c.list.length || !plan.paper) return { ok: false, issues: c.list };
  return { ok: true, plan: { ...plan, paper: plan.paper, pages, continue: cont } };
}

const KNOWN_TOP = ['paper', 'date', 'format', 'jumpStyle', 'fileNames', 'pages', 'continue'];

function checkTop(c: Issues, raw: Obj): Omit<EditionPlan, 'pages' | 'continue' | 'paper'> & { paper?: string } {
  c.unknownKeys('', raw, KNOWN_TOP);
  const paper = c.text('paper', raw.paper);
  let date = '';
  if (typeof raw.date !== 'string' || !calendarDay(raw.date)) c.add('date', raw.date, '应为有效日期 年-月-日，例如 2026-12-03', 'must be a valid day YYYY-MM-DD, e.g. 2026-12-03');
  else date = raw.date.trim();
  const format = raw.format ?? 'broadsheet';
  if (!PLAN_FORMATS.includes(format as never)) c.add('format', raw.format, `应为 ${PLAN_FORMATS.join(' 或 ')}`, `must be ${PLAN_FORMATS.join(' or ')}`);
  const jumpStyle = raw.jumpStyle ?? DEFAULT_JUMP_STYLE;
  if (!Object.hasOwn(JUMP_STYLES, jumpStyle as string)) c.add('jumpStyle', raw.jumpStyle, `应为 ${Object.keys(JUMP_STYLES).join(' 或 ')}`, `must be ${Object.keys(JUMP_STYLES).join(' or ')}`);
  const fmt = PLAN_FORMATS.includes(format as never) ? (format as PlanFormat) : 'broadsheet';
  const fileNames = checkFileNames(c, raw.fileNames, paper ?? '');
  return { paper, date, format: fmt, jumpStyle: jumpStyle as JumpStyle, page: defaultPage(fmt), ...(fileNames ? { fileNames } : {}) };
}

/** `fileNames`: `{ "page": "{date}-{page}.pdf", "edition": "{date}.pdf" }`, either optional. */
function checkFileNames(c: Issues, raw: unknown, paper: string): FileNames | undefined {
  if (raw === undefined) return undefined;
  if (!isObj(raw)) return void c.add('fileNames', raw, '应为对象，例如 {"page": "{date}-{page}.pdf", "edition": "{date}.pdf"}', 'must be an object, e.g. {"page": "{date}-{page}.pdf", "edition": "{date}.pdf"}');
  c.unknownKeys('fileNames', raw, ['page', 'edition']);
  const page = c.text('fileNames.page', raw.page, true) ?? DEFAULT_FILE_NAMES.page;
  const edition = c.text('fileNames.edition', raw.edition, true) ?? DEFAULT_FILE_NAMES.edition;
  const names = { page, edition };
  for (const i of fileNameIssues(names, paper)) c.add(`fileNames.${i.key}`, i.value, i.zh, i.en);
  return names;
}

const KNOWN_PAGE = ['number', 'name', 'section', 'articles', 'ads'];

function checkPages(c: Issues, raw: unknown, page: PageSettings, files: PlanFiles): PlanPage[] {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > PLAN_LIMITS.pages) {
    c.add('pages', Array.isArray(raw) ? `${raw.length} 版 pages` : raw, `应为 1–${PLAN_LIMITS.pages} 个版面的列表`, `must be a list of 1 to ${PLAN_LIMITS.pages} pages`);
    return [];
  }
  const out: PlanPage[] = [];
  const numbers = new Map<number, number>();
  const articles = new Map<string, string>();
  raw.forEach((p, i) => {
    const at = `pages[${i}]`;
    if (!isObj(p)) return c.add(at, p, '应为对象', 'must be an object');
    c.unknownKeys(at, p, KNOWN_PAGE);
    const number = c.integer(`${at}.number`, p.number, 1, PLAN_LIMITS.pageNumber);
    if (number !== undefined && numbers.has(number)) c.add(`${at}.number`, number, `版次重复（pages[${numbers.get(number)}] 也是第${number}版）`, `duplicate page number (pages[${numbers.get(number)}] is page ${number} too)`);
    if (number !== undefined && !numbers.has(number)) numbers.set(number, i);
    const name = c.text(`${at}.name`, p.name) ?? '';
    const section = c.text(`${at}.section`, p.section, true) ?? '';
    const list = checkArticles(c, at, p.articles, files, articles);
    const ads = checkAds(c, at, p.ads, page, files);
    out.push({ number: number ?? 0, name, section, articles: list, ads });
  });
  return out;
}

function checkArticles(c: Issues, at: string, raw: unknown, files: PlanFiles, seen: Map<string, string>): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > PLAN_LIMITS.articlesPerPage) {
    c.add(`${at}.articles`, Array.isArray(raw) ? `${raw.length} 篇 articles` : raw, `应为不超过 ${PLAN_LIMITS.articlesPerPage} 个文件路径的列表`, `must be a list of at most ${PLAN_LIMITS.articlesPerPage} file paths`);
    return [];
  }
  const out: string[] = [];
  raw.forEach((v, j) => {
    const path = `${at}.articles[${j}]`;
    const name = c.file(path, v, files);
    if (name === undefined) return;
    if (seen.has(name)) c.add(path, v, `这篇稿件已排在 ${seen.get(name)}（转版用 continue）`, `this article is planned at ${seen.get(name)} already (use continue for a jump)`);
    else seen.set(name, path);
    out.push(name);
  });
  return out;
}

const KNOWN_AD = ['name', 'columns', 'lines', 'widthMm', 'heightMm', 'position', 'artwork'];

function checkAds(c: Issues, at: string, raw: unknown, page: PageSettings, files: PlanFiles): PlanAd[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > PLAN_LIMITS.adsPerPage) {
    c.add(`${at}.ads`, Array.isArray(raw) ? `${raw.length} 个 ads` : raw, `应为不超过 ${PLAN_LIMITS.adsPerPage} 个广告的列表`, `must be a list of at most ${PLAN_LIMITS.adsPerPage} ads`);
    return [];
  }
  const out: PlanAd[] = [];
  raw.forEach((a, k) => {
    const ad = checkAd(c, `${at}.ads[${k}]`, a, page, files);
    if (!ad) return;
    const clash = out.findIndex((o) => rectsMeet(o.rect, ad.rect));
    if (clash >= 0) c.add(`${at}.ads[${k}]`, ad.name, `与 ${at}.ads[${clash}]（${out[clash].name}）占了相同的版面格`, `takes the same cells as ${at}.ads[${clash}] (${out[clash].name})`);
    out.push(ad);
  });
  return out;
}

function checkAd(c: Issues, at: string, a: unknown, page: PageSettings, files: PlanFiles): PlanAd | undefined {
  if (!isObj(a)) return void c.add(at, a, '应为对象', 'must be an object');
  c.unknownKeys(at, a, KNOWN_AD);
  const name = c.text(`${at}.name`, a.name);
  const position = a.position ?? 'bottom-right';
  if (!Object.hasOwn(AD_POSITIONS, position as string)) c.add(`${at}.position`, a.position, `应为 ${Object.keys(AD_POSITIONS).join('、')} 之一`, `must be one of ${Object.keys(AD_POSITIONS).join(', ')}`);
  const artwork = a.artwork === undefined ? undefined : c.file(`${at}.artwork`, a.artwork, files);
  if (artwork !== undefined && !/\.(png|jpe?g|pdf)$/i.test(artwork)) c.add(`${at}.artwork`, a.artwork, '应为 PNG 或 JPEG 图片，或一页的 PDF', 'must be a PNG or JPEG picture, or a one-page PDF');
  const size = adSize(c, at, a, position as AdPosition, page);
  if (!name || !size || !Object.hasOwn(AD_POSITIONS, position as string)) return undefined;
  const rect = adRect(size, position as AdPosition, page);
  if (!rect) return void tooBig(c, at, a, size, position as AdPosition, page);
  return { name, size, position: position as AdPosition, rect, ...(artwork ? { artwork } : {}) };
}

function adSize(c: Issues, at: string, a: Obj, position: AdPosition, page: PageSettings): AdSize | undefined {
  const strip = position === 'bottom-strip';
  if (a.heightMm !== undefined || a.widthMm !== undefined) {
    const heightMm = c.number(`${at}.heightMm`, a.heightMm, 0, PLAN_LIMITS.adMm);
    const widthMm = strip && a.widthMm === undefined ? 1 : c.number(`${at}.widthMm`, a.widthMm, 0, PLAN_LIMITS.adMm);
    return heightMm && widthMm ? { widthMm, heightMm } : undefined;
  }
  const max = 10_000;
  const lines = c.integer(`${at}.lines`, a.lines, 1, max);
  const columns = strip && a.columns === undefined ? page.grid.columns : c.integer(`${at}.columns`, a.columns, 1, max);
  if (strip && columns !== undefined && columns !== page.grid.columns) c.add(`${at}.columns`, a.columns, `通栏广告占满全部 ${page.grid.columns} 栏`, `a bottom strip takes all ${page.grid.columns} columns`);
  return lines && columns ? { columns, lines } : undefined;
}

/** An ad past its page's grid, named by the field that makes it so (columns or widthMm, lines or heightMm) and its value. */
function tooBig(c: Issues, at: string, a: Obj, size: AdSize, position: AdPosition, page: PageSettings): void {
  const geo = gridGeometry(page);
  const cells = adCells(size, position, geo);
  const mm = !('columns' in size);
  if (cells.columns > geo.columns) {
    const field = mm ? 'widthMm' : 'columns';
    c.add(`${at}.${field}`, a[field], `广告比版面宽：${cells.columns} 栏，版心只有 ${geo.columns} 栏`, `the ad is wider than its page: ${cells.columns} columns, the type area has ${geo.columns}`);
  }
  if (cells.lines > geo.rows) {
    const field = mm ? 'heightMm' : 'lines';
    c.add(`${at}.${field}`, a[field], `广告比版面高：${cells.lines} 行，版心只有 ${geo.rows} 行`, `the ad is taller than its page: ${cells.lines} lines, the type area has ${geo.rows}`);
  }
}

const KNOWN_CONTINUE = ['article', 'from', 'to'];

function checkContinues(c: Issues, raw: unknown, pages: PlanPage[]): PlanContinue[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > PLAN_LIMITS.pages * PLAN_LIMITS.articlesPerPage) {
    c.add('continue', raw, '应为转版列表', 'must be a list of jumps');
    return [];
  }
  const out: PlanContinue[] = [];
  raw.forEach((j, i) => {
    const at = `continue[${i}]`;
    if (!isObj(j)) return c.add(at, j, '应为对象', 'must be an object');
    c.unknownKeys(at, j, KNOWN_CONTINUE);
    const article = c.text(`${at}.article`, j.article);
    const from = c.integer(`${at}.from`, j.from, 1, PLAN_LIMITS.pageNumber);
    const to = c.integer(`${at}.to`, j.to, 1, PLAN_LIMITS.pageNumber);
    if (article === undefined || from === undefined || to === undefined) return;
    const start = pages.find((p) => p.number === from);
    if (!start) return c.add(`${at}.from`, from, `计划中没有第${from}版`, `the plan has no page ${from}`);
    if (!pages.some((p) => p.number === to)) return c.add(`${at}.to`, to, `计划中没有第${to}版`, `the plan has no page ${to}`);
    if (to <= from) return c.add(`${at}.to`, to, `只能转到后面的版（第${from}版之后）`, `a story can only continue on a later page (after page ${from})`);
    if (!start.articles.includes(article)) return c.add(`${at}.article`, article, `第${from}版的 articles 中没有这篇稿件`, `page ${from}'s articles do not list this article`);
    if (out.some((o) => o.article === article)) return c.add(`${at}.article`, article, '这篇稿件已经转版一次', 'this article continues once already');
    out.push({ article, from, to });
  });
  return out;
}
