import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { autoplace } from '../../src-core/layout/autoplace';
import { layout } from '../../src-core/layout/layout';
import type { ArticleBlock, BanmianDocument, GridRect, ImageBlock } from '../../src-core/model/document';
import { defaultPage } from '../../src-core/model/defaults';
import { fontProvider } from '../../src-main/fonts/provider';

const fonts = fontProvider().registry();

function overlap(a: GridRect, b: GridRect): boolean {
  return a.col < b.col + b.span && b.col < a.col + a.span && a.row < b.row + b.rows && b.row < a.row + a.rows;
}

function unplaced(): BanmianDocument {
  return { ...samplePage(), blocks: [] };
}

describe('autoplace', () => {
  const source = unplaced();
  const link = { imageId: 'anle-photo', articleId: 'anle', caption: '安乐街道社区工作人员向沿街商户宣传。张铁生 摄' };
  const { document: doc, notes } = autoplace(source, { fonts }, { imageLinks: [link], credits: { editor: '张三', proofreader: '' } });
  const articles = doc.blocks.filter((b): b is ArticleBlock => b.kind === 'article');
  const images = doc.blocks.filter((b): b is ImageBlock => b.kind === 'image');

  it('places every article of the sample page, none overset, blocks inside the grid and apart', () => {
    expect(notes).toEqual([]);
    expect(articles.map((b) => b.articleId).sort()).toEqual(source.articles.map((a) => a.id).sort());
    const pl = layout(doc, { fonts });
    expect(pl.overset).toEqual([]);
    for (const b of articles) {
      expect(b.col + b.span).toBeLessThanOrEqual(8);
      expect(b.row + b.rows).toBeLessThanOrEqual(pl.grid.rows);
    }
    for (const a of articles) for (const b of articles) if (a !== b) expect(overlap(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
  });

  it('puts the headline-only banner across the top and the lead article across the page under it', () => {
    expect(articles[0]).toMatchObject({ articleId: 'banner', col: 0, span: 8, row: 0 });
    expect(articles[0].rows).toBe(3); // 24 pt headline on a 30 pt line: 3 grid lines of 12 pt
    expect(articles[1]).toMatchObject({ articleId: 'xie-feng', col: 0, span: 8, row: 3 });
    for (const b of articles.slice(2)) expect(b.row).toBeGreaterThanOrEqual(articles[1].row + articles[1].rows);
  });

  it('keeps the picture inside its article, under the headline', () => {
    expect(images).toHaveLength(1);
    const img = images[0];
    const anle = articles.find((b) => b.articleId === 'anle')!;
    expect(img).toMatchObject({ imageId: 'anle-photo', articleId: 'anle', caption: link.caption, col: anle.col, span: anle.span });
    expect(img.row).toBeGreaterThan(anle.row);
    expect(img.row + img.rows).toBeLessThanOrEqual(anle.row + anle.rows);
  });

  it('fills the header credits it is given and keeps the others', () => {
    expect(doc.page.header.editor).toBe('张三');
    expect(doc.page.header.proofreader).toBe(source.page.header.proofreader);
  });

  it('reports, never drops, what does not fit on a small page', () => {
    const small = { ...unplaced(), page: defaultPage('tabloid') };
    const r = autoplace(small, { fonts });
    const placed = new Set(r.document.blocks.filter((b): b is ArticleBlock => b.kind === 'article').map((b) => b.articleId));
    const missing = small.articles.filter((a) => !placed.has(a.id)).map((a) => a.id);
    const noted = new Set(r.notes.map((n) => n.articleId));
    for (const id of missing) expect(noted.has(id), id).toBe(true);
    const pl = layout(r.document, { fonts });
    for (const o of pl.overset) expect(noted.has(o.articleId), o.articleId).toBe(true);
    expect(r.notes.length).toBeGreaterThan(0);
  });
});
