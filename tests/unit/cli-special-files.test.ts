import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const dir = mkdtempSync(join(tmpdir(), 'banmian-special-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A named pipe with no writer: reading it blocks for ever, as /dev/zero never ends (the edition plan
 * read /dev/zero until the machine ran out of memory). Each command runs in a child process with a
 * deadline, so a command that still reads it fails this test instead of hanging the suite.
 */
const pipe = join(dir, 'pipe.banmian');
execFileSync('mkfifo', [pipe]);

function run(args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(tsx, ['src-main/cli/index.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stderr: r.stderr };
}

describe('CLI inputs that are not regular files', () => {
  const page = 'assets/samples/luoyang-page.banmian';
  const text = 'assets/samples/luoyang-daily-page.txt';
  const cases: [string, string[]][] = [
    ['export of a page', ['export', pipe, '-o', join(dir, 'a.pdf')]],
    ['preflight', ['preflight', pipe]],
    ['layout', ['layout', pipe]],
    ['a page template', ['compose', text, '-o', join(dir, 'b.pdf'), '--template', pipe]],
    ['an edition plan', ['edition', pipe, '-o', join(dir, 'ed')]],
    ['an output profile', ['export', page, '-o', join(dir, 'c.pdf'), '--profile', pipe, '--force']],
    ['a font file', ['compose', text, '-o', join(dir, 'd.pdf'), '--font', `song=${pipe}`]],
  ];
  it.each(cases)('%s: refused at once, naming the file, nothing written', (_, args) => {
    const r = run(args);
    expect(r.status).not.toBeNull();
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`${pipe}`);
    expect(r.stderr).toContain('not a regular file but a named pipe (FIFO)');
    expect(r.stderr).toContain('命名管道');
    for (const out of ['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf', 'ed']) expect(existsSync(join(dir, out))).toBe(false);
  }, 90_000);
});
