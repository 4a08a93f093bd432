import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handPlacedPage } from '../../bench/pages';
import type { ArticleBlock, BanmianDocument, Block, ImageBlock, RuleBlock } from '../../src-core/model/document';
import { withPresetFormat } from '../../src-core/model/defaults';
import { applyBlockFits, articleFieldsForSize, atDepth, describeBlockFits, fitBlocksToColumns } from '../../src-core/model/fit-blocks';
import { parseDocument, serializeDocument } from '../../src-core/model/serialize';
import { validateDocument } from '../../src-core/model/validate';
import { PageStore } from '../../src-core/store/page-store';
import { openPage, readRecovery, sandboxAccess, type HostEnv } from '../../src-main/host/page-files';
import { Editor } from '../../src-renderer/editor/editor';
import { fonts } from './support';

const article = (id: string, col: number, span: number, more: Partial<ArticleBlock> = {}): ArticleBlock => ({ id, kind: 'article', articleId: id, col, span, row: 0, rows: 20, ...more });
const image = (id: string, col: number, span: number): ImageBlock => ({ id, kind: 'image', imageId: 'img', caption: '', col, span, row: 0, rows: 10 });
const rule: RuleBlock = { id: 'r', kind: 'rule', x1: 900, y1: 10, x2: 900, y2: 500, width: 0.5 };

describe('fitting blocks to fewer columns (pure)', () => {
  it('changes nothing when every block fits, and leaves rules alone', () => {
    expect(fitBlocksToColumns([article('a', 0, 4), article('b', 4, 2), image('i', 5, 1), rule], 6)).toEqual([]);
  });

  it('moves a block left just enough, keeping its width, headline span and steps', () => {
    // 8 → 6 columns: a 3-column block at column 5 (columns 5–7) ends up at 3–5
    const fits = fitBlocksToColumns([article('a', 5, 3, { headlineSpan: 2, columnRows: [20, 20, 12] }), image('i', 7, 1)], 6);
    expect(fits).toEqual([
      { id: 'a', kind: 'article', change: 'moved', from: { col: 5, span: 3 }, to: { col: 3, span: 3 }, fields: { col: 3, span: 3 } },
      { id: 'i', kind: 'image', change: 'moved', from: { col: 7, span: 1 }, to: { col: 5, span: 1 }, fields: { col: 5, span: 1 } },
    ]);
  });

  it('narrows a block wider than the grid to the whole grid, trimming its headline span and steps', () => {
    // 8-column banner with headlines over 7 and stepped depths, on a 5-column page
    const wide = article('w', 0, 8, { headlineSpan: 7, columnRows: [20, 20, 20, 18, 16, 14, 12, 10] });
    const [fit] = fitBlocksToColumns([wide], 5);
    expect(fit).toEqual({ id: 'w', kind: 'article', change: 'narrowed', from: { col: 0, span: 8 }, to: { col: 0, span: 5 }, fields: { col: 0, span: 5, headlineSpan: 5, columnRows: [20, 20, 20, 18, 16] } });
    const [fitted] = applyBlockFits([wide], [fit]);
    expect(fitted).toMatchObject({ col: 0, span: 5, headlineSpan: 5, columnRows: [20, 20, 20, 18, 16] });
    expect(wide.span).toBe(8);
  });

  it('drops the steps when the columns left are all full depth, and keeps a headline span that still fits', () => {
    const stepped = article('s', 2, 6, { headlineSpan: 3, columnRows: [20, 20, 20, 20, 9, 9] });
    const [fit] = fitBlocksToColumns([stepped], 4);
    expect(fit.fields).toEqual({ col: 0, span: 4, columnRows: undefined });
    expect('columnRows' in fit.fields).toBe(true);
    const [fitted] = applyBlockFits([stepped], [fit]) as ArticleBlock[];
    expect(fitted.columnRows).toBeUndefined();
    expect('columnRows' in fitted).toBe(false);
    expect(fitted.headlineSpan).toBe(3);
  });

  it('puts a 0-column block (being drawn) back on the last column, and skips damaged positions', () => {
    expect(fitBlocksToColumns([article('z', 7, 0)], 6)[0].fields).toEqual({ col: 5, span: 0 });
    expect(fitBlocksToColumns([article('x', 6.5, 2), article('y', -1, 9), { id: 'q', kind: 'article', col: '7', span: 1 } as unknown as Block], 6)).toEqual([]);
    expect(fitBlocksToColumns([article('a', 5, 3)], 0)).toEqual([]);
  });

  it('names the moved and narrowed blocks in the notice, zh first', () => {
    const blocks = [article('a', 5, 3), article('w', 0, 8), image('i', 7, 1)];
    (blocks[2] as ImageBlock).caption = '洛阳老城区的清晨';
    const text = describeBlockFits(fitBlocksToColumns(blocks, 6), 6, { blocks, articles: [{ id: 'a', headline: '伏牛路改造完工' }, { id: 'w', headline: '' }] });
    expect(text.zh).toBe('版面现为 6 栏，超出的 3 个块已调整：左移 《伏牛路改造完工》、图片“洛阳老城区的清晨”；变窄 稿件 w（8 → 6 栏）');
    expect(text.en).toBe('The page now has 6 columns; 3 blocks past its edge adjusted: moved left “伏牛路改造完工”, picture “洛阳老城区的清晨”; narrowed article w (8 → 6 columns)');
  });
});

/** The hand-placed sample page (8 columns) with a stepped banner whose headline spans 7 columns. */
function page(): BanmianDocument {
  const doc = handPlacedPage();
  doc.blocks = doc.blocks.map((b) => (b.id === 'b-banner' ? { ...b, headlineSpan: 7, columnRows: [4, 4, 4, 4, 4, 4, 3, 3] } : b));
  return doc;
}

const grid6 = (doc: BanmianDocument) => ({ grid: { ...doc.page.grid, columns: 6 } });
const rectOf = (doc: BanmianDocument, id: string) => {
  const b = doc.blocks.find((x) => x.id === id) as ArticleBlock;
  return { col: b.col, span: b.span, headlineSpan: b.headlineSpan, columnRows: b.columnRows };
};

describe('a page-settings change that drops columns', () => {
  it('moves and narrows the blocks in the same undo step; undo restores both, redo both again', () => {
    const doc = page();
    const store = new PageStore(doc);
    const fits = store.setPage(grid6(doc));
    expect(fits.map((f) => `${f.id}:${f.change}`)).toEqual(['b-banner:narrowed', 'b-wu-jinsong:moved', 'b-funiu-road:moved', 'b-anle:moved', 'b-anle-photo:moved', 'b-soe-ranking:moved']);
    const after = store.snapshot();
    expect(after.page.grid.columns).toBe(6);
    // the six columns left are all full depth (4 lines): the banner is a rectangle again
    expect(rectOf(after, 'b-banner')).toEqual({ col: 0, span: 6, headlineSpan: 6, columnRows: undefined });
    expect(rectOf(after, 'b-wu-jinsong')).toMatchObject({ col: 2, span: 4 });
    expect(rectOf(after, 'b-xie-feng')).toMatchObject({ col: 0, span: 4 });
    expect(validateDocument(after)).toEqual({ ok: true });

    expect(store.undo()).toBe(true);
    const undone = store.snapshot();
    expect(undone.page.grid.columns).toBe(8);
    expect(rectOf(undone, 'b-banner')).toEqual({ col: 0, span: 8, headlineSpan: 7, columnRows: [4, 4, 4, 4, 4, 4, 3, 3] });
    expect(rectOf(undone, 'b-wu-jinsong')).toMatchObject({ col: 4, span: 4 });
    expect(store.canUndo()).toBe(false);

    store.redo();
    expect(store.snapshot().page.grid.columns).toBe(6);
    expect(rectOf(store.snapshot(), 'b-wu-jinsong')).toMatchObject({ col: 2 });
  });

  it('survives serialize → parse → validate', () => {
    const doc = page();
    const store = new PageStore(doc);
    store.setPage(grid6(doc));
    const loaded = parseDocument(serializeDocument(store.snapshot()));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.fittedBlocks).toBeUndefined();
    expect(validateDocument(loaded.document)).toEqual({ ok: true });
    expect(rectOf(loaded.document, 'b-banner')).toMatchObject({ col: 0, span: 6, headlineSpan: 6 });
  });

  // Issue 16: in the workspace a new column count re-makes the unlocked articles (tests/unit/grid-remake.test.ts);
  // the headline-only banner, which the engine does not set, is still fitted as above.
  it('in the workspace: 栏数 and the 开本 preset re-make the page, the banner fitted, with an info notice', () => {
    const e = new Editor(fonts, page(), { path: null, title: 'luoyang-page.banmian' });
    e.setPage(grid6(e.getState().doc));
    const notice = e.getState().notice!;
    expect(notice.kind).toBe('info');
    expect(notice.zh).toMatch(/^版面现为 6 栏，已重新组版 9 篇稿件/);
    expect(notice.en).toMatch(/^The page now has 6 columns; 9 articles made up anew/);
    expect(rectOf(e.getState().doc, 'b-banner')).toEqual({ col: 0, span: 6, headlineSpan: 6, columnRows: undefined });
    expect(validateDocument(e.getState().doc)).toEqual({ ok: true });
    e.undo();
    expect(e.getState().doc.page.grid.columns).toBe(8);
    expect(rectOf(e.getState().doc, 'b-wu-jinsong').col).toBe(4);

    // 对开 (8 columns) → 四开 (5 columns): the preset switch is the same command
    e.setPage(withPresetFormat(e.getState().doc.page, 'tabloid'));
    expect(e.getState().doc.page.grid.columns).toBe(5);
    expect(rectOf(e.getState().doc, 'b-banner')).toMatchObject({ col: 0, span: 5, headlineSpan: 5 });
    expect(e.getState().doc.blocks.every((b) => b.kind === 'rule' || b.col + b.span <= 5)).toBe(true);
    expect(validateDocument(e.getState().doc)).toEqual({ ok: true });
    expect(e.getState().notice!.zh).toContain('版面现为 5 栏');
  });

  it('narrowing a block below its headline span (属性 or the handle) trims the span, so the page still validates and loads', () => {
    const e = new Editor(fonts, page(), { path: null, title: 'p' });
    expect(rectOf(e.getState().doc, 'b-banner')).toMatchObject({ span: 8, headlineSpan: 7 });
    e.setBlockRect('b-banner', { span: 5 });
    expect(rectOf(e.getState().doc, 'b-banner')).toMatchObject({ span: 5, headlineSpan: 5 });
    expect(validateDocument(e.getState().doc)).toEqual({ ok: true });
    const loaded = parseDocument(serializeDocument(e.getState().doc));
    expect(loaded.ok).toBe(true);
    // one undo step brings back both
    e.undo();
    expect(rectOf(e.getState().doc, 'b-banner')).toMatchObject({ span: 8, headlineSpan: 7 });
    // widening leaves a headline span that still fits alone
    e.setBlockRect('b-banner', { span: 8 });
    expect(rectOf(e.getState().doc, 'b-banner').headlineSpan).toBe(7);
  });

  it('changes a grid that keeps its columns without touching a block or saying anything', () => {
    const e = new Editor(fonts, page(), { path: null, title: 'p' });
    const before = e.getState().doc.blocks;
    e.setPage({ grid: { ...e.getState().doc.page.grid, charsPerColumn: 12 } });
    expect(e.getState().doc.page.grid.charsPerColumn).toBe(12);
    expect(e.getState().notice).toBeNull();
    expect(e.getState().doc.blocks).toEqual(before);
    expect(e.getState().canUndo).toBe(true);
  });
});

describe('opening a file whose blocks run past its grid', () => {
  /** What an older build saved: 6 columns set, the blocks left where they were. */
  function olderFile(): string {
    const doc = page();
    return serializeDocument({ ...doc, page: { ...doc.page, ...grid6(doc) } });
  }

  it('opens it with the blocks fitted and says which', () => {
    const text = olderFile();
    expect(validateDocument(JSON.parse(text)).ok).toBe(false);
    const loaded = parseDocument(text);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.fittedBlocks!.map((f) => f.id)).toEqual(['b-banner', 'b-wu-jinsong', 'b-funiu-road', 'b-anle', 'b-anle-photo', 'b-soe-ranking']);
    expect(validateDocument(loaded.document)).toEqual({ ok: true });
    expect(rectOf(loaded.document, 'b-anle-photo')).toMatchObject({ col: 2, span: 4 });
  });

  it('through the host: 打开 and the crash recovery hand the fitted page and the fits to the app', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'banmian-fit-'));
    try {
      const env: HostEnv = { files: sandboxAccess(dir), autosaveSeconds: 30 };
      writeFileSync(join(dir, 'older.banmian'), olderFile());
      const opened = await openPage(env, 'older.banmian');
      const page = opened.ok && opened.value && 'document' in opened.value ? opened.value : undefined;
      expect(page?.fittedBlocks?.length).toBe(6);
      expect(page && validateDocument(page.document)).toEqual({ ok: true });
      mkdirSync(env.files.stateDir, { recursive: true });
      writeFileSync(join(env.files.stateDir, 'recovery.banmian'), olderFile());
      const recovered = await readRecovery(env);
      expect(recovered.ok && recovered.value?.fittedBlocks?.map((f) => f.change)).toEqual(['narrowed', 'moved', 'moved', 'moved', 'moved', 'moved']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('still refuses a file that is damaged otherwise, naming the problem', () => {
    const raw = JSON.parse(olderFile());
    raw.blocks[1].rows = 'many';
    const loaded = parseDocument(JSON.stringify(raw));
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.zh).toContain('blocks[1].rows：应为数字');
    expect(loaded.en).toContain('blocks[1].rows: must be a number');
    // Damaged positions are not "fixed" into valid ones either.
    const broken = JSON.parse(olderFile());
    broken.blocks[2].col = 6.5;
    const refused = parseDocument(JSON.stringify(broken));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.en).toContain('blocks[2].col: must be between 0 and 5 (got 6.5)');
  });
});

describe('图在题上 (titleRow) through a resize and 适配', () => {
  it('keeps titles that would start under the block\'s new foot at its top instead, so the page stays valid; a foot still under them keeps them where they are', () => {
    const block = { span: 2, rows: 20, titleRow: 10 };
    expect(articleFieldsForSize(block, 2, 8)).toEqual({ titleRow: undefined });
    expect(articleFieldsForSize(block, 2, 12)).toEqual({});
    expect(atDepth(block, 10)).toEqual({ rows: 10, columnRows: undefined, titleRow: undefined });
    expect(atDepth(block, 11)).toEqual({ rows: 11, columnRows: undefined });
  });
});
