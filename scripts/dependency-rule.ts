/**
 * The one-way dependency rule of DESIGN.md, as code: src-core imports nothing from src-main or
 * src-renderer, no Node built-ins, no Electron and no DOM; src-renderer and src-main never import
 * each other (shared types live in src-core); inside src-core, only the store touches the page's Yjs
 * schema, and store/ and proof/ import neither way. Used by tests/unit/architecture.test.ts.
 */
import { builtinModules } from 'node:module';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export type Layer = 'src-core' | 'src-main' | 'src-renderer';

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  rule: string;
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** DOM globals that src-core may not touch (its own tsconfig also leaves the DOM lib out). */
const DOM_GLOBALS = /\b(window|document|navigator|localStorage|sessionStorage|HTMLElement|XMLHttpRequest|requestAnimationFrame)\b\s*[.([]/;
const IMPORT_RE = /(?:\bimport\s[^'"]*?from\s*|\bexport\s[^'"]*?from\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;

/**
 * The page's Yjs schema (root names, map layouts): only src-core/store reads or writes it; the rest
 * use the store's public face (PageStore's operations, store/readers.ts, store/page-requests.ts).
 */
const STORE_SCHEMA = ['src-core/store/ydocs', 'src-core/store/proof-doc'];
/** Folders of src-core that import neither way: proofreading's state lives in the store, its vocabulary in model. */
const APART: readonly [string, string][] = [['src-core/store', 'src-core/proof']];
/** Yjs root access (`doc.getMap('…')` and kin) outside the store is the schema by another door. */
const YJS_ROOT_ACCESS = /\.get(Map|Array|XmlFragment|Text)\s*(<[^>]*>)?\s*\(/;

function folderOf(path: string): string {
  return path.split(sep).join('/').replace(/\.(ts|tsx|mts|cts|js|mjs)$/, '');
}

/** Rules about src-core's own folders, for an import from `file` of the module at `target` (both relative to the root). */
function grainRules(file: string, target: string): string[] {
  const out: string[] = [];
  const inStore = file.startsWith('src-core/store/');
  if (!inStore && STORE_SCHEMA.includes(target)) out.push(`only src-core/store may import its Yjs schema (${target})`);
  for (const [a, b] of APART) {
    if (file.startsWith(`${a}/`) && target.startsWith(`${b}/`)) out.push(`${a} must not import ${b}`);
    if (file.startsWith(`${b}/`) && target.startsWith(`${a}/`)) out.push(`${b} must not import ${a}`);
  }
  return out;
}

export function layerOf(root: string, file: string): Layer | undefined {
  const top = relative(root, file).split(sep)[0];
  return top === 'src-core' || top === 'src-main' || top === 'src-renderer' ? top : undefined;
}

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Checks one file's source against the rule; `file` is an absolute path under `root`. */
export function checkSource(root: string, file: string, source: string): Violation[] {
  const layer = layerOf(root, file);
  if (!layer) return [];
  const out: Violation[] = [];
  const code = stripComments(source);
  const lineAt = (index: number): number => code.slice(0, index).split('\n').length;
  for (const m of code.matchAll(IMPORT_RE)) {
    const spec = m[1];
    const line = lineAt(m.index ?? 0);
    const add = (rule: string): void => {
      out.push({ file: relative(root, file), line, specifier: spec, rule });
    };
    const target = spec.startsWith('.') ? layerOf(root, resolve(dirname(file), spec)) : undefined;
    const outside = spec.startsWith('.') && !resolve(dirname(file), spec).startsWith(root + sep);
    if (spec.startsWith('.') && !outside) grainRules(folderOf(relative(root, file)), folderOf(relative(root, resolve(dirname(file), spec)))).forEach(add);
    if (layer === 'src-core') {
      if (NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0])) add('src-core must not import Node built-ins');
      else if (spec === 'electron' || spec.startsWith('electron/')) add('src-core must not import Electron');
      else if (target === 'src-main' || target === 'src-renderer') add(`src-core must not import ${target}`);
      else if (spec.startsWith('.') && (target !== 'src-core' || outside)) add('src-core must not import outside src-core');
      else if (spec === 'react' || spec.startsWith('react-dom') || spec.startsWith('@tiptap/react')) add('src-core must not import UI frameworks');
    } else if (layer === 'src-renderer') {
      if (target === 'src-main') add('src-renderer must not import src-main');
      else if (NODE_BUILTINS.has(spec)) add('src-renderer must not import Node built-ins');
      else if (spec === 'electron' || spec.startsWith('electron/')) add('src-renderer must not import Electron (use the HostApi bridge)');
    } else if (layer === 'src-main') {
      if (target === 'src-renderer') add('src-main must not import src-renderer');
    }
  }
  if (!folderOf(relative(root, file)).startsWith('src-core/store/')) {
    code.split('\n').forEach((text, i) => {
      const access = YJS_ROOT_ACCESS.exec(text);
      if (access) out.push({ file: relative(root, file), line: i + 1, specifier: access[0], rule: 'only src-core/store may reach into the Yjs documents (use store/readers.ts)' });
    });
  }
  if (layer === 'src-core') {
    code.split('\n').forEach((text, i) => {
      const dom = DOM_GLOBALS.exec(text);
      if (dom) out.push({ file: relative(root, file), line: i + 1, specifier: dom[1], rule: 'src-core must not use the DOM' });
    });
  }
  return out;
}

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

export function checkTree(root: string): Violation[] {
  return (['src-core', 'src-main', 'src-renderer'] as const).flatMap((layer) =>
    sourceFiles(join(root, layer)).flatMap((f) => checkSource(root, f, readFileSync(f, 'utf8'))),
  );
}
