/**
 * Issue 20, bad input: a damaged font file. Its glyph tables (head, maxp, hhea, hmtx, loca) are
 * checked before fontkit opens it (`checkGlyphTables`), so the damage is named — the face, the file
 * it came from, the table — instead of surfacing from deep inside a layout; a glyph whose outline
 * data does not fit its place in glyf is refused by the PDF writer, naming the font.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { samplePage } from '../../bench/pages';
import { collectionFace } from '../../src-core/fonts/collection';
import { createFontProvider, FontOpenError, type FontSource } from '../../src-core/fonts/provider';
import { layout } from '../../src-core/layout/layout';
import { exportPdf } from '../../src-core/pdf';
import { preflight } from '../../src-core/preflight';
import { main } from '../../src-main/cli/index';
import { saveBanmianFile } from '../../src-main/files/banmian-file';
import { fontProvider } from '../../src-main/fonts/provider';
import { NOTO_CJK_DIR, sharedBundledSource } from './test-fonts';

const SONG = fontProvider().bytes('song-regular')!;
const dir = mkdtempSync(join(tmpdir(), 'banmian-hostile-fonts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the bundled 宋 with `damage` done to it, given the offset of each table. */
function damaged(damage: (bytes: Uint8Array, view: DataView, table: (tag: string) => number) => void, font = SONG): Uint8Array {
  const bytes = font.slice();
  const view = new DataView(bytes.buffer);
  const table = (tag: string): number => {
    for (let i = 0; i < view.getUint16(4); i++) {
      const at = 12 + 16 * i;
      if (String.fromCharCode(...bytes.subarray(at, at + 4)) === tag) return view.getUint32(at + 8);
    }
    throw new Error(`no ${tag}`);
  };
  damage(bytes, view, table);
  return bytes;
}

/** The first 4,000 bytes of a table overwritten with a fixed pseudo-random pattern. */
function scrambled(tag: string): Uint8Array {
  return damaged((bytes, _, table) => {
    for (let i = table(tag); i < table(tag) + 4000; i++) bytes[i] = (i * 7919) & 0xff;
  });
}

const source = (bytes: Uint8Array): FontSource => ({ name: { zh: '字体文件 bad.ttf', en: 'the font file bad.ttf' }, faces: () => [{ id: 'bad-regular', family: 'bad', bold: false, bytes: () => bytes }] });
function openError(bytes: Uint8Array): { zh: string; en: string } | undefined {
  try {
    createFontProvider([source(bytes)]).registry();
  } catch (e) {
    if (e instanceof FontOpenError) return { zh: e.zh, en: e.en };
    throw e;
  }
  return undefined;
}

describe('a font whose glyph tables are damaged', () => {
  const prefix = { zh: '字体来源“字体文件 bad.ttf”中的字体 bad-regular 无法打开：', en: 'Font bad-regular from the font file bad.ttf cannot be opened: ' };
  const cases: [string, () => Uint8Array, string, string][] = [
    ['truncated to half', () => SONG.slice(0, SONG.length >> 1), '被截断或已损坏（glyf 表超出文件末尾）', 'is truncated or damaged (its glyf table runs past the end)'],
    ['a loca offset past glyf', () => damaged((_, v, t) => v.setUint32(t('loca') + 4 * 100, 0x7fffffff)), 'loca 表已损坏（第 100 个字形的位置不对）', "has a damaged loca table (glyph 100's offset is out of order or past glyf's end)"],
    ['unitsPerEm 0', () => damaged((_, v, t) => v.setUint16(t('head') + 18, 0)), 'head 表已损坏（每 em 0 单位）', 'has a damaged head table (0 units per em)'],
    ['indexToLocFormat 7', () => damaged((_, v, t) => v.setInt16(t('head') + 50, 7)), 'head 表已损坏（indexToLocFormat 为 7）', 'has a damaged head table (indexToLocFormat 7)'],
    ['more advance widths than glyphs', () => damaged((_, v, t) => v.setUint16(t('hhea') + 34, 40000)), 'hhea 表已损坏（40000 个宽度，30920 个字形）', 'has a damaged hhea table (40000 advance widths for 30920 glyphs)'],
    ['a scrambled cmap', () => scrambled('cmap'), 'cmap 表已损坏（查不了字）', 'has a damaged cmap table (characters cannot be looked up)'],
    ['a scrambled name table', () => scrambled('name'), 'name 表已损坏（无法读取）', 'has a damaged name table (it cannot be read)'],
    ['more glyphs than loca places', () => damaged((_, v, t) => v.setUint16(t('maxp') + 4, 65535)), 'loca 表已损坏（只有 123684 字节）', 'has a damaged loca table (123684 bytes long)'],
  ];
  for (const [what, bytes, zh, en] of cases) {
    it(`is refused when opened, naming the face, its source and the table: ${what}`, () => {
      const error = openError(bytes());
      expect(error?.zh.startsWith(`${prefix.zh}${zh}`), error?.zh).toBe(true);
      expect(error?.en.startsWith(`${prefix.en}${en}`), error?.en).toBe(true);
    });
  }

  it('the bundled faces pass the check (every one opens)', () => {
    expect(createFontProvider([sharedBundledSource()]).faces().length).toBeGreaterThanOrEqual(8);
  });

  describe('given to the CLI as --font', () => {
    const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    beforeEach(() => {
      out.mockClear();
      err.mockClear();
    });
    afterAll(() => vi.restoreAllMocks());

    it('export exits 1 naming the file and the damage, zh and en, and writes nothing', async () => {
      const page = join(dir, 'page.banmian');
      const saved = saveBanmianFile(page, samplePage());
      if (!saved.ok) throw new Error(saved.en);
      const font = join(dir, 'bad-loca.ttf');
      writeFileSync(font, cases[1][1]());
      const pdf = join(dir, 'never.pdf');
      expect(await main(['export', page, '-o', pdf, '--force', '--font', `song=${font}`])).toBe(1);
      const printed = err.mock.calls.map((c) => String(c[0])).join('\n');
      expect(printed).toBe(`字体来源“字体文件 ${font}”中的字体 sys-noto-serif-sc-regular 无法打开：loca 表已损坏（第 100 个字形的位置不对）\nFont sys-noto-serif-sc-regular from the font file ${font} cannot be opened: has a damaged loca table (glyph 100's offset is out of order or past glyf's end)`);
      expect(() => writeFileSync(pdf, '', { flag: 'wx' })).not.toThrow(); // nothing was there
      expect(fontProvider().registry().faceById('song-regular')!.postscriptName).toBe('NotoSerifSC-Regular'); // the process's fonts as they were
    });
  });
});

describe('a TrueType glyph whose outline data does not fit its place in glyf', () => {
  it('fails the export naming the font and the glyph (the viewers would each draw it differently)', async () => {
    const doc = samplePage();
    const good = fontProvider().registry();
    // A character the page's body draws in 宋: its glyph is the one damaged.
    const run = layout(doc, { fonts: good }).items.find((i) => i.kind === 'glyphs' && i.face === 'song-regular' && i.source?.field === 'body');
    const cp = run!.kind === 'glyphs' ? run!.text.codePointAt(0)! : 0;
    const gid = good.faceById('song-regular')!.glyphId(cp);
    const bytes = damaged((_, v, t) => {
      const at = t('glyf') + v.getUint32(t('loca') + 4 * gid); // the bundled 宋 has long loca offsets
      expect(v.getInt16(at)).toBeGreaterThan(0); // a simple glyph
      v.setUint16(at + 10 + 2 * (v.getInt16(at) - 1), 0xfff0); // its last contour ends at point 65,521: more points than its bytes hold
    });
    const fonts = createFontProvider([{ name: { zh: '坏字体', en: 'bad font' }, faces: () => [{ id: 'song-regular', family: 'song', bold: false, bytes: () => bytes }] }, sharedBundledSource()]).registry();
    const pl = layout(doc, { fonts });
    expect(await exportPdf(pl, { fonts, images: doc.images })).toEqual({
      ok: false,
      zh: `字体 NotoSerifSC-Regular 的字形数据损坏，无法嵌入 PDF：damaged glyf data: glyph ${gid}`,
      en: `The glyph data of font NotoSerifSC-Regular is damaged and cannot be embedded in the PDF: damaged glyf data: glyph ${gid}`,
    });
  });
});

describe('a CFF face whose CFF table cannot be read (its header scrambled)', () => {
  it('is laid out (ink edges left out), and preflight and export refuse it naming the font', async () => {
    const face = collectionFace(new Uint8Array(readFileSync(join(NOTO_CJK_DIR, 'NotoSerifCJK-Regular.ttc'))), 2);
    const bytes = damaged((b, _, table) => {
      for (let i = table('CFF '); i < table('CFF ') + 64; i++) b[i] = (i * 7919) & 0xff;
    }, face);
    const fonts = createFontProvider([{ name: { zh: '坏字体', en: 'bad font' }, faces: () => [{ id: 'song-regular', family: 'song', bold: false, bytes: () => bytes }] }, sharedBundledSource()]).registry();
    const doc = samplePage();
    const pl = layout(doc, { fonts });
    expect(pl.items.some((i) => i.kind === 'glyphs' && i.face === 'song-regular')).toBe(true);
    const refused = preflight(doc, pl, { fonts }).errors.filter((e) => e.code === 'font-unsupported');
    expect(refused.map((e) => e.zh)).toEqual([expect.stringMatching(/^字体 NotoSerifCJKsc-Regular 的 CFF 轮廓数据损坏，无法嵌入：/)]);
    expect(await exportPdf(pl, { fonts, images: doc.images })).toMatchObject({ ok: false, zh: refused[0].zh, en: refused[0].en });
  });
});
