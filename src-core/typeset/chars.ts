/**
 * Character classes, the one definition for the whole engine (composer, importers, checks, report):
 * where a full-width punctuation mark keeps its blank half (W3C clreq §3.1), which characters are
 * Han ideographs, which count as Han or as Latin for Han–Latin spacing, and CJK punctuation.
 */
export const enum PunctClass {
  None = 0,
  /** Glyph on the right half of the em box, blank on the left: （“《「『【〔〖〈‘ */
  Opening = 1,
  /** Glyph on the left half, blank on the right: ）”》」』】〕〗〉’、，。．：；！？ (GB style) */
  Closing = 2,
  /** Centred, a quarter em blank each side: ·・ */
  Middle = 3,
}

const OPENING = '（“《「『【〔〖〈‘［｛〘〚';
const CLOSING = '）”》」』】〕〗〉’］｝〙〛、，。．：；！？';
const MIDDLE = '·・‧';

const punctTable = new Uint8Array(0x10000);
for (const ch of OPENING) punctTable[ch.charCodeAt(0)] = PunctClass.Opening;
for (const ch of CLOSING) punctTable[ch.charCodeAt(0)] = PunctClass.Closing;
for (const ch of MIDDLE) punctTable[ch.charCodeAt(0)] = PunctClass.Middle;

export function punctClass(cp: number): PunctClass {
  return cp < 0x10000 ? (punctTable[cp] as PunctClass) : PunctClass.None;
}

/**
 * The Han ideograph blocks: CJK Unified Ideographs, Extension A, Extensions B–H, Compatibility
 * Ideographs. The one declaration of "a Chinese character"; isIdeograph, isHan and the regular
 * expression class HAN_IDEOGRAPHS are derived from it.
 */
const IDEOGRAPH_RANGES: readonly (readonly [number, number])[] = [
  [0x4e00, 0x9fff],
  [0x3400, 0x4dbf],
  [0x20000, 0x323af],
  [0xf900, 0xfaff],
];

/** Kana and bopomofo, and 〇: not ideographs, but set like them (¼ em from Latin). */
const HAN_LIKE_RANGES: readonly (readonly [number, number])[] = [
  [0x3040, 0x30ff],
  [0x3100, 0x312f],
  [0x3007, 0x3007],
];

const hex = (cp: number): string => `\\u{${cp.toString(16)}}`;

/** Han ideographs as the body of a regular-expression character class; use it with the `u` flag. */
export const HAN_IDEOGRAPHS = IDEOGRAPH_RANGES.map(([a, b]) => `${hex(a)}-${hex(b)}`).join('');

const IDEOGRAPH = 1;
const HAN = 2;
/** The BMP looked up in a table (the composer asks per code point); astral code points by range. */
const bmpClass = new Uint8Array(0x10000);
for (const [a, b] of IDEOGRAPH_RANGES) for (let cp = a; cp <= Math.min(b, 0xffff); cp++) bmpClass[cp] = IDEOGRAPH | HAN;
for (const [a, b] of HAN_LIKE_RANGES) for (let cp = a; cp <= b; cp++) bmpClass[cp] |= HAN;
const astralIdeograph = (cp: number): boolean => IDEOGRAPH_RANGES.some(([a, b]) => a > 0xffff && cp >= a && cp <= b);

/** A Han ideograph (a Chinese character proper). */
export function isIdeograph(cp: number): boolean {
  return cp < 0x10000 ? (bmpClass[cp] & IDEOGRAPH) !== 0 : astralIdeograph(cp);
}

/** Han ideographs, kana, bopomofo: characters that get ¼ em from neighbouring Latin letters and digits. */
export function isHan(cp: number): boolean {
  return cp < 0x10000 ? (bmpClass[cp] & HAN) !== 0 : astralIdeograph(cp);
}

/** Full-width and CJK punctuation, including the curly quotes, dashes, ellipsis and middle dot used in Chinese text. */
export function isCjkPunct(cp: number): boolean {
  return (
    (cp >= 0x3000 && cp <= 0x303f && cp !== 0x3007) ||
    (cp >= 0xff01 && cp <= 0xff0f) ||
    (cp >= 0xff1a && cp <= 0xff20) ||
    (cp >= 0xff3b && cp <= 0xff40) ||
    (cp >= 0xff5b && cp <= 0xff65) ||
    (cp >= 0x2018 && cp <= 0x201f) ||
    cp === 0x2014 ||
    cp === 0x2026 ||
    cp === 0x00b7 ||
    cp === 0x2027 ||
    cp === 0x30fb
  );
}

/** Latin letters, digits and the Latin-script symbols that travel with them (%, °, Greek, Cyrillic). */
export function isLatinish(cp: number): boolean {
  return (
    (cp >= 0x30 && cp <= 0x39) ||
    (cp >= 0x41 && cp <= 0x5a) ||
    (cp >= 0x61 && cp <= 0x7a) ||
    (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) ||
    (cp >= 0x370 && cp <= 0x4ff)
  );
}

export function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0xa0 || cp === 0x3000 || cp === 0x09;
}

/** The marks that open a pair and the mark that closes each (quotes, 书名号, brackets). */
export const PAIRED_MARKS: Readonly<Record<string, string>> = { '“': '”', '‘': '’', '《': '》', '〈': '〉', '（': '）', '【': '】', '「': '」', '『': '』', '〔': '〕' };

/** Dash and ellipsis: full-width in Chinese text, drawn so that a pair joins into one 2-em mark. */
export const EM_DASH = 0x2014;
export const ELLIPSIS = 0x2026;
