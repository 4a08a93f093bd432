/** 竖排标题: titles set vertically at the right of an article block (layout, the vertical forms, the screen's SVG). */
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { layout } from '../../src-core/layout/layout';
import type { BoxItem, GlyphRun, PageLayout } from '../../src-core/layout/page-layout';
import { VERTICAL_FORMS, verticalText } from '../../src-core/layout/vertical';
import { emptyDocument } from '../../src-core/model/defaults';
import type { Article, ArticleBlock, BanmianDocument } from '../../src-core/model/document';
import { gridGeometry, rectOf } from '../../src-core/model/grid';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { validateDocument } from '../../src-core/model/validate';
import { pageToSvg } from '../../src-core/svg/page-svg';
import { parseDocument, serializeDocument } from '../../src-core/model/serialize';
import { fonts } from './support';

function verticalPage(block: Partial<ArticleBlock>, over: Partial<Article> = {}): BanmianDocument {
  const doc = emptyDocument('broadsheet');
  doc.articles.push({ id: 'a', kicker: '', headline: '走进新时代，奋斗2026！', deck: '', byline: '', bylinePosition: 'end', lead: '', body: docFromParagraphs(['正文'.repeat(400)]), jumpFrom: '', jumpTo: '', ...over });
  doc.blocks.push({ id: 'b', kind: 'article', articleId: 'a', col: 1, span: 4, row: 2, rows: 30, titleDirection: 'vertical', ...block });
  return doc;
}

const runs = (pl: PageLayout, field: string): GlyphRun[] => pl.items.filter((i): i is GlyphRun => i.kind === 'glyphs' && i.source?.field === field);

describe('竖排标题 layout', () => {
  it('stacks the headline downwards in one column at the block’s right edge: y increasing, x constant, punctuation in vertical forms', () => {
    const doc = verticalPage({});
    const pl = layout(doc, { fonts });
    const geo = gridGeometry(doc.page);
    const frame = rectOf(geo, doc.blocks[0] as ArticleBlock);
    const head = runs(pl, 'headline');
    const upright = head.filter((r) => !r.turned);
    expect(upright.map((r) => r.text).join('')).toBe('走进新时代︐奋斗︕');
    const ys = head.flatMap((r) => r.ys!);
    for (let i = 1; i < ys.length; i++) expect(ys[i]).toBeGreaterThan(ys[i - 1]);
    const xs = upright.flatMap((r) => r.xs);
    // every upright glyph of the column (full-width) starts at the same x, inside the block's last column
    for (const x of xs) expect(x).toBeCloseTo(xs[0], 6);
    const lastCol = rectOf(geo, { col: 4, span: 1, row: 2, rows: 1 });
    expect(xs[0]).toBeGreaterThan(lastCol.x);
    expect(xs[0] + head[0].size).toBeLessThan(frame.x + frame.width);
    // the first glyph's em box starts at the block's top
    expect(head[0].ys![0] - head[0].size * 0.88).toBeCloseTo(frame.y, 0);
    // the digits are one turned run between 奋斗 and ︕, their baseline left of the column's centre
    const digits = head.find((r) => r.turned)!;
    expect(digits.text).toBe('2026');
    expect(digits.xs.every((x) => x === digits.xs[0])).toBe(true);
    expect(digits.xs[0]).toBeGreaterThan(xs[0]);
    expect(digits.xs[0]).toBeLessThan(xs[0] + head[0].size / 2);
    expect(digits.source!.offsets).toEqual([8, 9, 10, 11]);
  });

  it('flows the body in the other columns, and under the titles in theirs', () => {
    const doc = verticalPage({}, { body: docFromParagraphs(['正文'.repeat(1200)]) });
    const pl = layout(doc, { fonts });
    const geo = gridGeometry(doc.page);
    const lastCol = rectOf(geo, { col: 4, span: 1, row: 2, rows: 1 });
    const head = runs(pl, 'headline');
    const foot = Math.max(...head.flatMap((r) => r.ys!));
    const body = runs(pl, 'body');
    // the first three columns start at the block's top
    expect(Math.min(...body.filter((r) => r.xs[0] < lastCol.x).map((r) => r.y))).toBeLessThan(lastCol.y + geo.pitch);
    const under = body.filter((r) => r.xs[0] >= lastCol.x - 1e-6);
    expect(under.length).toBeGreaterThan(0);
    expect(Math.min(...under.map((r) => r.y - geo.bodySize))).toBeGreaterThan(foot);
  });

  it('sets Latin and digits upright in full-width forms when asked, and sets kicker, headline, deck right to left', () => {
    const doc = verticalPage({ titleLatin: 'upright' }, { kicker: '引题', deck: '副题在左' });
    const pl = layout(doc, { fonts });
    const head = runs(pl, 'headline');
    expect(head.some((r) => r.turned)).toBe(false);
    expect(head.map((r) => r.text).join('')).toBe('走进新时代︐奋斗２０２６︕');
    const [kicker, headline, deck] = [runs(pl, 'kicker')[0], head[0], runs(pl, 'deck')[0]];
    expect(kicker.xs[0]).toBeGreaterThan(headline.xs[0]);
    expect(headline.xs[0]).toBeGreaterThan(deck.xs[0]);
  });

  it('wraps a long headline into further columns to the left, and takes two grid columns when it needs them', () => {
    const doc = verticalPage({ rows: 8 }, { headline: '一二三四五六七八九十一二三四五六七八九十', body: docFromParagraphs(['正文'.repeat(400)]) });
    const pl = layout(doc, { fonts });
    const geo = gridGeometry(doc.page);
    const head = runs(pl, 'headline');
    const glyphs = head.flatMap((r) => r.xs.map((x, i) => ({ x, y: r.ys![i] })));
    const columns = [...new Set(glyphs.map((g) => Math.round(g.x * 1000)))];
    const frame = rectOf(geo, doc.blocks[0] as ArticleBlock);
    // as many 24 pt characters to a column as its length holds, and no column runs past the block
    const fits = Math.floor(frame.height / 24);
    for (const c of columns) expect(glyphs.filter((g) => Math.round(g.x * 1000) === c).length).toBeLessThanOrEqual(fits);
    expect(columns.length).toBeGreaterThanOrEqual(Math.ceil(20 / fits));
    expect(Math.max(...glyphs.map((g) => g.y))).toBeLessThan(frame.y + frame.height);
    // right to left, a line height (30 pt) apart, each column from the block's top
    for (let i = 1; i < columns.length; i++) expect((columns[i - 1] - columns[i]) / 1000).toBeCloseTo(30, 3);
    // five columns of 30 pt are wider than one grid column: the titles take the last two
    expect(columns.length * 30).toBeGreaterThan(geo.colWidth);
    const body = runs(pl, 'body');
    const twoLast = rectOf(geo, { col: 3, span: 2, row: 2, rows: 1 });
    const foot = Math.max(...glyphs.map((g) => g.y));
    expect(Math.min(...glyphs.map((g) => g.x))).toBeGreaterThan(twoLast.x);
    expect(body.filter((r) => r.xs[0] >= twoLast.x - 1e-6).every((r) => r.y - geo.bodySize > foot)).toBe(true);
    expect(Math.min(...body.filter((r) => r.xs[0] < twoLast.x).map((r) => r.y))).toBeLessThan(twoLast.y + geo.pitch);
  });

  it('sets the 栏头 as a knocked-out black label at the right, the headline to its left', () => {
    const doc = verticalPage({}, { column: '一把手访谈' });
    const pl = layout(doc, { fonts });
    const label = runs(pl, 'column');
    expect(label.map((r) => r.text).join('')).toBe('一把手访谈');
    const box = pl.items.find((i): i is BoxItem => i.kind === 'box')!;
    expect(box.fill).toEqual({ c: 0, m: 0, y: 0, k: 1 });
    for (const r of label) {
      expect(r.color.k).toBe(0);
      expect(r.xs[0]).toBeGreaterThan(box.x);
      expect(r.xs[0] + r.size).toBeLessThan(box.x + box.width + 1e-6);
      for (const y of r.ys!) expect(y).toBeLessThan(box.y + box.height);
    }
    const head = runs(pl, 'headline');
    expect(head[0].xs[0] + head[0].size).toBeLessThan(box.x);
  });

  it('puts a 反白 band over the vertical title area', () => {
    const doc = verticalPage({ titleBand: { tint: 100, text: 'white' } });
    const pl = layout(doc, { fonts });
    const band = pl.items.find((i): i is BoxItem => i.kind === 'box')!;
    const head = runs(pl, 'headline');
    const geo = gridGeometry(doc.page);
    const lastCol = rectOf(geo, { col: 4, span: 1, row: 2, rows: 1 });
    expect(band).toMatchObject({ x: lastCol.x, y: lastCol.y, width: lastCol.width, fill: { k: 1 } });
    for (const r of head) {
      expect(r.color.k).toBe(0);
      for (const y of r.ys!) expect(y).toBeLessThan(band.y + band.height);
    }
  });

  it('validates the direction and the Latin setting', () => {
    const doc = verticalPage({ titleDirection: 'diagonal' as 'vertical', titleLatin: 'sideways' as 'upright' });
    const v = validateDocument(doc);
    expect(v.ok ? [] : v.issues.map((i) => i.path)).toEqual(['blocks[0].titleDirection', 'blocks[0].titleLatin']);
  });
});

describe('vertical forms', () => {
  it('are the glyphs the bundled faces’ vert feature substitutes', () => {
    for (const id of ['song', 'hei', 'biaosong']) {
      const face = fonts.faceById(`${id}-bold`)!;
      const font = fontkit.create(Buffer.from(face.bytes)) as fontkit.Font;
      for (const [h, v] of Object.entries(VERTICAL_FORMS)) {
        const sub = font.layout(h, { vert: true }).glyphs[0].id;
        expect([h, font.glyphForCodePoint(v.codePointAt(0)!).id]).toEqual([h, sub]);
      }
    }
    expect(verticalText('“AB”：', 'upright')).toBe('﹃ＡＢ﹄︓');
  });
});

describe('竖排标题 on screen', () => {
  it('draws each glyph at its x and y, the turned ones rotated 90°', () => {
    const pl = layout(verticalPage({}), { fonts });
    const svg = pageToSvg(pl, { fontFamily: (id) => id });
    const head = runs(pl, 'headline');
    const up = head[0];
    expect(svg).toContain(`<text transform="translate(${+up.xs[1].toFixed(2)} ${+up.ys![1].toFixed(2)})"`);
    const turned = head.find((r) => r.turned)!;
    expect(svg).toContain(`<text transform="translate(${+turned.xs[0].toFixed(2)} ${+turned.ys![0].toFixed(2)}) rotate(90)"`);
  });
});

describe('the title settings in a saved page', () => {
  it('survive saving and opening, and a page without them opens as before (horizontal, no band)', () => {
    const doc = verticalPage({ titleLatin: 'upright', titleBand: { tint: 30, text: 'black' } });
    const back = parseDocument(serializeDocument(doc));
    expect(back.ok && back.document.blocks[0]).toMatchObject({ titleDirection: 'vertical', titleLatin: 'upright', titleBand: { tint: 30, text: 'black' } });
    const plain = emptyDocument('broadsheet');
    const old = parseDocument(serializeDocument(plain));
    expect(old.ok).toBe(true);
  });
});
