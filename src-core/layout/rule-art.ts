import type { RuleStyle } from '../model/document';
import type { ArtShape, PathOp } from './page-layout';

export type { ArtShape, PathOp };

/**
 * The geometry of styled rules and frames (双线, 文武线, 虚线, 花边) as plain vector shapes, computed
 * once here so that the SVG and the PDF renderer draw exactly the same strokes and dots. Coordinates
 * are page pt, y downwards, like PageLayout.
 */

/** Lines of a multi-line style: offset of each line's centre from the rule's axis, and its weight. */
function strands(style: RuleStyle, width: number): { offset: number; width: number }[] {
  if (style === 'double') {
    const gap = Math.max(1, 2 * width);
    return [
      { offset: -(gap + width) / 2, width },
      { offset: (gap + width) / 2, width },
    ];
  }
  if (style === 'thickThin') {
    const thin = Math.max(0.25, width / 3);
    const gap = Math.max(1, width);
    return [
      { offset: -(gap + thin) / 2, width },
      { offset: (gap + width) / 2, width: thin },
    ];
  }
  return [{ offset: 0, width }];
}

/** How far a rule's ink reaches from its axis, on either side (for bounds checks). */
export function ruleReach(style: RuleStyle | undefined, width: number): number {
  if (style === 'wave') return waveAmplitude(width) + width / 2;
  if (style === 'dots') return dotRadius(width);
  return Math.max(...strands(style ?? 'solid', width).map((s) => Math.abs(s.offset) + s.width / 2));
}

const waveAmplitude = (width: number): number => Math.max(1.2, 2 * width);
const dotRadius = (width: number): number => Math.max(0.5, width / 2);

/**
 * The shapes of a rule from (x1, y1) to (x2, y2). `corner`: the rule is one side of a frame drawn
 * clockwise, so its normal points into the frame; each strand is shortened or lengthened by its
 * offset so that the strands of neighbouring sides meet in a mitred corner.
 */
export function ruleArt(x1: number, y1: number, x2: number, y2: number, width: number, style: RuleStyle = 'solid', corner = false): ArtShape[] {
  const len = Math.hypot(x2 - x1, y2 - y1);
  if (len <= 0 || width <= 0) return [];
  const ux = (x2 - x1) / len;
  const uy = (y2 - y1) / len;
  // The normal: (ux, uy) turned clockwise on a y-down page, i.e. into a frame drawn clockwise.
  const nx = -uy;
  const ny = ux;
  const at = (t: number, s: number): [number, number] => [x1 + t * ux + s * nx, y1 + t * uy + s * ny];
  const line = (t0: number, t1: number, s: number, w: number): ArtShape => ({ kind: 'stroke', width: w, ops: [['M', ...at(t0, s)], ['L', ...at(t1, s)]] });
  switch (style) {
    case 'solid':
    case 'double':
    case 'thickThin':
      return strands(style, width).map((st) => {
        const trim = corner ? st.offset - st.width / 2 : 0;
        return line(trim, len - trim, st.offset, st.width);
      });
    case 'dashed': {
      // Whole dashes at both ends: the pattern is stretched slightly to fit the length.
      const on = Math.max(2, 4 * width);
      const off = Math.max(1.5, 3 * width);
      const n = Math.max(1, Math.round((len + off) / (on + off)));
      const f = (len + off) / (n * (on + off));
      const out: ArtShape[] = [];
      for (let i = 0; i < n; i++) out.push(line(i * (on + off) * f, (i * (on + off) + on) * f, 0, width));
      return out;
    }
    case 'wave': {
      // 波纹: arches of alternating side, each a cubic whose peak is the amplitude (3/4 of 4a/3).
      const a = waveAmplitude(width);
      const n = Math.max(1, Math.round(len / (3 * a)));
      const h = len / n;
      const ops: PathOp[] = [['M', ...at(0, 0)]];
      for (let i = 0; i < n; i++) {
        const s = (i % 2 === 0 ? -1 : 1) * ((4 * a) / 3);
        const t = i * h;
        ops.push(['C', ...at(t + h / 3, s), ...at(t + (2 * h) / 3, s), ...at(t + h, 0)]);
      }
      return [{ kind: 'stroke', width, ops }];
    }
    case 'dots': {
      // 点线: round dots, one on each end.
      const r = dotRadius(width);
      const n = Math.max(1, Math.round(len / (4 * r)));
      const out: ArtShape[] = [];
      for (let i = 0; i <= n; i++) {
        const [cx, cy] = at((i * len) / n, 0);
        out.push({ kind: 'dot', cx, cy, r });
      }
      return out;
    }
  }
}

/** A frame around a rectangle in a rule style: its four sides, clockwise from the top-left corner. */
export function frameArt(x: number, y: number, w: number, h: number, width: number, style: RuleStyle): ArtShape[] {
  return [
    ...ruleArt(x, y, x + w, y, width, style, true),
    ...ruleArt(x + w, y, x + w, y + h, width, style, true),
    ...ruleArt(x + w, y + h, x, y + h, width, style, true),
    ...ruleArt(x, y + h, x, y, width, style, true),
  ];
}
