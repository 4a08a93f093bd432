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
  const options: { i: number; cost: number; cp: ComposedParagraph }[] = [];
  for (const [i, f] of flow.entries()) {
    const lines = composed[i].lines.length;
    if (f.style.lineShift !== shift || lines < (dir < 0 ? 2 : 1) || (f.align ?? f.style.align) !== 'justify') continue;
    for (let step = 1; step * STEP <= MOST + 1e-9; step++) {
      const tracking = f.style.tracking + dir * step * STEP;
      const cp = ctx.cache.compose(f.runs, composeOptions(ctx.page.typeset, width, { ...f.style, tracking }, f.indent, f.align ?? f.style.align));
      if (cp.lines.length === lines + dir) options.push({ i, cost: step, cp });
      if (cp.lines.length !== lines) break;
    }
  }
  options.sort((a, b) => a.cost - b.cost || b.i - a.i);
  const taken = options.slice(0, Math.abs(shift));
  for (const o of taken) composed[o.i] = o.cp;
  return taken.length * dir;
}
