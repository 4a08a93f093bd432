import { PDFHexString, PDFName, PDFNumber, PDFRef, PngEmbedder, type PDFContext } from '@cantoo/pdf-lib';
import type { ImageAsset } from '../model/document';
import { decodeBase64, passThrough, rasterFacts } from './images';
import { embedPdfArtwork, looksLikePdf, readPdfArtwork } from './pdf-artwork';

/** An image (or a PDF ad's page) written once as an XObject: its resource name, object and pixel size (pt for a PDF). */
export interface ImageObject {
  name: string;
  ref: PDFRef;
  width: number;
  height: number;
}

/**
 * The image XObjects of one PDF document, shared by all its pages: a picture placed on several
 * pages (or twice on one) is written once. Pictures are the same when their bytes are, whatever
 * their ids — pages of an edition come from different documents, whose ids may collide.
 */
export class DocumentImages {
  private readonly byBytes = new Map<Uint8Array, ImageObject>();
  private readonly byFingerprint = new Map<string, { bytes: Uint8Array; object: ImageObject }[]>();
  private readonly decoded = new WeakMap<ImageAsset, Uint8Array | undefined>();
  private count = 0;

  constructor(private readonly ctx: PDFContext) {}

  /** How many XObjects have been written. */
  get written(): number {
    return this.count;
  }

  /** The asset's picture bytes, decoded from base64 once per asset. */
  assetBytes(asset: ImageAsset | undefined): Uint8Array | undefined {
    if (!asset?.data) return undefined;
    if (!this.decoded.has(asset)) this.decoded.set(asset, decodeBase64(asset.data));
    return this.decoded.get(asset);
  }

  /** The XObject for these bytes, written on first use, or why the picture cannot be embedded. */
  async object(bytes: Uint8Array, label: string): Promise<ImageObject | { zh: string; en: string }> {
    const known = this.byBytes.get(bytes) ?? this.sameBytes(bytes);
    if (known) return known;
    const made = looksLikePdf(bytes) ? await this.form(bytes, label) : await this.raster(bytes, label);
    if (!('ref' in made)) return made;
    const object = { name: `Im${++this.count}`, ...made };
    this.byBytes.set(bytes, object);
    const key = fingerprint(bytes);
    this.byFingerprint.set(key, [...(this.byFingerprint.get(key) ?? []), { bytes, object }]);
    return object;
  }

  private async raster(bytes: Uint8Array, label: string): Promise<Omit<ImageObject, 'name'> | { zh: string; en: string }> {
    const probe = rasterFacts(bytes);
    if (!probe.ok) return { zh: `图片 ${label} 无法嵌入：${probe.zh}`, en: `Image ${label} cannot be embedded: ${probe.en}` };
    const ref = await this.write(bytes, probe.facts);
    return ref instanceof PDFRef ? { ref, width: probe.facts.width, height: probe.facts.height } : ref;
  }

  /** A PDF ad's page as a form XObject mapped onto the unit square: drawn like an image, its size in pt. */
  private async form(bytes: Uint8Array, label: string): Promise<Omit<ImageObject, 'name'> | { zh: string; en: string }> {
    const read = await readPdfArtwork(bytes);
    if (!read.ok) return { zh: `PDF 图稿 ${label} 无法嵌入：${read.zh}`, en: `PDF artwork ${label} cannot be embedded: ${read.en}` };
    try {
      return { ref: await embedPdfArtwork(this.ctx, read.artwork), width: read.artwork.box.width, height: read.artwork.box.height };
    } catch (e) {
      return { zh: `PDF 图稿 ${label} 无法嵌入：${(e as Error).message}`, en: `PDF artwork ${label} cannot be embedded: ${(e as Error).message}` };
    }
  }

  private sameBytes(bytes: Uint8Array): ImageObject | undefined {
    const hit = this.byFingerprint.get(fingerprint(bytes))?.find((c) => equalBytes(c.bytes, bytes));
    if (hit) this.byBytes.set(bytes, hit.object);
    return hit?.object;
  }

  /** JPEG and plain PNG pass through; PNGs with alpha or interlacing are decoded by pdf-lib. */
  private async write(bytes: Uint8Array, facts: Parameters<typeof passThrough>[1]): Promise<PDFRef | { zh: string; en: string }> {
    const direct = passThrough(bytes, facts);
    if (direct) {
      const dict = { ...direct.dict };
      if (Array.isArray(dict.ColorSpace)) {
        const [, base, hival, palette] = dict.ColorSpace as [string, string, number, { hex: Uint8Array }];
        dict.ColorSpace = [PDFName.of('Indexed'), PDFName.of(base), PDFNumber.of(hival), PDFHexString.of(toHex(palette.hex))];
      }
      return this.ctx.register(this.ctx.stream(direct.data, dict as never));
    }
    try {
      const embedder = await PngEmbedder.for(bytes);
      return await embedder.embedIntoContext(this.ctx);
    } catch (e) {
      return { zh: `PNG 图片无法解码：${(e as Error).message}`, en: `The PNG image cannot be decoded: ${(e as Error).message}` };
    }
  }
}

/** Length and a sample of the bytes: cheap for multi-megabyte photos; equal bytes are confirmed in full. */
function fingerprint(b: Uint8Array): string {
  let h = 0x811c9dc5;
  const step = Math.max(1, Math.floor(b.length / 4096));
  for (let i = 0; i < b.length; i += step) h = Math.imul(h ^ b[i], 0x01000193) >>> 0;
  return `${b.length}:${h.toString(16)}`;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}
