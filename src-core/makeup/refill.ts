import type { Article, GridRect } from '../model/document';
import type { ShapeSpec } from './measure';
import { isPhotoItem, overhangDepth } from './measure';
import { outer, search, type Candidate, type Placement, type SearchInput } from './search';

/** States the search into a page's blank may expand (a few stories into what is left: small next to the page's own search). */
export const REFILL_WORK = 2500;

/** What the page's own search was given, less what refill sets itself. */
export type RefillInput = Omit<SearchInput, 'articles' | 'photos' | 'shapes' | 'obstacles' | 'leadLocked' | 'workBudget' | 'rate' | 'fixed' | 'lookahead'> & { obstacles: GridRect[] };

/**
 * 补空: a page left with blank over the hole limit while stories are held over takes the held stories
 * that fit into its blank, as a 组版 fills a hole with a shorter story rather than leave it empty.
 * The page's modules stay where they are (obstacles, their titles not to be met side by side); the
 * stories not on it (in rank order, stand-alone photos last) are searched into the rest, and the
 * page with the most `rate` is kept, this one when none rates higher. `blank` is the page's largest hole
 * in column-lines.
 */
export function refill(input: RefillInput, c: Candidate, items: Article[], shapes: ShapeSpec[][], rate: (c: Candidate) => number, blank: number): Candidate {
  const placed = new Set(c.placed.map((p) => p.rank));
  // (a story whose body alone is more than the largest blank cannot fill it: not searched)
  const left = items.map((_, i) => i).filter((i) => !placed.has(i) && (isPhotoItem(items[i]) || input.measurer.bodyLines(items[i], 0) <= blank));
  const order = [...left.filter((i) => !isPhotoItem(items[i])), ...left.filter((i) => isPhotoItem(items[i]))];
  if (!order.length) return c;
  // each finished page rated once: the search rates it as it finishes, the pick below reads that
  const rated = new Map<Candidate, { page: Candidate; value: number }>();
  const rateOf = (s: Candidate): { page: Candidate; value: number } => {
    let r = rated.get(s);
    if (!r) {
      const page = merged(c, s, order);
      rated.set(s, (r = { page, value: rate(page) }));
    }
    return r;
  };
  const out = search({
    ...input,
    articles: order.map((i) => items[i]),
    photos: order.filter((i) => isPhotoItem(items[i])).length,
    shapes: order.map((i) => shapes[i]),
    obstacles: [...input.obstacles, ...c.placed.flatMap(cellsOf)],
    fixed: c.placed,
    // any story that fits a blank may fill it, whatever its rank among those held
    lookahead: order.length,
    leadLocked: true,
    workBudget: REFILL_WORK,
    rate: (s) => rateOf(s).value,
  });
  let best = c;
  let bestRate = rate(c);
  for (const s of out.finals) {
    if (!s.placed.length) continue;
    const { page, value } = rateOf(s);
    if (value > bestRate) [best, bestRate] = [page, value];
  }
  return best;
}

/** The page with the blank's modules added (ranks back in the page's items); the blank left is the refill's. */
function merged(c: Candidate, s: Candidate, order: number[]): Candidate {
  return { placed: [...c.placed, ...s.placed.map((p) => ({ ...p, rank: order[p.rank] }))], closed: s.closed };
}

/** The cells a module takes: its body's columns to its foot, and its titles across their width. */
function cellsOf(p: Placement): GridRect[] {
  const body = { col: p.col, span: p.spec.span, row: p.row, rows: p.m.rows + p.stretch };
  return outer(p) > p.spec.span ? [body, { col: p.col, span: outer(p), row: p.row, rows: overhangDepth(p.spec, p.m.titleRows) }] : [body];
}
