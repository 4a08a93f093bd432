/**
 * Many pages in one PDF (exportPdfPages): each page its own sheet, the document's fonts subset once
 * and its pictures written once; the proof PDF as one such document; preflight and the writer
 * applying one font rule.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, decodePDFRawStream } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { FontRegistry } from '../../src-core/fonts/registry';
import { layout } from '../../src-core/layout/layout';
import { BLACK, type LayoutItem, type PageLayout } from '../../src-core/layout/page-layout';
import { exportPdf, exportPdfPages, type PdfExportOptions, type PdfPage } from '../../src-core/pdf';
import { preflight } from '../../src-core/preflight';
import { exportProofPdf } from '../../src-core/proof/proof-pdf';
import { fontProvider } from '../../src-main/fonts/provider';
import { cleanPage } from '../fixtures/pdf/pages';
import { markedSamplePage } from '../fixtures/proof/marked-page';

const fonts = fontProvider().registry();
const song = fonts.face({ family: 'song', bold: false });
const hei = fonts.face({ family: 'hei', bold: false });
const MM = 72 / 25.4;
const AT = new Date('2024-01-16T14:30:00Z');

function page(width: number, height: number, items: LayoutItem[]): PageLayout {
  return {
    width,
    height,
    items,
    frames: [],
    overset: [],
    missingGlyphs: [],
    report: { page: {} as never, articles: {} },
    grid: { left: 0, top: 0, colWidth: 0, gutter: 0, columns: 1, pitch: 12, rows: 1, bodySize: 9 },
  };
}

const text = (face: string, t: string, y = 20): LayoutItem => ({ kind: 'glyphs', face, size: 10, color: BLACK, y, text: t, xs: [...t].map((_, i) => 10 + 10 * i), hScale: 1 });
const picture = (imageId: string): LayoutItem => ({ kind: 'image', imageId, x: 20, y: 30, width: 60, height: 45 });

async function exported(pages: PdfPage[], opts: Partial<PdfExportOptions> = {}) {
  const r = await exportPdfPages(pages, { fonts, createdAt: AT, ...opts });
  if (!r.ok) throw new Error(r.en);
  return { info: r.info, pdf: await PDFDocument.load(r.bytes, { updateMetadata: false }) };
}

function boxOf(pdf: PDFDocument, i: number, name: string): number[] {
  return pdf.getPage(i).node.lookup(PDFName.of(name), PDFArray).asArray().map((n) => Number(n.toString()));
}

function resourceRefs(pdf: PDFDocument, i: number, kind: 'Font' | 'XObject'): Map<string, PDFRef> {
  const dict = pdf.getPage(i).node.Resources()!.lookup(PDFName.of(kind), PDFDict);
  return new Map(dict ? dict.entries().map(([k, v]) => [k.toString(), v as PDFRef]) : []);
}

/** BaseFont of every Type0 font object in the file: one entry per embedded subset. */
function type0Fonts(pdf: PDFDocument): string[] {
  return pdf.context
    .enumerateIndirectObjects()
    .map(([, o]) => o)
    .filter((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Subtype'))?.toString() === '/Type0')
    .map((d) => d.get(PDFName.of('BaseFont'))!.toString().replace(/^\/[A-Z]{6}\+/, ''));
}

describe('exportPdfPages', () => {
  it('writes one page per layout, in order, each with its own trim, bleed and media boxes', async () => {
    const sizes = [[200, 100], [300, 150], [420, 594]];
    const { pdf, info } = await exported(sizes.map(([w, h]) => ({ layout: page(w, h, [text(song.id, '版面')]) })));
    expect(pdf.getPageCount()).toBe(3);
    const off = 3 * MM + 10 * MM;
    sizes.forEach(([w, h], i) => {
      const trim = boxOf(pdf, i, 'TrimBox');
      expect(trim[2] - trim[0]).toBeCloseTo(w, 2);
      expect(trim[3] - trim[1]).toBeCloseTo(h, 2);
      expect(boxOf(pdf, i, 'BleedBox')[0]).toBeCloseTo(off - 3 * MM, 2);
      expect(boxOf(pdf, i, 'MediaBox')).toEqual([0, 0, Number((w + 2 * off).toFixed(3)), Number((h + 2 * off).toFixed(3))]);
      expect(info.sheets[i].trimWidth).toBe(w);
    });
    expect(info.geometry).toEqual(info.sheets[0]);
  });

  it('subsets each face once over all pages; each page names only the faces it uses', async () => {
    const pages = [{ layout: page(200, 100, [text(song.id, '版面')]) }, { layout: page(200, 100, [text(hei.id, '标题')]) }, { layout: page(200, 100, [text(song.id, '面版一'), text(hei.id, '题', 40)]) }];
    const { pdf, info } = await exported(pages, { marks: false });
    expect(type0Fonts(pdf).sort()).toEqual(['NotoSansSC-Regular', 'NotoSerifSC-Regular']);
    expect(info.fonts).toHaveLength(2);
    const [p1, p2, p3] = [0, 1, 2].map((i) => resourceRefs(pdf, i, 'Font'));
    expect([...p1.keys()]).toEqual(['/F1']);
    expect([...p2.keys()]).toEqual(['/F2']);
    expect([...p3.keys()].sort()).toEqual(['/F1', '/F2']);
    expect(p3.get('/F1')).toBe(p1.get('/F1'));
    expect(p3.get('/F2')).toBe(p2.get('/F2'));
    // The one song subset holds the glyphs of pages 1 and 3: 版 面 一, each once.
    const f1 = pdf.context.lookup(p1.get('/F1'), PDFDict);
    const cid = f1.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
    expect(cid.lookup(PDFName.of('W'), PDFArray).lookup(1, PDFArray).size()).toBe(3);
  });

  it('writes a picture once however many pages (and documents) show it', async () => {
    const other = cleanPage();
    other.images = other.images.map((a) => ({ ...a, id: 'same-photo-other-id' }));
    const pages = [
      { layout: page(200, 100, [picture('anle-photo')]) },
      { layout: page(200, 100, [picture('anle-photo'), text(song.id, '图')]) },
      { layout: page(200, 100, [picture('same-photo-other-id')]), images: other.images },
    ];
    const { pdf, info } = await exported(pages, { images: cleanPage().images });
    expect(info.images).toBe(1);
    const refs = [0, 1, 2].map((i) => resourceRefs(pdf, i, 'XObject').get('/Im1'));
    expect(refs[0]).toBeInstanceOf(PDFRef);
    expect(refs[1]).toBe(refs[0]);
    expect(refs[2]).toBe(refs[0]);
    const xobjects = pdf.context.enumerateIndirectObjects().filter(([, o]) => o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype'))?.toString() === '/Image');
    expect(xobjects).toHaveLength(1);
  });

  it("keeps an image id's picture to its own page's document when ids collide", async () => {
    const a = cleanPage().images;
    const b = cleanPage().images.map((x) => ({ ...x, data: Buffer.from(new Uint8Array([0xff, 0xd8, 0xff, 0x00])).toString('base64') }));
    // Page 2 says anle-photo too, but its document's anle-photo is a different (here: broken) file.
    const r = await exportPdfPages([{ layout: page(200, 100, [picture('anle-photo')]), images: a }, { layout: page(200, 100, [picture('anle-photo')]), images: b }], { fonts, createdAt: AT });
    expect(r).toMatchObject({ ok: false, en: expect.stringContaining('cannot be embedded') });
  });

  it('draws each page’s marks and slug on that page only, with its own label', async () => {
    const pages = [{ layout: page(200, 100, [text(song.id, '甲')]), pageLabel: '第1版' }, { layout: page(200, 100, [text(song.id, '甲')]), pageLabel: '第2版' }];
    const { pdf } = await exported(pages, { fileName: 'ed.banmian' });
    const content = (i: number): string => {
      const s = pdf.getPage(i).node.lookup(PDFName.of('Contents'));
      return Buffer.from(decodePDFRawStream(s as PDFRawStream).decode()).toString('latin1');
    };
    for (const i of [0, 1]) expect(content(i).match(/\/CSReg cs/g)).toHaveLength(1);
    // The pages are the same but for the label in their slugs: 1 and 2 are the only different glyphs.
    const diff = [...content(0)].filter((ch, i) => ch !== content(1)[i]);
    expect(content(0).length).toBe(content(1).length);
    expect(diff.length).toBeGreaterThan(0);
    expect(diff.length).toBeLessThanOrEqual(4);
  });

  it('refuses an empty page list with a message in Chinese and English', async () => {
    const r = await exportPdfPages([], { fonts });
    expect(r).toMatchObject({ ok: false, zh: expect.stringContaining('页数为 0'), en: expect.stringContaining('0 pages') });
  });

  it('gives exportPdf and a one-page exportPdfPages the same bytes', async () => {
    const pl = layout(cleanPage(), { fonts });
    const opts = { fonts, images: cleanPage().images, createdAt: AT, pageLabel: '第3版', fileName: 'x.banmian' };
    const one = await exportPdf(pl, opts);
    const many = await exportPdfPages([{ layout: pl, pageLabel: '第3版' }], { ...opts, pageLabel: undefined });
    expect(one.ok && many.ok).toBe(true);
    if (one.ok && many.ok) expect(Buffer.from(one.bytes).equals(Buffer.from(many.bytes))).toBe(true);
  });
});

describe('the proof PDF', () => {
  it('is one document of two pages: each face it uses is embedded once, not once per page', async () => {
    const { doc, notes } = markedSamplePage();
    const r = await exportProofPdf(doc, notes, { fonts }, AT);
    if (!r.ok) throw new Error(r.en);
    const pdf = await PDFDocument.load(r.bytes, { updateMetadata: false });
    expect(pdf.getPageCount()).toBe(2);
    const names = type0Fonts(pdf);
    expect(names.length).toBeGreaterThan(1);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('preflight and the PDF writer', () => {
  it('refuse a face whose licence forbids a subset with the same words', async () => {
    const bytes = new Uint8Array(song.bytes);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < view.getUint16(4); i++) {
      const rec = 12 + 16 * i;
      // OS/2 fsType (offset 8 in the table) := 0x0002, restricted licence embedding.
      if (String.fromCharCode(...bytes.subarray(rec, rec + 4)) === 'OS/2') view.setUint16(view.getUint32(rec + 8) + 8, 0x0002);
    }
    const reg = new FontRegistry();
    reg.addFace(bytes, 'song', false);
    for (const f of fonts.allFaces()) if (f.family !== 'song' || f.bold) reg.addFace(f.bytes, f.family, f.bold);
    const doc = cleanPage();
    const pl = layout(doc, { fonts: reg });
    const issue = preflight(doc, pl, { fonts: reg }).errors.find((e) => e.code === 'font-not-embeddable')!;
    const r = await exportPdf(pl, { fonts: reg, images: doc.images });
    expect(r).toMatchObject({ ok: false, zh: issue.zh, en: issue.en });
    expect(issue.en).toContain('0x0002');
  });
});
