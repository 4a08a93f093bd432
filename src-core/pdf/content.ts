import type { ArtItem, BoxItem, CmykColor, PathOp, RuleItem } from '../layout/page-layout';
import { utf16Hex } from './font-subset';

/** A number as PDF content syntax: at most three decimals, never an exponent. */
export function num(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  return r === 0 ? '0' : String(r);
}

const HEX4: string[] = [];
function hex4(v: number): string {
  if (v < 4096) return (HEX4[v] ??= v.toString(16).toUpperCase().padStart(4, '0'));
  return v.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Builds a page content stream from small operator builders, tracking the graphics state it has
 * set (colours, font, line width, horizontal scale) so each is written only when it changes.
 * All colours are DeviceCMYK.
 */
export class ContentWriter {
  private readonly parts: string[] = [];
  private fill = '';
  private stroke = '';
  private lineWidth = -1;
  private font = '';
  private hScale = 100;
  private inText = false;

  op(s: string): void {
    this.parts.push(s);
  }

  /** Saves the graphics state; the tracked state is reset because Q restores what came before. */
  save(): void {
    this.endText();
    this.parts.push('q');
  }

  restore(): void {
    this.endText();
    this.parts.push('Q');
    this.fill = '';
    this.stroke = '';
    this.lineWidth = -1;
    this.font = '';
    this.hScale = 100;
  }

  fillCmyk(c: CmykColor): void {
    const s = `${num(c.c)} ${num(c.m)} ${num(c.y)} ${num(c.k)} k`;
    if (s !== this.fill) {
      this.parts.push(s);
      this.fill = s;
    }
  }

  strokeCmyk(c: CmykColor): void {
    const s = `${num(c.c)} ${num(c.m)} ${num(c.y)} ${num(c.k)} K`;
    if (s !== this.stroke) {
      this.parts.push(s);
      this.stroke = s;
    }
  }

  /** Fill and stroke in a named Separation colour space (registration marks). */
  separation(name: string, tint: number): void {
    this.parts.push(`/${name} cs /${name} CS ${num(tint)} scn ${num(tint)} SCN`);
    this.fill = '';
    this.stroke = '';
  }

  width(w: number): void {
    if (w !== this.lineWidth) {
      this.parts.push(`${num(w)} w`);
      this.lineWidth = w;
    }
  }

  line(x1: number, y1: number, x2: number, y2: number): void {
    this.endText();
    this.parts.push(`${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
  }

  /**
   * A path of moveto/lineto/curveto operations (PDF coordinates, y upwards), stroked or filled:
   * the styled rules and frames of `ruleArt`.
   */
  path(ops: PathOp[], paint: 'f' | 'S'): void {
    this.endText();
    const parts = ops.map(([op, ...v]) => `${v.map(num).join(' ')} ${op === 'M' ? 'm' : op === 'L' ? 'l' : 'c'}`);
    this.parts.push(`${parts.join(' ')} ${paint}`);
  }

  rect(x: number, y: number, w: number, h: number, paint: 'f' | 'S' | 'B' | 'W n'): void {
    this.endText();
    this.parts.push(`${num(x)} ${num(y)} ${num(w)} ${num(h)} re ${paint}`);
  }

  /** A circle from four Bézier arcs. */
  circle(cx: number, cy: number, r: number): void {
    this.endText();
    const k = 0.5523 * r;
    this.parts.push(
      `${num(cx + r)} ${num(cy)} m ${num(cx + r)} ${num(cy + k)} ${num(cx + k)} ${num(cy + r)} ${num(cx)} ${num(cy + r)} c ` +
        `${num(cx - k)} ${num(cy + r)} ${num(cx - r)} ${num(cy + k)} ${num(cx - r)} ${num(cy)} c ` +
        `${num(cx - r)} ${num(cy - k)} ${num(cx - k)} ${num(cy - r)} ${num(cx)} ${num(cy - r)} c ` +
        `${num(cx + k)} ${num(cy - r)} ${num(cx + r)} ${num(cy - k)} ${num(cx + r)} ${num(cy)} c S`,
    );
  }

  image(name: string, x: number, y: number, w: number, h: number, clip?: { x: number; y: number; w: number; h: number }): void {
    this.save();
    if (clip) this.parts.push(`${num(clip.x)} ${num(clip.y)} ${num(clip.w)} ${num(clip.h)} re W n`);
    this.parts.push(`${num(w)} 0 0 ${num(h)} ${num(x)} ${num(y)} cm /${name} Do`);
    this.restore();
  }

  private beginText(): void {
    if (!this.inText) {
      this.parts.push('BT');
      this.inText = true;
    }
  }

  endText(): void {
    if (this.inText) {
      this.parts.push('ET');
      this.inText = false;
    }
  }

  /**
   * Saves the graphics state and sets text to be filled and stroked (render mode 2) with round
   * joins, `w` wide in the colour: a synthetic bold's run, drawn before `restore()` ends it.
   */
  boldStroke(w: number, color: CmykColor): void {
    this.save();
    this.strokeCmyk(color);
    this.width(w);
    this.parts.push('1 j 2 Tr');
  }

  /** Opens a text object with the font, size and horizontal scale, each written only when it changes. */
  private textState(font: string, size: number, hScalePercent: number): void {
    this.beginText();
    const f = `/${font} ${num(size)} Tf`;
    if (f !== this.font) {
      this.parts.push(f);
      this.font = f;
    }
    if (hScalePercent !== this.hScale) {
      this.parts.push(`${num(hScalePercent)} Tz`);
      this.hScale = hScalePercent;
    }
  }

  /**
   * One run of glyphs on a baseline: the first glyph placed with Tm, every later one by the font's
   * own advance plus a TJ adjustment to the exact x the layout gave it. The pen position is tracked
   * after rounding so rounding errors never add up along a line.
   */
  glyphs(font: string, size: number, hScalePercent: number, x: number, y: number, cids: ArrayLike<number>, widths: ArrayLike<number>, xs: ArrayLike<number>): void {
    this.textState(font, size, hScalePercent);
    this.parts.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
    const unit = (size * hScalePercent) / 100 / 1000;
    let s = '[<';
    let pen = xs[0];
    const n = cids.length;
    for (let i = 0; i < n; i++) {
      s += hex4(cids[i]);
      pen += widths[cids[i]] * unit;
      if (i + 1 < n) {
        const gap = xs[i + 1] - pen;
        if (gap > 1e-4 || gap < -1e-4) {
          const adj = Math.round((-gap / unit) * 10) / 10;
          if (adj !== 0) {
            s += `>${adj}<`;
            pen -= adj * unit;
          }
        }
      }
    }
    this.parts.push(`${s}>] TJ`);
  }

  /**
   * Glyphs each placed by its own text matrix (竖排: x and y per glyph), upright or turned 90°
   * clockwise (the glyph's baseline running down the page).
   */
  placedGlyphs(font: string, size: number, hScalePercent: number, cids: ArrayLike<number>, xs: ArrayLike<number>, ys: ArrayLike<number>, turned: boolean, actual?: readonly (number | undefined)[]): void {
    this.textState(font, size, hScalePercent);
    const matrix = turned ? '0 -1 1 0' : '1 0 0 1';
    for (let i = 0; i < cids.length; i++) {
      const show = `${matrix} ${num(xs[i])} ${num(ys[i])} Tm <${hex4(cids[i])}> Tj`;
      // (a glyph standing for another character, a vertical form for ，: that character is what a text reader gets)
      const a = actual?.[i];
      this.parts.push(a === undefined ? show : `/Span <</ActualText <FEFF${utf16Hex(a)}>>> BDC ${show} EMC`);
    }
  }

  toString(): string {
    this.endText();
    return this.parts.join('\n');
  }
}

/** A dot as four Bézier arcs (PDF has no circle operator). */
function dotOps(cx: number, cy: number, r: number): PathOp[] {
  const k = 0.5523 * r;
  return [
    ['M', cx + r, cy],
    ['C', cx + r, cy + k, cx + k, cy + r, cx, cy + r],
    ['C', cx - k, cy + r, cx - r, cy + k, cx - r, cy],
    ['C', cx - r, cy - k, cx - k, cy - r, cx, cy - r],
    ['C', cx + k, cy - r, cx + r, cy - k, cx + r, cy],
  ];
}

/**
 * A rule, box or art item of the layout on a page whose trim box starts at `ox` and whose top edge
 * is at `pageTop` (PDF y upwards). Styles are already geometry: a styled rule draws nothing itself
 * and a styled box only its fill, their ink being the art item that follows them.
 */
export function drawGeometry(cw: ContentWriter, item: RuleItem | BoxItem | ArtItem, ox: number, pageTop: number): void {
  if (item.kind === 'art') return drawArt(cw, item, ox, pageTop);
  if (item.kind === 'rule') {
    if (item.style) return;
    cw.strokeCmyk(item.color);
    cw.width(item.width);
    cw.line(ox + item.x1, pageTop - item.y1, ox + item.x2, pageTop - item.y2);
    return;
  }
  const stroke = item.stroke && !item.strokeStyle ? item.stroke : undefined;
  if (item.fill) cw.fillCmyk(item.fill);
  if (stroke) {
    cw.strokeCmyk(stroke);
    cw.width(item.strokeWidth);
  }
  const paint = item.fill && stroke ? 'B' : item.fill ? 'f' : stroke ? 'S' : undefined;
  if (paint) cw.rect(ox + item.x, pageTop - item.y - item.height, item.width, item.height, paint);
}

/** Strokes stroked, dots filled, in the item's colour. */
function drawArt(cw: ContentWriter, item: ArtItem, ox: number, pageTop: number): void {
  const flip = (op: PathOp): PathOp => {
    const v = op.slice(1) as number[];
    const out = v.map((n, i) => (i % 2 === 0 ? ox + n : pageTop - n));
    return [op[0], ...out] as PathOp;
  };
  for (const sh of item.shapes) {
    if (sh.kind === 'dot') {
      cw.fillCmyk(item.color);
      cw.path(dotOps(sh.cx, sh.cy, sh.r).map(flip), 'f');
    } else {
      cw.strokeCmyk(item.color);
      cw.width(sh.width);
      cw.path(sh.ops.map(flip), 'S');
    }
  }
}
