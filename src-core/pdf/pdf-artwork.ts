/**
 * An ad's artwork given as a PDF (版面计划's 广告 `artwork`): one page, read by pdf-lib and drawn as a
 * form XObject inside the ad's frame. One reader for the import, the preflight and the writer, so a
 * file one of them takes the others take too.
 */
import { PDFDocument, PDFObjectCopier, PDFPageEmbedder, type PDFContext, type PDFRef } from '@cantoo/pdf-lib';

/** The largest PDF taken as ad artwork: an ad is a few megabytes; past this pdf-lib's parse costs seconds and hundreds of MB. */
export const PDF_ARTWORK_MAX_BYTES = 20 * 1024 * 1024;
/** The largest page side, pt (PDF's own limit: 200 inches). */
const MAX_SIDE = 14_400;

export const PDF_MIME = 'application/pdf';

/** The bytes start like a PDF file (`%PDF-` within the first 1024 bytes, as readers allow), not like a JPEG or PNG. */
export function looksLikePdf(b: Uint8Array): boolean {
  if ((b[0] === 0xff && b[1] === 0xd8) || (b[0] === 0x89 && b[1] === 0x50)) return false;
  return String.fromCharCode(...b.subarray(0, 1024)).includes('%PDF-');
}

type Problem = { zh: string; en: string };

/** What can be told without parsing (synchronously: the preflight asks): over the size limit, or no PDF header. */
export function pdfArtworkOutside(bytes: Uint8Array): Problem | undefined {
  const big = pdfArtworkTooBig(bytes.length);
  if (big) return big;
  if (!looksLikePdf(bytes)) return { zh: '不是 PDF 文件（没有 %PDF- 文件头）', en: 'is not a PDF file (no %PDF- header)' };
  return undefined;
}

/** A file of `size` bytes is over the limit (asked before reading it). */
export function pdfArtworkTooBig(size: number): Problem | undefined {
  if (size <= PDF_ARTWORK_MAX_BYTES) return undefined;
  return { zh: `PDF 有 ${mb(size)} MB，超过上限 ${mb(PDF_ARTWORK_MAX_BYTES)} MB`, en: `the PDF is ${mb(size)} MB, over the ${mb(PDF_ARTWORK_MAX_BYTES)} MB limit` };
}

/** The artwork's one page and its visible box (the CropBox), pt. */
export interface PdfArtwork {
  doc: PDFDocument;
  box: { x: number; y: number; width: number; height: number };
}

/** The PDF read and checked: not encrypted, not damaged, exactly one page of a sane size. */
export async function readPdfArtwork(bytes: Uint8Array): Promise<{ ok: true; artwork: PdfArtwork } | ({ ok: false } & Problem)> {
  const fail = (zh: string, en: string) => ({ ok: false as const, zh, en });
  const outside = pdfArtworkOutside(bytes);
  if (outside) return { ok: false, ...outside };
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: true, updateMetadata: false });
  } catch (e) {
    return fail(`PDF 已损坏，无法读取（${(e as Error).message}）`, `the PDF is damaged and cannot be read (${(e as Error).message})`);
  }
  if (doc.isEncrypted) return fail('PDF 已加密，请提供未加密的 PDF', 'the PDF is encrypted; supply an unencrypted PDF');
  let pages: number;
  try {
    pages = doc.getPageCount();
  } catch (e) {
    return fail(`PDF 的页面树已损坏（${(e as Error).message}）`, `the PDF's page tree is damaged (${(e as Error).message})`);
  }
  if (pages !== 1) return fail(`PDF 有 ${pages} 页，广告图稿应为一页`, `the PDF has ${pages} pages; ad artwork must be one page`);
  const box = doc.getPage(0).getCropBox();
  if (!(box.width > 0 && box.height > 0 && box.width <= MAX_SIDE && box.height <= MAX_SIDE)) {
    return fail(`PDF 页面尺寸无效（${box.width}×${box.height} pt）`, `the PDF's page size is invalid (${box.width}×${box.height} pt)`);
  }
  return { ok: true, artwork: { doc, box } };
}

/**
 * The page as a form XObject in `ctx` whose Matrix maps its box onto the unit square, so the writer
 * places it exactly as it places an image (`w 0 0 h x y cm /Name Do`). The page is copied into `ctx`
 * first (its fonts, images and content streams with it, as pdf-lib's copyPages and embedPdf do): its
 * /Resources name objects by the artwork file's numbers, which mean other objects in the output.
 */
export async function embedPdfArtwork(ctx: PDFContext, art: PdfArtwork): Promise<PDFRef> {
  const { x, y, width, height } = art.box;
  const bounds = { left: x, bottom: y, right: x + width, top: y + height };
  const page = PDFObjectCopier.for(art.doc.context, ctx).copy(art.doc.getPage(0).node);
  const embedder = await PDFPageEmbedder.for(page, bounds, [1 / width, 0, 0, 1 / height, -x / width, -y / height]);
  return embedder.embedIntoContext(ctx);
}

function mb(n: number): string {
  return (n / 1024 / 1024).toFixed(1);
}
