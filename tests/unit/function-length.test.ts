import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FUNCTION_LINE_LIMIT, longFunctions, longFunctionsInTree } from '../../scripts/function-length';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * Long functions not split yet, with what stands in the way. Each entry is debt: the test fails
 * when one is split (so the entry goes) as well as when a new long function appears without a
 * `Long on purpose:` reason beside it.
 */
const NOT_YET_SPLIT: Record<string, string> = {
};

describe(`functions fit on a screen (at most ${FUNCTION_LINE_LIMIT} lines, or a reason beside them)`, () => {
  const found = longFunctionsInTree(root);

  it('every long function in src-* has a reason written beside it or is listed as not yet split', () => {
    const unexplained = found.filter((f) => !f.reason && !NOT_YET_SPLIT[`${f.file}:${f.name}`]).map((f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines)`);
    expect(unexplained).toEqual([]);
  });

  it('the not-yet-split list holds only functions that are still long (split ones leave it)', () => {
    const long = new Set(found.map((f) => `${f.file}:${f.name}`));
    expect(Object.keys(NOT_YET_SPLIT).filter((k) => !long.has(k))).toEqual([]);
  });

  it('autoplace and PageCanvas are split', () => {
    const names = found.map((f) => f.name);
    expect(names).not.toContain('autoplace');
    expect(names).not.toContain('PageCanvas');
  });

  it('the scanner counts every kind of function and reads the reason beside it', () => {
    const body = Array.from({ length: FUNCTION_LINE_LIMIT }, (_, i) => `  x += ${i};`).join('\n');
    const src = [
      `function declared() {\n${body}\n}`,
      `const arrow = () => {\n${body}\n};`,
      `class K {\n  method() {\n${body}\n  }\n}`,
      `// Long on purpose: a table in spec order.\nexport function explained() {\n${body}\n}`,
      `function short() {\n  return 1;\n}`,
    ].join('\n');
    const long = longFunctions('x.tsx', src);
    expect(long.map((f) => f.name)).toEqual(['declared', 'arrow', 'method', 'explained']);
    expect(long.map((f) => f.lines)).toEqual([FUNCTION_LINE_LIMIT + 2, FUNCTION_LINE_LIMIT + 2, FUNCTION_LINE_LIMIT + 2, FUNCTION_LINE_LIMIT + 2]);
    expect(long.map((f) => f.reason)).toEqual([undefined, undefined, undefined, 'a table in spec order.']);
  });
});
