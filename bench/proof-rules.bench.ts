/**
 * Proofreading rules of issue 19: how long `checkDocument` takes on the sample page (all rules, the
 * dictionary already built) and on a 150,000-character edition (the sample's articles repeated: as one page, and as pages with the rules across pages), how
 * long the first call takes (it builds the 错别字 dictionary), the dictionary's size, and the new rules'
 * findings on the sample page and on 40,000 characters of clean 《人民日报》 copy (false alarms: 0
 * expected), the precision of all rules on that copy (errors and warnings per 10,000
 * characters; at most 1 expected), the recall on the planted errors (100% expected), and the whole `check`
 * command (import of the raw text, the checks, the listing; in-process, no start-up) on 150,000
 * characters of raw copy. One printed line per figure. Run: npx tsx bench/proof-rules.bench.ts
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { run as checkCommand } from '../src-main/cli/commands/check';
import { checkDocument, checkText } from '../src-core/proof/checks';
import { editionConsistency } from '../src-core/proof/edition-consistency';
import { RULE_NAMES } from '../src-core/proof/rules';
import { wrongWordEntries } from '../src-core/proof/rules/wrong-words';
import { checkCleanCopy } from '../tests/fixtures/proof/clean';
import { plantedErrors, rulesFinding } from '../tests/fixtures/proof/planted';
import { docFromParagraphs } from '../src-core/model/richtext';
import { samplePage } from './pages';
import { median, printFigure } from './stats';

const RUNS = 15;
const ours = new Set<string>(RULE_NAMES);
const page = samplePage();

function time(run: () => void): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

const first = time(() => checkDocument(page));
printFigure('proof-rules-first-check', first, 'ms', 'sample page, dictionary built on this call');

const result = checkDocument(page);
printFigure('proof-rules-sample-check', median(Array.from({ length: RUNS }, () => time(() => checkDocument(page)))), 'ms', `median of ${RUNS}, ${result.characters} characters`);

const copies = Math.ceil(150_000 / result.characters);
const edition = { articles: Array.from({ length: copies }, (_, k) => page.articles.map((a) => ({ ...a, id: `${a.id}-${k}` }))).flat() };
const editionChars = checkDocument(edition).characters;
printFigure('proof-rules-edition-check', median(Array.from({ length: 5 }, () => time(() => checkDocument(edition)))), 'ms', `median of 5, ${editionChars} characters (${copies} copies of the sample's articles)`);

// The same text as an edition file reads: each copy a page (checked as a page), then the consistency rules across the pages.
const editionPages = Array.from({ length: copies }, (_, k) => ({ label: `第${k + 1}版`, articles: page.articles.map((a) => ({ ...a, id: `${a.id}-${k}` })) }));
const checkEdition = (): void => {
  for (const p of editionPages) checkDocument(p);
  editionConsistency(editionPages);
};
printFigure('proof-rules-edition-pages-check', median(Array.from({ length: 5 }, () => time(checkEdition))), 'ms', `median of 5, ${editionChars} characters on ${copies} pages, the rules across pages included`);

// name-two-ways with many names (issue 19 item 3): 5,000 different names after a title (a surname and two
// of 1,000 characters from U+6C00, picked by a fixed xorshift sequence: 2,017 of them have a twin a
// character away), 50 pages of 100 paragraphs. The page rule on one page holding them all, and the edition rule.
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const GIVEN = Array.from({ length: 1000 }, (_, i) => String.fromCodePoint(0x6c00 + i));
let seed = 2463534242;
const next = (n: number): number => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
};
const names = [...new Set(Array.from({ length: 6000 }, () => SURNAMES[next(20)] + GIVEN[next(1000)] + GIVEN[next(1000)]))].slice(0, 5000);
const namePages = Array.from({ length: 50 }, (_, k) => ({ label: `第${k + 1}版`, articles: [{ ...page.articles[0], id: `names-${k}`, body: docFromParagraphs(names.slice(k * 100, k * 100 + 100).map((n) => `记者${n}说，今年工作进展顺利。`)) }] }));
const namesPage = { articles: namePages.flatMap((p) => p.articles) };
printFigure('proof-rules-names-page-check', median(Array.from({ length: 3 }, () => time(() => checkDocument(namesPage)))), 'ms', `median of 3, ${names.length} names after a title on one page, all rules`);
printFigure('proof-rules-names-edition-consistency', median(Array.from({ length: 3 }, () => time(() => editionConsistency(namePages)))), 'ms', `median of 3, the same ${names.length} names on ${namePages.length} pages, the rules across pages`);

printFigure('proof-rules-dictionary-entries', wrongWordEntries().length, 'entries');
printFigure('proof-rules-sample-false-alarms', result.findings.filter((f) => ours.has(f.rule)).length, 'findings', `on ${result.characters} characters`);

const news = readFileSync(new URL('../tests/fixtures/proof/clean/renmin-ribao-1998.txt', import.meta.url), 'utf8').split('\n');
const newsFindings = news.flatMap((l) => checkText(l).filter((f) => ours.has(f.rule)));
printFigure('proof-rules-news-false-alarms', newsFindings.length, 'findings', `on ${news.join('').length} characters of 《人民日报》 1998`);

// Precision of every rule (checks.ts and rules/): errors and warnings per 10,000 characters of the clean copy (the issue's line: ≤ 1).
const clean = checkCleanCopy();
printFigure('proof-precision-clean-per10k', clean.per10k, 'findings/10k', `${clean.serious.length} errors or warnings on ${clean.result.characters} characters of 《人民日报》 1998, all rules (${clean.serious.map((f) => f.rule).join(', ')})`);

// Recall: the planted errors (tests/fixtures/proof/planted.txt), each found by the rule its line names.
const planted = plantedErrors();
const missed = planted.filter((p) => !rulesFinding(p).includes(p.rule));
printFigure('proof-rules-recall', (100 * (planted.length - missed.length)) / planted.length, '%', `${planted.length - missed.length} of ${planted.length} planted errors found by their rule${missed.length ? `; missed lines ${missed.map((p) => p.line).join(', ')}` : ''}`);

// The whole command on raw copy: the sample's text file repeated to 150,000 characters, imported (its
// normalisation and splitting), checked and listed as --json, in this process (Node's start-up not counted).
const dir = mkdtempSync(join(tmpdir(), 'banmian-proof-bench-'));
const raw = readFileSync(new URL('../assets/samples/luoyang-daily-page.txt', import.meta.url), 'utf8');
const rawFile = join(dir, 'edition.txt');
writeFileSync(rawFile, Array.from({ length: Math.ceil(150_000 / raw.length) }, () => raw).join('\n'));
const log = console.log;
const quiet = async (): Promise<number> => {
  console.log = () => undefined;
  const t0 = performance.now();
  try {
    await checkCommand([rawFile, '--json']);
  } finally {
    console.log = log;
  }
  return performance.now() - t0;
};
const firstCommand = await quiet();
const commandRuns: number[] = [];
for (let k = 0; k < 3; k++) commandRuns.push(await quiet());
rmSync(dir, { recursive: true, force: true });
printFigure('proof-check-command-first', firstCommand, 'ms', `check --json on ${Math.ceil(150_000 / raw.length)} copies of the sample text file (${raw.length * Math.ceil(150_000 / raw.length)} characters), its modules loaded on this call`);
printFigure('proof-check-command', median(commandRuns), 'ms', 'median of 3, the same, import and checks');
