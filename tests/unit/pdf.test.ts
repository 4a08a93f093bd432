import * as fontkit from 'fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, decodePDFRawStream } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { layout } from '../../src-core/layout/layout';
import { BLACK, type PageLayout } from '../../src-core/layout/page-layout';
import { exportPdf, type PdfExportOptions } from '../../src-core/pdf';
import { ContentWriter } from '../../src-core/pdf/content';
import { subsetTag, toUnicodeCMap } from '../../src-core/pdf/font-subset';
import { decodeBase64, passThrough, rasterFacts } from '../../src-core/pdf/images';
import { embeddingLicence, mayEmbedSubset, readTrueType, subsetTrueType } from '../../src-core/pdf/truetype';
import { fontProvider } from '../../src-main/fonts/provider';
import { cleanPage, fixtureBytes, withImage } from '../fixtures/pdf/pages';

const fonts = fontProvider().registry();
const song = fonts.face({ family: 'song', bold: false });
const MM = 72 / 25.4;
const AT = new Date('2024-01-16T14:30:00Z');

function tinyLayout(over: Partial<PageLayout> = {}): PageLayout {
  return {
    width: 200,
    height: 100,
    items: [
      { kind: 'glyphs', face: song.id, size: 10, color: BLACK, y: 20, text: '版面1', xs: [10, 20, 30], hScale: 1 },
      { kind: 'rule', x1: 10, y1: 30, x2: 190, y2: 30, width: 0.5, color: BLACK },
    ],
    frames: [],
    overset: [],
    missingGlyphs: [],
    report: { page: {} as never, articles: {} },
    grid: { left: 0, top: 0, colWidth: 0, gutter: 0, columns: 1, pitch: 12, rows: 1, bodySize: 9 },
    ...over,
  };
}

async function exported(pl: PageLayout, opts: Partial<PdfExportOptions> = {}): Promise<{ bytes: Uint8Array; pdf: PDFDocument }> {
  const r = await exportPdf(pl, { fonts, createdAt: AT, ...opts });
  if (!r.ok) throw new Error(r.en);
  return { bytes: r.bytes, pdf: await PDFDocument.load(r.bytes, { updateMetadata: false }) };
}

function raw(v: unknown): PDFRawStream {
  if (!(v instanceof PDFRawStream)) throw new Error('expected a stream');
  return v;
}

function pageContent(pdf: PDFDocument): string {
  const page = pdf.getPage(0);
  const stream = raw(page.node.lookup(PDFName.of('Contents')));
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
}

function boxOf(pdf: PDFDocument, name: string): number[] {
  const arr = pdf.getPage(0).node.lookup(PDFName.of(name), PDFArray);
  return arr.asArray().map((n) => Number(n.toString()));
}

describe('TrueType subsetting', () => {
  const bytes = song.bytes;
  const font = fontkit.create(bytes as never) as fontkit.Font;
  const text = '洛阳日报——“样张”…2024年，ABC';
  const gids = [...text].map((ch) => song.glyphId(ch.codePointAt(0)!));

  it('keeps every used glyph outline and advance, renumbered after .notdef', () => {
    const sub = subsetTrueType(bytes, gids);
    const opened = fontkit.create(sub.bytes as never) as fontkit.Font;
    expect(opened.numGlyphs).toBe(new Set(gids).size + 1);
    for (const g of gids) {
      const n = sub.newGid.get(g)!;
      expect(n).toBeGreaterThan(0);
      expect(opened.getGlyph(n).path.toSVG()).toBe(font.getGlyph(g).path.toSVG());
      expect(sub.advances[n]).toBe(font.getGlyph(g).advanceWidth);
    }
    expect(sub.bytes.length).toBeLessThan(bytes.length / 100);
  });

  it('reads the licence bits and knows which allow a subset', () => {
    expect(readTrueType(bytes).fsType).toBe(0);
    expect(readTrueType(bytes).outlines).toBe('glyf');
    expect(embeddingLicence(0)).toBe('installable');
    expect(embeddingLicence(0x0002)).toBe('restricted');
    expect(embeddingLicence(0x0004)).toBe('preview-print');
    expect(embeddingLicence(0x0008)).toBe('editable');
    expect(embeddingLicence(0x0104)).toBe('no-subsetting');
    expect(embeddingLicence(0x0200)).toBe('bitmap-only');
    expect([0, 2, 4, 8, 0x104, 0x200].map(mayEmbedSubset)).toEqual([true, false, true, true, false, false]);
  });

  it('names subsets with six capital letters, stable for the same glyphs', () => {
    const a = subsetTag('NotoSerifSC-Regular', [1, 2, 3]);
    expect(a).toMatch(/^[A-Z]{6}$/);
    expect(subsetTag('NotoSerifSC-Regular', [1, 2, 3])).toBe(a);
    expect(subsetTag('NotoSerifSC-Regular', [1, 2, 4])).not.toBe(a);
  });

  it('maps CIDs back to text, astral characters as surrogate pairs', () => {
    const cmap = toUnicodeCMap([0, 0x6d1b, 0x2014, 0x20bb7]);
    expect(cmap).toContain('3 beginbfchar\n<0001> <6D1B>\n<0002> <2014>\n<0003> <D842DFB7>\nendbfchar');
  });
});

describe('content stream operators', () => {
  it('positions glyphs with TJ adjustments computed by hand', () => {
    // Widths (1/1000 em) by CID: 1 → 1000, 2 → 500. At 10 pt: after CID 1 the pen is at 10 (= xs[1]),
    // after CID 2 at 15 but the next glyph is at 16: 1 pt = 100 units to the right, written -100.
    const cw = new ContentWriter();
    cw.glyphs('F1', 10, 100, 50, 700, [1, 2, 1], [0, 1000, 500], [0, 10, 16]);
    expect(cw.toString()).toBe('BT\n/F1 10 Tf\n1 0 0 1 50 700 Tm\n[<00010002>-100<0001>] TJ\nET');
  });

  it('writes a horizontal scale as Tz and scales the adjustments with it', () => {
    // Two 1000-unit glyphs at 10 pt, 50% wide: advance 5 pt; placed 6 pt apart → 1 pt = 200 units at 50%.
    const cw = new ContentWriter();
    cw.glyphs('F1', 10, 50, 0, 0, [1, 1], [0, 1000], [0, 6]);
    expect(cw.toString()).toBe('BT\n/F1 10 Tf\n50 Tz\n1 0 0 1 0 0 Tm\n[<0001>-200<0001>] TJ\nET');
  });

  it('writes colour and line width only when they change', () => {
    const cw = new ContentWriter();
    cw.strokeCmyk(BLACK);
    cw.width(0.5);
    cw.line(0, 0, 10, 0);
    cw.strokeCmyk(BLACK);
    cw.width(0.5);
    cw.line(0, 5, 10, 5);
    expect(cw.toString()).toBe('0 0 0 1 K\n0.5 w\n0 0 m 10 0 l S\n0 5 m 10 5 l S');
  });
});

describe('images', () => {
  it('reads JPEG and PNG facts from the headers', () => {
    const cmyk = rasterFacts(fixtureBytes('photo-cmyk.jpg'));
    expect(cmyk).toEqual({ ok: true, facts: { format: 'jpeg', width: 1600, height: 1200, colorSpace: 'cmyk', bitsPerComponent: 8, hasAlpha: false, adobe: true, interlaced: false } });
    const indexed = rasterFacts(fixtureBytes('graphic-indexed.png'));
    expect(indexed.ok && indexed.facts.colorSpace).toBe('indexed');
    expect(rasterFacts(new Uint8Array([1, 2, 3])).ok).toBe(false);
  });

  it('passes a CMYK JPEG through unchanged, inverted back by Decode', () => {
    const bytes = fixtureBytes('photo-cmyk.jpg');
    const p = rasterFacts(bytes);
    if (!p.ok) throw new Error(p.en);
    const direct = passThrough(bytes, p.facts)!;
    expect(direct.data).toBe(bytes);
    expect(direct.dict).toMatchObject({ ColorSpace: 'DeviceCMYK', Filter: 'DCTDecode', Decode: [1, 0, 1, 0, 1, 0, 1, 0] });
  });

  it('decodes base64 without Buffer', () => {
    expect(Array.from(decodeBase64('AAEC/w==')!)).toEqual([0, 1, 2, 255]);
    expect(decodeBase64('ab$c')).toBeUndefined();
  });
});

describe('exportPdf', () => {
  it('sets trim, bleed and media boxes: trim = page, bleed 3 mm, marks outside', async () => {
    const { pdf } = await exported(tinyLayout());
    const off = 3 * MM + 10 * MM; // mark offset (the bleed) + 10 mm for marks and slug
    const trim = boxOf(pdf, 'TrimBox');
    expect(trim[0]).toBeCloseTo(off, 2);
    expect(trim[2] - trim[0]).toBeCloseTo(200, 2);
    expect(trim[3] - trim[1]).toBeCloseTo(100, 2);
    const bleed = boxOf(pdf, 'BleedBox');
    expect(trim[0] - bleed[0]).toBeCloseTo(3 * MM, 2);
    expect(bleed[3] - trim[3]).toBeCloseTo(3 * MM, 2);
    expect(boxOf(pdf, 'MediaBox')).toEqual([0, 0, Number((200 + 2 * off).toFixed(3)), Number((100 + 2 * off).toFixed(3))]);
  });

  it('without marks the sheet is the bleed box; the bleed is settable', async () => {
    const { pdf } = await exported(tinyLayout(), { marks: false, bleed: 5 * MM });
    expect(boxOf(pdf, 'MediaBox')).toEqual(boxOf(pdf, 'BleedBox'));
    expect(boxOf(pdf, 'TrimBox')[0]).toBeCloseTo(5 * MM, 2);
    expect(pageContent(pdf)).not.toContain('/CSReg');
  });

  it('draws text and rules in K-only black, never RGB or gray', async () => {
    const { pdf } = await exported(tinyLayout());
    const content = pageContent(pdf);
    expect(content).toContain('0 0 0 1 k');
    expect(content).toContain('0 0 0 1 K');
    expect(content).not.toMatch(/\b(rg|RG|g|G)\n/);
    // The glyph run: first glyph at trim x 10, baseline 20 below the trim top.
    const off = 3 * MM + 10 * MM;
    expect(content).toContain(`1 0 0 1 ${Math.round((off + 10) * 1000) / 1000} ${Math.round((off + 100 - 20) * 1000) / 1000} Tm`);
  });

  it('embeds each used face once as an Identity-H CIDFontType2 subset with a tag, widths and ToUnicode', async () => {
    const { pdf } = await exported(tinyLayout());
    const fontsDict = pdf.getPage(0).node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
    const keys = fontsDict.keys().map((k) => k.toString());
    expect(keys).toEqual(['/F1']); // the slug line uses the default song face too: one subset for both
    const f1 = fontsDict.lookup(PDFName.of('F1'), PDFDict);
    expect(f1.get(PDFName.of('Subtype'))!.toString()).toBe('/Type0');
    expect(f1.get(PDFName.of('Encoding'))!.toString()).toBe('/Identity-H');
    expect(f1.get(PDFName.of('BaseFont'))!.toString()).toMatch(/^\/[A-Z]{6}\+NotoSerifSC-Regular$/);
    expect(f1.get(PDFName.of('ToUnicode'))).toBeInstanceOf(PDFRef);
    const cid = (f1.lookup(PDFName.of('DescendantFonts'), PDFArray)).lookup(0, PDFDict);
    expect(cid.get(PDFName.of('Subtype'))!.toString()).toBe('/CIDFontType2');
    // 版 面 are full-width (1000), the digit 1 is proportional.
    const w = cid.lookup(PDFName.of('W'), PDFArray).lookup(1, PDFArray).asArray().map((n) => Number(n.toString()));
    expect(w.slice(0, 3)).toEqual([1000, 1000, Math.round(song.advance(0x31) * 1e6) / 1e3]);
  });

  it('fills an image frame centre-cropped and passes the JPEG bytes through', async () => {
    const doc = cleanPage();
    const jpeg = fixtureBytes('photo-cmyk.jpg');
    // A square frame on a 4:3 photo: scaled to the frame height, 1/8 of the width cut off each side.
    const pl = tinyLayout({ items: [{ kind: 'image', imageId: 'anle-photo', x: 20, y: 10, width: 60, height: 60 }] });
    const { pdf } = await exported(pl, { images: doc.images, marks: false, bleed: 0 });
    const content = pageContent(pdf);
    expect(content).toContain('20 30 60 60 re W n');
    expect(content).toContain('80 0 0 60 10 30 cm /Im1 Do');
    const xobj = raw(pdf.getPage(0).node.Resources()!.lookup(PDFName.of('XObject'), PDFDict).lookup(PDFName.of('Im1')));
    expect(Buffer.from(xobj.contents).equals(Buffer.from(jpeg))).toBe(true);
    expect(xobj.dict.get(PDFName.of('ColorSpace'))!.toString()).toBe('/DeviceCMYK');
  });

  it('embeds an indexed PNG losslessly with its palette', async () => {
    const doc = withImage('graphic-indexed.png', 1600, 1200, 'image/png', 'rgb');
    const pl = tinyLayout({ items: [{ kind: 'image', imageId: 'anle-photo', x: 0, y: 0, width: 160, height: 120 }] });
    const { pdf } = await exported(pl, { images: doc.images });
    const xobj = raw(pdf.getPage(0).node.Resources()!.lookup(PDFName.of('XObject'), PDFDict).lookup(PDFName.of('Im1')));
    expect(xobj.dict.lookup(PDFName.of('ColorSpace'), PDFArray).get(0).toString()).toBe('/Indexed');
    expect(xobj.dict.get(PDFName.of('DecodeParms'))).toBeDefined();
  });

  it('writes PDF/X-4: version 1.6, output intent, XMP with the version, Trapped, IDs; a plain PDF has no intent', async () => {
    const profile = new Uint8Array(200).fill(7);
    const { bytes, pdf } = await exported(tinyLayout(), { title: '洛阳日报 第3版', pdfx: { profile, outputConditionIdentifier: 'FOGRA39', outputCondition: 'coated' } });
    const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
    expect(head).toBe('%PDF-1.6');
    const intents = pdf.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    const intent = intents.lookup(0, PDFDict);
    expect(intent.get(PDFName.of('S'))!.toString()).toBe('/GTS_PDFX');
    expect(intent.get(PDFName.of('OutputConditionIdentifier'))!.toString()).toBe('(FOGRA39)');
    const xmp = Buffer.from(raw(pdf.catalog.lookup(PDFName.of('Metadata'))).contents).toString('utf8');
    expect(xmp).toContain('<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>');
    expect(xmp).toContain('<pdf:Trapped>False</pdf:Trapped>');
    expect(xmp).toContain('<rdf:li xml:lang="x-default">洛阳日报 第3版</rdf:li>');
    expect(xmp).toContain('<xmp:CreateDate>2024-01-16T14:30:00Z</xmp:CreateDate>');
    expect(pdf.getTitle()).toBe('洛阳日报 第3版');
    expect(pdf.context.trailerInfo.Encrypt).toBeUndefined();
    expect(pdf.context.trailerInfo.ID).toBeDefined();
    const docId = /<xmpMM:DocumentID>uuid:([0-9a-f-]+)<\/xmpMM:DocumentID>/.exec(xmp)![1].replace(/-/g, '');
    expect(pdf.context.trailerInfo.ID!.toString().toLowerCase()).toContain(docId);

    const plain = await exported(tinyLayout());
    expect(plain.pdf.catalog.get(PDFName.of('OutputIntents'))).toBeUndefined();
    expect(Buffer.from(raw(plain.pdf.catalog.lookup(PDFName.of('Metadata'))).contents).toString('utf8')).not.toContain('GTS_PDFXVersion');
  });

  it('is reproducible: the same page and time give the same bytes', async () => {
    const pl = layout(cleanPage(), { fonts });
    const a = await exportPdf(pl, { fonts, createdAt: AT, images: cleanPage().images });
    const b = await exportPdf(pl, { fonts, createdAt: AT, images: cleanPage().images });
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });

  it('returns errors as values in Chinese and English', async () => {
    const unknownFace = await exportPdf(tinyLayout({ items: [{ kind: 'glyphs', face: 'nope', size: 9, color: BLACK, y: 10, text: '字', xs: [0], hScale: 1 }] }), { fonts });
    expect(unknownFace).toMatchObject({ ok: false, zh: expect.stringContaining('nope'), en: expect.stringContaining('not registered') });
    const badBleed = await exportPdf(tinyLayout(), { fonts, bleed: -1 });
    expect(badBleed.ok).toBe(false);
    const corrupt = await exportPdf(tinyLayout({ items: [{ kind: 'image', imageId: 'x', x: 0, y: 0, width: 10, height: 10 }] }), { fonts, imageBytes: () => new Uint8Array([0xff, 0xd8, 0xff, 0x00]) });
    expect(corrupt).toMatchObject({ ok: false, en: expect.stringContaining('cannot be embedded') });
  });
});
