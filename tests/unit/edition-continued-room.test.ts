/**
 * The continued part of a story (转版的后半) is set on the page its 下转 line names, ahead of that
 * page's own lower-ranked stories (they are held over, named); when even then it does not fit, the
 * edition is blocked (exit 4, nothing written) — never a 下转 line naming a page without the story.
 * Checked from the pages' PDFs (pdftotext): each paragraph of the story printed exactly once.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { take, timesPrinted, twoPages } from '../support/two-page-plan';

const dir = mkdtempSync(join(tmpdir(), 'banmian-continued-room-'));
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('edition: the continued part on a page of its own stories and an ad', () => {
  it('sets the rest of page 1\'s lead on page 2, every paragraph once, holding page 2\'s own stories over instead (audit full2.json)', async () => {
    const lead = take(10500);
    const page1 = [{ headline: '千里黄河岸边的新变化', body: lead }, { headline: '第一版稿件二', body: take(1600) }];
    // page 2: seven stories of its own over a 200 mm bottom strip
    const page2 = [1150, 950, 950, 750, 650, 450, 420].map((n, i) => ({ headline: `第二版稿件${i + 1}`, body: take(n) }));
    const { code, logs, raw, out } = await twoPages(dir, 'full', page1, page2, { ads: [[{ name: '河洛银行', columns: 4, lines: 30, position: 'bottom-right' }], [{ name: '老字号酱菜', heightMm: 200, position: 'bottom-strip' }]], args: ['--proof'] });
    const log = logs.join('\n');
    expect(code, log).toBe(0);
    expect(raw(1).includes('下转第2版'), log).toBe(true);
    expect(raw(2).includes('上接第1版'), log).toBe(true);
    expect(timesPrinted(lead, raw(1) + raw(2)), log).toEqual(lead.map(() => 1));
    expect(log).not.toContain('转版的后半');
    expect(log).toMatch(/待用/);
    // ranked first on page 2 to make room for it, it keeps its continuation headline: smaller than on page 1, not the page lead's size
    const height = (n: number): number => {
      const words = [...execFileSync('pdftotext', ['-bbox-layout', join(out, `20261204-0${n}.pdf`), '-'], { encoding: 'utf8' }).matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)];
      const word = words.find((w) => w[3].includes('千里黄河'));
      return word ? Number(word[2]) - Number(word[1]) : 0;
    };
    expect(height(2), log).toBeGreaterThan(0);
    expect(height(2)).toBeLessThan(height(1) * 0.8);
  }, 240_000);

  it('blocks the edition when the rest is longer than page 2 can take: an error naming the story and both pages, exit 4, nothing written', async () => {
    const lead = take(15000);
    const { code, logs, out } = await twoPages(dir, 'too-long', [{ headline: '超长连载稿件测试', body: lead }], [{ headline: '第二版稿件一', body: take(600) }], { ads: [[], [{ name: '整版广告', heightMm: 380, position: 'bottom-strip' }]], args: ['--proof'] });
    const log = logs.join('\n');
    expect(code, log).toBe(4);
    expect(log).toMatch(/转版后半放不下：“超长连载稿件测试”（第1版转第2版）/);
    expect(log).toMatch(/The continued part does not fit: the rest of “超长连载稿件测试” \(page 1 continued on page 2\)/);
    expect(existsSync(out)).toBe(false);
  }, 240_000);
});
