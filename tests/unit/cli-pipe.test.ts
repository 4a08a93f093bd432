/**
 * The CLI's output through a pipe (`banmian import PAGE --json | jq`): a pipe is written to
 * asynchronously, and the process exited as soon as the command returned, so a long report was cut off
 * at 128 KB (the sample's import report is about 460 KB). The child's stdout here is a pipe.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');

describe('CLI output through a pipe', () => {
  it('import --json of the sample page arrives whole: parses as JSON, every article in it, exit 0', () => {
    const r = spawnSync(tsx, ['src-main/cli/index.ts', 'import', 'assets/samples/luoyang-daily-page.txt', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(128 * 1024);
    const report = JSON.parse(r.stdout) as { articles: unknown[] };
    expect(report.articles).toHaveLength(9);
  }, 90_000);
});
