import { dictValue, readDict, readFdSelect, readIndex, type CffIndex, type DictEntry } from './cff-read';
import { subrsUsed } from './cff-subrs';

/**
 * A CID-keyed CFF font program for PDF (FontFile3 /Subtype /CIDFontType0C, ISO 32000-1 §9.9) holding
 * only the glyphs a page uses. Glyph i of the subset carries CID i through its charset, so the PDF's
 * CIDs (one per code point, FaceUse) select glyphs directly and no CIDToGIDMap is needed (Type 0
 * CIDFonts have none). A name-keyed font becomes CID-keyed with one font DICT. Charstrings are
 * copied as they are; subroutines no kept glyph calls are emptied (their numbers must not move, the
 * charstrings call them by number), which is most of a CJK font's subroutine bytes.
 */

const OP = {
  charset: 15, encoding: 16, charStrings: 17, private: 18, subrs: 19, uniqueId: 13, xuid: 14,
  ros: 1230, cidCount: 1234, uidBase: 1235, fdArray: 1236, fdSelect: 1237, syntheticBase: 1220,
} as const;

/** Top DICT entries the subset writes itself or must not carry (offsets, ids of the whole font). */
const TOP_REWRITTEN = new Set<number>([OP.ros, OP.cidCount, OP.uidBase, OP.charset, OP.encoding, OP.charStrings, OP.private, OP.fdArray, OP.fdSelect, OP.uniqueId, OP.xuid, OP.syntheticBase]);

interface FontDict {
  /** The font DICT without its Private entry. */
  entries: DictEntry[];
  privateEntries: DictEntry[];
  subrs?: CffIndex;
}

interface ParsedCff {
  name: Uint8Array;
  top: DictEntry[];
  strings: CffIndex;
  gsubrs: CffIndex;
  charStrings: CffIndex;
  fds: FontDict[];
  fdOf: (gid: number) => number;
}

function fontDict(cff: Uint8Array, entries: DictEntry[]): FontDict {
  const priv = dictValue(entries, OP.private);
  const rest = entries.filter((e) => e.op !== OP.private);
  if (!priv || priv.length < 2) return { entries: rest, privateEntries: [] };
  const [size, offset] = priv;
  if (offset + size > cff.length) throw new Error('damaged CFF data: Private DICT outside the table');
  const privateEntries = readDict(cff.subarray(offset, offset + size));
  const subrsAt = dictValue(privateEntries, OP.subrs);
  return { entries: rest, privateEntries, subrs: subrsAt ? readIndex(cff, offset + subrsAt[0]) : undefined };
}

export function parseCff(cff: Uint8Array): ParsedCff {
  if (cff.length < 4 || cff[0] !== 1) throw new Error(`CFF version ${cff[0]} is not 1 (CFF2 is not supported)`);
  const names = readIndex(cff, cff[2]);
  const tops = readIndex(cff, names.end);
  const strings = readIndex(cff, tops.end);
  const gsubrs = readIndex(cff, strings.end);
  const top = readDict(tops.entry(0));
  const csAt = dictValue(top, OP.charStrings);
  if (!csAt) throw new Error('damaged CFF data: no CharStrings');
  const charStrings = readIndex(cff, csAt[0]);
  const fdArrayAt = dictValue(top, OP.fdArray);
  const fdSelectAt = dictValue(top, OP.fdSelect);
  if (dictValue(top, OP.ros) && fdArrayAt && fdSelectAt) {
    const fdIndex = readIndex(cff, fdArrayAt[0]);
    const fds = Array.from({ length: fdIndex.count }, (_, i) => fontDict(cff, readDict(fdIndex.entry(i))));
    return { name: names.entry(0), top, strings, gsubrs, charStrings, fds, fdOf: readFdSelect(cff, fdSelectAt[0], charStrings.count) };
  }
  // Name-keyed: its Private DICT becomes the one font DICT's.
  const fd = fontDict(cff, top.filter((e) => e.op === OP.private));
  return { name: names.entry(0), top, strings, gsubrs, charStrings, fds: [fd], fdOf: () => 0 };
}

// --- writing -------------------------------------------------------------------------------------

class Bytes {
  private readonly parts: Uint8Array[] = [];
  length = 0;
  push(b: Uint8Array | number[]): void {
    const u = b instanceof Uint8Array ? b : Uint8Array.from(b);
    this.parts.push(u);
    this.length += u.length;
  }
  join(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) { out.set(p, at); at += p.length; }
    return out;
  }
}

/** An integer as a DICT operand of fixed size (5 bytes), so offsets can be filled in afterwards. */
const int5 = (v: number): number[] => [29, (v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
const opBytes = (op: number): number[] => (op >= 1200 ? [12, op - 1200] : [op]);

function dictBytes(entries: readonly DictEntry[], extra: readonly [number, number[]][]): Uint8Array {
  const out = new Bytes();
  for (const e of entries) { out.push(e.raw); out.push(opBytes(e.op)); }
  for (const [op, values] of extra) { out.push(values.flatMap(int5)); out.push(opBytes(op)); }
  return out.join();
}

function indexBytes(entries: readonly Uint8Array[]): Uint8Array {
  if (entries.length === 0) return Uint8Array.of(0, 0);
  const total = entries.reduce((n, e) => n + e.length, 0) + 1;
  const offSize = total < 0x100 ? 1 : total < 0x10000 ? 2 : total < 0x1000000 ? 3 : 4;
  const out = new Uint8Array(3 + (entries.length + 1) * offSize + total - 1);
  out[0] = entries.length >> 8; out[1] = entries.length & 255; out[2] = offSize;
  let off = 1;
  let data = 3 + (entries.length + 1) * offSize;
  const putOff = (i: number): void => { for (let k = 0; k < offSize; k++) out[3 + i * offSize + k] = (off >>> (8 * (offSize - 1 - k))) & 255; };
  entries.forEach((e, i) => { putOff(i); out.set(e, data); data += e.length; off += e.length; });
  putOff(entries.length);
  return out;
}

const EMPTY = new Uint8Array(0);
/**
 * Unused subroutines are emptied, but the first of an INDEX becomes a bare `return`: Ghostscript
 * refuses a font with a subroutine INDEX of no data bytes at all (a `return` each would cost 100 KB
 * of offsets in a CJK font).
 */
const RETURN = Uint8Array.of(11);

function keptSubrs(index: CffIndex | undefined, used: Set<number> | undefined, keepAll: boolean): Uint8Array[] {
  if (!index) return [];
  return Array.from({ length: index.count }, (_, i) => (keepAll || used?.has(i) ? index.entry(i) : i === 0 ? RETURN : EMPTY));
}

/**
 * The subset: glyph 0 is the font's .notdef, glyph i (CID i) the font's glyph `gids[i]` (a glyph id
 * out of range gives .notdef). `gids[0]` is ignored.
 */
export function subsetCff(cff: Uint8Array, gids: readonly number[]): Uint8Array {
  const font = parseCff(cff);
  const n = font.charStrings.count;
  const order = gids.map((g, i) => (i === 0 || g < 0 || g >= n ? 0 : g));
  const charStrings = order.map((g) => font.charStrings.entry(g));
  const fdOf = order.map((g) => Math.min(font.fdOf(g), font.fds.length - 1));
  const use = subrsUsed(charStrings, fdOf, font.gsubrs, (fd) => font.fds[fd]?.subrs);
  const gsubrs = keptSubrs(font.gsubrs, use.global, use.unknown);
  const strings = Array.from({ length: font.strings.count }, (_, i) => font.strings.entry(i));
  const sid = (s: string): number => 391 + strings.push(Uint8Array.from(s, (c) => c.charCodeAt(0))) - 1;
  const ros: [number, number[]] = [OP.ros, [sid('Adobe'), sid('Identity'), 0]];

  // charset: format 2, one range of CIDs 1…count-1 (glyph 0 is .notdef and not listed).
  const charset = order.length > 1 ? [2, 0, 1, ((order.length - 2) >> 8) & 255, (order.length - 2) & 255] : [0];
  const fdSelect = [0, ...fdOf];
  const csIndex = indexBytes(charStrings);
  const privates = font.fds.map((fd, i) => {
    const subrs = indexBytes(keptSubrs(fd.subrs, use.local.get(i), use.unknown));
    const base = fd.privateEntries.filter((e) => e.op !== OP.subrs);
    const dict = fd.subrs ? dictBytes(base, [[OP.subrs, [0]]]) : dictBytes(base, []);
    // Subrs is relative to the Private DICT's start: right after it.
    const withSubrs = fd.subrs ? dictBytes(base, [[OP.subrs, [dict.length]]]) : dict;
    return { dict: withSubrs, subrs: fd.subrs ? subrs : EMPTY };
  });

  const topFor = (at: { charset: number; fdSelect: number; charStrings: number; fdArray: number }): Uint8Array =>
    // ROS first: it is what makes the Top DICT a CIDFont's.
    concat([
      dictBytes([], [ros]),
      dictBytes(font.top.filter((e) => !TOP_REWRITTEN.has(e.op)), [
        [OP.cidCount, [order.length]], [OP.charset, [at.charset]], [OP.fdSelect, [at.fdSelect]], [OP.charStrings, [at.charStrings]], [OP.fdArray, [at.fdArray]],
      ]),
    ]);
  const fdArrayFor = (privateAt: number): Uint8Array => {
    let at = privateAt;
    return indexBytes(font.fds.map((fd, i) => {
      const d = dictBytes(fd.entries, [[OP.private, [privates[i].dict.length, at]]]);
      at += privates[i].dict.length + privates[i].subrs.length;
      return d;
    }));
  };

  const header = [1, 0, 4, 4];
  const nameIndex = indexBytes([font.name]);
  const stringIndex = indexBytes(strings);
  const gsubrIndex = indexBytes(gsubrs);
  // Every offset is a 5-byte operand, so the Top DICT's length does not depend on their values.
  const topLength = topFor({ charset: 0, fdSelect: 0, charStrings: 0, fdArray: 0 }).length;
  const topIndexLength = indexBytes([new Uint8Array(topLength)]).length;
  const charsetAt = header.length + nameIndex.length + topIndexLength + stringIndex.length + gsubrIndex.length;
  const fdSelectAt = charsetAt + charset.length;
  const fdArrayAt = fdSelectAt + fdSelect.length;
  const privatesAt = fdArrayAt + fdArrayFor(0).length;
  const fdArray = fdArrayFor(privatesAt);
  const privateBytes = privates.flatMap((p) => [p.dict, p.subrs]);
  // CharStrings last: FreeType reads a byte past an INDEX that ends the file with an empty entry;
  // a glyph's charstring is never empty.
  const charStringsAt = privatesAt + privateBytes.reduce((n, b) => n + b.length, 0);
  const top = topFor({ charset: charsetAt, fdSelect: fdSelectAt, charStrings: charStringsAt, fdArray: fdArrayAt });
  return concat([
    Uint8Array.from(header), nameIndex, indexBytes([top]), stringIndex, gsubrIndex, Uint8Array.from(charset), Uint8Array.from(fdSelect), fdArray, ...privateBytes, csIndex,
  ]);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Bytes();
  for (const p of parts) out.push(p);
  return out.join();
}
