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

const times: number[] = [];
let overflowHoles = 0;
let undersetHoles = 0;
let overset = 0;
let pages = 0;
for (const seed of [7, 11, 23, 31, 47, 59]) {
  const next = seeded(seed);
  for (let i = 0; i < 8; i++) {
    const request = daySet(next);
    const t = performance.now();
    const alt = makeUp(request, { fonts }).alternatives[0];
    times.push(performance.now() - t);
    const probe = await probePdf(alt.document, fonts);
    const hole = probe.holes[0]?.size ?? 0;
    pages++;
    if (layout(alt.document, { fonts }).overset.length) overset++;
    if (hole > HOLE_LIMIT && alt.heldOver.length) overflowHoles++;
    if (hole > HOLE_LIMIT && !alt.heldOver.length) undersetHoles++;
  }
}
printFigure('makeup.random.pages', pages, 'pages', 'seeds 7 11 23 31 47 59, 8 each');
printFigure('makeup.random.overset', overset, 'pages', 'with anything overset (must be 0)');
printFigure('makeup.random.holesWhileHolding', overflowHoles, 'pages', `a hole over ${HOLE_LIMIT} column-lines while stories are held over`);
printFigure('makeup.random.holesShortCopy', undersetHoles, 'pages', `a hole over ${HOLE_LIMIT} column-lines with every story placed (the copy is short: 补稿 note)`);
printFigure('makeup.random.time', median(times), 'ms', 'median make-up time');
