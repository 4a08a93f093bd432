/**
 * Character classes for Chinese composition (W3C clreq §3.1): where a full-width punctuation mark
 * keeps its blank half, and which characters count as Han or as Latin for Han–Latin spacing.
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

/** Han ideographs, kana, bopomofo: characters that get ¼ em from neighbouring Latin letters and digits. */
export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x323af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x3040 && cp <= 0x30ff) ||
    (cp >= 0x3100 && cp <= 0x312f) ||
    cp === 0x3007
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

/** Dash and ellipsis: full-width in Chinese text, drawn so that a pair joins into one 2-em mark. */
export const EM_DASH = 0x2014;
export const ELLIPSIS = 0x2026;
