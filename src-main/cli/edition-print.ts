/**
 * An edition's print files: every page preflighted first (any error blocks the whole edition unless
 * forced, and then nothing is written), then one print PDF per page named by the paper's convention
 * (YYYYMMDD-NN.pdf) and the combined YYYYMMDD.pdf from the N-page writer. Each file's progress
 * (第N/M版, zh then en) goes to stderr, so a script reading stdout sees only the report.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputIntent } from '../../src-core/pdf';
import { formatReport } from '../../src-core/preflight';
import type { Message } from '../../src-core/makeup';
import type { EditionInfo } from '../../src-core/edition/edition';
import { exportFiles, progressLine } from '../../src-core/edition/export-files';
import { writeCombinedPdf, type NumberedPage } from '../files/edition-pdf';
import { checkPage, loadOutputIntent, printPage } from '../files/print';
import { fontProvider } from '../fonts/provider';
import type { PrintFlags } from './commands/export';

export { editionFileName } from '../../src-core/edition/export-files';
export type EditionPage = NumberedPage;

/**
 * Preflight of every page, each page laid out once for the whole export (its PDF and the combined
 * one print that layout); undefined when an error blocks (and --force was not given).
 */
function preflightAll(pages: EditionPage[], flags: PrintFlags, editionErrors: readonly Message[]): EditionPage[] | undefined {
  const fonts = fontProvider().registry();
  for (const line of formatReport({ errors: editionErrors, warnings: [] })) console.log(`  整期 edition: ${line}`);
  let blocked = editionErrors.length > 0;
  const checked = pages.map((p) => {
    const check = checkPage(p.document, fonts, flags.bleedMm);
    for (const line of formatReport(check.report)) console.log(`  第${p.number}版 page ${p.number}: ${line}`);
    if (check.report.errors.length) blocked = true;
    return { ...p, checked: check };
  });
  if (!blocked || flags.force) return checked;
  console.error('有印前错误，整期未导出；修正后重试，或用 --force 强制导出 / Not exported because of the preflight errors above; fix them or pass --force to export anyway.');
  return undefined;
}

/** The edition's paper and date name and title its files. */
type Named = Pick<EditionInfo, 'paper' | 'date' | 'fileNames'>;

const progress = (line: { zh: string; en: string }): void => console.error(`${line.zh} / ${line.en}`);

/**
 * The edition's print files into the -o folder, made only once preflight lets them be written (a
 * blocked export leaves no empty folder). `editionErrors`: what blocks the edition as a whole (a
 * continued story not set on its pages), reported and blocking with the pages' preflight errors.
 */
export async function writeEdition(plan: Named, unchecked: EditionPage[], flags: PrintFlags, editionErrors: readonly Message[] = []): Promise<number> {
  const pages = preflightAll(unchecked, flags, editionErrors);
  if (!pages) return 4;
  try {
    mkdirSync(flags.out, { recursive: true });
  } catch (e) {
    console.error(`无法创建输出目录 ${flags.out}（${(e as Error).message}）\nCannot create the output folder ${flags.out} (${(e as Error).message})`);
    return 1;
  }
  const fonts = fontProvider().registry();
  const opts = { fonts, bleedMm: flags.bleedMm, marks: flags.marks, pdfx: flags.pdfx, profilePath: flags.profilePath, colourBar: flags.colourBar, force: true };
  const files = exportFiles(plan, pages.map((p) => p.number));
  const byNumber = new Map(pages.map((p) => [p.number, p]));
  for (const [k, f] of files.entries()) {
    progress(progressLine(files, k + 1));
    if (f.number === undefined) return writeCombined(plan, pages, flags);
    const page = byNumber.get(f.number)!;
    const r = await printPage(page.document, join(flags.out, f.fileName), { ...opts, fileName: f.fileName, checked: page.checked });
    for (const line of r.lines.slice(-1)) console.log(line);
    if (r.code !== 0) return r.code;
  }
  return 0;
}

async function writeCombined(plan: Named, pages: EditionPage[], flags: PrintFlags): Promise<number> {
  let pdfx: OutputIntent | undefined;
  if (flags.pdfx) {
    const intent = loadOutputIntent(flags.profilePath);
    if (!intent.ok) {
      console.error(`${intent.zh}\n${intent.en}`);
      return 1;
    }
    pdfx = intent.value;
  }
  const out = (name: string) => join(flags.out, name);
  const r = await writeCombinedPdf(plan, pages, out(exportFiles(plan, [])[0].fileName), { fonts: fontProvider().registry(), bleedMm: flags.bleedMm, marks: flags.marks, colourBar: flags.colourBar, pdfx });
  if (!r.ok) {
    console.error(`${r.zh}\n${r.en}`);
    return 1;
  }
  console.log(`已写入 wrote ${out(r.fileName)} (${pages.length} 版 pages, ${(r.bytes / 1024).toFixed(0)} KB)`);
  return 0;
}
