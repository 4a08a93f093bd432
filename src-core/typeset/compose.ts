import type { FontFace, FontRegistry } from '../fonts/registry';
import type { TextStyle } from '../model/document';
import { BREAK_ALLOWED, BREAK_MANDATORY, breakOpportunities } from './linebreak/index';
import { ELLIPSIS, EM_DASH, PunctClass, isHan, isLatinish, isSpace, punctClass } from './chars';
import { isLoneCharacterLine } from './lone';
import { OwnArrays, ScratchArrays } from './scratch';
import { wordInteriors } from './words';

/** A stretch of paragraph text in one style; `tag` comes back on every glyph so layout can map it to its source. */
export interface StyledRun {
  text: string;
  style: TextStyle;
  tag: number;
}

export interface ComposeOptions {
  width: number;
  /** First-line indent in em of the first run's size. */
  indent: number;
  align: TextStyle['align'];
  hanLatinSpace: number;
  maxExpansion: number;
  compressLineStartOpening: boolean;
  compressLineEndClosing: boolean;
  /** Tracking added to every character, em (negative tightens). */
  tracking?: number;
  /** Set a paragraph again when its last line would hold a single Han character (孤字). */
  avoidLoneCharacter?: boolean;
  /** Most tracking a paragraph may be tightened by to bring a lone character back, em per character (default 0.05). */
  tightenLimit?: number;
}

/** Why a line ended where it did, for the typographic report. */
export const enum KinsokuResolution {
  None = 0,
  Squeeze = 1,
  Push = 2,
}

export interface ComposedLine {
  start: number;
  end: number;
  /** Natural width of the content, before justification, pt. */
  naturalWidth: number;
  /** Inter-character expansion of a justified line, em of the body size. */
  expansion: number;
  kinsoku: KinsokuResolution;
  /** Punctuation blanks removed on this line (pair, edge and squeeze). */
  compressions: number;
  /** Tracking tightened between characters to bring a lone character back, em. */
  tightening: number;
  last: boolean;
  emergency: boolean;
}

export interface MissingGlyph {
  cp: number;
  face: string;
  /** The fallback face that draws it (生僻字 the chosen face lacks); absent: no face has it. */
  via?: string;
}

/**
 * A composed paragraph: per character (code point) arrays, and the lines over them. x positions
 * are relative to the line's left edge; every line has the same width.
 */
export interface ComposedParagraph {
  length: number;
  cps: Uint32Array;
  faces: FontFace[];
  sizes: Float64Array;
  /** Where each glyph is drawn, pt from its line's left edge. */
  xs: Float64Array;
  /** Horizontal scale of the glyph (1 except for dashes stretched to join). */
  hScale: Float64Array;
  tags: Int32Array;
  /** UTF-16 offset of the character within its run's text. */
  offsets: Int32Array;
  lines: ComposedLine[];
  /** Characters no face has. */
  missing: MissingGlyph[];
  /** Characters (生僻字) the style's face lacks, drawn from a fallback face (`via`). */
  fallbacks: MissingGlyph[];
  lineWidth: number;
}

const NO_BREAK = 0;

const scratch = new ScratchArrays();
/** Slots of the scratch arrays, one per working array (see scratch.ts). */
const enum F64 { Adv, DrawDx, Gap, GapShrink, BlankL, BlankR, PairL, PairR, W, S, T, Best }
const enum U8 { Brk, Cls, Space, Stretchable, Emergency, Units }
const enum I32 { G, Prev, Candidates, All }
/** How many working arrays `prepare` asks for of each kind (f64: adv to pairR; u8: brk, cls, space, stretchable). */
const OWN_F64 = 8;
const OWN_U8 = 4;

interface Prepared {
  n: number;
  cps: Uint32Array;
  faces: FontFace[];
  sizes: Float64Array;
  tags: Int32Array;
  offsets: Int32Array;
  adv: Float64Array;
  /** Offset of the glyph inside its cell (centred middle dots, shifted opening marks). */
  drawDx: Float64Array;
  hScale: Float64Array;
  /** Where each glyph is drawn (placeLine fills it). */
  xs: Float64Array;
  /** Space after the character when it is not the last on its line: Han–Latin spacing, tracking. */
  gap: Float64Array;
  gapShrink: Float64Array;
  /** Blank halves still compressible (squeeze) on each side. */
  blankL: Float64Array;
  blankR: Float64Array;
  /** Compression already applied between adjacent punctuation, on each side. */
  pairL: Float64Array;
  pairR: Float64Array;
  cls: Uint8Array;
  space: Uint8Array;
  /** Break allowed before character i (i in 1..n-1), from the clreq-tailored UAX #14 breaker. */
  brk: Uint8Array;
  /** Justification may add space after character i. */
  stretchable: Uint8Array;
  missing: MissingGlyph[];
  fallbacks: MissingGlyph[];
  /** A prepared text's room for its first untracked sums (`untrackedBytes`), in the allocation of its working arrays. */
  room: OwnArrays | undefined;
}

/** Bytes of a prepared text's untracked sums (S and T, G and the candidates) for n characters, its alignment after bytes included. */
function untrackedBytes(n: number): number {
  return (n + 1) * (2 * 8 + 2 * 4) + 8;
}

// Long on purpose: one pass per code point filling the typed arrays of Prepared (hot: every paragraph set); the steps share the running face, size and punctuation state.
// `own`: its working arrays are its own (kept by a prepared text), not the scratch ones.
function prepare(runs: StyledRun[], registry: FontRegistry, opts: ComposeOptions, own = false): Prepared {
  let text = '';
  for (const r of runs) text += r.text;
  const unitBreaks = breakOpportunities(text, 'clreq', scratch.u8(U8.Units, text.length + 1));
  const cap = text.length;
  // its own working arrays (8 of doubles, 4 of bytes, at most `cap` long) and its untracked sums' room in one allocation (+8: the doubles' alignment after brk)
  const mine = own ? new OwnArrays(cap * (OWN_F64 * 8 + OWN_U8) + 8 + untrackedBytes(cap)) : undefined;
  const f64 = (slot: F64, length: number): Float64Array => (mine ? mine.f64(length) : scratch.f64(slot, length));
  const u8 = (slot: U8, length: number): Uint8Array => (mine ? mine.u8(length) : scratch.u8(slot, length));
  // What the composed paragraph keeps, in one allocation (a typed array of its own each cost as much as composing).
  const kept = new ArrayBuffer(cap * (3 * 8 + 3 * 4));
  const sizes = new Float64Array(kept, 0, cap);
  const scales = new Float64Array(kept, cap * 8, cap);
  const positions = new Float64Array(kept, cap * 16, cap);
  const cps = new Uint32Array(kept, cap * 24, cap);
  const tags = new Int32Array(kept, cap * 28, cap);
  const offsets = new Int32Array(kept, cap * 32, cap);
  const faces: FontFace[] = new Array(cap);
  const brk = u8(U8.Brk, cap);
  const missing: MissingGlyph[] = [];
  const fallbacks: MissingGlyph[] = [];
  let unit = 0;
  let n = 0;
  for (const run of runs) {
    const primary = registry.face({ family: run.style.family, bold: run.style.bold });
    const runText = run.text;
    for (let k = 0; k < runText.length; ) {
      const cp = runText.codePointAt(k)!;
      let face = primary;
      // advance() is cached per code point and NaN for a glyph the face lacks.
      if (Number.isNaN(primary.advance(cp)) && !isSpace(cp)) {
        const fb = registry.fallbackFor(cp, primary, run.style.fallback);
        if (fb) face = fb;
        if (fb) fallbacks.push({ cp, face: primary.id, via: fb.id });
        else missing.push({ cp, face: primary.id });
      }
      cps[n] = cp;
      faces[n] = face;
      sizes[n] = run.style.size;
      tags[n] = run.tag;
      offsets[n] = k;
      brk[n] = unitBreaks[unit];
      n++;
      const w = cp > 0xffff ? 2 : 1;
      k += w;
      unit += w;
    }
  }
  faces.length = n;
  const p: Prepared = {
    n,
    cps: cps.subarray(0, n),
    faces,
    sizes: sizes.subarray(0, n),
    tags: tags.subarray(0, n),
    offsets: offsets.subarray(0, n),
    adv: f64(F64.Adv, n),
    drawDx: f64(F64.DrawDx, n),
    hScale: scales.subarray(0, n).fill(1),
    xs: positions.subarray(0, n),
    gap: f64(F64.Gap, n),
    gapShrink: f64(F64.GapShrink, n),
    blankL: f64(F64.BlankL, n),
    blankR: f64(F64.BlankR, n),
    pairL: f64(F64.PairL, n),
    pairR: f64(F64.PairR, n),
    cls: u8(U8.Cls, n),
    space: u8(U8.Space, n),
    brk: brk.subarray(0, n),
    stretchable: u8(U8.Stretchable, n),
    missing,
    fallbacks,
    room: mine,
  };
  const tracking = opts.tracking ?? 0;
  const { cps: cpOf, sizes: sizeOf, faces: faceOf, adv: advances, cls: classes, space, drawDx, hScale, blankL, blankR, gap, gapShrink, pairL, pairR, stretchable } = p;
  const brks = p.brk;
  for (let i = 0; i < n; i++) {
    const cp = cpOf[i];
    const size = sizeOf[i];
    const face = faceOf[i];
    let adv = face.advance(cp);
    const isSp = isSpace(cp);
    if (Number.isNaN(adv)) adv = isSp ? 0.25 : 1; // a .notdef box is one em
    if (cp === 0x3000) adv = 1;
    const cls = punctClass(cp);
    classes[i] = cls;
    if (isSp) space[i] = 1;
    if (cls === PunctClass.Middle) {
      // 间隔号: a full em with the dot centred, whatever the font's own advance.
      drawDx[i] = ((1 - adv) / 2) * size;
      adv = 1;
    } else if (cp === EM_DASH || cp === 0x2015) {
      // A Chinese dash fills its em so that ——  reads as one unbroken 2-em line.
      const m = face.metrics(cp);
      if (m && m.inkRight > m.inkLeft) {
        const scale = 1 / (m.inkRight - m.inkLeft);
        hScale[i] = scale;
        drawDx[i] = -m.inkLeft * scale * size;
      }
      adv = 1;
    } else if (cp === ELLIPSIS && adv < 1) {
      drawDx[i] = ((1 - adv) / 2) * size;
      adv = 1;
    }
    advances[i] = adv * size;
    if (cls === PunctClass.Opening && adv >= 0.99) blankL[i] = size / 2;
    else if (cls === PunctClass.Closing && adv >= 0.99) blankR[i] = size / 2;
    else if (cls === PunctClass.Middle) {
      blankL[i] = size / 4;
      blankR[i] = size / 4;
    }
    if (tracking !== 0) gap[i] += tracking * size;
  }
  const hanLatin = opts.hanLatinSpace;
  let kindA = n > 0 ? scriptKind(cpOf[0]) : 0;
  for (let i = 0; i + 1 < n; i++) {
    const kindB = scriptKind(cpOf[i + 1]);
    // ¼ em between Han and Latin letters or digits, unless the source already has a space there.
    if (kindA + kindB === HAN_LATIN) {
      const size = Math.max(sizeOf[i], sizeOf[i + 1]);
      gap[i] += hanLatin * size;
      gapShrink[i] += (hanLatin * size) / 2;
    }
    kindA = kindB;
    if (space[i]) gapShrink[i] += advances[i] / 3;
    // Adjacent punctuation: the first mark gives up its blank half, or else the second its left one.
    if (blankR[i] > 0 && classes[i + 1] !== PunctClass.None) {
      pairR[i] = blankR[i];
      blankR[i] = 0;
    } else if (classes[i] !== PunctClass.None && blankL[i + 1] > 0) {
      pairL[i + 1] = blankL[i + 1];
      blankL[i + 1] = 0;
    }
    const next = brks[i + 1];
    if (next === BREAK_ALLOWED || space[i] || (space[i + 1] && next !== BREAK_MANDATORY)) stretchable[i] = 1;
  }
  return p;
}

/**
 * What `prepare` reads from a paragraph's runs, kept (not scratch) so the same runs can be set again
 * with other tracking without reading them again: 拉行/缩行 tries each paragraph at up to five
 * trackings. Its `gap` is the Han–Latin spacing alone (prepared without tracking).
 */
export interface PreparedText {
  readonly hanLatinSpace: number;
  readonly prepared: Prepared;
  /** Its sums that tracking leaves alone, once the first setting has worked them out. */
  untracked?: Untracked;
}

/** What does not change with tracking: prefix sums of shrink, tightening and stretchable gaps, and where lines may break. */
interface Untracked {
  tightenLimit: number;
  S: Float64Array;
  T: Float64Array;
  G: Int32Array;
  /** Where a line may start or end: 0, the break opportunities, n. */
  candidates: Int32Array;
}

/** The prepared arrays' tracking-free sums; in `mine` (arrays of its own, kept with a prepared text), else scratch. */
function untracked(p: Prepared, tightenLimit: number, mine: OwnArrays | undefined): Untracked {
  const n = p.n;
  const S = mine ? mine.f64(n + 1) : scratch.f64(F64.S, n + 1);
  const T = mine ? mine.f64(n + 1) : scratch.f64(F64.T, n + 1);
  const G = mine ? mine.i32(n + 1) : scratch.i32(I32.G, n + 1);
  for (let i = 0; i < n; i++) {
    S[i + 1] = S[i] + p.blankL[i] + p.blankR[i] + p.gapShrink[i];
    T[i + 1] = T[i] + (p.space[i] ? 0 : tightenLimit * p.sizes[i]);
    G[i + 1] = G[i] + p.stretchable[i];
  }
  const at = mine ? mine.i32(n + 1) : scratch.i32(I32.Candidates, n + 1);
  let k = 1;
  for (let i = 1; i < n; i++) if (p.brk[i] !== NO_BREAK && !p.space[i]) at[k++] = i;
  at[k++] = n;
  return { tightenLimit, S, T, G, candidates: at.subarray(0, k) };
}

function untrackedOf(text: PreparedText, tightenLimit: number): Untracked {
  // the first sums in the room prepared for them; sums for another limit in an allocation of their own
  if (text.untracked?.tightenLimit !== tightenLimit) text.untracked = untracked(text.prepared, tightenLimit, text.untracked ? new OwnArrays(untrackedBytes(text.prepared.n)) : text.prepared.room);
  return text.untracked;
}

/** The runs prepared once, for `composeParagraph` to set at any tracking (`opts.hanLatinSpace` as given). */
export function prepareText(runs: StyledRun[], registry: FontRegistry, opts: ComposeOptions): PreparedText {
  const prepared = prepare(runs, registry, { ...opts, tracking: 0 }, true);
  // `untracked` present from the start: one object shape whether or not a setting has filled it
  return { hanLatinSpace: opts.hanLatinSpace, prepared, untracked: undefined };
}

/**
 * The prepared text at `opts.tracking`: the same arithmetic as `prepare` (tracking first, then the
 * Han–Latin space), so the paragraph is set to the same bits (`set` gives it glyph positions of its own).
 */
function retracked(text: PreparedText, opts: ComposeOptions): Prepared {
  const t = text.prepared;
  const tracking = opts.tracking ?? 0;
  const gap = tracking === 0 ? t.gap : scratch.f64(F64.Gap, t.n);
  if (tracking !== 0) for (let i = 0; i < t.n; i++) gap[i] = tracking * t.sizes[i] + t.gap[i];
  return { ...t, gap };
}

const KIND_HAN = 1;
const KIND_LATIN = 2;
/** A Han character beside a Latin letter or digit, in either order (kinds add up to 3). */
const HAN_LATIN = KIND_HAN + KIND_LATIN;

function scriptKind(cp: number): number {
  return isHan(cp) ? KIND_HAN : isLatinish(cp) ? KIND_LATIN : 0;
}

/** Demerits of a fitted line, TeX-style: squeezing punctuation is cheap, loose lines dear. */
function lineBadness(expansionRatio: number, squeezeRatio: number): number {
  if (squeezeRatio > 0) return 2 * squeezeRatio;
  return 100 * expansionRatio * expansionRatio * expansionRatio;
}

const LINE_PENALTY = 10;
const EMERGENCY_PENALTY = 1e6;
const LONE_CHARACTER_PENALTY = 1e5;
const SPACE_BREAK_BONUS = 2000;
/** A ragged line broken inside a word (名城减|污降碳): taken only when no whole-word break fits. */
const WORD_CUT_PENALTY = 1e5;
/** In the pass that brings a lone character back, one line fewer outweighs any squeeze. */
const PULL_BACK_LINE_PENALTY = 1000;

interface LineMeasure {
  natural: number;
  /** Compressible punctuation blanks and shrinkable glue. */
  shrink: number;
  /** Tracking that may be tightened (only in the lone-character pass). */
  tighten: number;
  gaps: number;
  fits: boolean;
  squeeze: number;
}

/** What measuring a paragraph's lines reads (its sums and blanks, the measure's settings) and the measure it fills. */
interface LineState {
  readonly W: Float64Array;
  readonly S: Float64Array;
  readonly T: Float64Array;
  readonly G: Int32Array;
  readonly space: Uint8Array;
  readonly gap: Float64Array;
  readonly gapShrink: Float64Array;
  readonly blankL: Float64Array;
  readonly blankR: Float64Array;
  readonly indent: number;
  readonly width: number;
  readonly startOpening: boolean;
  readonly endClosing: boolean;
  /** Tracking may be tightened (the lone-character pass). */
  tightenOn: boolean;
  readonly m: LineMeasure;
}

/** The line [a, b) measured into `s.m` (returned): its natural width, what may shrink or tighten, its gaps, whether it fits. */
function measureLine(s: LineState, a: number, b: number): LineMeasure {
  const { space, W, S, T, G, gap, gapShrink, blankL, blankR, width, m } = s;
  let end = b;
  while (end > a + 1 && space[end - 1] === 1) end--;
  const last = end - 1;
  let natural = W[end] - W[a] - gap[last];
  let shrink = S[end] - S[a] - gapShrink[last];
  if (a === 0) natural += s.indent;
  // Edge compression: opening mark at line start, closing mark at line end.
  if (s.startOpening) {
    natural -= blankL[a];
    shrink -= blankL[a];
  }
  if (s.endClosing) {
    natural -= blankR[last];
    shrink -= blankR[last];
  }
  if (shrink < 0) shrink = 0;
  // Tracking applies between characters: one gap fewer than characters.
  const tighten = s.tightenOn ? Math.max(0, T[last] - T[a]) : 0;
  m.natural = natural;
  m.shrink = shrink;
  m.tighten = tighten;
  const gaps = G[last] - G[a];
  m.gaps = gaps > 0 ? gaps : 0;
  m.fits = natural - shrink - tighten <= width + 1e-6;
  m.squeeze = natural > width + 1e-6 ? natural - width : 0;
  return m;
}

interface SearchConfig {
  linePenalty: number;
  lonePenalty: number;
  tighten: boolean;
}

/**
 * Total-fit composition of one paragraph (no mandatory breaks inside): a Knuth–Plass search over the
 * clreq break opportunities that prefers squeezing punctuation to loosening lines. A paragraph that
 * would end with a lone character (孤字) is set again, first to bring the character back by squeezing
 * punctuation and tightening tracking (at most `tightenLimit` em per character), else re-broken so
 * that its last line holds more; only when both fail does the lone character stay.
 */
export function composeParagraph(runs: StyledRun[], registry: FontRegistry, opts: ComposeOptions, text?: PreparedText): ComposedParagraph {
  return set(runs, registry, opts, text) as ComposedParagraph;
}

/**
 * 拉行/缩行's trial: the prepared text at `opts.tracking` broken into lines exactly as
 * `composeParagraph` breaks it, but its lines placed only when there are `lines` of them; else just
 * how many lines it took (most trials move no line, and placing them was a third of their cost).
 */
export function composeIfLines(runs: StyledRun[], registry: FontRegistry, opts: ComposeOptions, text: PreparedText, lines: number): ComposedParagraph | number {
  return set(runs, registry, opts, text, lines);
}

/** The paragraph composed; with `keepLines`, only when it has that many lines (else its line count). */
// Long on purpose: the total-fit search and its lone-character retries share the prepared arrays and closures over them; this is the composer's hot path (keystroke bench).
function set(runs: StyledRun[], registry: FontRegistry, opts: ComposeOptions, text?: PreparedText, keepLines?: number): ComposedParagraph | number {
  const retrack = text !== undefined && text.hanLatinSpace === opts.hanLatinSpace;
  const p = retrack ? retracked(text, opts) : prepare(runs, registry, opts);
  const n = p.n;
  const width = opts.width;
  const indent = n > 0 ? opts.indent * p.sizes[0] : 0;
  const tightenLimit = opts.tightenLimit ?? 0.05;
  // Ragged lines (headlines) break between words; justified body text keeps the clreq breaks alone.
  const wordCut = opts.align === 'justify' ? undefined : wordInteriors(p.cps, n);
  // Prefix sums: width with pair compression and gaps, shrink, tightening, stretchable gaps.
  const W = scratch.f64(F64.W, n + 1);
  for (let i = 0; i < n; i++) W[i + 1] = W[i] + p.adv[i] - p.pairL[i] - p.pairR[i] + p.gap[i];
  // the rest does not change with tracking: a retracked text's are worked out once for all its trials
  const { S, T, G, candidates } = retrack ? untrackedOf(text, tightenLimit) : untracked(p, tightenLimit, undefined);
  // what measuring a line reads, and the measure it fills (one object: `measureLine` is a call V8 inlines, a closure here was not)
  const measuring: LineState = { W, S, T, G, space: p.space, gap: p.gap, gapShrink: p.gapShrink, blankL: p.blankL, blankR: p.blankR, indent, width, startOpening: opts.compressLineStartOpening, endClosing: opts.compressLineEndClosing, tightenOn: false, m: { natural: 0, shrink: 0, tighten: 0, gaps: 0, fits: false, squeeze: 0 } };
  const space = p.space;

  let emergency = scratch.u8(U8.Emergency, n + 1);
  const plain: SearchConfig = { linePenalty: LINE_PENALTY, lonePenalty: 0, tighten: false };
  let path = n === 0 ? [0] : search(candidates, plain);
  let cands = candidates;
  if (!path) {
    // Some stretch between opportunities is wider than the line: allow a break at any character
    // there, as a last resort (an over-long URL or Latin word).
    const every = scratch.i32(I32.All, n + 1);
    let k = 0;
    emergency = scratch.u8(U8.Emergency, n + 1);
    for (let i = 0; i <= n; i++) {
      if (i === 0 || i === n || (p.brk[i] !== NO_BREAK && !p.space[i])) every[k++] = i;
      else if (!p.space[i]) {
        every[k++] = i;
        emergency[i] = 1;
      }
    }
    const all = every.subarray(0, k);
    cands = all;
    path = search(all, plain) ?? [0, n];
  }
  let tightened = false;
  const lone = (route: number[]): boolean => route.length > 2 && isLoneCharacter(p, route[route.length - 2], n);
  if (opts.avoidLoneCharacter && lone(path)) {
    // Bring the character back: squeeze and tighten so that the paragraph takes a line fewer.
    measuring.tightenOn = tightenLimit > 0;
    const back = search(cands, { linePenalty: PULL_BACK_LINE_PENALTY, lonePenalty: LONE_CHARACTER_PENALTY, tighten: measuring.tightenOn });
    if (back && back.length < path.length && !lone(back)) {
      path = back;
      tightened = measuring.tightenOn;
    } else {
      // Else re-break so the last line holds more than one character (spreading over many gaps).
      measuring.tightenOn = false;
      const rebroken = search(cands, { linePenalty: LINE_PENALTY, lonePenalty: LONE_CHARACTER_PENALTY, tighten: false });
      if (rebroken && !lone(rebroken)) path = rebroken;
    }
  }

  function search(cs: Int32Array, cfg: SearchConfig): number[] | undefined {
    const count = cs.length;
    const best = scratch.f64(F64.Best, count, Infinity);
    const prev = scratch.i32(I32.Prev, count, -1);
    best[0] = 0;
    const justify = opts.align === 'justify';
    // Lines looser than this are considered only when nothing tighter can end at b.
    const looseLimit = 1.5 * opts.maxExpansion;
    const least = cfg.linePenalty * cfg.linePenalty;
    // read once, not on every line weighed
    const { maxExpansion } = opts;
    const { linePenalty, lonePenalty } = cfg;
    const sizes = p.sizes;
    let lo = 0;
    for (let bi = 1; bi < count; bi++) {
      const b = cs[bi];
      const isLast = b === n;
      for (let ai = lo; ai < bi; ai++) {
        // The earliest start from which a line can still reach b only moves forward as b does: while
        // scanning for it (`lo` is this start, not the last), a start is measured whatever its best.
        // (one call of measureLine in the loop, so that V8 inlines it: a second was not)
        const scanning = ai === lo && ai < bi - 1;
        if (!scanning && best[ai] === Infinity) continue;
        const lm = measureLine(measuring, cs[ai], b);
        if (!lm.fits) {
          if (scanning) lo++;
          continue;
        }
        if (best[ai] === Infinity) continue;
        // Later starts only make looser lines: stop once tight enough lines were found.
        if (!isLast && justify && best[bi] !== Infinity && lm.gaps > 0 && (width - lm.natural) / lm.gaps > looseLimit * sizes[cs[ai]]) break;
        // A justified line costs at least its line penalty squared (its badness and penalties only add):
        // from a start already that far behind, the line cannot do better than what b has.
        if (justify && best[ai] + least >= best[bi]) continue;
        // The line's demerits, and whether it is the best way to b yet (weighed here: V8 did not inline a closure for it).
        const a = cs[ai];
        let bad: number;
        if (lm.squeeze > 0) {
          // Punctuation and glue first; tracking only for what they cannot give.
          bad = lm.squeeze <= lm.shrink ? lineBadness(0, lm.squeeze / Math.max(lm.shrink, 1e-9)) : 2 + 50 * ((lm.squeeze - lm.shrink) / Math.max(lm.tighten, 1e-9));
        } else if (!justify) {
          // Ragged lines (headlines) are balanced, the last one too.
          const slack = (width - lm.natural) / width;
          bad = a === 0 && isLast ? 0 : 100 * slack * slack;
        } else if (isLast) bad = 0;
        else {
          const slack = width - lm.natural;
          const perGap = lm.gaps > 0 ? slack / lm.gaps : slack > 0.01 ? Infinity : 0;
          bad = perGap === Infinity ? 1e4 : lineBadness(perGap / (maxExpansion * sizes[a]), 0);
        }
        let d = (linePenalty + Math.min(bad, 1e4)) ** 2;
        // A deliberate space is where a ragged line (headline halves, byline fields) should break.
        if (!justify && !isLast && space[b - 1] === 1) d -= SPACE_BREAK_BONUS;
        if (emergency[b] && !isLast) d += EMERGENCY_PENALTY;
        if (wordCut && !isLast && wordCut[b] === 1) d += WORD_CUT_PENALTY;
        if (isLast && lonePenalty > 0 && isLoneCharacter(p, a, b)) d += lonePenalty;
        const total = best[ai] + d;
        if (total < best[bi]) {
          best[bi] = total;
          prev[bi] = ai;
        }
      }
    }
    if (best[count - 1] === Infinity) return undefined;
    const out: number[] = [];
    for (let k = count - 1; k >= 0; k = prev[k]) {
      out.push(cs[k]);
      if (k === 0) break;
    }
    return out.reverse();
  }

  if (keepLines !== undefined && path.length - 1 !== keepLines) return path.length - 1;
  // a retracked text's positions are the paragraph's own, allocated once it is kept
  const xs = retrack ? new Float64Array(n) : p.xs;
  const lines: ComposedLine[] = [];
  measuring.tightenOn = tightened;
  for (let li = 0; li + 1 < path.length; li++) {
    const a = path[li];
    const b = path[li + 1];
    const last = li + 2 === path.length;
    lines.push(placeLine(p, a, b, last, li === 0 ? indent : 0, measureLine(measuring, a, b), opts, xs, emergency[b] === 1 && !last, tightenLimit));
  }
  return {
    length: n,
    cps: p.cps,
    faces: p.faces,
    sizes: p.sizes,
    xs,
    hScale: p.hScale,
    tags: p.tags,
    offsets: p.offsets,
    lines,
    missing: p.missing,
    fallbacks: p.fallbacks,
    lineWidth: width,
  };
}

/** A last line [a, b) that would hold a lone character (not the paragraph's only line). */
function isLoneCharacter(p: Prepared, a: number, b: number): boolean {
  return a > 0 && isLoneCharacterLine(p.cps, a, b);
}

function placeLine(p: Prepared, a: number, b: number, last: boolean, indent: number, lm: LineMeasure, opts: ComposeOptions, xs: Float64Array, emergency: boolean, tightenLimit: number): ComposedLine {
  const width = opts.width;
  let end = b;
  while (end > a + 1 && p.space[end - 1]) end--;
  const natural = lm.natural;
  const squeeze = natural > width ? natural - width : 0;
  const squeezeRatio = squeeze > 0 && lm.shrink > 0 ? Math.min(1, squeeze / lm.shrink) : 0;
  // What punctuation and glue cannot give is taken from tracking, evenly between characters.
  const tightenRatio = squeeze > lm.shrink && lm.tighten > 0 ? Math.min(1, (squeeze - lm.shrink) / lm.tighten) : 0;
  let perGap = 0;
  const justify = opts.align === 'justify' && !last;
  if (justify && squeeze === 0 && lm.gaps > 0) perGap = (width - natural) / lm.gaps;
  let x = indent;
  const slack = squeeze > 0 ? 0 : width - natural - perGap * lm.gaps;
  if (opts.align === 'center') x += slack / 2;
  else if (opts.align === 'right') x += slack;
  let compressions = 0;
  for (let i = a; i < b; i++) {
    let left = p.pairL[i];
    let right = p.pairR[i];
    if (left > 0 || right > 0) compressions++;
    if (i === a && p.blankL[i] > 0 && opts.compressLineStartOpening) {
      left += p.blankL[i];
      compressions++;
    } else if (p.blankL[i] > 0 && squeezeRatio > 0) {
      left += p.blankL[i] * squeezeRatio;
      compressions++;
    }
    if (i === end - 1 && p.blankR[i] > 0 && opts.compressLineEndClosing) {
      right += p.blankR[i];
      compressions++;
    } else if (p.blankR[i] > 0 && squeezeRatio > 0) {
      right += p.blankR[i] * squeezeRatio;
      compressions++;
    }
    xs[i] = x - left + p.drawDx[i];
    x += p.adv[i] - left - right;
    if (i < end - 1) {
      x += p.gap[i] - p.gapShrink[i] * squeezeRatio;
      if (tightenRatio > 0 && !p.space[i]) x -= tightenLimit * p.sizes[i] * tightenRatio;
      if (p.stretchable[i]) x += perGap;
    }
  }
  // Kinsoku: did a prohibited character force this break away from where the line was full?
  let kinsoku = KinsokuResolution.None;
  if (!last) {
    if (squeeze > 0) kinsoku = KinsokuResolution.Squeeze;
    else if (b < p.n && natural + p.adv[b] + p.gap[end - 1] <= width + 1e-6 && p.brk[b] !== NO_BREAK) {
      // The next character would have fitted, yet the line broke here: a mark after it could not start a line.
      kinsoku = p.brk[b + 1] === NO_BREAK ? KinsokuResolution.Push : KinsokuResolution.None;
    }
  }
  return {
    start: a,
    end: b,
    naturalWidth: natural,
    expansion: perGap / (p.sizes[a] || 1),
    tightening: tightenRatio * tightenLimit,
    kinsoku,
    compressions,
    last,
    emergency,
  };
}
