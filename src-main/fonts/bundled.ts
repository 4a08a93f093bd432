import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createRequire } from 'node:module';
import type { FontSource } from '../../src-core/fonts/provider';
import { FAMILY_LABELS } from '../../src-core/model/styles';
import { woffToSfnt } from './woff';

const require = createRequire(import.meta.url);

const SERIF = '@expo-google-fonts/noto-serif-sc';
const SANS = '@expo-google-fonts/noto-sans-sc';
const KAI = '@fontsource/lxgw-wenkai/files';

/**
 * The faces Banmian ships, all SIL OFL from npm, registered in this order (the fallback order for a
 * character a face lacks): Noto Serif SC as 宋体 (song), Noto Sans SC as 黑体 (hei), LXGW WenKai as
 * 楷体 (kai; npm ships it only as WOFF, unwrapped to its TrueType once and cached, see `unwrapped`), and the
 * heavy weights of Noto Serif SC as 标宋 (biaosong: ExtraBold as 小标宋, Black as the bold, 大标宋).
 * No 仿宋 with an open licence is on npm, so that role is left to installed fonts.
 */
const BUNDLED_FACES = [
  { family: 'song', bold: false, module: `${SERIF}/400Regular/NotoSerifSC_400Regular.ttf` },
  { family: 'song', bold: true, module: `${SERIF}/700Bold/NotoSerifSC_700Bold.ttf` },
  { family: 'hei', bold: false, module: `${SANS}/400Regular/NotoSansSC_400Regular.ttf` },
  { family: 'hei', bold: true, module: `${SANS}/700Bold/NotoSansSC_700Bold.ttf` },
  // fontsource names the whole WenKai face 'latin' and its Regular (usWeightClass 400) '500'.
  { family: 'kai', bold: false, module: `${KAI}/lxgw-wenkai-latin-500-normal.woff` },
  { family: 'kai', bold: true, module: `${KAI}/lxgw-wenkai-latin-700-normal.woff` },
  { family: 'biaosong', bold: false, module: `${SERIF}/800ExtraBold/NotoSerifSC_800ExtraBold.ttf` },
  { family: 'biaosong', bold: true, module: `${SERIF}/900Black/NotoSerifSC_900Black.ttf` },
] as const;

type BundledFamily = (typeof BUNDLED_FACES)[number]['family'];

/** The English names of the shipped families (their newsroom names are FAMILY_LABELS'). */
const ENGLISH: Record<BundledFamily, string> = {
  song: 'Song (Noto Serif SC)',
  hei: 'Hei (Noto Sans SC)',
  kai: 'Kai (LXGW WenKai)',
  biaosong: 'Biaosong (Noto Serif SC ExtraBold/Black)',
};

/** A shipped file's sfnt bytes, resolved by package name (so it comes from the app's node_modules). */
function sfntBytes(module: string): Uint8Array {
  let file: string;
  try {
    file = require.resolve(module);
  } catch {
    const pkg = module.split('/').slice(0, 2).join('/');
    throw new Error(`内置字体文件 ${module} 不存在：npm 包 ${pkg} 未安装（请运行 npm install） / The bundled font file ${module} is missing: the npm package ${pkg} is not installed (run npm install)`);
  }
  return file.endsWith('.woff') ? unwrapped(file) : new Uint8Array(readFileSync(file));
}

/**
 * A WOFF face's TrueType, unwrapped once and kept beside the package in node_modules/.cache (keyed
 * by the file's size and time, written atomically): unwrapping takes 200–800 ms a face, on every
 * start of every process. Where the cache cannot be written (a read-only install) it is unwrapped
 * each time.
 */
function unwrapped(file: string): Uint8Array {
  const root = file.slice(0, file.lastIndexOf('node_modules') + 'node_modules'.length);
  const st = statSync(file);
  const dir = join(root, '.cache', 'banmian-fonts');
  const cached = join(dir, `${basename(file, '.woff')}-${st.size}-${Math.round(st.mtimeMs)}.ttf`);
  try {
    return new Uint8Array(readFileSync(cached));
  } catch {
    // not cached yet
  }
  const sfnt = woffToSfnt(new Uint8Array(readFileSync(file)), file);
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    writeFileSync(tmp, sfnt);
    renameSync(tmp, cached);
  } catch {
    // a read-only install: unwrapped again next time
  }
  return sfnt;
}

/**
 * The bundled set, the first source of every provider (src-main/fonts/provider.ts is its only
 * reader: hosts, the CLI and tests take fonts from the provider, never from here).
 */
export const BUNDLED_SOURCE: FontSource = {
  name: { zh: '内置字体', en: 'the bundled fonts' },
  faces: () =>
    BUNDLED_FACES.map((f) => ({
      id: `${f.family}-${f.bold ? 'bold' : 'regular'}`,
      family: f.family,
      bold: f.bold,
      label: { zh: FAMILY_LABELS[f.family], en: ENGLISH[f.family] },
      bytes: () => sfntBytes(f.module),
    })),
};
