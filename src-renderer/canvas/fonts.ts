import { absentFontsNotice, absentPageFonts, facesUsed, substituteRecorded } from '../../src-core/layout/page-fonts';
import { FontRegistry } from '../../src-core/fonts/registry';
import type { FontFaceInfo, FontListProblem, HostApi, HostResult } from '../../src-core/host-api';
import type { PageLayout } from '../../src-core/layout/page-layout';
import type { BanmianDocument } from '../../src-core/model/document';

/** CSS family under which a registry face is declared, so the SVG draws with the very file layout measured. */
export const cssFamily = (faceId: string): string => `bm-${faceId}`;

/** The bundled face the window's own text on the canvas (markers, labels, names) is drawn in. */
const MARK_FACE = 'hei-regular';
/**
 * The font of every text the canvas draws besides the page (set on the overlay, whose markers,
 * labels, proof marks and peers' names inherit it): the bundled face, so it reads the same on a
 * machine without Chinese system fonts (declared first, facesToDeclareFirst).
 */
export const MARK_FONT = `${cssFamily(MARK_FACE)}, sans-serif`;

type Advances = (faceId: string) => ((cp: number) => number) | undefined;
const advances = new WeakMap<FontRegistry, Advances>();

/** The advances the browser draws a registry face's glyphs with (the same file), for pageToSvg. */
export function svgAdvance(registry: FontRegistry): Advances {
  let fn = advances.get(registry);
  if (!fn) {
    const perFace = new Map<string, (cp: number) => number>();
    fn = (faceId) => {
      let of = perFace.get(faceId);
      if (!of) {
        const face = registry.faceById(faceId);
        if (!face) return undefined;
        perFace.set(faceId, (of = (cp: number) => face.advance(cp)));
      }
      return of;
    };
    advances.set(registry, fn);
  }
  return fn;
}

export interface LoadedFonts {
  registry: FontRegistry;
  faces: FontFaceInfo[];
  /**
   * Declares faces to the browser (each once, from the very bytes the registry measured); resolves
   * when it can draw them. The browser decodes a CJK face on the main thread as it is declared
   * (50–100 ms each), so the start declares only what the first page and the window draw with, and
   * the rest once the page is up (App).
   */
  declare(faceIds: Iterable<string>): Promise<HostResult<void>>;
  /**
   * Fetches on-demand faces (installed fonts, listed but not fetched at the start) that a page or
   * the picker's sample is about to use; the registry opens them on the next layout. Faces already
   * here, and unknown ids, are passed over.
   */
  fetchFaces(faceIds: Iterable<string>): Promise<HostResult<void>>;
  /** The installed font files the host could not use, each named with why (HostApi.fontProblems): asked when the face picker first shows them, once. */
  problems(): Promise<HostResult<FontListProblem[]>>;
}

const loads = new WeakMap<HostApi, Promise<HostResult<LoadedFonts>>>();

/**
 * Lists the faces the host offers and registers them for layout metrics, none fetched yet: the
 * bundled ones in the fallback chain as pending faces (`FontRegistry.addPendingFace`), installed
 * ones on demand. Their bytes come when something needs them (`fetchFaces`: the start fetches the
 * first page's, `fetchFacesFor`, and the rest when idle, App), ~110 MB in all that a second launch
 * otherwise read from the HTTP cache before the page could be shown. `declare` hands the same bytes
 * to the browser through the CSS Font Loading API. Runs once per host (React StrictMode mounts
 * effects twice); a failed load may be retried.
 */
export function loadHostFonts(host: HostApi): Promise<HostResult<LoadedFonts>> {
  let load = loads.get(host);
  if (!load) {
    load = listFaces(host);
    loads.set(host, load);
    const forget = () => void loads.delete(host);
    load.then((r) => !r.ok && forget(), forget);
  }
  return load;
}

async function listFaces(host: HostApi): Promise<HostResult<LoadedFonts>> {
  const listed = await host.listFonts();
  if (!listed.ok) return listed;
  if (listed.value.length === 0) return { ok: false, zh: '宿主程序没有提供任何字体', en: 'The host offers no fonts' };
  const fetched = new Map<string, Uint8Array>();
  // Registered in the host's order, with its labels, so both registries resolve and fall back alike (registryFrom).
  const registry = new FontRegistry();
  for (const f of listed.value) {
    const face = { ...f, open: () => fetched.get(f.id) };
    if (f.onDemand) registry.addOnDemandFace(face);
    else registry.addPendingFace(face);
  }
  const waiting = new Map<string, Uint8Array>();
  const known = new Set(listed.value.map((f) => f.id));
  // One request per face, however many callers want it meanwhile (the start, the idle loader, a picker).
  const coming = new Map<string, Promise<HostResult<void>>>();
  const fetchOne = async (id: string): Promise<HostResult<void>> => {
    const r = await host.fontBytes(id);
    if (!r.ok) return r;
    fetched.set(id, r.value);
    const opened = opening(registry, id);
    if (!opened.ok) {
      fetched.delete(id);
      return opened;
    }
    waiting.set(id, r.value);
    return { ok: true, value: undefined };
  };
  const fetchFaces = async (faceIds: Iterable<string>): Promise<HostResult<void>> => {
    const wanted = [...new Set(faceIds)].filter((id) => known.has(id) && !fetched.has(id));
    for (const id of wanted) if (!coming.has(id)) coming.set(id, fetchOne(id).then((r) => (r.ok || coming.delete(id), r)));
    const got = await Promise.all(wanted.map((id) => coming.get(id)!));
    return got.find((r) => !r.ok) ?? { ok: true, value: undefined };
  };
  return { ok: true, value: { registry, faces: listed.value, declare: declarer(waiting), fetchFaces, problems: problemsOnce(host) } };
}

/** `problems` over the host: one request, kept; a failed one is asked again next time. */
function problemsOnce(host: HostApi): LoadedFonts['problems'] {
  let asked: Promise<HostResult<FontListProblem[]>> | undefined;
  return () => (asked ??= host.fontProblems().then((r) => (r.ok || (asked = undefined), r)));
}

/** Opens a fetched face now (a bad file is named here, not passed over by a later layout); an installed one opens when used. */
function opening(registry: FontRegistry, id: string): HostResult<void> {
  if (!registry.isPending(id) || registry.faceById(id)) return { ok: true, value: undefined };
  const why = registry.unopenableFaces().find((f) => f.id === id)?.why ?? '';
  return { ok: false, zh: `字体 ${id} 无法打开：${why}`, en: `Font ${id} cannot be opened: ${why}` };
}

/** `declare` over the bytes in `waiting` (each face handed to the browser once). */
function declarer(waiting: Map<string, Uint8Array>): LoadedFonts['declare'] {
  const loading = new Map<string, Promise<unknown>>();
  return async (faceIds) => {
    const wanted: Promise<unknown>[] = [];
    for (const id of faceIds) {
      const data = waiting.get(id);
      if (data) {
        waiting.delete(id);
        // FontFace copies the bytes it is given, so the registry's copy stays intact.
        const face = new FontFace(cssFamily(id), data as Uint8Array<ArrayBuffer>, { style: 'normal', weight: 'normal', display: 'block' });
        document.fonts.add(face);
        loading.set(id, face.load());
      }
      const load = loading.get(id);
      if (load) wanted.push(load);
    }
    try {
      await Promise.all(wanted);
      return { ok: true, value: undefined };
    } catch (e) {
      return { ok: false, zh: `浏览器无法加载字体：${String(e)}`, en: `The browser cannot load the fonts: ${String(e)}` };
    }
  };
}

/** The faces a laid-out page draws with, and those the window's own text uses (styles.css). */
export function facesToDeclareFirst(layout: PageLayout | null | undefined): Set<string> {
  const ids = new Set(['song-regular', MARK_FACE]);
  for (const item of layout?.items ?? []) if (item.kind === 'glyphs') ids.add(item.face);
  return ids;
}

/** The on-demand faces (installed fonts, fetched only when used) of these families, by id. */
export function onDemandFacesOf(faces: readonly FontFaceInfo[], families: ReadonlySet<string>): string[] {
  return faces.filter((f) => f.onDemand && families.has(f.family)).map((f) => f.id);
}

/** The faces of these families to fetch before text is set in them: installed ones, and bundled ones not opened yet (loadHostFonts). */
export function facesToBring(loaded: Pick<LoadedFonts, 'faces' | 'registry'>, families: ReadonlySet<string>): string[] {
  return loaded.faces.filter((f) => families.has(f.family) && (f.onDemand || loaded.registry.isPending(f.id))).map((f) => f.id);
}

/** Fetches faces (those not here yet) and hands them to the browser: after it, layout and the screen both draw with them. */
export async function bringFaces(loaded: LoadedFonts, faceIds: readonly string[]): Promise<HostResult<void>> {
  const fetched = await loaded.fetchFaces(faceIds);
  if (!fetched.ok) return fetched;
  return loaded.declare(faceIds);
}

/**
 * Before a style takes an installed family: fetches and declares its faces, so the page is laid out
 * with them and not a stand-in (and saving records them). A failure names the family; the caller
 * then leaves the style as it was.
 */
export async function bringFamily(loaded: LoadedFonts, family: string): Promise<HostResult<void>> {
  const r = await bringFaces(loaded, facesToBring(loaded, new Set([family])));
  if (r.ok) return r;
  const name = loaded.registry.familyLabel(family);
  return { ok: false, zh: `无法取得字体“${name.zh}”，样式未改：${r.zh}`, en: `Cannot fetch the font '${name.en}'; the style is unchanged: ${r.en}` };
}

/** The bundled faces the window's own text draws with (styles.css, MARK_FONT): fetched with the first page's. */
export const WINDOW_FACES = ['song-regular', MARK_FACE];

/**
 * Before a page is laid out (at the start, on 打开): fetches the installed faces its styles use (and
 * hands them to the browser), and the bundled faces of those weights (`only`: of those, these
 * alone; the start's first page waits for `firstFaces`), so it draws with them and not
 * their stand-ins; says which of its recorded fonts this machine lacks (zh/en), or undefined when it
 * has them all. A face its layout then also reaches (a glyph's fallback, a stand-in) is `fetchWanted`'s.
 */
export async function fetchFacesFor(host: HostApi, doc: BanmianDocument, only?: readonly string[]): Promise<HostResult<{ zh: string; en: string } | undefined>> {
  const loaded = await loadHostFonts(host);
  if (!loaded.ok) return loaded;
  const { registry } = loaded.value;
  const used = facesUsed(doc);
  // A recorded font this machine lacks is drawn by its role: that role's faces are fetched with the rest.
  substituteRecorded(doc, registry);
  const bundled = pageFaces(registry, doc).filter((id) => registry.isPending(id) && (!only || only.includes(id)));
  const [brought, fetched] = await Promise.all([bringFaces(loaded.value, onDemandFacesOf(loaded.value.faces, new Set(used.map((f) => f.family)))), loaded.value.fetchFaces([...WINDOW_FACES, ...bundled])]);
  if (!brought.ok) return brought;
  if (!fetched.ok) return fetched;
  return { ok: true, value: absentFontsNotice(absentPageFonts(doc, registry), registry) };
}

/**
 * The bundled faces the start's first page waits for: the window's own (WINDOW_FACES) and its body
 * text's. The page's other faces (five for the sample, ~67 MB: a second launch spent ~700 ms reading
 * them from the HTTP cache before it could show anything) are brought once it is shown, and the page
 * is laid out again with them (`bringEach`, App): its headlines and bylines stand in meanwhile.
 */
export function firstFaces(registry: FontRegistry, doc: BanmianDocument): string[] {
  const body = doc.page.styles.body;
  return [...new Set([...WINDOW_FACES, ...(registry.faceIdOf(body.family, body.bold) ?? [])])];
}

/** Fetches faces and hands each to the browser as soon as it is here (not once all are): a face the registry opened is drawable at once. */
export async function bringEach(loaded: LoadedFonts, faceIds: readonly string[]): Promise<HostResult<void>> {
  const got = await Promise.all(faceIds.map((id) => bringFaces(loaded, [id])));
  return got.find((r) => !r.ok) ?? { ok: true, value: undefined };
}

/** The faces (ids) of the weights a page's styles set text in, as the registry resolves their families; a missing family's are its stand-in's once substituted. */
export function pageFaces(registry: FontRegistry, doc: BanmianDocument): string[] {
  return [...new Set(facesUsed(doc).flatMap((f) => registry.faceIdOf(f.family, f.bold) ?? []))];
}

/**
 * After the first page (an opened page, a pasted or typed 生僻字): the faces a layout reached while
 * they were not here, fetched and handed to the browser at once rather than when the idle loader
 * comes to them; true when any came (the page is to be laid out again with them).
 */
export async function bringWanted(loaded: LoadedFonts): Promise<HostResult<boolean>> {
  const wanted = loaded.registry.wantedFaces();
  const fetched = await fetchWanted(loaded);
  if (!fetched.ok || !fetched.value) return fetched;
  const declared = await loaded.declare(wanted);
  return declared.ok ? fetched : declared;
}

/**
 * Fetches the faces a layout reached while they were not here (`FontRegistry.wantedFaces`); true
 * when any came, and the page is to be laid out again (its compositions fell back past them).
 */
export async function fetchWanted(loaded: LoadedFonts): Promise<HostResult<boolean>> {
  const wanted = loaded.registry.wantedFaces();
  loaded.registry.clearWanted();
  if (wanted.length === 0) return { ok: true, value: false };
  const r = await loaded.fetchFaces(wanted);
  return r.ok ? { ok: true, value: true } : r;
}
