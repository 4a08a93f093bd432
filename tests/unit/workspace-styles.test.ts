import { describe, expect, it } from 'vitest';
import { samplePageInPageStyles as samplePage } from '../../bench/pages';
import type { GlyphRun } from '../../src-core/layout/page-layout';
import { withPresetFormat } from '../../src-core/model/defaults';
import { Editor } from '../../src-renderer/editor/editor';
import { fonts } from './support';

/** The workspace's style commands (样式 tab, 本稿样式 in 属性, 版面设置) on the Editor, without a browser. */
function editor(): Editor {
  return new Editor(fonts, samplePage(), { path: null, title: 'luoyang-page.banmian' });
}

function headlineSizes(e: Editor, owner: string): number[] {
  const runs = e.getState().layout!.items.filter((i): i is GlyphRun => i.kind === 'glyphs' && i.source?.owner === owner && i.source.field === 'headline');
  return [...new Set(runs.map((r) => r.size))];
}

describe('style commands in the workspace', () => {
  it('refuses a bad style value with a zh/en notice and leaves the page and the history alone', () => {
    const e = editor();
    const before = e.getState().doc.page;
    e.setStyle('headline', { size: 0.5 });
    expect(e.getState().notice).toMatchObject({ kind: 'error', zh: '样式“主题”未改：字号应在 2 pt 到 400 pt 之间（当前 0.5 pt）' });
    expect(e.getState().notice!.en).toBe('Style Headline unchanged: Size must be between 2 pt and 400 pt (got 0.5 pt)');
    e.setStyleOverride('xu-chaowen', 'headline', { tracking: 5 });
    expect(e.getState().notice!.zh).toContain('字距应在');
    expect(e.getState().doc.page).toBe(before);
    expect(e.getState().doc.articles.find((a) => a.id === 'xu-chaowen')!.styleOverrides).toBeUndefined();
    expect(e.getState().canUndo).toBe(false);
  });

  it('changes the body style and the grid’s body size together, as one undo step', () => {
    const e = editor();
    // 13 characters of 五号 in 8 columns are wider than the page between its margins
    e.setStyle('body', { size: 10.5 });
    expect(e.getState().notice!.zh).toContain('栏宽之和超出版心宽度');
    expect(e.getState().doc.page.bodySize).toBe(9);
    e.setStyle('body', { size: 8 });
    expect(e.getState().doc.page.bodySize).toBe(8);
    expect(e.getState().doc.page.styles.body.size).toBe(8);
    expect(e.getState().geo.pitch).toBe(11);
    e.undo();
    expect(e.getState().doc.page.bodySize).toBe(9);
    expect(e.getState().doc.page.styles.body.size).toBe(9);
    expect(e.getState().canUndo).toBe(false);
  });

  it('refuses page settings the validator rejects, naming the problem', () => {
    const e = editor();
    e.setPage({ grid: { ...e.getState().doc.page.grid, columns: 12 } });
    expect(e.getState().notice!.zh).toBe('版面设置未改：page.grid：栏宽之和超出版心宽度（当前值 "1503.0pt"）');
    expect(e.getState().doc.page.grid.columns).toBe(8);
    e.setHeader({ height: -5 });
    expect(e.getState().notice!.en).toContain('page.header.height');
    expect(e.getState().canUndo).toBe(false);
  });

  it('clears one field or the whole override, and redefines the page style from an article in one undo step', () => {
    const e = editor();
    e.setStyleOverride('xu-chaowen', 'headline', { size: 26, family: 'song' });
    const article = () => e.getState().doc.articles.find((a) => a.id === 'xu-chaowen')!;
    expect(article().styleOverrides).toEqual({ headline: { size: 26, family: 'song' } });
    e.clearStyleOverride('xu-chaowen', 'headline', 'family');
    expect(article().styleOverrides).toEqual({ headline: { size: 26 } });
    expect(headlineSizes(e, 'xu-chaowen')).toEqual([26]);
    expect(headlineSizes(e, 'nanguan')).toEqual([24]);
    e.redefineStyleFrom('xu-chaowen', 'headline');
    expect(article().styleOverrides).toBeUndefined();
    expect(e.getState().doc.page.styles.headline.size).toBe(26);
    expect(headlineSizes(e, 'nanguan')).toEqual([26]);
    // one step back: the page style and the override both return
    e.undo();
    expect(e.getState().doc.page.styles.headline.size).toBe(24);
    expect(article().styleOverrides).toEqual({ headline: { size: 26 } });
    e.undo();
    expect(article().styleOverrides).toEqual({ headline: { size: 26, family: 'song' } });
    e.clearStyleOverride('xu-chaowen', 'headline');
    expect(article().styleOverrides).toBeUndefined();
  });
});

describe('版面设置: switching the format', () => {
  it('takes the preset’s grid, centred, as one undo step', () => {
    const e = editor();
    const before = e.getState().doc.page;
    const blocksBefore = e.getState().doc.blocks;
    e.setPage(withPresetFormat(before, 'tabloid'));
    const page = e.getState().doc.page;
    // the sample page's right-hand blocks came along to the 5 columns (tests/unit/fit-blocks.test.ts)
    expect(e.getState().notice).toMatchObject({ kind: 'info' });
    expect(e.getState().notice!.zh).toContain('版面现为 5 栏');
    expect(page.format.name).toBe('tabloid');
    expect(page.grid).toMatchObject({ columns: 5, charsPerColumn: 14 });
    expect(page.margins.left).toBeCloseTo(page.margins.right, 6);
    expect(page.margins.top).toBe(before.margins.top);
    // the grid is centred: its width plus both margins is the page's width
    const geo = e.getState().geo;
    expect(geo.gridWidth + 2 * page.margins.left).toBeCloseTo(page.format.width, 6);
    e.undo();
    expect(e.getState().doc.page).toEqual(before);
    expect(e.getState().doc.blocks).toEqual(blocksBefore);
  });

  it("keeps an article's 拉行/缩行 its own: redefining the page style from it leaves the page without it, and clearing the override removes it", () => {
    const e = editor();
    const article = () => e.getState().doc.articles.find((a) => a.id === 'xu-chaowen')!;
    e.setStyleOverride('xu-chaowen', 'body', { tracking: 0.02, lineShift: 2 });
    expect(article().styleOverrides?.body).toEqual({ tracking: 0.02, lineShift: 2 });
    e.redefineStyleFrom('xu-chaowen', 'body');
    expect(e.getState().doc.page.styles.body.tracking).toBe(0.02);
    expect(e.getState().doc.page.styles.body.lineShift).toBeUndefined();
    expect(article().styleOverrides).toBeUndefined();
    e.undo();
    e.clearStyleOverride('xu-chaowen', 'body');
    expect(article().styleOverrides).toBeUndefined();
  });
});
