/**
 * Copyfit (适配) speed: one article fitted into its block, the way the 适配 command calls it. Each
 * call gets a fresh composition cache (the first 适配 after an edit: nothing composed yet for these
 * styles). Cases: the hand-placed sample page's 吴劲松 article a little overset (block 26 → 24 lines: the headline
 * lever) and far overset (→ 12 lines: the depth lever), a long article in the 9-line block at the
 * page foot (deepened into the free lines) and a longer one that cannot fit, the 安乐 article
 * underset as it is, and an article of the overflowing day set as make-up placed it, cut short by 3
 * lines. One printed line per case: the median and what was changed.
 */
import { copyfit } from '../src-core/copyfit';
import { CompositionCache } from '../src-core/layout/cache';
import { makeUp } from '../src-core/makeup';
import type { BanmianDocument } from '../src-core/model/document';
import { fontProvider } from '../src-main/fonts/provider';
import { dayRequest } from './days';
import { handPlacedPage, longArticleAtFoot } from './pages';
import { median, printFigure } from './stats';

const fonts = fontProvider().registry();
const RUNS = 9;

function withRows(doc: BanmianDocument, blockId: string, rows: number): BanmianDocument {
  return { ...doc, blocks: doc.blocks.map((b) => (b.id === blockId && b.kind === 'article' ? { ...b, rows, columnRows: undefined } : b)) };
}

/** The best made-up page of a day set, the block of its `rank`th article cut short by `cut` lines. */
function dayCase(name: string, rank: number, cut: number): { doc: BanmianDocument; blockId: string } {
  const alt = makeUp(dayRequest(name), { fonts }).alternatives[0];
  const id = alt.document.articles[rank].id;
  const block = alt.document.blocks.find((b) => b.kind === 'article' && b.articleId === id);
  if (block?.kind !== 'article') throw new Error(`${name}: article ${id} not placed`);
  return { doc: withRows(alt.document, block.id, block.rows - cut), blockId: block.id };
}

const sample = handPlacedPage();
const cases: { name: string; doc: BanmianDocument; blockId: string }[] = [
  { name: 'sample-overset-slight', doc: withRows(sample, 'b-wu-jinsong', 24), blockId: 'b-wu-jinsong' },
  { name: 'sample-overset-deep', doc: withRows(sample, 'b-wu-jinsong', 12), blockId: 'b-wu-jinsong' },
  { name: 'sample-overset-foot', doc: longArticleAtFoot(10), blockId: 'b-soe-ranking' },
  { name: 'sample-too-long', doc: longArticleAtFoot(20), blockId: 'b-soe-ranking' },
  { name: 'sample-underset', doc: sample, blockId: 'b-anle' },
  { name: 'day-broadsheet-overflow', ...dayCase('broadsheet-overflow', 1, 3) },
];

for (const c of cases) {
  copyfit(c.doc, c.blockId, { fonts, cache: new CompositionCache(fonts) });
  const times: number[] = [];
  let r = copyfit(c.doc, c.blockId, { fonts, cache: new CompositionCache(fonts) });
  for (let i = 0; i < RUNS; i++) {
    const cache = new CompositionCache(fonts);
    const t = performance.now();
    r = copyfit(c.doc, c.blockId, { fonts, cache });
    times.push(performance.now() - t);
  }
  const moves = r.moves.map((m) => m.en).join('; ');
  printFigure(`copyfit.${c.name}.time`, median(times), 'ms', `median of ${RUNS}, target ≤ 50 ms; before +${r.before.over}/−${r.before.under}, after +${r.after.over}/−${r.after.under} lines: ${moves}`);
}
