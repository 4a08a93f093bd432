/**
 * The edition benchmarks. One line per figure.
 * - The test plan (tests/fixtures/edition: 3 tabloid pages, 2 ads, one story continued from page 1
 *   to page 3): wall time of the whole `edition` run and its peak memory.
 * - A 16-page 对开 edition (bench/edition-day.ts: ≈150,000 Han characters, 40 pictures, 8 ads, two
 *   continued stories): `edition PLAN --save` (import, make-up with the jumps' cut search, preflight,
 *   16 page PDFs and the combined one), `export` of the saved file (the 17 PDFs) in a process of its
 *   own with that process's peak memory (bench/edition-export-run.ts),
 *   the full layout of the saved edition's 16 pages, and opening it as the app does (parse + the
 *   overview's rows: layout, overset and preflight per page; the thumbnails' SVG is the browser's),
 *   and the overview again after a one-character edit written back (`writePage`): only the edited
 *   story's pages are laid out again (the count is printed with the time).
 * Both runs pass --force: the make-up's pages may carry preflight errors of their own, and the
 * benchmark measures the writing, not the verdict (the count of pages with errors is printed).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as edition } from '../src-main/cli/commands/edition';
import { parseEdition } from '../src-core/edition/edition-file';
import { editionOverview } from '../src-core/edition/overview';
import { pageDocuments } from '../src-core/edition/page-doc';
import { writePage } from '../src-core/edition/page-write';
import type { EditionDocument } from '../src-core/edition/edition';
import type { BanmianDocument } from '../src-core/model/document';
import type { RichText } from '../src-core/model/richtext';
import { layout } from '../src-core/layout/layout';
import { fontProvider } from '../src-main/fonts/provider';
import { EDITION_DAY, writeEditionDay } from './edition-day';
import { median, printFigure } from './stats';
import { probePdf } from '../tests/unit/makeup-pdf-probe';
import { HOLE_LIMIT } from '../src-core/makeup/score';

const dir = mkdtempSync(join(tmpdir(), 'banmian-edition-bench-'));
const quiet = { log: console.log, error: console.error };
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

/** Runs a CLI command silenced; its wall time in ms, and peak RSS over the run. */
async function timed(run: () => Promise<number>): Promise<{ ms: number; peakMb: number }> {
  console.log = () => {};
  console.error = () => {};
  peak = process.memoryUsage().rss;
  const t = performance.now();
  let code: number;
  try {
    code = await run();
  } finally {
    Object.assign(console, quiet);
  }
  const ms = performance.now() - t;
  peak = Math.max(peak, process.memoryUsage().rss);
  if (code !== 0) throw new Error(`exited ${code}`);
  return { ms, peakMb: Math.round(peak / 1024 / 1024) };
}

/** `export` as a desk runs it, in a fresh process (bench/edition-export-run.ts): its time and peak RSS. */
function exportInItsOwnProcess(saved: string, out: string): { ms: number; peakMb: number } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/edition-export-run.ts', saved, out], { encoding: 'utf8' });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`export run failed (${r.status}): ${r.stderr}`);
  const result = JSON.parse(line) as { code: number; ms: number; peakMb: number };
  if (result.code !== 0) throw new Error(`export exited ${result.code}`);
  return result;
}

async function fixturePlan(): Promise<void> {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await timed(() => edition(['tests/fixtures/edition/PLAN.json', '-o', join(dir, `fixture-${i}`)])));
  printFigure('edition.fixture.time', median(runs.map((r) => r.ms)), 'ms', 'median of 3, 3 pages + combined PDF, one jump');
  printFigure('edition.fixture.peakRss', Math.max(...runs.map((r) => r.peakMb)), 'MB', 'sampled every 20 ms');
}

async function sixteenPages(): Promise<void> {
  const day = writeEditionDay(dir);
  const saved = join(dir, 'day.banmian');
  const made = await timed(() => edition([day.plan, '-o', join(dir, 'made'), '--save', saved, '--force']));
  printFigure('edition.16.compose+export', made.ms, 'ms', `one run: ${EDITION_DAY.pages} pages, ${day.hanChars} Han characters, ${EDITION_DAY.pictures} pictures, 17 PDFs, --save`);
  const exports = [];
  for (let i = 0; i < 3; i++) exports.push(exportInItsOwnProcess(saved, join(dir, `export-${i}`)));
  printFigure('edition.16.export', median(exports.map((r) => r.ms)), 'ms', 'median of 3, 16 page PDFs + the combined PDF from the saved file, each run a process of its own (fonts loaded in the time)');
  printFigure('edition.16.export.peakRss', Math.max(...exports.map((r) => r.peakMb)), 'MB', "the export process's peak RSS (getrusage maxrss), worst of 3");
  const text = readFileSync(saved, 'utf8');
  const fonts = fontProvider().registry();
  const parsed = parseEdition(text, { duplicateNumbers: 'allow' });
  if (!parsed.ok) throw new Error(parsed.en);
  const layouts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    for (const p of pageDocuments(parsed.edition)) layout(p.document, { fonts });
    layouts.push(performance.now() - t);
  }
  const set = placedText(parsed.edition);
  printFigure('edition.16.layout', median(layouts), 'ms', `median of 5, all 16 pages derived from the edition and laid out: ${set.stories} of ${parsed.edition.articles.length} stories, ${set.han} Han characters set (the make-up held the rest over)`);
  const opens: number[] = [];
  let rows = editionOverview(parsed.edition, { fonts });
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = parseEdition(text, { duplicateNumbers: 'allow' });
    if (r.ok) rows = editionOverview(r.edition, { fonts });
    opens.push(performance.now() - t);
  }
  printFigure('edition.16.open+overview', median(opens), 'ms', `median of 3, parse ${(text.length / 1024 / 1024).toFixed(1)} MB + ${rows.length} overview rows (layout, overset, preflight)`);
  oneEdit(parsed.edition, fonts);
  printFigure('edition.16.pagesWithErrors', rows.filter((r) => r.errors).length, 'pages', 'preflight errors in the made-up edition (why --force)');
  const holes: number[] = [];
  for (const p of pageDocuments(parsed.edition)) holes.push((await probePdf(p.document, fonts)).holes[0]?.size ?? 0);
  printFigure('edition.16.pagesWithHoles', holes.filter((h) => h > HOLE_LIMIT).length, 'pages', `a blank hole over ${HOLE_LIMIT} column-lines in the page's PDF (poppler); largest holes ${holes.join(' ')}`);
}

/** The stories the saved edition sets (an article block shows them) and their Han characters: what its layout lays out. */
function placedText(edition: EditionDocument): { stories: number; han: number } {
  const placed = new Set(edition.pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'article' ? [b.articleId] : []))));
  const text = edition.articles.filter((a) => placed.has(a.id)).map((a) => JSON.stringify(a.body)).join('');
  return { stories: placed.size, han: (text.match(/\p{Script=Han}/gu) ?? []).length };
}

/** The page document with the first character of its first article's first text changed. */
function oneCharacterEdit(doc: BanmianDocument, n: number): BanmianDocument {
  const [first, ...rest] = doc.articles;
  const body = structuredClone(first.body);
  const text = body.content.flatMap((p) => p.content ?? []).find((t): t is RichText => t.type === 'text' && t.text.length > 0)!;
  text.text = (n % 2 ? '甲' : '乙') + text.text.slice(1);
  return { ...doc, articles: [{ ...first, body }, ...rest] };
}

/** The overview after a one-character edit of page 2's first story (on that page only): median of 5. */
function oneEdit(edition: EditionDocument, fonts: ReturnType<ReturnType<typeof fontProvider>['registry']>): void {
  let rows = editionOverview(edition, { fonts });
  const index = edition.pages.findIndex((p) => p.number === 2);
  const times: number[] = [];
  let relaid = 0;
  for (let i = 0; i < 5; i++) {
    const written = writePage(edition, index, oneCharacterEdit(rows.find((r) => r.index === index)!.document, i));
    if (!written.ok) throw new Error(written.en);
    const t = performance.now();
    const next = editionOverview(written.edition, { fonts }, rows);
    times.push(performance.now() - t);
    relaid = next.filter((r, k) => r.layout !== rows[k].layout).length;
    edition = written.edition;
    rows = next;
  }
  printFigure('edition.16.overview.afterOneEdit', median(times), 'ms', `median of 5, overview rows after a one-character edit on page 2: ${relaid} of ${rows.length} pages laid out again`);
}

try {
  await fixturePlan();
  await sixteenPages();
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
