import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { layout } from '../../src-core/layout/layout';
import type { GlyphRun } from '../../src-core/layout/page-layout';
import { pageToSvg } from '../../src-core/svg/page-svg';
import { fontProvider } from '../../src-main/fonts/provider';
import { CARD_MIN_PX, thumbnailSvg } from '../../src-renderer/edition/thumbnail';

const fonts = fontProvider().registry();
const page = layout(samplePage(), { fonts });
const runs = page.items.filter((i): i is GlyphRun => i.kind === 'glyphs');
const opts = { fontFamily: (id: string) => `bm-${id}` };
const svg = thumbnailSvg(page, opts);
const [drawnPart, rest] = [svg.slice(0, svg.indexOf('<desc')), svg.slice(svg.indexOf('<desc'))];
const desc = rest.slice(0, rest.indexOf('</desc>'));
const textOf = (markup: string) => markup.replace(/<[^>]+>/g, '');
/** Thumbnail px per page pt on the narrowest card (its padding and border off). */
const scale = (CARD_MIN_PX - 18) / page.width;

describe('the overview thumbnail: text too small to read there drawn as grey lines', () => {
  it('draws far fewer text elements than the page has lines: only text large enough to read on the card', () => {
    const all = (pageToSvg(page, opts).match(/<text[ >]/g) ?? []).length;
    const drawn = (drawnPart.match(/<text[ >]/g) ?? []).length;
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(all / 10);
    // what is drawn as text is at least 4 px high on the narrowest card; the headline is among it
    const biggest = runs.reduce((a, b) => (b.size > a.size ? b : a));
    expect(biggest.size * scale).toBeGreaterThanOrEqual(4);
    expect(textOf(drawnPart)).toContain(biggest.text);
    const sizes = [...drawnPart.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes) * scale).toBeGreaterThanOrEqual(4 - 0.01);
  });

  it('a grey line per small run, where the run stands', () => {
    const small = runs.filter((r) => !r.ys && r.size * scale < 4);
    const greys = [...drawnPart.matchAll(/<path d="([^"]*)"[^>]*fill-opacity/g)].map((m) => m[1]).join('');
    const bars = [...greys.matchAll(/M([\d.]+) ([\d.]+)h([\d.]+)/g)].map((m) => m.slice(1).map(Number));
    expect(bars).toHaveLength(small.length);
    // bars are grouped by colour: find each run's own, starting at its first glyph on its line
    small.forEach((r) => {
      const [x, y, w] = bars.find(([bx, by]) => Math.abs(bx - r.xs[0]) < 0.06 && by < r.y && by > r.y - r.size) ?? [NaN, NaN, NaN];
      expect(x).toBeCloseTo(r.xs[0], 0);
      // the bar lies within the em box above the baseline and spans the run's glyphs
      expect(y).toBeGreaterThanOrEqual(r.y - r.size - 0.1);
      expect(y).toBeLessThan(r.y);
      expect(w).toBeGreaterThanOrEqual(r.xs[r.xs.length - 1] - r.xs[0]);
    });
  });

  it('still carries the whole text of the page, the undrawn part in its description', () => {
    const small = runs.filter((r) => !r.ys && r.size * scale < 4);
    expect(small.length).toBeGreaterThan(100);
    const lines = [...desc.matchAll(/<text>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(lines).toEqual(small.map((r) => r.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')));
  });
});
