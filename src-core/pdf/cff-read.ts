/**
 * Reading the Compact Font Format (Adobe technical note #5176) as far as subsetting needs: INDEXes,
 * DICTs kept as raw operator entries (so entries are copied byte for byte), FDSelect.
 */

export interface CffIndex {
  count: number;
  /** Entry i is bytes[start(i), end(i)). */
  entry(i: number): Uint8Array;
  /** The first byte after the INDEX. */
  end: number;
}

/** One DICT entry: its operator (12 x as 1200 + x) and its operands, raw and as numbers. */
export interface DictEntry {
  op: number;
  raw: Uint8Array;
  values: number[];
}

/** English detail; the caller names the font in zh and en (embeddable.ts). */
const bad = (what: string): Error => new Error(`damaged CFF data: ${what}`);

function offsetAt(b: Uint8Array, o: number, size: number): number {
  let v = 0;
  for (let k = 0; k < size; k++) v = v * 256 + b[o + k];
  return v;
}

export function readIndex(b: Uint8Array, at: number): CffIndex {
  if (at + 2 > b.length) throw bad('INDEX outside the table');
  const count = (b[at] << 8) | b[at + 1];
  if (count === 0) return { count, entry: () => new Uint8Array(0), end: at + 2 };
  const offSize = b[at + 2];
  if (offSize < 1 || offSize > 4) throw bad(`INDEX offSize ${offSize}`);
  const offs = at + 3;
  const base = offs + (count + 1) * offSize - 1;
  const last = offsetAt(b, offs + count * offSize, offSize);
  if (base + last > b.length) throw bad('INDEX data outside the table');
  return {
    count,
    entry: (i) => {
      const s = offsetAt(b, offs + i * offSize, offSize);
      const e = offsetAt(b, offs + (i + 1) * offSize, offSize);
      if (s < 1 || e < s || e > last) throw bad(`INDEX entry ${i}`);
      return b.subarray(base + s, base + e);
    },
    end: base + last,
  };
}

function realLength(b: Uint8Array, p: number): number {
  let q = p + 1;
  while (q < b.length) {
    const v = b[q++];
    if ((v & 0x0f) === 0x0f || (v >> 4) === 0x0f) break;
  }
  return q - p;
}

/** A DICT's entries in order. Reals are kept raw (value NaN): no entry this module rewrites is real. */
export function readDict(b: Uint8Array): DictEntry[] {
  const out: DictEntry[] = [];
  let start = 0;
  let values: number[] = [];
  let p = 0;
  while (p < b.length) {
    const v = b[p];
    if (v <= 21) {
      const op = v === 12 ? 1200 + b[p + 1] : v;
      out.push({ op, raw: b.subarray(start, p), values });
      p += v === 12 ? 2 : 1;
      start = p;
      values = [];
    } else if (v === 28) {
      values.push(((b[p + 1] << 24) | (b[p + 2] << 16)) >> 16);
      p += 3;
    } else if (v === 29) {
      values.push((b[p + 1] << 24) | (b[p + 2] << 16) | (b[p + 3] << 8) | b[p + 4]);
      p += 5;
    } else if (v === 30) {
      values.push(Number.NaN);
      p += realLength(b, p);
    } else if (v >= 32 && v <= 246) {
      values.push(v - 139);
      p += 1;
    } else if (v >= 247 && v <= 250) {
      values.push((v - 247) * 256 + b[p + 1] + 108);
      p += 2;
    } else if (v >= 251 && v <= 254) {
      values.push(-(v - 251) * 256 - b[p + 1] - 108);
      p += 2;
    } else throw bad(`DICT byte ${v}`);
  }
  return out;
}

export function dictValue(d: readonly DictEntry[], op: number): number[] | undefined {
  return d.find((e) => e.op === op)?.values;
}

/** The font DICT index of each glyph (FDSelect formats 0 and 3). */
export function readFdSelect(b: Uint8Array, at: number, numGlyphs: number): (gid: number) => number {
  const format = b[at];
  if (format === 0) return (gid) => b[at + 1 + gid];
  if (format !== 3) throw bad(`FDSelect format ${format}`);
  const n = (b[at + 1] << 8) | b[at + 2];
  const first = (i: number): number => (b[at + 3 + 3 * i] << 8) | b[at + 4 + 3 * i];
  return (gid) => {
    if (gid >= numGlyphs) return 0;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (first(mid) <= gid) lo = mid;
      else hi = mid - 1;
    }
    return b[at + 5 + 3 * lo];
  };
}

/** The bias added to a subroutine number (Type 2 charstrings, §4.7). */
export function subrBias(count: number): number {
  return count < 1240 ? 107 : count < 33900 ? 1131 : 32768;
}
