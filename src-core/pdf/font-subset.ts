import type { FontFace } from '../fonts/registry';
import { subsetCff } from './cff';
import { readTrueType, subsetTrueType, type TrueTypeInfo } from './truetype';

/**
 * One face as the page uses it: every distinct code point gets its own CID (1, 2, …) in order of
 * first use, so ToUnicode gives back exactly the character the layout drew even when two code
 * points share a glyph. CIDToGIDMap maps each CID to the glyph of the subset.
 */
export class FaceUse {
  private readonly cidOf = new Map<number, number>();
  /** Code point of each CID (index 0 unused: CID 0 is .notdef). */
  readonly cps: number[] = [0];
  /** Original glyph id of each CID. */
  readonly gids: number[] = [0];
  /** Advance of each CID in 1/1000 em, as written to the W array and used for positioning. */
  readonly widths: number[] = [0];
  /** Code points the face has no glyph for (drawn as .notdef). */
  readonly missing = new Set<number>();

  constructor(
    readonly face: FontFace,
    readonly resourceName: string,
    readonly info: TrueTypeInfo = readTrueType(face.bytes),
  ) {}

  /** The CID for a code point, registering it on first use. */
  cid(cp: number): number {
    let cid = this.cidOf.get(cp);
    if (cid !== undefined) return cid;
    cid = this.cps.length;
    this.cidOf.set(cp, cid);
    this.cps.push(cp);
    const has = this.face.hasGlyph(cp);
    if (!has) this.missing.add(cp);
    this.gids.push(has ? this.face.glyphId(cp) : 0);
    // Three decimals are exact for 1000 and 2048 unit fonts alike at any size that matters.
    this.widths.push(has ? Math.round(this.face.advance(cp) * 1e6) / 1e3 : 0);
    return cid;
  }

  get used(): number {
    return this.cps.length - 1;
  }
}

export interface EmbeddedSubset {
  /** e.g. ABCDEF+NotoSerifSC-Regular */
  baseFont: string;
  /**
   * 'truetype': an sfnt for FontFile2 under a CIDFontType2 with `cidToGid`; 'cff': a CID-keyed CFF
   * for FontFile3 /CIDFontType0C under a CIDFontType0, whose charset maps CID i to glyph i.
   */
  kind: 'truetype' | 'cff';
  fontFile: Uint8Array;
  /** CIDToGIDMap stream: two bytes per CID ('truetype' only). */
  cidToGid?: Uint8Array;
  /** W array: [1 [w1 w2 …]] */
  w: (number | number[])[];
  toUnicode: string;
}

/**
 * The six capital letters of a subset tag (ISO 32000-1 §9.6.4), derived from the face and the
 * glyphs used so the same page gives the same PDF and different subsets different names.
 */
export function subsetTag(name: string, gids: readonly number[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const mix = (v: number): void => {
    h1 = Math.imul(h1 ^ v, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ (v + 0x9e3779b9), 0x85ebca6b) >>> 0;
  };
  for (let i = 0; i < name.length; i++) mix(name.charCodeAt(i));
  for (const g of gids) mix(g);
  let tag = '';
  let a = h1;
  let b = h2;
  for (let i = 0; i < 6; i++) {
    const v = i < 3 ? a : b;
    tag += String.fromCharCode(65 + (v % 26));
    if (i < 3) a = Math.floor(a / 26);
    else b = Math.floor(b / 26);
  }
  return tag;
}

/** A code point as UTF-16 hex (a surrogate pair above the BMP): ToUnicode's, and ActualText's in the content stream. */
export function utf16Hex(cp: number): string {
  const hex4 = (v: number): string => v.toString(16).toUpperCase().padStart(4, '0');
  if (cp < 0x10000) return hex4(cp);
  const v = cp - 0x10000;
  return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
}

/** A ToUnicode CMap (Adobe technical note #5411) mapping each CID back to its code point. */
export function toUnicodeCMap(cps: readonly number[]): string {
  const lines: string[] = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
  ];
  for (let start = 1; start < cps.length; start += 100) {
    const end = Math.min(cps.length, start + 100);
    lines.push(`${end - start} beginbfchar`);
    for (let cid = start; cid < end; cid++) lines.push(`<${cid.toString(16).toUpperCase().padStart(4, '0')}> <${utf16Hex(cps[cid])}>`);
    lines.push('endbfchar');
  }
  lines.push('endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end');
  return lines.join('\n');
}

export function embedSubset(use: FaceUse): EmbeddedSubset {
  const baseFont = `${subsetTag(use.face.postscriptName, use.gids)}+${use.face.postscriptName}`;
  const common = { baseFont, w: [1, use.widths.slice(1)], toUnicode: toUnicodeCMap(use.cps) };
  if (use.info.outlines === 'CFF ') {
    const table = use.info.tables.get('CFF ')!;
    return { ...common, kind: 'cff', fontFile: subsetCff(use.face.bytes.subarray(table.offset, table.offset + table.length), use.gids) };
  }
  const subset = subsetTrueType(use.face.bytes, use.gids);
  const cidToGid = new Uint8Array(2 * use.cps.length);
  for (let cid = 1; cid < use.cps.length; cid++) {
    const g = subset.newGid.get(use.gids[cid]) ?? 0;
    cidToGid[2 * cid] = g >> 8;
    cidToGid[2 * cid + 1] = g & 255;
  }
  return { ...common, kind: 'truetype', fontFile: subset.bytes, cidToGid };
}
