import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBanmianFile, saveBanmianFile, writeFileAtomic } from '../../src-main/files/banmian-file';
import { samplePage } from '../../bench/pages';

const dir = mkdtempSync(join(tmpdir(), 'banmian-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has just ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid!;
}

describe('atomic save: what it leaves and keeps around the file', () => {
  it('removes the temporary files of killed saves on the next save, and on open', () => {
    const sub = mkdtempSync(join(dir, 'temps-'));
    const page = join(sub, 'page.banmian');
    expect(saveBanmianFile(page, samplePage()).ok).toBe(true);
    const stale = [`.page.banmian.${deadPid()}.lx1.tmp`, `.page.banmian.${process.pid}.lx2.tmp`];
    const kept = [`.page.banmian.${process.ppid}.lx3.tmp`, `.other.banmian.${deadPid()}.lx4.tmp`];
    for (const name of [...stale, ...kept]) writeFileSync(join(sub, name), 'half a page');
    expect(saveBanmianFile(page, samplePage()).ok).toBe(true);
    // a live process's save may be under way; another file's temps are that file's business
    expect(readdirSync(sub).sort()).toEqual([...kept, 'page.banmian'].sort());

    const again = `.page.banmian.${deadPid()}.lx5.tmp`;
    writeFileSync(join(sub, again), 'half a page');
    expect(loadBanmianFile(page).ok).toBe(true);
    expect(readdirSync(sub)).not.toContain(again);
  });

  it('keeps the permissions of the file it replaces', () => {
    const page = join(dir, 'private.banmian');
    writeFileSync(page, 'old');
    chmodSync(page, 0o600);
    expect(writeFileAtomic(page, 'new').ok).toBe(true);
    expect(statSync(page).mode & 0o777).toBe(0o600);
    chmodSync(page, 0o640);
    expect(writeFileAtomic(page, 'newer').ok).toBe(true);
    expect(statSync(page).mode & 0o777).toBe(0o640);
    expect(readFileSync(page, 'utf8')).toBe('newer');
  });

  it('writes through a symlink to its target and leaves the link a link', () => {
    const sub = mkdtempSync(join(dir, 'link-'));
    const target = join(sub, 'real.banmian');
    const link = join(sub, 'link.banmian');
    writeFileSync(target, 'old');
    symlinkSync('real.banmian', link);
    expect(writeFileAtomic(link, 'new').ok).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(sub).sort()).toEqual(['link.banmian', 'real.banmian']);
  });
});
