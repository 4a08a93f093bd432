/**
 * Engine speed: full layout of a ≈12,000-character broadsheet page, relayout after a one-character
 * edit (composition cache), and the typographic report of both pages. Prints one line per figure.
 */
import { layout } from '../src-core/layout/layout';
import { CompositionCache } from '../src-core/layout/cache';
import type { BanmianDocument } from '../src-core/model/document';
import { docFromParagraphs, plainText } from '../src-core/model/richtext';
import { fontProvider } from '../src-main/fonts/provider';
import { fullTextPage, hanCount, samplePage } from './pages';
import { median, printFigure } from './stats';

const fonts = fontProvider().registry();
const page = fullTextPage(12_000, 10);

function timeRuns(runs: number, fn: (i: number) => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

// Full layout: a fresh composition cache each time, so every paragraph is composed.
for (let i = 0; i < 30; i++) layout(page, { fonts });
const full = timeRuns(200, () => layout(page, { fonts }));
printFigure('layout.full', median(full), 'ms', `median of 200, ${hanCount(page)} Han chars, 10 articles, 8 columns (target ≤ 5 ms)`);

// Relayout after typing one character into one paragraph of one article.
const cache = new CompositionCache(fonts);
layout(page, { fonts, cache });
const edited = (i: number): BanmianDocument => {
  const a = page.articles[3];
  const paras = plainText(a.body).split('\n');
  paras[2] = paras[2].slice(0, 10) + '新字'.charAt(i % 2) + paras[2].slice(10);
  return { ...page, articles: page.articles.map((x) => (x === a ? { ...a, body: docFromParagraphs(paras) } : x)) };
};
for (let i = 0; i < 20; i++) layout(edited(i), { fonts, cache });
const docs = Array.from({ length: 60 }, (_, i) => edited(i));
const re = timeRuns(60, (i) => layout(docs[i], { fonts, cache }));
printFigure('layout.relayout-one-char', median(re), 'ms', 'median of 60, composition cache (target ≤ 2 ms)');

for (const [name, doc] of [['sample', samplePage()], ['12k', page]] as const) {
  const r = layout(doc, { fonts }).report.page;
  const within = r.justifiedLines ? (100 * (r.justifiedLines - r.looseLines)) / r.justifiedLines : 100;
  printFigure(`typo.${name}.lines`, r.lines, 'lines', `justified ${r.justifiedLines}, within ¼ em ${within.toFixed(2)}%, worst expansion ${r.worstExpansion.toFixed(3)} em`);
  printFigure(`typo.${name}.kinsoku`, r.kinsokuSqueeze + r.kinsokuPush, 'lines', `squeeze ${r.kinsokuSqueeze}, push ${r.kinsokuPush}, compressions ${r.compressions}`);
  printFigure(`typo.${name}.faults`, r.loneCharacters + r.prohibitedLineStarts + r.offGridLines, 'count', `lone characters ${r.loneCharacters} (tightened lines ${r.tightenedLines}), prohibited line starts ${r.prohibitedLineStarts}, off-grid lines ${r.offGridLines}, emergency breaks ${r.emergencyBreaks}`);
}
