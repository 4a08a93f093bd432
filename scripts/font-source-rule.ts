/**
 * Fonts come from one place: only the provider (src-main/fonts/provider.ts) reads the bundled set
 * (src-main/fonts/bundled.ts); hosts, the CLI, benches and tests ask the provider. A second reader
 * would bypass every other source the provider is given. Used by tests/unit/font-provider.test.ts.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { sourceFiles } from './dependency-rule';

export const BUNDLED_MODULE = 'src-main/fonts/bundled';
export const PROVIDER_MODULE = 'src-main/fonts/provider';
/** The folders whose code may want fonts. */
const SCANNED = ['src-core', 'src-main', 'src-renderer', 'tests', 'bench', 'scripts'];
/** The bundled set's entry points by name, old and new: a call to either outside the provider is a second door. */
const LOADER_NAMES = /\b(loadBundledFonts|BUNDLED_SOURCE)\b/;
/** This rule names what it looks for, and its test plants violations. */
const EXEMPT = new Set(['scripts/font-source-rule.ts', 'tests/unit/font-provider.test.ts']);
const SPECIFIER_RE = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

export interface FontSourceViolation {
  file: string;
  line: number;
  text: string;
}

const withoutExtension = (p: string): string => p.replace(/\.(ts|tsx|js|mjs)$/, '');

/** The lines of one file (path relative to `root`) that reach the bundled set outside the provider. */
export function checkFontSource(root: string, file: string, source: string): FontSourceViolation[] {
  const self = withoutExtension(file);
  if (self === BUNDLED_MODULE || self === PROVIDER_MODULE) return [];
  const out: FontSourceViolation[] = [];
  source.split('\n').forEach((text, i) => {
    const reaches = [...text.matchAll(SPECIFIER_RE)].some((m) => m[1].startsWith('.') && withoutExtension(relative(root, resolve(dirname(join(root, file)), m[1]))) === BUNDLED_MODULE);
    if (reaches || LOADER_NAMES.test(text)) out.push({ file, line: i + 1, text: text.trim() });
  });
  return out;
}

export function checkFontSources(root: string): FontSourceViolation[] {
  return SCANNED.flatMap((dir) => sourceFiles(join(root, dir))).flatMap((abs) => {
    const file = relative(root, abs);
    return EXEMPT.has(file) ? [] : checkFontSource(root, file, readFileSync(abs, 'utf8'));
  });
}
