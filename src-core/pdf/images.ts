/**
 * Image files as PDF image XObjects, at full resolution and without recompression where the format
 * allows: a JPEG passes through as DCTDecode (a CMYK JPEG stays CMYK), a non-interlaced PNG without
 * transparency passes its zlib data through with the PNG predictor. Only PNGs with alpha, tRNS or
 * interlacing are decoded (losslessly, by pdf-lib's PNG embedder) to split off the soft mask.
 */
import { base64ToBytes } from '../model/base64';

export interface RasterFacts {
  format: 'jpeg' | 'png';
  width: number;
  height: number;
  /** Colour components of the stored pixels: 1 gray, 3 RGB, 4 CMYK; PNG palette images say 'indexed'. */
  colorSpace: 'gray' | 'rgb' | 'cmyk' | 'indexed';
  bitsPerComponent: number;
  hasAlpha: boolean;
  /** JPEG: an Adobe APP14 segment (CMYK data stored inverted, as Photoshop and libjpeg write it). */
  adobe: boolean;
  /** PNG: interlaced (Adam7). */
  interlaced: boolean;
}

export type RasterProbe = { ok: true; facts: RasterFacts } | { ok: false; zh: string; en: string };

const u16 = (b: Uint8Array, i: number): number => (b[i] << 8) | b[i + 1];
const u32 = (b: Uint8Array, i: number): number => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function rasterFacts(b: Uint8Array): RasterProbe {
  if (b.length >= 8 && PNG_SIGNATURE.every((v, i) => b[i] === v)) return pngFacts(b);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpegFacts(b);
  return { ok: false, zh: '不是 JPEG 或 PNG 图片', en: 'not a JPEG or PNG image' };
}

function jpegFacts(b: Uint8Array): RasterProbe {
  let i = 2;
  let adobe = false;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return { ok: false, zh: `JPEG 数据损坏（偏移 ${i}）`, en: `corrupt JPEG data (offset ${i})` };
    const marker = b[i + 1];
    if (marker === 0xff) { i++; continue; }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { i += 2; continue; }
    const len = u16(b, i + 2);
    if (len < 2 || i + 2 + len > b.length) break;
    if (marker === 0xee && len >= 14 && String.fromCharCode(b[i + 4], b[i + 5], b[i + 6], b[i + 7], b[i + 8]) === 'Adobe') adobe = true;
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      const components = b[i + 9];
      const colorSpace = components === 1 ? 'gray' : components === 3 ? 'rgb' : components === 4 ? 'cmyk' : undefined;
      if (!colorSpace) return { ok: false, zh: `JPEG 颜色分量数 ${components} 不受支持`, en: `JPEG with ${components} colour components is not supported` };
      // Adobe APP14 may follow the frame header in some files; keep scanning the header segments for it.
      let j = i + 2 + len;
      while (!adobe && j + 4 <= b.length && b[j] === 0xff && b[j + 1] !== 0xda) {
        const l = u16(b, j + 2);
        if (b[j + 1] === 0xee && String.fromCharCode(b[j + 4], b[j + 5], b[j + 6], b[j + 7], b[j + 8]) === 'Adobe') adobe = true;
        j += 2 + l;
      }
      return {
        ok: true,
        facts: { format: 'jpeg', width: u16(b, i + 7), height: u16(b, i + 5), colorSpace, bitsPerComponent: b[i + 4], hasAlpha: false, adobe, interlaced: false },
      };
    }
    if (marker === 0xda) break;
    i += 2 + len;
  }
  return { ok: false, zh: 'JPEG 缺少帧头（SOF），文件可能已截断', en: 'JPEG has no frame header (SOF); the file may be truncated' };
}

interface PngChunks {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
  palette?: Uint8Array;
  hasTrns: boolean;
  idat: Uint8Array[];
}

function pngChunks(b: Uint8Array): PngChunks | string {
  let i = 8;
  const out: PngChunks = { width: 0, height: 0, bitDepth: 0, colorType: 0, interlace: 0, hasTrns: false, idat: [] };
  let seenHeader = false;
  while (i + 8 <= b.length) {
    const len = u32(b, i);
    const type = String.fromCharCode(b[i + 4], b[i + 5], b[i + 6], b[i + 7]);
    const data = i + 8;
    if (data + len > b.length) return `truncated ${type} chunk at offset ${i}`;
    if (type === 'IHDR') {
      out.width = u32(b, data);
      out.height = u32(b, data + 4);
      out.bitDepth = b[data + 8];
      out.colorType = b[data + 9];
      out.interlace = b[data + 12];
      seenHeader = true;
    } else if (type === 'PLTE') out.palette = b.subarray(data, data + len);
    else if (type === 'tRNS') out.hasTrns = true;
    else if (type === 'IDAT') out.idat.push(b.subarray(data, data + len));
    else if (type === 'IEND') break;
    i = data + len + 4;
  }
  if (!seenHeader) return 'no IHDR chunk';
  if (out.idat.length === 0) return 'no image data (IDAT)';
  return out;
}

function pngFacts(b: Uint8Array): RasterProbe {
  const c = pngChunks(b);
  if (typeof c === 'string') return { ok: false, zh: `PNG 数据损坏：${c}`, en: `corrupt PNG: ${c}` };
  const colorSpace = c.colorType === 3 ? 'indexed' : c.colorType === 0 || c.colorType === 4 ? 'gray' : 'rgb';
  return {
    ok: true,
    facts: {
      format: 'png',
      width: c.width,
      height: c.height,
      colorSpace,
      bitsPerComponent: c.bitDepth,
      hasAlpha: c.colorType === 4 || c.colorType === 6 || c.hasTrns,
      adobe: false,
      interlaced: c.interlace !== 0,
    },
  };
}

/** The dictionary and data of an image XObject that needs no decoding, or undefined when it must be decoded. */
export interface PassThroughImage {
  dict: Record<string, unknown>;
  data: Uint8Array;
}

/**
 * JPEG: the file itself with DCTDecode. Adobe CMYK JPEGs store inverted values, which the Decode
 * array turns back (what Acrobat, Ghostscript and MuPDF expect).
 * PNG (gray, RGB or palette, 1–16 bit, no transparency, not interlaced): the concatenated IDAT
 * data with FlateDecode and PNG predictors, so the pixels are byte-for-byte the file's.
 */
export function passThrough(bytes: Uint8Array, facts: RasterFacts): PassThroughImage | undefined {
  if (facts.format === 'jpeg') {
    const dict: Record<string, unknown> = {
      Type: 'XObject',
      Subtype: 'Image',
      Width: facts.width,
      Height: facts.height,
      BitsPerComponent: facts.bitsPerComponent,
      ColorSpace: facts.colorSpace === 'gray' ? 'DeviceGray' : facts.colorSpace === 'cmyk' ? 'DeviceCMYK' : 'DeviceRGB',
      Filter: 'DCTDecode',
    };
    if (facts.colorSpace === 'cmyk' && facts.adobe) dict.Decode = [1, 0, 1, 0, 1, 0, 1, 0];
    return { dict, data: bytes };
  }
  if (facts.hasAlpha || facts.interlaced) return undefined;
  const c = pngChunks(bytes);
  if (typeof c === 'string') return undefined;
  const total = c.idat.reduce((n, d) => n + d.length, 0);
  const data = new Uint8Array(total);
  let at = 0;
  for (const d of c.idat) { data.set(d, at); at += d.length; }
  const colors = c.colorType === 2 ? 3 : 1;
  let colorSpace: unknown = c.colorType === 2 ? 'DeviceRGB' : 'DeviceGray';
  if (c.colorType === 3) {
    if (!c.palette) return undefined;
    colorSpace = ['Indexed', 'DeviceRGB', c.palette.length / 3 - 1, { hex: c.palette }];
  }
  return {
    dict: {
      Type: 'XObject',
      Subtype: 'Image',
      Width: c.width,
      Height: c.height,
      BitsPerComponent: c.bitDepth,
      ColorSpace: colorSpace,
      Filter: 'FlateDecode',
      DecodeParms: { Predictor: 15, Colors: colors, BitsPerComponent: c.bitDepth, Columns: c.width },
    },
    data,
  };
}

/** Base64 → bytes (standard or URL alphabet), undefined when malformed. */
export const decodeBase64 = base64ToBytes;
