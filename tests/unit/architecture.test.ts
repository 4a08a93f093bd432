import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSource, checkTree } from '../../scripts/dependency-rule';

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
    expect(rules('src-renderer/App.tsx', "import { startWebHost } from '../src-main/web-host/server';")).toEqual(['src-renderer must not import src-main']);
    expect(rules('src-renderer/App.tsx', "import { ipcRenderer } from 'electron';")).toEqual(['src-renderer must not import Electron (use the HostApi bridge)']);
    expect(rules('src-main/cli.ts', "import App from '../src-renderer/App';")).toEqual(['src-main must not import src-renderer']);
    // the store is the page's only writer: its Yjs schema stays inside it, and store/proof stay apart
    expect(rules('src-core/proof/x.ts', "import { articleParts } from '../store/ydocs';")).toEqual(['only src-core/store may import its Yjs schema (src-core/store/ydocs)', 'src-core/proof must not import src-core/store']);
    expect(rules('src-core/proof/x.ts', "import { isSignedOff } from '../store/readers';")).toEqual(['src-core/proof must not import src-core/store']);
    expect(rules('src-core/store/x.ts', "import type { ProofNotes } from '../proof/proof-sheet';")).toEqual(['src-core/store must not import src-core/proof']);
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

  it('src-core type-checks with no DOM and no Node types', () => {
    // src-core/tsconfig.json leaves out the DOM lib and @types/node: using either fails to compile.
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', at('src-core/tsconfig.json')], { stdio: 'pipe' });
  });
});
