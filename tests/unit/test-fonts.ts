import { fileURLToPath } from 'node:url';
import type { FontSource } from '../../src-core/fonts/provider';
import type { FontFace } from '../../src-core/fonts/registry';
import { fontProvider } from '../../src-main/fonts/provider';

/**
 * Debian's fonts-noto-cjk (CFF-based OpenType collections: NotoSansCJK-Regular.ttc, NotoSerifCJK-
 * Regular.ttc, -Bold), unpacked by .ci/run into the project's own .cache — never installed
 * system-wide, so a browser cannot silently fall back to them and hide a missing-font bug.
 */
export const NOTO_CJK_DIR = fileURLToPath(new URL('../../.cache/test-fonts/usr/share/fonts/opentype/noto/', import.meta.url));

/** A CJK ideograph face `lacking` lacks and `having` has, read from their cmaps (not a guess). */
export function rareChar(lacking: FontFace, having: FontFace): string {
  for (const [from, to] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0x20000, 0x2a6df]]) {
    for (let cp = from; cp <= to; cp++) if (!lacking.hasGlyph(cp) && having.hasGlyph(cp)) return String.fromCodePoint(cp);
  }
  throw new Error(`${having.postscriptName} has no ideograph ${lacking.postscriptName} lacks`);
}

/** Debian's fonts-cwtex-fs: cwTeX 仿宋 (a TrueType face of the Big5 set), unpacked beside the collections by .ci/run. */
export const CWTEX_FANGSONG = fileURLToPath(new URL('../../.cache/test-fonts/usr/share/fonts/truetype/cwtex/cwfs.ttf', import.meta.url));

/**
 * The bundled faces as a font source over the bytes this process's provider already holds: a test
 * that makes a provider of its own (bundled + something) does not read the eight faces again.
 */
export function sharedBundledSource(): FontSource {
  const shared = fontProvider();
  return { name: { zh: '内置字体', en: 'the bundled fonts' }, faces: () => shared.faces().filter((f) => !f.onDemand).map((f) => ({ id: f.id, family: f.family, bold: f.bold, label: f.label, bytes: () => shared.bytes(f.id)! })) };
}
