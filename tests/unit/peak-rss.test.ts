/**
 * The memory bound of the fuzz tests reads the child's own peak, not the test runner's: CI failed
 * every import-fuzz batch "over 1 GB" when the runner itself was that large (a forked child's
 * process.resourceUsage().maxRSS starts from its parent's).
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const hook = join(root, 'tests/support/peak-rss-hook.ts');

function childPeakKb(script: string): number {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--import', hook, '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  return Number(/BANMIAN_PEAK_RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
}

describe.runIf(process.platform === 'linux')('a child’s peak memory', () => {
  it('is its own, however large the process that started it', () => {
    const held = Buffer.alloc(700 * 1024 * 1024, 1); // written, so resident
    const idle = childPeakKb('');
    expect(held[held.length - 1]).toBe(1);
    expect(idle).toBeGreaterThan(10 * 1024);
    expect(idle).toBeLessThan(400 * 1024);
  });

  it('counts what the child itself takes', () => {
    const big = childPeakKb('globalThis.b = Buffer.alloc(500 * 1024 * 1024, 1)');
    expect(big).toBeGreaterThan(500 * 1024);
  });
});
