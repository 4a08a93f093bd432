import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src-main/cli/index';
import { COMMANDS } from '../../src-main/cli/command-table';
import { saveBanmianFile } from '../../src-main/files/banmian-file';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { samplePage } from '../../bench/pages';

const SAMPLE = 'assets/samples/luoyang-page.banmian';
const dir = mkdtempSync(join(tmpdir(), 'banmian-manners-'));
const page = join(dir, 'page.banmian');
copyFileSync(SAMPLE, page);
const original = readFileSync(page);

const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
const printed = (spy: typeof out): string => spy.mock.calls.map((c) => String(c[0])).join('\n');
beforeEach(() => {
  out.mockClear();
  err.mockClear();
});
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('CLI manners', () => {
  it('--help and -h print every command’s usage (from the command table) and exit 0', async () => {
    for (const name of Object.keys(COMMANDS) as (keyof typeof COMMANDS)[]) {
      for (const help of ['--help', '-h']) {
        out.mockClear();
        expect(await main([name, help])).toBe(0);
        const text = printed(out);
        expect(text).toContain(`npm run banmian -- ${name} `);
        expect(text).toContain('退出码 Exit codes: 0 ');
        for (const option of Object.keys(COMMANDS[name].options)) expect(text).toContain(option.length === 1 ? `-${option} ` : `--${option}`);
      }
    }
    expect(await main(['--help'])).toBe(0);
    expect(printed(out)).toContain('compose');
    expect(await main([])).toBe(2);
  });

  it('an option a command does not know is a usage error in Chinese and English, with the usage, exit 2', async () => {
    // import reads its own flags (and its edit options) and says 未知参数 Unknown option
    for (const name of (Object.keys(COMMANDS) as (keyof typeof COMMANDS)[]).filter((n) => n !== 'import')) {
      err.mockClear();
      expect(await main([name, ...(name === 'fonts' ? [] : ['x']), '--no-such-option'])).toBe(2);
      const text = printed(err);
      expect(text).toContain("参数有误：Unknown option '--no-such-option'");
      expect(text).toContain("Invalid arguments: Unknown option '--no-such-option'");
      expect(text).toContain(`npm run banmian -- ${name} `);
    }
  });

  it('check exits 1 when it finds errors, 0 when it finds none', async () => {
    const doc = samplePage();
    doc.articles[0] = { ...doc.articles[0], body: docFromParagraphs(['今天天气很好,我们去公园。']) };
    const bad = join(dir, 'bad.banmian');
    expect(saveBanmianFile(bad, doc).ok).toBe(true);
    expect(await main(['check', bad])).toBe(1);
    expect(printed(out)).toContain('1 errors');
    expect(await main(['check', SAMPLE])).toBe(0);
    expect(await main(['check', join(dir, 'absent.banmian')])).toBe(1);
  });

  it('check names an input it cannot read and prints no report for nothing read; it reads a folder, and never a device', async () => {
    out.mockClear();
    expect(await main(['check', join(dir, 'absent.txt')])).toBe(1);
    expect(printed(err)).toContain(`找不到文件或文件夹：${join(dir, 'absent.txt')}\nno such file or folder: ${join(dir, 'absent.txt')}`);
    // no "0 characters … pass" for a file that was never read
    expect(printed(out)).toBe('');
    err.mockClear();
    expect(await main(['check', '/dev/zero'])).toBe(1);
    expect(printed(err)).toContain('不是普通文件');
    expect(printed(out)).toBe('');
    const folder = mkdtempSync(join(dir, 'copy-'));
    writeFileSync(join(folder, '01.txt'), '主题：测试稿件\n会议约有三、四十人参加。\n');
    expect(await main(['check', folder])).toBe(1);
    expect(printed(out)).toContain('1 errors');
  });
});

describe('CLI: an output never overwrites an input or another output', () => {
  const refused = async (args: string[]): Promise<string> => {
    expect(await main(args)).toBe(2);
    return printed(err);
  };

  it('refuses the input as the PDF, the PNG or the saved page, however the path is spelled', async () => {
    const rel = relative(process.cwd(), page);
    expect(await refused(['export', page, '-o', page, '--force'])).toContain('is the input');
    expect(await refused(['export', page, '-o', join(dir, 'x.pdf'), '--png', `${dir}/./page.banmian`])).toContain('is the input');
    expect(await refused(['export', rel, '--output', page])).toContain('is the input');
    const link = join(dir, 'link.banmian');
    symlinkSync(page, link);
    expect(await refused(['export', link, `--output=${page}`])).toContain('is the input');
    expect(await refused(['compose', page, '-o', join(dir, 'a.pdf'), '--save', page])).toContain('is the input');
    expect(await refused(['export', page, '-o', join(dir, 'b.pdf'), '--profile', join(dir, 'b.pdf')])).toContain('is the input');
    expect(readFileSync(page)).toEqual(original);
  });

  it('refuses two outputs that are one file', async () => {
    const x = join(dir, 'x.banmian');
    expect(await refused(['compose', page, '-o', join(dir, 'c.pdf'), '--save', x, '--png', x])).toContain('are the same file');
    expect(await refused(['export', page, '-o', join(dir, 'd.pdf'), '--png', join(dir, 'd.pdf')])).toContain('are the same file');
  });
});
