/**
 * Make-up speed and quality: the overflowing 11-article 对开 day set (2 pictures, more than one page
 * holds) made up into ranked alternatives; median time, and the quality figures of the best page
 * measured from the real layout. Then the 组版's next step: the best page with its lead's article
 * block locked, made up again; its median time and quality.
 * One printed line per figure.
 */
import { makeUp, type Alternative, type MakeUpRequest } from '../src-core/makeup';
import { layout } from '../src-core/layout/layout';
import { plainText } from '../src-core/model/richtext';
import { fontProvider } from '../src-main/fonts/provider';
import { DAY_SETS, dayRequest } from './days';
import { median, printFigure } from './stats';

const fonts = fontProvider().registry();

/** Make-up once to warm up, then five timed runs: the last result and the times. */
function timed(request: MakeUpRequest): { result: ReturnType<typeof makeUp>; times: number[] } {
  const times: number[] = [];
  let result = makeUp(request, { fonts });
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    result = makeUp(request, { fonts });
    times.push(performance.now() - t);
  }
  return { result, times };
}

for (const name of DAY_SETS) {
  const request = dayRequest(name);
  const han = request.document.articles.reduce((n, a) => n + (plainText(a.body).match(/[\u4e00-\u9fff]/g) ?? []).length, 0);
  const { result, times } = timed(request);
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
  remakeAfterLock(name, request, best);
}

/** The best page with its lead's module locked, made up again: median time (target ≤ 500 ms) and quality. */
function remakeAfterLock(name: string, request: MakeUpRequest, best: Alternative): void {
  const placed = new Set(best.blocks.flatMap((b) => (b.kind === 'article' ? [b.articleId] : [])));
  const lead = (request.ranking ?? request.document.articles.map((a) => a.id)).find((id) => placed.has(id));
  const blocks = best.document.blocks.map((b) => (b.kind === 'article' && b.articleId === lead ? { ...b, locked: true } : b));
  const again: MakeUpRequest = { ...request, document: { ...best.document, blocks } };
  const { result, times } = timed(again);
  const alt = result.alternatives[0];
  printFigure(`makeup.${name}.relock.time`, median(times), 'ms', `median of 5, re-make-up with the lead ${lead} locked (${blocks.filter((b) => b.locked).length} blocks; target ≤ 500 ms)`);
  printFigure(`makeup.${name}.relock.fill`, Math.round((alt?.score.fill ?? 0) * 1000) / 10, '%', 'best alternative');
  printFigure(`makeup.${name}.relock.largestHole`, alt?.score.largestHole ?? NaN, 'column-lines', 'limit 3');
  printFigure(`makeup.${name}.relock.heldOver`, alt?.heldOver.length ?? NaN, 'articles', `${best.heldOver.length} before the lock`);
  // a picture on the first page that the re-made page neither places nor holds over
  const pictures = (a: Alternative) => new Set([...a.blocks.flatMap((b) => (b.kind === 'image' ? [b.imageId] : [])), ...a.heldOver.flatMap((h) => (h.imageId ? [h.imageId] : []))]);
  const kept = alt ? pictures(alt) : new Set<string>();
  printFigure(`makeup.${name}.relock.picturesLost`, [...pictures(best)].filter((id) => !kept.has(id)).length, 'pictures', 'placed before the lock, then neither placed nor held over');
}
