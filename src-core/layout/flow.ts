import type { Article } from '../model/document';
import type { ComposedParagraph } from '../typeset/compose';
import { composeOptions, type LayoutContext } from './context';
import { flowables, flowSize, type Flowable } from './flowables';
import { fillHeadingGaps, type FlowPlan, type HeadingPush } from './heading-gaps';
import { shiftLines } from './line-shift';
import { emitLine, type Source } from './lines';
import type { Overset, TypoReport } from './page-layout';
import { isLoneLast, tally } from './report';
import { columnEndIndex, columnStartIndex, gridLinesFor, nextSlotRun, type Slot } from './slots';

/** The text-flow stage: an article's body set line by line into its slots, what does not fit counted as overset. */

/** One article's flow: where its lines may go, what they came from, and where it stands. */
interface FlowState {
  readonly slots: Slot[];
  readonly sources: Source[];
  readonly owner: string;
  readonly report: TypoReport;
  /** The next free slot. */
  slot: number;
  oversetLines: number;
  oversetChars: number;
  oversetFrom?: Overset['from'];
  /** A dry run's: no line set, no line tallied; where a heading left a column short. */
  dry?: { pushes: HeadingPush[] };
}

/** Flows the article's body through `slots` at measure `width`; returns the slots it used. */
export function flowBody(ctx: LayoutContext, article: Article, slots: Slot[], width: number, report: TypoReport): number {
  const sources: Source[] = [];
  const flow = flowables(ctx.page, article, sources, !!ctx.proof);
  const composed = flow.map((f) => {
    // a paragraph that 拉行/缩行 may re-break keeps what prepares it for the trials (line-shift.ts)
    const cp = ctx.cache.compose(f.runs, composeOptions(ctx.page.typeset, width, f.style, f.indent, f.align ?? f.style.align), !!f.style.lineShift);
    ctx.out.noteMissing(cp, article.id);
    return cp;
  });
  shiftLines(ctx, flow, composed, width);
  fillHeadingGaps(ctx, flow, composed, width, () => dryRun(ctx, flow, composed, slots, report));
  const state: FlowState = { slots, sources, owner: article.id, report, slot: 0, oversetLines: 0, oversetChars: 0 };
  for (let fi = 0; fi < flow.length; fi++) {
    const cp = composed[fi];
    if (isLoneLast(cp)) report.loneCharacters++;
    placeParagraph(ctx, state, placing(ctx, flow, composed, fi));
  }
  if (state.oversetLines > 0) ctx.out.overset.push({ articleId: article.id, characters: state.oversetChars, lines: state.oversetLines, from: state.oversetFrom });
  return state.slot;
}

function placing(ctx: LayoutContext, flow: Flowable[], composed: ComposedParagraph[], fi: number): Placing {
  return { index: fi, cp: composed[fi], f: flow[fi], next: flow[fi + 1], last: fi + 1 === flow.length, headingsUnder: headingsUnder(ctx, flow, composed, fi) };
}

/** The flow's places without setting a line: the blank each heading moved on leaves, and the lines that do not fit. */
function dryRun(ctx: LayoutContext, flow: Flowable[], composed: ComposedParagraph[], slots: Slot[], report: TypoReport): FlowPlan {
  const dry = { pushes: [] as HeadingPush[] };
  const state: FlowState = { slots, sources: [], owner: '', report, slot: 0, oversetLines: 0, oversetChars: 0, dry };
  for (let fi = 0; fi < flow.length; fi++) placeParagraph(ctx, state, placing(ctx, flow, composed, fi));
  return { pushes: dry.pushes, overset: state.oversetLines };
}

/** A column this many grid lines deep or less keeps a subhead with one line of text under it, not two (see placeParagraph). */
const SHORT_COLUMN = 5;

interface Placing {
  /** The paragraph's place in the flow. */
  index: number;
  cp: ComposedParagraph;
  f: Flowable;
  next: Flowable | undefined;
  last: boolean;
  /** Grid lines of the headings right under this paragraph (kept with the next, as it is): a heading goes with them. */
  headingsUnder: number;
}

/** The grid lines of the run of headings (keep-with-next paragraphs) right after paragraph `fi`, all their lines. */
function headingsUnder(ctx: LayoutContext, flow: Flowable[], composed: ComposedParagraph[], fi: number): number {
  let lines = 0;
  for (let j = fi + 1; j < flow.length && flow[j].keepWithNext; j++) lines += composed[j].lines.length * gridLinesFor(flowSize(flow[j]), ctx.geo);
  return lines;
}

/** Sets one paragraph's lines into the slots from `state.slot`, keeping subheads and closing bylines with their neighbours. */
function placeParagraph(ctx: LayoutContext, state: FlowState, p: Placing): void {
  const { geo, page } = ctx;
  const { slots, report } = state;
  const { cp, f } = p;
  const size = flowSize(f);
  const depth = gridLinesFor(size, geo);
  // A subhead that would end a column with less than two lines of text after it moves to the next column
  // (one line in a column SHORT_COLUMN deep or less: a stepped story's step beside its titles, three lines,
  // would be left mostly blank); a heading over another (山西：⏎特色“第一课”…) goes with it, neither alone.
  if (f.keepWithNext && state.slot < slots.length && !p.last) {
    const colEnd = columnEndIndex(slots, state.slot);
    const after = colEnd - columnStartIndex(slots, state.slot) <= SHORT_COLUMN ? 1 : 2;
    const needed = cp.lines.length * depth + p.headingsUnder + after;
    if (state.slot + needed > colEnd && colEnd < slots.length) {
      state.dry?.pushes.push({ heading: p.index, gap: colEnd - state.slot });
      state.slot = colEnd;
    }
  }
  // A closing byline is kept with its last paragraph: when the byline would open a new column,
  // the paragraph's last line goes over with it.
  let carryLastLine = false;
  if (p.next?.keepWithPrevious && cp.lines.length > 0) {
    const bylineSlot = state.slot + cp.lines.length * depth;
    carryLastLine = bylineSlot < slots.length && bylineSlot > 0 && columnEndIndex(slots, bylineSlot - 1) === bylineSlot;
  }
  const justified = (f.align ?? f.style.align) === 'justify';
  for (let li = 0; li < cp.lines.length; li++) {
    if (carryLastLine && li === cp.lines.length - 1 && state.slot < slots.length) state.slot = columnEndIndex(slots, state.slot);
    if (depth > 1) state.slot = nextSlotRun(slots, state.slot, depth);
    if (state.slot >= slots.length) {
      if (state.dry) {
        state.oversetLines++;
        continue;
      }
      const line = cp.lines[li];
      if (state.oversetLines++ === 0 && line.start < cp.tags.length) {
        const src = state.sources[cp.tags[line.start]];
        state.oversetFrom = { field: src.field, paragraph: src.paragraph, offset: src.base + cp.offsets[line.start] };
      }
      for (let i = line.start; i < line.end; i++) if (cp.cps[i] !== 0x20) state.oversetChars++;
      continue;
    }
    const s = slots[state.slot];
    state.slot += depth;
    if (state.dry) continue;
    // The em box sits on the foot of its last grid line, so its baseline is the grid's baseline.
    if (!ctx.measureOnly) emitLine(ctx, cp, li, s.x, s.y + (depth - 1) * geo.pitch + geo.bodySize - size, state.owner, state.sources);
    tally(report, cp, li, justified, page.typeset.maxExpansion);
    const gridLine = (s.y - geo.top) / geo.pitch;
    if (Math.abs(gridLine - Math.round(gridLine)) > 1e-6) report.offGridLines++;
  }
}
