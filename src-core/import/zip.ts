/**
 * A ZIP archive's central directory, read in plain TypeScript without inflating anything: names,
 * methods, declared sizes and where each entry's data lies. Every offset read from the file is
 * checked against the file, so a truncated or lying archive is an error value, never an exception.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate; anything else cannot be read. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  /** The uncompressed size the archive declares (to be verified when inflating). */
  size: number;
  /** Where the entry's (compressed) data starts in the archive. */
  dataStart: number;
}

export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; zh: string; en: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65535. */
const EOCD_SEARCH = 22 + 0xffff;
const ZIP64_MARK = 0xffffffff;

/** TextDecoder exists in Node and every browser; src-core has neither lib, so it is reached through globalThis. */
const Decoder = (globalThis as unknown as { TextDecoder: new () => { decode(b: Uint8Array): string } }).TextDecoder;

const u16 = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number): number => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

const damaged = (zh: string, en: string): ZipDirectory => ({ ok: false, zh: `ZIP 结构损坏或被截断：${zh}`, en: `the ZIP structure is damaged or truncated: ${en}` });

function findEnd(b: Uint8Array): number {
  for (let i = b.length - 22; i >= Math.max(0, b.length - EOCD_SEARCH); i--) if (u32(b, i) === EOCD) return i;
  return -1;
}

/** Reads the central directory; refuses before reading entries when there are more than maxEntries. */
export function readZipDirectory(b: Uint8Array, maxEntries: number): ZipDirectory {
  const end = findEnd(b);
  if (end < 0) return damaged('找不到中央目录结尾记录', 'no end-of-central-directory record');
  const count = u16(b, end + 10);
  const cdSize = u32(b, end + 12);
  const cdStart = u32(b, end + 16);
  if (count === 0xffff || cdStart === ZIP64_MARK) return { ok: false, zh: '不支持 ZIP64 格式的压缩包（Word 文件不应如此之大）', en: 'ZIP64 archives are not supported (a Word file should not be that large)' };
  if (count > maxEntries) return { ok: false, zh: `压缩包含有 ${count} 个条目，超过上限 ${maxEntries}`, en: `the archive has ${count} entries, more than the limit of ${maxEntries}` };
  if (cdStart + cdSize > end) return damaged(`中央目录（第 ${cdStart} 字节起，${cdSize} 字节）超出文件`, `the central directory (${cdSize} bytes at byte offset ${cdStart}) lies past the end of the file`);
  const entries: ZipEntry[] = [];
  const dec = new Decoder();
  let i = cdStart;
  for (let k = 0; k < count; k++) {
    if (i + 46 > end || u32(b, i) !== CENTRAL) return damaged(`第 ${i} 字节处的中央目录条目无效`, `invalid central directory entry at byte offset ${i}`);
    const nameLength = u16(b, i + 28);
    const next = i + 46 + nameLength + u16(b, i + 30) + u16(b, i + 32);
    if (next > end) return damaged(`第 ${i} 字节处的中央目录条目超出目录`, `the central directory entry at byte offset ${i} runs past the directory`);
    const name = dec.decode(b.subarray(i + 46, i + 46 + nameLength));
    const compressedSize = u32(b, i + 20);
    const size = u32(b, i + 24);
    const local = u32(b, i + 42);
    if (compressedSize === ZIP64_MARK || size === ZIP64_MARK || local === ZIP64_MARK) return { ok: false, zh: `条目 ${name} 使用 ZIP64 格式，不支持`, en: `entry ${name} uses ZIP64, which is not supported` };
    if (local + 30 > b.length || u32(b, local) !== LOCAL) return damaged(`条目 ${name} 的本地头（第 ${local} 字节）无效`, `the local header of entry ${name} (byte offset ${local}) is invalid`);
    const dataStart = local + 30 + u16(b, local + 26) + u16(b, local + 28);
    if (dataStart + compressedSize > b.length) return damaged(`条目 ${name} 的数据（${compressedSize} 字节）超出文件末尾`, `the data of entry ${name} (${compressedSize} bytes) runs past the end of the file`);
    entries.push({ name, method: u16(b, i + 10), encrypted: (u16(b, i + 8) & 1) === 1, compressedSize, size, dataStart });
    i = next;
  }
  return { ok: true, entries };
}
