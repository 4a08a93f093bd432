import { describe, expect, it } from 'vitest';
import { CompositionCache } from '../../src-core/layout/cache';
import { layout } from '../../src-core/layout/layout';
import type { GlyphRun } from '../../src-core/layout/page-layout';
import type { RichText } from '../../src-core/model/richtext';
import { fontProvider } from '../../src-main/fonts/provider';
import { samplePage } from '../../bench/pages';
import { sameGlyphs } from '../../src-renderer/canvas/svg-painter';

const lines = (items: readonly unknown[], owner: string): GlyphRun[] =>
  (items as GlyphRun[]).filter((i) => i.kind === 'glyphs' && i.source?.owner === owner);

describe('the canvas painter keeps the markup of lines a keystroke did not change', () => {
  it('sameGlyphs finds the unchanged lines of an article set again, and only those', () => {
    const fonts = fontProvider().registry();
    const cache = new CompositionCache(fonts);
    const doc = samplePage();
    const before = layout(doc, { fonts, cache });
    const article = doc.articles.find((a) => a.id === 'nanguan')!;
    // One character typed at the start of the article's last paragraph.
    const paragraphs = article.body.content;
    const last = paragraphs[paragraphs.length - 1];
    const first = last.content![0] as RichText;
    const edited = { ...article, body: { ...article.body, content: [...paragraphs.slice(0, -1), { ...last, content: [{ ...first, text: `报${first.text}` }, ...last.content!.slice(1)] }] } };
    const after = layout({ ...doc, articles: doc.articles.map((a) => (a === article ? edited : a)) }, { fonts, cache });

    const old = lines(before.items, 'nanguan');
    const now = lines(after.items, 'nanguan');
    expect(now.length).toBeGreaterThan(20);
    // The layout set the article again: every line is a new object.
    expect(now.filter((l) => old.includes(l))).toEqual([]);
    const kept = now.filter((l) => old.some((o) => sameGlyphs(o, l)));
    const changed = now.filter((l) => !old.some((o) => sameGlyphs(o, l)));
    // The paragraphs above the edit are drawn as before; the edited paragraph's lines are not.
    expect(kept.length).toBeGreaterThan(now.length / 2);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.some((l) => l.text.startsWith('报'))).toBe(true);
    for (const l of changed) expect(old.some((o) => o.y === l.y && o.text === l.text && o.xs.every((x, i) => x === l.xs[i]))).toBe(false);
  });

  it('sameGlyphs tells lines apart by text, place, face, size, colour and glyph positions', () => {
    const line: GlyphRun = { kind: 'glyphs', face: 'song-regular', size: 9, color: { c: 0, m: 0, y: 0, k: 1 }, y: 100, text: '报社', xs: [10, 19], hScale: 1 };
    expect(sameGlyphs(line, { ...line, xs: [10, 19] })).toBe(true);
    expect(sameGlyphs(line, { ...line, text: '报纸' })).toBe(false);
    expect(sameGlyphs(line, { ...line, y: 112 })).toBe(false);
    expect(sameGlyphs(line, { ...line, face: 'hei-regular' })).toBe(false);
    expect(sameGlyphs(line, { ...line, size: 10.5 })).toBe(false);
    expect(sameGlyphs(line, { ...line, color: { c: 0, m: 1, y: 1, k: 0 } })).toBe(false);
    expect(sameGlyphs(line, { ...line, xs: [10, 19.5] })).toBe(false);
    expect(sameGlyphs(line, { ...line, hScale: 0.5 })).toBe(false);
  });

  it('sameGlyphs tells vertical runs (竖排标题) apart by each glyph’s y and by turning', () => {
    const column: GlyphRun = { kind: 'glyphs', face: 'song-regular', size: 24, color: { c: 0, m: 0, y: 0, k: 1 }, y: 100, text: '报社', xs: [10, 10], ys: [100, 124], hScale: 1 };
    expect(sameGlyphs(column, { ...column, ys: [100, 124] })).toBe(true);
    expect(sameGlyphs(column, { ...column, ys: [100, 126] })).toBe(false);
    expect(sameGlyphs(column, { ...column, ys: undefined })).toBe(false);
    expect(sameGlyphs(column, { ...column, turned: true })).toBe(false);
  });
});
