/**
 * The edition command on the test plan (tests/fixtures/edition: 3 tabloid pages, 2 ads, one story
 * continued from page 1 to page 3): wall time of the whole run (import, make-up with the jump's cut
 * search, preflight, the page PDFs and the combined one) and its peak memory. One line per figure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as edition } from '../src-main/cli/commands/edition';
import { median, printFigure } from './stats';

const dir = mkdtempSync(join(tmpdir(), 'banmian-edition-bench-'));
const quiet = console.log;
const times: number[] = [];
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
try {
  for (let i = 0; i < 3; i++) {
    console.log = () => {};
    const t = performance.now();
    const code = await edition(['tests/fixtures/edition/PLAN.json', '-o', join(dir, `run-${i}`)]);
    times.push(performance.now() - t);
    console.log = quiet;
    if (code !== 0) throw new Error(`edition exited ${code}`);
  }
} finally {
  console.log = quiet;
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
printFigure('edition.fixture.time', median(times), 'ms', 'median of 3, 3 pages + combined PDF, one jump');
printFigure('edition.fixture.peakRss', Math.round(peak / 1024 / 1024), 'MB', 'sampled every 20 ms');
