/**
 * check, import and compose count the same articles on the sample page (a 通栏 banner line is a
 * page item, not an article: compose places it as a headline-only block but does not count it).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run as check } from '../../src-main/cli/commands/check';
import { gather, run as compose } from '../../src-main/cli/commands/compose';
import { run as importCommand } from '../../src-main/cli/commands/import';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const sample = join(root, 'assets/samples/luoyang-daily-page.txt');
const fixture = (p: string): string => join(root, 'tests/fixtures/import', p);
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

  /** Each command's own article count, read from what it prints (check --json, the import summary, compose's input line). */
  async function counts(files: string[]): Promise<{ check: number; import: number; compose: number }> {
    const checked = JSON.parse(await printed(() => check([...files, '--json']))) as { articles: number };
    const imported = /，(\d+) 篇稿件 articles，/.exec(await printed(() => importCommand(files)));
    const composed = /输入 input \((\d+) 篇稿件 articles/.exec(await printed(() => compose([...files, '-o', join(dir, 'counts.pdf')])));
    return { check: checked.articles, import: Number(imported?.[1]), compose: Number(composed?.[1]) };
  }

  // A Markdown page of three articles under a 栏目 label: # starts an article, ## under it is its deck.
  const threeMd = join(dir, 'three.md');
  writeFileSync(threeMd, '栏目：一把手访谈\n\n# 第一篇标题\n\n第一篇正文，说了一些事情。\n\n# 第二篇标题\n\n## ——副题在这里\n\n第二篇正文，也说了一些事情。\n\n# 第三篇标题\n\n第三篇正文。\n');
  const day = (name: string): string => fixture(`copydesk/day/${name}`);
  // Expected counts by hand: one article per titled piece of copy; the column name and pictures are not articles.
  const cases: [string, string[], number][] = [
    ['a Markdown manuscript with kicker, headline and deck headings', [fixture('copydesk/labels/05-headings.md')], 1],
    ['a Markdown page of three articles under a column name', [threeMd], 3],
    ['a .docx story with two pictures', [fixture('story.docx')], 1],
    ['a .docx with heading styles', [fixture('headings.docx')], 1],
    ["a day's set: text, Markdown with its picture, a stand-alone photo and a .docx", [day('01.txt'), day('02.md'), day('05.jpg'), fixture('story.docx')], 3],
  ];
  for (const [name, files, expected] of cases) {
    it(`check, import and compose count ${expected} on ${name}`, async () => {
      expect(await counts(files)).toEqual({ check: expected, import: expected, compose: expected });
    }, 60_000);
  }
});
