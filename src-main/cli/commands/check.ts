import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import { ARTICLE_PART_LABELS, ARTICLE_TEXT_FIELDS } from '../../../src-core/model/article-fields';
import type { Article } from '../../../src-core/model/document';
import { checkDocument, ERROR_RATE_METHOD, type PageCheck, type PlacedFinding } from '../../../src-core/proof/checks';
import { correctionFindings, type CheckedPage } from '../../../src-core/proof/import-corrections';
import { MAX_PLACED_CORRECTIONS, type Correction, type ImportReport } from '../../../src-core/import/report';
import { docFromParagraphs } from '../../../src-core/model/richtext';
import { loadBanmianFile } from '../../files/banmian-file';
import { readRegularFile } from '../../import/read-file';
import { HOUSE_LIMITS, checkWithHouseLists, parseHouseLists, type HouseLists } from '../../../src-core/proof/rules/house-lists';
import { commandUsage, parseOptions } from '../command-table';

/** The headline-only article a check reads a page item (通栏 banner, 栏目 column name) as. */
const pageItem = (id: string, text: string): Article => ({ id, kicker: '', headline: text, deck: '', byline: '', bylinePosition: 'end', lead: '', body: docFromParagraphs([]), jumpFrom: '', jumpTo: '' });

interface Gathered extends CheckedPage {
  corrections: Correction[];
  errors: string[];
}

/**
 * Articles from a .banmian page, or from any file the importers read (the importer's one article
 * splitter, as `import` and `compose` use it), with the page items and the importer's corrections.
 * `raw` reads text files as written: no punctuation normalization, no OCR spaces removed.
 */
async function gatherPage(files: string[], raw: boolean): Promise<Gathered> {
  const out: Gathered = { articles: [], bannerIds: [], columnIds: [], corrections: [], errors: [] };
  const others: { name: string; bytes: Uint8Array }[] = [];
  for (const file of files) {
    if (file.endsWith('.banmian')) {
      const loaded = loadBanmianFile(file);
      if (loaded.ok) out.articles.push(...loaded.document.articles);
      else out.errors.push(`${loaded.zh}\n${loaded.en}`);
      continue;
    }
    try {
      others.push({ name: basename(file), bytes: new Uint8Array(readFileSync(file)) });
    } catch (e) {
      out.errors.push(`无法读取 ${file}：${(e as Error).message} / Cannot read ${file}`);
    }
  }
  if (!others.length) return out;
  const { importFiles } = await import('../../../src-core/import/index');
  const result = await importFiles(others, raw ? { normalizePunctuation: false, removeOcrSpaces: false } : {});
  const report = result.report as ImportReport;
  result.page.banners.forEach((text, i) => {
    out.bannerIds.push(`banner-${i + 1}`);
    out.articles.push(pageItem(`banner-${i + 1}`, text));
  });
  result.page.columnNames.forEach((text, i) => {
    out.columnIds.push(`column-${i + 1}`);
    out.articles.push(pageItem(`column-${i + 1}`, text));
  });
  out.articles.push(...result.articles);
  out.corrections = report.corrections;
  for (const e of result.errors) out.errors.push(`${e.file}：${e.zh} / ${e.en}`);
  return out;
}

function line(f: PlacedFinding, titles: Map<string, string>): string {
  const where = `${titles.get(f.articleId) ?? f.articleId} · ${ARTICLE_PART_LABELS[f.field]?.zh ?? f.field}${f.field === 'body' ? ` 第${f.paragraph + 1}段` : ''} · 第${f.offset + 1}字`;
  const fix = f.fix !== undefined ? ` → 改为「${f.fix}」` : '';
  const level = f.severity === 'corrected' ? 'corrected 已自动改正' : f.severity;
  return `[${level}] ${where}\n  ${f.excerpt}\n  ${f.zh}${fix}\n  ${f.en} (${f.rule})`;
}

/** Findings in page order: article by article, then field, paragraph and place. */
function inPageOrder(findings: PlacedFinding[], articles: Article[]): PlacedFinding[] {
  const rank = new Map(articles.map((a, i) => [a.id, i]));
  const fieldRank = (f: PlacedFinding): number => (f.field === 'body' ? 99 : ARTICLE_TEXT_FIELDS.indexOf(f.field));
  return findings
    .map((f, i) => ({ f, i }))
    .sort((x, y) => (rank.get(x.f.articleId) ?? 0) - (rank.get(y.f.articleId) ?? 0) || fieldRank(x.f) - fieldRank(y.f) || x.f.paragraph - y.f.paragraph || x.f.offset - y.f.offset || x.i - y.i)
    .map((x) => x.f);
}

/** Articles proper: the page items read as headline-only articles are counted apart, as compose counts them. */
const articleCount = (page: Gathered): number => page.articles.length - page.bannerIds.length - page.columnIds.length;

function printSummary(page: Gathered, result: PageCheck, corrected: number): void {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) if (f.severity !== 'corrected') counts[f.severity]++;
  const articles = articleCount(page);
  const items = page.bannerIds.length + page.columnIds.length ? `（含通栏 ${page.bannerIds.length} 行、栏目名 ${page.columnIds.length} 个）` : '';
  const itemsEn = page.bannerIds.length + page.columnIds.length ? ` (with ${page.bannerIds.length} banner lines, ${page.columnIds.length} column names)` : '';
  const capped = page.corrections.length >= MAX_PLACED_CORRECTIONS ? `（只列出前 ${MAX_PLACED_CORRECTIONS} 处）` : '';
  const cappedEn = page.corrections.length >= MAX_PLACED_CORRECTIONS ? ` (the first ${MAX_PLACED_CORRECTIONS} listed)` : '';
  const rate = result.errorRatePer10k.toFixed(2);
  console.log(`\n共 ${articles} 篇、${result.characters} 字${items}：错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}；已自动改正 ${corrected} 处${capped}（不计差错）；差错 ${result.errors} 个，差错率万分之 ${rate}`);
  console.log(`${articles} articles, ${result.characters} characters${itemsEn}: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes; ${corrected} auto-corrected${cappedEn} (not errors); ${result.errors} counted errors, error rate ${rate} per 10,000`);
  console.log('差错率 = 差错数 ÷ 字数 × 10000，按《图书质量管理规定》的差错计算方法（见 check --help）\nerror rate = counted errors ÷ characters × 10,000, counted as the Chinese book quality rules count errors (see check --help)');
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
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: parseOptions('check') });
  } catch (e) {
    console.error(`${(e as Error).message}\n${commandUsage('check')}`);
    return 2;
  }
  const { json, all, raw } = parsed.values;
  const files = parsed.positionals;
  if (files.length === 0) {
    console.error(commandUsage('check'));
    return 2;
  }
  const page = await gatherPage(files, raw === true);
  for (const e of page.errors) console.error(e);
  const house = parsed.values.house === undefined ? undefined : readHouseLists(parsed.values.house);
  if (house && !house.ok) {
    console.error(`${house.zh}
${house.en}`);
    return 1;
  }
  const checked = checkDocument({ articles: page.articles });
  const result = house ? checkWithHouseLists(page.articles, checked, house.lists) : checked;
  const corrected = correctionFindings(page.corrections, page);
  const findings = inPageOrder([...corrected, ...result.findings], page.articles);
  const shown = all ? findings : findings.filter((f) => f.severity !== 'info');
  if (json) {
    console.log(JSON.stringify({ ...result, articles: articleCount(page), banners: page.bannerIds.length, columnNames: page.columnIds.length, corrected: corrected.length, method: ERROR_RATE_METHOD, findings: shown }, null, 2));
  } else {
    const titles = new Map(page.articles.map((a) => [a.id, a.headline.slice(0, 12) || a.id]));
    for (const f of shown) console.log(line(f, titles));
    printSummary(page, result, corrected.length);
  }
  return page.errors.length > 0 || result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
