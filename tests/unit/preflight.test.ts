import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FontRegistry } from '../../src-core/fonts/registry';
import { layout } from '../../src-core/layout/layout';
import { BLACK, type PageLayout } from '../../src-core/layout/page-layout';
import type { BanmianDocument } from '../../src-core/model/document';
import { preflight, type PreflightCode } from '../../src-core/preflight';
import { fontProvider } from '../../src-main/fonts/provider';
import { MISSING_CHAR, cleanPage, missingGlyphPage, oversetPage, withImage } from '../fixtures/pdf/pages';

const fonts = fontProvider().registry();
const MM = 72 / 25.4;

function check(doc: BanmianDocument, pl: PageLayout = layout(doc, { fonts }), reg = fonts) {
  return preflight(doc, pl, { fonts: reg });
}

const codes = (issues: { code: PreflightCode }[]): PreflightCode[] => issues.map((i) => i.code);

describe('preflight', () => {
  it('finds nothing on the clean sample page', () => {
    const r = check(cleanPage());
    expect(r).toEqual({ errors: [], warnings: [] });
  });

  it('warns about a picture frame still waiting for its picture (the unedited sample page\'s placeholder): the page still goes out', () => {
    const doc = cleanPage();
    doc.images = doc.images.map(({ data: _data, ...rest }) => rest);
    const r = check(doc);
    expect([codes(r.errors), codes(r.warnings)]).toEqual([[], ['image-missing']]);
    expect(r.warnings[0].zh).toContain('印刷时是空框');
  });

  it('warns about an ad frame with no artwork placed (make-up\'s 公益广告 frame, a booked ad still to come), naming it; not once its artwork is placed', () => {
    const doc = cleanPage();
    const ad = { id: 'filler-ad-1', kind: 'ad' as const, advertiser: '公益广告', col: 0, span: 4, row: 100, rows: 10, locked: true };
    const empty = check({ ...doc, blocks: [...doc.blocks, ad] });
    expect([codes(empty.errors), codes(empty.warnings)]).toEqual([[], ['ad-missing']]);
    expect(empty.warnings[0]).toMatchObject({ blockId: 'filler-ad-1', zh: '广告位 “公益广告” 还没有放入图稿（占位框），印刷时是空框' });
    const placed = check({ ...doc, blocks: [...doc.blocks, { ...ad, imageId: doc.images[0].id }] });
    expect(codes(placed.warnings)).not.toContain('ad-missing');
  });

  it('reports text blocks that overlap as an error naming both articles and where', () => {
    const doc = cleanPage();
    // b-wu-jinsong (cols 5–8, lines 5–30) dragged one column left onto b-xie-feng (cols 1–4, lines 5–34).
    doc.blocks = doc.blocks.map((b) => (b.id === 'b-wu-jinsong' ? { ...b, col: 3 } : b));
    const r = check(doc);
    const overlaps = r.errors.filter((i) => i.code === 'text-overlap');
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0].blockId).toBe('b-wu-jinsong');
    expect(overlaps[0].zh).toContain('第 4 栏第 5 行');
    expect(overlaps[0].en).toContain('column 4, line 5');
  });

  it('does not count a picture inside its article, or a stepped block whose short column ends above its neighbour', () => {
    const doc = cleanPage();
    // b-wu-jinsong's last two columns end after 10 lines; b-funiu-road moved up under them, into cols 7–8 only.
    doc.blocks = doc.blocks.map((b) => (b.id === 'b-wu-jinsong' ? { ...b, columnRows: [26, 26, 10, 10] } : b.id === 'b-funiu-road' ? { ...b, col: 6, span: 2, row: 14 } : b));
    expect(codes(check(doc).errors)).not.toContain('text-overlap');
    doc.blocks = doc.blocks.map((b) => (b.id === 'b-funiu-road' ? { ...b, row: 13 } : b));
    expect(codes(check(doc).errors)).toContain('text-overlap');
  });

  it('finds the overset article and counts its characters', () => {
    const doc = oversetPage();
    const pl = layout(doc, { fonts });
    const r = check(doc, pl);
    expect(codes(r.errors)).toEqual(['overset']);
    expect(r.errors[0].articleId).toBe('wu-jinsong');
    expect(r.errors[0].count).toBe(pl.overset[0].characters);
    expect(r.errors[0].count).toBeGreaterThan(300);
    expect(r.errors[0].zh).toContain('溢排');
    expect(r.errors[0].en).toContain('overset');
  });

  it('finds a 72-ppi picture: 400 px across a 4-column frame of 495 pt is 58 ppi', () => {
    // 4 columns × 13 characters × 9 pt + 3 gutters × 9 pt = 495 pt = 6.875 in; 400 px / 6.875 in = 58.2.
    const doc = withImage('photo-72ppi-cmyk.jpg', 400, 300, 'image/jpeg', 'cmyk');
    const r = check(doc);
    expect(codes(r.errors)).toEqual(['image-low-resolution']);
    expect(r.errors[0].count).toBe(58);
    expect(r.warnings).toEqual([]);
  });

  it('warns about an RGB picture and an indexed one', () => {
    const rgb = check(withImage('photo-rgb.jpg', 1600, 1200, 'image/jpeg', 'rgb'));
    expect(rgb.errors).toEqual([]);
    expect(codes(rgb.warnings)).toEqual(['image-rgb']);
    const indexed = check(withImage('graphic-indexed.png', 1600, 1200, 'image/png', 'rgb'));
    expect(codes(indexed.warnings)).toEqual(['image-indexed']);
  });

  it('finds a glyph that no font has', () => {
    const r = check(missingGlyphPage());
    expect(codes(r.errors)).toEqual(['missing-glyph']);
    expect(r.errors[0].zh).toContain(MISSING_CHAR);
    expect(r.errors[0].en).toContain('U+2418D');
    expect(r.errors[0].articleId).toBe('soe-ranking');
  });

  it('warns about an empty block and a block whose article is gone', () => {
    const doc = cleanPage();
    doc.blocks = [...doc.blocks, { id: 'b-ghost', kind: 'article', articleId: 'no-such-article', col: 0, span: 2, row: 90, rows: 2 }];
    const r = check(doc);
    expect(codes(r.warnings)).toEqual(['empty-block']);
    expect(r.warnings[0].blockId).toBe('b-ghost');
  });

  it('warns about content that crosses the trim but stops short of the bleed', () => {
    const doc = cleanPage();
    const pl = layout(doc, { fonts });
    const short = { ...pl, items: [...pl.items, { kind: 'box' as const, x: -4, y: 100, width: 50, height: 20, fill: BLACK, strokeWidth: 0 }] };
    expect(codes(check(doc, short).warnings)).toEqual(['bleed-short']);
    const full = { ...pl, items: [...pl.items, { kind: 'box' as const, x: -3 * MM, y: 100, width: 50, height: 20, fill: BLACK, strokeWidth: 0 }] };
    expect(check(doc, full).warnings).toEqual([]);
  });

  it('refuses a font whose licence bits forbid embedding', () => {
    const song = fonts.face({ family: 'song', bold: false });
    const bytes = new Uint8Array(song.bytes);
    // OS/2 fsType (offset 8 in the table) := 0x0002, restricted licence embedding.
    const view = new DataView(bytes.buffer);
    const numTables = view.getUint16(4);
    for (let i = 0; i < numTables; i++) {
      const rec = 12 + 16 * i;
      if (String.fromCharCode(...bytes.subarray(rec, rec + 4)) === 'OS/2') view.setUint16(view.getUint32(rec + 8) + 8, 0x0002);
    }
    const reg = new FontRegistry();
    reg.addFace(bytes, 'song', false);
    for (const f of fonts.allFaces()) if (f.family !== 'song' || f.bold) reg.addFace(f.bytes, f.family, f.bold);
    const doc = cleanPage();
    const r = check(doc, layout(doc, { fonts: reg }), reg);
    expect(codes(r.errors)).toEqual(['font-not-embeddable']);
    expect(r.errors[0].en).toContain('restricted');
  });
});

describe('preflight and the PDF writer', () => {
  it('asks the writer only through its public face (src-core/pdf/index.ts), never its internals', () => {
    const dir = fileURLToPath(new URL('../../src-core/preflight/', import.meta.url));
    const deep = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(`${dir}${f}`, 'utf8').matchAll(/from '(\.\.\/pdf\/[^']+)'/g)].map((m) => `${f}: ${m[1]}`));
    expect(deep).toEqual([]);
  });
});
