import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, decodePDFRawStream } from '@cantoo/pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { collectionFace } from '../../src-core/fonts/collection';
import { createFontProvider, FontOpenError, type FontSource, type SourceFace } from '../../src-core/fonts/provider';
import type { FontRegistry } from '../../src-core/fonts/registry';
import { layout } from '../../src-core/layout/layout';
import { BLACK, type PageLayout } from '../../src-core/layout/page-layout';
import { exportPdf } from '../../src-core/pdf';
import { parseCff } from '../../src-core/pdf/cff';
import { dictValue } from '../../src-core/pdf/cff-read';
import { readTrueType } from '../../src-core/pdf/truetype';
import { preflight } from '../../src-core/preflight';
import { cleanPage } from '../fixtures/pdf/pages';
import { NOTO_CJK_DIR } from './test-fonts';

const SERIF = `${NOTO_CJK_DIR}NotoSerifCJK-Regular.ttc`;
const SERIF_BOLD = `${NOTO_CJK_DIR}NotoSerifCJK-Bold.ttc`;
const SANS = `${NOTO_CJK_DIR}NotoSansCJK-Regular.ttc`;
const SANS_BOLD = `${NOTO_CJK_DIR}NotoSansCJK-Bold.ttc`;
/** Face 2 of Debian's Noto CJK collections is the SC one (jp, kr, sc, tc, hk). */
const SC = 2;
const AT = new Date('2024-01-16T14:30:00Z');
const TEXT = '洛阳日报——“样张”…2024年，ABC一';

/** Every temporary folder the tests make, removed at the end. */
const scratch: string[] = [];
const scratchDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
};
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const fileBytes = (path: string) => (): Uint8Array => new Uint8Array(readFileSync(path));
const face = (id: string, family: string, bold: boolean, bytes: () => Uint8Array, index?: number): SourceFace => ({ id, family, bold, bytes, index });
const source = (faces: SourceFace[]): FontSource => ({ name: { zh: '测试字体', en: 'the test fonts' }, faces: () => faces });

/** 宋 and 黑, regular and bold, all from the CFF collections. */
function cffFonts(serif: () => Uint8Array = fileBytes(SERIF)): FontRegistry {
  return createFontProvider([source([
    face('song-regular', 'song', false, serif, SC),
    face('song-bold', 'song', true, fileBytes(SERIF_BOLD), SC),
    face('hei-regular', 'hei', false, fileBytes(SANS), SC),
    face('hei-bold', 'hei', true, fileBytes(SANS_BOLD), SC),
  ])]).registry();
}

function lineOf(fonts: FontRegistry, faceId: string, text: string, size: number, y: number): PageLayout['items'][number] {
  const f = fonts.faceById(faceId)!;
  let x = 10;
  const xs = [...text].map((ch) => { const at = x; x += size * f.advance(ch.codePointAt(0)!); return at; });
  return { kind: 'glyphs', face: faceId, size, color: BLACK, y, text, xs, hScale: 1 };
}

function page(items: PageLayout['items'], width = 500, height = 100): PageLayout {
  return {
    width, height, items, frames: [], overset: [], missingGlyphs: [], report: { page: {} as never, articles: {} },
    grid: { left: 0, top: 0, colWidth: 0, gutter: 0, columns: 1, pitch: 12, rows: 1, bodySize: 9 },
  };
}

async function pdfOf(pl: PageLayout, fonts: FontRegistry): Promise<{ path: string; bytes: Uint8Array }> {
  const r = await exportPdf(pl, { fonts, createdAt: AT, marks: false });
  if (!r.ok) throw new Error(r.en);
  const path = join(scratchDir('banmian-cff-'), 'page.pdf');
  writeFileSync(path, r.bytes);
  return { path, bytes: r.bytes };
}

/** The embedded CFF descendant fonts of a PDF, with their W arrays and font programs. */
async function cidFonts(bytes: Uint8Array): Promise<{ baseFont: string; w: number[]; program: Uint8Array; programSubtype: string }[]> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const out: { baseFont: string; w: number[]; program: Uint8Array; programSubtype: string }[] = [];
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Subtype'))?.toString() !== '/CIDFontType0') continue;
    const w = obj.lookup(PDFName.of('W'), PDFArray);
    const widths = w.lookup(1, PDFArray).asArray().map((n) => (n as PDFNumber).asNumber());
    const descriptor = obj.lookup(PDFName.of('FontDescriptor'), PDFDict);
    const stream = descriptor.lookup(PDFName.of('FontFile3')) as PDFRawStream;
    out.push({
      baseFont: obj.get(PDFName.of('BaseFont'))!.toString().slice(1),
      w: [(w.lookup(0) as PDFNumber).asNumber(), ...widths],
      program: decodePDFRawStream(stream).decode(),
      programSubtype: stream.dict.get(PDFName.of('Subtype'))!.toString(),
    });
  }
  return out;
}

/** The fontkit face of a collection, opened by PostScript name: a reader independent of ours. */
function fontkitFace(path: string, postscriptName: string): fontkit.Font {
  return (fontkit.create(readFileSync(path)) as unknown as fontkit.FontCollection).getFont(postscriptName) as fontkit.Font;
}

function run(cmd: string, args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** A copy of a collection with the OS/2 fsType of face `index` set to `fsType`. */
function withFsType(bytes: Uint8Array, index: number, fsType: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer);
  const dir = view.getUint32(12 + 4 * index);
  for (let i = 0; i < view.getUint16(dir + 4); i++) {
    const rec = dir + 12 + 16 * i;
    if (String.fromCharCode(...copy.subarray(rec, rec + 4)) === 'OS/2') view.setUint16(view.getUint32(rec + 8) + 8, fsType);
  }
  return copy;
}

describe('CFF-based OpenType in the PDF', () => {
  const fonts = cffFonts();
  const one = page([lineOf(fonts, 'song-regular', TEXT, 20, 40), lineOf(fonts, 'hei-bold', '版面编辑部', 30, 85)]);

  it('embeds a face of a collection as a CID-keyed CFF subset (pdffonts: CID Type 0C, emb, sub, uni)', async () => {
    const { path } = await pdfOf(one, fonts);
    const rows = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2).map((l) => l.split(/\s+/));
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r[0].replace(/^[A-Z]{6}\+/, ''))).toEqual(['NotoSerifCJKsc-Regular', 'NotoSansCJKsc-Bold']);
    for (const r of rows) {
      expect(r[0]).toMatch(/^[A-Z]{6}\+/);
      expect(r.slice(1, 8)).toEqual(['CID', 'Type', '0C', 'Identity-H', 'yes', 'yes', 'yes']);
    }
    const check = run('qpdf', ['--check', path]);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('No syntax or stream encoding errors found');
  });

  it('gives back the exact text (pdftotext)', async () => {
    const { path } = await pdfOf(one, fonts);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text.split('\n').map((l) => l.trim()).filter(Boolean)).toEqual([TEXT, '版面编辑部']);
  });

  it('renders the glyphs in poppler, MuPDF and Ghostscript without a warning (一 is drawn as a wide flat stroke, not a .notdef box)', async () => {
    // 一 alone in the top left corner (the box the ink is measured in), the two lines below it.
    const { path } = await pdfOf(page([lineOf(fonts, 'song-regular', '一', 80, 70), lineOf(fonts, 'song-regular', TEXT, 14, 120), lineOf(fonts, 'hei-bold', '版面编辑部', 14, 150)], 500, 160), fonts);
    const poppler = run('pdftoppm', ['-r', '72', '-gray', path, path.replace(/\.pdf$/, '')]);
    expect(poppler.stderr).toBe('');
    const pgm = readFileSync(path.replace(/\.pdf$/, '-1.pgm'));
    // P5 header: "P5\n<w> <h>\n255\n", then one byte per pixel.
    const [, w, h] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 20).toString('latin1'))!.map(Number);
    const pixels = pgm.subarray(pgm.length - w * h);
    let [minX, maxX, minY, maxY] = [w, -1, h, -1];
    for (let y = 0; y < 90; y++) for (let x = 0; x < 100; x++) if (pixels[y * w + x] < 128) {
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    expect(maxX - minX).toBeGreaterThan(50);
    expect(maxX - minX).toBeGreaterThan(5 * (maxY - minY));
    const mupdf = run('mutool', ['draw', '-q', '-o', path.replace(/\.pdf$/, '-mu.png'), path]);
    expect(mupdf.stderr.split('\n').filter((l) => l && !l.includes('ICC'))).toEqual([]);
    // Not -q: that hides Ghostscript's warnings (such as a font program it cannot read).
    const gs = run('gs', ['-dNOPAUSE', '-dBATCH', '-sDEVICE=pnggray', `-sOutputFile=${path.replace(/\.pdf$/, '-gs.png')}`, path]);
    expect(gs.status).toBe(0);
    expect(`${gs.stdout}${gs.stderr}`).toContain('Page 1');
    expect(`${gs.stdout}${gs.stderr}`).not.toMatch(/warning|error/i);
  });

  it('writes /W as the font’s advance widths (checked against fontkit) and keeps each glyph’s charstring under its CID', async () => {
    const { bytes } = await pdfOf(one, fonts);
    const [serif] = await cidFonts(bytes);
    expect(serif.programSubtype).toBe('/CIDFontType0C');
    const kit = fontkitFace(SERIF, 'NotoSerifCJKsc-Regular');
    const cps = [...new Set([...TEXT].map((c) => c.codePointAt(0)!))];
    expect(serif.w).toEqual([1, ...cps.map((cp) => (kit.glyphForCodePoint(cp).advanceWidth * 1000) / kit.unitsPerEm)]);
    expect(serif.w).toContain(558); // a proportional digit: not every width is the em

    const sub = parseCff(serif.program);
    const whole = collectionFace(new Uint8Array(readFileSync(SERIF)), SC);
    const table = readTrueType(whole).tables.get('CFF ')!;
    const original = parseCff(whole.subarray(table.offset, table.offset + table.length));
    expect(sub.charStrings.count).toBe(cps.length + 1);
    cps.forEach((cp, i) => expect(sub.charStrings.entry(i + 1)).toEqual(original.charStrings.entry(kit.glyphForCodePoint(cp).id)));
    // charset format 2, one range: glyph i is CID i, which is what the content stream shows.
    const charset = dictValue(sub.top, 15)![0];
    expect([...serif.program.subarray(charset, charset + 5)]).toEqual([2, 0, 1, 0, cps.length - 1]);
    expect(serif.program.length).toBeLessThan(table.length / 100);
  });

  it('embeds a single .otf file (a face written out of the collection) the same way', async () => {
    const dir = scratchDir('banmian-otf-');
    writeFileSync(join(dir, 'NotoSansCJKsc-Regular.otf'), collectionFace(new Uint8Array(readFileSync(SANS)), SC));
    const single = createFontProvider([source([face('hei-regular', 'hei', false, fileBytes(join(dir, 'NotoSansCJKsc-Regular.otf')))])]).registry();
    const { path } = await pdfOf(page([lineOf(single, 'hei-regular', '单个字体文件', 20, 40)]), single);
    expect(execFileSync('pdffonts', [path], { encoding: 'utf8' })).toMatch(/[A-Z]{6}\+NotoSansCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).trim()).toBe('单个字体文件');
  });

  it('sets and passes preflight on the sample page with every face from the collections', () => {
    // The collections have 宋 and 黑 only: the styles the sample sets in 楷 (署名, 图片说明, 编者按) take
    // 宋 and those in 标宋 (主题) take 黑, as the sample set them before; every style then has its face.
    const doc = cleanPage();
    const instead: Record<string, string> = { kai: 'song', biaosong: 'hei' };
    doc.page.styles = Object.fromEntries(Object.entries(doc.page.styles).map(([name, st]) => [name, { ...st, family: instead[st.family] ?? st.family }])) as typeof doc.page.styles;
    expect(Object.values(doc.page.styles).every((st) => fonts.faceIdOf(st.family, st.bold) !== undefined)).toBe(true);
    expect(preflight(doc, layout(doc, { fonts }), { fonts })).toEqual({ errors: [], warnings: [] });
  });
});

describe('a name-keyed CFF font (no ROS: most Latin OpenType fonts)', () => {
  // URW's base 35 come with Ghostscript (Debian's ghostscript depends on fonts-urw-base35), which these tests run anyway.
  const NIMBUS = '/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf';
  const text = 'Hamburgefonstiv Äöü 123';

  it('becomes a CID-keyed subset with one font DICT, read back and drawn by poppler and Ghostscript', async () => {
    const fonts = createFontProvider([source([face('latin', 'latin', false, fileBytes(NIMBUS))])]).registry();
    const { path, bytes } = await pdfOf(page([lineOf(fonts, 'latin', text, 20, 40)]), fonts);
    expect(execFileSync('pdffonts', [path], { encoding: 'utf8' })).toMatch(/[A-Z]{6}\+NimbusSans-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).trim()).toBe(text);
    const gs = run('gs', ['-dNOPAUSE', '-dBATCH', '-sDEVICE=nullpage', path]);
    expect(`${gs.stdout}${gs.stderr}`).not.toMatch(/warning|error/i);
    const [program] = await cidFonts(bytes);
    const sub = parseCff(program.program);
    expect(sub.fds).toHaveLength(1);
    expect(dictValue(sub.top, 1230)).toHaveLength(3); // ROS
    const kit = fontkit.create(readFileSync(NIMBUS)) as fontkit.Font;
    const cps = [...new Set([...text].map((c) => c.codePointAt(0)!))];
    expect(program.w).toEqual([1, ...cps.map((cp) => (kit.glyphForCodePoint(cp).advanceWidth * 1000) / kit.unitsPerEm)]);
  });
});

describe('a damaged CFF table', () => {
  /** The SC face as a single font, with the CFF table (parsed in place, so its DICT entries are views of the copy) handed to `damage`. */
  function damaged(damage: (cff: Uint8Array, parsed: ReturnType<typeof parseCff>) => void): FontRegistry {
    const bytes = collectionFace(new Uint8Array(readFileSync(SERIF)), SC).slice();
    const table = readTrueType(bytes).tables.get('CFF ')!;
    const cff = bytes.subarray(table.offset, table.offset + table.length);
    damage(cff, parseCff(cff));
    return createFontProvider([source([face('song-regular', 'song', false, () => bytes)])]).registry();
  }

  it('is refused by preflight and export naming the font when its structure cannot be read (CharStrings outside the table)', async () => {
    const fonts = damaged((_, parsed) => {
      const raw = parsed.top.find((e) => e.op === 17)!.raw;
      expect(raw[0]).toBe(29); // a 5-byte integer: the offset is written past the end
      raw.set([0x7f, 0xff, 0xff, 0xff], 1);
    });
    const pl = page([lineOf(fonts, 'song-regular', TEXT, 20, 40)]);
    const { errors } = preflight(cleanPage(), pl, { fonts });
    expect(errors.map((e) => [e.code, e.zh, e.en])).toEqual([[
      'font-unsupported',
      '字体 NotoSerifCJKsc-Regular 的 CFF 轮廓数据损坏，无法嵌入：damaged CFF data: INDEX outside the table',
      'Font NotoSerifCJKsc-Regular has damaged CFF outline data and cannot be embedded: damaged CFF data: INDEX outside the table',
    ]]);
    expect(await exportPdf(pl, { fonts, createdAt: AT })).toMatchObject({ ok: false, zh: errors[0].zh, en: errors[0].en });
  });

  it('fails the export with a message naming the font when a glyph the page uses cannot be read', async () => {
    const gid = fontkitFace(SERIF, 'NotoSerifCJKsc-Regular').glyphForCodePoint(0x4e00).id;
    const fonts = damaged((cff, parsed) => {
      const at = dictValue(parsed.top, 17)![0];
      const offSize = cff[at + 2];
      cff.fill(0, at + 3 + (gid + 1) * offSize, at + 3 + (gid + 2) * offSize); // 一 ends before it starts
    });
    const pl = page([lineOf(fonts, 'song-regular', '一二三', 20, 40)]);
    expect(preflight(cleanPage(), pl, { fonts }).errors).toEqual([]);
    expect(await exportPdf(pl, { fonts, createdAt: AT })).toEqual({
      ok: false,
      zh: `字体 NotoSerifCJKsc-Regular 的字形数据损坏，无法嵌入 PDF：damaged CFF data: INDEX entry ${gid}`,
      en: `The glyph data of font NotoSerifCJKsc-Regular is damaged and cannot be embedded in the PDF: damaged CFF data: INDEX entry ${gid}`,
    });
  });
});

describe('licence bits of a CFF face', () => {
  for (const [fsType, licence] of [[0x0002, 'restricted'], [0x0200, 'bitmap-only']] as const) {
    it(`refuses fsType 0x${fsType.toString(16).padStart(4, '0')} (${licence}) in preflight and export, naming the font in zh and en`, async () => {
      const patched = withFsType(new Uint8Array(readFileSync(SERIF)), SC, fsType);
      const fonts = cffFonts(() => patched);
      const doc = cleanPage();
      const pl = layout(doc, { fonts });
      const { errors } = preflight(doc, pl, { fonts });
      expect(errors.map((e) => e.code)).toEqual(['font-not-embeddable']);
      expect(errors[0].zh).toContain('字体 NotoSerifCJKsc-Regular 的授权位不允许嵌入');
      expect(errors[0].en).toContain(`font NotoSerifCJKsc-Regular forbid embedding a subset (fsType 0x${fsType.toString(16).padStart(4, '0')}, ${licence})`);
      const r = await exportPdf(pl, { fonts, images: doc.images, createdAt: AT });
      expect(r).toMatchObject({ ok: false, zh: errors[0].zh, en: errors[0].en });
    });
  }
});

describe('a face of a collection as a font source', () => {
  it('opens the face the index names, not the first', () => {
    const fonts = cffFonts();
    expect(fonts.faceById('song-regular')!.postscriptName).toBe('NotoSerifCJKsc-Regular');
    expect(fonts.faceById('hei-bold')!.postscriptName).toBe('NotoSansCJKsc-Bold');
  });

  it('refuses an index past the last face with a message naming the face, its source and the count', () => {
    const provider = createFontProvider([source([face('song-regular', 'song', false, fileBytes(SERIF), 9)])]);
    const thrown = (() => { try { provider.registry(); } catch (e) { return e; } })();
    expect(thrown).toBeInstanceOf(FontOpenError);
    expect((thrown as FontOpenError).zh).toContain('字体来源“测试字体”中的字体 song-regular 无法打开：字体序号 9 超出范围（文件中有 5 个字体');
    expect((thrown as FontOpenError).en).toContain('Font song-regular from the test fonts cannot be opened');
    expect((thrown as FontOpenError).en).toContain('face index 9 is out of range (the file holds 5 faces, counted from 0)');
  });
});
