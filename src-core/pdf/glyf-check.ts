/**
 * Whether a TrueType glyph's description fits the bytes loca gives it (OpenType spec, glyf): the
 * contour end points rising, the instructions, flags and coordinates of a simple glyph, the
 * component records of a composite one. The subsetter copies glyph bytes as they are, so a damaged
 * glyph would reach the PDF and each viewer would draw it differently or not at all (FreeType:
 * “invalid outline”); the writer refuses it instead, as it does a CFF glyph it cannot read.
 */

const ON_CURVE_X_SHORT = 0x02;
const ON_CURVE_Y_SHORT = 0x04;
const REPEAT = 0x08;
const X_SAME_OR_POSITIVE = 0x10;
const Y_SAME_OR_POSITIVE = 0x20;
const ARGS_ARE_WORDS = 0x0001;
const HAS_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAS_X_AND_Y_SCALE = 0x0040;
const HAS_TWO_BY_TWO = 0x0080;
const HAS_INSTRUCTIONS = 0x0100;

const u16 = (b: Uint8Array, o: number): number => (b[o] << 8) | b[o + 1];
const i16 = (b: Uint8Array, o: number): number => (u16(b, o) << 16) >> 16;

/** Throws `damaged glyf data: glyph <gid>` when the glyph at bytes [start, end) does not fit there. */
export function checkGlyph(bytes: Uint8Array, start: number, end: number, gid: number): void {
  if (end === start) return; // an empty glyph (a space)
  const fits = end - start >= 10 && (i16(bytes, start) >= 0 ? simpleFits(bytes, start, end) : i16(bytes, start) === -1 && compositeFits(bytes, start, end));
  if (!fits) throw new Error(`damaged glyf data: glyph ${gid}`);
}

function simpleFits(b: Uint8Array, start: number, end: number): boolean {
  const contours = i16(b, start);
  let p = start + 10;
  let points = 0;
  for (let c = 0; c < contours; c++, p += 2) {
    if (p + 2 > end) return false;
    const last = u16(b, p) + 1;
    if (last < points) return false;
    points = last;
  }
  if (p + 2 > end) return false;
  p += 2 + u16(b, p); // the instructions
  let xBytes = 0;
  let yBytes = 0;
  for (let n = 0; n < points; ) {
    if (p >= end) return false;
    const flag = b[p++];
    let count = 1;
    if (flag & REPEAT) {
      if (p >= end) return false;
      count += b[p++];
    }
    n += count;
    xBytes += count * (flag & ON_CURVE_X_SHORT ? 1 : flag & X_SAME_OR_POSITIVE ? 0 : 2);
    yBytes += count * (flag & ON_CURVE_Y_SHORT ? 1 : flag & Y_SAME_OR_POSITIVE ? 0 : 2);
    if (n > points) return false;
  }
  return p + xBytes + yBytes <= end;
}

function compositeFits(b: Uint8Array, start: number, end: number): boolean {
  let p = start + 10;
  let flags: number;
  do {
    if (p + 4 > end) return false;
    flags = u16(b, p);
    p += 4 + (flags & ARGS_ARE_WORDS ? 4 : 2) + (flags & HAS_SCALE ? 2 : flags & HAS_X_AND_Y_SCALE ? 4 : flags & HAS_TWO_BY_TWO ? 8 : 0);
  } while (flags & MORE_COMPONENTS);
  if (flags & HAS_INSTRUCTIONS) {
    if (p + 2 > end) return false;
    p += 2 + u16(b, p);
  }
  return p <= end;
}
