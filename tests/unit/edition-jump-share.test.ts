/**
 * A front-page lead that continues (转版) keeps its opening on the front page — at least a quarter of
 * its text — and the page's lowest-ranked stories are held over for it, not the other way round (the
 * field test's 8-page edition kept one paragraph of 17 on page 1). Checked from the page's PDF.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FIRST_PART_SHARE } from '../../src-core/edition/continue';
import { run as edition } from '../../src-main/cli/commands/edition';

const dir = mkdtempSync(join(tmpdir(), 'banmian-jump-share-'));
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const han = (s: string): string => s.replace(/[^\u4e00-\u9fff]/g, '');

describe('edition: how much of a continued lead stays on its first page', () => {
  it('keeps at least a quarter of the lead on page 1, holding over page 1\'s last stories for it', async () => {
    // distinct paragraphs of public news text (《人民日报》 1998, tests/fixtures/proof/clean/CREDITS.md): three sentences each
    const sentences = readFileSync(fileURLToPath(new URL('../fixtures/proof/clean/renmin-ribao-1998.txt', import.meta.url)), 'utf8').split('\n').filter((l) => l.trim());
    const paragraphs = Array.from({ length: Math.floor(sentences.length / 3) }, (_, i) => sentences.slice(3 * i, 3 * i + 3).join(''));
    let next = 0;
    const take = (chars: number): string[] => {
      const out: string[] = [];
      for (let n = 0; n < chars; n += out[out.length - 1].length) out.push(paragraphs[next++]);
      return out;
    };
    mkdirSync(join(dir, 'day'));
    const lead = take(3500);
    const write = (name: string, headline: string, body: string[]): string => {
      writeFileSync(join(dir, 'day', name), `主题：${headline}\n本报记者 张三\n\n${body.join('\n\n')}\n`);
      return `day/${name}`;
    };
    const page1 = [write('01.txt', '全市重点项目集中开工', lead), ...[2000, 1800, 1600, 1500, 1400, 1300].map((n, i) => write(`0${i + 2}.txt`, `第一版稿件${i + 2}`, take(n)))];
    const page2 = [write('11.txt', '第二版稿件一', take(1200))];
    const plan = { paper: '测试日报', date: '2026-12-04', format: 'broadsheet', pages: [{ number: 1, name: '要闻', articles: page1 }, { number: 2, name: '综合', articles: page2 }], continue: [{ article: 'day/01.txt', from: 1, to: 2 }] };
    writeFileSync(join(dir, 'PLAN.json'), JSON.stringify(plan));
    const logs: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void logs.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void logs.push(a.join(' ')));
    expect(await edition([join(dir, 'PLAN.json'), '-o', join(dir, 'out'), '--proof', '--force']), logs.join('\n')).toBe(0);
    const raw = (n: number) => execFileSync('pdftotext', ['-raw', join(dir, 'out', `20261204-0${n}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s/g, '');
    const [one, two] = [han(raw(1)), han(raw(2))];
    // the lead's paragraphs printed on page 1 (each paragraph is on one page only: a cut falls between paragraphs)
    const onOne = lead.filter((p) => one.includes(han(p).slice(0, 24)));
    expect(onOne.length, logs.join('\n')).toBeGreaterThan(0);
    expect(lead.filter((p) => two.includes(han(p).slice(0, 24))).length).toBe(lead.length - onOne.length);
    expect(han(onOne.join('')).length).toBeGreaterThanOrEqual(han(lead.join('')).length * FIRST_PART_SHARE * 0.9);
    expect(raw(1)).toContain('下转第2版');
    expect(raw(2)).toContain('上接第1版');
    // what did not fit is held over by name
    expect(logs.join('\n')).toMatch(/待用/);
  }, 180_000);
});
