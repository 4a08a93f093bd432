import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { pngProof, printPage } from '../../files/print';
import { fontProvider } from '../../fonts/provider';
import { openPage } from '../open-page';
import { commandUsage, parseOptions } from '../command-table';

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


/** Reads the print flags shared by export and compose; a string is a usage error. */
export function printFlags(v: Record<string, string | boolean | undefined>): PrintFlags | string {
  const out = (v.o ?? v.output) as string | undefined;
  if (!out) return '缺少输出文件 -o page.pdf / Missing the output file: -o page.pdf';
  const bleed = v.bleed === undefined ? undefined : Number(v.bleed);
  if (bleed !== undefined && !(bleed >= 0 && bleed <= 25)) return `出血值无效：${String(v.bleed)}（0–25 mm）/ Invalid bleed: ${String(v.bleed)} (0–25 mm)`;
  const proof = v.proof === true;
  return {
    out,
    bleedMm: proof ? 0 : bleed,
    marks: !proof && v['no-marks'] !== true,
    pdfx: !proof && v.plain !== true,
    profilePath: v.profile as string | undefined,
    colourBar: v['colour-bar'] === true,
    force: v.force === true,
    png: v.png as string | undefined,
  };
}

/** `export PAGE.banmian -o page.pdf`: preflight, then the print PDF. Exit 0 written, 1 failed, 2 usage, 4 blocked by preflight. */
export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: parseOptions('export') });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const [file, ...extra] = parsed.positionals;
  const flags = printFlags(parsed.values);
  if (!file || extra.length || typeof flags === 'string') {
    console.error(`${typeof flags === 'string' ? `${flags}\n` : ''}${USAGE}`);
    return 2;
  }
  const loaded = openPage(file);
  if (!loaded) return 1;
  return writePrint(loaded.document, basename(file), flags);
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
