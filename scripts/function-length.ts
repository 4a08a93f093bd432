/**
 * "Functions that fit on a screen" (DESIGN.md, Conventions), as code: every function in src-core,
 * src-main and src-renderer longer than FUNCTION_LINE_LIMIT lines must say why beside it, in a
 * comment just above it that starts `Long on purpose:` followed by the reason. Used by
 * tests/unit/function-length.test.ts. Reads sources with the TypeScript parser, so arrow functions,
 * methods and React components count as well as function declarations.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const FUNCTION_LINE_LIMIT = 80;
export const LAYERS = ['src-core', 'src-main', 'src-renderer'] as const;
const REASON = /Long on purpose:\s*\S/;

export interface LongFunction {
  file: string;
  name: string;
  line: number;
  lines: number;
  /** The reason written beside it, if any. */
  reason?: string;
}

function nameOf(node: ts.Node, sf: ts.SourceFile): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name) return named.name.getText(sf);
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(sf);
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(sf);
  if (parent && ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText(sf).slice(0, 40)})`;
  return '(anonymous)';
}

/** The statement that holds the function: its comments are the ones written beside it. */
function holder(node: ts.Node): ts.Node {
  let n = node;
  while (n.parent && !ts.isSourceFile(n.parent) && !ts.isBlock(n.parent) && !ts.isClassLike(n.parent) && !ts.isObjectLiteralExpression(n.parent)) n = n.parent;
  return n;
}

function reasonOf(node: ts.Node, sf: ts.SourceFile): string | undefined {
  const text = sf.getFullText();
  const ranges = ts.getLeadingCommentRanges(text, holder(node).getFullStart()) ?? [];
  for (const r of ranges) {
    const comment = text.slice(r.pos, r.end);
    const m = comment.match(REASON);
    if (m) return comment.slice(m.index! + 'Long on purpose:'.length).replace(/\*\/$/, '').replace(/\s*\n\s*(\*|\/\/)?/g, ' ').trim();
  }
  return undefined;
}

/** Every function of one source text longer than `limit` lines, nested ones included. */
export function longFunctions(file: string, source: string, limit = FUNCTION_LINE_LIMIT): LongFunction[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const out: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
      const first = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const last = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > limit) out.push({ file, name: nameOf(node, sf), line: first + 1, lines, reason: reasonOf(node, sf) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.tsx?$/.test(entry) && !entry.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Long functions of the three source folders under `root`, paths relative to it. */
export function longFunctionsInTree(root: string, limit = FUNCTION_LINE_LIMIT): LongFunction[] {
  return LAYERS.flatMap((layer) => sources(join(root, layer)).flatMap((file) => longFunctions(relative(root, file), readFileSync(file, 'utf8'), limit)));
}

if (process.argv[1]?.endsWith('function-length.ts')) {
  for (const f of longFunctionsInTree(process.cwd())) console.log(`${f.lines}\t${f.file}:${f.line}\t${f.name}${f.reason ? `\t(${f.reason})` : ''}`);
}
