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
  const dir = shift > 0 ? 1 : -1;
  const wanted = Math.abs(shift);
  // the later paragraph first, so that among equal costs the first found are the ones taken
  const open = [...flow.keys()].reverse().filter((i) => {
    const f = flow[i];
    return f.style.lineShift === shift && composed[i].lines.length >= (dir < 0 ? 2 : 1) && (f.align ?? f.style.align) === 'justify';
  });
  return reBreak(ctx, flow, composed, width, open, wanted, dir) * dir;
}

/**
 * Up to `wanted` of the `open` paragraphs (tried in that order) re-broken one line longer (`dir` 1) or
 * shorter (−1), each with the least tracking that does it within ±MOST: step by step over all of them,
 * cheapest first, and once a step has found enough a dearer step is not composed (each step recomposes
 * every paragraph still open). `composed` is changed in place; returns how many were re-broken.
 */
export function reBreak(ctx: LayoutContext, flow: Flowable[], composed: ComposedParagraph[], width: number, open: number[], wanted: number, dir: 1 | -1): number {
  let taken = 0;
  let left = open;
  for (let step = 1; step * STEP <= MOST + 1e-9 && taken < wanted && left.length; step++) {
    left = left.filter((i) => {
      // once enough are found, the rest of this step would only be found after them and never taken
      if (taken >= wanted) return false;
      const f = flow[i];
      const lines = composed[i].lines.length;
      // composed only when it moved the line: most trials move none and only need their count
      const tried = ctx.cache.trial(f.runs, composeOptions(ctx.page.typeset, width, { ...f.style, tracking: f.style.tracking + dir * step * STEP }, f.indent, f.align ?? f.style.align), lines + dir);
      if (typeof tried !== 'object') return tried === lines;
      composed[i] = tried;
      taken++;
      return false;
    });
  }
  return taken;
}
