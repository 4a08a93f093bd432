/**
 * An edition's print files and the progress of writing them, one declaration for the CLI and the
 * app: the paper's names (a pattern per edition, default YYYYMMDD-NN.pdf per page and YYYYMMDD.pdf
 * for the whole edition, checked so that every file gets its own plain name), the files
 * in the order they are written (the pages in number order, then the combined PDF), and the line
 * that says how far the export is (第N/M版, zh then en).
 */

/** The paper's naming convention: a pattern for each page's PDF and one for the combined PDF. */
export interface FileNames {
  /** Each page's PDF, e.g. `{date}-{page}.pdf`; must hold `{page}`. */
  page: string;
  /** The combined PDF, e.g. `{date}.pdf`. */
  edition: string;
}

/** The default: YYYYMMDD-NN.pdf per page, YYYYMMDD.pdf for the edition. */
export const DEFAULT_FILE_NAMES: FileNames = { page: '{date}-{page}.pdf', edition: '{date}.pdf' };

/** The placeholders a pattern may hold: the day YYYYMMDD, the 2-digit 版次, the paper's name. */
export const FILE_NAME_PLACEHOLDERS = ['{date}', '{page}', '{paper}'] as const;

/** What the names are made from: the edition's paper, day and (optional) convention. */
export interface NameSource {
  paper: string;
  date: string;
  fileNames?: FileNames;
}

const fill = (pattern: string, src: NameSource, number?: number): string =>
  pattern
    .replaceAll('{date}', src.date.replaceAll('-', ''))
    .replaceAll('{paper}', src.paper)
    .replaceAll('{page}', number === undefined ? '' : String(number).padStart(2, '0'));

/** A page's file name (its 版次) or, without a number, the combined file's, by the paper's convention. */
export function editionFileName(src: NameSource, number?: number): string {
  const names = src.fileNames ?? DEFAULT_FILE_NAMES;
  return fill(number === undefined ? names.edition : names.page, src, number);
}

/** A problem with a naming pattern: which one (`page` or `edition`) and why, zh and en. */
export interface FileNameIssue {
  key: keyof FileNames;
  value: string;
  zh: string;
  en: string;
}

/**
 * Patterns that would not give every file its own plain name: a page pattern without `{page}` (two
 * pages, one name), `{page}` in the combined name, an unknown `{…}`, a path separator (in the pattern
 * or the paper's name it brings in), a name that is not a .pdf, or the combined name a page's too.
 */
export function fileNameIssues(names: FileNames, paper: string): FileNameIssue[] {
  const out: FileNameIssue[] = [];
  const add = (key: keyof FileNames, zh: string, en: string) => out.push({ key, value: names[key], zh, en });
  for (const key of ['page', 'edition'] as const) {
    const pattern = names[key];
    const unknown = (pattern.match(/\{[^}]*\}/g) ?? []).filter((p) => !FILE_NAME_PLACEHOLDERS.includes(p as never));
    if (unknown.length) add(key, `未知占位符 ${unknown.join('、')}（可用：${FILE_NAME_PLACEHOLDERS.join('、')}）`, `unknown placeholder ${unknown.join(', ')} (known: ${FILE_NAME_PLACEHOLDERS.join(', ')})`);
    const made = fill(pattern, { paper, date: '2000-01-01' }, 1);
    if (/[\\/:]|^\.|\0/.test(made)) add(key, '文件名不能含路径分隔符（/ \\ :）或以 . 开头', 'a file name cannot hold a path separator (/ \\ :) or start with a dot');
    if (!/\.pdf$/i.test(pattern)) add(key, '文件名应以 .pdf 结尾', 'the file name must end in .pdf');
  }
  if (!names.page.includes('{page}')) add('page', '每版文件名应含 {page}，否则各版同名', 'each page\'s name must hold {page}, or the pages would share one name');
  if (names.edition.includes('{page}')) add('edition', '合订文件名不能含 {page}', 'the combined name cannot hold {page}');
  else if (names.page.includes('{page}') && names.page.replace('{page}', '') === names.edition) add('edition', '合订文件名与某一版的文件名可能相同', 'the combined name could be a page\'s name');
  return out;
}

/** One file of the export: a page's (its 版次) or the combined one (no number). */
export interface ExportFile {
  number?: number;
  fileName: string;
}

/** Every file of the export, in the order written: the pages by number, then the combined PDF. */
export function exportFiles(src: NameSource, numbers: readonly number[]): ExportFile[] {
  const pages = [...numbers].sort((a, b) => a - b).map((number) => ({ number, fileName: editionFileName(src, number) }));
  return [...pages, { fileName: editionFileName(src) }];
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
