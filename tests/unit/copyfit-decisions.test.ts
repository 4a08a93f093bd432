/**
 * What 适配 decides, pinned on cases whose answers were checked with layout() itself (the fit of
 * the neighbouring choices below), so that making copyfit faster cannot change what it does. The
 * sample cases run on the sample as it was placed by hand (free lines at the foot, page styles).
 */
import { describe, expect, it } from 'vitest';
import { dayRequest } from '../../bench/days';
import { handPlacedPage as samplePage, longArticleAtFoot as longAtFoot } from '../../bench/pages';
import { articleFits, copyfit, type ArticleFit } from '../../src-core/copyfit';
import { layout } from '../../src-core/layout/layout';
import type { ArticleBlock, BanmianDocument } from '../../src-core/model/document';
import { fontProvider } from '../../src-main/fonts/provider';

const fonts = fontProvider().registry();

function withRows(doc: BanmianDocument, blockId: string, rows: number): BanmianDocument {
  return { ...doc, blocks: doc.blocks.map((b) => (b.id === blockId ? { ...b, rows } : b)) };
}

/** The fit of one article with its block `rows` deep and its body tracking and headline size set by hand. */
function fitWith(doc: BanmianDocument, blockId: string, rows: number, tracking = 0, headline?: number, lineShift?: number): ArticleFit {
  const block = doc.blocks.find((b): b is ArticleBlock => b.id === blockId && b.kind === 'article')!;
  const articles = doc.articles.map((a) => {
    if (a.id !== block.articleId) return a;
    const o = { ...(a.styleOverrides ?? {}) };
    for (const s of ['body', 'lead', 'subhead'] as const) o[s] = { ...o[s], tracking: doc.page.styles[s].tracking + tracking };
    if (lineShift) o.body = { ...o.body, lineShift };
    if (headline) o.headline = { ...o.headline, size: headline, lineHeight: (doc.page.styles.headline.lineHeight / doc.page.styles.headline.size) * headline };
    return { ...a, styleOverrides: o };
  });
  const page = { ...withRows(doc, blockId, rows), articles };
  return articleFits(page, layout(page, { fonts })).get(block.articleId) ?? { over: 0, under: 0 };
}

/** The overflowing day set's second article in a 3-column block `rows` deep, another article 90 lines down. */
function dayPage(rows: number): BanmianDocument {
  const d = dayRequest('broadsheet-overflow').document;
  return { ...d, blocks: [{ id: 'b-a2', kind: 'article', articleId: 'a2', col: 5, span: 3, row: 45, rows }, { id: 'b-a4', kind: 'article', articleId: 'a4', col: 5, span: 3, row: 90, rows: 28 }] };
}

const zh = (doc: BanmianDocument, blockId: string): string => copyfit(doc, blockId, { fonts }).moves.map((m) => m.zh).join('；');

describe('copyfit decisions (pinned before the speed work; the overset one since changed on purpose: 缩行, then depth, before a smaller headline)', () => {
  it('sample, 吴劲松 cut to 24 lines: one paragraph a line shorter (缩行, exactly full), not the block 24 → 25 lines (3 lines empty) nor the headline 24 → 20 pt (11 empty)', () => {
    const doc = withRows(samplePage(), 'b-wu-jinsong', 24);
    expect(fitWith(doc, 'b-wu-jinsong', 24, -0.03).over).toBeGreaterThan(0);
    expect(fitWith(doc, 'b-wu-jinsong', 24, 0, 20)).toEqual({ over: 0, under: 11 });
    expect(fitWith(doc, 'b-wu-jinsong', 25)).toEqual({ over: 0, under: 3 });
    expect(fitWith(doc, 'b-wu-jinsong', 24, 0, undefined, -1)).toEqual({ over: 0, under: 0 });
    const r = copyfit(doc, 'b-wu-jinsong', { fonts });
    expect(r.before).toEqual({ over: 1, under: 0 });
    expect(r.after).toEqual({ over: 0, under: 0 });
    expect(r.change).toEqual({ styles: { body: { lineShift: -1 } } });
    expect(zh(doc, 'b-wu-jinsong')).toBe('缩行 1 段');
  });

  it('sample, 吴劲松 cut to 12 lines: the block 12 → 25 lines, the fewest that hold it', () => {
    const doc = withRows(samplePage(), 'b-wu-jinsong', 12);
    expect(fitWith(doc, 'b-wu-jinsong', 24).over).toBeGreaterThan(0);
    expect(fitWith(doc, 'b-wu-jinsong', 24, -0.03).over).toBeGreaterThan(0);
    expect(fitWith(doc, 'b-wu-jinsong', 25)).toEqual({ over: 0, under: 3 });
    const r = copyfit(doc, 'b-wu-jinsong', { fonts });
    expect(r.change).toEqual({ styles: {}, rows: 25 });
    expect(r.after).toEqual({ over: 0, under: 3 });
    expect(zh(doc, 'b-wu-jinsong')).toBe('块高 12 → 25 行；仍空 3 行');
  });

  it('sample, 安乐 underset by 13 lines: tracking +0.01 em, the best of the levers short of depth', () => {
    const doc = samplePage();
    expect(fitWith(doc, 'b-anle', 35, 0.01)).toEqual({ over: 0, under: 12 });
    const r = copyfit(doc, 'b-anle', { fonts });
    expect(r.before).toEqual({ over: 0, under: 13 });
    expect(r.change).toEqual({ styles: { body: { tracking: 0.01 }, lead: { tracking: 0.01 }, subhead: { tracking: 0.01 } } });
    expect(zh(doc, 'b-anle')).toBe('字距 +0.01 em；仍空 12 行');
  });

  it('sample, a long article in a 9-line block at the foot: deepened 9 → 35 lines', () => {
    const doc = longAtFoot(10);
    expect(fitWith(doc, 'b-soe-ranking', 34).over).toBeGreaterThan(0);
    expect(fitWith(doc, 'b-soe-ranking', 34, -0.03).over).toBeGreaterThan(0);
    expect(fitWith(doc, 'b-soe-ranking', 35)).toEqual({ over: 0, under: 1 });
    const r = copyfit(doc, 'b-soe-ranking', { fonts });
    expect(r.before).toEqual({ over: 103, under: 0 });
    expect(r.change).toEqual({ styles: {}, rows: 35 });
    expect(zh(doc, 'b-soe-ranking')).toBe('块高 9 → 35 行；仍空 1 行');
  });

  it('sample, an article longer than the free lines below: nothing changed, and why', () => {
    const doc = longAtFoot(20);
    expect(fitWith(doc, 'b-soe-ranking', 118 - 81, -0.03).over).toBeGreaterThan(0);
    const r = copyfit(doc, 'b-soe-ranking', { fonts });
    expect(r.before).toEqual({ over: 210, under: 0 });
    expect(r.after).toEqual(r.before);
    expect(r.change).toEqual({ styles: {} });
    expect(r.moves[0].zh).toContain('无法');
  });

  it('day set, a 3-column article far overset: deepened 30 → 41 lines, exactly full', () => {
    const doc = dayPage(30);
    expect(fitWith(doc, 'b-a2', 40, -0.03).over).toBeGreaterThan(0);
    expect(fitWith(doc, 'b-a2', 41)).toEqual({ over: 0, under: 0 });
    const r = copyfit(doc, 'b-a2', { fonts });
    expect(r.before).toEqual({ over: 33, under: 0 });
    expect(r.change).toEqual({ styles: {}, rows: 41 });
    expect(r.after).toEqual({ over: 0, under: 0 });
  });

  it('day set, the same article slightly overset and underset: headline 24 → 20 pt; tracking +0.01 em', () => {
    expect(fitWith(dayPage(38), 'b-a2', 38, 0, 20)).toEqual({ over: 0, under: 0 });
    expect(zh(dayPage(38), 'b-a2')).toBe('标题 24 → 20 pt');
    expect(zh(dayPage(45), 'b-a2')).toBe('字距 +0.01 em；仍空 8 行');
  });
});
