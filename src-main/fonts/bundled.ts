import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FontRegistry } from '../../src-core/fonts/registry';

const require = createRequire(import.meta.url);

/** The faces Banmian ships (SIL OFL, from npm): Noto Serif SC as 宋体 (song), Noto Sans SC as 黑体 (hei). */
export const BUNDLED_FACES = [
  { family: 'song', bold: false, module: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf' },
  { family: 'song', bold: true, module: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf' },
  { family: 'hei', bold: false, module: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf' },
  { family: 'hei', bold: true, module: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf' },
] as const;

export function bundledFontPath(module: string): string {
  return require.resolve(module);
}

let shared: FontRegistry | undefined;

/** A registry with the bundled faces, opened once per process (opening a CJK font takes 30–80 ms). */
export function loadBundledFonts(): FontRegistry {
  if (shared) return shared;
  const registry = new FontRegistry();
  for (const f of BUNDLED_FACES) registry.addFace(new Uint8Array(readFileSync(bundledFontPath(f.module))), f.family, f.bold);
  registry.defaultFamily = 'song';
  shared = registry;
  return registry;
}
