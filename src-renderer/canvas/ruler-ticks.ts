/**
 * The tick maths of the rulers around the canvas (Rulers.tsx), pure so it can be unit-tested:
 * millimetres from the trim's top-left corner, at any zoom and scroll position.
 */

export type TickSize = 'major' | 'mid' | 'minor';

export interface RulerTick {
  /** Pixel position along the ruler. */
  px: number;
  /** The distance from the zero point in mm (negative before the trim edge). */
  mm: number;
  size: TickSize;
}

export interface RulerScale {
  /** Millimetres between labelled ticks. */
  majorMm: number;
  /** Millimetres between the smallest ticks. */
  minorMm: number;
  ticks: RulerTick[];
}

/** Labelled steps in mm, as InDesign offers them: 1, 2, 5 times a power of ten. */
const NICE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

/** Labels need this much room (a label of up to four digits at 9 px). */
export const MIN_LABEL_GAP_PX = 48;
/** Minor ticks closer than this would blur into a grey band. */
export const MIN_TICK_GAP_PX = 4;

/**
 * The ticks of a ruler `lengthPx` long whose zero (the trim edge) sits at `originPx` (it may lie
 * outside the ruler when the page is scrolled), at `pxPerMm`. The labelled step is the smallest
 * nice step that leaves MIN_LABEL_GAP_PX for a label; it is divided into the finest nice step that
 * still leaves MIN_TICK_GAP_PX between ticks, with a longer tick at the half where that falls on a
 * tick (10 mm: 1 mm ticks, a mid tick at 5 mm).
 */
export function rulerTicks(originPx: number, lengthPx: number, pxPerMm: number): RulerScale {
  if (!(pxPerMm > 0) || !(lengthPx > 0) || !Number.isFinite(originPx)) return { majorMm: 0, minorMm: 0, ticks: [] };
  const majorMm = NICE_STEPS.find((s) => s * pxPerMm >= MIN_LABEL_GAP_PX) ?? NICE_STEPS[NICE_STEPS.length - 1];
  const minorMm = NICE_STEPS.find((s) => s * pxPerMm >= MIN_TICK_GAP_PX && majorMm % s === 0 && s < majorMm) ?? majorMm;
  const perMajor = Math.round(majorMm / minorMm);
  const midAt = perMajor % 2 === 0 ? perMajor / 2 : -1;
  // Integer tick indexes, so positions do not drift by adding up floating steps.
  const first = Math.ceil(-originPx / pxPerMm / minorMm);
  const last = Math.floor((lengthPx - originPx) / pxPerMm / minorMm);
  const ticks: RulerTick[] = [];
  for (let i = first; i <= last; i++) {
    const within = ((i % perMajor) + perMajor) % perMajor;
    const mm = i * minorMm;
    ticks.push({ px: originPx + mm * pxPerMm, mm, size: within === 0 ? 'major' : within === midAt ? 'mid' : 'minor' });
  }
  return { majorMm, minorMm, ticks };
}

/** A ruler label: whole millimetres, a true minus sign before the trim edge. */
export function rulerLabel(mm: number): string {
  const v = Math.round(mm);
  return v < 0 ? `−${-v}` : String(v);
}
