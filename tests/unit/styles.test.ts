import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CompositionCache } from '../../src-core/layout/cache';
import { gridLinesFor, layout } from '../../src-core/layout/layout';
import type { GlyphRun, PageLayout } from '../../src-core/layout/page-layout';
import type { BanmianDocument } from '../../src-core/model/document';
import { parseDocument, serializeDocument } from '../../src-core/model/serialize';
import { checkStyleFields, overrideCounts, overriddenFields, pageStyleChange, resolveStyle, scaledLineHeight, withOverride } from '../../src-core/model/styles';
import { validateDocument } from '../../src-core/model/validate';
import { preflight } from '../../src-core/preflight';
import { PageStore } from '../../src-core/store/page-store';
import { pageStoreFromFile, serializePage } from '../../src-core/store/persist';
import { articleDocFrom, articleParts } from '../../src-core/store/ydocs';
import { samplePageInPageStyles as samplePage } from '../../bench/pages';
import { fonts } from './support';

const HEADLINED = 'xu-chaowen';
/** 吴劲松: its headline takes one line across its 8 columns at 24 pt and at 26 pt, so its body stays where it is. */
const ONE_LINE_HEADLINE = 'wu-jinsong';
const OTHER = 'nanguan';

function glyphs(pl: PageLayout, owner: string, field: string): GlyphRun[] {
  return pl.items.filter((i): i is GlyphRun => i.kind === 'glyphs' && i.source?.owner === owner && i.source.field === field);
}

function sizesOf(pl: PageLayout, owner: string, field: string): number[] {
  return [...new Set(glyphs(pl, owner, field).map((r) => r.size))];
}

function withArticleOverride(doc: BanmianDocument, id: string, overrides: BanmianDocument['articles'][number]['styleOverrides']): BanmianDocument {
  return { ...doc, articles: doc.articles.map((a) => (a.id === id ? { ...a, styleOverrides: overrides } : a)) };
}

describe('style resolution (page style + the article’s overrides)', () => {
  const page = samplePage().page;

  it('is the page style itself without overrides, and the override’s fields on top of it otherwise', () => {
    expect(resolveStyle(page, 'headline')).toBe(page.styles.headline);
    expect(resolveStyle(page, 'headline', { deck: { size: 16 } })).toBe(page.styles.headline);
    const mine = resolveStyle(page, 'headline', { headline: { size: 26, family: 'song' } });
    // the line height keeps the style's proportion unless the override sets its own
    expect(mine).toEqual({ ...page.styles.headline, size: 26, family: 'song', lineHeight: scaledLineHeight(page.styles.headline, 26) });
    expect(mine.lineHeight).toBeCloseTo((page.styles.headline.lineHeight * 26) / page.styles.headline.size, 1);
    expect(resolveStyle(page, 'headline', { headline: { size: 26, lineHeight: 28 } }).lineHeight).toBe(28);
    expect(page.styles.headline.size).not.toBe(26);
  });

  it('keeps only fields that differ from the page style, and drops an emptied override', () => {
    const set = withOverride(page, undefined, 'headline', { size: 26, bold: page.styles.headline.bold });
    expect(set).toEqual({ headline: { size: 26 } });
    expect(overriddenFields(page, 'headline', set)).toEqual(['size']);
    const two = withOverride(page, set, 'body', { size: 10.5 });
    expect(two).toEqual({ headline: { size: 26 }, body: { size: 10.5 } });
    expect(withOverride(page, two, 'headline', { size: undefined })).toEqual({ body: { size: 10.5 } });
    expect(withOverride(page, { body: { size: 10.5 } }, 'body', { size: page.styles.body.size })).toBeUndefined();
  });

  it('a page style change scales the line height with the size, and the body style carries the grid’s body size', () => {
    const head = pageStyleChange(page, 'headline', { size: 36 });
    expect(head.styles.headline.lineHeight).toBe(scaledLineHeight(page.styles.headline, 36));
    expect(head.bodySize).toBeUndefined();
    expect(pageStyleChange(page, 'headline', { size: 36, lineHeight: 40 }).styles.headline.lineHeight).toBe(40);
    const body = pageStyleChange(page, 'body', { size: 10.5 });
    expect(body.bodySize).toBe(10.5);
    expect(body.styles.body).toMatchObject({ size: 10.5, lineHeight: 10.5 });
  });

  it('counts the articles that override each style', () => {
    // the second article's weight is the one the page's 主题 does not have (bold since the 主题 is 标宋 regular)
    const counts = overrideCounts(page, [{ styleOverrides: { headline: { size: 26 } } }, { styleOverrides: { headline: { bold: !page.styles.headline.bold }, deck: { size: 14 } } }, {}]);
    expect(counts.headline).toBe(2);
    expect(counts.deck).toBe(1);
    expect(counts.body).toBe(0);
  });
});

describe('style validation', () => {
  it('refuses out-of-range, mistyped and unknown fields with zh and en messages', () => {
    expect(checkStyleFields({ size: 26, family: 'hei', bold: true, align: 'center', tracking: 0.1, lineHeight: 30 })).toEqual([]);
    const issues = checkStyleFields({ size: 1000, bold: 'yes', align: 'middle', colour: 'red' });
    expect(issues.map((i) => i.field)).toEqual(['size', 'bold', 'align', 'colour']);
    expect(issues[0].zh).toBe('字号应在 2 pt 到 400 pt 之间（当前 1000 pt）');
    expect(issues[0].en).toBe('Size must be between 2 pt and 400 pt (got 1000 pt)');
  });

  it('checks the page’s own styles with the same rules, each field required', () => {
    const doc = samplePage();
    const { tracking: _dropped, ...noTracking } = doc.page.styles.deck;
    const styles = { ...doc.page.styles, headline: { ...doc.page.styles.headline, align: 'middle' }, deck: noTracking };
    const bad = validateDocument({ ...doc, page: { ...doc.page, styles } } as never);
    expect(bad.ok ? [] : bad.issues.map((i) => i.path)).toEqual(['page.styles.headline.align', 'page.styles.deck.tracking']);
  });

  it('names the article field of a bad override in the document check, and passes a good one', () => {
    const doc = samplePage();
    expect(validateDocument(withArticleOverride(doc, HEADLINED, { headline: { size: 26 } })).ok).toBe(true);
    const bad = validateDocument(withArticleOverride(doc, HEADLINED, { headline: { size: -3 }, banner: { size: 9 } } as never));
    expect(bad.ok).toBe(false);
    const paths = bad.ok ? [] : bad.issues.map((i) => i.path);
    const at = doc.articles.findIndex((a) => a.id === HEADLINED);
    expect(paths).toEqual([`articles[${at}].styleOverrides.headline.size`, `articles[${at}].styleOverrides.banner`]);
    if (!bad.ok) expect(bad.issues[0].zh).toContain('字号应在');
  });
});

describe('overrides in the store and the file', () => {
  it('survives the file round trip and stays format version 1', () => {
    const doc = withArticleOverride(samplePage(), HEADLINED, { headline: { size: 26, family: 'hei' } });
    const text = serializeDocument(doc);
    const back = parseDocument(text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.document.formatVersion).toBe(1);
    expect(back.document.articles.find((a) => a.id === HEADLINED)!.styleOverrides).toEqual({ headline: { size: 26, family: 'hei' } });
    expect(back.document.articles.find((a) => a.id === OTHER)!.styleOverrides).toBeUndefined();
  });

  it('maps to the article document’s styles map and back (Yjs round trip), also through a saved page', () => {
    const doc = withArticleOverride(samplePage(), HEADLINED, { headline: { size: 26 }, body: { size: 10.5 } });
    const article = doc.articles.find((a) => a.id === HEADLINED)!;
    const ydoc = articleDocFrom(article);
    expect(articleParts(ydoc).styles.get('headline')).toEqual({ size: 26 });
    // a peer gets the same overrides through a Yjs update
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(ydoc));
    expect(articleParts(peer).styles.toJSON()).toEqual({ headline: { size: 26 }, body: { size: 10.5 } });
    const store = new PageStore(doc);
    expect(store.snapshot()).toEqual(doc);
    const reopened = pageStoreFromFile(JSON.parse(serializePage(store))).store;
    expect(reopened.article(HEADLINED)!.styleOverrides).toEqual({ headline: { size: 26 }, body: { size: 10.5 } });
  });

  it('sets and clears an override as one undo step each, leaving other articles alone', () => {
    const store = new PageStore(samplePage());
    const otherBefore = store.article(OTHER);
    store.setStyleOverride(HEADLINED, 'headline', { size: 26, family: 'song' });
    store.stopCapturing();
    expect(store.article(HEADLINED)!.styleOverrides).toEqual({ headline: { size: 26, family: 'song' } });
    expect(store.article(OTHER)).toBe(otherBefore);
    store.setStyleOverride(HEADLINED, 'headline', { family: undefined });
    store.stopCapturing();
    expect(store.article(HEADLINED)!.styleOverrides).toEqual({ headline: { size: 26 } });
    store.setStyleOverride(HEADLINED, 'headline', { size: undefined });
    expect(store.article(HEADLINED)!.styleOverrides).toBeUndefined();
    store.undo();
    expect(store.article(HEADLINED)!.styleOverrides).toEqual({ headline: { size: 26 } });
    store.undo();
    expect(store.article(HEADLINED)!.styleOverrides).toEqual({ headline: { size: 26, family: 'song' } });
    store.undo();
    expect(store.article(HEADLINED)!.styleOverrides).toBeUndefined();
    store.redo();
    expect(store.article(HEADLINED)!.styleOverrides).toEqual({ headline: { size: 26, family: 'song' } });
  });

  it('merges two desks’ overrides of different styles of one article', () => {
    const article = samplePage().articles.find((a) => a.id === HEADLINED)!;
    const a = articleDocFrom(article);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    articleParts(a).styles.set('headline', { size: 26 });
    articleParts(b).styles.set('body', { size: 10.5 });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(articleParts(a).styles.toJSON()).toEqual({ headline: { size: 26 }, body: { size: 10.5 } });
    expect(articleParts(b).styles.toJSON()).toEqual(articleParts(a).styles.toJSON());
  });

  it('undoes a page style change as one step', () => {
    const store = new PageStore(samplePage());
    const before = store.snapshot().page.styles.headline;
    store.setPage({ styles: { ...store.snapshot().page.styles, headline: { ...before, size: 36 } } });
    expect(store.snapshot().page.styles.headline.size).toBe(36);
    store.undo();
    expect(store.snapshot().page.styles.headline).toEqual(before);
  });
});

describe('preflight names a face a style asks for that is not installed', () => {
  it('warns for the page style and for an article’s override, once each, and not for faces that exist', () => {
    const doc = withArticleOverride(samplePage(), HEADLINED, { headline: { family: 'weibei' }, body: { family: 'hei' } });
    const page = { ...doc.page, styles: { ...doc.page.styles, kicker: { ...doc.page.styles.kicker, family: 'fangsong' } } };
    const report = preflight({ ...doc, page }, layout({ ...doc, page }, { fonts }), { fonts });
    const substituted = report.warnings.filter((w) => w.code === 'font-substituted');
    expect(substituted.map((w) => [w.articleId, w.zh])).toEqual([
      [undefined, '本版样式“引题”指定的字体“仿宋”未安装，以宋体代替'],
      [HEADLINED, '稿件 “科学规划 合理布局 强化运营 以高质量发展推动主…” 的样式“主题”（本稿覆盖）指定的字体“weibei”未安装，以宋体代替'],
    ]);
    expect(substituted[1].en).toContain("The face 'weibei' of the Headline style of article");
    expect(preflight(samplePage(), layout(samplePage(), { fonts }), { fonts }).warnings.filter((w) => w.code === 'font-substituted')).toEqual([]);
  });
});

describe('layout sets an article in its resolved styles', () => {
  const doc = samplePage();
  const base = layout(doc, { fonts });
  const headlineSize = doc.page.styles.headline.size;
  const weight = doc.page.styles.headline.bold ? 'bold' : 'regular';

  it('changes only that article’s headline size; its body and the other headlines stay', () => {
    expect(sizesOf(base, ONE_LINE_HEADLINE, 'headline')).toEqual([headlineSize]);
    const over = layout(withArticleOverride(doc, ONE_LINE_HEADLINE, { headline: { size: 26 } }), { fonts });
    expect(sizesOf(over, ONE_LINE_HEADLINE, 'headline')).toEqual([26]);
    expect(sizesOf(over, OTHER, 'headline')).toEqual([headlineSize]);
    expect(glyphs(over, ONE_LINE_HEADLINE, 'body').map((r) => [r.size, r.y, r.text])).toEqual(glyphs(base, ONE_LINE_HEADLINE, 'body').map((r) => [r.size, r.y, r.text]));
    // face too: the override's family draws with that family's face, in the 主题's weight (now 标宋 regular)
    expect(doc.page.styles.headline.family).not.toBe('song');
    const song = layout(withArticleOverride(doc, ONE_LINE_HEADLINE, { headline: { family: 'song' } }), { fonts });
    expect(new Set(glyphs(song, ONE_LINE_HEADLINE, 'headline').map((r) => r.face))).toEqual(new Set([`song-${weight}`]));
    expect(new Set(glyphs(base, ONE_LINE_HEADLINE, 'headline').map((r) => r.face))).toEqual(new Set([`${doc.page.styles.headline.family}-${weight}`]));
  });

  it('a page style change reaches every article; an override wins over it', () => {
    const page = { ...doc.page, styles: { ...doc.page.styles, headline: { ...doc.page.styles.headline, size: 36 } } };
    const changed = layout(withArticleOverride({ ...doc, page }, HEADLINED, { headline: { size: 26 } }), { fonts });
    expect(sizesOf(changed, OTHER, 'headline')).toEqual([36]);
    expect(sizesOf(changed, HEADLINED, 'headline')).toEqual([26]);
  });

  it('keeps a larger body size on the grid: each line takes whole grid lines, baselines on the grid', () => {
    const pitch = base.grid.pitch;
    expect(gridLinesFor(doc.page.bodySize, base.grid)).toBe(1);
    expect(gridLinesFor(pitch, base.grid)).toBe(1);
    expect(gridLinesFor(14, { pitch: 12 })).toBe(2);
    const big = layout(withArticleOverride(doc, HEADLINED, { body: { size: 14 } }), { fonts });
    const body = glyphs(big, HEADLINED, 'body');
    expect(new Set(body.map((r) => r.size))).toEqual(new Set([14]));
    const baseBaseline = glyphs(base, HEADLINED, 'body')[0];
    // the baseline offset inside a grid line is the one a page-size line has
    const offset = (y: number) => (((y - base.grid.top) % pitch) + pitch) % pitch;
    const face = fonts.faceById(body[0].face)!;
    const pageFace = fonts.faceById(baseBaseline.face)!;
    const lines = [...new Set(body.map((r) => r.y.toFixed(3)))].map(Number).sort((a, b) => a - b);
    for (const y of lines) {
      // em box foot = baseline + descent: on the foot of a grid line's character cell
      const foot = y - face.emBoxAscent * 14 + 14;
      expect(offset(foot)).toBeCloseTo(offset(baseBaseline.y - pageFace.emBoxAscent * baseBaseline.size + baseBaseline.size), 2);
    }
    // consecutive lines in a column are two grid lines apart
    const gaps = lines.slice(1).map((y, i) => y - lines[i]).filter((g) => g > 0 && g < pitch * 3);
    expect(gaps.length).toBeGreaterThan(3);
    for (const g of gaps) expect(g).toBeCloseTo(2 * pitch, 2);
    // the other articles' bodies do not move
    expect(glyphs(big, OTHER, 'body').map((r) => r.y)).toEqual(glyphs(base, OTHER, 'body').map((r) => r.y));
  });

  it('sets the captions of the article’s own pictures in its caption override', () => {
    const over = layout(withArticleOverride(doc, 'anle', { caption: { size: 9 } }), { fonts });
    const caption = (pl: PageLayout) => glyphs(pl, 'b-anle-photo', 'caption');
    expect(caption(base).length).toBeGreaterThan(0);
    expect(new Set(caption(base).map((r) => r.size))).toEqual(new Set([doc.page.styles.caption.size]));
    expect(new Set(caption(over).map((r) => r.size))).toEqual(new Set([9]));
  });

  it('a kept composition cache gives the same page as a fresh layout after an override changes', () => {
    const cache = new CompositionCache(fonts);
    layout(doc, { fonts, cache });
    const overridden = withArticleOverride(doc, HEADLINED, { headline: { size: 26 }, body: { size: 10.5 } });
    expect(layout(overridden, { fonts, cache })).toEqual(layout(overridden, { fonts }));
    expect(layout(doc, { fonts, cache })).toEqual(base);
  });
});
