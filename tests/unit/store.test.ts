import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { PageStore } from '../../src-core/store/page-store';
import { articleParts } from '../../src-core/store/ydocs';
import { samplePage } from '../../bench/pages';
import { docFromParagraphs } from '../../src-core/model/richtext';
import type { ArticleBlock } from '../../src-core/model/document';

describe('PageStore (the page in Yjs documents)', () => {
  it('gives back the document it was built from', () => {
    const doc = samplePage();
    const store = new PageStore(doc);
    expect(store.snapshot()).toEqual({ ...doc, blocks: doc.blocks });
  });

  it('moves and resizes blocks, one undo step each, and redoes them', () => {
    const store = new PageStore(samplePage());
    const before = store.snapshot();
    // 科学规划 one line deeper at its own width (4 columns now, its headline across all 4: a narrower
    // span through resizeBlock would leave the headline wider than the block, which the store refuses)
    const { span, rows } = before.blocks.find((b) => b.id === 'b-xu-chaowen') as ArticleBlock;
    store.moveBlock('b-xu-chaowen', 1, 40);
    store.stopCapturing();
    store.resizeBlock('b-xu-chaowen', span, rows + 1);
    const moved = store.snapshot().blocks.find((b) => b.id === 'b-xu-chaowen')!;
    expect(moved).toMatchObject({ col: 1, row: 40, span, rows: rows + 1 });
    expect(store.undo()).toBe(true);
    expect(store.snapshot().blocks.find((b) => b.id === 'b-xu-chaowen')).toMatchObject({ col: 1, row: 40, span, rows });
    expect(store.undo()).toBe(true);
    expect(store.snapshot()).toEqual(before);
    expect(store.undo()).toBe(false);
    expect(store.redo()).toBe(true);
    expect(store.redo()).toBe(true);
    expect(store.snapshot().blocks.find((b) => b.id === 'b-xu-chaowen')).toMatchObject({ col: 1, row: 40, span, rows: rows + 1 });
  });

  it('undoes across documents in the order the changes were made', () => {
    const store = new PageStore(samplePage());
    store.setArticleMeta('xu-chaowen', { headline: '新标题' });
    store.stopCapturing();
    store.setHeader({ date: '2024-01-16' });
    store.stopCapturing();
    store.setPage({ leading: 4 });
    expect(store.snapshot().page.leading).toBe(4);
    store.undo();
    expect(store.snapshot().page.leading).toBe(3);
    expect(store.snapshot().page.header.date).toBe('2024-01-16');
    store.undo();
    // the sample's own date
    expect(store.snapshot().page.header.date).toBe('2026-12-03');
    expect(store.article('xu-chaowen')!.headline).toBe('新标题');
    store.undo();
    expect(store.article('xu-chaowen')!.headline).toBe('科学规划 合理布局 强化运营 以高质量发展推动主题教育见行见效');
  });

  it('a new change clears the redo history', () => {
    const store = new PageStore(samplePage());
    store.moveBlock('b-xu-chaowen', 1, 40);
    store.undo();
    store.moveBlock('b-xu-chaowen', 2, 40);
    expect(store.redo()).toBe(false);
  });

  it('sees edits made directly in an article fragment (the story editor) and reuses unchanged articles', () => {
    const store = new PageStore(samplePage());
    const first = store.snapshot();
    const doc = store.articleDoc('nanguan')!;
    const { body } = articleParts(doc);
    const para = body.get(0) as Y.XmlElement;
    const text = para.get(0) as Y.XmlText;
    doc.transact(() => text.insert(0, '【插入】'));
    const second = store.snapshot();
    const nanguan = second.articles.find((a) => a.id === 'nanguan')!;
    const firstText = (nanguan.body.content[0].content![0] as { text: string }).text;
    expect(firstText.startsWith('【插入】为进一步强化')).toBe(true);
    // untouched articles are the same objects, so layout's cache keys stay cheap
    expect(second.articles.find((a) => a.id === 'anle')).toBe(first.articles.find((a) => a.id === 'anle'));
    // typing leaves the layout document alone: its page settings, pictures and blocks are kept as they were
    expect(second).not.toBe(first);
    expect(second.page).toBe(first.page);
    expect(second.blocks).toBe(first.blocks);
    expect(second.images).toBe(first.images);
    // a change to the layout document reads them anew
    store.moveBlock('b-xu-chaowen', 1, 40);
    const third = store.snapshot();
    expect(third.blocks).not.toBe(first.blocks);
    expect(third.blocks.find((b) => b.id === 'b-xu-chaowen')).toMatchObject({ col: 1, row: 40 });
    expect(third.articles.find((a) => a.id === 'nanguan')).toBe(nanguan);
  });

  it('adds imported articles unplaced and removes an article with its blocks', () => {
    const store = new PageStore(samplePage());
    store.addArticles([{ id: 'new', kicker: '', headline: '新稿', deck: '', byline: '', bylinePosition: 'end', lead: '', body: docFromParagraphs(['正文。']), jumpFrom: '', jumpTo: '' }]);
    expect(store.articleIds()).toContain('new');
    expect(store.snapshot().articles.find((a) => a.id === 'new')!.headline).toBe('新稿');
    store.removeArticle('anle');
    expect(store.snapshot().blocks.some((b) => b.kind === 'article' && b.articleId === 'anle')).toBe(false);
    expect(store.validate()).toEqual({ ok: true });
  });

  it('merges a concurrent move and resize of the same block from two desks', () => {
    const a = new PageStore(samplePage());
    // sync b to a's state first (same initial content from separate docs would duplicate)
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(a.layoutDoc));
    a.moveBlock('b-xu-chaowen', 2, 45);
    const resize = new Y.Doc();
    Y.applyUpdate(resize, Y.encodeStateAsUpdate(fresh));
    const blocks = resize.getMap<Y.Map<unknown>>('blocks');
    resize.transact(() => blocks.get('b-xu-chaowen')!.set('span', 2));
    Y.applyUpdate(a.layoutDoc, Y.encodeStateAsUpdate(resize));
    expect(a.snapshot().blocks.find((x) => x.id === 'b-xu-chaowen')).toMatchObject({ col: 2, row: 45, span: 2 });
  });
});

describe('proofreading marks in the story schema', () => {
  it('survive the Yjs round trip, and only accepted text is printable', async () => {
    const { printableParagraphs } = await import('../../src-core/model/richtext');
    const body = {
      type: 'doc' as const,
      content: [
        {
          type: 'paragraph' as const,
          content: [
            { type: 'text' as const, text: '原有' },
            { type: 'text' as const, text: '删去', marks: [{ type: 'deletion', attrs: { id: 's1' } }] },
            { type: 'text' as const, text: '补上', marks: [{ type: 'insertion', attrs: { id: 's2' } }] },
            { type: 'text' as const, text: '批注', marks: [{ type: 'comment', attrs: { threadId: 't1' } }] },
          ],
        },
      ],
    };
    const doc = samplePage();
    doc.articles[1] = { ...doc.articles[1], body };
    const store = new PageStore(doc);
    const back = store.article(doc.articles[1].id)!.body;
    const marks = back.content[0].content!.map((n) => ('marks' in n && n.marks ? n.marks.map((m) => `${m.type}:${JSON.stringify(m.attrs)}`).join(',') : ''));
    expect(marks).toEqual(['', 'deletion:{"id":"s1"}', 'insertion:{"id":"s2"}', 'comment:{"threadId":"t1"}']);
    expect(printableParagraphs(back)[0].spans.map((s) => s.text).join('')).toBe('原有删去批注');
  });
});

describe('a signed page is locked', () => {
  it('refuses every command until reopened', async () => {
    const { signOff, reopen } = await import('../../src-core/store/proof-doc');
    const { PageLockedError } = await import('../../src-core/store/page-store');
    const store = new PageStore(samplePage());
    expect(signOff(store.layoutDoc, '李主任', '值班编辑').ok).toBe(true);
    expect(store.isLocked()).toBe(true);
    expect(() => store.moveBlock('b-xu-chaowen', 1, 1)).toThrow(PageLockedError);
    expect(() => store.setHeader({ date: '2024-01-17' })).toThrow(PageLockedError);
    expect(() => store.setArticleMeta('anle', { headline: 'x' })).toThrow(PageLockedError);
    expect(reopen(store.layoutDoc, '李主任', '值班编辑', '补登更正').ok).toBe(true);
    store.moveBlock('b-xu-chaowen', 1, 40);
    expect(store.snapshot().blocks.find((b) => b.id === 'b-xu-chaowen')).toMatchObject({ col: 1, row: 40 });
  });
});

describe('a desk joining a shared page', () => {
  it('builds its store over empty documents that fill from the other desk, with no duplicates', () => {
    const host = new PageStore(samplePage());
    const layoutDoc = new Y.Doc();
    const joined = new PageStore({ layoutDoc });
    Y.applyUpdate(layoutDoc, Y.encodeStateAsUpdate(host.layoutDoc));
    for (const id of joined.articleIds()) Y.applyUpdate(joined.createArticleDoc(id), Y.encodeStateAsUpdate(host.articleDoc(id)!));
    expect(joined.snapshot()).toEqual(host.snapshot());
    // an edit on the joined desk flows back through updates
    joined.moveBlock('b-xu-chaowen', 2, 50);
    Y.applyUpdate(host.layoutDoc, Y.encodeStateAsUpdate(joined.layoutDoc));
    expect(host.snapshot().blocks.find((b) => b.id === 'b-xu-chaowen')).toMatchObject({ col: 2, row: 50 });
    expect(host.snapshot().blocks).toHaveLength(samplePage().blocks.length);
  });
});

describe('undo position (unsaved state)', () => {
  it('returns to the saved position after undoing back, and listeners see canUndo/canRedo right', () => {
    const store = new PageStore(samplePage());
    store.moveBlock('b-xu-chaowen', 1, 40);
    store.stopCapturing();
    const saved = store.undoPosition();
    store.moveBlock('b-xu-chaowen', 2, 40);
    store.stopCapturing();
    expect(store.undoPosition()).not.toBe(saved);
    const seen: [boolean, boolean][] = [];
    const off = store.subscribe(() => seen.push([store.canUndo(), store.canRedo()]));
    store.undo();
    off();
    expect(store.undoPosition()).toBe(saved);
    expect(seen.at(-1)).toEqual([true, true]);
    store.moveBlock('b-xu-chaowen', 3, 40);
    expect(store.undoPosition()).not.toBe(saved);
  });
});

describe('undo on a signed page', () => {
  it('is refused too', async () => {
    const { signOff } = await import('../../src-core/store/proof-doc');
    const { PageLockedError } = await import('../../src-core/store/page-store');
    const store = new PageStore(samplePage());
    store.moveBlock('b-xu-chaowen', 1, 40);
    expect(signOff(store.layoutDoc, '李主任', '值班编辑').ok).toBe(true);
    expect(() => store.undo()).toThrow(PageLockedError);
    expect(store.snapshot().blocks.find((b) => b.id === 'b-xu-chaowen')).toMatchObject({ col: 1, row: 40 });
  });
});
