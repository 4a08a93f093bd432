/**
 * Fuzz: 200 broken .banmian pages (a seeded generator damaging the real sample page, see
 * broken-pages.ts) through preflight, layout, export and check. The 800 runs go through the CLI's
 * own entry (`main`) in four child processes, one per command, each running its 200 files in turn
 * (cli-batch-runner.ts): a process per run would cost ~1 s of start-up each, 800 s in all. A few
 * pages also go through the real command line (`tsx src-main/cli/index.ts`), one process per run.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenPages } from './broken-pages';
import type { Run } from './cli-batch-runner';


const run = promisify(execFile);
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TSX = join(root, 'node_modules/tsx/dist/cli.mjs');
const SEED = 20240611;
const COUNT = 200;
const COMMANDS = ['preflight', 'layout', 'export', 'check'] as const;
const LIMIT_MS = 10_000;
const LIMIT_KB = 1024 * 1024;
/** What a raw JavaScript error looks like when it leaks to the user. */
const RAW_ERROR = /Cannot read propert|Cannot convert|TypeError|RangeError|ReferenceError|SyntaxError|Maximum call stack|is not a function|is not iterable|at Object\.|\n\s+at \S+ \(|heap out of memory/;

const dir = mkdtempSync(join(tmpdir(), 'banmian-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pages = brokenPages(SEED, COUNT);
const files = pages.map((p, i) => {
  const file = join(dir, `p${String(i).padStart(3, '0')}.banmian`);
  writeFileSync(file, p.bytes);
  return file;
});
const digest = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const before = files.map(digest);


async function batch(command: string): Promise<{ runs: Run[]; maxRssKb: number }> {
  const out = join(dir, `out-${command}`);
  mkdirSync(out, { recursive: true });
  const r = await run(process.execPath, [TSX, join(root, 'tests/unit/cli-batch-runner.ts'), command, out, ...files], { cwd: root, maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  return JSON.parse(r.stdout) as { runs: Run[]; maxRssKb: number };
}

const problem = (r: Run, name: string): string | undefined => {
  if (r.thrown) return `threw: ${r.thrown.slice(0, 300)}`;
  if (RAW_ERROR.test(r.output)) return `raw error: ${r.output.slice(0, 300)}`;
  if (r.ms > LIMIT_MS) return `took ${Math.round(r.ms)} ms`;
  if (r.code === null || ![0, 1, 4].includes(r.code)) return `exit ${r.code}`;
  if (r.code === 1 && !/[\u4e00-\u9fff]/.test(r.output)) return `refused without a Chinese message (${name})`;
  return undefined;
};

describe('fuzz: broken pages through the CLI', () => {
  it(`${COUNT} broken pages × ${COMMANDS.length} commands: clear messages, bounded time and memory, inputs untouched`, async () => {
    // two at a time: the machine has two cores
    const results = [...(await Promise.all(COMMANDS.slice(0, 2).map(batch))), ...(await Promise.all(COMMANDS.slice(2).map(batch)))];
    const failures: string[] = [];
    let tried = 0;
    results.forEach((res, k) => {
      expect(res.runs).toHaveLength(COUNT);
      res.runs.forEach((r, i) => {
        tried++;
        const p = problem(r, pages[i].name);
        if (p) failures.push(`${COMMANDS[k]} ${pages[i].name}: ${p}`);
      });
    });
    const peakMb = Math.max(...results.map((r) => r.maxRssKb)) / 1024;
    const slowest = Math.max(...results.flatMap((r) => r.runs.map((x) => x.ms)));
    const codes = results.map((res, k) => `${COMMANDS[k]} ${JSON.stringify(res.runs.reduce<Record<string, number>>((m, r) => ({ ...m, [String(r.code)]: (m[String(r.code)] ?? 0) + 1 }), {}))}`);
    console.log(`fuzz: ${tried} runs, ${failures.length} failed; peak RSS ${peakMb.toFixed(0)} MB; slowest run ${Math.round(slowest)} ms; exit codes ${codes.join(', ')}`);
    expect(failures.slice(0, 10)).toEqual([]);
    expect(peakMb * 1024).toBeLessThan(LIMIT_KB);
    expect(files.map(digest)).toEqual(before);
  });

  it('the worst pages through the real command line, one process per run, under 10 s and 1 GB', async () => {
    const worst = ['100,000 blocks', 'nesting bomb', '20,000 articles', 'one image of 8 MB base64'].map((what) => files[pages.findIndex((p) => p.name.startsWith(what))]);
    const lines: string[] = [];
    for (const file of worst) {
      for (const command of COMMANDS) {
        const args = command === 'export' ? [file, '-o', join(dir, 'real.pdf')] : [file];
        const r = await run('/usr/bin/time', ['-f', 'rss=%M', process.execPath, TSX, join(root, 'src-main/cli/index.ts'), command, ...args], { cwd: root, timeout: LIMIT_MS * 3 }).catch((e: { code: number; stdout: string; stderr: string }) => e);
        const rss = Number(/rss=(\d+)/.exec(r.stderr)?.[1]);
        lines.push(`${command} ${file.slice(-13)} ${rss} KB`);
        expect(rss).toBeLessThan(LIMIT_KB);
        expect(`${r.stdout}${r.stderr}`).not.toMatch(RAW_ERROR);
        expect(`${r.stdout}${r.stderr}`).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    console.log(`real command line: ${lines.join('; ')}`);
    expect(files.map(digest)).toEqual(before);
  }, 4 * COMMANDS.length * LIMIT_MS); // each of the 16 runs has its own 10 s bound (the file's default 60 s is shorter than their sum on a busy machine)
});
