/**
 * The edition file (format version 2): written, read and checked, and a page file (version 1)
 * opened as a one-page edition. Every problem names its field and value in zh-CN and English, as
 * the page file's do (src-core/model/serialize.ts, validate.ts, whose checks the pages reuse).
 */
import type { BanmianDocument, Block } from '../model/document';
import { EDITION_FORMAT_VERSION, FORMAT_VERSION } from '../model/document';
import type { BlockFit } from '../model/fit-blocks';
import { documentFromJson, PAGE_DATA, readJson, type FileKind, type LoadResult } from '../model/serialize';
import { blockIssues, Checker, checkStyleOverrides, DOCUMENT_LIMITS, documentLimitIssue, FORMAT_NAMES, validatePageParts, validatePool, type ValidationIssue } from '../model/validate';
import type { EditionDocument } from './edition';
import { fileNameIssues } from './export-files';
import { JUMP_STYLES, DEFAULT_JUMP_STYLE } from './jump';
import { PLAN_LIMITS } from './plan';

/** An edition's bounds beyond a page's (DOCUMENT_LIMITS holds the pool's). */
export const EDITION_LIMITS = { pages: PLAN_LIMITS.pages, pageNumber: PLAN_LIMITS.pageNumber, chains: DOCUMENT_LIMITS.articles, partsPerChain: 100 } as const;

const EDITION_DATA: FileKind = { zh: '整期', en: 'edition' };

export type EditionResult = { ok: true; edition: EditionDocument } | { ok: false; zh: string; en: string; issues?: ValidationIssue[] };

/** What `openAny` gives: the edition, and for a page file the page itself as it opened. */
export type OpenedFile =
  | { ok: true; edition: EditionDocument; page?: BanmianDocument; migratedFrom?: number; fittedBlocks?: BlockFit[] }
  | { ok: false; zh: string; en: string; issues?: ValidationIssue[] };

export function serializeEdition(edition: EditionDocument): string {
  return JSON.stringify({ ...edition, formatVersion: EDITION_FORMAT_VERSION });
}

/**
 * The migration from version 1: a page file as a one-page edition. Its header gives the edition's
 * paper and date and the page's number (a plain number, else 1) and name; its lists become the pool
 * (a picture id the page repeats is kept once, as layout already shows the first).
 */
export function editionFromPage(doc: BanmianDocument): EditionDocument {
  const h = doc.page.header;
  const n = /^\d+$/.test(h.pageNumber) ? Number(h.pageNumber) : 0;
  const images = doc.images.filter((img, i) => doc.images.findIndex((o) => o.id === img.id) === i);
  return {
    formatVersion: EDITION_FORMAT_VERSION,
    edition: { paper: h.paperName, date: h.date, format: doc.page.format.name, jumpStyle: DEFAULT_JUMP_STYLE },
    articles: doc.articles,
    images,
    pages: [{ number: n >= 1 && n <= EDITION_LIMITS.pageNumber ? n : 1, name: h.section, section: '', page: doc.page, articles: doc.articles.map((a) => a.id), images: images.map((img) => img.id), blocks: doc.blocks }],
    chains: [],
  };
}

/** A page file or an edition file, opened as an edition. Never throws. */
export function openAny(text: string): OpenedFile {
  const read = pageOrEdition(text);
  if (!read.ok || 'edition' in read) return read;
  return { ok: true, edition: editionFromPage(read.document), page: read.document, migratedFrom: FORMAT_VERSION, ...(read.fittedBlocks ? { fittedBlocks: read.fittedBlocks } : {}) };
}

/**
 * A page file as the page (`parseDocument`), an edition file (format version 2) as the edition
 * (`parseEdition`): the text parsed once, its format version read from the parsed value. Text that
 * is no JSON is refused as a page file is. Never throws.
 */
export function pageOrEdition(text: string, options: EditionReadOptions = {}): LoadResult | EditionResult {
  const read = readJson(text, PAGE_DATA);
  if (!read.ok) return read;
  const { raw } = read;
  const version = typeof raw === 'object' && raw !== null ? (raw as Obj).formatVersion : undefined;
  return version === EDITION_FORMAT_VERSION ? editionFromJson(raw, options) : documentFromJson(raw);
}

/**
 * How strict a read is. The app opens an edition whose pages share a number (a hand edit, two desks
 * renumbering at once) so its overview can flag them and the desk can fix it; print and export refuse it.
 */
export interface EditionReadOptions {
  duplicateNumbers?: 'refuse' | 'allow';
}

/** Parses and checks an edition file. Never throws; garbage gives a clear error. */
export function parseEdition(text: string, options: EditionReadOptions = {}): EditionResult {
  const read = readJson(text, EDITION_DATA);
  return read.ok ? editionFromJson(read.raw, options) : read;
}

/** `parseEdition` of a file's parsed JSON (`readJson`): checked. Never throws. */
export function editionFromJson(raw: unknown, options: EditionReadOptions = {}): EditionResult {
  const issues = validateEdition(raw, options);
  if (issues.length) {
    const first = issues.slice(0, 5);
    return { ok: false, zh: `整期数据有误：${first.map((i) => i.zh).join('；')}`, en: `The edition data is invalid: ${first.map((i) => i.en).join('; ')}`, issues };
  }
  return { ok: true, edition: raw as EditionDocument };
}

type Obj = Record<string, unknown>;

/** Every problem of an edition file, each naming its field; [] when it is sound. */
export function validateEdition(raw: unknown, options: EditionReadOptions = {}): ValidationIssue[] {
  const c = new Checker();
  if (!c.object('(文件 file)', raw)) return c.issues;
  if (raw.formatVersion !== EDITION_FORMAT_VERSION) c.fail('formatVersion', raw.formatVersion, `应为 ${EDITION_FORMAT_VERSION}`, `must be ${EDITION_FORMAT_VERSION}`);
  const tooMany = documentLimitIssue(raw);
  if (tooMany) return [...c.issues, tooMany];
  checkInfo(c, raw.edition);
  const pool = validatePool(raw.articles, raw.images);
  c.issues.push(...pool.issues);
  duplicateImages(c, raw.images);
  if (!c.array('pages', raw.pages)) return c.issues;
  if (raw.pages.length < 1 || raw.pages.length > EDITION_LIMITS.pages) c.fail('pages', `${raw.pages.length} 版 pages`, `应有 1–${EDITION_LIMITS.pages} 个版面`, `must hold 1 to ${EDITION_LIMITS.pages} pages`);
  else checkPages(c, raw.pages, pool, (raw.edition as Obj | undefined)?.format, chainedArticles(raw.chains), options.duplicateNumbers === 'allow');
  if (c.issues.length === 0) checkChains(c, raw as unknown as EditionDocument);
  if (c.issues.length === 0 && raw.poolPictures !== undefined) checkPoolPictures(c, raw as unknown as EditionDocument, pool);
  return c.issues;
}

/** The pooled picture blocks (pool-pictures.ts): picture blocks of the pool's pictures, each of a pool article on no page. */
function checkPoolPictures(c: Checker, ed: EditionDocument, pool: { articleIds: Set<string>; imageIds: Set<string> }): void {
  const blocks = ed.poolPictures as unknown;
  if (!c.array('poolPictures', blocks)) return;
  if (blocks.length > DOCUMENT_LIMITS.blocks) return c.fail('poolPictures', blocks.length, `超过上限 ${DOCUMENT_LIMITS.blocks} 项`, `holds more than ${DOCUMENT_LIMITS.blocks} entries`);
  const columns = Math.max(...ed.pages.map((p) => p.page.grid.columns));
  const listed = new Set(ed.pages.flatMap((p) => p.articles));
  blocks.forEach((b, i) => {
    const at = `poolPictures[${i}]`;
    if (!c.object(at, b)) return;
    if (b.kind !== 'image') return c.fail(`${at}.kind`, b.kind, '应为图片块（image）', 'must be a picture block (image)');
    if (typeof b.articleId !== 'string' || !pool.articleIds.has(b.articleId)) return c.fail(`${at}.articleId`, b.articleId, '稿库中没有这篇稿件', 'the pool has no article with this id');
    if (listed.has(b.articleId)) return c.fail(`${at}.articleId`, b.articleId, '这篇稿件在版面上，它的图片应在版面上', 'this article is on a page: its pictures belong on the page');
    c.issues.push(...blockIssues(at, b as unknown as Block, { columns, ...pool }));
  });
}

function checkInfo(c: Checker, info: unknown): void {
  if (!c.object('edition', info)) return;
  c.text('edition.paper', info.paper, DOCUMENT_LIMITS.textChars);
  c.text('edition.date', info.date, DOCUMENT_LIMITS.textChars);
  c.oneOf('edition.format', info.format, FORMAT_NAMES);
  c.oneOf('edition.jumpStyle', info.jumpStyle, Object.keys(JUMP_STYLES));
  if (info.fileNames !== undefined) checkFileNames(c, info.fileNames, info.paper);
}

/** The optional naming convention, as the plan checks it (export-files.ts). */
function checkFileNames(c: Checker, names: unknown, paper: unknown): void {
  if (!c.object('edition.fileNames', names)) return;
  const page = c.text('edition.fileNames.page', names.page, DOCUMENT_LIMITS.textChars);
  const edition = c.text('edition.fileNames.edition', names.edition, DOCUMENT_LIMITS.textChars);
  if (!page || !edition || typeof paper !== 'string') return;
  for (const i of fileNameIssues({ page: names.page as string, edition: names.edition as string }, paper)) c.fail(`edition.fileNames.${i.key}`, i.value, i.zh, i.en);
}

function duplicateImages(c: Checker, images: unknown): void {
  if (!Array.isArray(images)) return;
  const seen = new Set<unknown>();
  images.forEach((img, i) => {
    const id = (img as Obj | null)?.id;
    if (seen.has(id)) c.fail(`images[${i}].id`, id, '图片编号重复', 'duplicate image id');
    seen.add(id);
  });
}

/** The articles the file's chains name (checked with the chains; here only to let them span pages). */
function chainedArticles(chains: unknown): Set<unknown> {
  return new Set(Array.isArray(chains) ? chains.map((ch) => (ch as Obj | null)?.article) : []);
}

function checkPages(c: Checker, pages: unknown[], pool: { articleIds: Set<string>; imageIds: Set<string> }, format: unknown, chained: Set<unknown>, sharedNumbers: boolean): void {
  const numbers = new Map<number, number>();
  const holder = new Map<string, number>();
  pages.forEach((p, i) => {
    const at = `pages[${i}]`;
    if (!c.object(at, p)) return;
    if (c.integer(`${at}.number`, p.number, 1, EDITION_LIMITS.pageNumber)) {
      if (numbers.has(p.number) && !sharedNumbers) c.fail(`${at}.number`, p.number, `版次重复（pages[${numbers.get(p.number)}] 也是第${p.number}版）`, `duplicate page number (pages[${numbers.get(p.number)}] is page ${p.number} too)`);
      else numbers.set(p.number, i);
    }
    c.text(`${at}.name`, p.name, DOCUMENT_LIMITS.textChars);
    c.text(`${at}.section`, p.section, DOCUMENT_LIMITS.textChars);
    const articleIds = idList(c, `${at}.articles`, p.articles, pool.articleIds, DOCUMENT_LIMITS.articles, '稿库中没有这篇稿件', 'the pool has no article with this id');
    const imageIds = idList(c, `${at}.images`, p.images, pool.imageIds, DOCUMENT_LIMITS.images, '图库中没有这张图片', 'the pool has no picture with this id');
    if (Array.isArray(p.blocks) && p.blocks.length > DOCUMENT_LIMITS.blocks) c.fail(`${at}.blocks`, p.blocks.length, `超过上限 ${DOCUMENT_LIMITS.blocks} 项`, `holds more than ${DOCUMENT_LIMITS.blocks} entries`);
    else c.issues.push(...validatePageParts(p.page, p.blocks, { articleIds, imageIds }, `${at}.`));
    const name = (p.page as { format?: { name?: unknown } } | undefined)?.format?.name;
    if (typeof format === 'string' && name !== undefined && name !== format) c.fail(`${at}.page.format.name`, name, `与整期的开本 edition.format（${format}）不同`, `differs from the edition's format edition.format (${format})`);
    for (const id of articleIds) {
      if (chained.has(id)) continue;
      if (holder.has(id)) c.fail(`${at}.articles`, id, `这篇稿件已在 pages[${holder.get(id)}]（跨版请用 chains）`, `this article is on pages[${holder.get(id)}] already (use chains for a story across pages)`);
      else holder.set(id, i);
    }
  });
}

/** A page's list of pool ids: each a string the pool has, none twice. */
function idList(c: Checker, at: string, list: unknown, known: Set<string>, max: number, zh: string, en: string): Set<string> {
  const ids = new Set<string>();
  if (!c.array(at, list)) return ids;
  if (list.length > max) {
    c.fail(at, list.length, `超过上限 ${max} 项`, `holds more than ${max} entries`);
    return ids;
  }
  list.forEach((id, k) => {
    if (typeof id !== 'string' || !known.has(id)) c.fail(`${at}[${k}]`, id, zh, en);
    else if (ids.has(id)) c.fail(`${at}[${k}]`, id, '重复列出', 'listed twice');
    else ids.add(id);
  });
  return ids;
}


/** The story chains: each a pool article through article blocks that show it, in page order, cut at paragraphs. */
function checkChains(c: Checker, ed: EditionDocument): void {
  const chains = ed.chains as unknown;
  if (!c.array('chains', chains)) return;
  if (chains.length > EDITION_LIMITS.chains) return c.fail('chains', chains.length, `超过上限 ${EDITION_LIMITS.chains} 项`, `holds more than ${EDITION_LIMITS.chains} entries`);
  const seen = new Set<string>();
  const where = placesOf(ed);
  chains.forEach((ch, i) => {
    const at = `chains[${i}]`;
    if (!c.object(at, ch)) return;
    const article = ed.articles.find((a) => a.id === ch.article);
    if (!article) return c.fail(`${at}.article`, ch.article, '稿库中没有这篇稿件', 'the pool has no article with this id');
    if (seen.has(article.id)) return c.fail(`${at}.article`, ch.article, '这篇稿件已有一条接排链', 'this article has a chain already');
    seen.add(article.id);
    const parts = ch.parts;
    if (!c.array(`${at}.parts`, parts)) return;
    if (parts.length < 2 || parts.length > EDITION_LIMITS.partsPerChain) return c.fail(`${at}.parts`, `${parts.length} 段 parts`, `应有 2–${EDITION_LIMITS.partsPerChain} 段`, `must hold 2 to ${EDITION_LIMITS.partsPerChain} parts`);
    const before = c.issues.length;
    const pages = parts.map((part, k) => checkPart(c, where, `${at}.parts[${k}]`, part, article.id, k === 0 ? -1 : (parts[k - 1] as Obj | null)?.from, article.body.content.length));
    if (c.issues.length > before) return;
    checkChainPages(c, ed, where, at, article.id, pages as number[], parts as { block: string }[]);
  });
}

interface Placed {
  b: Block;
  pi: number;
  bi: number;
}

/** Where blocks and listed articles are, looked up once (a chain's checks stay linear in the file). */
interface Places {
  blocks: Map<string, Placed[]>;
  byArticle: Map<string, Placed[]>;
  listed: Map<string, { pi: number; k: number }[]>;
}

function placesOf(ed: EditionDocument): Places {
  const places: Places = { blocks: new Map(), byArticle: new Map(), listed: new Map() };
  const add = <T>(m: Map<string, T[]>, key: string, v: T): void => void (m.get(key) ?? m.set(key, []).get(key)!).push(v);
  ed.pages.forEach((p, pi) => {
    p.blocks.forEach((b, bi) => {
      add(places.blocks, b.id, { b, pi, bi });
      if (b.kind === 'article') add(places.byArticle, b.articleId, { b, pi, bi });
    });
    p.articles.forEach((id, k) => add(places.listed, id, { pi, k }));
  });
  return places;
}

/** One part: an article block of the chain's article, and the paragraph it starts at; gives its page's index. */
function checkPart(c: Checker, where: Places, at: string, part: unknown, articleId: string, prevFrom: unknown, paragraphs: number): number | undefined {
  if (!c.object(at, part)) return undefined;
  if (prevFrom === -1) {
    if (part.from !== 0) c.fail(`${at}.from`, part.from, '第一段应从第 0 段开始', 'the first part must start at paragraph 0');
  } else if (typeof prevFrom === 'number' && c.integer(`${at}.from`, part.from, 0, paragraphs - 1) && part.from <= prevFrom) {
    c.fail(`${at}.from`, part.from, `应大于上一段的 from（${prevFrom}），每段至少一个段落`, `must be past the previous part's from (${prevFrom}): at least one paragraph a part`);
  }
  if (part.styleOverrides !== undefined) checkStyleOverrides(c, `${at}.styleOverrides`, part.styleOverrides);
  const holders = typeof part.block === 'string' ? (where.blocks.get(part.block) ?? []) : [];
  if (holders.length !== 1) {
    c.fail(`${at}.block`, part.block, holders.length ? `有 ${holders.length} 个块用这个编号` : '没有这个编号的块', holders.length ? `${holders.length} blocks have this id` : 'no block has this id');
    return undefined;
  }
  const { b, pi } = holders[0];
  if (b.kind !== 'article' || b.articleId !== articleId) c.fail(`${at}.block`, part.block, `应为排这篇稿件（${articleId}）的文章块`, `must be an article block of this article (${articleId})`);
  return pi;
}

/** The chain runs forward through the pages, holds every block of its article, and every page listing it holds a part. */
function checkChainPages(c: Checker, ed: EditionDocument, where: Places, at: string, articleId: string, pages: number[], parts: { block: string }[]): void {
  pages.forEach((pi, k) => {
    const prev = pages[k - 1];
    if (k > 0 && ed.pages[pi].number < ed.pages[prev].number) c.fail(`${at}.parts[${k}].block`, parts[k].block, `在第${ed.pages[pi].number}版，早于上一段所在的第${ed.pages[prev].number}版`, `is on page ${ed.pages[pi].number}, before page ${ed.pages[prev].number} of the part before it`);
    if (parts.findIndex((p) => p.block === parts[k].block) !== k) c.fail(`${at}.parts[${k}].block`, parts[k].block, '同一个块出现两次', 'the same block is listed twice');
  });
  const inChain = new Set(parts.map((p) => p.block));
  for (const { b, pi, bi } of where.byArticle.get(articleId) ?? []) {
    if (!inChain.has(b.id)) c.fail(`pages[${pi}].blocks[${bi}]`, b.id, `排的是接排稿件 ${articleId}，却不在它的链 ${at} 中（会把全文再排一遍）`, `shows the chained article ${articleId} but is not in its chain ${at} (it would print the whole text again)`);
  }
  const held = new Set(pages);
  for (const { pi, k } of where.listed.get(articleId) ?? []) {
    if (!held.has(pi)) c.fail(`pages[${pi}].articles[${k}]`, articleId, `接排稿件在此版没有一段（${at}）`, `the chained article has no part on this page (${at})`);
  }
}
