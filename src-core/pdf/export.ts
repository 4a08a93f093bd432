import { PDFContext, PDFHeader, PDFWriter, type PDFRef } from '@cantoo/pdf-lib';
import type { FontRegistry } from '../fonts/registry';
import type { PageLayout } from '../layout/page-layout';
import type { ImageAsset } from '../model/document';
import { writeCatalog, type OutputIntent } from './catalog';
import { DocumentFaces } from './faces';
import { DocumentImages } from './image-objects';
import type { SheetGeometry } from './marks';
import { writeSheet, type SheetDocument, type WrittenSheet } from './sheet-page';

export type { OutputIntent } from './catalog';

const MM = 72 / 25.4;

export interface PdfExportOptions {
  /** The registry the layout was made with (faces are looked up by the ids in the glyph runs). */
  fonts: FontRegistry;
  /** The document's images; ImageAsset.data (base64) is used unless `imageBytes` gives the bytes. */
  images?: readonly ImageAsset[];
  imageBytes?: (imageId: string) => Uint8Array | undefined;
  /** Bleed beyond the trim, pt (default 3 mm). */
  bleed?: number;
  /** Crop and registration marks and the slug line outside the trim (default true). */
  marks?: boolean;
  /** A CMYK colour bar in the slug area (default false). */
  colourBar?: boolean;
  /** PDF/X-4 with this output intent; without it a plain print PDF (same geometry, colours and fonts). */
  pdfx?: OutputIntent;
  title?: string;
  /** Shown in the slug line: the file name and (for `exportPdf`'s one page) the page (版次). */
  fileName?: string;
  pageLabel?: string;
  /** The export time (slug, Info, XMP). Pass it for reproducible output. */
  createdAt?: Date;
  producer?: string;
}

/** One page of a many-page PDF: its layout, its label in the slug (版次), and its document's images when they differ from `options.images`. */
export interface PdfPage {
  layout: PageLayout;
  pageLabel?: string;
  images?: readonly ImageAsset[];
}

export interface PdfExportInfo {
  /** The first page's sheet; `sheets` has every page's. */
  geometry: SheetGeometry;
  sheets: SheetGeometry[];
  /** BaseFont names of the embedded subsets (each face once, whatever the number of pages). */
  fonts: string[];
  /** Image XObjects written (a picture used on several pages counts once). */
  images: number;
  /** Code points drawn as .notdef because their face has no glyph. */
  missingGlyphs: { face: string; char: string }[];
}

export type PdfExportResult = { ok: true; bytes: Uint8Array; info: PdfExportInfo } | { ok: false; zh: string; en: string };

/**
 * PageLayout → PDF bytes, one page. Draws exactly the items of the layout: glyph runs at their x
 * positions (Identity-H CIDFontType2 subsets with ToUnicode), images filling their frames
 * (centre-cropped), rules and boxes, all in DeviceCMYK. Pure: fonts and image bytes come in through
 * the options.
 */
export function exportPdf(layout: PageLayout, options: PdfExportOptions): Promise<PdfExportResult> {
  return exportPdfPages([{ layout, pageLabel: options.pageLabel }], options);
}

/**
 * Several PageLayouts → one PDF, a page each, in order. A separate entry rather than a list for
 * `exportPdf`'s first argument because a page of many needs more than its layout: its own label in
 * the slug, and (for an edition made of several documents) its own images. Each page has its own
 * boxes, marks and slug; fonts are subset once over all pages and a picture is written once however
 * many pages show it.
 */
export async function exportPdfPages(pages: readonly PdfPage[], options: PdfExportOptions): Promise<PdfExportResult> {
  const bleed = options.bleed ?? 3 * MM;
  if (!(bleed >= 0) || bleed > 72) return fail(`出血值无效：${bleed} pt（应在 0 到 25 mm 之间）`, `Invalid bleed: ${bleed} pt (must be between 0 and 25 mm)`);
  if (pages.length === 0) return fail('没有要导出的版面（页数为 0）', 'There is no page to export (0 pages)');
  const createdAt = options.createdAt ?? new Date();
  const ctx = PDFContext.create();
  ctx.header = PDFHeader.forVersion(1, 6);
  const doc = sheetDocument(ctx, options, bleed, createdAt);

  const sheets: WrittenSheet[] = [];
  for (const page of pages) {
    const sheet = await writeSheet(doc, { layout: page.layout, pageLabel: page.pageLabel, images: page.images ?? options.images ?? [] });
    if (!('ref' in sheet)) return fail(sheet.zh, sheet.en);
    sheets.push(sheet);
  }
  const fontNames = doc.faces.embedAll();
  if (!Array.isArray(fontNames)) return fail(fontNames.zh, fontNames.en);
  ctx.assign(doc.pagesRef, ctx.obj({ Type: 'Pages', Kids: sheets.map((s) => s.ref), Count: sheets.length }));
  writeCatalog(ctx, doc.pagesRef, {
    title: options.title ?? options.fileName ?? 'Banmian page',
    producer: options.producer ?? 'Banmian (版面)',
    createdAt,
    pdfx: options.pdfx,
    contents: sheets.map((s) => s.content),
  });

  const bytes = await PDFWriter.forContext(ctx, Number.MAX_SAFE_INTEGER).serializeToBuffer();
  const geometries = sheets.map((s) => s.geometry);
  return { ok: true, bytes, info: { geometry: geometries[0], sheets: geometries, fonts: fontNames, images: doc.images.written, missingGlyphs: doc.faces.missingGlyphs() } };
}

function fail(zh: string, en: string): PdfExportResult {
  return { ok: false, zh, en };
}

function sheetDocument(ctx: PDFContext, options: PdfExportOptions, bleed: number, createdAt: Date): SheetDocument {
  let tint: PDFRef | undefined;
  return {
    ctx,
    pagesRef: ctx.nextRef(),
    fonts: options.fonts,
    faces: new DocumentFaces(ctx),
    images: new DocumentImages(ctx),
    imageBytes: options.imageBytes,
    bleed,
    marks: options.marks ?? true,
    colourBar: options.colourBar ?? false,
    slug: { fileName: options.fileName, date: localStamp(createdAt), pdfx: !!options.pdfx },
    registrationTint: () => (tint ??= ctx.register(ctx.obj({ FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: [1, 1, 1, 1], N: 1 }))),
  };
}

/** 2024-01-16 22:30 in the exporting machine's local time (the slug is for people). */
function localStamp(d: Date): string {
  const p = (v: number): string => String(v).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
