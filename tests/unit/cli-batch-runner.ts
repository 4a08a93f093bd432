/**
 * Runs one CLI command over many files in one process, through the CLI's own entry (`main`), so the
 * fuzz test need not start a process per run: `tsx cli-batch-runner.ts COMMAND OUTDIR FILE...`.
 * Prints one JSON line: each run's exit code, time, everything it printed and anything it threw,
 * and the process's peak resident memory.
 */
import { join } from 'node:path';
import { main } from '../../src-main/cli/index';
import { peakRssKb } from '../support/peak-rss';

export interface Run {
  file: string;
  code: number | null;
  ms: number;
  output: string;
  thrown?: string;
}

const [command, outDir, ...files] = process.argv.slice(2);
const runs: Run[] = [];
let output: string[] = [];
const capture = (...parts: unknown[]): void => void output.push(parts.map(String).join(' '));
console.log = capture;
console.error = capture;
console.warn = capture;

const argsFor = (file: string, i: number): string[] => {
  if (command === 'export') return ['export', file, '-o', join(outDir, `out-${i}.pdf`)];
  return [command, file];
};

for (const [i, file] of files.entries()) {
  output = [];
  const start = performance.now();
  let code: number | null = null;
  let thrown: string | undefined;
  try {
    code = await main(argsFor(file, i));
  } catch (e) {
    thrown = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e);
  }
  runs.push({ file, code, ms: performance.now() - start, output: output.join('\n'), ...(thrown ? { thrown } : {}) });
}
process.stdout.write(`${JSON.stringify({ runs, maxRssKb: peakRssKb() })}\n`);
