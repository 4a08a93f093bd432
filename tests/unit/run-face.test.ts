import { describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { layout } from '../../src-core/layout/layout';
import { absentPageFonts, facesUsed, withRecordedFonts } from '../../src-core/layout/page-fonts';
import type { BanmianDocument } from '../../src-core/model/document';
import { bodyShapeProblem } from '../../src-core/model/body-shape';
import { FACE_MARK, printableParagraphs, type RichDoc } from '../../src-core/model/richtext';
import { createFontProvider } from '../../src-core/fonts/provider';
import { exportPdf } from '../../src-core/pdf';
import { preflight } from '../../src-core/preflight';
import { Face, selectionFace, setFace } from '../../src-core/story/face';
import { storySchema } from '../../src-core/story/schema';
import { FONT_SOURCES } from '../../src-main/fonts/provider';
import { installedFamilyKey, installedSource, listInstalledFonts } from '../../src-main/fonts/installed';
import { samplePage } from '../../bench/pages';
import { NOTO_CJK_DIR } from './test-fonts';

const fonts = createFontProvider(FONT_SOURCES).registry();
const ARTICLE = 'xie-feng';
const FIRST = '位于浅井南路的中航光电科技产业社区工地内车辆穿梭、桩机紧张施工，综保区内麦斯克年产360万片硅外延片项目厂房主体已建至二层……当下，涧西区项目建设如火如荼。';

/** The sample page with stretches of 谢峰's first paragraph in their own faces (by hand, as a file holds them). */
function pageWithRuns(runs: { text: string; family: string; weight?: 'regular' | 'bold' }[]): BanmianDocument {
  const doc = samplePage();
  const body = doc.articles.find((a) => a.id === ARTICLE)!.body;
  expect(body.content[0].content).toEqual([{ type: 'text', text: FIRST }]);
  const content: RichDoc['content'][number]['content'] = [];
  let at = 0;
  for (const run of runs) {
    const start = FIRST.indexOf(run.text, at);
    if (start > at) content.push({ type: 'text', text: FIRST.slice(at, start) });
    content.push({ type: 'text', text: run.text, marks: [{ type: FACE_MARK, attrs: { family: run.family, weight: run.weight ?? null } }] });
    at = start + run.text.length;
  }
  content.push({ type: 'text', text: FIRST.slice(at) });
  body.content[0] = { type: 'paragraph', content };
  return doc;
}

/** The faces the first paragraph's glyphs are drawn in, by UTF-16 offset, and each glyph's x. */
function firstParagraphGlyphs(doc: BanmianDocument, registry = fonts): { ch: string; face: string; x: number; size: number }[] {
  const out: { ch: string; face: string; x: number; size: number; offset: number }[] = [];
  for (const item of layout(doc, { fonts: registry }).items) {
    if (item.kind !== 'glyphs' || item.source?.owner !== ARTICLE || item.source.field !== 'body' || item.source.paragraph !== 0) continue;
    [...item.text].forEach((ch, i) => out.push({ ch, face: item.face, x: item.xs[i], size: item.size, offset: item.source!.offsets[i] }));
  }
  return out.sort((a, b) => a.offset - b.offset);
}

const RUNS = [
  { text: '浅井南路', family: 'hei', weight: 'bold' as const },
  { text: '综保区内麦斯克年产360万片', family: 'kai' },
];

describe('a face per run of text', () => {
  it('the story editor sets a face on a selection, reads it back and takes it off again', () => {
    const doc = PMNode.fromJSON(storySchema(), { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '报版样张' }] }] });
    let state = EditorState.create({ schema: storySchema(), doc });
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1, 3)));
    expect(selectionFace(state)).toBeNull();
    setFace({ family: 'kai', weight: 'bold' }, state, (tr) => (state = state.apply(tr)));
    expect(selectionFace(state)).toEqual({ family: 'kai', weight: 'bold' });
    expect(state.doc.toJSON().content[0].content).toEqual([
      { type: 'text', text: '报版', marks: [{ type: 'face', attrs: { family: 'kai', weight: 'bold' } }] },
      { type: 'text', text: '样张' },
    ]);
    expect(bodyShapeProblem({ type: 'doc', content: [{ type: 'paragraph', content: state.doc.toJSON().content[0].content }] })).toBeUndefined();
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 2, 5)));
    expect(selectionFace(state)).toBe('mixed');
    setFace(null, state, (tr) => (state = state.apply(tr)));
    expect(state.doc.toJSON().content[0].content).toEqual([{ type: 'text', text: '报', marks: [{ type: 'face', attrs: { family: 'kai', weight: 'bold' } }] }, { type: 'text', text: '版样张' }]);
    expect(Face.name).toBe(FACE_MARK);
  });

  it('refuses a face mark without a family or with an unknown weight, naming the field zh and en', () => {
    const body = (attrs: unknown) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '字', marks: [{ type: 'face', attrs }] }] }] });
    expect(bodyShapeProblem(body({ family: 'kai', weight: null }))).toBeUndefined();
    expect(bodyShapeProblem(body({ weight: 'bold' }))).toMatchObject({ path: 'content[0].content[0].marks[0].attrs.family', zh: expect.stringContaining('字体'), en: expect.stringContaining('family') });
    expect(bodyShapeProblem(body({ family: 'x'.repeat(201) }))?.path).toBe('content[0].content[0].marks[0].attrs.family');
    expect(bodyShapeProblem(body({ family: 'kai', weight: 'heavy' }))).toMatchObject({ path: 'content[0].content[0].marks[0].attrs.weight', zh: expect.stringContaining('字重'), en: expect.stringContaining('weight') });
  });

  it('the body model carries each run’s face to the typesetter', () => {
    const para = printableParagraphs(pageWithRuns(RUNS).articles.find((a) => a.id === ARTICLE)!.body)[0];
    expect(para.spans.map((s) => [s.text.slice(0, 4), s.face])).toEqual([
      ['位于', undefined],
      ['浅井南路', { family: 'hei', bold: true }],
      ['的中航光', undefined],
      ['综保区内', { family: 'kai' }],
      ['硅外延片', undefined],
    ]);
  });

  it('sets each run in its face, measured with that face’s advances', () => {
    // Ragged, so a gap between glyphs is the first glyph's advance plus the style's tracking (justification would widen it).
    const ragged = (doc: BanmianDocument) => ({ ...doc, page: { ...doc.page, styles: { ...doc.page.styles, body: { ...doc.page.styles.body, align: 'left' as const } } } });
    const glyphs = firstParagraphGlyphs(ragged(pageWithRuns(RUNS)));
    expect(glyphs.map((g) => g.ch).join('')).toBe(FIRST);
    const faceOf = (text: string) => new Set(glyphs.slice(FIRST.indexOf(text), FIRST.indexOf(text) + text.length).map((g) => g.face));
    expect(faceOf('浅井南路')).toEqual(new Set(['hei-bold']));
    expect(faceOf('综保区内麦斯克年产360万片')).toEqual(new Set(['kai-regular']));
    expect(faceOf('位于')).toEqual(new Set(['song-regular']));
    expect(faceOf('硅外延片项目')).toEqual(new Set(['song-regular']));
    // The digits inside the 楷 run step by 楷's advances, not 宋's (they differ): against the page without runs.
    const step = (gs: typeof glyphs) => gs[FIRST.indexOf('360') + 1].x - gs[FIRST.indexOf('360')].x;
    const plain = firstParagraphGlyphs(ragged(samplePage()));
    const kai = fonts.faceById('kai-regular')!.advance(0x33);
    const song = fonts.faceById('song-regular')!.advance(0x33);
    expect(Math.abs(kai - song)).toBeGreaterThan(0.02);
    expect(step(glyphs) - step(plain)).toBeCloseTo((kai - song) * glyphs[0].size, 3);
  });

  it('embeds and draws the runs’ faces in the PDF', async () => {
    const doc = pageWithRuns(RUNS);
    const r = await exportPdf(layout(doc, { fonts }), { fonts, createdAt: new Date(0) });
    if (!r.ok) throw new Error(r.en);
    const pdf = await PDFDocument.load(r.bytes, { updateMetadata: false });
    const dict = pdf.getPage(0).node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
    const names = dict.keys().map((k) => dict.lookup(k, PDFDict).get(PDFName.of('BaseFont'))!.toString().replace(/^\/[A-Z]{6}\+/, ''));
    expect(names).toContain(fonts.faceById('kai-regular')!.postscriptName);
    expect(names).toContain(fonts.faceById('hei-bold')!.postscriptName);
  });

  it('lists the runs’ faces among those the page uses, records an installed one and says when it is missing', () => {
    expect(facesUsed(pageWithRuns(RUNS))).toEqual(expect.arrayContaining([{ family: 'kai', bold: false }, { family: 'hei', bold: true }]));
    const serif = installedFamilyKey('Noto Serif CJK SC');
    const here = createFontProvider([...FONT_SOURCES, installedSource(() => listInstalledFonts([NOTO_CJK_DIR]))]).registry();
    const saved = withRecordedFonts(pageWithRuns([{ text: '中航光电', family: serif }]), here);
    expect(saved.page.fonts).toEqual([expect.objectContaining({ family: serif, bold: false, postscriptName: 'NotoSerifCJKsc-Regular', role: 'song' })]);
    expect(new Set(firstParagraphGlyphs(saved, here).slice(FIRST.indexOf('中航光电'), FIRST.indexOf('中航光电') + 4).map((g) => g.face))).toEqual(new Set([`${serif}-regular`]));
    const elsewhere = createFontProvider(FONT_SOURCES).registry();
    expect(absentPageFonts(saved, elsewhere)).toEqual([{ font: saved.page.fonts![0], kind: 'missing' }]);
    const warned = preflight(saved, layout(saved, { fonts: elsewhere }), { fonts: elsewhere }).warnings.filter((w) => w.code.startsWith('font-'));
    expect(warned.map((w) => w.code)).toEqual(['font-missing']);
  });

  it('a run in a face no font here has and the page did not record: preflight says so, as for a style', () => {
    const doc = pageWithRuns([{ text: '中航光电', family: 'FZShuSong' }]);
    const substituted = preflight(doc, layout(doc, { fonts }), { fonts }).warnings.filter((w) => w.code === 'font-substituted');
    expect(substituted).toEqual([expect.objectContaining({ articleId: ARTICLE, zh: expect.stringContaining('“FZShuSong”未安装'), en: expect.stringContaining("'FZShuSong', which is not installed") })]);
    expect(preflight(pageWithRuns(RUNS), layout(pageWithRuns(RUNS), { fonts }), { fonts }).warnings.filter((w) => w.code === 'font-substituted')).toEqual([]);
  });
});
