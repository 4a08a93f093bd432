import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../src-core/model/defaults';
import { hasBodyText } from '../../src-core/model/richtext';
import { Editor } from '../../src-renderer/editor/editor';
import { fonts } from './support';

/** 新建稿件 and the 文本框 tool's commit, on the Editor: each one undo step, through the store. */
const editor = () => new Editor(fonts, emptyDocument('broadsheet'), { path: null, title: 'new' });

describe('a story begun from nothing', () => {
  it('新建稿件 adds an empty, unplaced article and opens it; undo takes it away in one step', () => {
    const e = editor();
    const id = e.newArticle()!;
    const s = e.getState();
    const a = s.doc.articles.find((x) => x.id === id)!;
    expect([a.kicker, a.headline, a.deck, a.byline, a.lead]).toEqual(['', '', '', '', '']);
    expect(hasBodyText(a.body)).toBe(false);
    expect(s.doc.blocks).toHaveLength(0);
    expect(s.editing).toBe(id);
    e.undo();
    expect(e.getState().doc.articles).toHaveLength(0);
    expect(e.getState().editing).toBeNull();
  });

  it('a drawn frame becomes a new article’s block of exactly that rectangle, selected and open; one undo step', () => {
    const e = editor();
    e.setTool('textFrame');
    expect(e.beginDraw({ col: 2, span: 1, row: 10, rows: 1 })).toBe(true);
    e.updateInteraction({ col: 2, span: 3, row: 10, rows: 25 });
    e.commitInteraction();
    const s = e.getState();
    expect(s.doc.blocks).toHaveLength(1);
    const b = s.doc.blocks[0];
    expect(b).toMatchObject({ kind: 'article', col: 2, span: 3, row: 10, rows: 25 });
    expect(s.selection).toBe(b.id);
    expect(s.editing).toBe(b.kind === 'article' && b.articleId);
    expect(s.tool).toBe('select');
    // an article with no titles and an empty paragraph is a valid page (it saves)
    expect(e.pageStore.validate()).toEqual({ ok: true });
    e.undo();
    expect(e.getState().doc.blocks).toHaveLength(0);
    expect(e.getState().doc.articles).toHaveLength(0);
  });

  it('a frame over a text block is refused with the overlap notice, nothing added; a cancelled drag adds nothing', () => {
    const e = editor();
    e.beginDraw({ col: 0, span: 4, row: 0, rows: 20 });
    e.commitInteraction();
    const before = e.getState().doc;
    e.beginDraw({ col: 3, span: 2, row: 19, rows: 5 });
    e.commitInteraction();
    expect(e.getState().doc.blocks).toEqual(before.blocks);
    expect(e.getState().doc.articles).toHaveLength(1);
    expect(e.getState().notice?.zh).toMatch(/^未画文本框：文字块不能重叠/);
    e.beginDraw({ col: 5, span: 2, row: 0, rows: 5 });
    e.cancelInteraction();
    e.commitInteraction();
    expect(e.getState().doc.blocks).toEqual(before.blocks);
  });

  it('neither is possible while the layout is read-only (校对 mode)', () => {
    const e = editor();
    e.setReadOnly({ zh: '校对模式', en: 'Proof mode', signed: false });
    expect(e.newArticle()).toBeUndefined();
    expect(e.beginDraw({ col: 0, span: 1, row: 0, rows: 1 })).toBe(false);
    expect(e.getState().doc.articles).toHaveLength(0);
  });
});
