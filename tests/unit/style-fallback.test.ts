import { describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { createFontProvider } from '../../src-core/fonts/provider';
import { CompositionCache } from '../../src-core/layout/cache';
import { layout } from '../../src-core/layout/layout';
import { facesUsed } from '../../src-core/layout/page-fonts';
import type { BanmianDocument } from '../../src-core/model/document';
import { parseDocument, serializeDocument } from '../../src-core/model/serialize';
import { exportPdf } from '../../src-core/pdf';
import { FONT_SOURCES } from '../../src-main/fonts/provider';
import { samplePage, samplePageInPageStyles } from '../../bench/pages';

const fonts = createFontProvider(FONT_SOURCES).registry();
/** U+4DB6 (CJK Ext A): the bundled 宋 and 楷 have it, the bundled 黑 does not (checked below). */
const RARE = '䶶';
const ARTICLE = 'xie-feng';

/**
 * The sample page with a 生僻字 in 谢峰's headline, the headline set in 黑 with this fallback chain;
 * in the page's styles, as the article's own overrides set its headline in 标宋.
 */
function page(fallback?: string[]): BanmianDocument {
  const doc = samplePageInPageStyles();
  const a = doc.articles.find((x) => x.id === ARTICLE)!;
  a.headline = `真抓实干${RARE}谋发展`;
  doc.page.styles.headline = { ...doc.page.styles.headline, family: 'hei', ...(fallback ? { fallback } : {}) };
  return doc;
}

/** The face the headline's rare character is drawn in, and what the layout reports for it. */
function rareFace(doc: BanmianDocument, cache?: CompositionCache): { face: string | undefined; reported: unknown } {
  const pl = layout(doc, { fonts, ...(cache ? { cache } : {}) });
  const run = pl.items.find((i) => i.kind === 'glyphs' && i.source?.owner === ARTICLE && i.source.field === 'headline' && i.text.includes(RARE));
  const reported = pl.glyphFallbacks?.filter((g) => g.char === RARE);
  return { face: run?.kind === 'glyphs' ? run.face : undefined, reported };
}

describe('each style has a fallback chain', () => {
  const bold = samplePage().page.styles.headline.bold ? 'bold' : 'regular';

  it('the bundled faces are as the test needs them', () => {
    const cp = RARE.codePointAt(0)!;
    expect([`hei-${bold}`, `song-${bold}`, `kai-${bold}`].map((id) => fonts.faceById(id)!.hasGlyph(cp))).toEqual([false, true, true]);
  });

  it('without a chain of its own, a style draws a 生僻字 from the bundled chain (宋 before 楷)', () => {
    expect(rareFace(page())).toEqual({ face: `song-${bold}`, reported: [expect.objectContaining({ face: `hei-${bold}`, via: `song-${bold}`, owner: ARTICLE })] });
  });

  it('a style’s chain comes first: 楷 draws it, on the page and in the PDF, and the layout reports it', async () => {
    const doc = page(['kai']);
    expect(rareFace(doc)).toEqual({ face: `kai-${bold}`, reported: [expect.objectContaining({ face: `hei-${bold}`, via: `kai-${bold}`, owner: ARTICLE })] });
    const r = await exportPdf(layout(doc, { fonts }), { fonts, createdAt: new Date(0) });
    if (!r.ok) throw new Error(r.en);
    const pdf = await PDFDocument.load(r.bytes, { updateMetadata: false });
    const dict = pdf.getPage(0).node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
    const names = dict.keys().map((k) => dict.lookup(k, PDFDict).get(PDFName.of('BaseFont'))!.toString().replace(/^\/[A-Z]{6}\+/, ''));
    expect(names).toContain(fonts.faceById(`kai-${bold}`)!.postscriptName);
    // A chain face that lacks it too is passed over; the bundled chain still finds one.
    expect(rareFace(page(['hei', 'biaosong'])).face).toBe(`biaosong-${bold}`);
    expect(rareFace(page(['no-such-family'])).face).toBe(`song-${bold}`);
    // The editor's composition cache sets the headline again when only its chain changed.
    const cache = new CompositionCache(fonts);
    expect(rareFace(page(), cache).face).toBe(`song-${bold}`);
    expect(rareFace(page(['kai']), cache).face).toBe(`kai-${bold}`);
  });

  it('the chain is kept through the file, counts among the faces the page uses, and a bad one is refused naming the field', () => {
    const doc = page(['kai', 'biaosong']);
    const reopened = parseDocument(serializeDocument(doc));
    if (!reopened.ok) throw new Error(reopened.en);
    expect(reopened.document.page.styles.headline.fallback).toEqual(['kai', 'biaosong']);
    expect(reopened.document.page.styles.body.fallback).toBeUndefined();
    expect(facesUsed(doc)).toEqual(expect.arrayContaining([{ family: 'kai', bold: bold === 'bold' }]));
    for (const bad of ['kai', [''], Array(9).fill('kai'), [3]]) {
      const r = parseDocument(serializeDocument({ ...doc, page: { ...doc.page, styles: { ...doc.page.styles, headline: { ...doc.page.styles.headline, fallback: bad as string[] } } } }));
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.issues?.[0].path).toBe('page.styles.headline.fallback');
      expect(r.zh).toContain('缺字替补字体');
      expect(r.en).toContain('Fallback faces');
    }
  });
});
