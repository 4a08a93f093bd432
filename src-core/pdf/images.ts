/**
 * Image files as PDF image XObjects, at full resolution and without recompression where the format
 * allows: a JPEG passes through as DCTDecode (a CMYK JPEG stays CMYK), a non-interlaced PNG without
 * transparency passes its zlib data through with the PNG predictor. Only PNGs with alpha, tRNS or
 * interlacing are decoded (losslessly, by pdf-lib's PNG embedder) to split off the soft mask.
 */
import { readImageStructure } from '../import/image-probe';
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

/** JPEG and PNG facts from the one structure reader the importer uses: a damaged or truncated file is refused here too. */
export function rasterFacts(b: Uint8Array): RasterProbe {
  const r = readImageStructure(b);
  if (!r.ok) return { ok: false, zh: r.zh, en: r.en };
  const { info, storedColor, bitsPerComponent, hasAlpha, interlaced } = r.image;
  return {
    ok: true,
    facts: {
      format: info.mime === 'image/png' ? 'png' : 'jpeg',
      width: info.pixelWidth,
      height: info.pixelHeight,
      colorSpace: storedColor,
      bitsPerComponent,
      hasAlpha,
      adobe: info.adobe ?? false,
      interlaced,
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
  const r = readImageStructure(bytes);
  const c = r.ok ? r.image.png : undefined;
  if (!c) return undefined;
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
      Width: facts.width,
      Height: facts.height,
      BitsPerComponent: facts.bitsPerComponent,
      ColorSpace: colorSpace,
      Filter: 'FlateDecode',
      DecodeParms: { Predictor: 15, Colors: colors, BitsPerComponent: facts.bitsPerComponent, Columns: facts.width },
    },
    data,
  };
}

/** Base64 → bytes (standard or URL alphabet), undefined when malformed. */
export const decodeBase64 = base64ToBytes;
