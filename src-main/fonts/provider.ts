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
/** Roles a CLI run set in those files (`--font hei=FILE`): the role → the file's family key. */
let roles: readonly { role: string; family: string }[] = [];

/**
 * Puts font files (`--font`) first for the rest of this process, and draws each role given in
 * `roleFiles` in its file's face (FontRegistry.drawRole); the provider is made again with them.
 */
export function useFontFiles(sources: readonly FontSource[], roleFiles: readonly { role: string; family: string }[] = []): void {
  files = sources;
  roles = roleFiles;
  shared = undefined;
}

/**
 * The provider of this process (a host or a CLI run), made once: every caller shares its registry,
 * so the fonts are opened once per process (opening a CJK face takes 30–80 ms).
 */
export function fontProvider(): FontProvider {
  return (shared ??= withRoles(createFontProvider([...files, ...FONT_SOURCES, ...INSTALLED_SOURCES]), roles));
}

function withRoles(provider: FontProvider, drawn: typeof roles): FontProvider {
  if (!drawn.length) return provider;
  let set = false;
  const registry = () => {
    const r = provider.registry();
    if (!set) for (const { role, family } of drawn) r.drawRole(role, family);
    set = true;
    return r;
  };
  return { ...provider, registry };
}
