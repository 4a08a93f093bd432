import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { createFontProvider, type FontSource } from '../../src-core/fonts/provider';
import { layout } from '../../src-core/layout/layout';
import type { GlyphRun, PageLayout } from '../../src-core/layout/page-layout';
import { emptyDocument } from '../../src-core/model/defaults';
import { exportPdf } from '../../src-core/pdf';
import { preflight } from '../../src-core/preflight';
import { fontProvider } from '../../src-main/fonts/provider';
import { compareWithReference } from '../support/reference';
import { CWTEX_FANGSONG, NOTO_CJK_DIR, sharedBundledSource } from './test-fonts';

/**
 * Issue 20's PDF checks over the newsroom's faces together on one page, set in the default styles
 * (主题 标宋, 引题/副题 黑, 署名/图片说明 楷, 正文 宋): 宋 and 黑 from Debian's CFF collections
 * (NotoSerifCJK/NotoSansCJK .ttc, face 2: SC), 楷 (LXGW WenKai) and 标宋 (Noto Serif SC
 * ExtraBold/Black) the bundled TrueType faces. Each outside tool reads the same file.
 */
const SC = 2;
const bundled = fontProvider();
const file = (name: string) => (): Uint8Array => new Uint8Array(readFileSync(`${NOTO_CJK_DIR}${name}`));
const bundledBytes = (id: string) => (): Uint8Array => bundled.bytes(id)!;
const source: FontSource = {
  name: { zh: '测试字体', en: 'the test fonts' },
  faces: () => [
    { id: 'song-regular', family: 'song', bold: false, bytes: file('NotoSerifCJK-Regular.ttc'), index: SC },
    { id: 'song-bold', family: 'song', bold: true, bytes: file('NotoSerifCJK-Bold.ttc'), index: SC },
    { id: 'hei-regular', family: 'hei', bold: false, bytes: file('NotoSansCJK-Regular.ttc'), index: SC },
    { id: 'hei-bold', family: 'hei', bold: true, bytes: file('NotoSansCJK-Bold.ttc'), index: SC },
    ...['kai-regular', 'kai-bold', 'biaosong-regular', 'biaosong-bold'].map((id) => ({ id, family: id.split('-')[0], bold: id.endsWith('bold'), bytes: bundledBytes(id) })),
  ],
};
const fonts = createFontProvider([source]).registry();

const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: r.status, out: `${r.stdout}${r.stderr}`, stdout: r.stdout, stderr: r.stderr };
};

const hanCounts = (text: string): Map<string, number> => {
  const m = new Map<string, number>();
  for (const ch of text.match(/[\u3400-\u9fff\u{20000}-\u{3134f}]/gu) ?? []) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
};

/** Each embedded font: its BaseFont, CIDFont subtype, W by CID and the ToUnicode map's CID → text. */
async function embeddedFonts(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const out: { baseFont: string; subtype: string; widths: Map<number, number>; text: Map<number, string> }[] = [];
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Subtype'))?.toString() !== '/Type0') continue;
    const cid = obj.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
    const w = cid.lookup(PDFName.of('W'), PDFArray);
    const widths = new Map<number, number>();
    for (let i = 0; i < w.size(); i += 2) {
      const first = (w.lookup(i) as PDFNumber).asNumber();
      w.lookup(i + 1, PDFArray).asArray().forEach((n, k) => widths.set(first + k, (n as PDFNumber).asNumber()));
    }
    const cmap = Buffer.from(decodePDFRawStream(obj.lookup(PDFName.of('ToUnicode')) as PDFRawStream).decode()).toString('latin1');
    const text = new Map<number, string>();
    const chars = [...cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)].map((m) => m[1]).join('\n');
    for (const [, c, u] of chars.matchAll(/<([0-9A-F]{4})>\s*<([0-9A-F]{4,8})>/gi)) text.set(parseInt(c, 16), Buffer.from(u, 'hex').swap16().toString('utf16le'));
    out.push({ baseFont: obj.get(PDFName.of('BaseFont'))!.toString().slice(1), subtype: cid.get(PDFName.of('Subtype'))!.toString().slice(1), widths, text });
  }
  return out;
}

describe('a page in the newsroom’s faces (宋/黑 CFF collections, 楷 and 标宋 bundled) as a PDF', () => {
  const doc = samplePage();
  doc.page = { ...doc.page, styles: emptyDocument().page.styles };
  const dir = mkdtempSync(join(tmpdir(), 'banmian-newsroom-faces-'));
  const path = join(dir, 'page.pdf');
  let pl: PageLayout;
  let bytes: Uint8Array;
  /** The faces the layout drew with, by PostScript name. */
  let drawn: Map<string, string>;
  beforeAll(async () => {
    pl = layout(doc, { fonts });
    const r = await exportPdf(pl, { fonts, images: doc.images, createdAt: new Date('2024-01-16T14:30:00Z') });
    if (!r.ok) throw new Error(r.en);
    bytes = r.bytes;
    writeFileSync(path, bytes);
    drawn = new Map(pl.items.flatMap((i) => (i.kind === 'glyphs' ? [[fonts.faceById(i.face)!.postscriptName, i.face] as [string, string]] : [])));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('draws with the faces of the four roles, and preflight finds nothing wrong with them (the sample’s picture is a placeholder, its ad has no artwork yet)', () => {
    expect([...drawn.values()].sort()).toEqual(['biaosong-regular', 'hei-bold', 'hei-regular', 'kai-regular', 'song-regular']);
    const found = preflight(doc, pl, { fonts });
    expect([found.errors, found.warnings.map((e) => e.code)]).toEqual([[], ['image-missing', 'ad-missing']]);
  });

  it('pdffonts: every face embedded and subset with ToUnicode, CID Type 0C for the CFF faces and CID TrueType for the others', () => {
    const rows = run('pdffonts', [path]).stdout.trim().split('\n').slice(2).map((row) => /^([A-Z]{6})\+(\S+)\s+(CID Type 0C|CID TrueType)\s+Identity-H\s+(yes|no)\s+(yes|no)\s+(yes|no)/.exec(row));
    expect(rows.every(Boolean)).toBe(true);
    const byName = new Map(rows.map((m) => [m![2], { type: m![3], flags: [m![4], m![5], m![6]] }]));
    expect([...byName.keys()].sort()).toEqual([...drawn.keys()].sort());
    for (const [name, row] of byName) {
      expect(row.flags, name).toEqual(['yes', 'yes', 'yes']);
      expect(row.type, name).toBe(/CJK/.test(name) ? 'CID Type 0C' : 'CID TrueType');
    }
    expect([...byName.keys()].filter((n) => /^(LXGWWenKai|NotoSerifSC-ExtraBold)/.test(n)).sort()).toEqual(['LXGWWenKai-Regular', 'NotoSerifSC-ExtraBold']);
  });

  it('qpdf --check finds nothing wrong', () => {
    const r = run('qpdf', ['--check', path]);
    expect(r.status, r.out).toBe(0);
    expect(r.stdout).toContain('No syntax or stream encoding errors found');
  });

  it('poppler, MuPDF and Ghostscript render it without an error or a warning', () => {
    const poppler = run('pdftoppm', ['-r', '20', '-gray', '-singlefile', path, join(dir, 'poppler')]);
    expect([poppler.status, poppler.stderr]).toEqual([0, '']);
    const mupdf = run('mutool', ['draw', '-q', '-r', '20', '-o', join(dir, 'mu.png'), path]);
    expect(mupdf.status).toBe(0);
    expect(mupdf.stderr.split('\n').filter((l) => l.trim() && !l.includes('ICC'))).toEqual([]);
    // Not -q: that hides Ghostscript's warnings (a font program it cannot read, say).
    const gs = run('gs', ['-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pnggray', '-r20', `-sOutputFile=${join(dir, 'gs.png')}`, path]);
    expect(gs.status).toBe(0);
    expect(gs.out).toContain('Page 1');
    expect(gs.out).not.toMatch(/error|warning|\*\*\*\*/i);
  });

  it('pdftotext gives back every Han character drawn, as often as it was drawn', () => {
    const drawnText = pl.items.map((i) => (i.kind === 'glyphs' ? (i as GlyphRun).text : '')).join('\n');
    const want = hanCounts(drawnText);
    const got = hanCounts(run('pdftotext', ['-enc', 'UTF-8', path, '-']).stdout);
    const wrong = [...new Set([...want.keys(), ...got.keys()])].filter((ch) => want.get(ch) !== got.get(ch));
    expect(wrong).toEqual([]);
    expect([...want.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(4000);
  });

  it('writes each glyph’s width as the advance layout measured it with (the screen’s), in every face', async () => {
    const embedded = await embeddedFonts(bytes);
    expect(embedded).toHaveLength(drawn.size);
    for (const f of embedded) {
      const face = fonts.faceById(drawn.get(f.baseFont.slice(7))!)!;
      expect(f.text.size, f.baseFont).toBeGreaterThan(3);
      for (const [cid, text] of f.text) expect(f.widths.get(cid), `${f.baseFont} ${text}`).toBeCloseTo(face.advance(text.codePointAt(0)!) * 1000, 3);
    }
  });
});

describe('a page set in 楷', () => {
  it('looks as it did when it was looked at (pdftoppm of columns and a headline, against tests/ref/pdf-kai-columns.png)', async () => {
    const doc = samplePage();
    const s = doc.page.styles;
    // 正文, 电头, 副题, 署名 and 图片说明 in 楷; the headlines stay as the sample sets them (标宋 for the top two, 黑).
    doc.page = { ...doc.page, styles: { ...s, body: { ...s.body, family: 'kai' }, lead: { ...s.lead, family: 'kai' }, deck: { ...s.deck, family: 'kai' }, byline: { ...s.byline, family: 'kai' }, caption: { ...s.caption, family: 'kai' } } };
    const kaiFonts = bundled.registry();
    const pl = layout(doc, { fonts: kaiFonts });
    expect(new Set(pl.items.flatMap((i) => (i.kind === 'glyphs' && i.source?.field === 'body' ? [i.face] : [])))).toEqual(new Set(['kai-regular']));
    const r = await exportPdf(pl, { fonts: kaiFonts, images: doc.images, createdAt: new Date('2024-01-16T14:30:00Z') });
    if (!r.ok) throw new Error(r.en);
    const dir = mkdtempSync(join(tmpdir(), 'banmian-kai-page-'));
    try {
      writeFileSync(join(dir, 'kai.pdf'), r.bytes);
      const shot = run('pdftoppm', ['-r', '72', '-x', '50', '-y', '300', '-W', '580', '-H', '420', '-gray', '-png', '-singlefile', join(dir, 'kai.pdf'), join(dir, 'kai')]);
      expect(shot.status, shot.out).toBe(0);
      compareWithReference('pdf-kai-columns.png', readFileSync(join(dir, 'kai.png')), 0.003);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a page set in 仿宋 (cwTeX 仿宋, a Big5 face: the simplified characters it lacks come from 宋)', () => {
  const fangsong: FontSource = { name: { zh: '测试仿宋', en: 'the test 仿宋' }, faces: () => [{ id: 'fangsong-regular', family: 'fangsong', bold: false, bytes: () => new Uint8Array(readFileSync(CWTEX_FANGSONG)) }] };
  const fsFonts = createFontProvider([sharedBundledSource(), fangsong]).registry();
  const doc = samplePage();
  const s = doc.page.styles;
  // 正文 and 电头 in 仿宋, as a page of documents (公文) is set; the titles stay as they were.
  doc.page = { ...doc.page, styles: { ...s, body: { ...s.body, family: 'fangsong' }, lead: { ...s.lead, family: 'fangsong' } } };
  const dir = mkdtempSync(join(tmpdir(), 'banmian-fangsong-page-'));
  const path = join(dir, 'fangsong.pdf');
  let pl: PageLayout;
  beforeAll(async () => {
    pl = layout(doc, { fonts: fsFonts });
    const r = await exportPdf(pl, { fonts: fsFonts, images: doc.images, createdAt: new Date('2024-01-16T14:30:00Z') });
    if (!r.ok) throw new Error(r.en);
    writeFileSync(path, r.bytes);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sets the body in the 仿宋 face, each character it lacks drawn in 宋 and reported as a 生僻字 fallback', () => {
    const fs = fsFonts.faceById('fangsong-regular')!;
    const song = fsFonts.faceById('song-regular')!;
    const body = pl.items.flatMap((i) => (i.kind === 'glyphs' && i.source?.field === 'body' ? [i] : []));
    const count = (face: string) => body.filter((i) => i.face === face).reduce((n, i) => n + [...i.text].length, 0);
    expect(new Set(body.map((i) => i.face))).toEqual(new Set(['fangsong-regular', 'song-regular']));
    expect(count('fangsong-regular')).toBeGreaterThan(2 * count('song-regular'));
    for (const i of body.filter((i) => i.face === 'song-regular')) for (const ch of i.text.match(/\p{Script=Han}/gu) ?? []) expect(fs.hasGlyph(ch.codePointAt(0)!), ch).toBe(false);
    const reported = (pl.glyphFallbacks ?? []).filter((f) => f.face === 'fangsong-regular');
    expect(reported.length).toBeGreaterThan(100);
    for (const f of reported) {
      expect(f.via, f.char).toBe('song-regular');
      expect([fs.hasGlyph(f.char.codePointAt(0)!), song.hasGlyph(f.char.codePointAt(0)!)], f.char).toEqual([false, true]);
    }
  });

  it('embeds the 仿宋 face as a subset (pdffonts), gives back every Han character (pdftotext) and renders without a warning', () => {
    expect(run('pdffonts', [path]).stdout).toMatch(/[A-Z]{6}\+cwTeXFangSong\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    const drawnText = pl.items.map((i) => (i.kind === 'glyphs' ? (i as GlyphRun).text : '')).join('\n');
    const got = hanCounts(run('pdftotext', ['-enc', 'UTF-8', path, '-']).stdout);
    const want = hanCounts(drawnText);
    expect([...new Set([...want.keys(), ...got.keys()])].filter((ch) => want.get(ch) !== got.get(ch))).toEqual([]);
    const gs = run('gs', ['-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pnggray', '-r20', `-sOutputFile=${join(dir, 'gs.png')}`, path]);
    expect(gs.out).not.toMatch(/error|warning|\*\*\*\*/i);
  });

  it('looks as it did when it was looked at (pdftoppm of columns and a headline, against tests/ref/pdf-fangsong-columns.png)', () => {
    const shot = run('pdftoppm', ['-r', '72', '-x', '50', '-y', '300', '-W', '580', '-H', '420', '-gray', '-png', '-singlefile', path, join(dir, 'fangsong')]);
    expect(shot.status, shot.out).toBe(0);
    compareWithReference('pdf-fangsong-columns.png', readFileSync(join(dir, 'fangsong.png')), 0.003);
  });
});
