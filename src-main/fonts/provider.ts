import { createFontProvider, type FontProvider, type FontSource } from '../../src-core/fonts/provider';
import { BUNDLED_SOURCE } from './bundled';
import { installedSource } from './installed';

/**
 * The fonts every run has, in order: the bundled set first; a newsroom's licensed set (issue #20)
 * joins this list and nothing else changes.
 */
export const FONT_SOURCES: readonly FontSource[] = [BUNDLED_SOURCE];

/**
 * The fonts installed on this machine, after FONT_SOURCES: listed on the provider's first use from
 * a few tables per file, each face opened only when a page uses it. `BANMIAN_INSTALLED_FONTS=0`
 * leaves them out (a run that must not depend on the machine's fonts).
 */
const INSTALLED_SOURCES: readonly FontSource[] = process.env.BANMIAN_INSTALLED_FONTS === '0' ? [] : [installedSource()];

let shared: FontProvider | undefined;
/** Font files a CLI run was given (`--font`), before every other source. */
let files: readonly FontSource[] = [];

/** Puts font files (`--font`) first for the rest of this process; the provider is made again with them. */
export function useFontFiles(sources: readonly FontSource[]): void {
  files = sources;
  shared = undefined;
}

/**
 * The provider of this process (a host or a CLI run), made once: every caller shares its registry,
 * so the fonts are opened once per process (opening a CJK face takes 30–80 ms).
 */
export function fontProvider(): FontProvider {
  return (shared ??= createFontProvider([...files, ...FONT_SOURCES, ...INSTALLED_SOURCES]));
}
