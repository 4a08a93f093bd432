/**
 * The combined PDF of an edition (YYYYMMDD.pdf): every page in number order through the N-page
 * writer, each labelled 第N版 in its slug, written atomically. The CLI (`edition`, `export` of an
 * edition file) and the app's 导出整期 PDF (HostApi.exportEditionPdf) both write it here.
 */
import { exportPdfPages, type OutputIntent } from '../../src-core/pdf';
import type { FontRegistry } from '../../src-core/fonts/registry';
import type { EditionInfo } from '../../src-core/edition/edition';
import { editionFileName } from '../../src-core/edition/export-files';
import type { BanmianDocument } from '../../src-core/model/document';
import { writeFileAtomic } from './banmian-file';
import { bleedPt, checkPage, type Checked } from './print';

export interface NumberedPage {
  number: number;
  document: BanmianDocument;
  /** Its layout and preflight when already made (same fonts and bleed), so the page is not laid out again. */
  checked?: Checked;
}

export interface CombinedOptions {
  fonts: FontRegistry;
  bleedMm?: number;
  marks?: boolean;
  colourBar?: boolean;
  pdfx?: OutputIntent;
}

export type Combined = { ok: true; bytes: number; fileName: string } | { ok: false; zh: string; en: string };

/** Writes the combined PDF of `pages` (in number order) to `outPath` atomically. */
export async function writeCombinedPdf(info: Pick<EditionInfo, 'paper' | 'date' | 'fileNames'>, pages: readonly NumberedPage[], outPath: string, opts: CombinedOptions): Promise<Combined> {
  const fileName = editionFileName(info);
  const ordered = [...pages].sort((a, b) => a.number - b.number);
  const r = await exportPdfPages(
    ordered.map((p) => ({ layout: (p.checked ?? checkPage(p.document, opts.fonts, opts.bleedMm)).layout, pageLabel: `第${p.number}版`, images: p.document.images })),
    { fonts: opts.fonts, bleed: bleedPt(opts.bleedMm), marks: opts.marks ?? true, colourBar: opts.colourBar ?? false, pdfx: opts.pdfx, title: `${info.paper} ${info.date}`, fileName },
  );
  if (!r.ok) return { ok: false, zh: `导出失败：${r.zh}`, en: `Export failed: ${r.en}` };
  const w = writeFileAtomic(outPath, r.bytes);
  if (!w.ok) return w;
  return { ok: true, bytes: r.bytes.length, fileName };
}
