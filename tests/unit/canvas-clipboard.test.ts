import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../src-core/model/defaults';
import type { GridRect } from '../../src-core/model/document';
import { textOverlaps } from '../../src-core/model/overlap';
import { Editor } from '../../src-renderer/editor/editor';
import { fonts } from './support';

/** 复制/剪切/粘贴/再制 of blocks on the Editor: own articles, free places, one undo step, read-only refused. */
const editor = () => new Editor(fonts, emptyDocument('broadsheet'), { path: null, title: 'clip' });

function frame(e: Editor, rect: GridRect): string {
  e.beginDraw(rect);
  e.commitInteraction();
  return e.getState().selection!;
}

const articleOf = (e: Editor, id: string) => {
  const b = e.block(id)!;
  return b.kind === 'article' ? e.getState().doc.articles.find((a) => a.id === b.articleId)! : undefined;
};

describe('copy and paste of blocks', () => {
  it('a pasted text block has its own copy of the article and sits where it covers nothing, one undo step', () => {
    const e = editor();
    const a = frame(e, { col: 0, span: 2, row: 0, rows: 10 });
    e.setArticleMeta(articleOf(e, a)!.id, { headline: '原稿标题' });
    e.select(a);
    expect(e.copySelected()).toBe(true);
    e.paste();
    const s = e.getState();
    expect(s.doc.blocks).toHaveLength(2);
    const copy = s.selection!;
    expect(copy).not.toBe(a);
    expect(s.selected).toEqual([copy]);
    const art = articleOf(e, copy)!;
    expect(art.id).not.toBe(articleOf(e, a)!.id);
    expect(art.headline).toBe('原稿标题');
    expect(art.body).toEqual(articleOf(e, a)!.body);
    // wherever the nearest free place is, it covers no text block
    expect(textOverlaps(s.doc.blocks)).toEqual([]);
    expect(e.block(copy)).toMatchObject({ span: 2, rows: 10 });
    // editing the copy leaves the original alone
    e.setArticleMeta(art.id, { headline: '副本' });
    expect(articleOf(e, a)!.headline).toBe('原稿标题');
    e.undo(); // the headline
    e.undo(); // the paste: block and article in one step
    expect(e.getState().doc.blocks).toHaveLength(1);
    expect(e.getState().doc.articles).toHaveLength(1);
  });

  it('the nearest free place in pt: under the block when a column step is wider than its depth', () => {
    const e = editor();
    const a = frame(e, { col: 0, span: 2, row: 0, rows: 3 });
    const { geo } = e.getState();
    // 3 lines down is nearer than one column right on a broadsheet grid
    expect(3 * geo.pitch).toBeLessThan(geo.colWidth + geo.gutter);
    e.duplicateSelected();
    expect(e.block(e.getState().selection!)).toMatchObject({ col: 0, row: 3, span: 2, rows: 3 });
    expect(e.getState().doc.blocks.find((b) => b.id === a)).toMatchObject({ col: 0, row: 0 });
  });

  it('cut removes the blocks in one step and paste puts copies back; a multi-selection keeps its arrangement', () => {
    const e = editor();
    const a = frame(e, { col: 0, span: 2, row: 0, rows: 10 });
    const b = frame(e, { col: 3, span: 2, row: 4, rows: 10 });
    e.selectMany([a, b]);
    e.cutSelected();
    expect(e.getState().doc.blocks).toHaveLength(0);
    // the articles stay, unplaced, as 删除块 leaves them
    expect(e.getState().doc.articles).toHaveLength(2);
    e.paste();
    const [p, q] = e.getState().selected.map((id) => e.block(id)!) as GridRect[];
    // the page is empty again: where they were
    expect([p, q].map((r) => [r.col, r.row])).toEqual([
      [0, 0],
      [3, 4],
    ]);
    expect(e.getState().doc.articles).toHaveLength(4);
  });

  it('is refused in 校对 mode with its notice; copying still works there', () => {
    const e = editor();
    const a = frame(e, { col: 0, span: 2, row: 0, rows: 10 });
    e.select(a);
    e.setReadOnly({ zh: '校对模式下不能改版面', en: 'Read-only in proof mode', signed: false });
    expect(e.copySelected()).toBe(true);
    e.paste();
    e.duplicateSelected();
    e.cutSelected();
    expect(e.getState().doc.blocks).toHaveLength(1);
    expect(e.getState().notice?.zh).toBe('校对模式下不能改版面');
  });

  it('says so when no place on the page is free', () => {
    const e = editor();
    const { geo } = e.getState();
    const a = frame(e, { col: 0, span: geo.columns, row: 0, rows: geo.rows });
    const t = performance.now();
    e.select(a);
    e.duplicateSelected();
    expect(performance.now() - t).toBeLessThan(2000);
    expect(e.getState().doc.blocks).toHaveLength(1);
    expect(e.getState().notice?.zh).toMatch(/^未粘贴/);
  });

  it('Delete removes every selected block in one step', () => {
    const e = editor();
    const a = frame(e, { col: 0, span: 2, row: 0, rows: 10 });
    const b = frame(e, { col: 3, span: 2, row: 4, rows: 10 });
    e.selectMany([a, b]);
    e.deleteSelected();
    expect(e.getState().doc.blocks).toHaveLength(0);
    e.undo();
    expect(e.getState().doc.blocks).toHaveLength(2);
  });
});

describe('between pages of one file', () => {
  it('blocks copied on one page paste on the next page put in the window, where they were', () => {
    const e = editor();
    const a = frame(e, { col: 2, span: 2, row: 7, rows: 10 });
    e.setArticleMeta(articleOf(e, a)!.id, { headline: '跨版稿件' });
    e.select(a);
    e.copySelected();
    e.replaceDocument(emptyDocument('broadsheet'), { path: null, title: 'page 2' });
    e.paste();
    const s = e.getState();
    expect(s.doc.blocks).toHaveLength(1);
    expect(s.doc.blocks[0]).toMatchObject({ col: 2, span: 2, row: 7, rows: 10 });
    expect(s.doc.articles.map((x) => x.headline)).toEqual(['跨版稿件']);
    expect(e.pageStore.validate()).toEqual({ ok: true });
  });
});
