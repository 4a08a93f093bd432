import type { ComposedParagraph } from '../typeset/compose';
import type { LayoutContext } from './context';
import { flowSize, type Flowable } from './flowables';
import { reBreak } from './line-shift';
import { gridLinesFor } from './slots';

/** A heading moved to the next column (it would have ended this one with too few lines under it): the column is left `gap` lines short. */
export interface HeadingPush {
  /** The heading's paragraph. */
  heading: number;
  gap: number;
}

/** A flow's places, from a dry run: the headings moved on, and the lines that did not fit. */
export interface FlowPlan {
  pushes: HeadingPush[];
  overset: number;
}

/** Columns left short that are tried, at most, in one article's flow (each a dry run and its trials). */
const ROUNDS = 4;

/**
 * 拉行 into a column a heading left short: a subhead moved to the next column (never at a column's
 * foot) leaves blank lines at the foot of this one, which the 组版 fills by re-breaking as many of the
 * paragraphs over the subhead (up to the heading before it) one line longer, each with the least
 * tracking that does it, within ±0.05 em: the subhead still opens the next column, so the text takes
 * no more room than before and the column ends full. Each column so filled is kept only when the dry
 * run after it leaves less blank and no more overset (a line gained may move another heading on);
 * a column no paragraph fills leaves the next one still to try. `plan` is a dry run of the flow as
 * `composed` stands; `composed` is changed in place.
 */
export function fillHeadingGaps(ctx: LayoutContext, flow: Flowable[], composed: ComposedParagraph[], width: number, plan: () => FlowPlan): void {
  const done = new Set<number>();
  let cur = plan();
  for (let round = 0; round < ROUNDS; round++) {
    const push = cur.pushes.find((p) => p.gap > 0 && !done.has(p.heading));
    if (!push) return;
    done.add(push.heading);
    const open: number[] = [];
    for (let j = push.heading - 1; j >= 0 && !flow[j].keepWithNext; j--) if (lengthens(ctx, flow[j])) open.push(j);
    const kept = [...composed];
    if (!reBreak(ctx, flow, composed, width, open, push.gap, 1)) continue;
    const next = plan();
    if (blankOf(next) < blankOf(cur) && next.overset <= cur.overset) cur = next;
    else composed.splice(0, composed.length, ...kept);
  }
}

/** The lines headings moved on leave blank, all columns together. */
function blankOf(plan: FlowPlan): number {
  return plan.pushes.reduce((n, p) => n + p.gap, 0);
}

/** A paragraph 拉行 may re-break: justified text one grid line deep, not a heading. */
function lengthens(ctx: LayoutContext, f: Flowable): boolean {
  return !f.keepWithNext && (f.align ?? f.style.align) === 'justify' && gridLinesFor(flowSize(f), ctx.geo) === 1;
}
