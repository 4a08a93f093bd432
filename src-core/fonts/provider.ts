import { collectionFace } from './collection';
import { FontRegistry, type FamilyLabel } from './registry';

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
}

/** A set of faces from one place (the bundled set, a folder of installed fonts, a licensed set). */
export interface FontSource {
  /** For messages: which source a face that cannot be opened came from. */
  name: FamilyLabel;
  faces(): readonly SourceFace[];
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
}

export interface FontProvider {
  /** Every face of every source, opened once: what layout, export and preflight measure with. */
  registry(): FontRegistry;
  faces(): FontFaceInfo[];
  /** The bytes of one face (the very file the registry measured), or undefined for an unknown id. */
  bytes(id: string): Uint8Array | undefined;
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
      const why = e instanceof Error ? e.message : String(e);
      throw new FontOpenError(`${from ? `字体来源“${from.zh}”中的` : ''}字体 ${info.id} 无法打开：${why}`, `Font ${info.id}${from ? ` from ${from.en}` : ''} cannot be opened: ${why}`);
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
  let opened: FontRegistry | undefined;
  const registry = (): FontRegistry => (opened ??= registryFrom(collect(sources)));
  return {
    registry,
    faces: () => registry().allFaces().map((f) => ({ id: f.id, family: f.family, bold: f.bold, postscriptName: f.postscriptName, label: registry().familyLabel(f.family) })),
    bytes: (id) => registry().faceById(id)?.bytes,
  };
}

/** One face at a time: a collection file (20–30 MB for a CJK one) is read, its face kept, and the file let go before the next is read. */
function* collect(sources: readonly FontSource[]): Generator<LoadedFace> {
  const seen = new Set<string>();
  for (const source of sources) {
    for (const face of source.faces()) {
      if (seen.has(face.id)) continue;
      seen.add(face.id);
      yield { info: { id: face.id, family: face.family, bold: face.bold, label: face.label }, bytes: face.bytes(), index: face.index, from: source.name };
    }
  }
}
