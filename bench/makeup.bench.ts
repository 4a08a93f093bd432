/**
 * Make-up speed and quality: the overflowing 11-article 对开 day set (2 pictures, more than one page
 * holds) made up into ranked alternatives; median time, and the quality figures of the best page
 * measured from the real layout. One printed line per figure.
 */
import { makeUp } from '../src-core/makeup';
import { layout } from '../src-core/layout/layout';
import { plainText } from '../src-core/model/richtext';
import { fontProvider } from '../src-main/fonts/provider';
import { DAY_SETS, dayRequest } from './days';
import { median, printFigure } from './stats';

const fonts = fontProvider().registry();

for (const name of DAY_SETS) {
  const request = dayRequest(name);
  const han = request.document.articles.reduce((n, a) => n + (plainText(a.body).match(/[\u4e00-\u9fff]/g) ?? []).length, 0);
  const times: number[] = [];
  let result = makeUp(request, { fonts });
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    result = makeUp(request, { fonts });
    times.push(performance.now() - t);
  }
  const best = result.alternatives[0];
  const pl = layout(best.document, { fonts });
  const overset = pl.overset.reduce((n, o) => n + o.characters, 0);
  printFigure(`makeup.${name}.time`, median(times), 'ms', `median of 5, ${request.document.articles.length} articles, ${han} Han chars, ${request.pictures?.length ?? 0} pictures (target ≤ 1000 ms)`);
  printFigure(`makeup.${name}.alternatives`, result.alternatives.length, 'pages', 'target ≥ 3');
  printFigure(`makeup.${name}.fill`, Math.round(best.score.fill * 1000) / 10, '%', 'best alternative');
  printFigure(`makeup.${name}.largestHole`, best.score.largestHole, 'column-lines', 'limit 3');
  printFigure(`makeup.${name}.overset`, overset, 'characters', 'from layout()');
  printFigure(`makeup.${name}.heldOver`, best.heldOver.length, 'articles', best.heldOver.map((h) => h.articleId).join(' '));
  console.log(`makeup.${name}.headlineSizes: ${best.score.headlineSizes.join('/')} pt (by rank)`);
}
