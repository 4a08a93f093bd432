/**
 * Word .docx → blocks with mammoth: paragraphs, headings (Word's Heading n as level hints; Title,
 * Subtitle and newsroom styles such as 引题/副题/署名 as roles), bold/italic spans, and embedded
 * pictures as ImageAssets. mammoth gives simple HTML; a small tokenizer reads it back.
 */
import mammoth from 'mammoth';
import type { ImageAsset } from '../model/document';
import { bytesToBase64 } from '../model/base64';
import { isCjkChar } from './chars';
import { checkDocxPackage } from './docx-guard';
import { probeImageFully } from './image-probe';
import type { SourceBlock, TitleRole } from './segment';
import { mergeSpans, rewriteSpans, type Span } from './spans';

export type DocxBlocks =
  | { ok: true; blocks: SourceBlock[]; images: ImageAsset[]; problems: { zh: string; en: string }[]; messages: string[]; notes: string[] }
  | { ok: false; zh: string; en: string };

const ROLE_STYLES: [TitleRole, string[]][] = [
  ['headline', ['Title', '标题', '主题', 'Headline']],
  ['deck', ['Subtitle', '副标题', '副题', 'Deck']],
  ['kicker', ['Kicker', '引题', '肩题']],
  ['byline', ['Byline', '署名', '作者', 'Author']],
];

/** Body styles Word and LibreOffice use; mapped to plain paragraphs so mammoth does not warn about them. */
const BODY_STYLES = ['Body Text', 'Text Body', 'Text body', 'Normal (Web)', '正文', '正文文本', 'Default Paragraph Style', 'Default', 'Standard'];

const STYLE_MAP = [
  ...ROLE_STYLES.flatMap(([role, names]) => names.map((n) => `p[style-name='${n}'] => p.role-${role}:fresh`)),
  ...BODY_STYLES.map((n) => `p[style-name='${n}'] => p:fresh`),
];

export async function blocksFromDocx(bytes: Uint8Array, tag: string): Promise<DocxBlocks> {
  if (!(bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b))
    return { ok: false, zh: '不是有效的 Word .docx 文件（.docx 应为 ZIP 压缩包，文件头不符）', en: 'not a valid Word .docx file (a .docx is a ZIP archive; the header does not match)' };
  const verdict = await checkDocxPackage(bytes);
  if (!verdict.ok) return { ok: false, zh: `无法打开 Word 文件：${verdict.zh}`, en: `cannot open the Word file: ${verdict.en}` };
  const images: ImageAsset[] = [];
  const problems: { zh: string; en: string }[] = [];
  let imageCount = 0;
  const convertImage = mammoth.images.imgElement(async (image) => {
    const n = ++imageCount;
    const alt = String((image as unknown as { altText?: string }).altText ?? '').trim();
    const data = new Uint8Array(await image.readAsArrayBuffer());
    const probe = await probeImageFully(data);
    if (!probe.ok) {
      problems.push({ zh: `第 ${n} 张嵌入图片（${image.contentType}）无法使用：${probe.zh}`, en: `embedded picture ${n} (${image.contentType}) cannot be used: ${probe.en}` });
      return { src: 'banmian-missing:' };
    }
    const id = `${tag}-docimg${n}`;
    const asset: ImageAsset = { id, name: alt || `图片 ${n}`, mime: probe.info.mime, pixelWidth: probe.info.pixelWidth, pixelHeight: probe.info.pixelHeight, colorSpace: probe.info.colorSpace, data: bytesToBase64(data) };
    if (probe.info.ppi) asset.ppi = probe.info.ppi;
    images.push(asset);
    return { src: `banmian-image:${id}`, alt };
  });
  let html: string;
  let messages: string[];
  try {
    const input = { buffer: bytes, arrayBuffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    const out = await mammoth.convertToHtml(input, { styleMap: STYLE_MAP, convertImage, externalFileAccess: false, ignoreEmptyParagraphs: true });
    html = out.value;
    messages = out.messages.map((m) => m.message);
  } catch (e) {
    return { ok: false, ...readerFailure(e) };
  }
  const { html: text, notes } = withoutNotes(html);
  return { ok: true, blocks: blocksFromHtml(tableRows(text)), images, problems, messages, notes };
}

/**
 * Word's footnotes and endnotes taken out of mammoth's HTML: the marks in the text ([1]) and the notes'
 * list after it. A reporter's note in a manuscript is to the desk (夜班请核：…), not the story's text
 * (field test 30); the notes are returned to be reported.
 */
export function withoutNotes(html: string): { html: string; notes: string[] } {
  const text = html.replace(/<sup><a href="#(?:foot|end)note-\d+"[^>]*>\[\d+\]<\/a><\/sup>/g, '');
  // (mammoth sets the notes after the text, a list of them; a note may hold a list of its own)
  const at = text.search(/<ol><li id="(?:foot|end)note-\d+">/);
  if (at < 0) return { html: text, notes: [] };
  const notes = text
    .slice(at)
    .split(/<li id="(?:foot|end)note-\d+">/)
    .slice(1)
    .map((note) => decodeEntities(note.replace(/<a href="#(?:foot|end)note-ref-\d+">↑<\/a>/g, '').replace(/<\/(?:p|li)>/g, ' ').replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim());
  return { html: text.slice(0, at), notes };
}

/**
 * mammoth's failure in words. The package passed the guard, so a stack overflow means a structure
 * too complex, not damage; a TypeError is mammoth tripping on something unexpected, whose raw text
 * ("Cannot read properties of undefined") would tell the user nothing.
 */
function readerFailure(e: unknown): { zh: string; en: string } {
  if (e instanceof RangeError) return { zh: '无法打开 Word 文件（文档结构过于复杂，无法读取）', en: 'cannot open the Word file (the document structure is too complex to read)' };
  if (e instanceof TypeError || e instanceof ReferenceError) return { zh: '无法打开 Word 文件（文档内容的结构不符合 Word 格式）', en: 'cannot open the Word file (its content is not structured as Word expects)' };
  const msg = e instanceof Error ? e.message : String(e);
  return { zh: `无法打开 Word 文件（文件损坏或被截断：${msg}）`, en: `cannot open the Word file (damaged or truncated: ${msg})` };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const attr = (attrs: string, name: string): string | undefined => {
  const m = attrs.match(new RegExp(`\\b${name}="([^"]*)"`));
  return m ? decodeEntities(m[1]) : undefined;
};

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th']);
/** Between a table row's cells, set as one paragraph (a story's small table of figures, field test 30): an ideographic space. */
const CELL_GAP = '\u3000';
/** The class a table row set as one paragraph carries in the rewritten HTML (read back as a `tableRow` block). */
const ROW_CLASS = 'banmian-table-row';

/**
 * A small table of figures (rows of two cells or more, a line of text in each, no picture, no table
 * inside) set as a paragraph a row, its cells set apart by CELL_GAP: how a story's table prints in its
 * text. Any other table (a picture and its caption in a cell, a box of paragraphs) is read as before, a
 * paragraph a cell's paragraph.
 */
export function tableRows(html: string): string {
  return html.replace(/<table>((?:(?!<table>)[\s\S])*?)<\/table>/g, (whole, inner: string) => {
    const rows = [...inner.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => c[1]));
    const cellText = (c: string): string | undefined => {
      const paras = [...c.matchAll(/<p>([\s\S]*?)<\/p>/g)];
      const bare = c.replace(/<\/?p>/g, '');
      return /<(?:img|ul|ol|li|h[1-6]|p)\b/.test(bare) || paras.length > 1 ? undefined : bare;
    };
    const simple = rows.length > 0 && rows.every((r) => r.length >= 2 && r.every((c) => cellText(c) !== undefined));
    return simple ? rows.map((r) => `<p class="${ROW_CLASS}">${r.map((c) => cellText(c)).join(CELL_GAP)}</p>`).join('') : whole;
  });
}

type BlockMark = Pick<SourceBlock, 'level' | 'styleRole' | 'tableRow'>;

/** What a block's tag and class say of it: a heading's level, a style's role, a table row set as one paragraph. */
function markOf(tagName: string, attrs: string): BlockMark {
  const cls = attr(attrs, 'class') ?? '';
  const role = cls.match(/role-(headline|deck|kicker|byline)/)?.[1] as TitleRole | undefined;
  return { level: /^h[1-6]$/.test(tagName) ? Number(tagName[1]) : 0, ...(role ? { styleRole: role } : {}), ...(cls === ROW_CLASS ? { tableRow: true } : {}) };
}

/** Reads mammoth's HTML (a small, regular subset) back into blocks. */
export function blocksFromHtml(html: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let spans: Span[] | undefined;
  let mark: BlockMark = { level: 0 };
  let bold = 0;
  let italic = 0;
  const lists: { ordered: boolean; n: number }[] = [];
  const pendingImages: { imageId: string; caption: string }[] = [];
  const flush = (): void => {
    if (spans) {
      const clean = mergeSpans(rewriteSpans(spans, (chars) => chars.map((c, i) => (c !== '\n' ? c : isCjkChar(chars[i - 1]) || isCjkChar(chars[i + 1]) ? '' : ' '))));
      if (clean.some((s) => s.text.trim())) blocks.push({ spans: clean, ...mark, gapBefore: 1 });
    }
    for (const image of pendingImages.splice(0)) blocks.push({ spans: [], level: 0, gapBefore: 1, image });
    spans = undefined;
    mark = { level: 0 };
  };
  for (const m of html.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*?)\/?>|([^<]+)/g)) {
    if (m[4] !== undefined) {
      const text = decodeEntities(m[4]);
      if (!spans) spans = [];
      spans.push({ text, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}) });
      continue;
    }
    const closing = m[1] === '/';
    const tagName = m[2].toLowerCase();
    const attrs = m[3];
    if (BLOCK_TAGS.has(tagName)) {
      if (!closing) {
        flush();
        spans = [];
        mark = markOf(tagName, attrs);
        if (tagName === 'li') {
          const l = lists[lists.length - 1];
          if (l) {
            l.n++;
            spans.push({ text: l.ordered ? `${l.n}. ` : '• ' });
          }
        }
      } else flush();
      continue;
    }
    switch (tagName) {
      case 'ul':
      case 'ol':
        if (closing) lists.pop();
        else {
          flush();
          lists.push({ ordered: tagName === 'ol', n: 0 });
        }
        break;
      case 'strong':
      case 'b':
        bold += closing ? -1 : 1;
        break;
      case 'em':
      case 'i':
        italic += closing ? -1 : 1;
        break;
      case 'br':
        if (!spans) spans = [];
        spans.push({ text: '\n' });
        break;
      case 'img': {
        const src = attr(attrs, 'src') ?? '';
        if (src.startsWith('banmian-image:')) pendingImages.push({ imageId: src.slice('banmian-image:'.length), caption: attr(attrs, 'alt') ?? '' });
        break;
      }
      default:
        break;
    }
  }
  flush();
  return blocks;
}
