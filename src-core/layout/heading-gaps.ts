import type { ComposedParagraph } from '../typeset/compose';
import { composeOptions, type LayoutContext } from './context';
import { flowSize, type Flowable } from './flowables';
import { gridLinesFor } from './slots';

/** A heading moved to the next column (it would have ended this one with too few lines under it): the column is left `gap` lines short. */
export interface HeadingPush {
  /** The heading's paragraph. */
  heading: number;
  gap: number;
  /** The first slot of the column left short. */
  column: number;
}

/** A flow's places, from a dry run: the slot after each paragraph's last line, and the headings moved on. */
export interface FlowPlan {
  ends: number[];
  pushes: HeadingPush[];
}

/** Tracking tried, in steps, to make a paragraph one line longer (em per character), as 拉行 does (`line-shift.ts`). */
const STEP = 0.01;
const MOST = 0.05;
/** Columns left short that are filled, at most, in one article's flow (each a dry run and its trials). */
const ROUNDS = 4;

/**
 * 拉行 into a column a heading left short: a subhead moved to the next column (never at a column's
 * foot) leaves blank lines at the foot of this one, which the 组版 fills by re-breaking as many of the
 * column's paragraphs one line longer (each with the least tracking that does it, within ±0.05 em): the
 * heading still opens the next column, so the text takes no more room than before and the column
 * ends full. `plan` is a dry run of the flow as `composed` stands; `composed` is changed in place.
 */
export function fillHeadingGaps(ctx: LayoutContext, flow: Flowable[], composed: ComposedParagraph[], width: number, plan: () => FlowPlan): void {
  const done = new Set<number>();
  let before: { blank: number; composed: ComposedParagraph[] } | undefined;
  for (let round = 0; round <= ROUNDS; round++) {
    const { ends, pushes } = plan();
    const blank = pushes.reduce((n, p) => n + p.gap, 0);
    // (a line moved on into a later column may move a later heading on too: a round that leaves more blank is undone)
    if (before && blank >= before.blank) {
      composed.splice(0, composed.length, ...before.composed);
      return;
    }
    const at = pushes.findIndex((p) => p.gap > 0 && !done.has(p.heading));
    if (at < 0 || round === ROUNDS) return;
    const push = pushes[at];
    done.add(push.heading);
    before = { blank, composed: [...composed] };
    // the paragraphs since the heading moved on before this one (a line gained before that fills its column instead), the nearest first
    const from = at > 0 ? pushes[at - 1].heading + 1 : 0;
    const open: number[] = [];
    for (let j = push.heading - 1; j >= from; j--) if (lengthens(ctx, flow[j])) open.push(j);
    lengthen(ctx, flow, composed, width, open, push.gap);
  }
}

/** Up to `wanted` of the `open` paragraphs re-broken one line longer, each at the least tracking that does it, tried step by step over all of them. */
function lengthen(ctx: LayoutContext, flow: Flowable[], composed: ComposedParagraph[], width: number, open: number[], wanted: number): void {
  let left = wanted;
  for (let step = 1; step * STEP <= MOST + 1e-9 && left > 0; step++) {
    for (const j of [...open]) {
      if (left <= 0) break;
      const f = flow[j];
      const tried = ctx.cache.trial(f.runs, composeOptions(ctx.page.typeset, width, { ...f.style, tracking: f.style.tracking + step * STEP }, f.indent, f.align ?? f.style.align), composed[j].lines.length + 1);
      if (typeof tried !== 'object') continue;
      composed[j] = tried;
      open.splice(open.indexOf(j), 1);
      left--;
    }
  }
}

/** A paragraph 拉行 may re-break: justified text one grid line deep, not a heading. */
function lengthens(ctx: LayoutContext, f: Flowable): boolean {
  return !f.keepWithNext && (f.align ?? f.style.align) === 'justify' && gridLinesFor(flowSize(f), ctx.geo) === 1;
}
