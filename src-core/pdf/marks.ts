import { BLACK, type CmykColor } from '../layout/page-layout';
import type { ContentWriter } from './content';

const MM = 72 / 25.4;

/**
 * Where the trimmed page sits on the sheet. PDF coordinates (y up); the trim box's lower-left corner
 * is (ox, oy). With marks, the sheet leaves room outside the bleed for crop and registration marks
 * and the slug line; without, the sheet is the bleed box.
 */
export interface SheetGeometry {
  trimWidth: number;
  trimHeight: number;
  bleed: number;
  /** Distance from the trim to where the crop marks start (never inside the bleed). */
  markOffset: number;
  markLength: number;
  mediaWidth: number;
  mediaHeight: number;
  ox: number;
  oy: number;
}

export function sheetGeometry(trimWidth: number, trimHeight: number, bleed: number, marks: boolean): SheetGeometry {
  const markOffset = Math.max(bleed, 3 * MM);
  const markLength = 5 * MM;
  const margin = marks ? markOffset + 10 * MM : bleed;
  return {
    trimWidth,
    trimHeight,
    bleed,
    markOffset,
    markLength,
    mediaWidth: trimWidth + 2 * margin,
    mediaHeight: trimHeight + 2 * margin,
    ox: margin,
    oy: margin,
  };
}

export interface SlugText {
  /** Draws one line of text at a baseline, K-only, and returns its width. */
  draw(x: number, y: number, size: number, text: string): void;
}

export interface MarkOptions {
  slug: string;
  colourBar: boolean;
  /** Resource name of the registration (/All) Separation colour space. */
  registration: string;
}

/**
 * Crop marks at the four corners and the slug line in K-only black; registration targets in the
 * registration colour (a Separation named All, so they appear on every plate and can be used to
 * register them); an optional CMYK colour bar.
 */
export function drawMarks(cw: ContentWriter, g: SheetGeometry, opts: MarkOptions, slug: SlugText): void {
  const { ox, oy, trimWidth: w, trimHeight: h, markOffset: off, markLength: len } = g;
  cw.save();
  cw.strokeCmyk(BLACK);
  cw.width(0.25);
  for (const cx of [ox, ox + w]) {
    for (const cy of [oy, oy + h]) {
      const sx = cx === ox ? -1 : 1;
      const sy = cy === oy ? -1 : 1;
      cw.line(cx + sx * off, cy, cx + sx * (off + len), cy);
      cw.line(cx, cy + sy * off, cx, cy + sy * (off + len));
    }
  }
  cw.restore();

  cw.save();
  cw.separation(opts.registration, 1);
  cw.width(0.25);
  const r = 2.5 * MM;
  const d = off + 5 * MM;
  for (const [cx, cy] of [
    [ox + w / 2, oy + h + d],
    [ox + w / 2, oy - d],
    [ox - d, oy + h / 2],
    [ox + w + d, oy + h / 2],
  ]) {
    cw.circle(cx, cy, r);
    cw.circle(cx, cy, r / 2);
    cw.line(cx - r - 1.5 * MM, cy, cx + r + 1.5 * MM, cy);
    cw.line(cx, cy - r - 1.5 * MM, cx, cy + r + 1.5 * MM);
  }
  cw.restore();

  if (opts.colourBar) {
    const patch = 5 * MM;
    const inks: CmykColor[] = [
      { c: 1, m: 0, y: 0, k: 0 }, { c: 0, m: 1, y: 0, k: 0 }, { c: 0, m: 0, y: 1, k: 0 }, { c: 0, m: 0, y: 0, k: 1 },
      { c: 0.5, m: 0, y: 0, k: 0 }, { c: 0, m: 0.5, y: 0, k: 0 }, { c: 0, m: 0, y: 0.5, k: 0 }, { c: 0, m: 0, y: 0, k: 0.5 },
    ];
    const x0 = ox + w - 10 * MM - inks.length * patch;
    const y0 = oy - off - 2 * MM - patch;
    cw.save();
    inks.forEach((ink, i) => {
      cw.fillCmyk(ink);
      cw.rect(x0 + i * patch, y0, patch, patch, 'f');
    });
    cw.restore();
  }

  cw.save();
  cw.fillCmyk(BLACK);
  slug.draw(ox + 10 * MM, oy - off - 6 * MM, 6, opts.slug);
  cw.restore();
}
