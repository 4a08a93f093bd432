import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { handPlacedPage, samplePage } from '../../bench/pages';
import type { ArticleBlock, BanmianDocument, Block } from '../../src-core/model/document';
import { columnDepths } from '../../src-core/model/grid';
import { textOverlaps } from '../../src-core/model/overlap';
import { plainText } from '../../src-core/model/richtext';
import { validateDocument } from '../../src-core/model/validate';
import { PageOperationError } from '../../src-core/store/operations';
import { PageStore } from '../../src-core/store/page-store';
import { Editor } from '../../src-renderer/editor/editor';
import { placedRanking } from '../../src-renderer/editor/placed-rank';
import { makeUpRequest } from '../../src-renderer/editor/makeup-request';
import { makeUp } from '../../src-core/makeup';
import { fonts } from './support';

const withColumns = (doc: BanmianDocument, columns: number) => ({ grid: { ...doc.page.grid, columns } });
const articleBlocks = (doc: BanmianDocument) => doc.blocks.filter((b): b is ArticleBlock => b.kind === 'article');
const placedArticles = (doc: BanmianDocument) => new Set(articleBlocks(doc).map((b) => b.articleId));
const outside = (doc: BanmianDocument) => doc.blocks.filter((b) => b.kind !== 'rule' && (b.col < 0 || b.col + b.span > doc.page.grid.columns));

/** The articles the notice names as held over (待用): the titles between 《》 after 待用. */
function heldInNotice(zh: string): string[] {
  const at = zh.indexOf('待用');
  return at < 0 ? [] : [...zh.slice(at).matchAll(/《([^》]+)》/g)].map((m) => m[1]);
}

const editorOn = (doc: BanmianDocument) => new Editor(fonts, doc, { path: null, title: 'luoyang-page.banmian' });

describe('placed ranking (the rank a re-made page keeps)', () => {
  it('keeps the lead first: the biggest block in the top third, then top to bottom, then bigger first', () => {
    // the hand-placed sample's 头条 谢峰 (4 × 30 at line 4) beside 吴劲松 (4 × 26 at line 4); the banner has no body
    expect(placedRanking(handPlacedPage())).toEqual(['xie-feng', 'wu-jinsong', 'funiu-road', 'xu-chaowen', 'anle', 'nanguan', 'nanyang-chamber', 'junhe-yungu', 'soe-ranking']);
    // a small brief set above the lead does not take its rank
    const doc = handPlacedPage();
    doc.blocks = doc.blocks.map((b) => (b.id === 'b-xie-feng' ? { ...b, row: 8, rows: 30 } : b.id === 'b-junhe-yungu' ? { ...b, row: 4, rows: 4 } : b));
    doc.blocks = doc.blocks.filter((b) => b.id !== 'b-xu-chaowen' && b.id !== 'b-nanguan');
    const ranking = placedRanking(doc);
    expect(ranking[0]).toBe('xie-feng');
    expect(ranking.indexOf('junhe-yungu')).toBeLessThan(ranking.indexOf('funiu-road'));
  });
});

/** Every article that was on the page is on it again or named as held over in the notice, never both, never neither. */
function placedOrHeld(before: BanmianDocument, after: BanmianDocument, zh: string): { placed: number; held: string[] } {
  const placed = placedArticles(after);
  const held = heldInNotice(zh);
  for (const id of placedArticles(before)) {
    const a = after.articles.find((x) => x.id === id)!;
    const named = held.some((t) => a.headline.replace(/\s+/g, ' ').startsWith(t.replace(/…$/, '')));
    expect(`${id}: ${placed.has(id) ? 'placed' : ''}${named ? 'held' : ''}`).toMatch(/: (placed|held)$/);
  }
  // held-over articles stay in the 稿件 list
  expect(after.articles.map((a) => a.id)).toEqual(before.articles.map((a) => a.id));
  return { placed: placed.size, held };
}

describe('栏数 8 → 6 re-makes the page (issue 16, item 4)', () => {
  it('no text blocks overlap, every block inside 6 columns, every article placed or named as held over; one undo restores the 8-column page exactly', () => {
    const e = editorOn(samplePage());
    const before = structuredClone(e.getState().doc);
    expect(before.page.grid.columns).toBe(8);

    e.setPage(withColumns(before, 6));
    const after = e.getState().doc;
    expect(after.page.grid.columns).toBe(6);
    expect(textOverlaps(after.blocks)).toEqual([]);
    expect(outside(after)).toEqual([]);
    expect(validateDocument(after)).toEqual({ ok: true });
    // the banner (headline only) stays on top, narrowed to the grid
    expect(after.blocks.find((b) => b.id === 'b-banner')).toMatchObject({ col: 0, span: 6, row: 0 });

    const notice = e.getState().notice!;
    expect(notice.kind).toBe('info');
    expect(notice.zh).toMatch(/^版面现为 6 栏，已重新组版 9 篇稿件/);
    expect(notice.en).toMatch(/^The page now has 6 columns; 9 articles made up anew/);
    const { placed, held } = placedOrHeld(before, after, notice.zh);
    // banner + the 9 articles made up; the sample's empty foot takes what two columns lose
    expect(placed + held.length).toBe(10);

    e.undo();
    expect(e.getState().doc).toEqual(before);
    expect(e.pageStore.canUndo()).toBe(false);
  });

  it('names the articles that no longer fit (8 → 4 columns), zh first; they stay in the 稿件 list', () => {
    const e = editorOn(samplePage());
    const before = structuredClone(e.getState().doc);
    e.setPage(withColumns(before, 4));
    const after = e.getState().doc;
    expect(textOverlaps(after.blocks)).toEqual([]);
    expect(outside(after)).toEqual([]);
    const notice = e.getState().notice!;
    const { placed, held } = placedOrHeld(before, after, notice.zh);
    expect(held.length).toBeGreaterThan(0);
    expect(placed + held.length).toBe(10);
    expect(notice.zh).toContain(`；放不下、待用 ${held.length} 篇：《`);
    expect(notice.en).toContain(`; ${held.length} held over, not enough room: “`);
  });

  it('raising 栏数 re-makes too (6 → 8 after 8 → 6: blocks fill the wider grid without overlap)', () => {
    const e = editorOn(samplePage());
    e.setPage(withColumns(e.getState().doc, 6));
    e.setPage(withColumns(e.getState().doc, 8));
    const doc = e.getState().doc;
    expect(doc.page.grid.columns).toBe(8);
    expect(textOverlaps(doc.blocks)).toEqual([]);
    expect(e.getState().notice!.zh).toMatch(/^版面现为 8 栏，已重新组版/);
    // some article now reaches past column 6
    expect(Math.max(...articleBlocks(doc).map((b) => b.col + b.span))).toBe(8);
    e.undo();
    expect(e.getState().doc.page.grid.columns).toBe(6);
  });

  it('keeps locked blocks where they are, and refuses (says, moves nothing) when a locked block would lie past the new grid', () => {
    const doc = samplePage();
    doc.blocks = doc.blocks.map((b) => (b.id === 'b-xie-feng' ? { ...b, locked: true } : b));
    const e = editorOn(doc);
    e.setPage(withColumns(doc, 6));
    const after = e.getState().doc;
    expect(after.blocks.find((b) => b.id === 'b-xie-feng')).toEqual(doc.blocks.find((b) => b.id === 'b-xie-feng'));
    expect(textOverlaps(after.blocks)).toEqual([]);
    expect(outside(after)).toEqual([]);

    // 国企盘点 locked in the hand-placed page's columns 5–8
    const stuck = handPlacedPage();
    stuck.blocks = stuck.blocks.map((b) => (b.id === 'b-soe-ranking' ? { ...b, locked: true } : b));
    const e2 = editorOn(stuck);
    e2.setPage(withColumns(stuck, 6));
    expect(e2.getState().doc).toEqual(stuck);
    expect(e2.pageStore.canUndo()).toBe(false);
    expect(e2.getState().notice!.zh).toMatch(/^栏数未改：锁定的 《全国国企年度盘点榜单展现/);
    expect(e2.getState().notice!.en).toContain('locked blocks are not moved');
  });

  it('names a locked ad that would lie past the new grid as an ad (广告), by its advertiser', () => {
    // the sample's 公益广告 (4 × 64, locked) moved to the bottom right: columns 5–8
    const doc = samplePage();
    doc.blocks = doc.blocks.map((b) => (b.kind === 'ad' ? { ...b, col: 4 } : b));
    const e = editorOn(doc);
    e.setPage(withColumns(doc, 6));
    expect(e.getState().doc).toEqual(doc);
    expect(e.getState().notice!.zh).toBe('栏数未改：锁定的 广告“公益广告” 超出新的 6 栏，锁定的块不移动；请先解锁或移开');
    expect(e.getState().notice!.en).toBe('Columns unchanged: the locked ad “公益广告” would lie past the new 6 columns, and locked blocks are not moved; unlock or move them first');
  });
});

describe("the store's makeUp operation", () => {
  it('writes the new grid and all the blocks as one update of the layout document, and one undo step', () => {
    // in the page's styles: the headline size written is then the article's only override
    const doc = handPlacedPage();
    const store = new PageStore(doc);
    let updates = 0;
    store.layoutDoc.on('update', () => updates++);
    const six = withColumns(doc, 6);
    const blocks: Block[] = [{ id: 'b-banner', kind: 'article', articleId: 'banner', col: 0, span: 6, row: 0, rows: 4 }, { id: 'n-xie', kind: 'article', articleId: 'xie-feng', col: 0, span: 6, row: 4, rows: 40 }];
    store.apply({ kind: 'makeUp', change: { page: six, blocks, styles: [{ articleId: 'xie-feng', name: 'headline', fields: { size: 30 } }] } });
    expect(updates).toBe(1);
    const after = store.snapshot();
    expect(after.page.grid.columns).toBe(6);
    expect(after.blocks.map((b) => b.id)).toEqual(['b-banner', 'n-xie']);
    expect(after.articles.find((a) => a.id === 'xie-feng')!.styleOverrides).toEqual({ headline: { size: 30 } });
    store.undo();
    expect(store.snapshot()).toEqual(doc);
  });

  it("removes make-up's 可删 cuts from the article's body in the same undo step, and never an unmarked paragraph", () => {
    const doc = samplePage();
    const xie = doc.articles.find((a) => a.id === 'xie-feng')!;
    xie.body = { ...xie.body, content: xie.body.content.map((p, i) => (i === 3 || i === 4 ? { ...p, attrs: { cuttable: true } } : p)) };
    const store = new PageStore(doc);
    const before = store.snapshot();
    const paragraphs = (d: BanmianDocument) => plainText(d.articles.find((a) => a.id === 'xie-feng')!.body).split('\n');
    const was = paragraphs(before);
    expect(was).toHaveLength(6);
    // 4 is marked, 1 is not: only 4 goes
    store.apply({ kind: 'makeUp', change: { blocks: before.blocks, styles: [], cuts: [{ articleId: 'xie-feng', paragraphs: [1, 4] }] } });
    expect(paragraphs(store.snapshot())).toEqual([was[0], was[1], was[2], was[3], was[5]]);
    store.undo();
    expect(store.snapshot()).toEqual(before);
    expect(() => store.apply({ kind: 'makeUp', change: { blocks: before.blocks, styles: [], cuts: [{ articleId: 'nobody', paragraphs: [0] }] } })).toThrow(PageOperationError);
    expect(() => store.apply({ kind: 'makeUp', change: { blocks: before.blocks, styles: [], cuts: [{ articleId: 'xie-feng', paragraphs: [-1] }] } })).toThrow(PageOperationError);
    expect(store.snapshot()).toEqual(before);
  });

  it('refuses a block past the new grid, changing nothing', () => {
    const doc = samplePage();
    const store = new PageStore(doc);
    const wide: Block = { id: 'w', kind: 'article', articleId: 'xie-feng', col: 2, span: 6, row: 4, rows: 10 };
    expect(() => store.apply({ kind: 'makeUp', change: { page: withColumns(doc, 6), blocks: [wide], styles: [] } })).toThrow(PageOperationError);
    expect(store.snapshot()).toEqual(doc);
    expect(columnDepths(wide)).toHaveLength(6);
  });

  it('travels to another desk as one update', () => {
    const doc = samplePage();
    const e = editorOn(doc);
    const store = e.pageStore;
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(store.layoutDoc));
    const sent: Uint8Array[] = [];
    store.layoutDoc.on('update', (u: Uint8Array) => sent.push(u));
    e.setPage(withColumns(doc, 6));
    expect(sent).toHaveLength(1);
    for (const u of sent) Y.applyUpdate(peer, u);
    expect(new PageStore({ layoutDoc: peer, articleDocs: new Map(doc.articles.map((a) => [a.id, store.articleDoc(a.id)!])) }).snapshot().blocks).toEqual(e.getState().doc.blocks);
  });
});

describe('栏数 change on a page make-up filled with a 公益广告 frame (补白)', () => {
  it('the frame (no artwork in it) is made afresh for the new grid, not a locked block in the way: 8 → 6 is not refused', () => {
    const doc = samplePage();
    // the sample without its booked ad is short of copy: 自动组版 fills it with a frame at the right foot
    doc.blocks = doc.blocks.filter((b) => b.kind !== 'ad');
    const e = editorOn(doc);
    const made = makeUp({ ...makeUpRequest(e.getState().doc), options: { fillShort: true } }, { fonts });
    e.applyMakeUp(made.alternatives[0]);
    const frame = e.getState().doc.blocks.find((b) => b.kind === 'ad')!;
    expect(frame.id).toMatch(/^filler-ad-/);
    expect(frame.col + frame.span).toBeGreaterThan(6);
    e.setPage(withColumns(e.getState().doc, 6));
    const after = e.getState().doc;
    expect(e.getState().notice!.zh).toMatch(/^版面现为 6 栏/);
    expect(after.page.grid.columns).toBe(6);
    expect(outside(after)).toEqual([]);
    expect(textOverlaps(after.blocks)).toEqual([]);
    expect(validateDocument(after)).toEqual({ ok: true });
    // the frames made afresh on 6 columns (make-up's own ids, at most two: filler.ts), or none with the 补稿 they would take;
    // either way the notice says which (since a full-length story ranked under a 简讯 takes no smaller a headline than it,
    // this page takes a second, 3 × 6-line frame at the left foot)
    const frames = after.blocks.filter((b) => b.kind === 'ad');
    expect(frames.length).toBeLessThanOrEqual(2);
    expect(frames.every((f) => f.id.startsWith('filler-ad-') && f.col + f.span <= 6)).toBe(true);
    expect(e.getState().notice!.zh).toMatch(frames.length ? /；稿件不足以排满版面（空白约 \d+ 栏行）：.*公益广告位补白/ : /；稿件不足以排满版面：空白约 \d+ 栏行，约需补稿/);
  });
});
