import { describe, expect, it } from 'vitest';
import { imageExclusions } from '../../src-core/layout/images';
import { layout } from '../../src-core/layout/layout';
import type { GlyphRun, PageLayout } from '../../src-core/layout/page-layout';
import type { ArticleBlock, BanmianDocument, ImageBlock } from '../../src-core/model/document';
import { validateDocument } from '../../src-core/model/validate';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { samplePage } from '../../bench/pages';
import { fonts } from './support';

/**
 * 文字绕排 on the sample's photo in 安乐's block, both read from the sample (now: the photo columns
 * 7–8, lines 81–101, as wide as 安乐's block, columns 7–8 from line 77 to the foot).
 */
const sample = samplePage();
const photo = sample.blocks.find((b): b is ImageBlock => b.id === 'b-anle-photo')!;

/**
 * The sample with 安乐 long enough to fill its block, the block a plain rectangle, the photo's wrap
 * fields, and the photo in all of 安乐's columns but the last, so that one has text beside it (the
 * sample's photo is as wide as the block).
 */
function withWrap(fields: Partial<ImageBlock>): BanmianDocument {
  const doc = samplePage();
  const block = anle(doc);
  const body = docFromParagraphs(Array.from({ length: 40 }, () => '社区工作人员走访沿街商户，宣传烟花爆竹禁放禁售规定。'.repeat(4)));
  const blocks = doc.blocks.map((b) => (b.id === 'b-anle-photo' ? ({ ...b, col: block.col, span: block.span - 1, ...fields } as ImageBlock) : b.id === 'b-anle' ? { ...b, columnRows: undefined } : b));
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
  const block = anle(sample);
  /** The last of 安乐's columns, beside the photo in withWrap's page. */
  const beside = block.col + block.span - 1;
  const [top, bottom] = [photo.row, photo.row + photo.rows - 1];

  it('the sample is as the tests need it: the photo inside 安乐’s block, 安乐 more than one column wide', () => {
    expect(photo.articleId).toBe('anle');
    expect(block.span).toBeGreaterThan(1);
    expect(photo.col).toBeGreaterThanOrEqual(block.col);
    expect(photo.col + photo.span).toBeLessThanOrEqual(block.col + block.span);
    expect(photo.row).toBeGreaterThan(block.row + 1);
    expect(photo.row + photo.rows).toBeLessThan(block.row + block.rows - 1);
  });

  it('around (the default) takes the picture’s columns and one line above and below', () => {
    expect(imageExclusions(sample, block)).toEqual([{ col: photo.col, span: photo.span, row: top - 1, rows: photo.rows + 2 }]);
    expect(imageExclusions(withWrap({ wrap: 'around' }), block)).toEqual([{ col: block.col, span: block.span - 1, row: top - 1, rows: photo.rows + 2 }]);
  });

  it('the offset in lines widens the gap above and below, never past the block’s own edges', () => {
    expect(imageExclusions(withWrap({ wrapOffset: 3 }), block)).toEqual([{ col: block.col, span: block.span - 1, row: top - 3, rows: photo.rows + 6 }]);
    expect(imageExclusions(withWrap({ wrapOffset: 0 }), block)).toEqual([{ col: block.col, span: block.span - 1, row: top, rows: photo.rows }]);
    // Fewer than 9 lines lie between the block's top and the picture (4 now): an offset of 9 stops there.
    expect(top - block.row).toBeLessThan(9);
    expect(imageExclusions(withWrap({ wrapOffset: 9 }), block)[0].row).toBe(block.row);
  });

  it('band clears the article’s whole width; none takes nothing', () => {
    expect(imageExclusions(withWrap({ wrap: 'band' }), block)).toEqual([{ col: block.col, span: block.span, row: top - 1, rows: photo.rows + 2 }]);
    expect(imageExclusions(withWrap({ wrap: 'none' }), block)).toEqual([]);
  });

  it('the typesetter honours it: text beside the picture with around, none beside it with band, under it with none', () => {
    const around = bodyCells(withWrap({}));
    expect(inRows(around, block.col, top, bottom)).toEqual([]);
    expect(inRows(around, beside, top, bottom).length).toBe(photo.rows);
    const band = bodyCells(withWrap({ wrap: 'band' }));
    expect(inRows(band, beside, top - 1, bottom + 1)).toEqual([]);
    expect(inRows(band, block.col, bottom + 2, block.row + block.rows - 1).length).toBeGreaterThan(0);
    const none = bodyCells(withWrap({ wrap: 'none' }));
    expect(inRows(none, block.col, top, bottom).length).toBeGreaterThan(0);
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
