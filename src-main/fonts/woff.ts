import { inflateSync } from 'node:zlib';

/**
 * WOFF 1.0 → the sfnt (TrueType/OpenType) it wraps: each table zlib-inflated back to its bytes, laid
 * out 4-byte aligned behind a fresh table directory. The PDF writer embeds sfnt faces and the
 * browser takes either, so a face npm ships only as WOFF is handed on as its sfnt.
 * Bad input (not WOFF, a table outside the file, a size that does not match) is an Error naming
 * `file`, zh and en.
 */
export function woffToSfnt(woff: Uint8Array, file: string): Uint8Array {
  const fail = (zh: string, en: string): never => {
    throw new Error(`字体文件 ${file} ${zh} / Font file ${file} ${en}`);
  };
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (woff.length < 44 || view.getUint32(0) !== 0x774f4646) fail('不是 WOFF 1.0 文件', 'is not a WOFF 1.0 file');
  const flavor = view.getUint32(4);
  const count = view.getUint16(12);
  if (44 + count * 20 > woff.length) fail('的表目录被截断', 'has a truncated table directory');
  const tables: { tag: number; checksum: number; data: Uint8Array }[] = [];
  for (let i = 0; i < count; i++) {
    const at = 44 + i * 20;
    const [tag, offset, compressed, original, checksum] = [0, 4, 8, 12, 16].map((d) => view.getUint32(at + d));
    if (offset + compressed > woff.length || compressed > original) fail(`的表 ${tagName(tag)} 超出文件范围`, `has table ${tagName(tag)} outside the file`);
    const raw = woff.subarray(offset, offset + compressed);
    let data: Uint8Array = raw;
    if (compressed < original) {
      try {
        data = inflateSync(raw, { maxOutputLength: original });
      } catch (e) {
        fail(`的表 ${tagName(tag)} 无法解压：${String(e)}`, `has table ${tagName(tag)} that cannot be inflated: ${String(e)}`);
      }
    }
    if (data.length !== original) fail(`的表 ${tagName(tag)} 长度不符`, `has table ${tagName(tag)} of the wrong length`);
    tables.push({ tag, checksum, data });
  }
  return sfntOf(flavor, tables);
}

function sfntOf(flavor: number, tables: { tag: number; checksum: number; data: Uint8Array }[]): Uint8Array {
  const padded = (n: number) => (n + 3) & ~3;
  const headerSize = 12 + tables.length * 16;
  const out = new Uint8Array(tables.reduce((sum, t) => sum + padded(t.data.length), headerSize));
  const view = new DataView(out.buffer);
  // The search fields the sfnt header carries (OpenType spec, "Organization of an OpenType Font").
  const power = 2 ** Math.floor(Math.log2(Math.max(1, tables.length)));
  view.setUint32(0, flavor);
  view.setUint16(4, tables.length);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, tables.length * 16 - power * 16);
  let offset = headerSize;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    view.setUint32(at, t.tag);
    view.setUint32(at + 4, t.checksum);
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, t.data.length);
    out.set(t.data, offset);
    offset += padded(t.data.length);
  });
  return out;
}

const tagName = (tag: number): string => String.fromCharCode(tag >>> 24, (tag >>> 16) & 255, (tag >>> 8) & 255, tag & 255);
