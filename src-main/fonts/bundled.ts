import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FontSource } from '../../src-core/fonts/provider';
import { FAMILY_LABELS } from '../../src-core/model/styles';

const require = createRequire(import.meta.url);

/** The faces Banmian ships (SIL OFL, from npm): Noto Serif SC as 宋体 (song), Noto Sans SC as 黑体 (hei). */
const BUNDLED_FACES = [
  { family: 'song', bold: false, module: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf' },
  { family: 'song', bold: true, module: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf' },
  { family: 'hei', bold: false, module: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf' },
  { family: 'hei', bold: true, module: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf' },
] as const;

/** The English names of the shipped families (their newsroom names are FAMILY_LABELS'). */
const ENGLISH: Record<(typeof BUNDLED_FACES)[number]['family'], string> = { song: 'Song (Noto Serif SC)', hei: 'Hei (Noto Sans SC)' };

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
      bytes: () => new Uint8Array(readFileSync(require.resolve(f.module))),
    })),
};
