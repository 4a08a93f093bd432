/**
 * Issue 20 item 1: the 编者按 is a page style (楷 by default, as dailies set it), assigned to the
 * paragraph by the importer and changed in 样式 like any other; a page saved before the style
 * existed opens with it made from its own body style, nothing else changed. Expected faces and
 * sizes are the defaults read off src-core/model/defaults.ts by hand.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getSchema } from '@tiptap/core';
import { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { samplePage } from '../../bench/pages';
import { importFiles } from '../../src-core/import/index';
import { layout } from '../../src-core/layout/layout';
import type { GlyphRun } from '../../src-core/layout/page-layout';
import { bodyShapeProblem } from '../../src-core/model/body-shape';
import { emptyDocument } from '../../src-core/model/defaults';
import type { Article, BanmianDocument } from '../../src-core/model/document';
import { PARAGRAPH_STYLE_ATTR, PARAGRAPH_STYLES } from '../../src-core/model/richtext';
import { parseDocument, serializeDocument } from '../../src-core/model/serialize';
import { pageStyle, pageStyleChange, resolveStyle, STYLE_LABELS, STYLE_NAMES } from '../../src-core/model/styles';
import { validatePageParts } from '../../src-core/model/validate';
import { exportPdf } from '../../src-core/pdf';
import { storyExtensions, storySchema } from '../../src-core/story/schema';
import { articleDocFrom, readArticleBody } from '../../src-core/store/ydocs';
import { bodyUpdateProblem } from '../../src-core/collab/body-update';
import { pageStoreFromFile, serializePage } from '../../src-core/store/persist';
import { createFontProvider } from '../../src-core/fonts/provider';
import { facesUsed } from '../../src-core/layout/page-fonts';
import { preflight } from '../../src-core/preflight';
import { editableFields, headlineFaceAtLevel, MINOR_HEADLINE_LEVEL } from '../../src-core/model/styles';
import { fontProvider } from '../../src-main/fonts/provider';
import { Editor } from '../../src-renderer/editor/editor';
import { fonts } from './support';

/** The bundled faces but 楷: a machine (or test) without it. */
function withoutKai() {
  const bundled = fontProvider();
  const ids = ['song-regular', 'song-bold', 'hei-regular', 'hei-bold', 'biaosong-regular', 'biaosong-bold'];
  return createFontProvider([{ name: { zh: '测试字体', en: 'the test fonts' }, faces: () => ids.map((id) => ({ id, family: id.split('-')[0], bold: id.endsWith('bold'), bytes: () => bundled.bytes(id)! })) }]).registry();
}

const NOTE = '【编者按】老城区改造关系千家万户。本报今起推出系列报道，敬请关注。';
const MANUSCRIPT = `主题：老城区改造进入收尾阶段\n记者：张三\n\n${NOTE}\n\n记者从市住建局获悉，老城区改造工程已进入收尾阶段。\n`;

async function importedNote(): Promise<Article> {
  const r = await importFiles([{ name: '01.txt', bytes: new TextEncoder().encode(MANUSCRIPT) }]);
  return r.articles[0];
}

const onPage = (a: Article): BanmianDocument => ({ ...emptyDocument('tabloid'), articles: [a], blocks: [{ id: 'b', kind: 'article', articleId: a.id, col: 0, span: 3, row: 0, rows: 40 }] });
const bodyRuns = (doc: BanmianDocument, paragraph: number) =>
  layout(doc, { fonts }).items.filter((i): i is GlyphRun => i.kind === 'glyphs' && i.source?.field === 'body' && i.source.paragraph === paragraph);

/** A page as a build before the 编者按 style saved it: the default page without that style. */
function olderPage(): BanmianDocument {
  const doc = samplePage();
  const { editorsNote: _, ...styles } = doc.page.styles;
  return { ...doc, page: { ...doc.page, styles: styles as BanmianDocument['page']['styles'] } };
}

describe('the 编者按 page style', () => {
  it('is one of the page styles, in 楷 at the body size on the grid, listed as 编者按', () => {
    const page = emptyDocument().page;
    expect(STYLE_NAMES).toContain('editorsNote');
    expect(STYLE_LABELS.editorsNote.zh).toBe('编者按');
    expect(page.styles.editorsNote).toEqual({ family: 'kai', bold: false, size: 9, lineHeight: 9, align: 'justify', tracking: 0 });
  });

  it('is what an imported editor’s note is set in: changing the style changes the note, and only the note', async () => {
    const a = await importedNote();
    expect(a.body.content.map((p) => p.attrs?.[PARAGRAPH_STYLE_ATTR])).toEqual(['editorsNote', undefined]);
    const doc = onPage(a);
    expect(new Set(bodyRuns(doc, 0).map((g) => g.face))).toEqual(new Set(['kai-regular']));
    expect(new Set(bodyRuns(doc, 1).map((g) => g.face))).toEqual(new Set(['song-regular']));
    const hei = { ...doc, page: { ...doc.page, ...pageStyleChange(doc.page, 'editorsNote', { family: 'hei', size: 10.5 }) } };
    expect(new Set(bodyRuns(hei, 0).map((g) => g.face))).toEqual(new Set(['hei-regular']));
    expect(new Set(bodyRuns(hei, 0).map((g) => g.size))).toEqual(new Set([10.5]));
    expect(new Set(bodyRuns(hei, 1).map((g) => g.face))).toEqual(new Set(['song-regular']));
  });

  it('lets the 电头 open the first 正文 paragraph, not the note', async () => {
    const a = { ...(await importedNote()), lead: '本报讯' };
    const runs = layout(onPage(a), { fonts }).items.filter((i): i is GlyphRun => i.kind === 'glyphs' && i.source?.field === 'lead');
    expect(runs.length).toBeGreaterThan(0);
    const note = bodyRuns(onPage(a), 0);
    // The lead is set after (below) the note's last line.
    expect(Math.min(...runs.map((g) => g.y))).toBeGreaterThan(Math.max(...note.map((g) => g.y)));
  });
});

describe('a page saved before the 编者按 style', () => {
  it('opens with the style made from its body style, everything else as it was', () => {
    const old = olderPage();
    const text = serializeDocument(old);
    const r = parseDocument(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const body = old.page.styles.body;
    expect(r.document.page.styles.editorsNote).toEqual({ family: 'kai', bold: false, size: body.size, lineHeight: body.lineHeight, align: 'justify', tracking: body.tracking });
    const { editorsNote: _, ...rest } = r.document.page.styles;
    expect({ ...r.document, page: { ...r.document.page, styles: rest } }).toEqual(JSON.parse(text));
    // Saved again (as the app saves: through the page store's Yjs documents), it keeps the style.
    expect(JSON.parse(serializeDocument(r.document)).page.styles.editorsNote).toEqual(r.document.page.styles.editorsNote);
    expect(JSON.parse(serializePage(pageStoreFromFile(r.document).store)).page.styles.editorsNote).toEqual(r.document.page.styles.editorsNote);
  });

  it('is a valid page of an edition as it is (no missing style), and its note is set in the derived style', () => {
    const old = olderPage();
    const ids = { articleIds: new Set(old.articles.map((a) => a.id)), imageIds: new Set(old.images.map((i) => i.id)) };
    expect(validatePageParts(old.page, old.blocks, ids, '')).toEqual([]);
    expect(pageStyle(old.page, 'editorsNote').family).toBe('kai');
    // made once per page styles: the same style each time (the layout's caches key on it)
    expect(pageStyle(old.page, 'editorsNote')).toBe(pageStyle(old.page, 'editorsNote'));
    expect(resolveStyle(old.page, 'editorsNote', { editorsNote: { size: 12 } })).toMatchObject({ family: 'kai', size: 12 });
  });

  it('still fails cleanly when a style it had is missing, naming it', () => {
    const old = olderPage();
    const { headline: _, ...styles } = old.page.styles;
    const r = parseDocument(serializeDocument({ ...old, page: { ...old.page, styles: styles as BanmianDocument['page']['styles'] } }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.zh).toContain('page.styles.headline');
    expect(r.en).toContain('this style is missing');
  });
});

describe('the paragraph style in the body', () => {
  it('refuses an unknown paragraph style, naming the field in Chinese and English', () => {
    const p = bodyShapeProblem({ type: 'doc', content: [{ type: 'paragraph', attrs: { paragraphStyle: 'headline' }, content: [{ type: 'text', text: '文' }] }] });
    expect(p?.path).toBe('content[0].attrs.paragraphStyle');
    expect(p?.zh).toContain('段落样式');
    expect(p?.en).toContain('paragraph style');
  });

  it('is an attribute of the story schema, kept through the editor’s JSON and a Yjs update to another desk', async () => {
    const a = await importedNote();
    const node = PMNode.fromJSON(storySchema(), a.body);
    expect(node.toJSON().content.map((p: { attrs?: Record<string, unknown> }) => p.attrs?.[PARAGRAPH_STYLE_ATTR] ?? null)).toEqual(['editorsNote', null]);
    const there = new Y.Doc();
    Y.applyUpdate(there, Y.encodeStateAsUpdate(articleDocFrom(a)));
    expect(readArticleBody(there).content.map((p) => p.attrs?.[PARAGRAPH_STYLE_ATTR])).toEqual(['editorsNote', undefined]);
    // The collaboration server's body check lets the attribute through on a paragraph a desk restyles.
    const before = articleDocFrom({ ...a, body: { type: 'doc', content: a.body.content.map((p) => ({ ...p, attrs: undefined })) } });
    const restyled = new Y.Doc();
    Y.applyUpdate(restyled, Y.encodeStateAsUpdate(before));
    (restyled.getXmlFragment('body').get(0) as Y.XmlElement).setAttribute(PARAGRAPH_STYLE_ATTR, 'editorsNote');
    expect(bodyUpdateProblem(before, Y.encodeStateAsUpdate(restyled, Y.encodeStateVector(before)))).toBeUndefined();
    (restyled.getXmlFragment('body').get(0) as Y.XmlElement).setAttribute(PARAGRAPH_STYLE_ATTR, 'headline');
    expect(bodyUpdateProblem(before, Y.encodeStateAsUpdate(restyled, Y.encodeStateVector(before)))?.en).toContain('paragraph style');
    // The story module keeps its own copy of the attribute's name and values (it imports nothing from the model).
    const spec = getSchema(storyExtensions).nodes.paragraph.spec.attrs ?? {};
    expect(Object.keys(spec)).toContain(PARAGRAPH_STYLE_ATTR);
    expect(PARAGRAPH_STYLES).toEqual(['editorsNote']);
  });
});

describe('the 编者按 in the PDF', () => {
  it('is drawn in the embedded 楷 face, at the places the screen sets it', async () => {
    const doc = onPage(await importedNote());
    const pl = layout(doc, { fonts });
    const r = await exportPdf(pl, { fonts, createdAt: new Date(0) });
    if (!r.ok) throw new Error(r.en);
    const dir = mkdtempSync(join(tmpdir(), 'banmian-editors-note-'));
    try {
      const path = join(dir, 'note.pdf');
      writeFileSync(path, r.bytes);
      const kai = fonts.faceById('kai-regular')!.postscriptName;
      const listed = spawnSync('pdffonts', [path], { encoding: 'utf8' }).stdout;
      expect(listed).toMatch(new RegExp(`[A-Z]{6}\\+${kai}\\s`));
      // mutool trace names each glyph's font: every character of the note is in the 楷 subset.
      const trace = spawnSync('mutool', ['trace', path], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
      const noteChars = new Set<string>();
      for (const m of trace.matchAll(/<span font="([^"]+)"[^>]*>([\s\S]*?)<\/span>/g)) {
        if (!m[1].includes(kai)) continue;
        for (const g of m[2].matchAll(/unicode="([^"]+)"/g)) noteChars.add(g[1]);
      }
      const screen = bodyRuns(doc, 0).flatMap((g) => [...g.text]);
      expect(screen.join('')).toBe(NOTE);
      for (const ch of new Set(NOTE)) expect(noteChars.has(ch), ch).toBe(true);
      // pdftotext -bbox: each line of the note sits where the screen set it, measured from the 正文
      // paragraph after it (the PDF page has a bleed around the layout's page): x and baseline step.
      const html = spawnSync('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).stdout;
      const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3] }));
      const start = words.findIndex((w) => w.text.startsWith('【编者按】'));
      const bodyStart = words.findIndex((w) => w.text.startsWith('记者从'));
      const pdfLines = words.slice(start, bodyStart);
      expect(pdfLines.map((w) => w.text).join('')).toBe(NOTE);
      const lineStarts = (runs: GlyphRun[]) => [...new Map(runs.map((g) => [g.y, g.xs[0]] as const)).entries()].sort((a, b) => a[0] - b[0]);
      const screenLines = lineStarts(bodyRuns(doc, 0));
      const [bodyY, bodyX] = lineStarts(bodyRuns(doc, 1))[0];
      expect(screenLines.length).toBe(pdfLines.length);
      screenLines.forEach(([y, x], i) => {
        expect(pdfLines[i].x - words[bodyStart].x).toBeCloseTo(x - bodyX, 1);
        expect(pdfLines[i].y - pdfLines[0].y).toBeCloseTo(y - screenLines[0][0], 1);
      });
      expect(screenLines[0][0]).toBeLessThan(bodyY);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the faces a page needs', () => {
  it('leave out an unused 编者按 style: an older page fetches, records and checks no 楷 it does not set', () => {
    // 署名 and 图片说明 (楷 in the sample, as new pages set them) in 宋 and 黑 as pages of that time set
    // them, so no text on the page is set in 楷
    const older = olderPage();
    const styles = { ...older.page.styles, byline: { ...older.page.styles.byline, family: 'song' }, caption: { ...older.page.styles.caption, family: 'hei' } };
    const old = parseDocument(serializeDocument({ ...older, page: { ...older.page, styles } }));
    if (!old.ok) throw new Error(old.en);
    expect(old.document.page.styles.editorsNote.family).toBe('kai');
    expect(facesUsed(old.document).map((f) => f.family)).not.toContain('kai');
    const noKai = withoutKai();
    const codes = preflight(old.document, layout(old.document, { fonts: noKai }), { fonts: noKai }).warnings.map((w) => w.code);
    expect(codes).not.toContain('font-substituted');
  });

  it('take in the 编者按 style where a paragraph is set in it, and preflight names it when its face is missing', async () => {
    const doc = onPage(await importedNote());
    // 署名 and 图片说明 (楷 by default) in 宋 here, so the one style left in 楷 is the 编者按
    doc.page.styles.byline = { ...doc.page.styles.byline, family: 'song' };
    doc.page.styles.caption = { ...doc.page.styles.caption, family: 'song' };
    expect(facesUsed(doc)).toContainEqual({ family: 'kai', bold: false });
    const noKai = withoutKai();
    const warned = preflight(doc, layout(doc, { fonts: noKai }), { fonts: noKai }).warnings.filter((w) => w.code === 'font-substituted');
    expect(warned.map((w) => w.zh)).toEqual(['本版样式“编者按”指定的字体“楷体”未安装，以宋体代替']);
    expect(warned[0].en).toContain("Editor's note");
  });
});

describe('the 短稿主题 (minor headline) face', () => {
  it('is 黑 where the 主题 is 标宋, a face alone in the panel, and what a 主题 below the first three stories takes', () => {
    const page = emptyDocument().page;
    expect(page.styles.headline.family).toBe('biaosong');
    expect(page.styles.minorHeadline).toMatchObject({ family: 'hei', bold: false });
    expect(STYLE_LABELS.minorHeadline.zh).toBe('短稿主题');
    expect(editableFields('minorHeadline')).toEqual(['family', 'bold']);
    // make-up's levels: 0 the lead, 1 the next two, 2 the middle stories, 3 the briefs
    expect(MINOR_HEADLINE_LEVEL).toBe(2);
    expect([0, 1, 2, 3].map((level) => headlineFaceAtLevel(page, level).family)).toEqual(['biaosong', 'biaosong', 'hei', 'hei']);
    const changed = { ...page, ...pageStyleChange(page, 'minorHeadline', { family: 'song', bold: true }) };
    expect(headlineFaceAtLevel(changed, 3)).toEqual({ family: 'song', bold: true });
    expect(headlineFaceAtLevel(changed, 0)).toEqual({ family: 'biaosong', bold: false });
  });

  it('is added to an older page from its own 主题 style, in 黑', () => {
    const old = olderPage();
    const { minorHeadline: _, ...styles } = old.page.styles;
    const r = parseDocument(serializeDocument({ ...old, page: { ...old.page, styles: styles as BanmianDocument['page']['styles'] } }));
    if (!r.ok) throw new Error(r.en);
    const h = old.page.styles.headline;
    expect(r.document.page.styles.minorHeadline).toEqual({ family: 'hei', bold: false, size: h.size, lineHeight: h.lineHeight, align: h.align, tracking: h.tracking });
    // No text is set in it by itself: the page needs no face for it.
    expect(facesUsed(r.document)).toEqual(facesUsed({ ...r.document, page: { ...r.document.page, styles: { ...r.document.page.styles, minorHeadline: { ...h, family: 'fangsong' } } } }));
  });
});

describe('the 编者按 style in the workspace (样式)', () => {
  it('is edited like any page style: the note follows, one undo step, a bad value refused', async () => {
    const e = new Editor(fonts, onPage(await importedNote()), { path: null, title: 'note.banmian' });
    const noteFaces = () => new Set(e.getState().layout!.items.filter((i): i is GlyphRun => i.kind === 'glyphs' && i.source?.field === 'body' && i.source.paragraph === 0).map((g) => g.face));
    expect(noteFaces()).toEqual(new Set(['kai-regular']));
    e.setStyle('editorsNote', { family: 'hei', bold: true });
    expect(e.getState().doc.page.styles.editorsNote).toMatchObject({ family: 'hei', bold: true });
    expect(noteFaces()).toEqual(new Set(['hei-bold']));
    e.undo();
    expect(noteFaces()).toEqual(new Set(['kai-regular']));
    e.setStyle('editorsNote', { size: 0.5 });
    expect(e.getState().notice).toMatchObject({ kind: 'error', zh: '样式“编者按”未改：字号应在 2 pt 到 400 pt 之间（当前 0.5 pt）' });
  });
});
