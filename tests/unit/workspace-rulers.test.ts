import { describe, expect, it } from 'vitest';
import { PT_PER_MM } from '../../src-core/model/units';
import { MIN_LABEL_GAP_PX, MIN_TICK_GAP_PX, rulerLabel, rulerTicks } from '../../src-renderer/canvas/ruler-ticks';

describe('ruler ticks (mm from the trim corner)', () => {
  it('at 100 % (1 pt = 1 px): labels every 20 mm, 1 mm ticks, the mid tick at 10 mm', () => {
    const pxPerMm = PT_PER_MM; // 2.835 px per mm
    const r = rulerTicks(100, 300, pxPerMm);
    expect(r.majorMm).toBe(20);
    // 1 mm is 2.8 px, under the minimum gap: 2 mm ticks.
    expect(r.minorMm).toBe(2);
    const zero = r.ticks.find((t) => t.mm === 0)!;
    expect(zero).toEqual({ px: 100, mm: 0, size: 'major' });
    expect(r.ticks.find((t) => t.mm === 10)!.size).toBe('mid');
    expect(r.ticks.find((t) => t.mm === 4)!.size).toBe('minor');
    expect(r.ticks.find((t) => t.mm === 20)!.px).toBeCloseTo(100 + 20 * pxPerMm, 9);
    // Before the trim edge the ruler counts negative, as InDesign does.
    expect(r.ticks[0].mm).toBe(-34);
    expect(r.ticks[0].px).toBeGreaterThanOrEqual(0);
    expect(r.ticks.at(-1)!.px).toBeLessThanOrEqual(300);
  });

  it('keeps room for labels and ticks at every zoom', () => {
    for (const pxPerMm of [0.2, 0.5, 1, 1.64, 2.835, 5, 11.3, 40]) {
      const r = rulerTicks(-5000, 1200, pxPerMm);
      expect(r.majorMm * pxPerMm).toBeGreaterThanOrEqual(MIN_LABEL_GAP_PX);
      expect(r.minorMm * pxPerMm).toBeGreaterThanOrEqual(MIN_TICK_GAP_PX);
      expect(r.majorMm % r.minorMm).toBe(0);
      // Labelled ticks fall on whole multiples of the labelled step.
      for (const t of r.ticks.filter((x) => x.size === 'major')) expect(Math.abs(t.mm % r.majorMm)).toBe(0);
      // Ticks are evenly spaced and in order.
      for (let i = 1; i < r.ticks.length; i++) expect(r.ticks[i].px - r.ticks[i - 1].px).toBeCloseTo(r.minorMm * pxPerMm, 6);
    }
  });

  it('zoomed in far: 10 mm labels with 1 mm ticks', () => {
    const r = rulerTicks(0, 500, 8);
    expect([r.majorMm, r.minorMm]).toEqual([10, 1]);
    expect(r.ticks.filter((t) => t.size === 'mid').map((t) => t.mm).slice(0, 3)).toEqual([5, 15, 25]);
  });

  it('follows scrolling: the zero point may lie off the ruler', () => {
    const r = rulerTicks(-1000, 400, 2);
    expect(r.ticks[0].mm).toBe(500);
    expect(r.ticks[0].px).toBe(0);
    expect(r.ticks.every((t) => t.px >= 0 && t.px <= 400)).toBe(true);
  });

  it('draws nothing for a ruler of no length or a page not laid out', () => {
    expect(rulerTicks(0, 0, 2).ticks).toEqual([]);
    expect(rulerTicks(0, 300, 0).ticks).toEqual([]);
    expect(rulerTicks(Number.NaN, 300, 2).ticks).toEqual([]);
  });

  it('labels whole millimetres with a true minus sign', () => {
    expect(rulerLabel(0)).toBe('0');
    expect(rulerLabel(150)).toBe('150');
    expect(rulerLabel(-20)).toBe('−20');
    expect(rulerLabel(19.9999999)).toBe('20');
  });
});
