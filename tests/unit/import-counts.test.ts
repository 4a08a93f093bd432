/**
 * check, import and compose count the same articles on the sample page (a 通栏 banner line is a
 * page item, not an article: compose places it as a headline-only block but does not count it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run as check } from '../../src-main/cli/commands/check';
import { gather, run as compose } from '../../src-main/cli/commands/compose';
import { run as importCommand } from '../../src-main/cli/commands/import';

const sample = join(resolve(fileURLToPath(new URL('../..', import.meta.url))), 'assets/samples/luoyang-daily-page.txt');
const dir = mkdtempSync(join(tmpdir(), 'banmian-counts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function printed(run: () => Promise<number>): Promise<string> {
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    await run();
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
  return lines.join('\n');
}

describe('article counts agree across the commands', () => {
  it('check, import and compose all count 9 articles on the sample (the banner is counted apart)', async () => {
    const checked = await printed(() => check([sample]));
    const imported = await printed(() => importCommand([sample]));
    const composed = await printed(() => compose([sample, '-o', join(dir, 'page.pdf')]));
    expect(checked).toMatch(/\n9 articles, /);
    expect(imported).toMatch(/，9 篇稿件 articles，/);
    expect(composed).toMatch(/\(9 篇稿件 articles, 1 条通栏 banners, 1 张图片 images\)/);
  }, 60_000);

  it('check reads the page as compose gathers it: the same articles, the banner apart (one importer, one splitter)', async () => {
    const gathered = await gather([sample]);
    if ('zh' in gathered) throw new Error(gathered.en);
    const composed = gathered.articles.filter((a) => !gathered.bannerIds.has(a.id)).map((a) => a.headline);
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
    try {
      await check([sample, '--json']);
    } finally {
      log.mockRestore();
    }
    const out = JSON.parse(lines.join('\n')) as { articles: number; banners: number; findings: { articleId: string }[] };
    expect(composed).toHaveLength(9);
    expect(out.articles).toBe(composed.length);
    expect(out.banners).toBe(gathered.bannerIds.size);
  }, 60_000);
});
