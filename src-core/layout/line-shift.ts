import type { ComposedParagraph } from '../typeset/compose';
import { composeOptions, type LayoutContext } from './context';
import type { Flowable } from './flowables';

/** Tracking tried, in steps, to make a paragraph one line longer or shorter (em per character); the most is the composer's own limit for a lone character. */
const STEP = 0.01;
const MOST = 0.05;

/**
 * 拉行/缩行: a style's `lineShift` (+n or −n lines) gained or given back by n of its paragraphs,
 * each re-broken one line longer or shorter with the least tracking that does it (within ±0.05 em),
 * the cheapest first (then the later paragraph); a paragraph no such tracking moves a line keeps its
 * lines. `composed` is changed in place; the lines actually moved are returned.
 */
export function shiftLines(ctx: LayoutContext, flow: Flowable[], composed: ComposedParagraph[], width: number): number {
  const shift = flow.find((f) => f.style.lineShift)?.style.lineShift ?? 0;
  if (!shift) return 0;
  const dir = Math.sign(shift);
  const wanted = Math.abs(shift);
  // the later paragraph first, so that among equal costs the first found are the ones taken
  let open = [...flow.keys()].reverse().filter((i) => {
    const f = flow[i];
    return f.style.lineShift === shift && composed[i].lines.length >= (dir < 0 ? 2 : 1) && (f.align ?? f.style.align) === 'justify';
  });
  const taken: { i: number; cp: ComposedParagraph }[] = [];
  // Step by step over all paragraphs, cheapest first: once a step has found enough, a dearer step
  // cannot be taken, so it is not composed (each step recomposes every paragraph still open).
  for (let step = 1; step * STEP <= MOST + 1e-9 && taken.length < wanted && open.length; step++) {
    open = open.filter((i) => {
      // once enough are found, the rest of this step would only be found after them and never taken
      if (taken.length >= wanted) return false;
      const f = flow[i];
      const lines = composed[i].lines.length;
      // composed only when it moved the line: most trials move none and only need their count
      const tried = ctx.cache.trial(f.runs, composeOptions(ctx.page.typeset, width, { ...f.style, tracking: f.style.tracking + dir * step * STEP }, f.indent, f.align ?? f.style.align), lines + dir);
      if (typeof tried === 'object') taken.push({ i, cp: tried });
      return tried === lines;
    });
  }
  for (const o of taken.slice(0, wanted)) composed[o.i] = o.cp;
  return Math.min(taken.length, wanted) * dir;
}
