/**
 * Text encodings of copy-desk files: UTF-8 (with or without BOM), UTF-16 (BOM, or guessed from the
 * zero bytes of mostly-ASCII text) and GB18030/GBK. Decoding is always fatal: a byte that does not
 * fit the chosen encoding is an error with its offset, never a replacement character.
 */

export type EncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type DecodeResult =
  /** dosEof: a trailing DOS end-of-file mark (0x1A) was left out. */
  | { ok: true; text: string; encoding: EncodingName; guessed: boolean; dosEof?: boolean }
  | { ok: false; offset?: number; zh: string; en: string };

interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
type TextDecoderCtor = new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => TextDecoderLike;
/** TextDecoder exists in Node and every browser; src-core has neither lib, so it is reached through globalThis. */
const Decoder = (globalThis as unknown as { TextDecoder: TextDecoderCtor }).TextDecoder;

const ENCODING_LABEL: Record<EncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (BOM)',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030/GBK',
};

/** What the report calls an encoding: "(BOM)" only when the file had one. */
export function encodingLabel(encoding: EncodingName, guessed: boolean): string {
  return encoding.startsWith('utf-16') && !guessed ? `${ENCODING_LABEL[encoding]} (BOM)` : ENCODING_LABEL[encoding];
}

function decodeFatal(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new Decoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Offset of the first byte that is not well-formed UTF-8, or -1. */
export function firstInvalidUtf8(b: Uint8Array, from = 0): number {
  const n = b.length;
  let i = from;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i; // truncated sequence at the end
    const second = b[i + 1];
    if (second === undefined || second < lo || second > hi) return i;
    for (let k = 2; k <= need; k++) {
      const t = b[i + k];
      if (t === undefined || t < 0x80 || t > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Offset of the first byte that breaks the GB18030 byte structure (1, 2 or 4 bytes), or -1. */
export function firstInvalidGb18030(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c <= 0x80) {
      i++;
      continue;
    }
    if (c === 0xff) return i;
    const t = b[i + 1];
    if (t === undefined) return i;
    if ((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfe)) {
      i += 2;
      continue;
    }
    if (t >= 0x30 && t <= 0x39) {
      const t2 = b[i + 2];
      const t3 = b[i + 3];
      if (t2 === undefined || t3 === undefined || t2 < 0x81 || t2 > 0xfe || t3 < 0x30 || t3 > 0x39) return i;
      i += 4;
      continue;
    }
    return i;
  }
  return -1;
}

/**
 * Share of the double-byte characters that lie in GB2312 (lead A1–F7, trail A1–FE). Real Chinese
 * text in GBK is almost all GB2312; UTF-8 or random bytes read as GBK are not.
 */
function gb2312Share(b: Uint8Array): { share: number; doubles: number } {
  let doubles = 0;
  let common = 0;
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c <= 0x80) {
      i++;
      continue;
    }
    const t = b[i + 1] ?? 0;
    if (t >= 0x30 && t <= 0x39) {
      i += 4;
      doubles++;
      continue;
    }
    doubles++;
    if (c >= 0xa1 && c <= 0xf7 && t >= 0xa1 && t <= 0xfe) common++;
    i += 2;
  }
  return { share: doubles ? common / doubles : 1, doubles };
}

/** Longest run of well-formed 3-byte UTF-8 sequences (CJK lives there). */
function longestUtf8CjkRun(b: Uint8Array): { run: number; at: number } {
  let best = 0;
  let at = -1;
  let cur = 0;
  let start = 0;
  for (let i = 0; i + 2 < b.length; ) {
    const c = b[i];
    if (c >= 0xe3 && c <= 0xe9 && b[i + 1] >= 0x80 && b[i + 1] <= 0xbf && b[i + 2] >= 0x80 && b[i + 2] <= 0xbf) {
      if (cur === 0) start = i;
      cur++;
      if (cur > best) {
        best = cur;
        at = start;
      }
      i += 3;
    } else {
      cur = 0;
      i++;
    }
  }
  return { run: best, at };
}

// NUL and C0 controls other than tab, LF, FF, CR mean the bytes are not text in this encoding.
const CONTROL_RE = /[\u0000-\u0008\u000b\u000e-\u001f]/;
const isControlByte = (c: number): boolean => c <= 0x08 || c === 0x0b || (c >= 0x0e && c <= 0x1f);

/** A DOS end-of-file mark (Ctrl-Z, 0x1A), which old editors leave at the end of a file. */
const DOS_EOF = 0x1a;

const SAMPLE = 4096;

/** Code units that occur in Chinese (and Latin) text; most other units mean the byte order is wrong. */
function plausibleUnit(u: number): boolean {
  return (
    u === 0x09 || u === 0x0a || u === 0x0d || (u >= 0x20 && u <= 0x7e) || (u >= 0xa0 && u <= 0xff) || (u >= 0x2000 && u <= 0x206f) ||
    (u >= 0x2100 && u <= 0x27bf) || (u >= 0x3000 && u <= 0x9fff) || (u >= 0xd800 && u <= 0xdfff) || (u >= 0xf900 && u <= 0xfaff) || (u >= 0xfe30 && u <= 0xfe4f) || (u >= 0xff00 && u <= 0xffef)
  );
}

function plausibleShare(b: Uint8Array, n: number, le: boolean): number {
  let good = 0;
  for (let i = 0; i < n; i += 2) if (plausibleUnit(le ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1])) good++;
  return good / (n / 2);
}

/**
 * UTF-16 without a BOM, from its zero bytes. Mostly-ASCII text has a zero in every other byte;
 * Chinese text has few zeros (only its ASCII: line breaks, digits), but any zero byte at all rules
 * out UTF-8 and GB18030 text, and only one byte order reads as Chinese.
 */
function zeroPattern(b: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(b.length, SAMPLE) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  if (evenZero + oddZero === 0 || b.length % 2) return undefined;
  const le = plausibleShare(b, n, true);
  const be = plausibleShare(b, n, false);
  if (le >= 0.95 && le - be >= 0.3) return 'utf-16le';
  if (be >= 0.95 && be - le >= 0.3) return 'utf-16be';
  return undefined;
}

const notText = (offset: number): DecodeResult => ({
  ok: false,
  offset,
  zh: `第 ${offset} 字节处有控制字符，这不是文本文件`,
  en: `control character at byte offset ${offset}: this is not a text file`,
});

/** Decodes a text file, choosing the encoding from its BOM or its bytes; never returns mojibake. */
export function decodeText(bytes: Uint8Array): DecodeResult {
  const bom16 = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  const isUtf8Bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf16 = isUtf8Bom ? undefined : (bom16 ?? zeroPattern(bytes));
  if (utf16) return decodeUtf16(bytes, utf16, !!bom16);
  // Byte-oriented encodings: a trailing DOS end-of-file mark is not part of the text.
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === DOS_EOF) end--;
  const body = bytes.subarray(0, end);
  const result = isUtf8Bom ? decodeUtf8Bom(body) : decodeUtf8OrGb(body);
  return result.ok && end < bytes.length ? { ...result, dosEof: true } : result;
}

function decodeUtf8Bom(bytes: Uint8Array): DecodeResult {
  const body = bytes.subarray(3);
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) return invalidIn('UTF-8', bad + 3);
  const text = decodeFatal('utf-8', body)!;
  const ctl = text.search(CONTROL_RE);
  if (ctl >= 0) return notText(byteOffsetOfUtf16Index(text, ctl) + 3);
  return { ok: true, text, encoding: 'utf-8-bom', guessed: false };
}

function decodeUtf16(bytes: Uint8Array, utf16: 'utf-16le' | 'utf-16be', bom: boolean): DecodeResult {
  const start = bom ? 2 : 0;
  const body = bytes.subarray(start);
  if (body.length % 2) return { ok: false, offset: bytes.length - 1, zh: `UTF-16 文件的字节数为奇数，第 ${bytes.length - 1} 字节处被截断`, en: `UTF-16 file has an odd number of bytes; truncated at byte offset ${bytes.length - 1}` };
  const text = decodeFatal(utf16, body);
  if (text === undefined) return invalidIn(utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE', start + 2 * firstLoneSurrogate(body, utf16 === 'utf-16le'));
  const ctl = text.search(CONTROL_RE);
  if (ctl >= 0) return notText(start + 2 * ctl);
  return { ok: true, text, encoding: utf16, guessed: !bom };
}

function decodeUtf8OrGb(bytes: Uint8Array): DecodeResult {
  // The platform decoder is fast; the byte-by-byte scan only runs to find where it failed.
  const asUtf8 = decodeFatal('utf-8', bytes);
  if (asUtf8 !== undefined) {
    const ctl = asUtf8.search(CONTROL_RE);
    if (ctl >= 0) return notText(byteOffsetOfUtf16Index(asUtf8, ctl));
    return { ok: true, text: asUtf8, encoding: 'utf-8', guessed: false };
  }
  // A NUL byte is in neither UTF-8 nor GB18030 text: say so rather than guess at encodings.
  const nul = bytes.indexOf(0);
  if (nul >= 0) return notText(nul);
  const badUtf8 = firstInvalidUtf8(bytes);
  const badGb = firstInvalidGb18030(bytes);
  const { share, doubles } = gb2312Share(bytes);
  const utf8Run = longestUtf8CjkRun(bytes);
  if (badGb < 0 && (share >= 0.9 || doubles < 4)) {
    const text = decodeFatal('gb18030', bytes);
    if (text !== undefined) {
      if (utf8Run.run >= 4 && share < 0.97) return mixed(utf8Run.at, badUtf8);
      const ctl = firstGbControl(bytes);
      if (ctl >= 0) return notText(ctl);
      return { ok: true, text, encoding: 'gb18030', guessed: false };
    }
  }
  if (utf8Run.run >= 4) return mixed(utf8Run.at, badUtf8);
  return {
    ok: false,
    offset: badUtf8,
    zh: `无法识别编码：第 ${badUtf8} 字节起既不是 UTF-8，也不是 GB18030/GBK 中文文本（可能是二进制文件）`,
    en: `unknown encoding: from byte offset ${badUtf8} the file is neither UTF-8 nor GB18030/GBK Chinese text (binary file?)`,
  };
}

/** Offset of the first control character in well-formed GB18030 bytes (multi-byte characters skipped whole), or -1. */
function firstGbControl(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c <= 0x80) {
      if (isControlByte(c)) return i;
      i++;
    } else i += b[i + 1] >= 0x30 && b[i + 1] <= 0x39 ? 4 : 2;
  }
  return -1;
}

function mixed(utf8At: number, badUtf8: number): DecodeResult {
  return {
    ok: false,
    offset: badUtf8,
    zh: `文件混用了多种编码：从第 ${utf8At} 字节起有 UTF-8 中文，第 ${badUtf8} 字节处的字节却不是 UTF-8；请统一存为 UTF-8 后再导入`,
    en: `mixed encodings: UTF-8 Chinese text from byte offset ${utf8At}, but the byte at offset ${badUtf8} is not UTF-8; save the file as UTF-8 and import it again`,
  };
}

function invalidIn(name: string, offset: number): DecodeResult {
  return {
    ok: false,
    offset,
    zh: `第 ${offset} 字节处的字节不是有效的 ${name}`,
    en: `the byte at offset ${offset} is not valid ${name}`,
  };
}

function firstLoneSurrogate(b: Uint8Array, le: boolean): number {
  const units = b.length >> 1;
  for (let u = 0; u < units; u++) {
    const v = le ? b[2 * u] | (b[2 * u + 1] << 8) : (b[2 * u] << 8) | b[2 * u + 1];
    if (v >= 0xd800 && v <= 0xdbff) {
      const w = u + 1 < units ? (le ? b[2 * u + 2] | (b[2 * u + 3] << 8) : (b[2 * u + 2] << 8) | b[2 * u + 3]) : 0;
      if (w < 0xdc00 || w > 0xdfff) return u;
      u++;
    } else if (v >= 0xdc00 && v <= 0xdfff) return u;
  }
  return 0;
}

function byteOffsetOfUtf16Index(text: string, index: number): number {
  let bytes = 0;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return bytes;
}
