import { describe, expect, it } from 'vitest';
import { imageExclusions } from '../../src-core/layout/images';
import { layout } from '../../src-core/layout/layout';
import type { GlyphRun, PageLayout } from '../../src-core/layout/page-layout';
import type { ArticleBlock, BanmianDocument, ImageBlock } from '../../src-core/model/document';
import { validateDocument } from '../../src-core/model/validate';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { samplePage } from '../../bench/pages';
import { fonts } from './support';

/** 文字绕排: the sample's photo (columns 4–6, lines 67–91) sits in 安乐's block (columns 4–7, lines 63–103). */

/**
 * The sample with 安乐 long enough to fill its block, the block a plain rectangle (南关's block,
 * under its stepped fourth column, taken away), and the photo's wrap fields.
 */
function withWrap(fields: Partial<ImageBlock>): BanmianDocument {
  const doc = samplePage();
  const body = docFromParagraphs(Array.from({ length: 40 }, () => '社区工作人员走访沿街商户，宣传烟花爆竹禁放禁售规定。'.repeat(4)));
  const blocks = doc.blocks
    .filter((b) => b.id !== 'b-nanguan')
    .map((b) => (b.id === 'b-anle-photo' ? ({ ...b, ...fields } as ImageBlock) : b.id === 'b-anle' ? { ...b, columnRows: undefined } : b));
  return { ...doc, articles: doc.articles.map((a) => (a.id === 'anle' ? { ...a, body } : a)), blocks };
}

const anle = (doc: BanmianDocument) => doc.blocks.find((b): b is ArticleBlock => b.id === 'b-anle')!;

/** Body lines of 安乐 by grid column and grid line. */
function bodyCells(doc: BanmianDocument): Set<string> {
  const pl: PageLayout = layout(doc, { fonts });
  const cells = new Set<string>();
  for (const r of pl.items.filter((i): i is GlyphRun => i.kind === 'glyphs')) {
    if (r.source?.owner !== 'anle' || r.source.field !== 'body') continue;
    const col = Math.floor((r.xs[0] - pl.grid.left + 1) / (pl.grid.colWidth + pl.grid.gutter));
    const line = Math.floor((r.y - pl.grid.top) / pl.grid.pitch);
    cells.add(`${col}:${line}`);
  }
  return cells;
}

const inRows = (cells: Set<string>, col: number, from: number, to: number) => [...cells].filter((c) => Number(c.split(':')[0]) === col && Number(c.split(':')[1]) >= from && Number(c.split(':')[1]) <= to);

describe('picture text wrap', () => {
  it('around (the default) takes the picture’s columns and one line above and below', () => {
    const doc = samplePage();
    expect(imageExclusions(doc, anle(doc))).toEqual([{ col: 4, span: 3, row: 66, rows: 27 }]);
    expect(imageExclusions(withWrap({ wrap: 'around' }), anle(doc))).toEqual([{ col: 4, span: 3, row: 66, rows: 27 }]);
  });

  it('the offset in lines widens the gap above and below, never past the block’s own edges', () => {
    const doc = samplePage();
    expect(imageExclusions(withWrap({ wrapOffset: 3 }), anle(doc))).toEqual([{ col: 4, span: 3, row: 64, rows: 31 }]);
    expect(imageExclusions(withWrap({ wrapOffset: 0 }), anle(doc))).toEqual([{ col: 4, span: 3, row: 67, rows: 25 }]);
    // Four lines lie between the block's top (63) and the picture (67): an offset of 9 stops there.
    expect(imageExclusions(withWrap({ wrapOffset: 9 }), anle(doc))[0].row).toBe(63);
  });

  it('band clears the article’s whole width; none takes nothing', () => {
    const doc = samplePage();
    expect(imageExclusions(withWrap({ wrap: 'band' }), anle(doc))).toEqual([{ col: 4, span: 4, row: 66, rows: 27 }]);
    expect(imageExclusions(withWrap({ wrap: 'none' }), anle(doc))).toEqual([]);
  });

  it('the typesetter honours it: text beside the picture with around, none beside it with band, under it with none', () => {
    const around = bodyCells(withWrap({}));
    expect(inRows(around, 4, 67, 91)).toEqual([]);
    expect(inRows(around, 7, 67, 91).length).toBeGreaterThan(20);
    const band = bodyCells(withWrap({ wrap: 'band' }));
    expect(inRows(band, 7, 66, 92)).toEqual([]);
    expect(inRows(band, 4, 93, 103).length).toBeGreaterThan(0);
    const none = bodyCells(withWrap({ wrap: 'none' }));
    expect(inRows(none, 4, 67, 91).length).toBeGreaterThan(0);
  });

  it('a file with an unknown wrap or an offset out of range is refused, naming the field', () => {
    const bad = validateDocument(withWrap({ wrap: 'sideways' as never, wrapOffset: 11 }));
    expect(bad.ok).toBe(false);
    const paths = bad.ok ? [] : bad.issues.map((i) => i.path);
    expect(paths.some((p) => p.endsWith('.wrap'))).toBe(true);
    expect(paths.some((p) => p.endsWith('.wrapOffset'))).toBe(true);
    expect(validateDocument(withWrap({ wrap: 'band', wrapOffset: 2 })).ok).toBe(true);
  });
});
