import * as fontkit from 'fontkit';
import { isCollection } from './collection';
import { checkGlyphTables } from './sfnt-check';
import { FontInfoError } from './sfnt-info';

/**
 * 加粗 (synthetic bold), as 方正飞腾 does: a bold asked of a family that has only a regular face is
 * that face with its glyph outlines also stroked, this wide in em (half of it outside the outline).
 * The advances stay the regular's, so lines break the same whether the stroke is drawn or not.
 */
export const SYNTHETIC_BOLD_STROKE = 0.03;

/** A synthetic bold's id is its regular's with this after it. */
const SYNTHETIC_BOLD_ID = '+synthetic-bold';

/** Glyph facts the typesetter needs, in em (1 = the font size). */
export interface GlyphMetrics {
  advance: number;
  inkLeft: number;
  inkRight: number;
}

/** fontkit's decoded hmtx table: one entry per glyph up to numberOfHMetrics, the last advance repeating after. */
interface HorizontalMetrics {
  metrics: { length: number; get(index: number): { advance: number } | undefined };
}

/**
 * One font face, opened from its bytes. Advances are cached per code point because the
 * typesetter asks for the same few thousand characters on every relayout.
 */
export class FontFace {
  readonly postscriptName: string;
  /** The family name the font file gives itself (its name table), e.g. 'Noto Serif SC'. */
  readonly familyName: string;
  readonly unitsPerEm: number;
  /** Baseline position inside the ideographic em box, from its top, in em. */
  readonly emBoxAscent: number;
  /** Set on a synthetic bold (加粗): the regular face whose outlines it strokes (see `emboldened`). */
  readonly emboldens?: FontFace;
  private readonly font: fontkit.Font;
  private readonly bmpAdvance = new Float32Array(0x10000).fill(-1);
  private readonly astralAdvance = new Map<number, number>();

  constructor(
    readonly id: string,
    readonly family: string,
    readonly bold: boolean,
    readonly bytes: Uint8Array,
  ) {
    if (isCollection(bytes)) throw new Error('font collections must be split into faces before registering');
    checkGlyphTables(bytes);
    const opened = fontkit.create(bytes as never);
    if (!('glyphForCodePoint' in opened)) throw new Error('font collections must be split into faces before registering');
    this.font = opened as fontkit.Font;
    checkDecoded(this.font);
    this.postscriptName = this.font.postscriptName;
    this.familyName = this.font.familyName || this.postscriptName;
    this.unitsPerEm = this.font.unitsPerEm;
    const os2 = (this.font as unknown as { 'OS/2'?: { typoAscender: number; typoDescender: number } })['OS/2'];
    // CJK fonts put the em box between typoAscender and typoDescender (880/-120 for Noto CJK).
    const span = os2 ? os2.typoAscender - os2.typoDescender : 0;
    this.emBoxAscent = os2 && Math.abs(span - this.unitsPerEm) < this.unitsPerEm * 0.05 ? os2.typoAscender / this.unitsPerEm : 0.88;
  }

  /**
   * This regular face as a synthetic bold: its own id, `bold`, and `emboldens` naming this face.
   * It shares the opened font and the advance caches (the advances are the same), so asking for
   * it costs no second parse of a CJK font.
   */
  emboldened(): FontFace {
    const face = Object.create(FontFace.prototype) as FontFace;
    return Object.assign(face, this, { id: `${this.id}${SYNTHETIC_BOLD_ID}`, bold: true, emboldens: this });
  }

  hasGlyph(cp: number): boolean {
    return this.font.hasGlyphForCodePoint(cp);
  }

  /** Advance width in em; NaN when the face has no glyph for the code point. */
  advance(cp: number): number {
    if (cp < 0x10000) {
      const cached = this.bmpAdvance[cp];
      if (cached !== -1) return cached;
      // The cache's 32-bit float, the first time too: a later call returns the very same number.
      this.bmpAdvance[cp] = this.measure(cp);
      return this.bmpAdvance[cp];
    }
    let value = this.astralAdvance.get(cp);
    if (value === undefined) {
      value = this.measure(cp);
      this.astralAdvance.set(cp, value);
    }
    return value;
  }

  metrics(cp: number): GlyphMetrics | undefined {
    if (!this.hasGlyph(cp)) return undefined;
    const g = this.font.glyphForCodePoint(cp);
    const bbox = inkBox(g);
    const upem = this.unitsPerEm;
    const finite = Number.isFinite(bbox.minX) && Number.isFinite(bbox.maxX);
    return { advance: g.advanceWidth / upem, inkLeft: finite ? bbox.minX / upem : 0, inkRight: finite ? bbox.maxX / upem : 0 };
  }

  glyphId(cp: number): number {
    return this.font.glyphForCodePoint(cp).id;
  }

  private measure(cp: number): number {
    if (!this.font.hasGlyphForCodePoint(cp)) return Number.NaN;
    const glyph = this.font.glyphForCodePoint(cp);
    // A glyph's advanceWidth also works out its vertical metrics, which for a CJK font without a
    // vmtx table means decoding the outline for its box: most of the page's first layout. The
    // advance is the hmtx entry (as fontkit reads it) unless a variable font adjusts it.
    const hmtx = this.horizontalMetrics();
    if (!hmtx) return glyph.advanceWidth / this.unitsPerEm;
    const { metrics } = hmtx;
    const entry = metrics.get(Math.min(glyph.id, metrics.length - 1));
    return (entry ? entry.advance : 0) / this.unitsPerEm;
  }

  private hmtx: HorizontalMetrics | null | undefined;

  /** The hmtx table, or null for a variable font (its advances vary; fontkit works them out per glyph). */
  private horizontalMetrics(): HorizontalMetrics | null {
    if (this.hmtx === undefined) {
      const font = this.font as unknown as { directory: { tables: Record<string, unknown> }; hmtx?: HorizontalMetrics };
      this.hmtx = font.directory.tables.fvar || !font.hmtx ? null : font.hmtx;
    }
    return this.hmtx;
  }
}

/**
 * fontkit decodes a table when first asked and answers undefined for one it cannot decode, which a
 * layout then meets as a TypeError: the small tables every lookup needs are decoded here, when the
 * face is opened, and a character looked up, so a damaged one is named at once. (hmtx and loca
 * agree with the other tables, checkGlyphTables; outlines are decoded only for ink edges, `metrics`,
 * and the PDF writer reads them itself: decoding a CJK CFF table here would cost ~40 ms a face.)
 */
function checkDecoded(font: fontkit.Font): void {
  const tables = font as unknown as Record<string, unknown> & { directory: { tables: Record<string, unknown> } };
  for (const tag of ['head', 'hhea', 'maxp', 'cmap', 'name']) {
    if (tag in tables.directory.tables && tables[tag] === undefined) throw new FontInfoError(`${tag.trim()} 表已损坏（无法读取）`, `has a damaged ${tag.trim()} table (it cannot be read)`);
  }
  try {
    font.hasGlyphForCodePoint(0x6c38); // 永
  } catch {
    throw new FontInfoError('cmap 表已损坏（查不了字）', 'has a damaged cmap table (characters cannot be looked up)');
  }
  if (!font.postscriptName) throw new FontInfoError('name 表里没有 PostScript 名', 'has no PostScript name in its name table');
}

/** A glyph's ink box; none (NaN) when its outline cannot be decoded: layout goes on, and the PDF writer, which reads outlines itself, names the damage. */
function inkBox(glyph: fontkit.Glyph): { minX: number; maxX: number } {
  try {
    return glyph.bbox;
  } catch {
    return { minX: Number.NaN, maxX: Number.NaN };
  }
}

/** What a glyph run draws for a face at a size: the face whose outlines it uses and, for a synthetic bold, the stroke width in pt. */
export function drawnFace(face: FontFace, size: number): { face: string; boldStroke?: number } {
  return face.emboldens ? { face: face.emboldens.id, boldStroke: SYNTHETIC_BOLD_STROKE * size } : { face: face.id };
}

/** What a family is called in the face picker and in messages: the newsroom name and the English one. */
export interface FamilyLabel {
  zh: string;
  en: string;
  /** A family with no Chinese characters (no CJK ideograph in its cmap, e.g. DejaVu): the picker lists it apart, and it is given no role. */
  noChinese?: true;
}

export interface FaceRequest {
  family: string;
  bold: boolean;
}

/** A face listed but not opened yet: `open` gives its bytes (a single face), or undefined while they are not at hand (the renderer fetches them from its host). */
export interface OnDemandFace {
  id: string;
  family: string;
  bold: boolean;
  label?: FamilyLabel;
  open(): Uint8Array | undefined;
}

/**
 * The fonts a layout may use, registered from bytes so a newsroom can add its own licensed faces.
 * Families are looked up by key ('song', 'hei', …); a missing bold falls back to the regular of the
 * family drawn as a synthetic bold (`SYNTHETIC_BOLD_STROKE`), a missing family to the role it stands
 * in for (`substitute`) or the default family, and a missing glyph to the fallback chain. Faces added on demand (installed fonts, hundreds of them) are
 * opened when a style first uses one (or names one in its own fallback chain), never for the bundled chain.
 */
export class FontRegistry {
  private readonly faces = new Map<string, FontFace>();
  private readonly onDemand = new Map<string, OnDemandFace>();
  /** On-demand faces whose bytes are not a font: left out (their family falls back), with why. */
  private readonly unopenable = new Map<string, string>();
  private readonly byFamily = new Map<string, { regular?: string; bold?: string }>();
  private readonly resolved = new Map<string, FontFace>();
  /** Synthetic bolds made so far, by their own id (one object per regular face, so runs split only where the face changes). */
  private readonly synthetic = new Map<string, FontFace>();
  private readonly labels = new Map<string, FamilyLabel>();
  private readonly substitutes = new Map<string, string>();
  /** Roles drawn in another family's face (drawRole). */
  private readonly roleFamilies = new Map<string, string>();
  private readonly onDemandFamilies = new Set<string>();
  /** Faces of the bundled chain listed before their bytes are here (`addPendingFace`). */
  private readonly pending = new Set<string>();
  /** Listed faces a lookup needed while their bytes were not at hand (`wantedFaces`). */
  private readonly wanted = new Set<string>();
  /** Faces some lookup stood in for while their bytes were not at hand (kept through `clearWanted`). */
  private readonly stoodIn = new Set<string>();
  /** Goes up each time a face arrives that a lookup stood in for meanwhile: what was composed with a stand-in is to be composed again. */
  generation = 0;
  /** Families tried, in order, for a glyph the requested face lacks. */
  fallbackFamilies: string[] = [];
  defaultFamily = 'song';

  /** `label` names the family in the face picker; without one the family is called what its first file calls itself. */
  addFace(bytes: Uint8Array, family: string, bold: boolean, id = `${family}-${bold ? 'bold' : 'regular'}`, label?: FamilyLabel): FontFace {
    const face = new FontFace(id, family, bold, bytes);
    if (label) this.labels.set(family, label);
    else if (!this.labels.has(family)) this.labels.set(family, { zh: face.familyName, en: face.familyName });
    this.faces.set(id, face);
    this.place(id, family, bold);
    if (!this.fallbackFamilies.includes(family)) this.fallbackFamilies.push(family);
    return face;
  }

  /** A face listed now and opened when first asked for; not part of the fallback chain. */
  addOnDemandFace(face: OnDemandFace): void {
    if (this.faces.has(face.id) || this.onDemand.has(face.id)) return;
    // A face opened at the start keeps its family's weight: a later, on-demand source does not replace it.
    if (this.byFamily.get(face.family)?.[face.bold ? 'bold' : 'regular']) return;
    this.onDemand.set(face.id, face);
    if (!this.byFamily.has(face.family)) this.onDemandFamilies.add(face.family);
    if (!this.labels.has(face.family)) this.labels.set(face.family, face.label ?? { zh: face.family, en: face.family });
    this.place(face.id, face.family, face.bold);
  }

  /**
   * A face of the bundled chain whose bytes come later (the renderer fetches only what a page needs
   * before it is shown): it takes its place in its family and in the fallback chain as `addFace`
   * would, and is opened once `open` gives its bytes. Until then a lookup that reaches it notes it
   * in `wantedFaces` and goes on, so a layout made meanwhile is to be made again once it is here.
   */
  addPendingFace(face: OnDemandFace): void {
    if (this.faces.has(face.id)) return;
    this.onDemand.set(face.id, face);
    this.pending.add(face.id);
    if (face.label) this.labels.set(face.family, face.label);
    else if (!this.labels.has(face.family)) this.labels.set(face.family, { zh: face.family, en: face.family });
    this.place(face.id, face.family, face.bold);
    if (!this.fallbackFamilies.includes(face.family)) this.fallbackFamilies.push(face.family);
  }

  /** Whether a face of the bundled chain is listed and not opened yet (`addPendingFace`). */
  isPending(id: string): boolean {
    return this.pending.has(id);
  }

  /** The listed faces a lookup needed while their bytes were not at hand, since the last `clearWanted`. */
  wantedFaces(): string[] {
    return [...this.wanted].filter((id) => this.onDemand.has(id));
  }

  clearWanted(): void {
    this.wanted.clear();
  }

  private place(id: string, family: string, bold: boolean): void {
    const entry = this.byFamily.get(family) ?? {};
    entry[bold ? 'bold' : 'regular'] = id;
    this.byFamily.set(family, entry);
    this.resolved.clear();
  }

  /** Where a family is missing, the role (a family key) whose face draws it instead. */
  substitute(family: string, role: string): void {
    if (this.substitutes.get(family) === role) return;
    this.substitutes.set(family, role);
    this.resolved.clear();
  }

  /**
   * A role drawn in another family's face (`--font hei=FILE`): every request for the role gets that
   * family's face, a named style's and a fixed one's alike (the 栏头, set in bold 黑), so the
   * override reaches what no page style names.
   */
  drawRole(role: string, family: string): void {
    if (this.roleFamilies.get(role) === family) return;
    this.roleFamilies.set(role, family);
    this.resolved.clear();
  }

  faceById(id: string): FontFace | undefined {
    return this.faces.get(id) ?? this.synthetic.get(id) ?? this.openOnDemand(id);
  }

  /** The face as asked: a regular face where a bold is asked for becomes its synthetic bold. */
  private weighted(face: FontFace | undefined, bold: boolean): FontFace | undefined {
    if (!face || !bold || face.bold) return face;
    const id = `${face.id}${SYNTHETIC_BOLD_ID}`;
    let made = this.synthetic.get(id);
    if (!made) this.synthetic.set(id, (made = face.emboldened()));
    return made;
  }

  /** Opens an on-demand face; undefined while its bytes are not at hand, or when they are not a font (kept in `unopenable`). */
  private openOnDemand(id: string): FontFace | undefined {
    const pending = this.onDemand.get(id);
    if (!pending || this.unopenable.has(id)) return undefined;
    try {
      // Reading may fail too (a file removed or damaged since it was listed).
      const bytes = pending.open();
      if (!bytes) {
        this.wanted.add(id);
        this.stoodIn.add(id);
        return undefined;
      }
      const face = new FontFace(id, pending.family, pending.bold, bytes);
      this.faces.set(id, face);
      this.onDemand.delete(id);
      this.pending.delete(id);
      this.wanted.delete(id);
      if (this.stoodIn.delete(id)) this.generation++;
      // A family resolved to a stand-in while this face was away resolves to it now.
      this.resolved.clear();
      return face;
    } catch (e) {
      this.unopenable.set(id, e instanceof Error ? e.message : String(e));
      return undefined;
    }
  }

  /** Faces opened so far (an on-demand face once something used it). */
  allFaces(): FontFace[] {
    return [...this.faces.values()];
  }

  /** On-demand faces that could not be opened, with why: for the host to name them. */
  unopenableFaces(): { id: string; why: string }[] {
    return [...this.unopenable].map(([id, why]) => ({ id, why }));
  }

  /** The families registered, in the order their first face came, with their labels: what a face picker lists. */
  families(): { family: string; label: FamilyLabel }[] {
    return [...this.byFamily.keys()].map((family) => ({ family, label: this.familyLabel(family) }));
  }

  /** A registered family's label; an unknown family is called by its key. */
  familyLabel(family: string): FamilyLabel {
    return this.labels.get(family) ?? { zh: family, en: family };
  }

  hasFamily(family: string): boolean {
    return this.byFamily.has(family);
  }

  /** The face for a style, with the weight, family and substitute fallbacks described above. */
  face(req: FaceRequest): FontFace {
    const drawnIn = this.roleFamilies.get(req.family);
    if (drawnIn !== undefined && drawnIn !== req.family) return this.face({ family: drawnIn, bold: req.bold });
    const key = `${req.family}\u0000${req.bold}`;
    const hit = this.resolved.get(key);
    if (hit) return hit;
    const substitute = this.substitutes.get(req.family);
    for (const family of [req.family, ...(substitute ? [substitute] : []), this.defaultFamily, ...this.byFamily.keys()]) {
      const face = this.weightOf(family, req.bold);
      if (!face) continue;
      // A stand-in (another family, or a synthetic bold) is not remembered while the family's own face
      // is on its way (the renderer fetches it): the next layout may have it.
      const standIn = face.family !== req.family || face.bold !== req.bold || face.emboldens !== undefined;
      if (!standIn || !this.awaiting(req.family)) this.resolved.set(key, face);
      return face;
    }
    throw new Error('no fonts are registered');
  }

  private awaiting(family: string): boolean {
    const entry = this.byFamily.get(family);
    return !!entry && [entry.regular, entry.bold].some((id) => id !== undefined && this.onDemand.has(id) && !this.unopenable.has(id));
  }

  /** Whether a family came on demand (an installed font) rather than opened at the start (a bundled role). */
  isOnDemandFamily(family: string): boolean {
    return this.onDemandFamilies.has(family);
  }

  /**
   * The id of a family's face of that weight (or its other weight), opened or not; for a missing
   * family, its stand-in's (`substitute`); undefined for an unknown family with none.
   */
  faceIdOf(family: string, bold: boolean): string | undefined {
    const substitute = this.byFamily.has(family) ? undefined : this.substitutes.get(family);
    return this.idOf(substitute ?? family, bold);
  }

  private idOf(family: string, bold: boolean): string | undefined {
    const entry = this.byFamily.get(family);
    return entry && (bold ? entry.bold ?? entry.regular : entry.regular ?? entry.bold);
  }

  /** The family's face of the weight (or its other weight), opening an on-demand one; undefined when it has none at hand. */
  private weightOf(family: string, bold: boolean): FontFace | undefined {
    const entry = this.byFamily.get(family);
    if (!entry) return undefined;
    const [first, second] = bold ? [entry.bold, entry.regular] : [entry.regular, entry.bold];
    return this.weighted((first && this.faceById(first)) || (second && this.faceById(second)) || undefined, bold);
  }

  /**
   * The first face that has the glyph: of the style's own chain (`chain`, family keys; an installed
   * face it names is opened, as the style asked for it), then of the bundled chain (opened faces
   * only); undefined when none has it.
   */
  fallbackFor(cp: number, primary: FontFace, chain: readonly string[] = []): FontFace | undefined {
    for (const family of chain) {
      if (family === primary.family) continue;
      const face = this.weightOf(family, primary.bold);
      if (face?.hasGlyph(cp)) return face;
    }
    for (const family of this.fallbackFamilies) {
      if (family === primary.family) continue;
      const id = this.idOf(family, primary.bold);
      // A pending bundled face is opened; one not here yet ends the search (noted as wanted, its
      // answer is to be had once it comes); an installed one is not opened for the chain.
      if (id && this.pending.has(id) && !this.faceById(id)) return undefined;
      const face = this.weighted(id ? this.faces.get(id) : undefined, primary.bold);
      if (face?.hasGlyph(cp)) return face;
    }
    return undefined;
  }
}
