import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadBanmianFile } from '../../files/banmian-file';
import { pngProof, printPage } from '../../files/print';
import { warnFittedBlocks } from '../fitted-blocks';

const USAGE = [
  '用法 Usage: npm run banmian -- export PAGE.banmian -o page.pdf [options]',
  '  --bleed MM        出血 bleed (default 3)',
  '  --no-marks        不加裁切线、套准线和版面信息 no crop/registration marks or slug',
  '  --plain           普通印刷 PDF（不带输出意图）plain print PDF without the PDF/X-4 output intent',
  '  --profile FILE    印厂的 CMYK 特性文件 the printing plant\'s CMYK output profile',
  '  --colour-bar      加色标 add a CMYK colour bar',
  '  --proof           数字样张：无标记、无出血 digital proof: no marks, no bleed',
  '  --png FILE        同时输出 PNG 样张（需要 pdftoppm）also write a PNG proof (needs pdftoppm)',
  '  --force           有印前错误也导出 export despite preflight errors',
].join('\n');

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

export const PRINT_OPTIONS = {
  o: { type: 'string' },
  output: { type: 'string' },
  bleed: { type: 'string' },
  'no-marks': { type: 'boolean' },
  plain: { type: 'boolean' },
  profile: { type: 'string' },
  'colour-bar': { type: 'boolean' },
  proof: { type: 'boolean' },
  png: { type: 'string' },
  force: { type: 'boolean' },
} as const;

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
    parsed = parseArgs({ args, allowPositionals: true, options: PRINT_OPTIONS });
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
  const loaded = loadBanmianFile(file);
  if (!loaded.ok) {
    console.error(`${loaded.zh}\n${loaded.en}`);
    return 1;
  }
  warnFittedBlocks(file, loaded);
  return writePrint(loaded.document, basename(file), flags);
}

export async function writePrint(doc: Parameters<typeof printPage>[0], fileName: string, flags: PrintFlags): Promise<number> {
  const r = await printPage(doc, flags.out, { fileName, bleedMm: flags.bleedMm, marks: flags.marks, pdfx: flags.pdfx, profilePath: flags.profilePath, colourBar: flags.colourBar, force: flags.force });
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
