#!/usr/bin/env node
// `npm test`: type-check, unit tests (vitest), then the browser suite (web build + vitest e2e in
// Debian's Chromium). Prints each suite's counts and, last, one line `N passed, N failed` for CI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureTestFonts } from './test-fonts.mjs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (args, label) => {
  console.log(`\n== ${label}: ${args.join(' ')}`);
  return spawnSync(npx, args, { stdio: 'inherit', env: process.env }).status ?? 1;
};

mkdirSync('test-results', { recursive: true });
ensureTestFonts();
let passed = 0;
let failed = 0;
let skipped = 0;
let broken = false;

function suite(label, args, report) {
  rmSync(report, { force: true });
  const status = run([...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], label);
  try {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    // a file that failed to load has no failed test but fails the suite
    if (status !== 0 && r.numFailedTests === 0) {
      failed += 1;
      console.log(`${label}: the run failed outside any test (exit ${status})`);
    }
  } catch {
    failed += 1;
    broken = true;
    console.log(`${label}: no report was written (exit ${status})`);
  }
}

const typecheck = run(['tsc', '--noEmit', '-p', 'tsconfig.json'], 'type-check');
if (typecheck !== 0) {
  failed += 1;
  console.log('type-check failed');
}
suite('unit', ['vitest', 'run'], 'test-results/unit.json');
const build = run(['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], 'web build');
if (build !== 0) {
  failed += 1;
  broken = true;
} else {
  suite('browser', ['vitest', 'run', '--config', 'vitest.e2e.config.ts'], 'test-results/e2e.json');
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || broken ? 1 : 0);
