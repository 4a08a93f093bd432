import type { Article } from '../model/document';
import type { Measurer } from './measure';
import { isBrief } from './shapes';
import { clashes, grow, outer, type Candidate, type Placement } from './search';

/**
 * Headline sizes in rank order (标题字号随稿序): a story whose headline came out bigger than a
 * higher-ranked story's is set at that story's size where the module keeps its depth — the titles
 * one size smaller, the lines they free taken up by white space in the title area, the pictures or
 * tracking (the levers 撑满 uses). Where no lever keeps the depth, the page is left as it is (the
 * score's hierarchy counts the inversion).
 */
export function orderTitles(measurer: Measurer, articles: Article[], c: Candidate): Candidate {
  const placed = c.placed.map((p) => ({ ...p }));
  const titled = placed.filter((p) => p.spec.headlineSize > 0).sort((a, b) => a.rank - b.rank);
  for (let i = 1; i < titled.length; i++) {
    // a brief's small headline is no ceiling for the stories ranked under it
    const above = titled.slice(0, i).filter((p) => !isBrief(articles[p.rank], p.rank));
    if (!above.length) continue;
    const most = Math.min(...above.map((p) => p.spec.headlineSize));
    if (titled[i].spec.headlineSize > most) setSmaller(measurer, articles, placed, titled[i], most);
  }
  return { placed, closed: c.closed };
}

function setSmaller(measurer: Measurer, articles: Article[], placed: Placement[], p: Placement, size: number): void {
  const article = articles[p.rank];
  const spec = { ...p.spec, headlineSize: size, padRows: 0 };
  const natural = measurer.measure(article, spec);
  if (!natural || natural.rows > p.m.rows) return;
  const kept = natural.rows === p.m.rows ? { spec, m: natural } : grow({ measurer }, article, spec, natural, p.m.rows);
  // A module whose titles run wider than its body keeps its title area (a module sits under the overhang).
  if (!kept || (outer(p) > p.spec.span && kept.m.titleRows !== p.m.titleRows)) return;
  const was = { spec: p.spec, m: p.m };
  Object.assign(p, { spec: kept.spec, m: kept.m });
  if (clashes(placed.filter((q) => q !== p), p)) Object.assign(p, was);
}
