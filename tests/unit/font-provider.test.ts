import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFontSource, checkFontSources } from '../../scripts/font-source-rule';
import { bundledAdvance } from '../support/render-page';
import { samplePage } from '../../bench/pages';
import { createFontProvider, type FontSource } from '../../src-core/fonts/provider';
import type { HostApi } from '../../src-core/host-api';
import { layout } from '../../src-core/layout/layout';
import type { BanmianDocument } from '../../src-core/model/document';
import { checkPage } from '../../src-main/files/print';
import { FONT_SOURCES, fontProvider } from '../../src-main/fonts/provider';
import { dispatchHostCall } from '../../src-main/host/handlers';
import type { HostEnv } from '../../src-main/host/page-files';
import { fetchFacesFor, loadHostFonts } from '../../src-renderer/canvas/fonts';
import { familyChoices } from '../../src-renderer/ui/family-choices';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

describe('fonts come from one place', () => {
  it('no module outside the provider reaches the bundled set', () => {
    expect(checkFontSources(root)).toEqual([]);
  });

  it('catches a planted reach for the bundled set (so the check above can fail)', () => {
    const lines = (file: string, src: string): number[] => checkFontSource(root, file, src).map((v) => v.line);
    const loader = ['load', 'Bundled', 'Fonts'].join('');
    expect(lines('src-main/host/handlers.ts', `import { x } from '../fonts/bundled';`)).toEqual([1]);
    expect(lines('src-main/cli/commands/layout.ts', `\nconst m = await import('../../fonts/bundled.ts');`)).toEqual([2]);
    expect(lines('tests/unit/x.test.ts', `const fonts = ${loader}();`)).toEqual([1]);
    expect(lines('bench/x.bench.ts', `const s = ${['BUNDLED', 'SOURCE'].join('_')};`)).toEqual([1]);
    // the provider itself, and reaching the provider, are the allowed ways
    expect(lines('src-main/fonts/provider.ts', `import { BUNDLED_SOURCE } from './bundled';`)).toEqual([]);
    expect(lines('src-main/host/handlers.ts', `import { fontProvider } from '../fonts/provider';`)).toEqual([]);
  });
});

/** A second source: one of the bundled files under another id and family, as installed fonts would come. */
const TEST_SOURCE: FontSource = {
  name: { zh: '测试字体', en: 'the test fonts' },
  faces: () => [{ id: 'test-regular', family: 'test', bold: false, label: { zh: '测试体', en: 'Test face' }, bytes: () => fontProvider().bytes('hei-regular')! }],
};

function withHeadlineIn(family: string): BanmianDocument {
  const doc = samplePage();
  return { ...doc, page: { ...doc.page, styles: { ...doc.page.styles, headline: { ...doc.page.styles.headline, family } } } };
}

const facesUsed = (doc: BanmianDocument, fonts: Parameters<typeof layout>[1]['fonts']): Set<string> =>
  new Set(layout(doc, { fonts }).items.flatMap((i) => (i.kind === 'glyphs' ? [i.face] : [])));

describe('a second font source plugs in through the provider', () => {
  const env: HostEnv = { files: undefined as never, autosaveSeconds: 30, fonts: createFontProvider([...FONT_SOURCES, TEST_SOURCE]) };
  // The renderer's view of this host: the two font calls, through the host's own dispatch.
  const host = {
    listFonts: () => dispatchHostCall('listFonts', [], env),
    fontBytes: (id: string) => dispatchHostCall('fontBytes', [id], env),
  } as unknown as HostApi;

  it('is listed by the host with its label, and its bytes are served', async () => {
    const listed = await dispatchHostCall('listFonts', [], env);
    expect(listed).toMatchObject({ ok: true });
    const faces = (listed as { value: { id: string; family: string; label: { zh: string; en: string } }[] }).value;
    expect(faces.map((f) => f.id)).toEqual(['song-regular', 'song-bold', 'hei-regular', 'hei-bold', 'kai-regular', 'kai-bold', 'biaosong-regular', 'biaosong-bold', 'test-regular']);
    expect(faces.find((f) => f.id === 'test-regular')).toMatchObject({ family: 'test', label: { zh: '测试体', en: 'Test face' } });
    expect(faces.find((f) => f.id === 'song-regular')?.label.zh).toBe('宋体');
    const bytes = await dispatchHostCall('fontBytes', ['test-regular'], env);
    // the very bytes the registry measured (the same array, not a copy)
    expect((bytes as { value: Uint8Array }).value).toBe(fontProvider().bytes('hei-regular'));
  });

  it('shows up in the face picker and in layout in the renderer', async () => {
    const loaded = await loadHostFonts(host);
    if (!loaded.ok) throw new Error(loaded.en);
    const fonts = loaded.value.registry;
    expect(familyChoices(fonts, 'song').map((c) => `${c.family}:${c.text}`)).toEqual(['song:宋体', 'hei:黑体', 'kai:楷体', 'biaosong:标宋', 'test:测试体']);
    expect(familyChoices(fonts, 'test').find((c) => c.family === 'test')?.title).toBe('Test face');
    // a page's faces are fetched before it is laid out, as the start and 打开 do
    expect(await fetchFacesFor(host, withHeadlineIn('test'))).toMatchObject({ ok: true });
    expect(facesUsed(withHeadlineIn('test'), fonts)).toContain('test-regular');
  });

  it('is what the print pipeline lays out and checks with', () => {
    const doc = withHeadlineIn('test');
    const withTest = checkPage(doc, env.fonts!.registry());
    expect(withTest.report.warnings.filter((w) => w.code === 'font-substituted')).toEqual([]);
    expect(new Set(withTest.layout.items.flatMap((i) => (i.kind === 'glyphs' ? [i.face] : [])))).toContain('test-regular');
    // without the source the same page is set in the default family, and preflight says so
    const bundledOnly = checkPage(doc, fontProvider().registry());
    expect(bundledOnly.report.warnings.map((w) => w.code)).toContain('font-substituted');
    expect(facesUsed(doc, fontProvider().registry())).not.toContain('test-regular');
  });

  it('the bundled faces keep their ids, order and metrics whatever else is added', () => {
    const advance = bundledAdvance();
    const song = env.fonts!.registry().faceById('song-regular')!;
    expect(song.advance(0x4e2d)).toBe(advance('song-regular')!(0x4e2d));
    expect(env.fonts!.registry().defaultFamily).toBe('song');
  });
});

describe('createFontProvider', () => {
  it('keeps the first source’s face when a later one offers the same id', () => {
    const dup: FontSource = { name: { zh: '重复', en: 'dup' }, faces: () => [{ id: 'song-regular', family: 'hei', bold: false, bytes: () => fontProvider().bytes('hei-regular')! }] };
    const provider = createFontProvider([...FONT_SOURCES, dup]);
    expect(provider.faces().filter((f) => f.id === 'song-regular')).toEqual([expect.objectContaining({ family: 'song' })]);
  });

  it('names the face and its source when a face is not a font, and the host says so in zh and en', async () => {
    const bad: FontSource = { name: { zh: '损坏字体', en: 'the broken set' }, faces: () => [{ id: 'bad-regular', family: 'bad', bold: false, bytes: () => new Uint8Array([1, 2, 3, 4]) }] };
    const env: HostEnv = { files: undefined as never, autosaveSeconds: 30, fonts: createFontProvider([bad]) };
    const r = await dispatchHostCall('listFonts', [], env);
    expect(r).toMatchObject({ ok: false });
    const { zh, en } = r as { zh: string; en: string };
    expect(zh).toContain('字体来源“损坏字体”中的字体 bad-regular 无法打开');
    expect(en).toContain('Font bad-regular from the broken set cannot be opened');
  });

  it('labels a family without a label by the name its font file gives itself', () => {
    const plain: FontSource = { name: { zh: '无名', en: 'unnamed' }, faces: () => [{ id: 'x-regular', family: 'x', bold: false, bytes: () => fontProvider().bytes('hei-regular')! }] };
    expect(createFontProvider([plain]).faces()[0].label).toEqual({ zh: 'Noto Sans SC', en: 'Noto Sans SC' });
  });
});
