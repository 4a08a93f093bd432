import { createFontProvider, type FontProvider, type FontSource } from '../../src-core/fonts/provider';
import { BUNDLED_SOURCE } from './bundled';

/**
 * Where a run's fonts come from, in order: the bundled set first; installed fonts and a newsroom's
 * licensed set (issue #20) join this list and nothing else changes.
 */
export const FONT_SOURCES: readonly FontSource[] = [BUNDLED_SOURCE];

let shared: FontProvider | undefined;

/**
 * The provider of this process (a host or a CLI run), made once: every caller shares its registry,
 * so the fonts are opened once per process (opening a CJK face takes 30–80 ms).
 */
export function fontProvider(): FontProvider {
  return (shared ??= createFontProvider(FONT_SOURCES));
}
