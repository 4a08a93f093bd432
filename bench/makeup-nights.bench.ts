/**
 * Make-up on days shaped like a real night's copy, which it was never tuned for: a lead of 1,200–2,500
 * characters with a picture, then middle stories, long ones and briefs (简讯) in a desk's proportions,
 * one or two pictures, more copy than the page holds. 24 四开 and 24 对开 days from seeds, and 24 四开
 * days given twice the copy, their second story too long to go beside the lead (a desk's whole night for
 * one page, shaped like field set U: which stories fill it is the make-up's pick), each judged from its PDF (poppler: the largest blank hole). One printed line per figure.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeUp } from '../src-core/makeup';
import { emptyDocument } from '../src-core/model/defaults';
import { gridGeometry } from '../src-core/model/grid';
import { docFromParagraphs } from '../src-core/model/richtext';
import { fontProvider } from '../src-main/fonts/provider';
import { probePdf } from '../tests/unit/makeup-pdf-probe';
import { samplePage } from './pages';
import { median, printFigure, seeded } from './stats';
import { HOLE_LIMIT } from '../src-core/makeup/score';

const fonts = fontProvider().registry();
const dir = fileURLToPath(new URL('../tests/fixtures/days/', import.meta.url));
const days = readdirSync(dir).map((f) => JSON.parse(readFileSync(dir + f, 'utf8')) as { articles: { headline: string; paragraphs: string[] }[] });
const paragraphs = days.flatMap((d) => d.articles.flatMap((a) => a.paragraphs));
const headlines = days.flatMap((d) => d.articles.map((a) => a.headline));
const photo = samplePage().images[0];
/** Copy over what the page's text area holds, about (its titles and pictures take the rest); a heavy night's. */
const COPY = 1.15;
const HEAVY = 2.3;

/** A story length: a brief three times in ten, a middle story five, a long one two. */
function storyLength(next: () => number): number {
  const r = next();
  return r < 0.3 ? 150 + next() * 250 : r < 0.8 ? 500 + next() * 900 : 1400 + next() * 800;
}

/** A night's day set from a seed (a linear congruential generator: the same seed, the same set). */
function night(format: 'broadsheet' | 'tabloid', seed: number, copy: number): Parameters<typeof makeUp>[0] {
  const next = seeded(seed * 7919);
  const base = emptyDocument(format);
  const geo = gridGeometry(base.page);
  const want = geo.columns * geo.rows * Math.floor(geo.colWidth / geo.bodySize) * 0.8 * copy;
  // (a heavy night's second story is too long to go beside the lead: which of the rest fill the page is the pick)
  const lengths = copy > COPY ? [1800 + next() * 700, 2000 + next() * 600] : [1200 + next() * 1300];
  while (lengths.reduce((n, x) => n + x, 0) < want) lengths.push(copy > COPY ? 200 + next() * 1300 : storyLength(next));
  const articles = lengths.map((length, i) => {
    const ps: string[] = [];
    for (let n = 0; n < length; n += ps[ps.length - 1].length) ps.push(paragraphs[Math.floor(next() * paragraphs.length)]);
    return { id: `s${i}`, kicker: '', headline: headlines[Math.floor(next() * headlines.length)], deck: '', byline: '本报记者 张三', bylinePosition: 'top' as const, lead: '', body: docFromParagraphs(ps), jumpFrom: '', jumpTo: '' };
  });
  const images = Array.from({ length: 1 + Math.floor(next() * 2) }, (_, i) => ({ ...photo, id: `p${i}`, pixelWidth: 1600 + Math.floor(next() * 1600), pixelHeight: 1000 + Math.floor(next() * 1400) }));
  const pictures = images.map((im, i) => ({ imageId: im.id, articleId: `s${i === 0 ? 0 : 1 + Math.floor(next() * Math.min(3, articles.length - 1))}`, caption: '图为现场。本报记者 摄' }));
  return { document: { ...base, articles, images }, pictures, options: { timeBudgetMs: 600_000 } };
}

for (const { format, copy, name } of [
  { format: 'tabloid', copy: COPY, name: 'tabloid' },
  { format: 'broadsheet', copy: COPY, name: 'broadsheet' },
  { format: 'tabloid', copy: HEAVY, name: 'tabloid.heavy' },
] as const) {
  const times: number[] = [];
  let holes = 0;
  let held = 0;
  for (let seed = 1; seed <= 24; seed++) {
    const t = performance.now();
    const alt = makeUp(night(format, seed, copy), { fonts }).alternatives[0];
    times.push(performance.now() - t);
    const hole = (await probePdf(alt.document, fonts)).holes[0]?.size ?? 0;
    if (hole > HOLE_LIMIT) holes++;
    held += alt.heldOver.length;
  }
  printFigure(`makeup.nights.${name}.holes`, holes, 'pages', `of 24 night-shaped days at ${Math.round(copy * 100)}% copy, a hole over ${HOLE_LIMIT} column-lines in the PDF`);
  printFigure(`makeup.nights.${name}.heldOver`, held / 24, 'stories', 'held over a page, mean');
  printFigure(`makeup.nights.${name}.time`, median(times), 'ms', 'median make-up time');
}
