import { describe, expect, it } from 'vitest';
import { samplePage, samplePageInPageStyles } from '../../bench/pages';
import { FontRegistry } from '../../src-core/fonts/registry';
import type { HostApi } from '../../src-core/host-api';
import { CompositionCache } from '../../src-core/layout/cache';
import { layout } from '../../src-core/layout/layout';
import type { BanmianDocument } from '../../src-core/model/document';
import type { PageFont } from '../../src-core/model/page-fonts';
import { fontProvider } from '../../src-main/fonts/provider';
import { dispatchHostCall } from '../../src-main/host/handlers';
import type { HostEnv } from '../../src-main/host/page-files';
import { fetchFacesFor, fetchWanted, loadHostFonts } from '../../src-renderer/canvas/fonts';

/**
 * Issue 18: a second launch read ~110 MB of bundled faces before the page could be shown. The
 * renderer now lists them and fetches only what the first page needs; what it lays out must still
 * be what the host (the PDF) lays out with every face open.
 */

const host = fontProvider();

/** The host's font calls as the renderer makes them, each fetch recorded. */
function recordingHost(): { api: HostApi; fetched: string[] } {
  const env: HostEnv = { files: undefined as never, autosaveSeconds: 30, fonts: host };
  const fetched: string[] = [];
  const api = {
    listFonts: () => dispatchHostCall('listFonts', [], env),
    fontBytes: (id: string) => (fetched.push(id), dispatchHostCall('fontBytes', [id], env)),
  } as unknown as HostApi;
  return { api, fetched };
}

/** Every glyph run as the screen draws it: face, size, place and text. */
function drawn(doc: BanmianDocument, fonts: FontRegistry): string[] {
  return layout(doc, { fonts }).items.flatMap((i) => (i.kind === 'glyphs' ? [`${i.face} ${i.size} ${i.y.toFixed(2)} ${i.xs.map((x) => x.toFixed(2)).join(',')} ${i.boldStroke ?? ''} ${i.text}`] : []));
}

/** A registry with every bundled face pending, bytes handed out only for ids in `here`. */
function pendingRegistry(here: Set<string>): FontRegistry {
  const fonts = new FontRegistry();
  for (const f of host.faces()) if (!f.onDemand) fonts.addPendingFace({ ...f, open: () => (here.has(f.id) ? host.bytes(f.id) : undefined) });
  return fonts;
}

/** An ideograph that the faces `lacking` all lack and the faces `having` have, from their cmaps. */
function charOnlyIn(having: string | string[], lacking: string[]): string {
  const haves = [having].flat().map((id) => host.registry().faceById(id)!);
  const has = { hasGlyph: (cp: number) => haves.every((f) => f.hasGlyph(cp)) };
  const lack = lacking.map((id) => host.registry().faceById(id)!);
  for (const [from, to] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0x20000, 0x2a6df]]) {
    for (let cp = from; cp <= to; cp++) if (has.hasGlyph(cp) && lack.every((f) => !f.hasGlyph(cp))) return String.fromCodePoint(cp);
  }
  throw new Error(`no ideograph only ${having} has`);
}

/**
 * The sample with an ideograph only 楷体 has in its 栏头 (一把手访谈, set in 黑体 bold: the page's one
 * bold text, its headlines are 标宋 and 黑体 regular, whose chain reaches the 楷体 regular it fetches
 * for its bylines), its faces fetched by the renderer (黑体 bold lacks the ideograph: the host draws
 * it in 楷体 bold, not fetched yet).
 */
async function rareColumnHead() {
  const { api, fetched } = recordingHost();
  const loaded = await loadHostFonts(api);
  if (!loaded.ok) throw new Error(loaded.en);
  const sample = samplePage();
  const rare = charOnlyIn(['kai-regular', 'kai-bold'], ['song-regular', 'hei-regular', 'song-bold', 'hei-bold']);
  expect(sample.articles.filter((a) => a.column?.trim()).length).toBeGreaterThan(0);
  const doc = { ...sample, articles: sample.articles.map((a) => (a.column?.trim() ? { ...a, column: `${a.column}${rare}` } : a)) };
  expect((await fetchFacesFor(api, doc)).ok).toBe(true);
  return { fetched, firstFetched: fetched.length, loaded: loaded as typeof loaded & { ok: true }, doc };
}

describe('pending bundled faces (FontRegistry.addPendingFace)', () => {
  it('keep their place in the fallback chain: a glyph reaching an absent one is noted, and once it is here resolves as the host does', () => {
    const rare = charOnlyIn('kai-regular', ['song-regular', 'hei-regular']).codePointAt(0)!;
    const here = new Set(['song-regular', 'hei-regular']);
    const fonts = pendingRegistry(here);
    const song = fonts.faceById('song-regular')!;
    expect(fonts.fallbackFor(rare, song)).toBeUndefined();
    expect(fonts.wantedFaces()).toEqual(['kai-regular']);
    here.add('kai-regular');
    expect(fonts.fallbackFor(rare, song)?.id).toBe(host.registry().fallbackFor(rare, host.registry().faceById('song-regular')!)?.id);
    expect(fonts.wantedFaces()).toEqual([]);
  });

  it('a bold asked for while only its regular is here is a stand-in, noted and not kept: the real bold once it comes', () => {
    const here = new Set(['hei-regular']);
    const fonts = pendingRegistry(here);
    expect(fonts.face({ family: 'hei', bold: true }).id).toBe('hei-regular+synthetic-bold');
    expect(fonts.wantedFaces()).toEqual(['hei-bold']);
    here.add('hei-bold');
    expect(fonts.face({ family: 'hei', bold: true }).id).toBe('hei-bold');
  });
});

describe('the renderer fetches the faces a page needs, not all of them', () => {
  it('lists without fetching; the sample page fetches its styles\' faces and the window\'s, once each, and lays out as the host does', async () => {
    const { api, fetched } = recordingHost();
    const loaded = await loadHostFonts(api);
    if (!loaded.ok) throw new Error(loaded.en);
    expect(fetched).toEqual([]);
    const doc = samplePage();
    // two callers at once (the start's early fetch of the window's faces and the page's) share requests
    const [a, b] = await Promise.all([loaded.value.fetchFaces(['song-regular', 'hei-regular']), fetchFacesFor(api, doc)]);
    expect(a.ok && b.ok).toBe(true);
    // the faces the host draws the sample with (now 宋, 黑, 黑 bold, 楷, 标宋), and the window's 宋体 and 黑体 regular
    const faces = new Set(drawn(doc, host.registry()).map((g) => g.split(' ')[0]));
    expect(faces.size).toBeGreaterThan(2);
    expect([...fetched].sort()).toEqual([...new Set([...faces, 'song-regular', 'hei-regular'])].sort());
    expect(drawn(doc, loaded.value.registry)).toEqual(drawn(doc, host.registry()));
    expect(loaded.value.registry.wantedFaces()).toEqual([]);
  });

  it('a recorded font this machine lacks: its stand-in role\'s face is fetched before the page is laid out (the CI saw the 标宋 regular drawn for its bold)', async () => {
    const { api, fetched } = recordingHost();
    const loaded = await loadHostFonts(api);
    if (!loaded.ok) throw new Error(loaded.en);
    // in the page's styles: the sample's articles set their headlines' face themselves (标宋 regular, 黑)
    const sample = samplePageInPageStyles();
    const xbs: PageFont = { family: 'sys-absent-xbs', bold: true, name: { zh: '某小标宋', en: 'Some XBS' }, postscriptName: 'SomeXBS', role: 'biaosong', hash: '0' };
    const doc = { ...sample, page: { ...sample.page, styles: { ...sample.page.styles, headline: { ...sample.page.styles.headline, family: xbs.family, bold: true } }, fonts: [xbs] } };
    const notice = await fetchFacesFor(api, doc);
    expect(notice.ok && notice.value?.zh).toContain('暂以');
    expect(fetched).toContain('biaosong-bold');
    // laid out now, before anything idle brings more: the headline in the 标宋 bold, not wanting it
    const headline = sample.articles[1]!.headline.replace(/ /g, '');
    const faces = new Set(drawn(doc, loaded.value.registry).filter((g) => headline.includes(g.split(' ').at(-1)!)).map((g) => g.split(' ')[0]));
    expect([...faces]).toEqual(['biaosong-bold']);
    expect(loaded.value.registry.wantedFaces()).not.toContain('biaosong-bold');
  });

  it('a glyph only a face not fetched has: the layout names it (fetchWanted), and laid out again matches the host', async () => {
    const { fetched, firstFetched, loaded, doc } = await rareColumnHead();
    const expected = drawn(doc, host.registry());
    const needed = new Set(expected.map((g) => g.split(' ')[0]));
    const first = drawn(doc, loaded.value.registry);
    const absent = [...needed].filter((id) => !fetched.includes(id));
    // the 栏头's 黑体 bold lacks it: the host draws it in 楷体 bold, not fetched for the page's styles
    expect(absent).toEqual(['kai-bold']);
    expect(first).not.toEqual(expected);
    // laid out again as long as the last layout reached a face not here (App's start does the same);
    // the chain before 楷体 (宋体 bold) is fetched too: whether it has the glyph is in its file
    let rounds = 0;
    for (let more = await fetchWanted(loaded.value); more.ok && more.value; more = await fetchWanted(loaded.value)) {
      rounds++;
      drawn(doc, loaded.value.registry);
    }
    expect(rounds).toBe(2);
    expect(fetched.slice(firstFetched)).toEqual(['song-bold', 'kai-bold']);
    expect(drawn(doc, loaded.value.registry)).toEqual(expected);
    expect(await fetchWanted(loaded.value)).toEqual({ ok: true, value: false });
  });
});

describe('a face that arrives after a layout stood in for it', () => {
  it('is drawn at the next layout with a kept composition cache (the desk\'s), not the stand-in it was composed with', async () => {
    const { loaded, doc } = await rareColumnHead();
    const fonts = loaded.value.registry;
    const cache = new CompositionCache(fonts);
    const runs = (): string[] => layout(doc, { fonts, cache }).items.flatMap((i) => (i.kind === 'glyphs' ? [`${i.face} ${i.text}`] : []));
    const before = runs();
    // the idle loader brings the faces the layout reached (as App does, one after another)
    for (let more = await fetchWanted(loaded.value); more.ok && more.value; more = await fetchWanted(loaded.value)) runs();
    const expected = layout(doc, { fonts: host.registry() }).items.flatMap((i) => (i.kind === 'glyphs' ? [`${i.face} ${i.text}`] : []));
    expect(before).not.toEqual(expected);
    expect(runs()).toEqual(expected);
  });
});

