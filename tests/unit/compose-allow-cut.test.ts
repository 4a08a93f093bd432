/**
 * `compose --allow-cut` (issue 16): an article too long for the page, with paragraphs marked 可删
 * (`【可删】` in its text file), is held over without the flag; with it, it is placed with just
 * enough marked paragraphs cut, and the report names them. Checked from the PDF with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run as compose } from '../../src-main/cli/commands/compose';
import { capturedConsole } from '../support/console-capture';

const SAMPLE = 'assets/samples/luoyang-daily-page.txt';
const dir = mkdtempSync(join(tmpdir(), 'banmian-cut-'));
const PAGE = ['--format', '200x200mm', '--columns', '4', '--proof'];
const pdfText = (pdf: string): string => execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
const han = (s: string): string[] => [...s].filter((c) => /\p{Script=Han}/u.test(c));
const counts = (s: string): Map<string, number> => {
  const m = new Map<string, number>();
  for (const c of han(s)) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
};

const sample = readFileSync(SAMPLE, 'utf8').split('\n').filter((l) => l.length > 60 && !l.includes('如图')).map((l) => l.replace(/\s+/g, ''));
/** The long article: four paragraphs to keep, then twenty marked 可删, each tagged so it can be found. */
const kept = sample.slice(0, 4).map((p, i) => `甲${'一二三四'[i]}段，${p}`);
const marked = sample.slice(5, 25).map((p, i) => `乙${i + 1}号段，${p}`);
const HEADLINE = '一篇可以删段的长稿';
const SHORT = '另一篇短稿件的标题';

const logs = capturedConsole(dir);
let files: string[] = [];
beforeAll(() => {
  files = [join(dir, '01.txt'), join(dir, '02.txt')];
  writeFileSync(files[0], `主题：${HEADLINE}\n\n${[...kept, ...marked.map((p) => `【可删】${p}`)].join('\n\n')}\n`);
  writeFileSync(files[1], `主题：${SHORT}\n\n${sample[25]}\n`);
});

describe('compose --allow-cut', () => {
  it('without it, the article too long for the page is held over and listed; the input is untouched', async () => {
    const before = readFileSync(files[0]);
    logs.length = 0;
    expect(await compose([...files, '-o', join(dir, 'whole.pdf'), ...PAGE])).toBe(0);
    expect(logs.some((l) => l.includes('待用 held over') && l.includes(HEADLINE))).toBe(true);
    expect(logs.some((l) => l.includes('删段 cut'))).toBe(false);
    expect(pdfText(join(dir, 'whole.pdf'))).not.toContain('甲一段');
    expect(readFileSync(files[0]).equals(before)).toBe(true);
  });

  it('with it, the article is placed with the last marked paragraphs cut, named in the report (zh first, en second); the PDF has the kept text once and no cut paragraph', async () => {
    logs.length = 0;
    expect(await compose([...files, '-o', join(dir, 'cut.pdf'), '--allow-cut', ...PAGE])).toBe(0);
    expect(logs.some((l) => l.includes('待用 held over') && l.includes(HEADLINE))).toBe(false);
    const report = logs.find((l) => l.startsWith('  删段 cut:'))!;
    expect(report).toBeDefined();
    const [zh, en] = report.split('\n');
    expect(zh).toMatch(/删去可删段落 \d+ 段/);
    expect(en).toMatch(/cuttable paragraphs cut/);
    const t = pdfText(join(dir, 'cut.pdf'));
    // which marked paragraphs made the page: a first run of them, the rest cut from the end
    const printed = marked.filter((p) => t.includes(p.slice(0, 5)));
    const cut = marked.slice(printed.length);
    expect(printed).toEqual(marked.slice(0, printed.length));
    expect(cut.length).toBeGreaterThan(0);
    // the report quotes the first cut paragraph by its opening, and no printed one
    expect(zh).toContain(`“${cut[0].slice(0, 5)}`);
    for (const p of printed) expect(zh).not.toContain(`“${p.slice(0, 5)}`);
    // every Han character of the page exactly as often as the headlines and the kept text have it
    // the short article is placed or listed as held over (a page this full may hold it over)
    const shortHeld = logs.some((l) => l.includes('待用 held over') && l.includes(SHORT));
    const expected = counts([HEADLINE, ...kept, ...printed, ...(shortHeld ? [] : [SHORT, sample[25]])].join(''));
    const got = counts(t);
    for (const [c, n] of expected) expect(`${c}×${got.get(c) ?? 0}`).toBe(`${c}×${n}`);
    expect(han(t).length).toBe([...expected.values()].reduce((a, b) => a + b, 0));
    for (const p of cut) expect(t).not.toContain(p.slice(0, 5));
  });
});
