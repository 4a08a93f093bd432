import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { PROOF_PRINT } from '../../../src-core/model/proof-print';
import { pngProof, printPage } from '../../files/print';
import { fontFiles, roleUses, withFontFiles, type FontFiles } from '../../fonts/font-files';
import { fontProvider, useFontFiles } from '../../fonts/provider';
import { FontOpenError } from '../../../src-core/fonts/provider';
import type { EditionDocument } from '../../../src-core/edition/edition';
import { pageDocuments } from '../../../src-core/edition/page-doc';
import { calendarDay } from '../../../src-core/layout/date';
import { writeEdition } from '../edition-print';
import { openAnyFile } from '../open-page';
import { commandUsage, listOf, parseCommandArgs } from '../command-table';

const USAGE = commandUsage('export');

export interface PrintFlags {
  out: string;
  bleedMm?: number;
  marks: boolean;
  pdfx: boolean;
  profilePath?: string;
  colourBar: boolean;
  force: boolean;
  png?: string;
}


/**
 * `--font` values: the files read and put first in this run's fonts; the styles to point at them, or
 * the exit code after the zh/en message naming the wrong value.
 */
export function useFontFlags(values: unknown): FontFiles['uses'] | number {
  const files = fontFiles(listOf(values));
  if ('zh' in files) {
    console.error(`${files.zh}\n${files.en}`);
    return 1;
  }
  useFontFiles(files.sources, roleUses(files.uses));
  if (files.sources.length) {
    // Opened now, so a damaged file is named as the --font value it came from, before anything is read or written.
    try {
      fontProvider().registry();
    } catch (e) {
      useFontFiles([]); // the process's fonts as they were, without the file that cannot be opened
      if (!(e instanceof FontOpenError)) throw e;
      console.error(`${e.zh}\n${e.en}`);
      return 1;
    }
  }
  return files.uses;
}

/** Reads the print flags shared by export and compose; a string is a usage error. */
export function printFlags(v: Record<string, string | boolean | undefined>): PrintFlags | string {
  const out = (v.o ?? v.output) as string | undefined;
  if (!out) return '缺少输出文件 -o page.pdf / Missing the output file: -o page.pdf';
  const bleed = v.bleed === undefined ? undefined : Number(v.bleed);
  if (bleed !== undefined && !(bleed >= 0 && bleed <= 25)) return `出血值无效：${String(v.bleed)}（0–25 mm）/ Invalid bleed: ${String(v.bleed)} (0–25 mm)`;
  const proof = v.proof === true;
  return {
    out,
    bleedMm: proof ? PROOF_PRINT.bleedMm : bleed,
    marks: proof ? PROOF_PRINT.marks : v['no-marks'] !== true,
    pdfx: proof ? PROOF_PRINT.pdfx : v.plain !== true,
    profilePath: v.profile as string | undefined,
    colourBar: v['colour-bar'] === true,
    force: v.force === true,
    png: v.png as string | undefined,
  };
}

/** `export PAGE.banmian -o page.pdf`: preflight, then the print PDF; `export EDITION.banmian -o OUTDIR`: every page's and the combined PDF. Exit 0 written, 1 failed, 2 usage, 4 blocked by preflight. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('export', args);
  if (!parsed) return 2;
  const [file, ...extra] = parsed.positionals;
  const flags = printFlags(parsed.values);
  if (!file || extra.length || typeof flags === 'string') {
    console.error(`${typeof flags === 'string' ? `${flags}\n` : ''}${USAGE}`);
    return 2;
  }
  const fonts = useFontFlags(parsed.values.font);
  if (typeof fonts === 'number') return fonts;
  const loaded = openAnyFile(file);
  if (!loaded) return 1;
  if (loaded.page) return writePrint(withFontFiles(loaded.page, fonts), basename(file), flags);
  return exportEdition(loaded.edition, file, flags, fonts);
}

/** An edition file: every page and the combined PDF into the -o folder, as `edition` writes them. */
async function exportEdition(edition: EditionDocument, file: string, flags: PrintFlags, fonts: FontFiles['uses']): Promise<number> {
  if (flags.png) {
    console.error(`整期文件不能用 --png（每版各自导出 PNG 样张请先导出 PDF）/ --png is for a single page, not an edition file\n${USAGE}`);
    return 2;
  }
  if (!calendarDay(edition.edition.date)) {
    console.error(`${file}：edition.date = ${JSON.stringify(edition.edition.date)}：应为有效日期 年-月-日（导出文件按日期命名）\n${file}: edition.date = ${JSON.stringify(edition.edition.date)}: must be a valid day YYYY-MM-DD (the exported files are named by it)`);
    return 1;
  }
  // (--font reaches every page as it reaches a page file: its styles and its stories' overrides)
  return writeEdition(edition.edition, pageDocuments(edition).map((p) => ({ ...p, document: withFontFiles(p.document, fonts) })), flags);
}

export async function writePrint(doc: Parameters<typeof printPage>[0], fileName: string, flags: PrintFlags): Promise<number> {
  const r = await printPage(doc, flags.out, { fonts: fontProvider().registry(), fileName, bleedMm: flags.bleedMm, marks: flags.marks, pdfx: flags.pdfx, profilePath: flags.profilePath, colourBar: flags.colourBar, force: flags.force });
  for (const line of r.lines) (r.code === 0 ? console.log : console.error)(line);
  if (r.code !== 0 || !flags.png) return r.code;
  const png = await pngProof(new Uint8Array(readFileSync(flags.out)), flags.png, 100);
  if (!png.ok) {
    console.error(`${png.zh}\n${png.en}`);
    return 1;
  }
  console.log(`已写入 PNG 样张 wrote PNG proof ${flags.png}`);
  return 0;
}
