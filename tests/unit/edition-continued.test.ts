/**
 * A continued story's rest on a full later page: the 下转 line on its first page promises it there,
 * so it is made up on that page ahead of the page's own lower-ranked stories, never held over.
 * Checked from the page's PDF (pdftotext), not from the engine's report.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { writeEditionDay } from '../../bench/edition-day';
import { run as edition } from '../../src-main/cli/commands/edition';

const dir = mkdtempSync(join(tmpdir(), 'banmian-continued-'));
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('edition: a continued story on a full page', () => {
  it('sets the rest of page 1\'s lead on page 4 with its 上接 line, holding over page 4\'s own last stories instead', async () => {
    const { plan } = writeEditionDay(dir);
    const full = JSON.parse(readFileSync(plan, 'utf8')) as { pages: { number: number }[]; continue: { from: number }[] };
    // pages 1 and 4 of the 16-page day: page 4 holds five stories of ≈1,900 characters and an ad, more than it can take
    const two = { ...full, pages: full.pages.filter((p) => p.number === 1 || p.number === 4), continue: full.continue.filter((c) => c.from === 1) };
    writeFileSync(join(dir, 'TWO.json'), JSON.stringify(two));
    const logs: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void logs.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void logs.push(a.join(' ')));
    const code = await edition([join(dir, 'TWO.json'), '-o', join(dir, 'out'), '--proof']);
    expect(code, logs.join('\n')).toBe(0);
    const page4 = execFileSync('pdftotext', [join(dir, 'out', '20261203-04.pdf'), '-'], { encoding: 'utf8' }).replace(/\s/g, '');
    expect(page4).toContain('上接第1版');
    expect(page4).toContain('全市重点项目集中开工');
    expect(logs.join('\n')).not.toContain('转版的后半');
  }, 120_000);
});
