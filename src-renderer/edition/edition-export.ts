/**
 * 导出整期 PDF from the overview: one print PDF per page by the paper's convention (YYYYMMDD-NN.pdf,
 * the page export's host call, `exportPdf`, once per page) and the combined YYYYMMDD.pdf
 * (`exportEditionPdf`), into a folder beside the edition file (day.banmian → day-pdf/); as 校样 (`proof`:
 * `PROOF_PRINT`, no marks, no bleed, no PDF/X, as the CLI's --proof) into day-proof/. One host call
 * per file, so the overview shows each step (第N/M版) and a cancel takes effect before the next file;
 * the host writes every file atomically, so a cancelled export leaves whole files only.
 */
import type { EditionDocument } from '../../src-core/edition/edition';
import { serializeEdition } from '../../src-core/edition/edition-file';
import { exportFiles, progressLine, type ExportFile } from '../../src-core/edition/export-files';
import { pageDocuments } from '../../src-core/edition/page-doc';
import type { HostApi } from '../../src-core/host-api';
import type { BanmianDocument } from '../../src-core/model/document';
import { PROOF_PRINT } from '../../src-core/model/proof-print';
import { serializeDocument } from '../../src-core/model/serialize';

export interface ExportProgress {
  /** Files written so far, of `total` (the pages and the combined PDF). */
  done: number;
  total: number;
  /** The file being written (or the last one), zh and en. */
  zh: string;
  en: string;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  /** Where the files go, as the host names paths. */
  folder: string;
}

export type ExportEnd = { state: 'done' | 'cancelled' } | { state: 'failed'; zh: string; en: string };

/** The folder beside the edition file: day.banmian → day-pdf, or day-proof for the 校样 PDFs. */
export function exportFolder(editionPath: string, proof = false): string {
  return `${editionPath.replace(/\.banmian$/i, '')}-${proof ? 'proof' : 'pdf'}`;
}

interface Run {
  host: HostApi;
  force: boolean;
  /** 校样: proof PDFs (PROOF_PRINT) instead of print PDFs. */
  proof?: boolean;
  cancelled: () => boolean;
  progress: (p: ExportProgress) => void;
}

/** Writes every file of the edition's export in order; stops at the first failure or when cancelled. */
export async function exportEdition(edition: EditionDocument, editionPath: string, run: Run): Promise<ExportEnd> {
  const pages = pageDocuments(edition);
  const files = exportFiles(edition.edition, pages.map((p) => p.number));
  const folder = exportFolder(editionPath, run.proof);
  const byNumber = new Map(pages.map((p) => [p.number, p.document]));
  for (const [k, f] of files.entries()) {
    if (run.cancelled()) return { state: 'cancelled' };
    run.progress({ done: k, total: files.length, ...progressLine(files, k + 1), state: 'running', folder });
    const end = await writeOne(edition, byNumber, f, `${folder}/${f.fileName}`, run);
    if (end) return end;
  }
  run.progress({ done: files.length, total: files.length, ...progressLine(files, files.length), state: 'done', folder });
  return { state: 'done' };
}

/** One file through the host; an end when it did not get written. */
async function writeOne(edition: EditionDocument, byNumber: Map<number, BanmianDocument>, f: ExportFile, path: string, run: Run): Promise<ExportEnd | null> {
  const options = run.proof ? { ...PROOF_PRINT, force: run.force } : { force: run.force };
  if (f.number === undefined) {
    const r = await run.host.exportEditionPdf(serializeEdition(edition), path, options);
    if (!r.ok) return { state: 'failed', zh: r.zh, en: r.en };
    return r.value ? null : { state: 'cancelled' };
  }
  const r = await run.host.exportPdf(serializeDocument(byNumber.get(f.number)!), path, options);
  if (!r.ok) return { state: 'failed', zh: `第${f.number}版：${r.zh}`, en: `Page ${f.number}: ${r.en}` };
  if (!r.value) return { state: 'cancelled' };
  if (!r.value.written) return { state: 'failed', zh: `第${f.number}版有印前错误，未导出：${r.value.lines.join('；')}`, en: `Page ${f.number} has preflight errors and was not exported` };
  return null;
}
