import { basename } from 'node:path';
import type { Article } from '../../../src-core/model/document';
import { FIELD_LABELS, FIELD_ORDER, findPageFindings, unplacedFindings, ERROR_RATE_METHOD, type PlacedFinding } from '../../../src-core/proof/checks';
import { errorRate, pageAreaCharacters, PASS_PER_10K, type ErrorRate } from '../../../src-core/proof/error-rate';
import { correctionFindings, type CheckedPage } from '../../../src-core/proof/import-corrections';
import { MAX_PLACED_CORRECTIONS, type Correction, type ImportReport } from '../../../src-core/import/report';
import { docFromParagraphs } from '../../../src-core/model/richtext';
import { readSheets, type Sheet } from '../check-sheets';
import { editionConsistency } from '../../../src-core/proof/edition-consistency';
import { readRegularFile } from '../../import/read-file';
import { gatherPaths, importGathered, type Gathered as GatheredFiles } from '../../import/read-inputs';
import { namingFile } from '../../../src-core/import/types';
import { HOUSE_LIMITS, applyHouseLists, dropDismissed, parseHouseLists, pooledDismissals, type HouseLists } from '../../../src-core/proof/rules/house-lists';
import { PAGE_HEADER_ID, type DismissedFinding, type SavedCorrection } from '../../../src-core/model/proof';
import { dismissalsOf, readProofState } from '../../../src-core/store/persist';
import { commandUsage, parseCommandArgs } from '../command-table';

/** The headline-only article a check reads a page item (通栏 banner, 栏目 column name) as. */
const pageItem = (id: string, text: string): Article => ({ id, kicker: '', headline: text, deck: '', byline: '', bylinePosition: 'end', lead: '', body: docFromParagraphs([]), jumpFrom: '', jumpTo: '' });

interface Gathered extends CheckedPage {
  corrections: Correction[];
  errors: string[];
  /** The laid-out pages read (a page file, an edition's pages), each checked as a page of its own. */
  sheets: Sheet[];
  /** The articles of the files read as text (any importer), checked together; they have no page area. */
  imported: Article[];
  /** Files read as text, which have no page area. */
  unlaid: number;
}

/**
 * Articles from .banmian pages and editions (sheets), or from any file the importers read (the
 * importer's one article splitter, as `import` and `compose` use it), with the page items and the
 * importer's corrections. `raw` reads text files as written: no punctuation normalization, no OCR
 * spaces removed.
 */
async function gatherPage(files: string[], raw: boolean): Promise<Gathered> {
  const out: Gathered = { articles: [], bannerIds: [], columnIds: [], corrections: [], errors: [], sheets: [], imported: [], unlaid: 0 };
  const others: GatheredFiles['files'] = [];
  // files as given, folders walked (as import and compose take them), read the one way they read them
  const expanded = gatherPaths(files);
  for (const e of expanded.errors) out.errors.push(`${e.zh}\n${e.en}`);
  for (const file of expanded.files) {
    if (!file.path.endsWith('.banmian')) {
      others.push(file);
      continue;
    }
    const read = readSheets(file.path, out.sheets.length);
    if (read.ok) out.sheets.push(...read.sheets);
    else out.errors.push(`${read.zh}\n${read.en}`);
  }
  for (const sheet of out.sheets) out.articles.push(...sheet.articles, ...sheet.unplaced);
  if (!others.length) return out;
  const { result, unread } = await importGathered(others, raw ? { normalizePunctuation: false, removeOcrSpaces: false } : {});
  for (const e of unread) out.errors.push(`${e.zh}\n${e.en}`);
  out.unlaid = others.length - unread.length;
  const report = result.report;
  result.page.banners.forEach((text, i) => {
    out.bannerIds.push(`banner-${i + 1}`);
    out.imported.push(pageItem(`banner-${i + 1}`, text));
  });
  result.page.columnNames.forEach((text, i) => {
    out.columnIds.push(`column-${i + 1}`);
    out.imported.push(pageItem(`column-${i + 1}`, text));
  });
  out.imported.push(...result.articles);
  out.articles.push(...out.imported);
  out.corrections = report.corrections;
  for (const e of result.errors.map(namingFile)) out.errors.push(`${e.zh} / ${e.en}`);
  return out;
}

function line(f: PlacedFinding, titles: Map<string, string>): string {
  const where = `${f.unplaced ? '未上版 not placed · ' : ''}${titles.get(f.articleId) ?? f.articleId} · ${FIELD_LABELS[f.field].zh}${f.field === 'body' ? ` 第${f.paragraph + 1}段` : ''} · 第${f.offset + 1}字`;
  // an empty fix deletes the found text (三、四十 → 三四十), as the app's 删除 button does
  const fix = f.fix === undefined ? '' : f.fix === '' ? ' → 删去 (delete)' : ` → 改为「${f.fix}」`;
  const level = f.severity === 'corrected' ? 'corrected 已自动改正' : f.severity;
  return `[${level}] ${where}\n  ${f.excerpt}\n  ${f.zh}${fix}\n  ${f.en} (${f.rule})`;
}

/** Findings in page order: article by article, then field, paragraph and place. */
function inPageOrder(findings: PlacedFinding[], articles: Article[]): PlacedFinding[] {
  const rank = new Map(articles.map((a, i) => [a.id, i]));
  const fieldRank = (f: PlacedFinding): number => FIELD_ORDER.indexOf(f.field);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((x, y) => (rank.get(x.f.articleId) ?? 0) - (rank.get(y.f.articleId) ?? 0) || fieldRank(x.f) - fieldRank(y.f) || x.f.paragraph - y.f.paragraph || x.f.offset - y.f.offset || x.i - y.i)
    .map((x) => x.f);
}

/** Articles proper: the page items read as headline-only articles are counted apart, as compose counts them. */
const articleCount = (page: Gathered): number => page.articles.length - page.bannerIds.length - page.columnIds.length;

/**
 * The issue's 差错率 (error-rate.ts): over the page areas when every input is a laid-out page, else
 * over the text of all of them (one basis per figure; a page area and a text count do not add up).
 */
function issueRate(page: Gathered, findings: PlacedFinding[], textCharacters: number): ErrorRate {
  if (page.sheets.length > 0 && page.unlaid === 0) return errorRate(findings, page.sheets.reduce((n, s) => n + pageAreaCharacters(s.page), 0), 'page-area');
  return errorRate(findings, textCharacters, 'text');
}

interface SheetRate {
  label: string;
  rate: ErrorRate;
}

/**
 * Every finding: each laid-out page checked as a page of its own (its header too, the page-wide
 * rules over its texts), the imported texts together; each under the house lists. Each page's
 * 差错率 over its own area, as the app shows it.
 */
function findAll(page: Gathered, lists: HouseLists | undefined): { findings: PlacedFinding[]; corrected: PlacedFinding[]; textCharacters: number; sheets: SheetRate[] } {
  const groups: { articles: Article[]; headers: Sheet['headers']; sheet?: Sheet }[] = page.sheets.map((sheet) => ({ articles: sheet.articles, headers: sheet.headers, sheet }));
  if (page.imported.length) groups.push({ articles: page.imported, headers: [] });
  const out = { findings: [] as PlacedFinding[], corrected: [] as PlacedFinding[], textCharacters: 0, sheets: [] as SheetRate[] };
  // a name or a figure written two ways on different pages of the issue (a pair on one page is the page rules')
  const acrossPages = page.sheets.length > 1 ? editionConsistency(page.sheets) : [];
  const dismissed = fileDismissals(page.sheets);
  for (const [k, g] of groups.entries()) {
    const found = findPageFindings(g);
    // what the page does not print (未上版) is listed apart, never counted in its 差错率 (error-rate.ts)
    found.findings.push(...(acrossPages[k] ?? []), ...unplacedFindings(g.sheet?.unplaced ?? []));
    const all = [...g.articles, ...(g.sheet?.unplaced ?? [])];
    const saved = savedChecks(g.sheet);
    const kept = dropDismissed(all, found.findings, g.sheet ? sheetDismissals(dismissed.get(g.sheet.file)!, g.sheet, saved.dismissed) : saved.dismissed, g.headers);
    const findings = lists ? applyHouseLists(all, kept, lists, g.headers) : kept;
    out.findings.push(...findings);
    out.corrected.push(...correctionFindings(saved.corrections, { articles: all, bannerIds: [], columnIds: [] }));
    out.textCharacters += found.textCharacters;
    if (g.sheet) out.sheets.push({ label: g.sheet.label, rate: errorRate(findings, pageAreaCharacters(g.sheet.page), 'page-area') });
  }
  return out;
}

/** What a laid-out page file keeps of its checks: each article's dismissed findings and the importer's corrections. */
function savedChecks(sheet: Sheet | undefined): { dismissed: Map<string, DismissedFinding[]>; corrections: SavedCorrection[] } {
  const state = sheet ? readProofState(sheet.proof).state : undefined;
  const corrections = Object.values(state?.articles ?? {}).flatMap((a) => a.corrections ?? []);
  return { dismissed: dismissalsOf(state), corrections };
}

/**
 * A sheet's dismissals: its file's articles' pooled, and its own header's (the page's, never pooled)
 * under the id its header findings carry (check-sheets.ts numbers an edition's).
 */
function sheetDismissals(pooled: Map<string, DismissedFinding[]>, sheet: Sheet, own: ReadonlyMap<string, DismissedFinding[]>): Map<string, DismissedFinding[]> {
  const header = own.get(PAGE_HEADER_ID);
  const id = sheet.headers[0]?.articleId;
  return header && id ? new Map([...pooled, [id, header]]) : pooled;
}

/** Each file's dismissals, its pages' together: a story chained across an edition's pages is dismissed in every part. */
function fileDismissals(sheets: readonly Sheet[]): Map<string, Map<string, DismissedFinding[]>> {
  const files = new Set(sheets.map((s) => s.file));
  return new Map([...files].map((file) => [file, pooledDismissals(sheets.filter((s) => s.file === file).map((s) => savedChecks(s).dismissed))]));
}

/** One line a page: its 差错率 over its area and whether it passes, zh and en. */
function printSheetRates(sheets: SheetRate[]): void {
  for (const { label, rate } of sheets) {
    console.log(`${label}：差错 ${rate.errors} 个 ÷ 版面字数 ${rate.characters} 字，差错率万分之 ${rate.per10k.toFixed(2)}，${rate.pass ? '合格' : '不合格'} / ${rate.errors} errors ÷ ${rate.characters} characters: ${rate.per10k.toFixed(2)} per 10,000, ${rate.pass ? 'pass' : 'fail'}`);
  }
}

const BASIS_NAMES = { 'page-area': { zh: '版面字数', en: 'the page area' }, text: { zh: '文字字数（无版面）', en: 'the text (no layout)' } } as const;

function printSummary(page: Gathered, findings: PlacedFinding[], characters: number, rate: ErrorRate, corrected: number): void {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (f.severity !== 'corrected') counts[f.severity]++;
  const articles = articleCount(page);
  const items = page.bannerIds.length + page.columnIds.length ? `（含通栏 ${page.bannerIds.length} 行、栏目名 ${page.columnIds.length} 个）` : '';
  const itemsEn = page.bannerIds.length + page.columnIds.length ? ` (with ${page.bannerIds.length} banner lines, ${page.columnIds.length} column names)` : '';
  const capped = page.corrections.length >= MAX_PLACED_CORRECTIONS ? `（只列出前 ${MAX_PLACED_CORRECTIONS} 处）` : '';
  const cappedEn = page.corrections.length >= MAX_PLACED_CORRECTIONS ? ` (the first ${MAX_PLACED_CORRECTIONS} listed)` : '';
  const per10k = rate.per10k.toFixed(2);
  const basis = BASIS_NAMES[rate.basis];
  console.log(`\n共 ${articles} 篇、${characters} 字${items}：错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}；已自动改正 ${corrected} 处${capped}（不计差错）`);
  console.log(`${articles} articles, ${characters} characters${itemsEn}: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes; ${corrected} auto-corrected${cappedEn} (not errors)`);
  console.log(`差错 ${rate.errors} 个 ÷ ${basis.zh} ${rate.characters} 字：差错率万分之 ${per10k}，${rate.pass ? '合格' : '不合格'}（合格线万分之 ${PASS_PER_10K}）`);
  console.log(`${rate.errors} counted errors ÷ ${rate.characters} characters of ${basis.en}: error rate ${per10k} per 10,000, ${rate.pass ? 'pass' : 'fail'} (the pass line is ${PASS_PER_10K})`);
  const off = findings.filter((f) => f.unplaced && (f.severity === 'error' || f.severity === 'warning')).length;
  if (off) console.log(`未上版稿件中另有错误或警告 ${off} 处（已列出，不计入版面差错率） / ${off} errors or warnings in articles not placed (listed, not counted in the page's rate)`);
  console.log(`计算方法：${ERROR_RATE_METHOD.zh}\nmethod: ${ERROR_RATE_METHOD.en}`);
}

/** The `--house` file, read with a size cap and parsed; a problem names the file, zh and en. */
function readHouseLists(path: string): { ok: true; lists: HouseLists } | { ok: false; zh: string; en: string } {
  const read = readRegularFile(path, basename(path), HOUSE_LIMITS.bytes);
  if (!read.ok) return read;
  return parseHouseLists(new TextDecoder().decode(read.bytes), basename(path));
}

/**
 * `check FILE... [--json] [--all] [--raw] [--house FILE]`: the automatic proofreading checks (under
 * the paper's house lists), each finding with its place and fix, and every change the importer made
 * (已自动改正) unless --raw checks the text as written. Exit 1 when a finding is an error or an input
 * could not be read, so scripts can stop.
 */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('check', args);
  if (!parsed) return 2;
  const { json, all, raw } = parsed.values;
  const files = parsed.positionals;
  if (files.length === 0) {
    console.error(commandUsage('check'));
    return 2;
  }
  const page = await gatherPage(files, raw === true);
  for (const e of page.errors) console.error(e);
  // nothing read: there is no text to report on (a report of 0 characters would read as a pass)
  if (page.errors.length && !page.sheets.length && !page.unlaid) return 1;
  const house = parsed.values.house === undefined ? undefined : readHouseLists(parsed.values.house);
  if (house && !house.ok) {
    console.error(`${house.zh}\n${house.en}`);
    return 1;
  }
  // the paper's own words, dismissed findings and banned expressions (--house) decide what is found, then the rate counts it
  const result = findAll(page, house?.lists);
  const rate = issueRate(page, result.findings, result.textCharacters);
  const corrected = [...result.corrected, ...correctionFindings(page.corrections, page)];
  const findings = inPageOrder([...corrected, ...result.findings], page.articles);
  const shown = all ? findings : findings.filter((f) => f.severity !== 'info');
  if (json) {
    const figures = { characters: rate.characters, textCharacters: result.textCharacters, errors: rate.errors, errorRatePer10k: rate.per10k, rate };
    const pages = result.sheets.length > 1 ? { pages: result.sheets } : {};
    console.log(JSON.stringify({ ...figures, ...pages, articles: articleCount(page), banners: page.bannerIds.length, columnNames: page.columnIds.length, corrected: corrected.length, method: ERROR_RATE_METHOD, findings: shown }, null, 2));
  } else {
    const titles = new Map(page.articles.map((a) => [a.id, a.headline.slice(0, 12) || a.id]));
    for (const f of shown) console.log(line(f, titles));
    if (result.sheets.length > 1) printSheetRates(result.sheets);
    printSummary(page, result.findings, result.textCharacters, rate, corrected.length);
  }
  return page.errors.length > 0 || result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
