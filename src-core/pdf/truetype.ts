/**
 * Just enough of the TrueType (glyf) format to embed a subset in a PDF as a CIDFontType2 font
 * program: the table directory, the licence bits, advances, and a subsetter that keeps only the
 * glyphs a page uses (plus the components of composite glyphs). PDF reads glyphs by id through
 * CIDToGIDMap, so cmap, GSUB/GPOS, name and post are left out (ISO 32000-1 §9.9).
 */
import { checkGlyph } from './glyf-check';

export interface SfntTable {
  offset: number;
  length: number;
}

export interface TrueTypeInfo {
  tables: Map<string, SfntTable>;
  /** 'glyf' for TrueType outlines, 'CFF ' for OpenType/CFF (subset in cff.ts), 'CFF2' for variable CFF, 'unknown' otherwise. */
  outlines: 'glyf' | 'CFF ' | 'CFF2' | 'unknown';
  unitsPerEm: number;
  numGlyphs: number;
  /** OS/2 fsType (embedding licence bits), 0 when the table is absent (installable). */
  fsType: number;
  bbox: [number, number, number, number];
  ascent: number;
  descent: number;
  capHeight: number;
  italicAngle: number;
}

export type EmbeddingLicence = 'installable' | 'restricted' | 'preview-print' | 'editable' | 'bitmap-only' | 'no-subsetting';

const u16 = (b: Uint8Array, o: number): number => (b[o] << 8) | b[o + 1];
const i16 = (b: Uint8Array, o: number): number => {
  const v = u16(b, o);
  return v & 0x8000 ? v - 0x10000 : v;
};
const u32 = (b: Uint8Array, o: number): number => ((b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]) >>> 0;

function tag(b: Uint8Array, o: number): string {
  return String.fromCharCode(b[o], b[o + 1], b[o + 2], b[o + 3]);
}

export function readTrueType(bytes: Uint8Array): TrueTypeInfo {
  if (bytes.length < 12) throw new Error('font file too short');
  const version = u32(bytes, 0);
  if (version === 0x74746366) throw new Error('font collections (.ttc) must be split into faces first');
  const numTables = u16(bytes, 4);
  const tables = new Map<string, SfntTable>();
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    if (rec + 16 > bytes.length) throw new Error('truncated table directory');
    tables.set(tag(bytes, rec), { offset: u32(bytes, rec + 8), length: u32(bytes, rec + 12) });
  }
  const need = (t: string): number => {
    const tb = tables.get(t);
    if (!tb) throw new Error(`font has no ${t} table`);
    return tb.offset;
  };
  const head = need('head');
  const hhea = need('hhea');
  const maxp = need('maxp');
  const unitsPerEm = u16(bytes, head + 18);
  const os2 = tables.get('OS/2');
  const post = tables.get('post');
  const ascent = i16(bytes, hhea + 4);
  return {
    tables,
    outlines: tables.has('glyf') ? 'glyf' : tables.has('CFF ') ? 'CFF ' : tables.has('CFF2') ? 'CFF2' : 'unknown',
    unitsPerEm,
    numGlyphs: u16(bytes, maxp + 4),
    fsType: os2 ? u16(bytes, os2.offset + 8) : 0,
    bbox: [i16(bytes, head + 36), i16(bytes, head + 38), i16(bytes, head + 40), i16(bytes, head + 42)],
    ascent,
    descent: i16(bytes, hhea + 6),
    capHeight: os2 && os2.length >= 90 && u16(bytes, os2.offset) >= 2 ? i16(bytes, os2.offset + 88) : ascent,
    italicAngle: post ? i16(bytes, post.offset + 4) + u16(bytes, post.offset + 6) / 65536 : 0,
  };
}

/**
 * What the OS/2 fsType bits allow (OpenType spec, OS/2 table): bit 1 restricted licence embedding,
 * bit 2 preview & print, bit 3 editable, bit 8 no subsetting, bit 9 bitmap embedding only.
 */
export function embeddingLicence(fsType: number): EmbeddingLicence {
  if (fsType & 0x0200) return 'bitmap-only';
  if (fsType & 0x0100) return 'no-subsetting';
  const usage = fsType & 0x000e;
  if (usage & 0x0008) return 'editable';
  if (usage & 0x0004) return 'preview-print';
  if (usage & 0x0002) return 'restricted';
  return 'installable';
}

/** Whether a subset of the font may be embedded in a print PDF under its licence bits. */
export function mayEmbedSubset(fsType: number): boolean {
  const l = embeddingLicence(fsType);
  return l !== 'restricted' && l !== 'bitmap-only' && l !== 'no-subsetting';
}

export interface TrueTypeSubset {
  bytes: Uint8Array;
  /** New glyph id for each original glyph id given. */
  newGid: Map<number, number>;
  /** Advance width of each new glyph id, font units. */
  advances: number[];
}

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

function checksum(b: Uint8Array, off: number, len: number): number {
  let sum = 0;
  const end = off + len;
  let i = off;
  for (; i + 4 <= end; i += 4) sum = (sum + ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3])) >>> 0;
  if (i < end) {
    let last = 0;
    for (let k = 0; k < 4; k++) last = (last << 8) | (i + k < end ? b[i + k] : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/**
 * A TrueType font holding glyph 0 (.notdef) and `gids`, renumbered in ascending original order,
 * composite components included. Hinting programs (fpgm, prep, cvt) are kept because glyph
 * instructions may call them.
 */
// Long on purpose: writes the subset font table by table in file order (glyf/loca, hmtx, cmap, post, hinting tables); each step reads offsets the previous one wrote.
export function subsetTrueType(bytes: Uint8Array, gids: Iterable<number>): TrueTypeSubset {
  const info = readTrueType(bytes);
  if (info.outlines !== 'glyf') throw new Error('only TrueType (glyf) outlines can be subset; convert CFF/OTF fonts to TrueType');
  const t = (name: string): SfntTable => {
    const tb = info.tables.get(name);
    if (!tb) throw new Error(`font has no ${name} table`);
    return tb;
  };
  const head = t('head').offset;
  const longLoca = i16(bytes, head + 50) === 1;
  const loca = t('loca').offset;
  const glyf = t('glyf').offset;
  const hmtx = t('hmtx').offset;
  const numHMetrics = u16(bytes, t('hhea').offset + 34);
  const n = info.numGlyphs;
  const glyphRange = (gid: number): [number, number] => {
    if (longLoca) return [u32(bytes, loca + 4 * gid), u32(bytes, loca + 4 * gid + 4)];
    return [2 * u16(bytes, loca + 2 * gid), 2 * u16(bytes, loca + 2 * gid + 2)];
  };

  // Closure over composite components.
  const wanted = new Set<number>([0]);
  const stack: number[] = [];
  for (const g of gids) if (g >= 0 && g < n && !wanted.has(g)) { wanted.add(g); stack.push(g); }
  while (stack.length) {
    const g = stack.pop()!;
    const [start, end] = glyphRange(g);
    if (end - start < 10 || i16(bytes, glyf + start) >= 0) continue;
    let p = glyf + start + 10;
    for (;;) {
      const flags = u16(bytes, p);
      const comp = u16(bytes, p + 2);
      if (comp < n && !wanted.has(comp)) { wanted.add(comp); stack.push(comp); }
      p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) p += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8;
      if (!(flags & MORE_COMPONENTS)) break;
    }
  }
  const order = [...wanted].sort((a, b) => a - b);
  const newGid = new Map<number, number>();
  order.forEach((g, i) => newGid.set(g, i));

  // glyf + loca (long offsets, every glyph padded to 4 bytes).
  let glyfSize = 0;
  for (const g of order) {
    const [s, e] = glyphRange(g);
    glyfSize += (e - s + 3) & ~3;
  }
  const newGlyf = new Uint8Array(glyfSize);
  const newLoca = new Uint8Array(4 * (order.length + 1));
  const advances: number[] = [];
  const newHmtx = new Uint8Array(4 * order.length);
  let at = 0;
  order.forEach((g, i) => {
    newLoca[4 * i] = at >>> 24; newLoca[4 * i + 1] = (at >>> 16) & 255; newLoca[4 * i + 2] = (at >>> 8) & 255; newLoca[4 * i + 3] = at & 255;
    const [s, e] = glyphRange(g);
    checkGlyph(bytes, glyf + s, glyf + e, g);
    newGlyf.set(bytes.subarray(glyf + s, glyf + e), at);
    if (e - s >= 10 && i16(bytes, glyf + s) < 0) {
      let p = at + 10;
      for (;;) {
        const flags = (newGlyf[p] << 8) | newGlyf[p + 1];
        const mapped = newGid.get((newGlyf[p + 2] << 8) | newGlyf[p + 3]) ?? 0;
        newGlyf[p + 2] = mapped >> 8; newGlyf[p + 3] = mapped & 255;
        p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
        if (flags & WE_HAVE_A_SCALE) p += 2;
        else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4;
        else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8;
        if (!(flags & MORE_COMPONENTS)) break;
      }
    }
    at += (e - s + 3) & ~3;
    const adv = u16(bytes, hmtx + 4 * Math.min(g, numHMetrics - 1));
    const lsb = g < numHMetrics ? u16(bytes, hmtx + 4 * g + 2) : u16(bytes, hmtx + 4 * numHMetrics + 2 * (g - numHMetrics));
    advances.push(adv);
    newHmtx[4 * i] = adv >> 8; newHmtx[4 * i + 1] = adv & 255; newHmtx[4 * i + 2] = lsb >> 8; newHmtx[4 * i + 3] = lsb & 255;
  });
  const end = order.length * 4;
  newLoca[end] = at >>> 24; newLoca[end + 1] = (at >>> 16) & 255; newLoca[end + 2] = (at >>> 8) & 255; newLoca[end + 3] = at & 255;

  const copy = (name: string): Uint8Array | undefined => {
    const tb = info.tables.get(name);
    return tb ? bytes.slice(tb.offset, tb.offset + tb.length) : undefined;
  };
  const newHead = copy('head')!;
  newHead.fill(0, 8, 12); // checkSumAdjustment, set below
  newHead[50] = 0; newHead[51] = 1; // indexToLocFormat: long
  const newHhea = copy('hhea')!;
  newHhea[34] = order.length >> 8; newHhea[35] = order.length & 255;
  const newMaxp = copy('maxp')!;
  newMaxp[4] = order.length >> 8; newMaxp[5] = order.length & 255;

  const out: [string, Uint8Array][] = [
    ['glyf', newGlyf], ['head', newHead], ['hhea', newHhea], ['hmtx', newHmtx], ['loca', newLoca], ['maxp', newMaxp],
  ];
  for (const name of ['OS/2', 'cvt ', 'fpgm', 'prep']) {
    const b = copy(name);
    if (b) out.push([name, b]);
  }
  out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const font = writeSfnt(out);
  // head.checkSumAdjustment makes the whole file sum to 0xB1B0AFBA.
  const headAt = findTable(font, 'head');
  const adj = (0xb1b0afba - checksum(font, 0, font.length)) >>> 0;
  font[headAt + 8] = adj >>> 24; font[headAt + 9] = (adj >>> 16) & 255; font[headAt + 10] = (adj >>> 8) & 255; font[headAt + 11] = adj & 255;
  return { bytes: font, newGid, advances };
}

function findTable(font: Uint8Array, name: string): number {
  const num = u16(font, 4);
  for (let i = 0; i < num; i++) if (tag(font, 12 + 16 * i) === name) return u32(font, 12 + 16 * i + 8);
  return -1;
}

function writeSfnt(tables: [string, Uint8Array][]): Uint8Array {
  const num = tables.length;
  let size = 12 + 16 * num;
  for (const [, b] of tables) size += (b.length + 3) & ~3;
  const font = new Uint8Array(size);
  const put16 = (o: number, v: number): void => { font[o] = v >> 8; font[o + 1] = v & 255; };
  const put32 = (o: number, v: number): void => { font[o] = v >>> 24; font[o + 1] = (v >>> 16) & 255; font[o + 2] = (v >>> 8) & 255; font[o + 3] = v & 255; };
  put32(0, 0x00010000);
  put16(4, num);
  let pow = 1;
  let log = 0;
  while (pow * 2 <= num) { pow *= 2; log++; }
  put16(6, pow * 16);
  put16(8, log);
  put16(10, num * 16 - pow * 16);
  let at = 12 + 16 * num;
  tables.forEach(([name, b], i) => {
    const rec = 12 + 16 * i;
    for (let k = 0; k < 4; k++) font[rec + k] = name.charCodeAt(k);
    font.set(b, at);
    put32(rec + 4, checksum(font, at, b.length));
    put32(rec + 8, at);
    put32(rec + 12, b.length);
    at += (b.length + 3) & ~3;
  });
  return font;
}
