/**
 * Broken and hostile import files made at run time (nothing of this size is committed): ZIPs with
 * stored or deflated entries and optionally lying headers, .docx packages around a given
 * document.xml, decompression bombs, deeply nested XML, PNGs with chosen chunks, a seeded PRNG.
 */
import { deflateRawSync, deflateSync } from 'node:zlib';
import { crc32 } from '../../src-core/import/image-probe';

export function prng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

export function randomBytes(n: number, seed: number): Uint8Array {
  const next = prng(seed);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(next() * 256);
  return out;
}

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** Deflate the entry (default true). */
  deflate?: boolean;
  /** Write this as the uncompressed size in the headers instead of the true one. */
  claimSize?: number;
}

const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

/** A ZIP archive as Word writes it: local headers, data, central directory, end record. */
export function zip(entries: ZipEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const deflate = e.deflate ?? true;
    const body = deflate ? new Uint8Array(deflateRawSync(e.data)) : e.data;
    const crc = crc32(e.data, 0, e.data.length);
    const size = e.claimSize ?? e.data.length;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, deflate ? 8 : 0, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, deflate ? 8 : 0, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    parts.push(local, body);
    central.push(cd);
    offset += local.length + body.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  return concat([...parts, ...central, end]);
}

const enc = new TextEncoder();
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** The package parts around a document.xml, as bytes. */
export function docx(documentXml: Uint8Array | string, extra: ZipEntry[] = [], deflate = true): Uint8Array {
  const doc = typeof documentXml === 'string' ? enc.encode(documentXml) : documentXml;
  return zip([
    {
      name: '[Content_Types].xml',
      data: enc.encode('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
      deflate,
    },
    { name: '_rels/.rels', data: enc.encode('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'), deflate },
    { name: 'word/document.xml', data: doc, deflate },
    ...extra,
  ]);
}

/** A document whose body is the given paragraphs' XML. */
export const documentXml = (body: string): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`;

export const paragraph = (text: string): string => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** A paragraph inside `depth` nested tables' worth of elements: legal XML, absurd nesting. */
export function deepDocumentXml(depth: number): string {
  return documentXml(`${'<w:sdt><w:sdtContent>'.repeat(depth / 2)}${paragraph('深')}${'</w:sdtContent></w:sdt>'.repeat(depth / 2)}`);
}

/** A document.xml of `megabytes` MB of repeated paragraphs: a bomb once deflated (about 1000:1 on repeats). */
export function bombDocumentXml(megabytes: number): Uint8Array {
  const unit = enc.encode(paragraph('版面'.repeat(20)));
  const head = enc.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>`);
  const tail = enc.encode('</w:body></w:document>');
  const count = Math.ceil((megabytes * 1048576) / unit.length);
  const out = new Uint8Array(head.length + unit.length * count + tail.length);
  out.set(head);
  for (let k = 0; k < count; k++) out.set(unit, head.length + k * unit.length);
  out.set(tail, head.length + unit.length * count);
  return out;
}

/** A PNG from chunks; IHDR from the arguments, IDAT from raw scanlines or given bytes. */
export function png(width: number, height: number, opts: { colorType?: number; depth?: number; idat?: Uint8Array; chunks?: [string, Uint8Array][]; end?: boolean } = {}): Uint8Array {
  const colorType = opts.colorType ?? 2;
  const depth = opts.depth ?? 8;
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([depth, colorType, 0, 0, 0], 8);
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType] ?? 3;
  const idat = opts.idat ?? new Uint8Array(deflateSync(new Uint8Array(height * (1 + Math.ceil((width * channels * depth) / 8)))));
  const chunk = (type: string, data: Uint8Array): Uint8Array => {
    const c = new Uint8Array(12 + data.length);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, data.length);
    c.set(enc.encode(type), 4);
    c.set(data, 8);
    cv.setUint32(8 + data.length, crc32(c, 4, 8 + data.length));
    return c;
  };
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), ...(opts.chunks ?? []).map(([t, d]) => chunk(t, d)), chunk('IDAT', idat)];
  if (opts.end !== false) parts.push(chunk('IEND', new Uint8Array(0)));
  return concat(parts);
}
