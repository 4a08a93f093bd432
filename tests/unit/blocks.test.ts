import { PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { picturePlacement } from '../../src-core/layout/image-crop';
import { RULE_PICK, layout } from '../../src-core/layout/layout';
import type { BoxItem, GlyphRun, ImageItem, PageLayout, RuleItem } from '../../src-core/layout/page-layout';
import { frameArt, ruleArt, ruleReach, type ArtShape } from '../../src-core/layout/rule-art';
import { emptyDocument } from '../../src-core/model/defaults';
import type { Article, ArticleBlock, BanmianDocument, ImageBlock } from '../../src-core/model/document';
import { rectOf, gridGeometry, rowY } from '../../src-core/model/grid';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { parseDocument, serializeDocument } from '../../src-core/model/serialize';
import { validateDocument } from '../../src-core/model/validate';
import { exportPdf } from '../../src-core/pdf';
import { preflight } from '../../src-core/preflight';
import { PageStore } from '../../src-core/store/page-store';
import { pageToSvg } from '../../src-core/svg/page-svg';
import { cleanPage } from '../fixtures/pdf/pages';
import { fonts } from './support';

const env = { fonts };

function article(id: string, paragraphs: string[], over: Partial<Article> = {}): Article {
  return { id, kicker: '', headline: '', deck: '', byline: '', bylinePosition: 'end', lead: '', body: docFromParagraphs(paragraphs), jumpFrom: '', jumpTo: '', ...over };
}

const runs = (pl: PageLayout): GlyphRun[] => pl.items.filter((i): i is GlyphRun => i.kind === 'glyphs');
const bodyRuns = (pl: PageLayout): GlyphRun[] => runs(pl).filter((r) => r.source?.field === 'body');

/** The end points of a stroke shape's first and last operation. */
function ends(sh: ArtShape): [number, number, number, number] {
  if (sh.kind !== 'stroke') throw new Error('expected a stroke');
  const first = sh.ops[0];
  const last = sh.ops[sh.ops.length - 1];
  return [first[1], first[2], last[last.length - 2] as number, last[last.length - 1] as number];
}

describe('rule art (栏线, 双线, 文武线, 虚线, 花边)', () => {
  it('draws a dashed rule as whole dashes that start and end on the rule’s ends', () => {
    // width 0.5: dash 2 pt, gap 1.5 pt; 100 pt = 28.6 periods → 29 dashes, stretched to fit.
    const shapes = ruleArt(0, 10, 100, 10, 0.5, 'dashed');
    expect(shapes).toHaveLength(29);
    expect(ends(shapes[0])[0]).toBeCloseTo(0, 6);
    expect(ends(shapes[28])[2]).toBeCloseTo(100, 6);
    for (const sh of shapes) expect(ends(sh)[1]).toBe(10);
  });

  it('draws a double rule as two strokes on either side of the axis, a gap of 1 pt between them', () => {
    const [a, b] = ruleArt(0, 0, 50, 0, 0.25, 'double');
    // A horizontal rule's normal points down the page; the strands are at ±(gap + width) / 2.
    expect(ends(a)[1]).toBeCloseTo(-0.625, 6);
    expect(ends(b)[1]).toBeCloseTo(0.625, 6);
    expect(ruleReach('double', 0.25)).toBeCloseTo(0.75, 6);
  });

  it('draws 文武线 as a thick and a thin line', () => {
    const shapes = ruleArt(0, 0, 0, 80, 1.5, 'thickThin');
    expect(shapes.map((s) => (s.kind === 'stroke' ? s.width : 0))).toEqual([1.5, 0.5]);
  });

  it('draws 波纹 as alternating arches of Bézier curves ending on the rule’s end', () => {
    const [wave] = ruleArt(10, 0, 110, 0, 0.5, 'wave');
    if (wave.kind !== 'stroke') throw new Error('stroke expected');
    // amplitude max(1.2, 1) = 1.2 pt; arch length ≈ 3.6 pt → 28 arches over 100 pt
    expect(wave.ops).toHaveLength(29);
    expect(wave.ops[1][2]).toBeCloseTo(-1.6, 6);
    expect(wave.ops[2][2]).toBeCloseTo(1.6, 6);
    expect(ends(wave)[2]).toBeCloseTo(110, 6);
  });

  it('draws 点线 as round dots with one on each end', () => {
    const dots = ruleArt(0, 0, 0, 40, 1, 'dots');
    // radius 0.5, spacing 2 pt → 21 dots
    expect(dots).toHaveLength(21);
    expect(dots[0]).toEqual({ kind: 'dot', cx: 0, cy: 0, r: 0.5 });
    expect(dots[20]).toMatchObject({ cx: 0, cy: 40 });
  });

  it('mitres a frame’s corners: the outer strand runs past the corner, the inner one stops short', () => {
    const shapes = frameArt(0, 0, 100, 50, 1, 'double');
    // top side, outer strand at -1.5 (gap 2, width 1): x from -2 to 102
    expect(ends(shapes[0])).toEqual([-2, -1.5, 102, -1.5]);
    // top side, inner strand at +1.5: x from 1 to 99
    expect(ends(shapes[1])).toEqual([1, 1.5, 99, 1.5]);
    expect(shapes).toHaveLength(8);
  });
});

describe('image scale and crop inside the frame', () => {
  const frame = { x: 100, y: 50, width: 200, height: 100 };
  it('fills the frame by default, centred, cropping what sticks out', () => {
    // a 4:3 picture in a 2:1 frame: scaled to the width (200 → 150 high), 25 pt cut top and bottom
    expect(picturePlacement(frame, 400, 300, {})).toEqual({ x: 100, y: 25, width: 200, height: 150 });
  });
  it('fits the whole picture in the frame', () => {
    const p = picturePlacement(frame, 400, 300, { fit: 'fit' });
    expect(p.x).toBeCloseTo(100 + (200 - 400 / 3) / 2, 9);
    expect(p.width).toBeCloseTo(400 / 3, 9);
    expect([p.y, p.height]).toEqual([50, 100]);
  });
  it('scales around the frame centre and moves by fractions of the frame', () => {
    const p = picturePlacement(frame, 400, 300, { scale: 2, offsetX: 0.25, offsetY: -0.5 });
    expect(p.width).toBe(400);
    expect(p.height).toBe(300);
    expect(p.x).toBe(100 + (200 - 400) / 2 + 50);
    expect(p.y).toBe(50 + (100 - 300) / 2 - 50);
  });

  it('carries the picture rectangle on the layout’s image item, and the SVG and PDF clip to the frame', async () => {
    const doc = cleanPage();
    const block = doc.blocks.find((b): b is ImageBlock => b.kind === 'image')!;
    Object.assign(block, { scale: 1.5, offsetX: 0.1 });
    const pl = layout(doc, env);
    const item = pl.items.find((i): i is ImageItem => i.kind === 'image')!;
    const expected = picturePlacement(item, 1600, 1200, { scale: 1.5, offsetX: 0.1 });
    expect(item.picture).toEqual(expected);
    expect(item.picture!.width).toBeGreaterThan(item.width * 1.49);

    const svg = pageToSvg(pl, { fontFamily: () => 'x', imageHref: () => 'data:image/jpeg;base64,AA' });
    const r2 = (v: number) => String(Math.round(v * 100) / 100);
    expect(svg).toContain(`<svg x="${r2(item.x)}" y="${r2(item.y)}" width="${r2(item.width)}" height="${r2(item.height)}" viewBox="${r2(item.x)} ${r2(item.y)} ${r2(item.width)} ${r2(item.height)}" overflow="hidden">`);
    expect(svg).toContain(`x="${r2(expected.x)}" y="${r2(expected.y)}" width="${r2(expected.width)}" height="${r2(expected.height)}" preserveAspectRatio="none"`);

    const out = await exportPdf({ ...pl, items: [item] }, { fonts, images: doc.images, marks: false, bleed: 0, createdAt: new Date(0) });
    if (!out.ok) throw new Error(out.en);
    const content = pageContent(await PDFDocument.load(out.bytes));
    const r3 = (v: number) => String(Math.round(v * 1000) / 1000);
    expect(content).toContain(`${r3(item.x)} ${r3(pl.height - item.y - item.height)} ${r3(item.width)} ${r3(item.height)} re W n`);
    expect(content).toContain(`${r3(expected.width)} 0 0 ${r3(expected.height)} ${r3(expected.x)} ${r3(pl.height - expected.y - expected.height)} cm /Im1 Do`);
  });

  it('draws a 图片边框 over the picture’s edge, and a tint under a fitted picture', () => {
    const doc = cleanPage();
    const block = doc.blocks.find((b): b is ImageBlock => b.kind === 'image')!;
    Object.assign(block, { fit: 'fit', tint: 20, frameWidth: 0.25 });
    const pl = layout(doc, env);
    const at = pl.items.findIndex((i) => i.kind === 'image');
    const item = pl.items[at] as ImageItem;
    const frame = { x: item.x, y: item.y, width: item.width, height: item.height };
    expect(pl.items[at - 1]).toEqual({ kind: 'box', ...frame, fill: { c: 0, m: 0, y: 0, k: 0.2 }, strokeWidth: 0 });
    expect(pl.items[at + 1]).toEqual({ kind: 'box', ...frame, stroke: { c: 0, m: 0, y: 0, k: 1 }, strokeWidth: 0.25 });
  });

  it('preflight takes the effective resolution at the scaled size', () => {
    const doc = cleanPage();
    expect(preflight(doc, layout(doc, env), { fonts }).warnings).toEqual([]);
    const block = doc.blocks.find((b): b is ImageBlock => b.kind === 'image')!;
    block.scale = 2;
    const r = preflight(doc, layout(doc, env), { fonts });
    const low = r.warnings.find((w) => w.code === 'image-low-resolution');
    // 233 ppi at scale 1 (the fixture's note) → about 116 at scale 2
    expect(low?.count).toBeGreaterThan(110);
    expect(low?.count).toBeLessThan(120);
  });
});

function pageContent(pdf: PDFDocument): string {
  const stream = pdf.getPage(0).node.lookup(PDFName.of('Contents'));
  if (!(stream instanceof PDFRawStream)) throw new Error('expected a stream');
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
}

function pageWith(block: Partial<ArticleBlock>, paragraphs = ['正文'.repeat(600)], over: Partial<Article> = {}): BanmianDocument {
  const doc = emptyDocument('broadsheet');
  doc.articles.push(article('a', paragraphs, over));
  doc.blocks.push({ id: 'b', kind: 'article', articleId: 'a', col: 1, span: 3, row: 2, rows: 20, ...block });
  return doc;
}

describe('boxes with tint (底纹) and frames (边框)', () => {
  it('draws a 10 % K tint under the text, and keeps the text the inset inside the box', () => {
    const plain = layout(pageWith({}), env);
    const doc = pageWith({ tint: 10, inset: 6 });
    const pl = layout(doc, env);
    const geo = gridGeometry(doc.page);
    const frame = rectOf(geo, doc.blocks[0] as ArticleBlock);
    const box = pl.items.find((i): i is BoxItem => i.kind === 'box')!;
    expect(box).toMatchObject({ ...frame, fill: { c: 0, m: 0, y: 0, k: 0.1 }, strokeWidth: 0 });
    expect(box.stroke).toBeUndefined();
    // under the text: the box comes before every glyph
    expect(pl.items.indexOf(box)).toBeLessThan(pl.items.findIndex((i) => i.kind === 'glyphs'));
    const body = bodyRuns(pl);
    const left = Math.min(...body.map((r) => r.xs[0]));
    expect(left).toBeCloseTo(frame.x + 6, 6);
    // the first and last grid line are within the inset: the text starts one line lower and ends one line higher
    expect(Math.min(...body.map((r) => r.y))).toBeCloseTo(Math.min(...bodyRuns(plain).map((r) => r.y)) + geo.pitch, 6);
    expect(pl.report.articles.a.lines).toBe(3 * 18);
    expect(plain.report.articles.a.lines).toBe(3 * 20);
    // the three text columns share the inner width with the page's gutter
    const colWidth = (frame.width - 12 - 2 * geo.gutter) / 3;
    const starts = [...new Set(body.map((r) => Math.round(r.xs[0] * 1000) / 1000))].sort((a, b) => a - b);
    expect(starts.slice(-1)[0]).toBeCloseTo(frame.x + 6 + 2 * (colWidth + geo.gutter), 2);
  });

  it('gives a tinted or framed block half a character of inset when none is set', () => {
    const doc = pageWith({ frameWidth: 1, frameStyle: 'wave' });
    const pl = layout(doc, env);
    const frame = rectOf(gridGeometry(doc.page), doc.blocks[0] as ArticleBlock);
    const box = pl.items.find((i): i is BoxItem => i.kind === 'box')!;
    expect(box).toMatchObject({ stroke: { k: 1 }, strokeWidth: 1, strokeStyle: 'wave' });
    expect(box.fill).toBeUndefined();
    expect(Math.min(...bodyRuns(pl).map((r) => r.xs[0]))).toBeCloseTo(frame.x + doc.page.bodySize / 2, 6);
  });

  it('tints a stepped article column run by column run and outlines its steps', () => {
    const doc = pageWith({ tint: 20, frameWidth: 0.5, columnRows: [20, 20, 12] });
    const pl = layout(doc, env);
    const geo = gridGeometry(doc.page);
    const boxes = pl.items.filter((i): i is BoxItem => i.kind === 'box');
    expect(boxes).toHaveLength(2);
    const split = rectOf(geo, { col: 3, span: 1, row: 0, rows: 1 }).x - geo.gutter / 2;
    expect(boxes[0].x + boxes[0].width).toBeCloseTo(split, 6);
    expect(boxes[1].x).toBeCloseTo(split, 6);
    expect(boxes[1].y + boxes[1].height).toBeCloseTo(rowY(geo, 2 + 11) + geo.bodySize, 6);
    // top, right side, foot of the short column, the step up, foot of the long ones, left side
    // (the page header's two rules are 1.5 and 0.3 pt)
    const outline = pl.items.filter((i): i is RuleItem => i.kind === 'rule' && i.width === 0.5);
    expect(outline).toHaveLength(6);
    // the short column holds 12 − 2 lines (inset), the long ones 20 − 2
    expect(pl.report.articles.a.lines).toBe(18 + 18 + 10);
  });
});

describe('压题图 (headline over a picture)', () => {
  it('fills the title area with the picture, knocks the titles out of it and starts the body below', () => {
    const doc = pageWith({ titleImage: { imageId: 'anle-photo', text: 'white', rows: 8 }, headlineSpan: 2 }, ['正文'.repeat(300)], { kicker: '引题', headline: '压在图片上的主标题' });
    doc.images = cleanPage().images;
    const pl = layout(doc, env);
    const geo = gridGeometry(doc.page);
    const frame = rectOf(geo, doc.blocks[0] as ArticleBlock);
    const picture = pl.items.find((i): i is ImageItem => i.kind === 'image')!;
    const pictureBottom = rowY(geo, 2 + 7) + geo.bodySize;
    expect(picture).toMatchObject({ imageId: 'anle-photo', x: frame.x, y: frame.y, width: rectOf(geo, { col: 1, span: 2, row: 0, rows: 1 }).width });
    expect(picture.y + picture.height).toBeCloseTo(pictureBottom, 6);
    expect(picture.picture).toBeDefined();
    const titles = runs(pl).filter((r) => r.source?.field === 'headline' || r.source?.field === 'kicker');
    expect(titles.length).toBeGreaterThan(1);
    for (const t of titles) {
      expect(t.color).toEqual({ c: 0, m: 0, y: 0, k: 0 });
      expect(t.y).toBeGreaterThan(picture.y);
      expect(t.y).toBeLessThan(pictureBottom);
      // drawn over the picture: after it in the item order
      expect(pl.items.indexOf(t)).toBeGreaterThan(pl.items.indexOf(picture));
    }
    // the titles sit on the lower part of the picture
    expect(Math.max(...titles.map((t) => t.y))).toBeGreaterThan(picture.y + picture.height / 2);
    // body under the picture begins after one empty line; the third column (outside the title span) starts at the top
    const body = bodyRuns(pl);
    const underPicture = body.filter((r) => r.xs[0] < picture.x + picture.width);
    expect(Math.min(...underPicture.map((r) => r.y - doc.page.bodySize))).toBeGreaterThan(pictureBottom + geo.pitch - geo.bodySize - 1e-6);
    const third = body.filter((r) => r.xs[0] > picture.x + picture.width);
    expect(Math.min(...third.map((r) => r.y))).toBeLessThan(picture.y + geo.pitch);
  });

  it('sets black titles on a picture when asked, and grows the picture to hold long titles', () => {
    const doc = pageWith({ titleImage: { imageId: 'anle-photo', text: 'black', rows: 1 } }, ['正文'], { headline: '主标题', deck: '副题' });
    doc.images = cleanPage().images;
    const pl = layout(doc, env);
    const picture = pl.items.find((i): i is ImageItem => i.kind === 'image')!;
    const titles = runs(pl).filter((r) => r.source?.field === 'headline' || r.source?.field === 'deck');
    for (const t of titles) {
      expect(t.color.k).toBe(1);
      expect(t.y).toBeLessThan(picture.y + picture.height);
    }
  });
});

describe('压题图 in a short block', () => {
  it('never runs the picture below the block', () => {
    const doc = pageWith({ rows: 4, titleImage: { imageId: 'anle-photo', text: 'white', rows: 9 } }, ['正文'], { headline: '主标题' });
    doc.images = cleanPage().images;
    const pl = layout(doc, env);
    const frame = rectOf(gridGeometry(doc.page), doc.blocks[0] as ArticleBlock);
    const picture = pl.items.find((i): i is ImageItem => i.kind === 'image')!;
    expect(picture.y + picture.height).toBeCloseTo(frame.y + frame.height, 6);
  });
});

describe('free boxes (底纹框)', () => {
  it('are drawn under everything and picked last, whatever their place in the block order', () => {
    const doc = pageWith({});
    doc.blocks.push({ id: 'x', kind: 'box', col: 0, span: 5, row: 1, rows: 25, tint: 5, frameWidth: 1, frameStyle: 'dots' });
    const pl = layout(doc, env);
    const geo = gridGeometry(doc.page);
    const box = pl.items.find((i): i is BoxItem => i.kind === 'box')!;
    expect(box).toMatchObject({ ...rectOf(geo, { col: 0, span: 5, row: 1, rows: 25 }), fill: { k: 0.05 }, strokeWidth: 1, strokeStyle: 'dots' });
    expect(pl.items.indexOf(box)).toBeLessThan(pl.items.findIndex((i) => i.kind === 'glyphs' && i.source?.owner === 'a'));
    expect(pl.frames.map((f) => [f.blockId, f.kind])).toEqual([
      ['x', 'box'],
      ['b', 'article'],
    ]);
    // the article inside is laid out as without the box
    expect(pl.report.articles.a.lines).toBe(60);
  });

  it('are validated like an article’s box, and a new one goes under the other blocks', () => {
    const doc = pageWith({});
    doc.blocks.push({ id: 'x', kind: 'box', col: 0, span: 9, row: 1, rows: 25, tint: -5 });
    const v = validateDocument(doc);
    expect(v.ok ? [] : v.issues.map((i) => i.path)).toEqual(['blocks[1].span', 'blocks[1].span', 'blocks[1].tint']);
    const store = new PageStore(pageWith({}));
    store.addBlock({ id: 'x', kind: 'box', col: 0, span: 2, row: 1, rows: 5 }, true);
    store.addBlock({ id: 'r', kind: 'rule', x1: 0, y1: 0, x2: 9, y2: 0, width: 1 });
    expect(store.snapshot().blocks.map((b) => b.id)).toEqual(['x', 'b', 'r']);
  });
});

describe('rule blocks', () => {
  it('keep their style in the layout and a frame wide enough to pick a hairline', () => {
    const doc = emptyDocument('broadsheet');
    doc.blocks.push({ id: 'r', kind: 'rule', x1: 100, y1: 300, x2: 400, y2: 300, width: 0.25, style: 'dots' });
    const pl = layout(doc, env);
    expect(pl.items.filter((i) => i.kind === 'rule' && i.style)).toEqual([{ kind: 'rule', x1: 100, y1: 300, x2: 400, y2: 300, width: 0.25, color: { c: 0, m: 0, y: 0, k: 1 }, style: 'dots' }]);
    expect(pl.frames[0]).toMatchObject({ blockId: 'r', x: 100 - RULE_PICK, y: 300 - RULE_PICK, width: 300 + 2 * RULE_PICK, height: 2 * RULE_PICK });
    const svg = pageToSvg(pl, { fontFamily: () => 'x' });
    expect(svg.match(/<circle /g)).toHaveLength(Math.round(300 / 2) + 1);
  });

  it('are drawn as the same vector paths in the PDF, in K', async () => {
    const doc = emptyDocument('broadsheet');
    doc.blocks.push({ id: 'r', kind: 'rule', x1: 100, y1: 300, x2: 400, y2: 300, width: 1, style: 'wave' });
    doc.blocks.push({ id: 'd', kind: 'rule', x1: 100, y1: 320, x2: 100, y2: 420, width: 1, style: 'dots' });
    const pl = layout(doc, env);
    const out = await exportPdf(pl, { fonts, marks: false, bleed: 0, createdAt: new Date(0) });
    if (!out.ok) throw new Error(out.en);
    const content = pageContent(await PDFDocument.load(out.bytes));
    const wave = ruleArt(100, 300, 400, 300, 1, 'wave')[0];
    if (wave.kind !== 'stroke') throw new Error('stroke');
    // one c operator per arch, stroked; the dots filled
    expect(content.match(/ c S/g)).toHaveLength(1);
    expect(content.match(/ c/g)!.length).toBe(wave.ops.length - 1 + 4 * 51);
    expect(content.match(/ f\b/g)).toHaveLength(51);
    expect(content).toContain('0 0 0 1 K');
    expect(content).toContain('0 0 0 1 k');
  });
});

describe('栏线 between modules (column rules)', () => {
  it('rule a module under an L-shaped story\'s title overhang off from the titles above and the body beside it', () => {
    const doc = emptyDocument('broadsheet');
    const geo = gridGeometry(doc.page);
    const text = (id: string): Article => ({ id, kicker: '', headline: `标题${id}`, deck: '', byline: '', bylinePosition: 'top', lead: '', body: docFromParagraphs(['正文。'.repeat(40)]), jumpFrom: '', jumpTo: '' });
    doc.articles.push(text('lead'), text('under'));
    // the lead's titles over 8 columns, its body in the first 4; the other story under the overhang, at column 4, line 5
    doc.blocks.push({ id: 'lead', kind: 'article', articleId: 'lead', col: 0, span: 8, row: 0, rows: 40, headlineSpan: 8, columnRows: [40, 40, 40, 40, 5, 5, 5, 5] });
    doc.blocks.push({ id: 'under', kind: 'article', articleId: 'under', col: 4, span: 4, row: 5, rows: 35 });
    const rules = layout(doc, env).items.filter((i): i is RuleItem => i.kind === 'rule' && i.width === 0.4);
    const x4 = geo.left + 4 * (geo.colWidth + geo.gutter);
    // across the overhang's four columns, between the titles' last line and the story's first
    const across = rules.find((r) => r.y1 === r.y2 && Math.abs(r.x1 - x4) < 0.01);
    expect(across).toBeDefined();
    expect(across!.x2 - across!.x1).toBeCloseTo(4 * geo.colWidth + 3 * geo.gutter, 6);
    expect(across!.y1).toBeGreaterThan(rowY(geo, 4));
    expect(across!.y1).toBeLessThan(rowY(geo, 5));
    // down the gutter between the lead's body and the story, from the story's top to where both end
    const down = rules.find((r) => r.x1 === r.x2 && Math.abs(r.x1 - (x4 - geo.gutter / 2)) < 0.01);
    expect(down).toBeDefined();
    expect(down!.y1).toBeCloseTo(rowY(geo, 5), 6);
    expect(down!.y2).toBeCloseTo(rowY(geo, 39) + geo.bodySize, 6);
  });
  it('rule a stepped story off from a module in a column it does not reach (a zero in its columnRows)', () => {
    const doc = emptyDocument('broadsheet');
    const geo = gridGeometry(doc.page);
    const text = (id: string): Article => ({ id, kicker: '', headline: '', deck: '', byline: '', bylinePosition: 'top', lead: '', body: docFromParagraphs(['正文。'.repeat(40)]), jumpFrom: '', jumpTo: '' });
    doc.articles.push(text('a'), text('b'));
    doc.blocks.push({ id: 'A', kind: 'article', articleId: 'a', col: 0, span: 3, row: 0, rows: 20, columnRows: [20, 0, 20] });
    doc.blocks.push({ id: 'B', kind: 'article', articleId: 'b', col: 1, span: 1, row: 0, rows: 20 });
    const downs = layout(doc, env).items.filter((i): i is RuleItem => i.kind === 'rule' && i.width === 0.4 && i.x1 === i.x2);
    const gutter = (c: number) => geo.left + c * (geo.colWidth + geo.gutter) - geo.gutter / 2;
    expect(downs.map((r) => r.x1).sort((x, y) => x - y)).toEqual([gutter(1), gutter(2)]);
  });

  it('rule a stand-alone photo (a picture of no story) off from the modules beside and above it, not a story\'s own picture', () => {
    const doc = emptyDocument('broadsheet');
    const geo = gridGeometry(doc.page);
    doc.articles.push({ id: 'a', kicker: '', headline: '标题', deck: '', byline: '', bylinePosition: 'top', lead: '', body: docFromParagraphs(['正文。'.repeat(60)]), jumpFrom: '', jumpTo: '' });
    doc.images.push({ id: 'p', name: 'p.jpg', mime: 'image/jpeg', pixelWidth: 1600, pixelHeight: 1200, colorSpace: 'rgb' });
    doc.blocks.push({ id: 'a', kind: 'article', articleId: 'a', col: 0, span: 4, row: 0, rows: 60 });
    doc.blocks.push({ id: 'own', kind: 'image', imageId: 'p', caption: '', articleId: 'a', col: 2, span: 2, row: 10, rows: 20 });
    doc.blocks.push({ id: 'solo', kind: 'image', imageId: 'p', caption: '图片新闻', col: 4, span: 4, row: 0, rows: 30 });
    const rules = layout(doc, env).items.filter((i): i is RuleItem => i.kind === 'rule' && i.width === 0.4);
    const gutter = geo.left + 4 * (geo.colWidth + geo.gutter) - geo.gutter / 2;
    // one down the gutter between the story and the photo, as deep as the photo; none round the story's own picture
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ x1: gutter, x2: gutter, y1: rowY(geo, 0) });
    expect(rules[0].y2).toBeCloseTo(rowY(geo, 29) + geo.bodySize, 6);
  });
});

describe('the new block fields in the model', () => {
  it('are validated with their path and a message in Chinese and English', () => {
    const doc = pageWith({ tint: 120, frameStyle: 'zigzag' as never, inset: -1, titleImage: { imageId: 'nope', text: 'red' as never, scale: 0 } });
    doc.blocks.push({ id: 'r', kind: 'rule', x1: 0, y1: 0, x2: 10, y2: 0, width: 1, style: 'wavy' as never });
    const v = validateDocument(doc);
    if (v.ok) throw new Error('expected issues');
    const paths = v.issues.map((i) => i.path);
    expect(paths).toEqual(['blocks[0].tint', 'blocks[0].frameStyle', 'blocks[0].inset', 'blocks[0].titleImage.imageId', 'blocks[0].titleImage.text', 'blocks[0].titleImage.scale', 'blocks[1].style']);
    expect(v.issues[0].zh).toContain('应在 0 到 100 之间');
    expect(v.issues[1].en).toContain('must be one of solid, double');
  });

  it('survive a save and load, and live in the block’s Y.Map one key per field: each edit one undo step', () => {
    const doc = pageWith({ tint: 15, frameWidth: 0.5, frameStyle: 'double', inset: 4, titleImage: { imageId: 'anle-photo', text: 'white', scale: 1.2, offsetY: -0.1 } });
    doc.images = cleanPage().images;
    doc.blocks.push({ id: 'r', kind: 'rule', x1: 0, y1: 0, x2: 10, y2: 0, width: 0.25, style: 'thickThin' });
    const loaded = parseDocument(serializeDocument(doc));
    if (!loaded.ok) throw new Error(loaded.en);
    expect(loaded.document.blocks).toEqual(doc.blocks);

    const store = new PageStore(doc);
    expect(store.snapshot().blocks).toEqual(doc.blocks);
    store.editBlock('b', { tint: 30 });
    store.stopCapturing();
    store.editBlock('b', { titleImage: { ...doc.blocks[0], imageId: 'anle-photo', text: 'black' } as never });
    store.stopCapturing();
    store.editBlock('r', { style: 'wave' });
    expect(store.snapshot().blocks.find((b) => b.id === 'r')).toMatchObject({ style: 'wave' });
    store.undo();
    expect(store.snapshot().blocks.find((b) => b.id === 'r')).toMatchObject({ style: 'thickThin' });
    store.undo();
    expect((store.snapshot().blocks[0] as ArticleBlock).titleImage?.text).toBe('white');
    expect((store.snapshot().blocks[0] as ArticleBlock).tint).toBe(30);
    store.undo();
    expect((store.snapshot().blocks[0] as ArticleBlock).tint).toBe(15);
  });
});

describe('标题底纹 and 反白 (a band behind the titles)', () => {
  it('draws a K band over the title span with the titles knocked out of it, and starts the body below the band', () => {
    const doc = pageWith({ titleBand: { tint: 100, text: 'white' }, headlineSpan: 2 }, ['正文'.repeat(300)], { kicker: '引题', headline: '反白的主标题', deck: '副题' });
    const pl = layout(doc, env);
    const geo = gridGeometry(doc.page);
    const frame = rectOf(geo, doc.blocks[0] as ArticleBlock);
    const span = rectOf(geo, { col: 1, span: 2, row: 2, rows: 1 });
    const band = pl.items.find((i): i is BoxItem => i.kind === 'box')!;
    expect(band).toMatchObject({ x: frame.x, y: frame.y, width: span.width, fill: { c: 0, m: 0, y: 0, k: 1 }, strokeWidth: 0 });
    const titles = runs(pl).filter((r) => ['kicker', 'headline', 'deck'].includes(r.source!.field));
    expect(titles.map((t) => t.source!.field)).toEqual(['kicker', 'headline', 'deck']);
    for (const t of titles) {
      expect(t.color).toEqual({ c: 0, m: 0, y: 0, k: 0 });
      // inside the band, a body character from its edges, drawn after it
      expect(t.xs[0]).toBeGreaterThanOrEqual(band.x + geo.bodySize - 1e-6);
      expect(t.y - t.size).toBeGreaterThan(band.y + geo.bodySize - 1e-6);
      expect(t.y).toBeLessThan(band.y + band.height - geo.bodySize);
      expect(pl.items.indexOf(t)).toBeGreaterThan(pl.items.indexOf(band));
    }
    // body under the band begins at least half a line below it; the third column starts at the top
    const body = bodyRuns(pl);
    const under = body.filter((r) => r.xs[0] < band.x + band.width);
    expect(Math.min(...under.map((r) => r.y - doc.page.bodySize))).toBeGreaterThanOrEqual(band.y + band.height + geo.pitch / 2 - geo.bodySize - 1e-6);
    expect(Math.min(...body.filter((r) => r.xs[0] > band.x + band.width).map((r) => r.y))).toBeLessThan(frame.y + geo.pitch);
  });

  it('sets black titles on a light tint (底纹), and validates the band', () => {
    const doc = pageWith({ titleBand: { tint: 15, text: 'black' } }, ['正文'], { headline: '主标题' });
    const pl = layout(doc, env);
    const band = pl.items.find((i): i is BoxItem => i.kind === 'box')!;
    expect(band.fill).toEqual({ c: 0, m: 0, y: 0, k: 0.15 });
    expect(runs(pl).filter((r) => r.source?.field === 'headline').every((r) => r.color.k === 1)).toBe(true);
    (doc.blocks[0] as ArticleBlock).titleBand = { tint: 0, text: 'grey' as 'white' };
    const v = validateDocument(doc);
    expect(v.ok ? [] : v.issues.map((i) => i.path)).toEqual(['blocks[0].titleBand.tint', 'blocks[0].titleBand.text']);
  });
});
