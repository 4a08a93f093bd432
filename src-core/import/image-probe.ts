/**
 * JPEG and PNG structure in plain TypeScript: pixel size, stored resolution and colour space, and
 * that the file is whole (no decoding, except PNG image data inflated with a cap in checkPngData).
 * Every length read from the file is checked against the file, so a truncated or lying file gives
 * an error value, never an exception or a runaway loop.
 */
import type { ImageAsset } from '../model/document';
import { inflateCapped } from './inflate';

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

/** What the PDF writer needs beyond ImageInfo: stored components, bit depth, alpha, PNG data. */
export interface ImageStructure {
  info: ImageInfo;
  /** Colour of the stored pixels: palette PNGs say 'indexed' (ImageInfo says 'rgb' for them). */
  storedColor: 'gray' | 'rgb' | 'cmyk' | 'indexed';
  bitsPerComponent: number;
  hasAlpha: boolean;
  interlaced: boolean;
  /** PNG only: the compressed image data, the palette, and the exact size the data must inflate to. */
  png?: { colorType: number; idat: Uint8Array[]; palette?: Uint8Array; rawBytes: number };
}

export type StructureResult = { ok: true; image: ImageStructure } | { ok: false; offset?: number; zh: string; en: string };
export type ProbeResult = { ok: true; info: ImageInfo } | { ok: false; offset?: number; zh: string; en: string };

/** Images larger than this are treated as lying headers (about 1 gigapixel). */
const MAX_PIXELS = 1_000_000_000;
/** Decoded pixel data above this is refused: decoding it (PDF export of a PNG with alpha) would exhaust memory. */
export const MAX_DECODED_BYTES = 512 * 1024 * 1024;
/** Deflate expands at most about 1032:1; image data claiming more is not image data. */
const MAX_DEFLATE_RATIO = 1032;

const fail = (zh: string, en: string, offset?: number): { ok: false; offset?: number; zh: string; en: string } => ({ ok: false, offset, zh, en });

export function isPng(b: Uint8Array): boolean {
  return b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a;
}

export function isJpeg(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
}

/**
 * The one reader of JPEG and PNG structure (import, preflight and PDF export all use it): the whole
 * file is walked, JPEG from SOI through its segments and scans to EOI, PNG chunk by chunk with
 * lengths and checksums from IHDR to IEND, so a truncated or damaged file is an error here rather
 * than in the printer's RIP.
 */
export function readImageStructure(b: Uint8Array): StructureResult {
  if (b.length === 0) return fail('文件为空（0 字节）', 'the file is empty (0 bytes)');
  if (isPng(b)) return readPng(b);
  if (isJpeg(b)) return readJpeg(b);
  return fail('不是 JPEG 或 PNG 图片（文件头不符）', 'not a JPEG or PNG image (unrecognised file header)', 0);
}

export function probeImage(b: Uint8Array): ProbeResult {
  const r = readImageStructure(b);
  return r.ok ? { ok: true, info: r.image.info } : r;
}

/** probeImage, and for a PNG its image data inflated with a cap (checkPngData): what import accepts. */
export async function probeImageFully(b: Uint8Array): Promise<ProbeResult> {
  const r = readImageStructure(b);
  if (!r.ok) return r;
  const data = await checkPngData(r.image);
  return data.ok ? { ok: true, info: r.image.info } : data;
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

const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const PNG_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
/** Adam7 passes: first column, first row, column step, row step. */
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]];

/** Bytes the IDAT stream inflates to: each row of each pass, plus its filter byte. */
function pngRawBytes(w: number, h: number, bitsPerPixel: number, interlaced: boolean): number {
  const rows = (pw: number, ph: number): number => (pw && ph ? ph * (1 + Math.ceil((pw * bitsPerPixel) / 8)) : 0);
  if (!interlaced) return rows(w, h);
  return ADAM7.reduce((n, [x0, y0, dx, dy]) => n + rows(Math.ceil((w - x0) / dx), Math.ceil((h - y0) / dy)), 0);
}

/** Chunks whose content is used: their checksums must hold. Other ancillary chunks are skipped, as libpng does. */
const isUsedChunk = (type: string): boolean => /^[A-Z]/.test(type) || type === 'tRNS' || type === 'pHYs';

function readIhdr(b: Uint8Array, at: number, len: number): ImageStructure | { ok: false; offset?: number; zh: string; en: string } {
  if (len !== 13) return fail(`PNG 的 IHDR 长度为 ${len}，应为 13`, `PNG IHDR has length ${len}, expected 13`, at - 8);
  const w = u32(b, at);
  const h = u32(b, at + 4);
  const depth = b[at + 8];
  const colorType = b[at + 9];
  const interlaced = b[at + 12] === 1;
  if (w === 0 || h === 0 || w > 0x7fffffff || h > 0x7fffffff || w * h > MAX_PIXELS) return fail(`PNG 声称尺寸为 ${w}×${h} 像素，不可信`, `PNG claims ${w}×${h} pixels, which is implausible`, at);
  if (!PNG_DEPTHS[colorType]?.includes(depth)) return fail(`PNG 的颜色类型 ${colorType} / 位深 ${depth} 无效`, `invalid PNG colour type ${colorType} / bit depth ${depth}`, at + 8);
  if (b[at + 10] !== 0 || b[at + 11] !== 0 || b[at + 12] > 1) return fail('PNG 的压缩、过滤或隔行方式无效', 'invalid PNG compression, filter or interlace method', at + 10);
  const rawBytes = pngRawBytes(w, h, PNG_CHANNELS[colorType] * depth, interlaced);
  if (rawBytes > MAX_DECODED_BYTES)
    return fail(`PNG 尺寸 ${w}×${h} 像素，解码后有 ${Math.round(rawBytes / 1048576)} MB，超过上限 ${MAX_DECODED_BYTES / 1048576} MB`, `PNG of ${w}×${h} pixels would decode to ${Math.round(rawBytes / 1048576)} MB, more than the limit of ${MAX_DECODED_BYTES / 1048576} MB`, at);
  const info: ImageInfo = { mime: 'image/png', pixelWidth: w, pixelHeight: h, colorSpace: colorType === 0 || colorType === 4 ? 'gray' : 'rgb' };
  const storedColor = colorType === 3 ? 'indexed' : colorType === 0 || colorType === 4 ? 'gray' : 'rgb';
  return { info, storedColor, bitsPerComponent: depth, hasAlpha: colorType === 4 || colorType === 6, interlaced, png: { colorType, idat: [], rawBytes } };
}

function readPng(b: Uint8Array): StructureResult {
  let i = 8;
  let image: ImageStructure | undefined;
  while (i < b.length) {
    if (i + 12 > b.length) return fail(`PNG 在第 ${i} 字节处被截断（数据块头不完整）`, `PNG truncated at byte offset ${i} (incomplete chunk header)`, i);
    const len = u32(b, i);
    const type = String.fromCharCode(b[i + 4], b[i + 5], b[i + 6], b[i + 7]);
    if (!/^[A-Za-z]{4}$/.test(type)) return fail(`PNG 第 ${i} 字节处的数据块类型无效`, `invalid PNG chunk type at byte offset ${i}`, i);
    const data = i + 8;
    const end = data + len + 4;
    if (len > 0x7fffffff || end > b.length) return fail(`PNG 数据块 ${type} 声称长 ${len} 字节，超出文件末尾（第 ${i} 字节，文件被截断或头信息不实）`, `PNG chunk ${type} at byte offset ${i} claims ${len} bytes, past the end of the file (truncated or lying header)`, i);
    if (!image && type !== 'IHDR') return fail('PNG 的第一个数据块不是 IHDR', 'the first PNG chunk is not IHDR', i);
    if (isUsedChunk(type) && crc32(b, i + 4, data + len) !== u32(b, data + len))
      return type === 'IHDR' ? fail('PNG 的 IHDR 校验和不符（头信息被改动或损坏）', 'PNG IHDR checksum mismatch (header altered or damaged)', i) : fail(`PNG 数据块 ${type}（第 ${i} 字节）校验和不符，文件损坏`, `PNG chunk ${type} at byte offset ${i} has a wrong checksum: the file is damaged`, i);
    if (type === 'IHDR') {
      if (image) return fail('PNG 有两个 IHDR 数据块', 'PNG has two IHDR chunks', i);
      const ihdr = readIhdr(b, data, len);
      if ('ok' in ihdr) return ihdr;
      image = ihdr;
    } else if (type === 'IEND') return finishPng(image!, i);
    else addPngChunk(image!, type, b.subarray(data, data + len));
    i = end;
  }
  return fail('PNG 被截断：没有结束块 IEND', 'PNG truncated: no IEND chunk', b.length);
}

function addPngChunk(image: ImageStructure, type: string, data: Uint8Array): void {
  const png = image.png!;
  if (type === 'IDAT') png.idat.push(data);
  else if (type === 'PLTE') png.palette = data;
  else if (type === 'tRNS') image.hasAlpha = true;
  else if (type === 'pHYs' && data.length === 9 && data[8] === 1 && u32(data, 0) > 0) {
    image.info.ppi = Math.round(u32(data, 0) * 0.0254 * 100) / 100;
    image.info.ppiSource = 'phys';
  }
}

function finishPng(image: ImageStructure, at: number): StructureResult {
  const png = image.png!;
  if (!png.idat.length) return fail('PNG 没有图像数据（IDAT）', 'PNG has no image data (IDAT)', at);
  if (png.colorType === 3 && (!png.palette || png.palette.length % 3 || png.palette.length === 0)) return fail('调色板 PNG 缺少有效的调色板（PLTE）', 'palette PNG without a valid palette (PLTE)', at);
  const compressed = png.idat.reduce((n, d) => n + d.length, 0);
  if (png.rawBytes > compressed * MAX_DEFLATE_RATIO + 1024)
    return fail(`PNG 图像数据只有 ${compressed} 字节，不足以容纳 ${image.info.pixelWidth}×${image.info.pixelHeight} 像素（文件被截断或头信息不实）`, `PNG image data of ${compressed} bytes cannot hold ${image.info.pixelWidth}×${image.info.pixelHeight} pixels (truncated or lying header)`, at);
  return { ok: true, image };
}

/**
 * Inflates a PNG's image data with a hard cap at the size its dimensions give: more is a
 * decompression bomb, less or a broken stream is a damaged file. Import runs it on every PNG, so a
 * picture that reaches the page decodes to what its header says.
 */
export async function checkPngData(image: ImageStructure): Promise<{ ok: true } | { ok: false; zh: string; en: string }> {
  const png = image.png;
  if (!png) return { ok: true };
  const total = png.idat.reduce((n, d) => n + d.length, 0);
  const data = new Uint8Array(total);
  let at = 0;
  for (const d of png.idat) {
    data.set(d, at);
    at += d.length;
  }
  const out = await inflateCapped(data, 'deflate', png.rawBytes, false);
  if (out.ok) return { ok: true };
  if (out.reason === 'too-large')
    return { ok: false, zh: `PNG 图像数据解压后超过尺寸所允许的 ${png.rawBytes} 字节（解压炸弹或文件损坏）`, en: `the PNG image data inflates past the ${png.rawBytes} bytes its size allows (a decompression bomb, or damage)` };
  return { ok: false, zh: 'PNG 图像数据损坏或被截断（无法完整解压）', en: 'the PNG image data is damaged or truncated (it does not inflate completely)' };
}

const isSof = (m: number): boolean => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
const hex = (m: number): string => `0x${m.toString(16).toUpperCase()}`;

interface JpegState {
  size?: { w: number; h: number; comps: number; precision: number };
  jfif?: number;
  exif?: number;
  adobe: boolean;
}

function readJpeg(b: Uint8Array): StructureResult {
  const st: JpegState = { adobe: false };
  let i = 2;
  for (;;) {
    if (i + 2 > b.length) return fail('JPEG 被截断：没有结束标记（EOI）', 'JPEG truncated: no end-of-image marker (EOI)', b.length);
    if (b[i] !== 0xff) return fail(`JPEG 第 ${i} 字节处应为标记（0xFF），文件损坏`, `JPEG: expected a marker (0xFF) at byte offset ${i}; the file is damaged`, i);
    const marker = b[i + 1];
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker === 0xd9) return st.size ? fail('JPEG 没有图像数据（SOS），文件被截断', 'JPEG has no image data (SOS): the file is truncated', i) : fail('JPEG 没有帧头（SOF），文件被截断或损坏', 'JPEG has no frame header (SOF): truncated or damaged', i);
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xd8 || marker === 0x00) return fail(`JPEG 第 ${i} 字节处的标记 ${hex(marker)} 不应出现，文件损坏`, `JPEG: unexpected marker ${hex(marker)} at byte offset ${i}; the file is damaged`, i);
    if (i + 4 > b.length) return fail('JPEG 被截断：没有结束标记（EOI）', 'JPEG truncated: no end-of-image marker (EOI)', b.length);
    const len = u16(b, i + 2);
    const end = i + 2 + len;
    if (len < 2 || end > b.length) return fail(`JPEG 段（标记 ${hex(marker)}，第 ${i} 字节）声称长 ${len} 字节，超出文件末尾（文件被截断或头信息不实）`, `JPEG segment (marker ${hex(marker)} at byte offset ${i}) claims ${len} bytes, past the end of the file (truncated or lying header)`, i);
    const problem = readJpegSegment(b, marker, i, end, st);
    if (problem) return problem;
    if (marker === 0xda) {
      if (!st.size) return fail('JPEG 没有帧头（SOF），文件被截断或损坏', 'JPEG has no frame header (SOF): truncated or damaged', i);
      const next = skipScan(b, end);
      if (next < 0) return fail('JPEG 被截断：图像数据之后没有结束标记（EOI）', 'JPEG truncated: the image data ends without an end-of-image marker (EOI)', b.length);
      if (b[next + 1] === 0xd9) return { ok: true, image: jpegImage(st) };
      i = next;
      continue;
    }
    i = end;
  }
}

/** Entropy-coded data runs to the next marker other than stuffing (FF00), restarts (FFD0–D7) and fill. Returns its offset, or -1 at the end of the file. */
function skipScan(b: Uint8Array, from: number): number {
  for (let i = b.indexOf(0xff, from); i >= 0 && i + 1 < b.length; i = b.indexOf(0xff, i + 1)) {
    const m = b[i + 1];
    if (m === 0x00 || m === 0xff || (m >= 0xd0 && m <= 0xd7)) continue;
    return i;
  }
  return -1;
}

function readJpegSegment(b: Uint8Array, marker: number, i: number, end: number, st: JpegState): { ok: false; offset?: number; zh: string; en: string } | undefined {
  const seg = i + 4;
  const len = end - i - 2;
  const tag = (n: number): string => String.fromCharCode(...b.subarray(seg, seg + n));
  if (isSof(marker)) {
    if (len < 8) return fail(`JPEG 帧头（第 ${i} 字节）太短`, `JPEG frame header at byte offset ${i} is too short`, i);
    const h = u16(b, seg + 1);
    const w = u16(b, seg + 3);
    const comps = b[seg + 5];
    if (w === 0 || h === 0) return fail(`JPEG 帧头声称尺寸为 ${w}×${h} 像素`, `JPEG frame header claims ${w}×${h} pixels`, i);
    if (w * h > MAX_PIXELS) return fail(`JPEG 声称尺寸为 ${w}×${h} 像素，不可信`, `JPEG claims ${w}×${h} pixels, which is implausible`, i);
    if (![1, 3, 4].includes(comps)) return fail(`JPEG 有 ${comps} 个颜色分量，无法识别`, `JPEG has ${comps} colour components, which is not recognised`, i);
    st.size = { w, h, comps, precision: b[seg] };
  } else if (marker === 0xe0 && len >= 16 && tag(4) === 'JFIF' && b[seg + 4] === 0) {
    const units = b[seg + 7];
    const xd = u16(b, seg + 8);
    if (xd > 1 && units === 1) st.jfif = xd;
    else if (xd > 1 && units === 2) st.jfif = Math.round(xd * 2.54 * 100) / 100;
  } else if (marker === 0xe1 && len >= 16 && tag(4) === 'Exif') st.exif = exifResolution(b, seg + 6, end);
  else if (marker === 0xee && len >= 14 && tag(5) === 'Adobe') st.adobe = true;
  return undefined;
}

function jpegImage(st: JpegState): ImageStructure {
  const size = st.size!;
  // Four components are CMYK whether or not Adobe's APP14 says they were stored as YCCK.
  const colorSpace = size.comps === 1 ? 'gray' : size.comps === 4 ? 'cmyk' : 'rgb';
  const ppi = st.jfif ?? st.exif;
  const info: ImageInfo = { mime: 'image/jpeg', pixelWidth: size.w, pixelHeight: size.h, colorSpace };
  if (ppi) {
    info.ppi = ppi;
    info.ppiSource = st.jfif ? 'jfif' : 'exif';
  }
  if (st.adobe) info.adobe = true;
  return { info, storedColor: colorSpace, bitsPerComponent: size.precision, hasAlpha: false, interlaced: false };
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
