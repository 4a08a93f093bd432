/**
 * An edition's print files and the progress of writing them, one declaration for the CLI and the
 * app: the paper's names (YYYYMMDD-NN.pdf per page, YYYYMMDD.pdf for the whole edition), the files
 * in the order they are written (the pages in number order, then the combined PDF), and the line
 * that says how far the export is (第N/M版, zh then en).
 */

/** The paper's file names: YYYYMMDD-NN.pdf per page, YYYYMMDD.pdf for the edition. */
export function editionFileName(date: string, number?: number): string {
  const day = date.replaceAll('-', '');
  return number === undefined ? `${day}.pdf` : `${day}-${String(number).padStart(2, '0')}.pdf`;
}

/** One file of the export: a page's (its 版次) or the combined one (no number). */
export interface ExportFile {
  number?: number;
  fileName: string;
}

/** Every file of the export, in the order written: the pages by number, then the combined PDF. */
export function exportFiles(date: string, numbers: readonly number[]): ExportFile[] {
  const pages = [...numbers].sort((a, b) => a - b).map((number) => ({ number, fileName: editionFileName(date, number) }));
  return [...pages, { fileName: editionFileName(date) }];
}

/**
 * What the export is writing: the `step`th file (from 1) of `files`. A page reads 第N/M版 (N of the
 * M pages, then its 版次 and file); the combined PDF comes last and names the pages it holds.
 */
export function progressLine(files: readonly ExportFile[], step: number): { zh: string; en: string } {
  const pages = files.length - 1;
  const f = files[step - 1];
  if (f.number === undefined) return { zh: `整期合订 ${pages} 版：${f.fileName}`, en: `combined edition of ${pages} pages: ${f.fileName}` };
  return { zh: `第${step}/${pages}版（第${f.number}版）：${f.fileName}`, en: `page ${step} of ${pages} (page ${f.number}): ${f.fileName}` };
}

/** Pages named in a message: 第1版、第3版 / page 1, pages 1 and 3 (the English subject's number follows). */
export function namePages(numbers: readonly number[]): { zh: string; en: string; plural: boolean } {
  const plural = numbers.length > 1;
  const en = plural ? `pages ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}` : `page ${numbers[0]}`;
  return { zh: numbers.map((n) => `第${n}版`).join('、'), en, plural };
}
