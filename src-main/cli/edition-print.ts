/**
 * An edition's print files: every page preflighted first (any error blocks the whole edition unless
 * forced, and then nothing is written), then one print PDF per page named by the paper's convention
 * (YYYYMMDD-NN.pdf) and the combined YYYYMMDD.pdf from the N-page writer.
 */
import { join } from 'node:path';
import { exportPdfPages, type OutputIntent } from '../../src-core/pdf';
import { formatReport } from '../../src-core/preflight';
import type { EditionInfo } from '../../src-core/edition/edition';
import type { BanmianDocument } from '../../src-core/model/document';
import { writeFileAtomic } from '../files/banmian-file';
import { bleedPt, checkPage, loadOutputIntent, printPage } from '../files/print';
import { fontProvider } from '../fonts/provider';
import type { PrintFlags } from './commands/export';

export interface EditionPage {
  number: number;
  document: BanmianDocument;
}

/** The paper's file names: YYYYMMDD-NN.pdf per page, YYYYMMDD.pdf for the edition. */
export function editionFileName(date: string, number?: number): string {
  const day = date.replaceAll('-', '');
  return number === undefined ? `${day}.pdf` : `${day}-${String(number).padStart(2, '0')}.pdf`;
}

/** Preflight of every page; false when an error blocks (and --force was not given). */
function preflightAll(pages: EditionPage[], flags: PrintFlags): boolean {
  const fonts = fontProvider().registry();
  let blocked = false;
  for (const p of pages) {
    const { report } = checkPage(p.document, fonts, flags.bleedMm);
    for (const line of formatReport(report)) console.log(`  第${p.number}版 page ${p.number}: ${line}`);
    if (report.errors.length) blocked = true;
  }
  if (!blocked || flags.force) return true;
  console.error('有印前错误，整期未导出；修正后重试，或用 --force 强制导出 / Not exported because of the preflight errors above; fix them or pass --force to export anyway.');
  return false;
}

/** The edition's paper and date name and title its files. */
type Named = Pick<EditionInfo, 'paper' | 'date'>;

export async function writeEdition(plan: Named, pages: EditionPage[], flags: PrintFlags): Promise<number> {
  if (!preflightAll(pages, flags)) return 4;
  const fonts = fontProvider().registry();
  const opts = { fonts, bleedMm: flags.bleedMm, marks: flags.marks, pdfx: flags.pdfx, profilePath: flags.profilePath, colourBar: flags.colourBar, force: true };
  for (const p of pages) {
    const name = editionFileName(plan.date, p.number);
    const r = await printPage(p.document, join(flags.out, name), { ...opts, fileName: name });
    for (const line of r.lines.slice(-1)) console.log(line);
    if (r.code !== 0) return r.code;
  }
  return writeCombined(plan, pages, flags);
}

async function writeCombined(plan: Named, pages: EditionPage[], flags: PrintFlags): Promise<number> {
  const fonts = fontProvider().registry();
  let pdfx: OutputIntent | undefined;
  if (flags.pdfx) {
    const intent = loadOutputIntent(flags.profilePath);
    if (!intent.ok) {
      console.error(`${intent.zh}\n${intent.en}`);
      return 1;
    }
    pdfx = intent.value;
  }
  const name = editionFileName(plan.date);
  const r = await exportPdfPages(
    pages.map((p) => ({ layout: checkPage(p.document, fonts, flags.bleedMm).layout, pageLabel: `第${p.number}版`, images: p.document.images })),
    { fonts, bleed: bleedPt(flags.bleedMm), marks: flags.marks, colourBar: flags.colourBar, pdfx, title: `${plan.paper} ${plan.date}`, fileName: name },
  );
  if (!r.ok) {
    console.error(`导出失败：${r.zh}\nExport failed: ${r.en}`);
    return 1;
  }
  const w = writeFileAtomic(join(flags.out, name), r.bytes);
  if (!w.ok) {
    console.error(`${w.zh}\n${w.en}`);
    return 1;
  }
  console.log(`已写入 wrote ${join(flags.out, name)} (${pages.length} 版 pages, ${(r.bytes.length / 1024).toFixed(0)} KB)`);
  return 0;
}
