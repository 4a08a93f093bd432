/**
 * Issue 20 item 6 through the CLI: `fonts [--json]` lists installed faces with their roles, formats
 * and licence bits; `export`/`compose --font ROLE=FILE[#INDEX]` set a role or a style in a font file
 * (a face of a collection), which the PDF embeds as a subset under its PostScript name.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { samplePage } from '../../bench/pages';
import { main } from '../../src-main/cli/index';
import { loadBanmianFile, saveBanmianFile } from '../../src-main/files/banmian-file';
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
const SERIF = join(NOTO_CJK_DIR, 'NotoSerifCJK-Regular.ttc');
const SAMPLE = 'assets/samples/luoyang-daily-page.txt';

/** The characters a PDF draws in each font, as MuPDF reads them back (stext): what the page is really set in. */
function charsByFont(pdf: string): Map<string, Set<string>> {
  const xml = execFileSync('mutool', ['draw', '-F', 'stext', '-o', '-', pdf], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
  const out = new Map<string, Set<string>>();
  let font = '';
  for (const [, name, c] of xml.matchAll(/<font name="([^"]*)"|\sc="([^"]*)"/g)) {
    if (name !== undefined) font = name;
    else if (c !== undefined) {
      const ch = c.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)));
      out.set(font, (out.get(font) ?? new Set()).add(ch));
    }
  }
  return out;
}
const han = (text: string): string[] => [...text].filter((ch) => /\p{Script=Han}/u.test(ch));
const savedPage = (path: string) => {
  const loaded = loadBanmianFile(path);
  if (!loaded.ok) throw new Error(loaded.en);
  return loaded.document;
};

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

  it('export EDITION --font body=FILE#INDEX sets every page of a saved edition in that face (it was refused: one page at a time)', async () => {
    const saved = join(dir, 'edition.banmian');
    expect(await main(['edition', 'tests/fixtures/edition/PLAN.json', '-o', join(dir, 'made'), '--save', saved, '--force', '--proof'])).toBe(0);
    const outDir = join(dir, 'edition-sans');
    expect(await main(['export', saved, '-o', outDir, '--force', '--proof', '--font', `body=${SANS}#2`])).toBe(0);
    const pages = readdirSync(outDir).filter((f) => /-\d\d\.pdf$/.test(f));
    expect(pages.length).toBeGreaterThan(1);
    for (const f of pages) expect(execFileSync('pdffonts', [join(outDir, f)], { encoding: 'utf8' }), f).toMatch(/[A-Z]{6}\+NotoSansCJKsc-Regular\s+CID Type 0C/);
  }, 120_000);

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

  it('says why a --font file cannot be used in each language alone: a folder, a named pipe, a dangling link, WOFF2 told from WOFF', async () => {
    const odd = join(dir, 'odd');
    mkdirSync(odd);
    execFileSync('mkfifo', [join(odd, 'pipe.ttf')]);
    symlinkSync(join(odd, 'nowhere.ttf'), join(odd, 'dangling.ttf'));
    writeFileSync(join(odd, 'web2.ttf'), Buffer.concat([Buffer.from('wOF2'), Buffer.alloc(60)]));
    writeFileSync(join(odd, 'web1.ttf'), Buffer.concat([Buffer.from('wOFF'), Buffer.alloc(60)]));
    const cases: [string, RegExp, RegExp][] = [
      [odd, /文件夹/, /a folder/],
      [join(odd, 'pipe.ttf'), /命名管道/, /named pipe/],
      [join(odd, 'dangling.ttf'), /找不到/, /no font file/],
      [join(odd, 'web2.ttf'), /网页字体（WOFF2）/, /web font \(WOFF2\)/],
      [join(odd, 'web1.ttf'), /网页字体（WOFF）/, /web font \(WOFF\)/],
    ];
    for (const [file, zh, en] of cases) {
      err.mockClear();
      const value = `body=${file}`;
      expect(await main(['export', page, '-o', join(dir, 'never.pdf'), '--font', value]), value).toBe(1);
      const lines = printed(err).split('\n');
      expect(lines, value).toHaveLength(2);
      const [zhLine, enLine] = lines.map((l) => l.replaceAll(`--font ${value}`, '').replaceAll(file, ''));
      expect(zhLine, value).toMatch(zh);
      expect(zhLine, value).not.toMatch(/[a-z]{3,}/); // acronyms (FIFO, WOFF2) are no English
      expect(enLine, value).toMatch(en);
      expect(enLine, value).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
    }
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

  it('compose --font … --save records each file’s face in page.fonts under its own family name, so the page is set the same whatever the --font order, and names it when it is missing', async () => {
    const saved = join(dir, 'fonts-saved.banmian');
    const args = ['compose', SAMPLE, '-o', join(dir, 'fonts-saved.pdf'), '--force', '--proof', '--save', saved];
    expect(await main([...args, '--font', `song=${SERIF}#2`, '--font', `hei=${SANS}#2`])).toBe(0);
    const doc = savedPage(saved);
    expect(doc.page.styles.body.family).toBe('sys-noto-serif-cjk-sc');
    expect(doc.page.fonts?.map((f) => [f.family, f.postscriptName, f.name.en])).toEqual(
      expect.arrayContaining([
        ['sys-noto-serif-cjk-sc', 'NotoSerifCJKsc-Regular', 'Noto Serif CJK SC'],
        ['sys-noto-sans-cjk-sc', 'NotoSansCJKsc-Regular', 'Noto Sans CJK SC'],
      ]),
    );
    expect(doc.page.fonts!.every((f) => /^[0-9a-f]{16}$/.test(f.hash))).toBe(true);
    // the other order: the body is still set in the serif, read back from the PDF
    const swapped = join(dir, 'fonts-swapped.pdf');
    expect(await main(['export', saved, '-o', swapped, '--force', '--proof', '--font', `hei=${SANS}#2`, '--font', `song=${SERIF}#2`])).toBe(0);
    const body = doc.articles.find((a) => han(a.headline).length && a.body.content?.length)!;
    const bodyChars = han(JSON.stringify(body.body)).slice(0, 40);
    const drawn = charsByFont(swapped);
    expect(bodyChars.filter((ch) => !drawn.get('NotoSerifCJKsc-Regular')?.has(ch))).toEqual([]);
    // without --font: the missing font named by its own name, never a command-line position
    out.mockClear();
    expect(await main(['export', saved, '-o', join(dir, 'fonts-none.pdf'), '--force', '--proof'])).toBe(0);
    const said = printed(out) + printed(err);
    expect(said).toContain('本机缺少版面所用的字体“Noto Serif CJK SC”（NotoSerifCJKsc-Regular）');
    expect(said).not.toMatch(/file-\d/);
  });

  it('export --font headline=FILE sets every headline of a made-up page in the file, those make-up gave a face of their own too', async () => {
    const made = join(dir, 'made.banmian');
    expect(await main(['compose', SAMPLE, '-o', join(dir, 'made.pdf'), '--force', '--proof', '--save', made])).toBe(0);
    const doc = savedPage(made);
    expect(doc.articles.filter((a) => a.styleOverrides?.headline?.family).length).toBeGreaterThan(3);
    const pdf = join(dir, 'headlines.pdf');
    expect(await main(['export', made, '-o', pdf, '--force', '--proof', '--font', `headline=${SANS}#2`])).toBe(0);
    const drawn = charsByFont(pdf).get('NotoSansCJKsc-Regular') ?? new Set();
    const headlines = doc.articles.map((a) => a.headline).filter((h) => han(h).length);
    expect(headlines.length).toBeGreaterThanOrEqual(8);
    expect(headlines.filter((h) => han(h).some((ch) => !drawn.has(ch)))).toEqual([]);
  });
});
