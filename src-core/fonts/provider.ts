import { collectionFace } from './collection';
import { FontRegistry, type FamilyLabel } from './registry';
import { FontInfoError } from './sfnt-info';

/**
 * Where fonts come from, behind one face (as Typst's `World` hands fonts to layout): a host or a CLI
 * run makes one provider from its sources, and layout, export, preflight and the face list all take
 * their fonts from it. A new source (installed fonts, a licensed set) is one more entry in the list
 * the provider is made from; no caller changes.
 */

/** One face a source offers. Its bytes are read when the provider first opens its fonts. */
export interface SourceFace {
  /** Registry face id, unique over all sources: `[a-z0-9-]` (see isValidFaceId). */
  id: string;
  /** The key styles name ('song', 'hei', …). */
  family: string;
  bold: boolean;
  /** How the picker names the family; absent: what the font file calls itself. */
  label?: FamilyLabel;
  /** The face within a collection file (.ttc/.otc), counted from 0 as fontconfig does; absent: 0. */
  index?: number;
  /** The file's bytes: a single font, or a whole collection (then `index` picks the face). */
  bytes(): Uint8Array;
  /**
   * Listed without being opened, and opened when a page or the picker's sample first uses it (a
   * machine's installed fonts: hundreds of files, which must not slow the start). What the list
   * shows comes from the source's own reading of the file's tables.
   */
  onDemand?: { postscriptName: string };
}

/** A file (or folder) a source could not list: named, with why in zh and en. The rest of its faces are still given. */
export interface FontListProblem {
  file: string;
  zh: string;
  en: string;
}

/** A set of faces from one place (the bundled set, a folder of installed fonts, a licensed set). */
export interface FontSource {
  /** For messages: which source a face that cannot be opened came from. */
  name: FamilyLabel;
  faces(): readonly SourceFace[];
  /** The files it could not list (a damaged, truncated, web or Type 1 font, an unreadable folder); absent: none. */
  problems?(): readonly FontListProblem[];
}

/** A face as the host lists it to the UI (HostApi.listFonts). */
export interface FontFaceInfo {
  /** Registry face id, e.g. 'song-regular'. */
  id: string;
  family: string;
  bold: boolean;
  postscriptName: string;
  /** The family's name in the face picker (zh) and in English. */
  label: FamilyLabel;
  /** Opened when used (an installed font): the renderer fetches its bytes only when a page or sample needs them. */
  onDemand?: true;
}

export interface FontProvider {
  /** Every face of every source, opened once: what layout, export and preflight measure with. */
  registry(): FontRegistry;
  faces(): FontFaceInfo[];
  /** The bytes of one face (the very file the registry measured), or undefined for an unknown id. */
  bytes(id: string): Uint8Array | undefined;
  /** The files its sources could not list, each named (HostApi.fontProblems); lists them without opening any face. */
  problems(): FontListProblem[];
}

/** A face ready to register: its listing and its bytes. */
export interface LoadedFace {
  info: Pick<FontFaceInfo, 'id' | 'family' | 'bold'> & { label?: FamilyLabel };
  /** A single font, or a collection with `index` naming the face (the registry keeps that face alone). */
  bytes: Uint8Array;
  index?: number;
  /** The source it came from, named when the face cannot be opened. */
  from?: FamilyLabel;
}

/** A face whose bytes are not a font: names the face and its source, zh and en. */
export class FontOpenError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }
}

/**
 * The one way a registry is built from faces, used by the provider and by the renderer (which gets
 * the same faces from its host): registration order is the fallback order and the picker's order.
 */
export function registryFrom(faces: Iterable<LoadedFace>): FontRegistry {
  const registry = new FontRegistry();
  for (const { info, bytes, index, from } of faces) {
    try {
      registry.addFace(collectionFace(bytes, index), info.family, info.bold, info.id, info.label);
    } catch (e) {
      const why = e instanceof FontInfoError ? e : { zh: e instanceof Error ? e.message : String(e), en: e instanceof Error ? e.message : String(e) };
      throw new FontOpenError(`${from ? `字体来源“${from.zh}”中的` : ''}字体 ${info.id} 无法打开：${why.zh}`, `Font ${info.id}${from ? ` from ${from.en}` : ''} cannot be opened: ${why.en}`);
    }
  }
  return registry;
}

/**
 * A provider over `sources`, earlier sources first (the bundled set is the first): a face id that an
 * earlier source already gave is skipped, so a later source adds faces but does not replace them.
 * Fonts are opened on first use and once (a CJK face takes 30–80 ms to open).
 */
export function createFontProvider(sources: readonly FontSource[]): FontProvider {
  let opened: { registry: FontRegistry; listing: FontFaceInfo[] } | undefined;
  const open = () => (opened ??= openSources(sources));
  return {
    registry: () => open().registry,
    faces: () => open().listing.map((f) => ({ ...f, label: open().registry.familyLabel(f.family) })),
    bytes: (id) => open().registry.faceById(id)?.bytes,
    problems: () => sources.flatMap((s) => s.problems?.() ?? []),
  };
}

/** The registry (faces opened now, and on-demand ones listed) and the list of every face, in source order. */
function openSources(sources: readonly FontSource[]): { registry: FontRegistry; listing: FontFaceInfo[] } {
  const all = uniqueFaces(sources);
  const registry = registryFrom(opened(all));
  for (const { face } of all) {
    if (face.onDemand) registry.addOnDemandFace({ id: face.id, family: face.family, bold: face.bold, label: face.label, open: () => collectionFace(face.bytes(), face.index) });
  }
  const listing = all.map(({ face }): FontFaceInfo => {
    const postscriptName = face.onDemand?.postscriptName ?? registry.faceById(face.id)!.postscriptName;
    return { id: face.id, family: face.family, bold: face.bold, postscriptName, label: registry.familyLabel(face.family), ...(face.onDemand ? { onDemand: true as const } : {}) };
  });
  return { registry, listing };
}

/** Every source's faces, each id once (the earliest source's). */
function uniqueFaces(sources: readonly FontSource[]): { face: SourceFace; from: FamilyLabel }[] {
  const seen = new Set<string>();
  const all: { face: SourceFace; from: FamilyLabel }[] = [];
  for (const source of sources) {
    for (const face of source.faces()) {
      if (seen.has(face.id)) continue;
      seen.add(face.id);
      all.push({ face, from: source.name });
    }
  }
  return all;
}

/** The faces opened now, one at a time: a collection file (20–30 MB for a CJK one) is read, its face kept, and the file let go before the next is read. */
function* opened(all: { face: SourceFace; from: FamilyLabel }[]): Generator<LoadedFace> {
  for (const { face, from } of all) {
    if (!face.onDemand) yield { info: { id: face.id, family: face.family, bold: face.bold, label: face.label }, bytes: face.bytes(), index: face.index, from };
  }
}
