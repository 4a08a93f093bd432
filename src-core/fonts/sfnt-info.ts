/**
 * What a font list needs from a font file, read from a few tables only (name, OS/2, cmap), so a
 * folder of hundreds of CJK fonts lists quickly: TrueType and CFF-based OpenType, single faces and
 * collections (.ttc/.otc). Pure: the host hands in a `read(offset, length)` over the file.
 */

/** The outline format of a face: TrueType (glyf) or CFF-based OpenType. */
export type OutlineFormat = 'truetype' | 'cff';

export interface FaceInfo {
  /** The face's index in its file: 0 for a single face, fontconfig's numbering in a collection. */
  index: number;
  format: OutlineFormat;
  /** The typographic family (name ID 16, else 1) in English, and in Chinese when the font has it. */
  family: string;
  familyZh?: string;
  /** The typographic style (name ID 17, else 2), likewise. */
  style: string;
  styleZh?: string;
  postscriptName: string;
  /** OS/2 fsType: the licence bits (0 when the font has no OS/2 table); src-core/pdf says what they allow. */
  fsType: number;
  coverage: Coverage;
}

export interface Coverage {
  /** Code points of CJK Unified Ideographs (U+4E00–U+9FFF) the cmap maps to a glyph. */
  cjkIdeographs: number;
  /** OS/2 says the face covers the GB2312 code page (ulCodePageRange1 bit 18). */
  gb2312: boolean;
}

/** Reads `length` bytes at `offset` of the file (fewer only at its end). */
export type ReadAt = (offset: number, length: number) => Uint8Array;

/** A file that is not a font this reader takes, or a damaged one: zh and en, without the file's name (the caller adds it). */
export class FontInfoError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }
}

const TAG = { ttcf: 0x74746366, otto: 0x4f54544f, true: 0x74727565, woff: 0x774f4646, woff2: 0x774f4632 } as const;
/** Bounds on what one face may make the reader read: a name table or a cmap subtable larger is damage. */
const MAX_NAME_TABLE = 1 << 20;
const MAX_CMAP_SUBTABLE = 16 << 20;
const MAX_FACES = 256;

/** The faces of a font file of `size` bytes. */
export function readFontFaces(read: ReadAt, size: number): FaceInfo[] {
  const head = bytesAt(read, 0, 12, size);
  const tag = u32(head, 0);
  if (tag === TAG.woff || tag === TAG.woff2) {
    const web = tag === TAG.woff2 ? 'WOFF2' : 'WOFF';
    throw new FontInfoError(`是网页字体（${web}），不是安装用的字体`, `is a web font (${web}), not an installable font`);
  }
  if (head[0] === 0x80 && head[1] === 0x01) throw new FontInfoError('是 Type 1 字体，不受支持', 'is a Type 1 font, which is not supported');
  if (tag === 0x25215053) throw new FontInfoError('是 Type 1 字体，不受支持', 'is a Type 1 font, which is not supported');
  if (tag !== TAG.ttcf) return [faceAt(read, size, 0, 0)];
  const count = u32(head, 8);
  if (count === 0 || count > MAX_FACES) throw new FontInfoError(`字体集的字体数 ${count} 不合理`, `is a collection of an implausible ${count} faces`);
  const offsets = bytesAt(read, 12, count * 4, size);
  return Array.from({ length: count }, (_, i) => faceAt(read, size, u32(offsets, i * 4), i));
}

function faceAt(read: ReadAt, size: number, offset: number, index: number): FaceInfo {
  const header = bytesAt(read, offset, 12, size);
  const version = u32(header, 0);
  if (version !== 0x00010000 && version !== TAG.true && version !== TAG.otto) throw new FontInfoError('不是 TrueType 或 OpenType 字体', 'is not a TrueType or OpenType font');
  const tables = tableDirectory(bytesAt(read, offset + 12, u16(header, 4) * 16, size));
  const format: OutlineFormat = version === TAG.otto || tables.has('CFF ') || tables.has('CFF2') ? 'cff' : 'truetype';
  const nameTable = tables.get('name');
  if (!nameTable) throw new FontInfoError(`第 ${index} 个字体没有 name 表`, `face ${index} has no name table`);
  if (nameTable.length > MAX_NAME_TABLE) throw new FontInfoError(`第 ${index} 个字体的 name 表过大`, `face ${index} has an oversized name table`);
  const names = readNames(bytesAt(read, nameTable.offset, nameTable.length, size));
  const os2 = tables.get('OS/2');
  const os2Bytes = os2 ? bytesAt(read, os2.offset, Math.min(os2.length, 86), size) : undefined;
  const fsType = os2Bytes && os2Bytes.length >= 10 ? u16(os2Bytes, 8) : 0;
  const cmap = tables.get('cmap');
  const en = (...ids: number[]) => ids.map((id) => names.en.get(id)).find(Boolean);
  const zh = (...ids: number[]) => ids.map((id) => names.zh.get(id)).find(Boolean);
  const family = en(16, 1) ?? zh(16, 1);
  if (!family) throw new FontInfoError(`第 ${index} 个字体没有字体名`, `face ${index} has no family name`);
  return {
    index,
    format,
    family,
    familyZh: zh(16, 1),
    style: en(17, 2) ?? zh(17, 2) ?? 'Regular',
    styleZh: zh(17, 2),
    postscriptName: en(6) ?? family.replace(/\s+/g, ''),
    fsType,
    coverage: {
      cjkIdeographs: cmap ? cjkCount(read, size, cmap) : 0,
      gb2312: os2Bytes !== undefined && os2Bytes.length >= 82 && (u32(os2Bytes, 78) & (1 << 18)) !== 0,
    },
  };
}

interface TableRecord {
  offset: number;
  length: number;
}

function tableDirectory(bytes: Uint8Array): Map<string, TableRecord> {
  const tables = new Map<string, TableRecord>();
  for (let at = 0; at + 16 <= bytes.length; at += 16) {
    tables.set(String.fromCharCode(...bytes.subarray(at, at + 4)), { offset: u32(bytes, at + 8), length: u32(bytes, at + 12) });
  }
  return tables;
}

/** Windows language ids of Chinese, zh-CN first: a face named for the mainland is preferred. */
const CHINESE_LANGUAGES = [0x0804, 0x1004, 0x0404, 0x0c04, 0x1404];

/** Name IDs 1, 2, 6, 16, 17 in English (Windows en-US, else any Windows or Mac Roman English) and in Chinese. */
function readNames(table: Uint8Array): { en: Map<number, string>; zh: Map<number, string> } {
  const en = new Map<number, string>();
  const zh = new Map<number, string>();
  const rank = new Map<string, number>();
  const count = u16(table, 2);
  const storage = u16(table, 4);
  for (let i = 0; i < count && 6 + i * 12 + 12 <= table.length; i++) {
    const at = 6 + i * 12;
    const [platform, encoding, language, nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((d) => u16(table, at + d));
    if (![1, 2, 6, 16, 17].includes(nameId)) continue;
    const start = storage + offset;
    if (start + length > table.length) continue;
    const raw = table.subarray(start, start + length);
    const zhRank = platform === 3 ? CHINESE_LANGUAGES.indexOf(language) : -1;
    // en: Windows en-US best (0), other Windows English next (1), Mac Roman English last (2).
    const enRank = platform === 3 && language === 0x0409 ? 0 : platform === 3 && (language & 0xff) === 0x09 ? 1 : platform === 1 && encoding === 0 && language === 0 ? 2 : -1;
    if (zhRank >= 0 && (encoding === 1 || encoding === 10)) keep(zh, `zh${nameId}`, zhRank, nameId, utf16be(raw));
    if (enRank >= 0) keep(en, `en${nameId}`, enRank, nameId, platform === 1 ? latin1(raw) : utf16be(raw));
  }
  return { en, zh };

  function keep(into: Map<number, string>, key: string, r: number, nameId: number, value: string): void {
    const before = rank.get(key);
    if (!value.trim() || (before !== undefined && before <= r)) return;
    rank.set(key, r);
    into.set(nameId, value.trim());
  }
}

const CJK_FIRST = 0x4e00;
const CJK_LAST = 0x9fff;

/** How many CJK Unified Ideographs the best Unicode cmap subtable (format 12, else 4) maps. */
function cjkCount(read: ReadAt, size: number, cmap: TableRecord): number {
  const header = bytesAt(read, cmap.offset, 4, size);
  const count = Math.min(u16(header, 2), 64);
  const records = bytesAt(read, cmap.offset + 4, count * 8, size);
  const subtables: { format: number; offset: number }[] = [];
  for (let at = 0; at + 8 <= records.length; at += 8) {
    const [platform, encoding] = [u16(records, at), u16(records, at + 2)];
    if (platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))) {
      const offset = cmap.offset + u32(records, at + 4);
      subtables.push({ format: u16(bytesAt(read, offset, 2, size), 0), offset });
    }
  }
  const best = subtables.find((s) => s.format === 12) ?? subtables.find((s) => s.format === 4);
  if (!best) return 0;
  if (best.format === 12) {
    const length = u32(bytesAt(read, best.offset + 4, 4, size), 0);
    if (length > MAX_CMAP_SUBTABLE) throw new FontInfoError('cmap 表过大', 'has an oversized cmap table');
    return format12Count(bytesAt(read, best.offset, length, size));
  }
  const length = u16(bytesAt(read, best.offset + 2, 2, size), 0);
  return format4Count(bytesAt(read, best.offset, length, size));
}

/** Groups are sorted by their first code point (OpenType cmap format 12): only those from the first that ends in the block are visited. */
function format12Count(t: Uint8Array): number {
  const view = new DataView(t.buffer, t.byteOffset, t.byteLength);
  const groups = Math.min(view.getUint32(12), Math.floor((t.length - 16) / 12));
  let [from, to] = [0, groups];
  while (from < to) {
    const mid = (from + to) >>> 1;
    if (view.getUint32(16 + mid * 12 + 4) < CJK_FIRST) from = mid + 1;
    else to = mid;
  }
  let n = 0;
  for (let i = from; i < groups; i++) {
    const at = 16 + i * 12;
    const start = view.getUint32(at);
    if (start > CJK_LAST) break;
    const hi = Math.min(view.getUint32(at + 4), CJK_LAST);
    const lo = Math.max(start, CJK_FIRST);
    if (hi >= lo) n += hi - lo + 1;
  }
  return n;
}

function format4Count(t: Uint8Array): number {
  const segments = u16(t, 6) / 2;
  const ends = 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  if (rangeOffsets + segments * 2 > t.length) throw new FontInfoError('cmap 表被截断', 'has a truncated cmap table');
  let n = 0;
  for (let s = 0; s < segments; s++) {
    const lo = Math.max(u16(t, starts + s * 2), CJK_FIRST);
    const hi = Math.min(u16(t, ends + s * 2), CJK_LAST);
    const delta = u16(t, deltas + s * 2);
    const rangeOffset = u16(t, rangeOffsets + s * 2);
    const start = u16(t, starts + s * 2);
    for (let c = lo; c <= hi; c++) {
      if (rangeOffset === 0) {
        if (((c + delta) & 0xffff) !== 0) n++;
        continue;
      }
      const at = rangeOffsets + s * 2 + rangeOffset + (c - start) * 2;
      if (at + 2 <= t.length && u16(t, at) !== 0) n++;
    }
  }
  return n;
}

/** Exactly `length` bytes at `offset`, or a FontInfoError: a table pointing past the file's end is damage. */
function bytesAt(read: ReadAt, offset: number, length: number, size: number): Uint8Array {
  if (offset + length > size) throw new FontInfoError('被截断或已损坏（表超出文件末尾）', 'is truncated or damaged (a table runs past its end)');
  const bytes = read(offset, length);
  if (bytes.length < length) throw new FontInfoError('被截断', 'is truncated');
  return bytes;
}

const u16 = (b: Uint8Array, at: number): number => (b[at] << 8) | b[at + 1];
const u32 = (b: Uint8Array, at: number): number => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;

function utf16be(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode((b[i] << 8) | b[i + 1]);
  return s;
}

const latin1 = (b: Uint8Array): string => String.fromCharCode(...b);
