import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFontProvider, type FontSource } from '../../src-core/fonts/provider';
import { layout } from '../../src-core/layout/layout';
import type { BanmianDocument } from '../../src-core/model/document';
import type { HostApi } from '../../src-core/host-api';
import { FONT_SOURCES } from '../../src-main/fonts/provider';
import { installedFamilyKey, installedSource, listInstalledFonts } from '../../src-main/fonts/installed';
import { dispatchHostCall } from '../../src-main/host/handlers';
import type { HostEnv } from '../../src-main/host/page-files';
import { loadHostFonts } from '../../src-renderer/canvas/fonts';
import { familyChoices } from '../../src-renderer/ui/family-choices';
import { samplePage, samplePageInPageStyles } from '../../bench/pages';
import { NOTO_CJK_DIR } from './test-fonts';

/** The installed-font source over the project's Noto CJK folder, counting the files it reads whole. */
function countedInstalled(): { source: FontSource; reads: string[] } {
  const reads: string[] = [];
  const inner = installedSource(() => listInstalledFonts([NOTO_CJK_DIR]));
  const source: FontSource = {
    name: inner.name,
    faces: () => inner.faces().map((f) => ({ ...f, bytes: () => (reads.push(f.id), f.bytes()) })),
  };
  return { source, reads };
}

const SERIF_SC = installedFamilyKey('Noto Serif CJK SC');

/**
 * The sample in its page styles (its articles set their headline face themselves, 标宋 or 黑 regular)
 * with the 主题 in `family` bold, as the sample's 主题 was before it became 标宋 regular: the bold
 * weight is the one recorded, opened and named here.
 */
function withHeadlineIn(family: string): BanmianDocument {
  const doc = samplePageInPageStyles();
  return { ...doc, page: { ...doc.page, styles: { ...doc.page.styles, headline: { ...doc.page.styles.headline, family, bold: true } } } };
}

describe('installed fonts as a source after the bundled one, opened on demand', () => {
  it('keys a family by its English name, as a valid face id and never a bundled role', () => {
    expect(SERIF_SC).toBe('sys-noto-serif-cjk-sc');
    expect(installedFamilyKey('方正书宋简体')).toMatch(/^sys-[0-9a-f]+$/);
    expect(`${installedFamilyKey('A'.repeat(200))}-regular`.length).toBeLessThanOrEqual(64);
  });

  it('lists every installed family without opening one; a page opens only the face it uses', () => {
    const { source, reads } = countedInstalled();
    const provider = createFontProvider([...FONT_SOURCES, source]);
    const fonts = provider.registry();
    const listed = provider.faces();
    expect(reads).toEqual([]);
    expect(listed.slice(0, 8).map((f) => f.family)).toEqual(['song', 'song', 'hei', 'hei', 'kai', 'kai', 'biaosong', 'biaosong']);
    expect(listed.find((f) => f.id === `${SERIF_SC}-regular`)).toEqual({ id: `${SERIF_SC}-regular`, family: SERIF_SC, bold: false, postscriptName: 'NotoSerifCJKsc-Regular', label: { zh: 'Noto Serif CJK SC', en: 'Noto Serif CJK SC' }, onDemand: true });
    expect(listed.filter((f) => f.onDemand)).toHaveLength(30);

    const pl = layout(withHeadlineIn(SERIF_SC), { fonts });
    expect(reads).toEqual([`${SERIF_SC}-bold`]);
    expect(pl.items.some((i) => i.kind === 'glyphs' && i.face === `${SERIF_SC}-bold`)).toBe(true);
    // a glyph the bundled faces lack is not looked for in the installed ones (they stay closed)
    layout(samplePage(), { fonts });
    expect(reads).toEqual([`${SERIF_SC}-bold`]);
  });

  it('is in the face picker by its names, after the bundled roles, and the renderer fetches only the faces it draws', async () => {
    const { source } = countedInstalled();
    const env: HostEnv = { files: undefined as never, autosaveSeconds: 30, fonts: createFontProvider([...FONT_SOURCES, source]) };
    const fetched: string[] = [];
    const host = {
      listFonts: () => dispatchHostCall('listFonts', [], env),
      fontBytes: (id: string) => (fetched.push(id), dispatchHostCall('fontBytes', [id], env)),
    } as unknown as HostApi;
    const loaded = await loadHostFonts(host);
    if (!loaded.ok) throw new Error(loaded.en);
    // listing fetches nothing: the bundled faces too come when a page needs them (fetchFacesFor), or when idle
    expect(fetched).toEqual([]);
    const choices = familyChoices(loaded.value.registry, 'song');
    expect(choices.slice(0, 4).map((c) => c.text)).toEqual(['宋体', '黑体', '楷体', '标宋']);
    expect(choices.slice(0, 4).map((c) => c.group)).toEqual(['bundled', 'bundled', 'bundled', 'bundled']);
    expect(choices.slice(4).every((c) => c.group === 'installed')).toBe(true);
    expect(choices.find((c) => c.family === SERIF_SC)).toEqual({ family: SERIF_SC, text: 'Noto Serif CJK SC', title: 'Noto Serif CJK SC', group: 'installed', sampleFace: `${SERIF_SC}-regular` });
    // listing the choices fetched nothing: a sample's face is fetched when it is shown
    expect(fetched).toHaveLength(0);

    const got = await loaded.value.fetchFaces([`${SERIF_SC}-regular`]);
    expect(got).toEqual({ ok: true, value: undefined });
    expect(fetched).toEqual([`${SERIF_SC}-regular`]);
    expect(loaded.value.registry.faceById(`${SERIF_SC}-regular`)?.postscriptName).toBe('NotoSerifCJKsc-Regular');
  });

  it('a damaged installed file is left out when a page uses it: its family falls back, nothing throws, the face is named', () => {
    const broken: FontSource = {
      name: { zh: '损坏', en: 'broken' },
      faces: () => [
        { id: 'sys-broken-regular', family: 'sys-broken', bold: false, onDemand: { postscriptName: 'Broken-Regular' }, bytes: () => new Uint8Array(64) },
        { id: 'sys-broken-bold', family: 'sys-broken', bold: true, onDemand: { postscriptName: 'Broken-Bold' }, bytes: () => readFileSync(join(NOTO_CJK_DIR, 'removed-since-listed.otf')) },
      ],
    };
    const provider = createFontProvider([...FONT_SOURCES, broken]);
    expect(provider.faces().at(-2)).toMatchObject({ id: 'sys-broken-regular', postscriptName: 'Broken-Regular', onDemand: true });
    const fonts = provider.registry();
    const doc = withHeadlineIn('sys-broken');
    const faces = new Set(layout(doc, { fonts }).items.flatMap((i) => (i.kind === 'glyphs' ? [i.face] : [])));
    expect(faces).not.toContain('sys-broken-regular');
    expect(faces).toContain('song-bold');
    expect(fonts.unopenableFaces().map((f) => f.id).sort()).toEqual(['sys-broken-bold', 'sys-broken-regular']);
    expect(fonts.unopenableFaces().find((f) => f.id === 'sys-broken-bold')?.why).toContain('ENOENT');
  });
});
