/**
 * Markdown → blocks with markdown-it: headings (level hints), paragraphs with bold/italic spans,
 * list items (numbered or bulleted paragraphs), block quotes (their paragraphs), images by relative
 * path (resolved against the other imported files by the caller).
 */
import MarkdownIt from 'markdown-it';
import type { Token as MdToken } from 'markdown-it';
import { endsInPunctuation, endsSentence, isCjkChar } from './chars';
import type { SourceBlock, TitleRole } from './segment';
import { bylineLine, ITEM_MOST, TITLE_MAX } from './roles';
import { bylineNames } from './names';
import { mergeSpans, rewriteSpans, type Span } from './spans';

type Token = MdToken;

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

export interface MarkdownBlocks {
  blocks: SourceBlock[];
  missingImages: string[];
}

export function blocksFromMarkdown(text: string, resolveImage: (ref: string) => string | undefined): MarkdownBlocks {
  const tokens = md.parse(text, {});
  const blocks: SourceBlock[] = [];
  const missingImages: string[] = [];
  let prevEnd = 0;
  let headingLevel = 0;
  const lists: { ordered: boolean; n: number }[] = [];
  let itemPrefix: string | undefined;

  const kickers = quotedKickers(tokens);
  // (a file with a heading has its titles there: its first paragraph over it is an epigraph or a 引题, never a title block)
  const headed = tokens.some((t) => t.type === 'heading_open');
  const push = (spans: Span[], level: number, line: number, styleRole?: TitleRole): void => {
    const clean = mergeSpans(rewriteSpans(spans, resolveSoftBreaks));
    if (!clean.length) return;
    blocks.push({ spans: clean, level, gapBefore: Math.max(0, line - prevEnd), line: line + 1, ...(styleRole ? { styleRole } : {}) });
  };

  for (const [at, tok] of tokens.entries()) {
    switch (tok.type) {
      case 'heading_open':
        headingLevel = Number(tok.tag.slice(1));
        break;
      case 'heading_close':
        headingLevel = 0;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: tok.type === 'ordered_list_open', n: Number(tok.attrGet('start') ?? 1) - 1 });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const l = lists[lists.length - 1];
        if (l) {
          l.n++;
          itemPrefix = l.ordered ? `${l.n}. ` : '• ';
        }
        break;
      }
      case 'inline': {
        const line = tok.map ? tok.map[0] : prevEnd;
        const { spans, images } = inlineSpans(tok.children ?? []);
        if (itemPrefix !== undefined) {
          spans.unshift({ text: itemPrefix });
          itemPrefix = undefined;
        }
        const hasText = spans.some((s) => s.text.trim());
        const first = !headed && !blocks.some((b) => b.spans.length);
        const split = headingLevel ? undefined : splitLines(spans, first ? nextInline(tokens, at) : undefined);
        split?.lines.forEach((l, k) => {
          push(l.spans, 0, line + k, l.role);
          // (a title block's lines, no blank between them: one title group)
          if (split.titles) prevEnd = line + k + 1;
        });
        if (!split && hasText) push(spans, headingLevel, line, kickers.has(at) ? 'kicker' : undefined);
        for (const img of images) {
          const id = resolveImage(img.src);
          if (!id) missingImages.push(img.src);
          else blocks.push({ spans: [], level: 0, gapBefore: 0, line: line + 1, image: { imageId: id, caption: img.alt } });
        }
        if (tok.map) prevEnd = tok.map[1];
        break;
      }
      case 'fence':
      case 'code_block': {
        const line = tok.map ? tok.map[0] : prevEnd;
        for (const l of tok.content.split('\n').filter((x) => x.trim())) push([{ text: l }], 0, line);
        if (tok.map) prevEnd = tok.map[1];
        break;
      }
      default:
        if (tok.map && tok.type.endsWith('_close') === false && tok.nesting === 0 && tok.map[1] > prevEnd) prevEnd = tok.map[1];
    }
  }
  return { blocks, missingImages };
}

/**
 * The block quotes that are a story's 引题: one line, no sentence, right over a heading of the file's
 * top level (at most one blank line between), as a copy desk writes `> 引题` over `# 主题` in Markdown;
 * over a subhead (a deeper heading) a quote stays the text's, and so does one a paragraph ending in a
 * colon leads into (村支书说：⏎> 日子越过越红火) or a source in brackets (（来源：新华社）). Their inline
 * tokens' indexes.
 */
function quotedKickers(tokens: Token[]): Set<number> {
  const out = new Set<number>();
  const top = tokens.reduce((least, t) => (t.type === 'heading_open' ? Math.min(least, Number(t.tag.slice(1))) : least), Infinity);
  tokens.forEach((tok, i) => {
    if (tok.type !== 'blockquote_open' || tokens[i + 1]?.type !== 'paragraph_open') return;
    const inline = tokens[i + 2];
    const close = tokens[i + 4];
    const heading = tokens[i + 5];
    if (close?.type !== 'blockquote_close' || heading?.type !== 'heading_open' || Number(heading.tag.slice(1)) !== top || !inline?.map || !heading.map || !tok.map) return;
    const text = inline.content.trim();
    const before = tokens[i - 1]?.type === 'paragraph_close' ? tokens[i - 2]?.content.trim() ?? '' : '';
    if (/[:：]$/u.test(before) || /^[（(]/u.test(text)) return;
    if (heading.map[0] - tok.map[1] <= 1 && !text.includes('\n') && [...text].length <= TITLE_MAX && !endsSentence(text)) out.add(i + 2);
  });
  return out;
}

function inlineSpans(children: Token[]): { spans: Span[]; images: { src: string; alt: string }[] } {
  const spans: MdSpan[] = [];
  const images: { src: string; alt: string }[] = [];
  let bold = 0;
  let italic = 0;
  const add = (text: string): void => {
    spans.push({ text, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}) });
  };
  for (const c of children) {
    switch (c.type) {
      case 'text':
        add(c.content);
        break;
      case 'code_inline':
        add(c.content);
        spans[spans.length - 1].code = true;
        break;
      case 'softbreak':
      case 'hardbreak':
        add('\n');
        break;
      case 'strong_open':
        bold++;
        break;
      case 'strong_close':
        bold--;
        break;
      case 'em_open':
        italic++;
        break;
      case 'em_close':
        italic--;
        break;
      case 'image':
        images.push({ src: safeDecodeUri(String(c.attrGet('src') ?? '')), alt: c.content || (c.children ?? []).map((x: Token) => x.content).join('') });
        break;
      default:
        break;
    }
  }
  return { spans: strongByPairs(spans).map(({ code: _, ...span }) => span), images };
}

type MdSpan = Span & { code?: boolean };

/**
 * `**` pairs CommonMark leaves as text (a closing `**` after Chinese punctuation and before a
 * character, `**…出来了。**新当选`, is no closing delimiter by its flanking rules, written the way
 * Chinese copy is): paired in order and set bold, as the writer meant; an odd one out stays text.
 */
function strongByPairs(spans: MdSpan[]): MdSpan[] {
  const marks = spans.reduce((n, x) => n + (x.code ? 0 : x.text.split('**').length - 1), 0);
  let pairs = marks - (marks % 2);
  if (pairs === 0) return spans;
  let on = false;
  const out: MdSpan[] = [];
  for (const x of spans) {
    if (x.code) {
      out.push(x);
      continue;
    }
    const parts = x.text.split('**');
    parts.forEach((text, i) => {
      if (i > 0 && pairs > 0) {
        on = !on;
        pairs--;
      } else if (i > 0) text = `**${text}`;
      if (text) out.push({ ...x, text, ...(on || x.bold ? { bold: true } : {}) });
    });
  }
  return out;
}

/** Lines a paragraph's list of items runs to, at least (a lead-in line and two items, or three items). */
const LIST_LINES = 3;
/** An item's parts set apart: a full-width space, or two spaces or more. */
const ITEM_PARTS_RE = /\S(?:\u3000|\s{2,})\S/u;

/**
 * A paragraph's lines when it is a list, a line an item (a name and a title set apart by a space, no
 * clause ending the line), under a line leading into it with a colon or not: the line breaks are the
 * list's, not a wrap's, and joining them runs the items together. Undefined for any other paragraph.
 */
function listedLines(spans: Span[]): Span[][] | undefined {
  const lines = linesOf(spans);
  const texts = lines.map((l) => l.map((x) => x.text).join('').trim());
  if (texts.length < LIST_LINES || texts.some((t) => !t)) return undefined;
  const items = /[:：]$/u.test(texts[0]) ? texts.slice(1) : texts;
  // (a title block typed as one paragraph, its byline under it, is no list)
  const item = (t: string): boolean => [...t].length <= ITEM_MOST && ITEM_PARTS_RE.test(t) && !endsInPunctuation(t) && !bylineLine(t);
  return items.length >= LIST_LINES - 1 && items.every(item) ? lines : undefined;
}

/** A paragraph's spans cut at its line breaks, a line each. */
function linesOf(spans: Span[]): Span[][] {
  const lines: Span[][] = [[]];
  for (const x of spans) {
    x.text.split('\n').forEach((part, k) => {
      if (k > 0) lines.push([]);
      if (part) lines[lines.length - 1].push({ ...x, text: part });
    });
  }
  return lines;
}

/**
 * A paragraph kept a line a block: a list, a line an item (对话嘉宾：⏎王芳芳　…部长⏎熊　智　…总监, field test 40:
 * `listedLines`), or, as the first paragraph of a file with no heading (`first`: the text of the paragraph under it), a title
 * block, a line a title (引题——⏎主题⏎本报记者…: `titleLines`, `titles`). Undefined for any other paragraph.
 */
function splitLines(spans: Span[], first: string | undefined): { lines: TitleLine[]; titles: boolean } | undefined {
  const items = listedLines(spans);
  if (items) return { lines: items.map((l) => ({ spans: l })), titles: false };
  const titles = first !== undefined ? titleLines(spans, first) : undefined;
  return titles && { lines: titles, titles: true };
}

/** The text of the paragraph after token `at` ('' at the end): read only for a file's first paragraph. */
function nextInline(tokens: Token[], at: number): string {
  for (let i = at + 1; i < tokens.length; i++) if (tokens[i].type === 'inline') return tokens[i].content;
  return '';
}

/** A title block's line, with the role it is known to have. */
interface TitleLine {
  spans: Span[];
  role?: TitleRole;
}

/** Lines a title block typed as one paragraph runs to, at most (栏目, 引题, 主题, 副题, byline). */
const TITLE_BLOCK_LINES = 5;

/**
 * The first paragraph's lines when it is a title block typed with no blank line between its lines, as
 * a plain-text manuscript sets it (新疆乌鲁木齐造雪师黄文勇——⏎“游客多，每晚都要及时补雪”⏎本报记者　尚嵘峥): two
 * to five lines of a title's length with no full stop in them, a byline last (names alone too) or a dash
 * leading into a line or out of one (引题——, ——副题). Joined, they ran into one headline or the first paragraph.
 * Undefined for any other paragraph (a paragraph wrapped by hand has its full stops).
 */
function titleLines(spans: Span[], under: string): TitleLine[] | undefined {
  const lines = linesOf(spans);
  const texts = lines.map((l) => l.map((x) => x.text).join('').trim());
  if (texts.length < 2 || texts.length > TITLE_BLOCK_LINES || texts.some((t) => !t || [...t].length > TITLE_MAX || /[。；;]/u.test(t)) || verse(texts)) return undefined;
  // (a line leading out of a quotation is who said it, “我们村的路，修到了家门口”⏎——村民王大爷: review of field test 42)
  const dashed = texts.some((t, k) => /——$/u.test(t) || (/^——/u.test(t) && !/^[“"].*[”"]$/u.test(texts[k - 1] ?? '')));
  const last = texts[texts.length - 1];
  // (names alone last are the byline: 把太阳能电站“搬上天”⏎段宝岩; a common surname's, 景迈山 being a place)
  // (not a word the text under it goes on about: 行走中国⏎张家界⏎张家界的山…, review of field test 42)
  const named = !bylineLine(last) && bylineNames(last) && !under.includes(last);
  if (!dashed && !named && !bylineLine(last)) return undefined;
  return lines.map((l, k) => ({ spans: l, ...(named && k === lines.length - 1 ? { role: 'byline' as const } : {}) }));
}

/** Whether lines are verse: three or more but the last, of one length and short (春眠不觉晓⏎处处闻啼鸟⏎…⏎孟浩然). */
function verse(texts: string[]): boolean {
  const lines = texts.slice(0, -1).map((t) => [...t].length);
  return lines.length >= 3 && lines.every((n) => n === lines[0] && n <= VERSE_LINE_MOST);
}

/** The longest line of classical verse (七言) and a little more. */
const VERSE_LINE_MOST = 8;

/** Line breaks inside a paragraph: nothing between CJK characters, a space between Latin words. */
function resolveSoftBreaks(chars: string[]): string[] {
  return chars.map((c, i) => {
    if (c !== '\n') return c;
    return isCjkChar(chars[i - 1]) || isCjkChar(chars[i + 1]) ? '' : ' ';
  });
}

function safeDecodeUri(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}
