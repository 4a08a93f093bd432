/**
 * 标题底纹, 反白 and 竖排标题 on paper: the PDF read back with poppler (pdftotext, pdftoppm), not the
 * engine's own items.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layout } from '../../src-core/layout/layout';
import type { BoxItem, GlyphRun } from '../../src-core/layout/page-layout';
import { emptyDocument } from '../../src-core/model/defaults';
import type { ArticleBlock, BanmianDocument } from '../../src-core/model/document';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { gridGeometry, rectOf, rowY } from '../../src-core/model/grid';
import { validateDocument } from '../../src-core/model/validate';
import { probePdf } from './makeup-pdf-probe';
import { fonts } from './support';

/** Where the rendered PNGs are kept to be looked at (BANMIAN_KEEP_PNG=dir). */
const keep = process.env.BANMIAN_KEEP_PNG;

function titledPage(block: Partial<ArticleBlock>, headline = '反白的主标题', deck = ''): BanmianDocument {
  const doc = emptyDocument('broadsheet');
  doc.articles.push({ id: 'a', kicker: '', headline, deck, byline: '', bylinePosition: 'end', lead: '', body: docFromParagraphs(['正文'.repeat(400)]), jumpFrom: '', jumpTo: '' });
  doc.blocks.push({ id: 'b', kind: 'article', articleId: 'a', col: 1, span: 3, row: 2, rows: 30, ...block });
  return doc;
}

/** Grey levels (0 black … 255 white) of the rendered page inside a rectangle in pt (the PNG at `dpi`). */
function greys(png: { width: number; data: Uint8Array }, dpi: number, r: { x: number; y: number; width: number; height: number }): number[] {
  const s = dpi / 72;
  const out: number[] = [];
  for (let y = Math.ceil(r.y * s); y < Math.floor((r.y + r.height) * s); y++) {
    for (let x = Math.ceil(r.x * s); x < Math.floor((r.x + r.width) * s); x++) out.push(png.data[(y * png.width + x) * 4]);
  }
  return out;
}

describe('反白 in the PDF', () => {
  it('prints the headline white out of a black band: dark under it, white glyph strokes, the text still readable', async () => {
    const doc = titledPage({ titleBand: { tint: 100, text: 'white' } });
    const pl = layout(doc, { fonts });
    const band = pl.items.find((i): i is BoxItem => i.kind === 'box')!;
    const head = pl.items.find((i): i is GlyphRun => i.kind === 'glyphs' && i.source?.field === 'headline')!;
    const probe = await probePdf(doc, fonts, 144, keep);
    expect(probe.text.replace(/\s+/g, '')).toContain('反白的主标题');
    // the band outside the headline's glyphs: solid black
    const edge = greys(probe.png, probe.dpi, { x: band.x + 1, y: band.y + 1, width: band.width - 2, height: 3 });
    expect(Math.max(...edge)).toBeLessThan(40);
    // the headline's em boxes: mostly black ground with white strokes in it
    const last = head.xs[head.xs.length - 1] + head.size;
    const glyphs = greys(probe.png, probe.dpi, { x: head.xs[0], y: head.y - head.size * 0.85, width: last - head.xs[0], height: head.size * 0.95 });
    const white = glyphs.filter((g) => g > 215).length / glyphs.length;
    const dark = glyphs.filter((g) => g < 40).length / glyphs.length;
    expect(white).toBeGreaterThan(0.1);
    expect(dark).toBeGreaterThan(0.3);
  });
});

describe('图在题上 in the PDF', () => {
  it('sets the titles from the grid line titleRow says, under the room a picture over them takes, the text under the titles; a titleRow outside the block is refused', async () => {
    const dir = keep ?? mkdtempSync(join(tmpdir(), 'titles-under-'));
    const boxesOf = async (d: BanmianDocument) => {
      await probePdf(d, fonts, 72, dir);
      return charBoxes(join(dir, 'page.pdf'));
    };
    const heads = (boxes: Awaited<ReturnType<typeof boxesOf>>) => boxes.filter((b) => /[图在题上的主标]/.test(b.ch));
    const atTop = heads(await boxesOf(titledPage({}, '图在题上的主标题')));
    const doc = titledPage({ titleRow: 12 }, '图在题上的主标题');
    const geo = gridGeometry(doc.page);
    const boxes = await boxesOf(doc);
    const head = heads(boxes);
    expect(head.map((b) => b.ch).join('')).toContain('图在题上的主标题');
    // (the titles 12 lines lower than at the block's top, nothing printed in the lines over them)
    head.forEach((b, i) => expect(b.y - atTop[i].y).toBeCloseTo(12 * geo.pitch, 0));
    const top = rowY(geo, 2 + 12);
    const body = boxes.filter((b) => b.ch === '正' || b.ch === '文');
    expect(Math.min(...body.map((b) => b.y))).toBeGreaterThan(Math.max(...head.map((b) => b.y + b.h)));
    const block = rectOf(geo, doc.blocks[0] as ArticleBlock);
    expect(boxes.filter((b) => b.x >= block.x - 1 && b.x <= block.x + block.width && b.y >= block.y - 1 && b.y + b.h < top)).toEqual([]);
    expect(validateDocument(titledPage({ titleRow: 30 })).ok).toBe(false);
    expect(validateDocument(titledPage({ titleRow: 29 })).ok).toBe(true);
    if (!keep) rmSync(dir, { recursive: true, force: true });
  });
});

/** Each character pdftotext -bbox finds on the page with its box (pt, y down). */
function charBoxes(pdfPath: string): { ch: string; x: number; y: number; w: number; h: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  const out: { ch: string; x: number; y: number; w: number; h: number }[] = [];
  for (const m of html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    const [x, y, x2, y2] = [m[1], m[2], m[3], m[4]].map(Number);
    out.push({ ch: m[5], x, y, w: x2 - x, h: y2 - y });
  }
  return out;
}

describe('竖排标题 in the PDF', () => {
  it('stacks the headline’s glyphs downwards in one column at the block’s right, the digits turned', async () => {
    const dir = keep ?? mkdtempSync(join(tmpdir(), 'vertical-'));
    const doc = titledPage({ titleDirection: 'vertical', span: 4 }, '走进新时代，奋斗2026！');
    await probePdf(doc, fonts, 72, dir);
    const boxes = charBoxes(join(dir, 'page.pdf'));
    const head = boxes.filter((b) => /[走进新时代奋斗]/.test(b.ch));
    expect(head.map((b) => b.ch).join('')).toContain('走进新时代');
    // x the same for each, y increasing
    for (let i = 1; i < head.length; i++) {
      expect(head[i].x).toBeCloseTo(head[0].x, 0);
      expect(head[i].y).toBeGreaterThan(head[i - 1].y);
    }
    const digits = boxes.find((b) => b.ch.includes('2026'));
    // turned: the digits' box is taller than it is wide, under 奋斗
    expect(digits).toBeDefined();
    expect(digits!.h).toBeGreaterThan(digits!.w);
    expect(digits!.y).toBeGreaterThan(head[head.length - 1].y);
    if (!keep) rmSync(dir, { recursive: true, force: true });
  });
});

describe('标题留白: the white space make-up opens a title area with (a headline set on a deeper leading)', () => {
  it('keeps the kicker and the deck close to the headline, the space going above the kicker and below the deck (field test 40: the kicker stood apart under the rule)', async () => {
    const gaps = async (extra: number) => {
      const doc = titledPage({}, '微型消防站　救援更方便', '——湖北孝感提升突发灾情处置能力');
      const style = doc.page.styles.headline;
      doc.articles[0] = { ...doc.articles[0], kicker: '湖北孝感提升突发灾情处置能力', styleOverrides: { headline: { lineHeight: style.lineHeight + extra } } };
      // read from the PDF (pdftotext -bbox-layout): the top of each title line
      const { lines } = await probePdf(doc, fonts, 36);
      const top = (t: string) => lines.find((l) => l.text.replace(/\s+/g, '').startsWith(t))!;
      const [kicker, headline, deck] = [top('湖北孝感'), top('微型消防站'), top('——湖北')];
      return { kickerToHeadline: headline.yMin - (kicker.yMin + kicker.height), headlineToDeck: deck.yMin - (headline.yMin + headline.height), kickerTop: kicker.yMin };
    };
    const set = await gaps(0);
    const opened = await gaps(24);
    // (before: each gap 12 pt wider, half the headline's extra leading)
    expect(Math.abs(opened.kickerToHeadline - set.kickerToHeadline)).toBeLessThan(1);
    expect(Math.abs(opened.headlineToDeck - set.headlineToDeck)).toBeLessThan(1);
    // the space went above the kicker
    expect(opened.kickerTop - set.kickerTop).toBeGreaterThan(10);
  });
});
