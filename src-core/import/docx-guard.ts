/**
 * A .docx is checked before mammoth sees it: mammoth (JSZip + xmldom) inflates every part whole and
 * builds a DOM of about 4 KB per XML element, with recursion as deep as the XML, so a small
 * decompression bomb froze the app for minutes or ran V8 out of memory, and deep nesting overflowed
 * the stack. Here the central directory is read first (entry count, declared sizes), every entry is
 * inflated once with a hard cap (its declared size), and the XML parts are scanned for nesting depth
 * and element count. The check runs inside importFiles, so every caller (CLI import and compose, the
 * Electron main process, the web host) is covered.
 */
import { inflateCapped } from './inflate';
import { readZipDirectory, type ZipEntry } from './zip';

/** The one place the package limits live; messages and checks derive from it. */
export const DOCX_LIMITS = {
  entries: 2000,
  /** All parts inflated together (pictures included). */
  inflatedBytes: 256 * 1024 * 1024,
  /** All XML parts together: mammoth's memory grows with these. */
  xmlBytes: 16 * 1024 * 1024,
  xmlElements: 100_000,
  xmlDepth: 256,
};

export type DocxVerdict = { ok: true } | { ok: false; zh: string; en: string };

const MB = 1024 * 1024;
const mb = (n: number): string => (n / MB).toFixed(n < 10 * MB ? 1 : 0);
const isXml = (name: string): boolean => /\.(xml|rels)$/i.test(name);

export async function checkDocxPackage(bytes: Uint8Array): Promise<DocxVerdict> {
  const dir = readZipDirectory(bytes, DOCX_LIMITS.entries);
  if (!dir.ok) return dir;
  let declared = 0;
  let declaredXml = 0;
  for (const e of dir.entries) {
    if (e.encrypted) return { ok: false, zh: `条目 ${e.name} 已加密，无法读取`, en: `entry ${e.name} is encrypted and cannot be read` };
    if (e.method !== 0 && e.method !== 8) return { ok: false, zh: `条目 ${e.name} 使用不支持的压缩方式（${e.method}）`, en: `entry ${e.name} uses an unsupported compression method (${e.method})` };
    declared += e.size;
    if (isXml(e.name)) declaredXml += e.size;
  }
  if (declared > DOCX_LIMITS.inflatedBytes) return tooLarge(declared);
  // Entries inflate to at most their declared size (checked below), so this bounds the XML held in memory.
  if (declaredXml > DOCX_LIMITS.xmlBytes)
    return { ok: false, zh: `文档的 XML 部分共 ${mb(declaredXml)} MB，超过上限 ${mb(DOCX_LIMITS.xmlBytes)} MB（文件过大或是解压炸弹）`, en: `the document's XML parts come to ${mb(declaredXml)} MB, more than the limit of ${mb(DOCX_LIMITS.xmlBytes)} MB (too large, or a decompression bomb)` };
  let elements = 0;
  for (const e of dir.entries) {
    const data = await entryBytes(bytes, e);
    if (typeof data === 'string') return lying(e, data);
    if (!isXml(e.name)) continue;
    const scan = scanXml(data, DOCX_LIMITS.xmlDepth, DOCX_LIMITS.xmlElements - elements);
    if (scan.problem === 'depth')
      return { ok: false, zh: `${e.name} 的 XML 嵌套超过 ${DOCX_LIMITS.xmlDepth} 层，结构异常（不是文件损坏，而是嵌套过深，无法安全读取）`, en: `${e.name}: the XML is nested more than ${DOCX_LIMITS.xmlDepth} levels deep, an abnormal structure (not damage: too deep to read safely)` };
    if (scan.problem === 'elements')
      return { ok: false, zh: `文档的 XML 元素超过 ${DOCX_LIMITS.xmlElements} 个，超过上限（文件过大或是解压炸弹）`, en: `the document has more than ${DOCX_LIMITS.xmlElements} XML elements, more than the limit (too large, or a decompression bomb)` };
    if (scan.problem === 'doctype')
      return { ok: false, zh: `${e.name} 含有文档类型声明（DOCTYPE），Word 文件不会有，拒绝读取`, en: `${e.name} contains a document type declaration (DOCTYPE), which Word files never have; refused` };
    elements += scan.elements;
  }
  return { ok: true };
}

function tooLarge(declared: number): DocxVerdict {
  return {
    ok: false,
    zh: `解压后共 ${mb(declared)} MB，超过上限 ${mb(DOCX_LIMITS.inflatedBytes)} MB（文件过大或是解压炸弹）`,
    en: `it would inflate to ${mb(declared)} MB, more than the limit of ${mb(DOCX_LIMITS.inflatedBytes)} MB (too large, or a decompression bomb)`,
  };
}

function lying(e: ZipEntry, problem: 'too-large' | 'damaged' | 'size-mismatch'): DocxVerdict {
  if (problem === 'too-large')
    return { ok: false, zh: `条目 ${e.name} 解压后超过它声明的 ${e.size} 字节（头信息不实，可能是解压炸弹）`, en: `entry ${e.name} inflates past its declared ${e.size} bytes (a lying header, likely a decompression bomb)` };
  if (problem === 'size-mismatch')
    return { ok: false, zh: `条目 ${e.name} 的实际大小与声明的 ${e.size} 字节不符（文件损坏）`, en: `entry ${e.name} does not have its declared size of ${e.size} bytes (the file is damaged)` };
  return { ok: false, zh: `条目 ${e.name} 的压缩数据损坏或被截断`, en: `the compressed data of entry ${e.name} is damaged or truncated` };
}

/** An entry's bytes, inflated to at most its declared size (only XML parts are kept). */
async function entryBytes(b: Uint8Array, e: ZipEntry): Promise<Uint8Array | 'too-large' | 'damaged' | 'size-mismatch'> {
  const raw = b.subarray(e.dataStart, e.dataStart + e.compressedSize);
  if (e.method === 0) return raw.length === e.size ? raw : 'size-mismatch';
  const out = await inflateCapped(raw, 'deflate-raw', e.size, isXml(e.name));
  if (!out.ok) return out.reason;
  if (isXml(e.name) && out.bytes.length !== e.size) return 'size-mismatch';
  return out.bytes;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const enc = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
const COMMENT = enc('<!--');
const CDATA = enc('<![CDATA[');
const DOCTYPE = enc('<!DOCTYPE');
const COMMENT_END = enc('-->');
const CDATA_END = enc(']]>');
const PI_END = enc('?>');

const startsWith = (b: Uint8Array, i: number, s: number[]): boolean => s.every((c, k) => b[i + k] === c);

function indexOfSeq(b: Uint8Array, s: number[], from: number): number {
  for (let i = b.indexOf(s[0], from); i >= 0; i = b.indexOf(s[0], i + 1)) if (startsWith(b, i, s)) return i;
  return -1;
}

/**
 * Nesting depth and element count of XML bytes, stopping at the first limit passed. Tags are found
 * by '<'; a tag ends at the first '>' outside quotes; comments, CDATA and processing instructions
 * are skipped whole.
 */
export function scanXml(b: Uint8Array, maxDepth: number, maxElements: number): { elements: number; problem?: 'depth' | 'elements' | 'doctype' } {
  let depth = 0;
  let elements = 0;
  for (let i = b.indexOf(LT); i >= 0 && i < b.length; i = b.indexOf(LT, i)) {
    const next = b[i + 1];
    if (next === 0x21 /* ! */) {
      if (startsWith(b, i, DOCTYPE)) return { elements, problem: 'doctype' };
      const close = startsWith(b, i, COMMENT) ? COMMENT_END : startsWith(b, i, CDATA) ? CDATA_END : [GT];
      const at = indexOfSeq(b, close, i + 2);
      if (at < 0) break;
      i = at + close.length;
      continue;
    }
    if (next === 0x3f /* ? */) {
      const at = indexOfSeq(b, PI_END, i + 2);
      if (at < 0) break;
      i = at + 2;
      continue;
    }
    const end = tagEnd(b, i + 1);
    if (end < 0) break;
    if (next === SLASH) depth--;
    else if (b[end - 1] !== SLASH) {
      if (++depth > maxDepth) return { elements, problem: 'depth' };
      if (++elements > maxElements) return { elements, problem: 'elements' };
    } else if (++elements > maxElements) return { elements, problem: 'elements' };
    i = end + 1;
  }
  return { elements };
}

function tagEnd(b: Uint8Array, from: number): number {
  let quote = 0;
  for (let i = from; i < b.length; i++) {
    const c = b[i];
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === GT) return i;
  }
  return -1;
}
