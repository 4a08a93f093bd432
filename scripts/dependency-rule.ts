/**
 * The one-way dependency rule of DESIGN.md, as code: src-core imports nothing from src-main or
 * src-renderer, no Node built-ins, no Electron and no DOM; src-renderer and src-main never import
 * each other (shared types live in src-core); inside src-core, only the store touches the page's Yjs
 * schema, and store/ and proof/ import neither way. Inside the layers, the grain: `CORE_GRAIN` says
 * which parts of src-core each part may import (and which network code none may use), and the
 * renderer's folders import each other without a circle. Used by tests/unit/architecture.test.ts,
 * which also checks docs/ARCHITECTURE.md's "may import" column against `CORE_GRAIN`.
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
const DOM_GLOBALS = /(?:(?<=\bglobalThis\.)|(?<=\.\.\.)|(?<![.\w$]))(window|document|navigator|localStorage|sessionStorage|HTMLElement|XMLHttpRequest|requestAnimationFrame)\b\s*[.([]/;
const IMPORT_RE = /(?:\bimport\s[^'"]*?from\s*|\bexport\s[^'"]*?from\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g;

/**
 * The page's Yjs schema (root names, map layouts): only src-core/store reads or writes it; the rest
 * use the store's public face (PageStore's operations, store/readers.ts, store/page-requests.ts).
 */
const STORE_SCHEMA = ['src-core/store/ydocs', 'src-core/store/proof-doc'];
/** Yjs root access (`doc.getMap('…')` and kin) outside the store is the schema by another door. */
const YJS_ROOT_ACCESS = /\.get(Map|Array|XmlFragment|Text)\s*(<[^>]*>)?\s*\(/;

function folderOf(path: string): string {
  return path.split(sep).join('/').replace(/\.(ts|tsx|mts|cts|js|mjs)$/, '');
}

/** The store's schema files, for an import from `file` of the module at `target` (both relative to the root). */
function grainRules(file: string, target: string): string[] {
  const out: string[] = [];
  const inStore = file.startsWith('src-core/store/');
  if (!inStore && STORE_SCHEMA.includes(target)) out.push(`only src-core/store may import its Yjs schema (${target})`);
  // store/ and proof/ importing neither way is CORE_GRAIN's to say (proofreading's state lives in
  // the store, its vocabulary in model)
  return out;
}

/**
 * The parts of src-core (a folder, or a file at its top) and the parts of src-core each may import.
 * `files` narrows a part to some of its files; `because` is the reason for an import the intended
 * shape would not have. One declaration: the check and the docs' table both read it.
 */
export interface GrainRule {
  may: readonly string[];
  files?: Readonly<Record<string, readonly string[]>>;
  because?: Readonly<Record<string, string>>;
}

export const CORE_GRAIN: Readonly<Record<string, GrainRule>> = {
  model: { may: [] },
  fonts: { may: [] },
  story: { may: [] },
  commands: { may: [] },
  typeset: { may: ['model', 'fonts'] },
  layout: { may: ['model', 'fonts', 'typeset'] },
  svg: { may: ['layout'], files: { layout: ['page-layout'] } },
  pdf: {
    may: ['model', 'fonts', 'layout', 'import'],
    files: { layout: ['page-layout', 'image-crop'], import: ['image-probe'] },
    because: { 'layout/image-crop': 'where a cropped picture lies, the same sum the SVG uses', import: 'image-probe is the one JPEG/PNG reader' },
  },
  import: { may: ['model', 'typeset'], files: { typeset: ['chars'] }, because: { typeset: 'typeset/chars is the one character-class module' } },
  makeup: { may: ['model', 'layout'] },
  edition: { may: ['model', 'fonts', 'layout', 'makeup', 'preflight'], files: { makeup: ['index'], preflight: ['preflight'] }, because: { makeup: 'the make-up\'s public face only (makeUp and its types)', preflight: 'the overview counts each page\'s errors and warnings (its public face only)' } },
  copyfit: { may: ['model', 'layout', 'makeup'], files: { makeup: ['shapes'] }, because: { makeup: 'the headline sizes by rank are the make-up\'s' } },
  preflight: { may: ['model', 'fonts', 'layout', 'pdf'], files: { pdf: ['index'] }, because: { pdf: 'the writer\'s public face only (fontEmbedding)' } },
  store: { may: ['model', 'story'] },
  proof: {
    may: ['model', 'layout', 'pdf', 'typeset', 'import'],
    files: { typeset: ['chars'], import: ['roles'] },
    because: { typeset: 'typeset/chars is the one character-class module', import: 'a body line that is a byline keeps its spaces as the byline field does (roles.ts bylineLine)' },
  },
  collab: {
    may: ['model', 'proof', 'store', 'host-args'],
    files: { store: ['readers'], proof: ['authorship'] },
    because: { store: 'the store\'s read-only face (readers.ts), never its schema', proof: 'the authorship guard runs on each shared article', 'host-args': 'a desk backup has the page file\'s size limit' },
  },
  'host-args': { may: ['collab', 'host-api'], files: { collab: ['names'] } },
  'host-api': { may: ['model', 'fonts', 'import', 'preflight', 'proof', 'collab', 'edition', 'host-args', 'host-session'] },
  'host-session': { may: [] },
};

/** Network clients belong to the hosts and the renderer, never to the pure engine. */
const NETWORK_PACKAGES = /^(@hocuspocus\/provider|@hocuspocus\/server|ws|y-websocket|undici|node-fetch|axios)(\/|$)/;
const NETWORK_GLOBALS = /\b(WebSocket|HocuspocusProvider\w*|fetch|EventSource)\b\s*[.(]|\bnew\s+(WebSocket|EventSource|HocuspocusProvider\w*)\b/;

/** The part of src-core (or of src-renderer) a path lies in: its first folder, or a top file's stem. */
export function partOf(root: string, file: string): string | undefined {
  const parts = relative(root, file).split(sep);
  if (parts.length < 2 || parts[0].startsWith('..')) return undefined;
  return parts.length === 2 ? parts[1].replace(/\.[cm]?[tj]sx?$/, '') : parts[1];
}

function grainViolation(root: string, file: string, targetPath: string): string | undefined {
  const from = partOf(root, file);
  const to = partOf(root, targetPath);
  if (!from || !to || from === to) return undefined;
  const rule = CORE_GRAIN[from];
  if (!rule) return `src-core/${from} is not in the rule table (CORE_GRAIN)`;
  if (!rule.may.includes(to)) return `src-core/${from} must not import src-core/${to} (may import: ${rule.may.join(', ') || 'nothing in src-core'})`;
  const only = rule.files?.[to];
  const rest = relative(join(root, 'src-core', to), targetPath).replace(/\.[cm]?[tj]sx?$/, '') || 'index';
  if (only && !only.includes(rest)) return `src-core/${from} may import only ${only.map((f) => `${to}/${f}`).join(', ')} of src-core/${to}`;
  return undefined;
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
      else if (NETWORK_PACKAGES.test(spec)) add('src-core must not use the network (clients live in src-renderer or src-main)');
      else if (spec.startsWith('.')) {
        const broken = grainViolation(root, file, resolve(dirname(file), spec));
        if (broken) add(broken);
      }
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
      const net = NETWORK_GLOBALS.exec(text);
      if (net) out.push({ file: relative(root, file), line: i + 1, specifier: net[1] ?? net[2], rule: 'src-core must not use the network (clients live in src-renderer or src-main)' });
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

/** The renderer's folders (and top files) and those each imports: the graph the circle check reads. */
export function rendererEdges(root: string, files: readonly { file: string; source: string }[]): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  const base = join(root, 'src-renderer');
  for (const { file, source } of files) {
    const from = partOf(root, file) ?? '';
    for (const m of stripComments(source).matchAll(IMPORT_RE)) {
      if (!m[1].startsWith('.')) continue;
      const target = resolve(dirname(file), m[1]);
      const to = target.startsWith(base + sep) ? partOf(root, target) : undefined;
      if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  return edges;
}

/** Every import circle between the graph's nodes, each once, as the path that closes it. */
export function circles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const found = new Map<string, string[]>();
  const walk = (node: string, path: string[]): void => {
    for (const next of edges.get(node) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) {
        const loop = path.slice(at);
        const key = [...loop].sort().join(' ');
        if (!found.has(key)) found.set(key, [...loop, next]);
      } else walk(next, [...path, next]);
    }
  };
  for (const start of [...edges.keys()].sort()) walk(start, [start]);
  return [...found.values()];
}

export function checkTree(root: string): Violation[] {
  const layers = (['src-core', 'src-main', 'src-renderer'] as const).map((layer) => sourceFiles(join(root, layer)).map((file) => ({ file, source: readFileSync(file, 'utf8') })));
  const out = layers.flat().flatMap(({ file, source }) => checkSource(root, file, source));
  for (const loop of circles(rendererEdges(root, layers[2]))) {
    out.push({ file: `src-renderer/${loop[0]}`, line: 0, specifier: loop.join(' → '), rule: 'src-renderer\'s folders must not import each other in a circle' });
  }
  return out;
}
