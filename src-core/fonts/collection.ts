/**
 * One face out of a font collection (.ttc/.otc, OpenType spec "Font Collections"): the face's own
 * table directory and a copy of each table it points at (tables the faces share are copied into
 * each), as a standalone sfnt. Everything after the provider — fontkit, the PDF writer, the CSS
 * FontFace a browser makes (which only ever loads a collection's first face) — then sees one face.
 */

const u16 = (b: Uint8Array, o: number): number => (b[o] << 8) | b[o + 1];
const u32 = (b: Uint8Array, o: number): number => ((b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]) >>> 0;
const TTCF = 0x74746366;

export function isCollection(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && u32(bytes, 0) === TTCF;
}

/** How many faces a file holds: a collection's count, 1 for a single font. */
export function faceCount(bytes: Uint8Array): number {
  return isCollection(bytes) ? u32(bytes, 8) : 1;
}

/**
 * The face at `index` (counted from 0, as fontconfig does) as standalone sfnt bytes. A single font
 * is returned as it is for index 0. Throws an Error (zh / en) for an index out of range or a
 * directory that points outside the file.
 */
export function collectionFace(bytes: Uint8Array, index = 0): Uint8Array {
  const count = faceCount(bytes);
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new Error(`字体序号 ${index} 超出范围（文件中有 ${count} 个字体，序号从 0 起）/ face index ${index} is out of range (the file holds ${count} face${count === 1 ? '' : 's'}, counted from 0)`);
  }
  if (!isCollection(bytes)) return bytes;
  const outside = (): Error => new Error('字体集合的表目录超出文件范围（文件已截断或损坏）/ the collection\'s table directory points outside the file (truncated or damaged)');
  if (12 + 4 * count > bytes.length) throw outside();
  const dir = u32(bytes, 12 + 4 * index);
  if (dir + 12 > bytes.length) throw outside();
  const numTables = u16(bytes, dir + 4);
  if (dir + 12 + 16 * numTables > bytes.length) throw outside();
  const records: { rec: number; offset: number; length: number }[] = [];
  let size = 12 + 16 * numTables;
  for (let i = 0; i < numTables; i++) {
    const rec = dir + 12 + 16 * i;
    const offset = u32(bytes, rec + 8);
    const length = u32(bytes, rec + 12);
    if (offset + length > bytes.length) throw outside();
    records.push({ rec, offset, length });
    size += (length + 3) & ~3;
  }
  const out = new Uint8Array(size);
  out.set(bytes.subarray(dir, dir + 12), 0);
  let at = 12 + 16 * numTables;
  records.forEach(({ rec, offset, length }, i) => {
    const to = 12 + 16 * i;
    // Tag, checksum and length stay; only the offset moves (the table bytes are unchanged).
    out.set(bytes.subarray(rec, rec + 8), to);
    out[to + 8] = at >>> 24; out[to + 9] = (at >>> 16) & 255; out[to + 10] = (at >>> 8) & 255; out[to + 11] = at & 255;
    out.set(bytes.subarray(rec + 12, rec + 16), to + 12);
    out.set(bytes.subarray(offset, offset + length), at);
    at += (length + 3) & ~3;
  });
  return out;
}
