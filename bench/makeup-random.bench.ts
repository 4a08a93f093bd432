/**
 * Make-up on day sets it was never tuned for: 48 pages generated from a seed (对开 and 四开, 3–13
 * stories of 200–2,000 characters of real news text, 0–2 pictures, some stand-alone), each judged
 * from its PDF (poppler: the largest blank hole, every column's foot). One printed line per figure.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeUp } from '../src-core/makeup';
import { layout } from '../src-core/layout/layout';
import { emptyDocument } from '../src-core/model/defaults';
import { docFromParagraphs } from '../src-core/model/richtext';
import { fontProvider } from '../src-main/fonts/provider';
import { probePdf } from '../tests/unit/makeup-pdf-probe';
import { samplePage } from './pages';
import { median, printFigure, seeded } from './stats';
import { HOLE_LIMIT } from '../src-core/makeup/score';

const fonts = fontProvider().registry();
const day = JSON.parse(readFileSync(fileURLToPath(new URL('../tests/fixtures/days/broadsheet-overflow.json', import.meta.url)), 'utf8')) as { articles: { headline: string; paragraphs: string[] }[] };
const paragraphs = day.articles.flatMap((a) => a.paragraphs);
const photo = samplePage().images[0];

/** A day set from a seed (a linear congruential generator: the same seed, the same set). */
function daySet(next: () => number): Parameters<typeof makeUp>[0] {
  const format = next() < 0.5 ? 'broadsheet' : 'tabloid';
  const n = format === 'broadsheet' ? 6 + Math.floor(next() * 8) : 3 + Math.floor(next() * 5);
  const articles = Array.from({ length: n }, (_, i) => {
    const want = 200 + Math.floor(next() * (format === 'broadsheet' ? 1800 : 1000));
    const ps: string[] = [];
    for (let len = 0; len < want; ) {
      const p = paragraphs[Math.floor(next() * paragraphs.length)];
      ps.push(p);
      len += p.length;
    }
    return { id: `r${i}`, kicker: '', headline: day.articles[i % day.articles.length].headline, deck: '', byline: '本报记者 张三', bylinePosition: 'top' as const, lead: '', body: docFromParagraphs(ps), jumpFrom: '', jumpTo: '' };
  });
  const images = Array.from({ length: Math.floor(next() * 3) }, (_, i) => ({ ...photo, id: `p${i}`, pixelWidth: 1200 + Math.floor(next() * 2000), pixelHeight: 900 + Math.floor(next() * 1500) }));
  const pictures = images.map((im, i) => ({ imageId: im.id, articleId: next() < 0.8 ? `r${i}` : undefined, caption: '图为现场。本报记者 摄' }));
  return { document: { ...emptyDocument(format), articles, images }, pictures, options: { timeBudgetMs: 600_000 } };
}

/** The 48 pages made up (with 补白 when `fill`), each judged from its PDF. */
async function run(fill: boolean): Promise<{ times: number[]; holding: number[]; short: number[]; overset: number; pages: number }> {
  const out = { times: [] as number[], holding: [] as number[], short: [] as number[], overset: 0, pages: 0 };
  for (const seed of [7, 11, 23, 31, 47, 59]) {
    const next = seeded(seed);
    for (let i = 0; i < 8; i++) {
      const request = daySet(next);
      const t = performance.now();
      const alt = makeUp({ ...request, options: { ...request.options, fillShort: fill } }, { fonts }).alternatives[0];
      out.times.push(performance.now() - t);
      const hole = (await probePdf(alt.document, fonts)).holes[0]?.size ?? 0;
      out.pages++;
      if (layout(alt.document, { fonts }).overset.length) out.overset++;
      if (hole > HOLE_LIMIT) (alt.heldOver.length ? out.holding : out.short).push(hole);
    }
  }
  return out;
}

const engine = await run(false);
printFigure('makeup.random.pages', engine.pages, 'pages', 'seeds 7 11 23 31 47 59, 8 each');
printFigure('makeup.random.overset', engine.overset, 'pages', 'with anything overset (must be 0)');
printFigure('makeup.random.holesWhileHolding', engine.holding.length, 'pages', `a hole over ${HOLE_LIMIT} column-lines while stories are held over (largest: ${engine.holding.join(' ')})`);
printFigure('makeup.random.holesShortCopy', engine.short.length, 'pages', `a hole over ${HOLE_LIMIT} column-lines with every story placed (the copy is short: 补稿 note; largest: ${engine.short.join(' ')})`);
printFigure('makeup.random.time', median(engine.times), 'ms', 'median make-up time');
const filled = await run(true);
printFigure('makeup.random.filled.holesWhileHolding', filled.holding.length, 'pages', `with 补白 (fillShort, as compose and the app make up): a hole over ${HOLE_LIMIT} while stories are held over (largest: ${filled.holding.join(' ')})`);
printFigure('makeup.random.filled.holesShortCopy', filled.short.length, 'pages', `with 补白: a hole over ${HOLE_LIMIT} with every story placed (largest: ${filled.short.join(' ')})`);
printFigure('makeup.random.filled.overset', filled.overset, 'pages', 'with 补白, anything overset (must be 0)');
printFigure('makeup.random.filled.time', median(filled.times), 'ms', 'median make-up time, frame runs included');
