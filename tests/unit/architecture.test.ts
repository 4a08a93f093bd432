import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CORE_GRAIN, checkSource, checkTree, circles, rendererEdges } from '../../scripts/dependency-rule';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const at = (p: string): string => join(root, p);

describe('the one-way dependency rule', () => {
  it('holds for the whole tree', () => {
    expect(checkTree(root)).toEqual([]);
  });

  it('catches each kind of violation (so the check above can fail)', () => {
    const rules = (file: string, src: string): string[] => checkSource(root, at(file), src).map((v) => v.rule);
    expect(rules('src-core/layout/x.ts', "import { readFileSync } from 'node:fs';")).toEqual(['src-core must not import Node built-ins']);
    expect(rules('src-core/layout/x.ts', "import path from 'path';")).toEqual(['src-core must not import Node built-ins']);
    expect(rules('src-core/layout/x.ts', "import { app } from 'electron';")).toEqual(['src-core must not import Electron']);
    expect(rules('src-core/layout/x.ts', "import { a } from '../../src-main/host/handlers';")).toEqual(['src-core must not import src-main']);
    expect(rules('src-core/x.ts', "export * from '../src-renderer/App';")).toEqual(['src-core must not import src-renderer']);
    expect(rules('src-core/x.ts', "const m = await import('../src-renderer/App');")).toEqual(['src-core must not import src-renderer']);
    expect(rules('src-core/svg/x.ts', 'const w = window.innerWidth;')).toEqual(['src-core must not use the DOM']);
    expect(rules('src-core/svg/x.ts', "const el = document.createElement('svg');")).toEqual(['src-core must not use the DOM']);
    // a field named like a DOM global (a make-up request's document) is not the DOM
    expect(rules('src-core/makeup/x.ts', 'const geo = gridGeometry(request.document.page);')).toEqual([]);
    expect(rules('src-core/x.ts', "const links = [...document.querySelectorAll('a')];")).toEqual(['src-core must not use the DOM']);
    expect(rules('src-core/x.ts', 'const o = { ...window.opts };')).toEqual(['src-core must not use the DOM']);
    expect(rules('src-core/x.ts', 'const b = globalThis.document.body;')).toEqual(['src-core must not use the DOM']);
    expect(rules('src-renderer/App.tsx', "import { startWebHost } from '../src-main/web-host/server';")).toEqual(['src-renderer must not import src-main']);
    expect(rules('src-renderer/App.tsx', "import { ipcRenderer } from 'electron';")).toEqual(['src-renderer must not import Electron (use the HostApi bridge)']);
    expect(rules('src-main/cli.ts', "import App from '../src-renderer/App';")).toEqual(['src-main must not import src-renderer']);
    // the store is the page's only writer: its Yjs schema stays inside it, and store/proof stay apart
    expect(rules('src-core/proof/x.ts', "import { articleParts } from '../store/ydocs';")).toEqual(['only src-core/store may import its Yjs schema (src-core/store/ydocs)', 'src-core/proof must not import src-core/store (may import: model, layout, pdf, typeset, import)']);
    expect(rules('src-core/proof/x.ts', "import { isSignedOff } from '../store/readers';")).toEqual(['src-core/proof must not import src-core/store (may import: model, layout, pdf, typeset, import)']);
    expect(rules('src-core/store/x.ts', "import type { ProofNotes } from '../proof/proof-sheet';")).toEqual(['src-core/store must not import src-core/proof (may import: model, story)']);
    expect(rules('src-main/server/x.ts', "import { layoutParts } from '../../src-core/store/ydocs';")).toEqual(['only src-core/store may import its Yjs schema (src-core/store/ydocs)']);
    expect(rules('src-renderer/find/x.ts', "import { proofParts } from '../../src-core/store/proof-doc';")).toEqual(['only src-core/store may import its Yjs schema (src-core/store/proof-doc)']);
    expect(rules('src-renderer/find/x.ts', "const m = doc.getMap<string>('meta');")).toEqual(['only src-core/store may reach into the Yjs documents (use store/readers.ts)']);
    expect(rules('src-main/server/x.ts', "document.getMap('signoff').observe(update);")).toEqual(['only src-core/store may reach into the Yjs documents (use store/readers.ts)']);
    expect(rules('src-core/store/x.ts', "import { articleParts } from './ydocs'; const m = doc.getMap('meta');")).toEqual([]);
    expect(rules('src-renderer/find/x.ts', "import { isSignedOff } from '../../src-core/store/readers';")).toEqual([]);
    // allowed directions
    expect(rules('src-main/cli.ts', "import { layout } from '../src-core/layout/layout';")).toEqual([]);
    expect(rules('src-renderer/App.tsx', "import { layout } from '../src-core/layout/layout';")).toEqual([]);
    expect(rules('src-core/layout/x.ts', "import * as fontkit from 'fontkit'; // window.x in a comment")).toEqual([]);
  });

  it('catches the grain inside src-core being crossed, and network code in it', () => {
    const rules = (file: string, src: string): string[] => checkSource(root, at(file), src).map((v) => v.rule);
    expect(rules('src-core/model/x.ts', "import { layout } from '../layout/layout';")).toEqual(['src-core/model must not import src-core/layout (may import: nothing in src-core)']);
    expect(rules('src-core/typeset/x.ts', "import type { PageLayout } from '../layout/page-layout';")).toEqual(['src-core/typeset must not import src-core/layout (may import: model, fonts)']);
    expect(rules('src-core/svg/x.ts', "import { layout } from '../layout/layout';")).toEqual(['src-core/svg may import only layout/page-layout of src-core/layout']);
    expect(rules('src-core/pdf/x.ts', "import { flowText } from '../layout/flow';")).toEqual(['src-core/pdf may import only layout/page-layout, layout/image-crop of src-core/layout']);
    expect(rules('src-core/preflight/x.ts', "import { fontEmbedding } from '../pdf/embeddable';")).toEqual(['src-core/preflight may import only pdf/index of src-core/pdf']);
    expect(rules('src-core/collab/x.ts', "import { HocuspocusProvider } from '@hocuspocus/provider';")).toEqual(['src-core must not use the network (clients live in src-renderer or src-main)']);
    expect(rules('src-core/collab/x.ts', 'const s = new WebSocket(url);')).toEqual(['src-core must not use the network (clients live in src-renderer or src-main)']);
    expect(rules('src-core/collab/x.ts', 'const r = await fetch(url);')).toEqual(['src-core must not use the network (clients live in src-renderer or src-main)']);
    expect(rules('src-core/newpart/x.ts', "import { a } from '../model/units';")).toEqual(['src-core/newpart is not in the rule table (CORE_GRAIN)']);
    // allowed: inside a part, the table's own rows, words in comments
    expect(rules('src-core/pdf/x.ts', "import type { PageLayout } from '../layout/page-layout';\nimport { probe } from '../import/image-probe';")).toEqual([]);
    expect(rules('src-core/preflight/x.ts', "import { fontEmbedding } from '../pdf';")).toEqual([]);
    expect(rules('src-core/model/x.ts', "import { a } from './units'; // fetch( new WebSocket")).toEqual([]);
  });

  it("catches an import circle between src-renderer's folders", () => {
    const file = (path: string, source: string) => ({ file: at(path), source });
    const edges = rendererEdges(root, [
      file('src-renderer/workspace/W.tsx', "import { Row } from '../ui/fields';\nimport { P } from '../proof/P';"),
      file('src-renderer/proof/P.tsx', "import { useSettledLayout } from '../workspace/use-preflight';\nimport { Row } from '../ui/fields';"),
      file('src-renderer/ui/fields.tsx', "import { EditorContext } from '../editor/use-editor';\nimport { x } from './other';"),
    ]);
    expect(circles(edges)).toEqual([['proof', 'workspace', 'proof']]);
    expect(circles(new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])]]))).toEqual([['a', 'b', 'c', 'a']]);
    expect(circles(new Map([['a', new Set(['b', 'c'])], ['b', new Set(['c'])]]))).toEqual([]);
  });

  it("docs/ARCHITECTURE.md's may-import column says what the rule table says", () => {
    const doc = readFileSync(at('docs/ARCHITECTURE.md'), 'utf8');
    const rows = new Map<string, string[]>();
    for (const line of doc.split('\n')) {
      const m = /^\| `src-core\/([a-z-]+)(?:\.ts)?` \|.*\|([^|]*)\|\s*$/.exec(line);
      if (m) rows.set(m[1], [...m[2].matchAll(/`([a-z-]+)`/g)].map((n) => n[1]).filter((n) => n in CORE_GRAIN).sort());
    }
    expect([...rows.keys()].sort()).toEqual(Object.keys(CORE_GRAIN).sort());
    for (const [part, named] of rows) expect({ part, named }).toEqual({ part, named: [...CORE_GRAIN[part].may].sort() });
  });

  it('src-core type-checks with no DOM and no Node types', () => {
    // src-core/tsconfig.json leaves out the DOM lib and @types/node: using either fails to compile.
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', at('src-core/tsconfig.json')], { stdio: 'pipe' });
  });
});
