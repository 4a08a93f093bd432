/**
 * JPEG and PNG probing in plain TypeScript: pixel size, stored resolution and colour space, read
 * from the headers (no decoding). Every length read from the file is checked against the file, so a
 * truncated or lying file gives an error value, never an exception or a runaway loop.
 */
import type { ImageAsset } from '../model/document';

export interface ImageInfo {
  mime: ImageAsset['mime'];
  pixelWidth: number;
  pixelHeight: number;
  /** Stored resolution in pixels per inch (horizontal), when the file records one. */
  ppi?: number;
  /** Where the resolution came from. */
  ppiSource?: 'jfif' | 'exif' | 'phys';
  colorSpace: ImageAsset['colorSpace'];
  /** JPEG: an Adobe APP14 segment was present (CMYK JPEGs from Photoshop carry one). */
  adobe?: boolean;
}

export type ProbeResult = { ok: true; info: ImageInfo } | { ok: false; offset?: number; zh: string; en: string };

/** Images larger than this are treated as lying headers (about 1 gigapixel). */
const MAX_PIXELS = 1_000_000_000;

const fail = (zh: string, en: string, offset?: number): ProbeResult => ({ ok: false, offset, zh, en });

export function isPng(b: Uint8Array): boolean {
  return b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a;
}

export function isJpeg(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
}

export function probeImage(b: Uint8Array): ProbeResult {
  if (b.length === 0) return fail('文件为空（0 字节）', 'the file is empty (0 bytes)');
  if (isPng(b)) return probePng(b);
  if (isJpeg(b)) return probeJpeg(b);
  return fail('不是 JPEG 或 PNG 图片（文件头不符）', 'not a JPEG or PNG image (unrecognised file header)', 0);
}

const u32 = (b: Uint8Array, i: number): number => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
const u16 = (b: Uint8Array, i: number): number => (b[i] << 8) | b[i + 1];

let crcTable: Uint32Array | undefined;
export function crc32(b: Uint8Array, start: number, end: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = crcTable[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function probePng(b: Uint8Array): ProbeResult {
  let i = 8;
  let info: ImageInfo | undefined;
  let sawIdat = false;
  while (i < b.length) {
    if (i + 8 > b.length) return fail(`PNG 在第 ${i} 字节处被截断（数据块头不完整）`, `PNG truncated at byte offset ${i} (incomplete chunk header)`, i);
    const len = u32(b, i);
    const type = String.fromCharCode(b[i + 4], b[i + 5], b[i + 6], b[i + 7]);
    if (!/^[A-Za-z]{4}$/.test(type)) return fail(`PNG 第 ${i} 字节处的数据块类型无效`, `invalid PNG chunk type at byte offset ${i}`, i);
    const dataStart = i + 8;
    const end = dataStart + len + 4;
    if (len > 0x7fffffff || end > b.length) return fail(`PNG 数据块 ${type} 声称长 ${len} 字节，超出文件末尾（第 ${i} 字节，文件被截断或头信息不实）`, `PNG chunk ${type} at byte offset ${i} claims ${len} bytes, past the end of the file (truncated or lying header)`, i);
    if (!info && type !== 'IHDR') return fail('PNG 的第一个数据块不是 IHDR', 'the first PNG chunk is not IHDR', i);
    if (type === 'IHDR') {
      if (len !== 13) return fail(`PNG 的 IHDR 长度为 ${len}，应为 13`, `PNG IHDR has length ${len}, expected 13`, i);
      if (crc32(b, i + 4, dataStart + len) !== u32(b, dataStart + len)) return fail('PNG 的 IHDR 校验和不符（头信息被改动或损坏）', 'PNG IHDR checksum mismatch (header altered or damaged)', i);
      const w = u32(b, dataStart);
      const h = u32(b, dataStart + 4);
      const depth = b[dataStart + 8];
      const colorType = b[dataStart + 9];
      if (w === 0 || h === 0 || w > 0x7fffffff || h > 0x7fffffff || w * h > MAX_PIXELS)
        return fail(`PNG 声称尺寸为 ${w}×${h} 像素，不可信`, `PNG claims ${w}×${h} pixels, which is implausible`, dataStart);
      const allowed: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
      if (!allowed[colorType]?.includes(depth)) return fail(`PNG 的颜色类型 ${colorType} / 位深 ${depth} 无效`, `invalid PNG colour type ${colorType} / bit depth ${depth}`, dataStart + 8);
      info = { mime: 'image/png', pixelWidth: w, pixelHeight: h, colorSpace: colorType === 0 || colorType === 4 ? 'gray' : 'rgb' };
    } else if (type === 'pHYs' && len === 9 && info) {
      const ppuX = u32(b, dataStart);
      if (b[dataStart + 8] === 1 && ppuX > 0) {
        info.ppi = Math.round(ppuX * 0.0254 * 100) / 100;
        info.ppiSource = 'phys';
      }
    } else if (type === 'IDAT') sawIdat = true;
    else if (type === 'IEND') {
      if (!sawIdat) return fail('PNG 没有图像数据（IDAT）', 'PNG has no image data (IDAT)', i);
      return { ok: true, info: info! };
    }
    i = end;
  }
  return fail('PNG 被截断：没有结束块 IEND', 'PNG truncated: no IEND chunk', b.length);
}

function probeJpeg(b: Uint8Array): ProbeResult {
  let i = 2;
  let size: { w: number; h: number; comps: number } | undefined;
  let jfif: number | undefined;
  let exif: number | undefined;
  let adobe = false;
  let sawScan = false;
  while (i < b.length) {
    if (b[i] !== 0xff) return fail(`JPEG 第 ${i} 字节处应为标记（0xFF），文件损坏`, `JPEG: expected a marker (0xFF) at byte offset ${i}; the file is damaged`, i);
    let marker = b[i + 1];
    while (marker === 0xff && i + 2 < b.length) {
      i++;
      marker = b[i + 1];
    }
    if (marker === undefined) break;
    if (marker === 0xd9) break;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (i + 4 > b.length) break;
    const len = u16(b, i + 2);
    const seg = i + 4;
    const end = i + 2 + len;
    if (len < 2 || end > b.length) return fail(`JPEG 段（标记 0x${marker.toString(16).toUpperCase()}，第 ${i} 字节）声称长 ${len} 字节，超出文件末尾（文件被截断或头信息不实）`, `JPEG segment (marker 0x${marker.toString(16).toUpperCase()} at byte offset ${i}) claims ${len} bytes, past the end of the file (truncated or lying header)`, i);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (len < 8) return fail(`JPEG 帧头（第 ${i} 字节）太短`, `JPEG frame header at byte offset ${i} is too short`, i);
      const h = u16(b, seg + 1);
      const w = u16(b, seg + 3);
      const comps = b[seg + 5];
      if (w === 0 || h === 0) return fail(`JPEG 帧头声称尺寸为 ${w}×${h} 像素`, `JPEG frame header claims ${w}×${h} pixels`, i);
      if (![1, 3, 4].includes(comps)) return fail(`JPEG 有 ${comps} 个颜色分量，无法识别`, `JPEG has ${comps} colour components, which is not recognised`, i);
      size = { w, h, comps };
    } else if (marker === 0xe0 && len >= 16 && String.fromCharCode(b[seg], b[seg + 1], b[seg + 2], b[seg + 3]) === 'JFIF' && b[seg + 4] === 0) {
      const units = b[seg + 7];
      const xd = u16(b, seg + 8);
      if (xd > 1 && units === 1) jfif = xd;
      else if (xd > 1 && units === 2) jfif = Math.round(xd * 2.54 * 100) / 100;
    } else if (marker === 0xe1 && len >= 16 && String.fromCharCode(b[seg], b[seg + 1], b[seg + 2], b[seg + 3]) === 'Exif') {
      exif = exifResolution(b, seg + 6, end);
    } else if (marker === 0xee && len >= 14 && String.fromCharCode(b[seg], b[seg + 1], b[seg + 2], b[seg + 3], b[seg + 4]) === 'Adobe') {
      adobe = true;
    } else if (marker === 0xda) {
      sawScan = true;
      break;
    }
    i = end;
  }
  if (!size) return fail('JPEG 没有帧头（SOF），文件被截断或损坏', 'JPEG has no frame header (SOF): truncated or damaged', b.length);
  if (!sawScan) return fail('JPEG 没有图像数据（SOS），文件被截断', 'JPEG has no image data (SOS): the file is truncated', b.length);
  if (!hasEoiNearEnd(b)) return fail('JPEG 被截断：文件末尾没有结束标记（EOI）', 'JPEG truncated: no end-of-image marker (EOI) at the end of the file', b.length);
  // Four components are CMYK whether or not Adobe's APP14 says they were stored as YCCK.
  const colorSpace = size.comps === 1 ? 'gray' : size.comps === 4 ? 'cmyk' : 'rgb';
  const ppi = jfif ?? exif;
  const info: ImageInfo = { mime: 'image/jpeg', pixelWidth: size.w, pixelHeight: size.h, colorSpace };
  if (ppi) {
    info.ppi = ppi;
    info.ppiSource = jfif ? 'jfif' : 'exif';
  }
  if (adobe) info.adobe = true;
  return { ok: true, info };
}

function hasEoiNearEnd(b: Uint8Array): boolean {
  const from = Math.max(2, b.length - 65536);
  for (let i = b.length - 2; i >= from; i--) if (b[i] === 0xff && b[i + 1] === 0xd9) return true;
  return false;
}

/** XResolution / ResolutionUnit from IFD0 of an EXIF TIFF block, in ppi. */
function exifResolution(b: Uint8Array, tiff: number, end: number): number | undefined {
  if (tiff + 8 > end) return undefined;
  const le = b[tiff] === 0x49 && b[tiff + 1] === 0x49;
  if (!le && !(b[tiff] === 0x4d && b[tiff + 1] === 0x4d)) return undefined;
  const r16 = (i: number): number => (le ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1]);
  const r32 = (i: number): number => (le ? (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0 : u32(b, i));
  const ifd = tiff + r32(tiff + 4);
  if (ifd + 2 > end) return undefined;
  const count = r16(ifd);
  let xres: number | undefined;
  let unit = 2;
  for (let k = 0; k < count; k++) {
    const e = ifd + 2 + 12 * k;
    if (e + 12 > end) break;
    const tag = r16(e);
    if (tag === 0x011a) {
      const at = tiff + r32(e + 8);
      if (at + 8 <= end) {
        const den = r32(at + 4);
        if (den) xres = r32(at) / den;
      }
    } else if (tag === 0x0128) unit = r16(e + 8);
  }
  if (!xres || xres <= 1) return undefined;
  if (unit === 3) return Math.round(xres * 2.54 * 100) / 100;
  if (unit === 2) return Math.round(xres * 100) / 100;
  return undefined;
}

/**
 * Effective resolution of an image placed at widthPt × heightPt: pixels per inch of the placed
 * image, the lower of the two axes (the one that will look soft first).
 */
export function effectivePpi(image: Pick<ImageAsset, 'pixelWidth' | 'pixelHeight'>, widthPt: number, heightPt: number): number {
  if (widthPt <= 0 || heightPt <= 0) return 0;
  return Math.min(image.pixelWidth / (widthPt / 72), image.pixelHeight / (heightPt / 72));
}
