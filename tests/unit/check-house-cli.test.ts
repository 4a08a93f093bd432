/**
 * `check --house FILE`: a paper's house lists through the CLI. A house word and a dismissed finding
 * take findings away (and their weight off the 差错率); its own banned expression is added; a wrong
 * house file is refused naming the file, zh and en, and no input changes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { samplePage } from '../../bench/pages';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { main } from '../../src-main/cli/index';
import { saveBanmianFile } from '../../src-main/files/banmian-file';

const dir = mkdtempSync(join(tmpdir(), 'banmian-house-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
beforeEach(() => {
  out.mockClear();
  err.mockClear();
});

const page = join(dir, 'page.banmian');
const doc = samplePage();
doc.articles[1] = { ...doc.articles[1], body: docFromParagraphs(['公司名叫按装科技，截止目前已有百人，老板说要扩产。']) };
/** The rules this test plants findings of (the sample's other articles report none of them). */
const PLANTED = ['banned-expression', 'confusable-word', 'wrong-word'];
const saved = saveBanmianFile(page, doc);
if (!saved.ok) throw new Error(saved.en);

async function checkJson(...extra: string[]): Promise<{ code: number; rules: string[]; errors: number }> {
  out.mockClear();
  const code = await main(['check', page, '--json', ...extra]);
  const r = JSON.parse(out.mock.calls.map((c) => String(c[0])).join('\n'));
  return { code, rules: r.findings.map((f: { rule: string }) => f.rule).filter((rule: string) => PLANTED.includes(rule)).sort(), errors: r.errors };
}

describe('check --house', () => {
  it('takes away what the house words and dismissals cover, adds its own banned expressions', async () => {
    const before = await checkJson();
    expect(before.rules).toEqual(['confusable-word', 'wrong-word']);
    const house = join(dir, 'house.json');
    writeFileSync(house, JSON.stringify({ words: ['按装科技'], ignore: [{ rule: 'confusable-word', text: '截止' }], banned: [{ expression: '老板', preferred: '负责人' }] }));
    const pageBytes = readFileSync(page);
    const after = await checkJson('--house', house);
    expect(after.rules).toEqual(['banned-expression']);
    // 按装 (wrong word, 1) and 截止 (confusable, 1) no longer count; 老板 is a warning that weighs nothing.
    expect(before.errors - after.errors).toBe(2);
    expect(after.code).toBe(0);
    expect(readFileSync(page)).toEqual(pageBytes);
  });

  it('refuses a wrong house file, naming it, in Chinese and English', async () => {
    const bad = join(dir, 'bad-house.json');
    writeFileSync(bad, '{"words": "按装科技"}');
    expect(await main(['check', page, '--house', bad])).toBe(1);
    const msg = err.mock.calls.map((c) => String(c[0])).join('\n');
    expect(msg).toContain('本报词表 bad-house.json：words 应为数组');
    expect(msg).toContain('house lists bad-house.json: words must be an array');
    expect(await main(['check', page, '--house', join(dir, 'absent.json')])).toBe(1);
    expect(err.mock.calls.map((c) => String(c[0])).join('\n')).toContain('absent.json');
  });
});
