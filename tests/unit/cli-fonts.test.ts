/**
 * Issue 20 item 6 through the CLI: `fonts [--json]` lists installed faces with their roles, formats
 * and licence bits; `export`/`compose --font ROLE=FILE[#INDEX]` set a role or a style in a font file
 * (a face of a collection), which the PDF embeds as a subset under its PostScript name.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { samplePage } from '../../bench/pages';
import { main } from '../../src-main/cli/index';
import { saveBanmianFile } from '../../src-main/files/banmian-file';
import { fontProvider } from '../../src-main/fonts/provider';
import { CWTEX_FANGSONG, NOTO_CJK_DIR } from './test-fonts';

const dir = mkdtempSync(join(tmpdir(), 'banmian-cli-fonts-'));
process.env.BANMIAN_CACHE_DIR = join(dir, 'cache');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
beforeEach(() => {
  out.mockClear();
  err.mockClear();
});
const printed = (spy: typeof out) => spy.mock.calls.map((c) => String(c[0])).join('\n');

const page = join(dir, 'page.banmian');
const saved = saveBanmianFile(page, samplePage());
if (!saved.ok) throw new Error(saved.en);
const SANS = join(NOTO_CJK_DIR, 'NotoSansCJK-Regular.ttc');

describe('fonts and --font', () => {
  it('fonts --json lists each face of a folder with its family, style, file, index, format, licence bits and role', async () => {
    expect(await main(['fonts', '--json', '--dir', NOTO_CJK_DIR])).toBe(0);
    const { fonts } = JSON.parse(printed(out)) as { fonts: { family: string; style: string; file: string; index: number; format: string; embeddable: boolean; role: string; postscriptName: string }[] };
    const sc = fonts.find((f) => f.postscriptName === 'NotoSansCJKsc-Regular');
    expect(sc).toMatchObject({ family: 'Noto Sans CJK SC', style: 'Regular', file: SANS, format: 'cff', embeddable: true, role: 'hei' });
    expect(sc!.index).toBeGreaterThan(0);
    expect(new Set(fonts.filter((f) => f.file === SANS).map((f) => f.index)).size).toBeGreaterThanOrEqual(5);
  });

  it('fonts (text) names each family once, by its Chinese name first when it has one of its own', async () => {
    expect(await main(['fonts', '--dir', NOTO_CJK_DIR])).toBe(0);
    const lines = printed(out).split('\n');
    expect(lines.find((l) => l.endsWith('NotoSerifCJK-Regular.ttc#3'))).toMatch(/^Noto Serif CJK TC  Regular  CFF  可嵌入 embeddable  角色 role song  /);
    out.mockClear();
    expect(await main(['fonts', '--dir', dirname(CWTEX_FANGSONG)])).toBe(0);
    expect(printed(out).split('\n')[0]).toBe(`cwTeX 仿宋體 cwTeXFangSong  Medium  TrueType  可嵌入 embeddable  角色 role fangsong  ${CWTEX_FANGSONG}`);
  });

  it('export --font body=FILE#INDEX sets the body in that face of the collection, embedded as a subset', async () => {
    const index = 2; // JP, KR, SC, TC, HK in Noto's collections
    const pdf = join(dir, 'sans-body.pdf');
    expect(await main(['export', page, '-o', pdf, '--force', '--font', `body=${SANS}#${index}`])).toBe(0);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    const plain = join(dir, 'plain.pdf');
    expect(await main(['export', page, '-o', plain, '--force'])).toBe(0);
    expect(execFileSync('pdffonts', [plain], { encoding: 'utf8' })).not.toContain('NotoSansCJK');
  });

  it('compose --font song=FILE#INDEX makes up the page with the body in that face (pdffonts), the bundled 宋 not embedded', async () => {
    const pdf = join(dir, 'composed.pdf');
    const serif = join(NOTO_CJK_DIR, 'NotoSerifCJK-Regular.ttc');
    expect(await main(['compose', 'assets/samples/luoyang-daily-page.txt', '-o', pdf, '--force', '--proof', '--font', `song=${serif}#2`])).toBe(0);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSerifCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    expect(fonts).not.toContain('NotoSerifSC-Regular');
  });

  it('refuses a wrong --font value naming it, zh and en, and writes nothing', async () => {
    const pdf = join(dir, 'never.pdf');
    for (const value of ['bogus=x.ttf', `body=${join(dir, 'missing.ttf')}`, `body=${SANS}#99`, `body=${page}`]) {
      err.mockClear();
      expect(await main(['export', page, '-o', pdf, '--font', value]), value).toBe(1);
      expect(printed(err)).toContain(`--font ${value}`);
      expect(printed(err)).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(() => execFileSync('test', ['-e', pdf])).toThrow();
  });

  it('refuses a face with no Chinese characters as a role or a style, naming the file and the face, zh and en, and writes nothing', async () => {
    // The bundled 宋 cut down by harfbuzz to Latin letters and digits: a real font, just no ideographs.
    const latin = join(dir, 'latin-only.ttf');
    writeFileSync(latin, await subsetFont(Buffer.from(fontProvider().bytes('song-regular')!), 'ABCabc0123', { targetFormat: 'sfnt' }));
    const pdf = join(dir, 'latin.pdf');
    for (const [value, zh, en] of [
      [`song=${latin}`, '不能用来排宋体', 'cannot set the song role'],
      [`headline=${latin}`, '不能用来排样式 headline', 'cannot set the style headline'],
    ]) {
      err.mockClear();
      expect(await main(['export', page, '-o', pdf, '--force', '--font', value]), value).toBe(1);
      expect(printed(err)).toBe(`--font ${value}：${latin} 的字样 NotoSerifSC-Regular 没有汉字，${zh}\n--font ${value}: face NotoSerifSC-Regular of ${latin} has no Chinese characters, so it ${en}`);
    }
    expect(() => execFileSync('test', ['-e', pdf])).toThrow();
  });
});
