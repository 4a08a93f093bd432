import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import { ARTICLE_PART_LABELS } from '../../../src-core/model/article-fields';
import type { Article } from '../../../src-core/model/document';
import { checkDocument, type PlacedFinding } from '../../../src-core/proof/checks';
import { loadBanmianFile } from '../../files/banmian-file';
import { readRegularFile } from '../../import/read-file';
import { HOUSE_LIMITS, checkWithHouseLists, parseHouseLists, type HouseLists } from '../../../src-core/proof/rules/house-lists';
import { commandUsage, parseOptions } from '../command-table';

/** Articles from a .banmian page, or from any file the importers read. */
async function articlesOf(files: string[]): Promise<{ articles: Article[]; errors: string[] }> {
  const articles: Article[] = [];
  const errors: string[] = [];
  const others: { name: string; bytes: Uint8Array }[] = [];
  for (const file of files) {
    if (file.endsWith('.banmian')) {
      const loaded = loadBanmianFile(file);
      if (loaded.ok) articles.push(...loaded.document.articles);
      else errors.push(`${loaded.zh}\n${loaded.en}`);
      continue;
    }
    try {
      others.push({ name: basename(file), bytes: new Uint8Array(readFileSync(file)) });
    } catch (e) {
      errors.push(`无法读取 ${file}：${(e as Error).message} / Cannot read ${file}`);
    }
  }
  if (others.length) {
    const { importFiles } = await import('../../../src-core/import/index');
    const result = await importFiles(others);
    articles.push(...result.articles);
    for (const e of result.errors) errors.push(`${e.file}：${e.zh} / ${e.en}`);
  }
  return { articles, errors };
}

function line(f: PlacedFinding, titles: Map<string, string>): string {
  const where = `${titles.get(f.articleId) ?? f.articleId} · ${ARTICLE_PART_LABELS[f.field]?.zh ?? f.field}${f.field === 'body' ? ` 第${f.paragraph + 1}段` : ''} · 第${f.offset + 1}字`;
  const fix = f.fix !== undefined ? ` → 改为「${f.fix}」` : '';
  return `[${f.severity}] ${where}\n  ${f.excerpt}\n  ${f.zh}${fix}\n  ${f.en} (${f.rule})`;
}

/** The `--house` file, read with a size cap and parsed; a problem names the file, zh and en. */
function readHouseLists(path: string): { ok: true; lists: HouseLists } | { ok: false; zh: string; en: string } {
  const read = readRegularFile(path, basename(path), HOUSE_LIMITS.bytes);
  if (!read.ok) return read;
  return parseHouseLists(new TextDecoder().decode(read.bytes), basename(path));
}

/**
 * `check FILE... [--json] [--all] [--house FILE]`: the automatic proofreading checks (under the paper's house lists), each finding with its place
 * and fix. Exit 1 when a finding is an error or an input could not be read, so scripts can stop.
 */
export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: parseOptions('check') });
  } catch (e) {
    console.error(`${(e as Error).message}\n${commandUsage('check')}`);
    return 2;
  }
  const json = parsed.values.json === true;
  const all = parsed.values.all === true;
  const files = parsed.positionals;
  if (files.length === 0) {
    console.error(commandUsage('check'));
    return 2;
  }
  const { articles, errors } = await articlesOf(files);
  for (const e of errors) console.error(e);
  const house = parsed.values.house === undefined ? undefined : readHouseLists(parsed.values.house);
  if (house && !house.ok) {
    console.error(`${house.zh}\n${house.en}`);
    return 1;
  }
  const checked = checkDocument({ articles });
  const result = house ? checkWithHouseLists(articles, checked, house.lists) : checked;
  const shown = all ? result.findings : result.findings.filter((f) => f.severity !== 'info');
  if (json) {
    console.log(JSON.stringify({ ...result, findings: shown }, null, 2));
  } else {
    const titles = new Map(articles.map((a) => [a.id, a.headline.slice(0, 12) || a.id]));
    for (const f of shown) console.log(line(f, titles));
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of result.findings) counts[f.severity]++;
    console.log(`\n共 ${articles.length} 篇、${result.characters} 字：错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info}；差错率约万分之 ${result.errorRatePer10k.toFixed(2)}`);
    console.log(`${articles.length} articles, ${result.characters} characters: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes; error rate ≈ ${result.errorRatePer10k.toFixed(2)} per 10,000`);
  }
  return errors.length > 0 || result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
