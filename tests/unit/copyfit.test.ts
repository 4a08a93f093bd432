import { describe, expect, it } from 'vitest';
import { articleFits, copyfit, fitLabel, type CopyfitResult } from '../../src-core/copyfit';
import { layout } from '../../src-core/layout/layout';
import type { BanmianDocument } from '../../src-core/model/document';
import { emptyDocument } from '../../src-core/model/defaults';
import { textOverlaps } from '../../src-core/model/overlap';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { fontProvider } from '../../src-main/fonts/provider';
import { cleanPage, oversetPage } from '../fixtures/pdf/pages';

const fonts = fontProvider().registry();

/** The page with the copyfit change applied by hand, as the store applies it. */
function applied(doc: BanmianDocument, blockId: string, r: CopyfitResult): BanmianDocument {
  const block = doc.blocks.find((b) => b.id === blockId)!;
  const articleId = block.kind === 'article' ? block.articleId : '';
  const articles = doc.articles.map((a) => {
    if (a.id !== articleId) return a;
    const o = { ...(a.styleOverrides ?? {}) };
    for (const [name, fields] of Object.entries(r.change.styles)) o[name as 'body'] = { ...o[name as 'body'], ...fields };
    return { ...a, styleOverrides: o };
  });
  const blocks = doc.blocks.map((b) => (b.id === blockId && r.change.rows !== undefined ? { ...b, rows: r.change.rows, columnRows: r.change.columnRows } : b));
  return { ...doc, articles, blocks };
}

describe('copyfit (适配)', () => {
  it('reads every article’s fit from the laid-out page: lines over, lines under', () => {
    const doc = oversetPage();
    const fits = articleFits(doc, layout(doc, { fonts }));
    const wu = fits.get('wu-jinsong')!;
    expect(wu.over).toBe(layout(doc, { fonts }).overset.find((o) => o.articleId === 'wu-jinsong')!.lines);
    expect(wu.over).toBeGreaterThan(0);
    expect(fitLabel(wu)).toBe(`+${wu.over} 行`);
    expect(fitLabel({ over: 0, under: 3 })).toBe('−3 行');
    expect(fitLabel({ over: 0, under: 0 })).toBe('±0');
  });

  it('says where the overset starts: every body character before it is on the page, none from it on', () => {
    const doc = oversetPage();
    const pl = layout(doc, { fonts });
    const from = pl.overset.find((o) => o.articleId === 'wu-jinsong')!.from!;
    expect(from.field).toBe('body');
    const placed = pl.items.flatMap((it) => (it.kind === 'glyphs' && it.source?.owner === 'wu-jinsong' && it.source.field === 'body' ? it.source.offsets.map((o) => [it.source!.paragraph, o] as const) : []));
    const before = (p: number, o: number): boolean => p < from.paragraph || (p === from.paragraph && o < from.offset);
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.filter(([p, o]) => !before(p, o))).toEqual([]);
    // The last character set is the one just before the start (the body has no spaces there, which are not drawn).
    const last = placed.reduce((a, b) => (b[0] > a[0] || (b[0] === a[0] && b[1] > a[1]) ? b : a));
    expect(from.offset).toBeGreaterThan(0);
    expect(last).toEqual([from.paragraph, from.offset - 1]);
  });

  it('brings a slightly overset article to 0 by setting a paragraph a line shorter (缩行), rather than a deeper block or a smaller headline', () => {
    const doc = cleanPage();
    doc.blocks = doc.blocks.map((b) => (b.id === 'b-wu-jinsong' ? { ...b, rows: 24 } : b));
    const r = copyfit(doc, 'b-wu-jinsong', { fonts });
    expect(r.before.over).toBeGreaterThan(0);
    expect(r.change).toEqual({ styles: { body: { lineShift: -r.before.over } } });
    expect(layout(applied(doc, 'b-wu-jinsong', r), { fonts }).overset.filter((o) => o.articleId === 'wu-jinsong')).toEqual([]);
    expect(r.moves[0].zh).toBe(`缩行 ${r.before.over} 段`);
  });

  it('brings a slightly overset article to 0 with its headline size, within its rank’s range, when no line below is free and no paragraph can give a line back', () => {
    const doc = cleanPage();
    // 伏牛路 moved up right under the cut block: its depth cannot grow; every paragraph that can be set a line shorter already is (then cut a line shorter).
    doc.articles = doc.articles.map((a) => (a.id === 'wu-jinsong' ? { ...a, styleOverrides: { ...a.styleOverrides, body: { ...a.styleOverrides?.body, lineShift: -40 } } } : a));
    doc.blocks = doc.blocks.map((b) => (b.id === 'b-wu-jinsong' ? { ...b, rows: 23 } : b.id === 'b-funiu-road' && b.kind === 'article' ? { ...b, row: 27 } : b));
    const r = copyfit(doc, 'b-wu-jinsong', { fonts });
    expect(r.before.over).toBeGreaterThan(0);
    expect(r.change.rows).toBeUndefined();
    // wu-jinsong is the third article: rank level 1 on an 8-column page, headlines 20–26 pt.
    expect(r.change.styles.headline?.size).toBeGreaterThanOrEqual(20);
    expect(r.change.styles.headline?.size).toBeLessThan(24);
    const after = applied(doc, 'b-wu-jinsong', r);
    expect(layout(after, { fonts }).overset.filter((o) => o.articleId === 'wu-jinsong')).toEqual([]);
    expect(r.moves[0].zh).toMatch(/^标题 24 → \d+ pt$/);
  });

  it('deepens a block cut far short into the free lines below, never over a neighbour, and says so', () => {
    const doc = oversetPage();
    const r = copyfit(doc, 'b-wu-jinsong', { fonts });
    expect(r.after.over).toBe(0);
    expect(r.change.rows).toBeGreaterThan(12);
    const after = applied(doc, 'b-wu-jinsong', r);
    expect(layout(after, { fonts }).overset.filter((o) => o.articleId === 'wu-jinsong')).toEqual([]);
    expect(textOverlaps(after.blocks)).toEqual([]);
    expect(r.moves.map((m) => m.zh)).toContain(`块高 12 → ${r.change.rows} 行`);
    for (const s of Object.values(r.change.styles)) if (s.tracking !== undefined) expect(Math.abs(s.tracking)).toBeLessThanOrEqual(0.03);
  });

  it('says why it changed nothing when the free lines run out', () => {
    const doc = oversetPage();
    // b-funiu-road right under b-wu-jinsong's 12 lines: no line free below it.
    doc.blocks = doc.blocks.map((b) => (b.id === 'b-funiu-road' ? { ...b, row: 16, rows: 30 } : b));
    const r = copyfit(doc, 'b-wu-jinsong', { fonts });
    expect(r.after.over).toBe(r.before.over);
    expect(r.change).toEqual({ styles: {} });
    expect(r.moves[0].zh).toContain('无法');
  });

  it('deepens a stepped block by its body columns, keeping the module under its titles where it is', () => {
    const para = '洛阳市今年实施城市更新行动，推动老旧小区改造与历史街区保护相结合，让居民生活更加便利。';
    const story = (id: string, n: number) => ({ id, kicker: '', headline: `标题${id}`, deck: '', byline: '', bylinePosition: 'top' as const, lead: '', body: docFromParagraphs(Array.from({ length: n }, () => para)), jumpFrom: '', jumpTo: '' });
    const doc: BanmianDocument = {
      ...emptyDocument('broadsheet'),
      articles: [story('a', 24), story('b', 4)],
      // a's titles over four columns, its body in the first two; b under the titles' overhang
      blocks: [
        { id: 'b-a', kind: 'article', articleId: 'a', col: 0, span: 4, row: 0, rows: 30, columnRows: [30, 30, 6, 6], headlineSpan: 4 },
        { id: 'b-b', kind: 'article', articleId: 'b', col: 2, span: 2, row: 6, rows: 40 },
      ],
    };
    const r = copyfit(doc, 'b-a', { fonts });
    expect(r.before.over).toBeGreaterThan(10);
    expect(r.after.over).toBe(0);
    expect(r.change.rows).toBeGreaterThan(30);
    expect(r.change.columnRows).toEqual([r.change.rows, r.change.rows, 6, 6]);
    const after = applied(doc, 'b-a', r);
    expect(layout(after, { fonts }).overset.filter((o) => o.articleId === 'a')).toEqual([]);
    expect(textOverlaps(after.blocks)).toEqual([]);
  });
});
