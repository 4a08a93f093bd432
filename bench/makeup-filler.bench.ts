/**
 * 补白: pages short of copy made up with and without the 公益广告 frame (`fillShort`), judged from their
 * PDFs (poppler: the largest blank hole): the OCR'd sample page as `compose` makes it (about 70% of a
 * 对开 page), the 对开 day set that fits cut to its first 3–6 stories (on its own 8 columns, and on 6
 * and 7), and a 四开 night whose held story fits no blank left
 * (tests/fixtures/makeup/tabloid-held-frame.json), and sixteen briefs short of a 四开 page. One printed line per figure.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { emptyDocument } from '../src-core/model/defaults';
import { docFromParagraphs } from '../src-core/model/richtext';
import { samplePage } from './pages';
import { gather, makeUpPage, pageFor } from '../src-main/cli/commands/compose';
import { FORMAT_VERSION } from '../src-core/model/document';
import { makeUp, type MakeUpRequest } from '../src-core/makeup';
import { HOLE_LIMIT } from '../src-core/makeup/score';
import { fontProvider } from '../src-main/fonts/provider';
import { probePdf } from '../tests/unit/makeup-pdf-probe';
import { dayRequest } from './days';
import { median, printFigure } from './stats';

const fonts = fontProvider().registry();
const SAMPLE = fileURLToPath(new URL('../assets/samples/luoyang-daily-page.txt', import.meta.url));
const BRIEFS = fileURLToPath(new URL('../tests/fixtures/makeup/briefs-day', import.meta.url));

/** A page as `compose` makes it from `input` (a file or a day's folder) in `format`: its first alternative, the make-up's time and the largest hole in its PDF. */
async function composed(input: string, format: string | undefined, fill: boolean): Promise<{ ms: number; hole: number }> {
  const gathered = await gather([input]);
  if ('zh' in gathered) throw new Error(gathered.en);
  const page = pageFor(format, undefined);
  if ('zh' in page) throw new Error(page.en);
  page.header = { ...page.header, ...gathered.header, ...gathered.credits };
  const doc = { formatVersion: FORMAT_VERSION, page, articles: gathered.articles, images: gathered.images, blocks: [] };
  const t = performance.now();
  const alt = makeUpPage(doc, gathered, { fillShort: fill }).alternatives[0];
  const ms = performance.now() - t;
  return { ms, hole: (await probePdf(alt.document, fonts)).holes[0]?.size ?? 0 };
}

async function sample(fill: boolean): Promise<void> {
  const { ms, hole } = await composed(SAMPLE, undefined, fill);
  const name = fill ? 'filled' : 'unfilled';
  printFigure(`makeup.filler.sample.${name}.hole`, hole, 'column-lines', `the OCR'd sample page ${fill ? 'with' : 'without'} the 公益广告 frame, largest blank hole in the PDF`);
  printFigure(`makeup.filler.sample.${name}.time`, ms, 'ms', 'make-up of the sample page, its frame runs included');
}

/** Sixteen briefs for a 四开 page, about 1,600 characters short of it (tests/fixtures/makeup/briefs-day): frame runs that hold a brief over are not taken. */
async function briefs(fill: boolean): Promise<void> {
  const { ms, hole } = await composed(BRIEFS, 'tabloid', fill);
  const name = fill ? 'filled' : 'unfilled';
  printFigure(`makeup.filler.briefs.${name}.hole`, hole, 'column-lines', `sixteen briefs on a 四开 page ${fill ? 'with' : 'without'} the frame, largest blank hole in the PDF`);
  printFigure(`makeup.filler.briefs.${name}.time`, ms, 'ms', 'make-up of the briefs page, its frame runs included');
}

function shortDay(n: number): MakeUpRequest {
  const day = dayRequest('broadsheet-fits');
  const articles = day.document.articles.slice(0, n);
  const ids = new Set(articles.map((a) => a.id));
  return { ...day, document: { ...day.document, articles }, pictures: (day.pictures ?? []).filter((p) => !p.articleId || ids.has(p.articleId)) };
}

async function shortDays(fill: boolean): Promise<void> {
  const times: number[] = [];
  let holes = 0;
  for (const n of [3, 4, 5, 6]) {
    const t = performance.now();
    const alt = makeUp({ ...shortDay(n), options: { fillShort: fill } }, { fonts }).alternatives[0];
    times.push(performance.now() - t);
    if (((await probePdf(alt.document, fonts)).holes[0]?.size ?? 0) > HOLE_LIMIT) holes++;
  }
  const name = fill ? 'filled' : 'unfilled';
  printFigure(`makeup.filler.short.${name}.holes`, holes, 'pages', `of 4 对开 pages short of copy, ${fill ? 'with' : 'without'} the frame, a hole over ${HOLE_LIMIT} column-lines in the PDF`);
  printFigure(`makeup.filler.short.${name}.time`, median(times), 'ms', 'median make-up time');
}

/** The same short days on grids of 6 and 7 columns (a paper's own 对开 grid): the largest hole of each page. */
async function otherGrids(fill: boolean): Promise<void> {
  const holes: number[] = [];
  for (const columns of [6, 7])
    for (const n of [3, 4, 5, 6]) {
      const day = shortDay(n);
      const page = { ...day.document.page, grid: { ...day.document.page.grid, columns } };
      const alt = makeUp({ ...day, document: { ...day.document, page }, options: { fillShort: fill } }, { fonts }).alternatives[0];
      holes.push((await probePdf(alt.document, fonts)).holes[0]?.size ?? 0);
    }
  const name = fill ? 'filled' : 'unfilled';
  printFigure(`makeup.filler.grids.${name}.holes`, holes.filter((h) => h > HOLE_LIMIT).length, 'pages', `of 8 对开 pages short of copy on 6 and 7 columns, ${fill ? 'with' : 'without'} the frame, a hole over ${HOLE_LIMIT} column-lines in the PDF (largest holes ${holes.join(' ')})`);
}

/** The held night (the fixture's stories and picture) made up with or without the frame. */
async function heldNight(fill: boolean): Promise<void> {
  const day = JSON.parse(readFileSync(fileURLToPath(new URL('../tests/fixtures/makeup/tabloid-held-frame.json', import.meta.url)), 'utf8')) as { articles: { id: string; headline: string; paragraphs: string[] }[]; images: { id: string; pixelWidth: number; pixelHeight: number }[]; pictures: MakeUpRequest['pictures'] };
  const articles = day.articles.map((a) => ({ id: a.id, kicker: '', headline: a.headline, deck: '', byline: '本报记者 张三', bylinePosition: 'top' as const, lead: '', body: docFromParagraphs(a.paragraphs), jumpFrom: '', jumpTo: '' }));
  const images = day.images.map((i) => ({ ...samplePage().images[0], ...i }));
  const t = performance.now();
  const alt = makeUp({ document: { ...emptyDocument('tabloid'), articles, images }, pictures: day.pictures, options: { fillShort: fill } }, { fonts }).alternatives[0];
  const ms = performance.now() - t;
  const hole = (await probePdf(alt.document, fonts)).holes[0]?.size ?? 0;
  const name = fill ? 'filled' : 'unfilled';
  printFigure(`makeup.filler.held.${name}.hole`, hole, 'column-lines', `a 四开 night holding a story that fits no blank left, ${fill ? 'with' : 'without'} the frame, largest blank hole in the PDF (held ${alt.heldOver.length})`);
  printFigure(`makeup.filler.held.${name}.time`, ms, 'ms', 'make-up, its frame runs included');
}

for (const fill of [false, true]) {
  await sample(fill);
  await briefs(fill);
  await shortDays(fill);
  await otherGrids(fill);
  await heldNight(fill);
}
