/**
 * Two-page editions made from distinct paragraphs of public news text (《人民日报》 1998,
 * tests/fixtures/proof/clean/CREDITS.md): page 1's first story continues on page 2. Each story's
 * paragraphs occur nowhere else, so a test can find each of them in the printed pages (pdftotext).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { run as edition } from '../../src-main/cli/commands/edition';

/** The Han characters of a text (what the checks compare: pdftotext's spacing and punctuation vary). */
export const han = (s: string): string => s.replace(/[^\u4e00-\u9fff]/g, '');

// three sentences a paragraph
const sentences = readFileSync(fileURLToPath(new URL('../fixtures/proof/clean/renmin-ribao-1998.txt', import.meta.url)), 'utf8').split('\n').filter((l) => l.trim());
const paragraphs = Array.from({ length: Math.floor(sentences.length / 3) }, (_, i) => sentences.slice(3 * i, 3 * i + 3).join(''));
let next = 0;

/** Paragraphs not taken before (in this test file) of at least `chars` characters together. */
export function take(chars: number): string[] {
  const out: string[] = [];
  for (let n = 0; n < chars; n += out[out.length - 1].length) {
    if (next >= paragraphs.length) throw new Error('the fixture text is used up');
    out.push(paragraphs[next++]);
  }
  return out;
}

export interface Story {
  headline: string;
  body: string[];
}

/** How many times each of `paragraphs` is printed in `text` (its Han characters; a paragraph is never cut, so it is whole on one page). */
export function timesPrinted(paragraphs: readonly string[], text: string): number[] {
  const printed = han(text);
  return paragraphs.map((p) => printed.split(han(p)).length - 1);
}

/**
 * A two-page plan in `dir/name`: page 1's stories (the first continues to page 2), page 2's, the
 * ads of each; `edition` run on it with `args`; its exit, its logs, each page's text (pdftotext -raw,
 * without spaces) and the output folder.
 */
export async function twoPages(dir: string, name: string, page1: Story[], page2: Story[], opts: { ads?: [unknown[], unknown[]]; args?: string[] } = {}) {
  const root = join(dir, name);
  mkdirSync(join(root, 'day'), { recursive: true });
  const write = (file: string, a: Story): string => {
    writeFileSync(join(root, 'day', file), `主题：${a.headline}\n本报记者 张三\n\n${a.body.join('\n\n')}\n`);
    return `day/${file}`;
  };
  const one = page1.map((a, i) => write(`0${i + 1}.txt`, a));
  const two = page2.map((a, i) => write(`1${i + 1}.txt`, a));
  const pages = [{ number: 1, name: '要闻', articles: one, ads: opts.ads?.[0] ?? [] }, { number: 2, name: '综合', articles: two, ads: opts.ads?.[1] ?? [] }];
  writeFileSync(join(root, 'PLAN.json'), JSON.stringify({ paper: '测试日报', date: '2026-12-04', format: 'broadsheet', pages, continue: [{ article: one[0], from: 1, to: 2 }] }));
  const logs: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void logs.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void logs.push(a.join(' ')));
  const out = join(root, 'out');
  const code = await edition([join(root, 'PLAN.json'), '-o', out, ...(opts.args ?? ['--proof', '--force'])]);
  vi.restoreAllMocks();
  const raw = (n: number) => execFileSync('pdftotext', ['-raw', join(out, `20261204-0${n}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s/g, '');
  return { code, logs, raw, out };
}
