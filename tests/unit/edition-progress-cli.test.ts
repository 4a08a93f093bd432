/**
 * Export of an edition says how far it is: `edition PLAN -o DIR` and `export EDITION -o DIR` print
 * 第N/M版 … per page and the combined file last to stderr, zh then en, and only the report to stdout.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as edition } from '../../src-main/cli/commands/edition';
import { run as exportCommand } from '../../src-main/cli/commands/export';
import { PLAN } from '../support/edition-fixture';

const dir = mkdtempSync(join(tmpdir(), 'banmian-edprogress-'));
const saved = join(dir, 'day.banmian');
let out: string[] = [];
let err: string[] = [];

/** The lines each run should print to stderr, checked by hand against the fixture's three pages. */
const PROGRESS = [
  '第1/3版（第1版）：20261203-01.pdf / page 1 of 3 (page 1): 20261203-01.pdf',
  '第2/3版（第2版）：20261203-02.pdf / page 2 of 3 (page 2): 20261203-02.pdf',
  '第3/3版（第3版）：20261203-03.pdf / page 3 of 3 (page 3): 20261203-03.pdf',
  '整期合订 3 版：20261203.pdf / combined edition of 3 pages: 20261203.pdf',
];

async function capture(run: () => Promise<number>): Promise<number> {
  out = [];
  err = [];
  return run();
}

beforeAll(() => {
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
});
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('edition export progress on stderr', () => {
  it('edition PLAN -o DIR: one line per page, then the combined file', async () => {
    const code = await capture(() => edition([PLAN, '-o', join(dir, 'made'), '--proof', '--save', saved]));
    expect(code, [...out, ...err].join('\n')).toBe(0);
    expect(err).toEqual(PROGRESS);
    expect(out.some((l) => l.startsWith('第'))).toBe(true);
    expect(out.filter((l) => PROGRESS.includes(l))).toEqual([]);
  }, 120_000);

  it('export EDITION -o DIR: the same lines, and the files they name are written', async () => {
    const code = await capture(() => exportCommand([saved, '-o', join(dir, 'exported'), '--proof']));
    expect(code, [...out, ...err].join('\n')).toBe(0);
    expect(err).toEqual(PROGRESS);
    expect(readdirSync(join(dir, 'exported')).sort()).toEqual(['20261203-01.pdf', '20261203-02.pdf', '20261203-03.pdf', '20261203.pdf']);
  }, 120_000);
});
