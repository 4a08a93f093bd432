/**
 * PageLayout → print-ready PDF. The public face of src-core/pdf: `exportPdf` (one page) and
 * `exportPdfPages` (several pages in one document), their options and result; and what preflight
 * asks before an export: `fontEmbedding` (can this face be embedded, and if not why) and
 * `rasterFacts` (what the writer will see in an image file).
 * Inside: export.ts (the entries), sheet-page.ts (one page: boxes, clip, marks and slug, resources),
 * page-items.ts (drawing the layout's items), faces.ts + font-subset.ts + truetype.ts (fonts, subset
 * once per document), image-objects.ts + images.ts (XObjects, pass-through JPEG/PNG, written once per
 * document), content.ts (operators), marks.ts (sheet geometry, crop/registration marks, slug),
 * catalog.ts + metadata.ts (catalog, output intent, Info and XMP).
 */
export { exportPdf, exportPdfPages, type OutputIntent, type PdfExportInfo, type PdfExportOptions, type PdfExportResult, type PdfPage } from './export';
export { fontEmbedding, type FontProblem } from './embeddable';
export { sheetGeometry, type SheetGeometry } from './marks';
export { embeddingLicence, mayEmbedSubset, readTrueType } from './truetype';
export { rasterFacts, decodeBase64, type RasterFacts } from './images';
export { looksLikePdf, pdfArtworkOutside, pdfArtworkTooBig, readPdfArtwork, PDF_ARTWORK_MAX_BYTES, PDF_MIME } from './pdf-artwork';
