import { describe, expect, it } from 'vitest';
import { layoutContext } from '../../src-core/layout/context';
import { formatDate } from '../../src-core/layout/date';
import { flowBody } from '../../src-core/layout/flow';
import { flowables } from '../../src-core/layout/flowables';
import { boxInset, textColumns } from '../../src-core/layout/frames';
import { layout } from '../../src-core/layout/layout';
import { PageOutput } from '../../src-core/layout/output';
import { BLACK, type ArtItem, type GlyphRun, type LayoutItem, type RuleItem } from '../../src-core/layout/page-layout';
import { RULE_PICK, ruleFrame } from '../../src-core/layout/pick';
import { ROUND_COLORS, markedInk, markRun } from '../../src-core/layout/proof-marks';
import { addReport, emptyReport } from '../../src-core/layout/report';
import { frameArt, ruleArt } from '../../src-core/layout/rule-art';
import { columnEndIndex, nextSlotRun, slotsOf, type Slot } from '../../src-core/layout/slots';
import { addBox, addRule } from '../../src-core/layout/strokes';
import { layoutTitles, rowsTo } from '../../src-core/layout/titles';
import { ContentWriter, drawGeometry } from '../../src-core/pdf/content';
import { emptyDocument } from '../../src-core/model/defaults';
import type { Article, ArticleBlock } from '../../src-core/model/document';
import { columnX, gridGeometry, rectOf, rowY } from '../../src-core/model/grid';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { itemsToSvg } from '../../src-core/svg/page-svg';
import { fonts } from './support';

const env = { fonts };
const page = emptyDocument().page;
const geo = gridGeometry(page);

function article(over: Partial<Article> = {}): Article {
  return { id: 'a', kicker: '', headline: '', deck: '', byline: '', bylinePosition: 'end', lead: '', body: docFromParagraphs(['正文。']), jumpFrom: '', jumpTo: '', ...over };
}

function block(over: Partial<ArticleBlock> = {}): ArticleBlock {
  return { id: 'b', kind: 'article', articleId: 'a', col: 0, span: 2, row: 0, rows: 3, ...over };
}

describe('layout stage: rules and boxes (styles become geometry in layout)', () => {
  it('follows a styled rule with an art item holding its strokes, and leaves a solid rule alone', () => {
    const items: LayoutItem[] = [];
    const dotted: RuleItem = { kind: 'rule', x1: 0, y1: 0, x2: 0, y2: 40, width: 1, color: BLACK, style: 'dots' };
    addRule(items, dotted);
    addRule(items, { kind: 'rule', x1: 0, y1: 50, x2: 10, y2: 50, width: 1, color: BLACK });
    expect(items.map((i) => i.kind)).toEqual(['rule', 'art', 'rule']);
    // 40 pt of 0.5 pt dots, 2 pt apart: 20 gaps, 21 dots, the first on the rule's start.
    const art = items[1] as ArtItem;
    expect(art).toMatchObject({ of: 'rule', style: 'dots', color: BLACK });
    expect(art.shapes).toHaveLength(21);
    expect(art.shapes[0]).toEqual({ kind: 'dot', cx: 0, cy: 0, r: 0.5 });
    expect(art.shapes).toEqual(ruleArt(0, 0, 0, 40, 1, 'dots'));
  });

  it('follows a box with a styled frame by the frame’s four sides, and a fill-only box by nothing', () => {
    const items: LayoutItem[] = [];
    addBox(items, { kind: 'box', x: 0, y: 0, width: 100, height: 50, fill: { c: 0, m: 0, y: 0, k: 0.1 }, stroke: BLACK, strokeWidth: 1, strokeStyle: 'double' });
    addBox(items, { kind: 'box', x: 0, y: 0, width: 100, height: 50, fill: BLACK, strokeWidth: 0, strokeStyle: 'wave' });
    expect(items.map((i) => i.kind)).toEqual(['box', 'art', 'box']);
    const art = items[1] as ArtItem;
    expect(art.of).toBe('frame');
    // double: two strands per side, four sides.
    expect(art.shapes).toHaveLength(8);
    expect(art.shapes).toEqual(frameArt(0, 0, 100, 50, 1, 'double'));
  });

  it('lays out a styled rule block as the rule and its art, and a framed block’s box as its fill and its art', () => {
    const doc = emptyDocument();
    doc.articles.push(article());
    doc.blocks.push({ ...block({ rows: 10 }), tint: 10, frameWidth: 1, frameStyle: 'wave' });
    doc.blocks.push({ id: 'r', kind: 'rule', x1: 100, y1: 300, x2: 400, y2: 300, width: 0.5, style: 'dashed' });
    const pl = layout(doc, env);
    const kinds = pl.items.filter((i) => i.kind !== 'glyphs').map((i) => (i.kind === 'art' ? `art:${i.of}-${i.style}` : i.kind));
    // The header's thick and thin rules first (solid: no art).
    expect(kinds).toEqual(['rule', 'rule', 'box', 'art:frame-wave', 'rule', 'art:rule-dashed']);
  });

  it('leaves the renderers nothing to resolve: a styled rule alone draws nothing in SVG or PDF, its art item draws the geometry', () => {
    const rule: RuleItem = { kind: 'rule', x1: 0, y1: 10, x2: 100, y2: 10, width: 0.5, color: BLACK, style: 'dashed' };
    expect(itemsToSvg([rule], { fontFamily: () => 'x' })).toBe('');
    const cw = new ContentWriter();
    drawGeometry(cw, rule, 0, 100);
    expect(cw.toString()).toBe('');
    const art: ArtItem = { kind: 'art', of: 'rule', style: 'dashed', color: BLACK, shapes: [{ kind: 'stroke', width: 0.5, ops: [['M', 0, 10], ['L', 2, 10]] }] };
    expect(itemsToSvg([art], { fontFamily: () => 'x' })).toBe('<g class="rule-dashed"><path d="M0 10L2 10" fill="none" stroke="rgb(0,0,0)" stroke-width="0.5"/></g>');
    const pdf = new ContentWriter();
    drawGeometry(pdf, art, 5, 100);
    // PDF y is upwards from the page top at 100; x moves by the trim's offset 5.
    expect(pdf.toString()).toBe('0 0 0 1 K\n0.5 w\n5 90 m 7 90 l S');
  });
});

describe('layout stage: grid and frames', () => {
  it('insets a tinted or framed box by half a body character unless an inset is set', () => {
    expect(boxInset({}, 10)).toBe(0);
    expect(boxInset({ tint: 10 }, 10)).toBe(5);
    expect(boxInset({ frameWidth: 1, inset: 2 }, 10)).toBe(2);
  });

  it('shares a boxed block’s inner width among its columns with the gutter between them', () => {
    const b = block();
    const frame = rectOf(geo, b);
    const cols = textColumns(geo, b, frame, 6);
    const width = (frame.width - 12 - geo.gutter) / 2;
    expect(cols.width).toBeCloseTo(width, 9);
    expect(cols.xs).toEqual([frame.x + 6, frame.x + 6 + width + geo.gutter]);
    expect(cols.top).toBe(frame.y + 6);
  });
});

describe('layout stage: slots', () => {
  it('lists a block’s grid lines down each column, skipping excluded cells', () => {
    const b = block();
    const cols = textColumns(geo, b, rectOf(geo, b), 0);
    const all = slotsOf(geo, b, cols, []);
    const x0 = columnX(geo, 0);
    const x1 = columnX(geo, 1);
    expect(all).toEqual([0, 1, 2].map((r) => ({ x: x0, y: rowY(geo, r), row: r })).concat([0, 1, 2].map((r) => ({ x: x1, y: rowY(geo, r), row: r }))));
    const some = slotsOf(geo, b, cols, [{ col: 1, span: 1, row: 1, rows: 1 }]);
    expect(some.map((s) => [s.x, s.row])).toEqual([[x0, 0], [x0, 1], [x0, 2], [x1, 0], [x1, 2]]);
  });

  it('finds runs of consecutive lines of one column and the end of a column', () => {
    const slots: Slot[] = [
      { x: 0, y: 0, row: 0 },
      { x: 0, y: 24, row: 2 },
      { x: 0, y: 36, row: 3 },
      { x: 50, y: 0, row: 0 },
    ];
    expect(nextSlotRun(slots, 0, 2)).toBe(1);
    expect(nextSlotRun(slots, 2, 2)).toBe(4);
    expect(columnEndIndex(slots, 0)).toBe(3);
    expect(columnEndIndex(slots, 3)).toBe(4);
  });
});

describe('layout stage: titles', () => {
  it('stacks kicker, headline and deck and says how high they are', () => {
    const ctx = layoutContext(page, env);
    const report = emptyReport();
    const h = layoutTitles(ctx, article({ kicker: '引题', headline: '主标题', deck: '副题' }), { x: 0, y: 100, width: 300 }, report);
    const s = page.styles;
    expect(h).toBe(s.kicker.lineHeight + s.headline.lineHeight + s.deck.lineHeight);
    expect(report.lines).toBe(3);
    expect(ctx.out.items.map((i) => (i as GlyphRun).source?.field)).toEqual(['kicker', 'headline', 'deck']);
    expect(layoutTitles(layoutContext(page, env), article(), { x: 0, y: 0, width: 300 }, emptyReport())).toBe(0);
  });

  it('resumes body text on the first grid line at least half a line below the titles', () => {
    // Titles ending exactly on line 2's top: 2 lines and a half → 3 lines.
    expect(rowsTo(geo, 0, rowY(geo, 2))).toBe(3);
    expect(rowsTo(geo, 0, rowY(geo, 2) - geo.pitch * 0.6)).toBe(2);
  });
});

describe('layout stage: text flow through slots', () => {
  it('orders the flow: 转自, top byline, lead run into the first paragraph, subhead, body, 转至', () => {
    const a = article({ jumpFrom: '上接一版', byline: '本报记者', bylinePosition: 'top', lead: '导语', jumpTo: '下转三版', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '第一段' }] }, { type: 'heading', content: [{ type: 'text', text: '小标题' }] }, { type: 'paragraph', content: [{ type: 'text', text: '第二段' }] }] } as never });
    const sources: { field: string }[] = [];
    const flow = flowables(page, a, sources as never, false);
    expect(flow.map((f) => f.runs.map((r) => sources[r.tag].field).join('+'))).toEqual(['jumpFrom', 'byline', 'lead+body', 'body', 'body', 'jumpTo']);
    expect(flow.map((f) => f.keepWithNext)).toEqual([true, false, false, true, false, true]);
  });

  it('sets lines into the slots it is given and counts the rest as overset', () => {
    const ctx = layoutContext(page, env);
    const text = '文'.repeat(200);
    const slots: Slot[] = [0, 1].map((r) => ({ x: 0, y: rowY(geo, r), row: r }));
    const report = emptyReport();
    const used = flowBody(ctx, article({ body: docFromParagraphs([text]) }), slots, geo.colWidth, report);
    expect(used).toBe(2);
    expect(report.lines).toBe(2);
    const drawn = ctx.out.items.reduce((n, i) => n + (i as GlyphRun).text.length, 0);
    expect(ctx.out.overset).toHaveLength(1);
    expect(ctx.out.overset[0].characters + drawn).toBe(200);
  });
});

describe('layout stage: report, proof marks, picking and dates (outside the flow code)', () => {
  it('adds reports: counts add, the worst expansion is the larger', () => {
    const a = { ...emptyReport(), lines: 3, worstExpansion: 0.2 };
    addReport(a, { ...emptyReport(), lines: 4, worstExpansion: 0.1, looseLines: 1 });
    expect([a.lines, a.looseLines, a.worstExpansion]).toEqual([7, 1, 0.2]);
  });

  it('inks insertions in their round’s colour and strikes deletions through, with one anchor per suggestion', () => {
    expect(markedInk({ suggestion: { kind: 'insertion', id: 's' } }, { roundOf: () => 1 })).toEqual(ROUND_COLORS[1]);
    expect(markedInk({ suggestion: { kind: 'insertion', id: 's' } }, undefined)).toEqual(ROUND_COLORS[0]);
    expect(markedInk({ suggestion: { kind: 'deletion', id: 's' } }, { roundOf: () => 1 })).toBe(BLACK);
    const out = new PageOutput();
    const face = { advance: () => 1 } as never;
    const run = (text: string, x: number): GlyphRun => ({ kind: 'glyphs', face: 'f', size: 10, color: BLACK, y: 100, text, xs: [...text].map((_, i) => x + 10 * i), hScale: 1 });
    markRun(out, run('删除', 0), face, { suggestion: { kind: 'deletion', id: 'd1' } }, 'a');
    markRun(out, run('文字', 40), face, { suggestion: { kind: 'deletion', id: 'd1' } }, 'a');
    // Strike 0.33 em above the baseline, 0.7 pt thick (0.07 em of 10 pt), from the first glyph to the last one's advance.
    expect(out.items[0]).toEqual({ kind: 'rule', x1: 0, y1: 96.7, x2: 20, y2: 96.7, width: 0.7000000000000001, color: { c: 0, m: 1, y: 1, k: 0 } });
    expect(out.anchors).toEqual([{ kind: 'deletion', id: 'd1', owner: 'a', x: 0, y: 100, text: '删除文字' }]);
  });

  it('gives a rule block a frame reaching at least RULE_PICK around its line, more for a wide styled rule', () => {
    expect(ruleFrame({ id: 'r', kind: 'rule', x1: 100, y1: 300, x2: 400, y2: 300, width: 0.25 })).toEqual({ blockId: 'r', kind: 'rule', x: 100 - RULE_PICK, y: 300 - RULE_PICK, width: 300 + 2 * RULE_PICK, height: 2 * RULE_PICK, emptyLines: 0 });
    // 波纹 2 pt: amplitude max(1.2, 4) plus half the weight = 5 pt.
    expect(ruleFrame({ id: 'r', kind: 'rule', x1: 0, y1: 10, x2: 0, y2: 20, width: 2, style: 'wave' })).toMatchObject({ x: -5, y: 5, width: 10, height: 20 });
  });

  it('writes an ISO date the Chinese way and anything else as typed', () => {
    expect(formatDate('2024-01-16')).toBe('2024年1月16日');
    expect(formatDate(' 2024-1-5 ')).toBe('2024年1月5日');
    expect(formatDate('明天')).toBe('明天');
  });

  it('sums the articles’ reports into the page’s and counts each missing glyph once per owner and face', () => {
    const out = new PageOutput();
    out.reportFor('a').lines = 2;
    out.reportFor('b').lines = 3;
    out.noteMissingChar('𠀀', 'song', 'a');
    out.noteMissingChar('𠀀', 'song', 'a');
    const pl = out.toPageLayout({ width: 10, height: 20 }, geo, false);
    expect(pl.report.page.lines).toBe(5);
    expect(pl.missingGlyphs).toEqual([{ char: '𠀀', face: 'song', owner: 'a', count: 2 }]);
    expect(pl.proofAnchors).toBeUndefined();
  });
});
