/**
 * PageLayout → print-ready PDF. The public face of src-core/pdf: one entry, its options and result.
 * Inside: truetype.ts (subsetting), font-subset.ts (CIDs, widths, ToUnicode), content.ts (operators),
 * images.ts (pass-through JPEG/PNG), marks.ts (sheet geometry, crop/registration marks, slug),
 * metadata.ts (Info and XMP).
 */
export { exportPdf, type OutputIntent, type PdfExportInfo, type PdfExportOptions, type PdfExportResult } from './export';
export { sheetGeometry, type SheetGeometry } from './marks';
export { embeddingLicence, mayEmbedSubset, readTrueType } from './truetype';
export { rasterFacts, decodeBase64, type RasterFacts } from './images';
