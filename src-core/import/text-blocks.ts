/**
 * Plain text (its lines) → blocks: blank lines separate paragraphs; Markdown-style heading marks (#…) are kept
 * as a level hint; an indented line (two spaces or an ideographic space) also starts a paragraph;
 * a copy-desk labelled line (引题：…, 记者：…), a line that is only a byline (本报记者 赵凯) and the
 * lines `lineOfItsOwn` knows (a picture placeholder with its caption, names under a title, a
 * bracketed byline, a section label) are blocks of their own, since manuscripts and OCR stack them
 * without blank lines; 编者按 alone marks the paragraph under it; a line end that is a paragraph end
 * (`paragraphEnds`: one paragraph a line, a title standing alone) starts one too; the lines of one
 * paragraph are joined (no space between CJK characters).
 */
import { cuttableMarkLength, editorsNoteAlone, titleLabel } from './labels';
import { COMMA_RE, endsInPunctuation, endsSentence, INDENT_RE, PARAGRAPH_INDENT_RE, STAR_ROW_RE, SUBHEAD_MARK_RE } from './chars';
import { HAN_IDEOGRAPHS as HAN } from '../typeset/chars';
import { bodyWriter, bracketedByline, bylineLine, columnNameLike, deckLine, endsInChartCredit, endsInPhotoCredit, endsInReporterCredit, imagePlaceholder, opensChartCredit, drawnBy, pictureCreditLine, leadAtStart, opensCaption, storySection, titleLike } from './roles';
import { namesOnly, personName, personWithPost } from './names';
import { blankPartsParagraphs, blocksOpenWithTitles, bracketOpen, ideographicIndents, indentsParagraphs, paragraphEnds, type BlockPlace } from './line-breaks';
import { joinWrappedLinesAt } from './ocr-text';
import { bulletTitle } from './bullet-titles';
import { verseLines } from './verse';
import type { SourceBlock } from './segment';

const HEADING_RE = /^\s*(#{1,6})\s*(.*)$/;

/** The blank lines a divider between two stories counts as: a story's end, as two blank lines are. */
export const STORY_GAP = 2;
/** A title line centred with spaces (not a paragraph's indent of two full-width spaces). */
const CENTRED_RE = /^ {3,}\S/;

/** A section label standing alone over the stories it heads (短评, 经济简讯, 创城动态, 今日谈, or any name in 【】: 【法治在线】, field test 27): a 栏目. */
const SECTION_LABEL = new RegExp(`^(?:[【\\[［]?(?:[${HAN}]{0,4}(?:简讯|快讯|动态|速递|短评|时评|点评|述评|社论|一句话新闻|图片新闻)|今日谈|编辑手记|记者手记|记者观察)[】\\]］]?|【[${HAN}·]{2,8}】)$`, 'u');

/**
 * A line that is a block of its own with a role, and the lines after it that go with it: a picture
 * placeholder with the caption under it, names only under a title line (刘力 陈卓: the byline), a
 * byline in brackets at a story's end ((周 平), (县新闻中心 王亚周)), a section label (a 栏目), a
 * bulleted title (`bulletTitle`) with the text run in after it (`rest`).
 */
function lineOfItsOwn(lines: readonly string[], idx: number, pending: { lines: string[]; level: number } | undefined, indentedParagraphs: boolean): { block: Omit<SourceBlock, 'gapBefore'>; skip: number; rest?: string } | undefined {
  const line = lines[idx];
  const t = line.trim();
  const spans = [{ text: t }];
  // (a bulleted title, ■海南…, and the text run in after it: field test 31)
  const bullet = bulletTitle(lines, idx);
  if (bullet) return { block: { spans: [{ text: bullet.title }], level: 0, ...(bullet.column ? { styleRole: 'column' as const } : {}) }, skip: bullet.skip, rest: bullet.rest };
  if (imagePlaceholder(line)) {
    // the lines under a placeholder down to a photo credit are its caption (OCR sets the caption under the picture)
    const caption = captionUnder(lines, idx, indentedParagraphs);
    return { block: { spans, level: 0, ...(caption ? { caption: caption.text } : {}) }, skip: caption?.lines ?? 0 };
  }
  const under = pending && pending.level === 0 && pending.lines.length === 1 && titleLine(pending.lines[0]);
  const alone = !lines[idx + 1]?.trim();
  // (or a person's name alone under a 言论's 栏目, title and 提要, clauses ending in no mark, over its indented text: 评论员观察⏎…⏎
  // …让发展成果更有温度、更有质感⏎李洪兴⏎　　长江…, field test 31; not a poet under his couplet, 举杯邀明月⏎对影成三人⏎李白, nor a speaker under
  // a quotation in a story, nor 黄金周 under a 引题 over a dateline)
  const stack = pending?.lines ?? [];
  const above = stack[stack.length - 1]?.trim() ?? '';
  const under1 = lines[idx + 1] ?? '';
  const opinion = [2, 3].some((k) => stack.length >= k && columnNameLike(stack[stack.length - k].trim()));
  const signs = opinion && COMMA_RE.test(above) && !endsInPunctuation(above) && personName(t) && INDENT_RE.test(under1) && !leadAtStart(under1.trim());
  if ((under && namesOnly(line) && alone) || signs || bracketedByline(t)) return { block: { spans, level: 0, styleRole: 'byline' }, skip: 0 };
  // a label heads a story with its own title under it; straight over text, the short line is that text's headline
  // (a title under it may be centred with spaces, as an OCR'd page sets it: 【法治在线】⏎              综治联动 打开;
  // a paragraph's indented first line is no title; a box a story closes with, 【相关链接】, and 【可删】 are no 栏目)
  const next = nextLine(lines, idx) ?? '';
  const label = SECTION_LABEL.test(t) && !storySection(t) && cuttableMarkLength(t) === 0;
  // (not over its deck alone, 【一座城市的温度】⏎——南关街道…纪实: it is the headline then, review of field test 38; nor over
  // the speakers it lists, 【对话人】⏎李亚飞（…主任）: the list's label, field test 43)
  if (!pending && label && titleLine(CENTRED_RE.test(next) ? next.trim() : next) && !deckLine(next) && !personWithPost(next)) return { block: { spans, level: 0, styleRole: 'column' }, skip: 0 };
  return undefined;
}

/** A title's value set in under its label's (主题：安全环保文化味⏎　　　花炮之乡拓新路): deeper than a paragraph's indent. */
const UNDER_VALUE_RE = /^\u3000{3,}(?=\S)/u;

/**
 * The line under a labelled 主题 that runs its value on: set in under the value, unlabelled, a title's
 * line (no 副题, byline, dateline or numbered heading) and the last of the labelled block (a blank line
 * or another label under it, not a paragraph's next line): one 主题 on two lines (field test 40).
 * Undefined when there is none.
 */
function labelRunOn(lines: readonly string[], idx: number): string | undefined {
  const label = titleLabel(lines[idx]);
  const next = (lines[idx + 1] ?? '').trim();
  const after = lines[idx + 2] ?? '';
  if (label?.role !== 'headline' || !label.text || !UNDER_VALUE_RE.test(lines[idx + 1] ?? '') || (after.trim() && !titleLabel(after))) return undefined;
  const other = titleLabel(next) || bylineLine(next) || bracketedByline(next) || namesOnly(next) || deckLine(next) || leadAtStart(next) || SUBHEAD_MARK_RE.test(next);
  return !other && titleLike(next) ? next : undefined;
}

/** The first line after `idx` that is not blank. */
function nextLine(lines: readonly string[], idx: number): string | undefined {
  for (let k = idx + 1; k < lines.length; k++) if (lines[k].trim()) return lines[k];
  return undefined;
}

/** Lines a placeholder's caption runs to, at most, and characters. */
const CAPTION_LINES = 4;
const CAPTION_CHARS = 150;

/**
 * The caption under a placeholder line: the lines down to the one that ends it with a photo credit
 * (本报记者 王涛 摄, wrapped or not: …李剑⏎摄) or a sentence and its reporter (…整理入库。本报记者 李政哲),
 * joined; failing those, down to a chart's credit, where the picture came from or a 图为… sentence; none else.
 */
function captionUnder(lines: readonly string[], at: number, indentedParagraphs: boolean): { text: string; lines: number } | undefined {
  // (a credit ends a caption first: 图为…。⏎本报记者 张三摄 is one caption, not a sentence and a byline; review of field test 36)
  // (a credit of its own line under a sentence's end, not a caption's line wrapped on 提供: review of field test 42)
  // (never a line over a byline: a title, 指尖彩绘⏎本报记者 王 强, review of field test 44)
  const creditLine = (k: number): boolean => pictureCreditLine(lines[k]) && (endsSentence(lines[k - 1].trim()) || (k === at + 1 && !/提供$/u.test(lines[k].trim()))) && !bylineLine(lines[k + 1] ?? '');
  return captionTo(lines, at, (text, k) => endsInPhotoCredit(text) || endsInReporterCredit(text) || creditLine(k)) ?? captionOverPicture(lines, at, indentedParagraphs) ?? captionTo(lines, at, (text, k) => charted(lines, at, k, text) || sourced(lines, at, k, text, indentedParagraphs));
}

/** The caption under the placeholder at `at` up to the first line where `ends` says it ends (within CAPTION_LINES, CAPTION_CHARS). */
function captionTo(lines: readonly string[], at: number, ends: (text: string, k: number) => boolean): { text: string; lines: number } | undefined {
  // (never past the next picture's bare placeholder: its caption is its own)
  for (let k = at + 1; k <= at + CAPTION_LINES && k < lines.length && lines[k].trim() && !barePlaceholder(lines[k]); k++) {
    const text = captionText(lines.slice(at + 1, k + 1));
    if (ends(text, k)) return [...text].length <= CAPTION_CHARS ? { text, lines: k - at } : undefined;
  }
  return undefined;
}

/** A caption's lines as one text: wrapped lines joined, a credit on a line of its own set apart by a space (…国家文物局 版式设计：张丹峰). */
function captionText(lines: readonly string[]): string {
  const parts: string[][] = [];
  for (const line of lines) {
    if (parts.length && opensChartCredit(line)) parts.push([line]);
    else (parts[parts.length - 1] ?? (parts[parts.length] = [])).push(line);
  }
  return parts.map((p) => joinWrappedLinesAt(p).text).join(' ').replace(/\s+/g, ' ');
}

/**
 * On a page that sets its paragraphs in, the lines under a placeholder not set in, down to the next
 * bare placeholder (【图】⏎caption⏎【图】⏎caption⏎以上图片均为…摄: two pictures, field test 40 P1): a
 * paragraph between two pictures is set in and stays the text's; a credit in brackets, （图：…摄）, is no
 * placeholder of its own.
 */
function captionOverPicture(lines: readonly string[], at: number, indentedParagraphs: boolean): { text: string; lines: number } | undefined {
  if (!indentedParagraphs) return undefined;
  return captionTo(lines, at, (_, k) => !setIn(lines, at, k) && barePlaceholder(lines[k + 1] ?? ''));
}

/** A placeholder line with no caption of its own in it (【图】, [图片]). */
const barePlaceholder = (line: string): boolean => imagePlaceholder(line)?.caption === '';

/** Whether the lines under the placeholder at `at` to `k` are set in as a paragraph is (the text's, not a caption). */
const setIn = (lines: readonly string[], at: number, k: number): boolean => lines.slice(at + 1, k + 1).some((l) => INDENT_RE.test(l));

/**
 * A chart's credit, 数据来源：国家统计局, ends its caption too (field test 32's [图表]); not under an indented paragraph, whose
 * source it is; nor over who drew it, 数据来源：…⏎制图：王朋: the caption takes both (field test 41).
 */
const charted = (lines: readonly string[], at: number, k: number, text: string): boolean => endsInChartCredit(text) && !setIn(lines, at, k) && !drawnBy(lines[k + 1] ?? '');

/**
 * So does where the picture came from, （资料图片）, or a sentence on lines not set in that opens as a caption does,
 * 图为…。 (field test 36), or with a blank line or the text set in under it, on a page that sets its paragraphs in (`indentedParagraphs`, read once for the page: field test 37).
 */
const sourced = (lines: readonly string[], at: number, k: number, text: string, indentedParagraphs: boolean): boolean => {
  if (PICTURE_SOURCE_RE.test(text)) return true;
  if (!endsSentence(text) || setIn(lines, at, k)) return false;
  const under = lines[k + 1] ?? '';
  return opensCaption(text) || ((!under.trim() || INDENT_RE.test(under)) && indentedParagraphs);
};

/** Where a picture came from at its caption's end, with no photographer named: （资料图片）, （新华社发）. */
const PICTURE_SOURCE_RE = /[（(]\s*(?:资料图片|资料照片|新华社发|新华社供图|视觉中国)\s*[）)]$/u;

/** A line that reads as a title over what follows: not indented, title-like, no comma, ending no sentence. */
function titleLine(line: string): boolean {
  return !INDENT_RE.test(line) && titleLike(line) && !COMMA_RE.test(line) && !endsInPunctuation(line);
}

/** A plain text's lines, as `blocksFromLines` takes them. */
export function textLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Lines gathered for a block: a heading's (level > 0) or a run of text lines. */
interface Pending {
  lines: string[];
  level: number;
  line: number;
  gap: number;
}

/** The blocks a run of lines makes: a heading whole; text split at its paragraph ends (one paragraph a line), its hard wraps joined. */
function pendingBlocks(pending: Pending, at: BlockPlace): SourceBlock[] {
  if (pending.level > 0) return [{ spans: [{ text: pending.lines.map((l) => l.trim()).filter(Boolean).join(' ') }], level: pending.level, gapBefore: pending.gap, line: pending.line }];
  const out: SourceBlock[] = [];
  let from = 0;
  for (const end of [...paragraphEnds(pending.lines, at), pending.lines.length - 1]) {
    const { text, joints } = joinWrappedLinesAt(pending.lines.slice(from, end + 1));
    const indented = !!at.indentedParagraphs && PARAGRAPH_INDENT_RE.test(pending.lines[from]);
    out.push({ spans: [{ text }], level: 0, gapBefore: from === 0 ? pending.gap : 0, line: pending.line + from, ...(joints.length ? { joints } : {}), ...(indented ? { indented } : {}) });
    from = end + 1;
  }
  return out;
}

/** What a page's lines say of the whole page: its blocks open with titles, its lines of verse, its paragraphs set in or parted by blank lines. */
function pageMarks(lines: readonly string[]): { titled: boolean; verse: Set<number>; indentedParagraphs: boolean; blankParagraphs: boolean } {
  return { titled: blocksOpenWithTitles(lines), verse: verseLines(lines), indentedParagraphs: indentsParagraphs(lines), blankParagraphs: blankPartsParagraphs(lines) };
}

/**
 * Whether line `idx` is a body writing as one (外交部党委) right under a title line, not in a list of such bodies: it
 * stands alone as a byline does, the title lines over it read as titles (field 54 P2; review: a wrapped line of text
 * ending …生态环境部党组 runs on, a list of units stays a list).
 */
function writesUnderTitle(lines: readonly string[], idx: number, above: readonly string[] | undefined): boolean {
  const prev = above?.[above.length - 1]?.trim();
  return !!prev && bodyWriter(lines[idx]) && titleLike(prev) && !endsInPunctuation(prev) && !bodyWriter(prev) && !bodyWriter(lines[idx + 1] ?? '');
}

export function blocksFromLines(text: readonly string[], furniture: ReadonlySet<number> = new Set()): SourceBlock[] {
  const lines = ideographicIndents(text);
  const blocks: SourceBlock[] = [];
  const { titled, verse, indentedParagraphs, blankParagraphs } = pageMarks(lines);
  let pending: Pending | undefined;
  let gap = 0;
  let skipTo = 0;
  let notePrefix = '';
  /** The blocks a row of stars between two stories stands right before (`STAR_ROW_RE`). */
  const breaks: number[] = [];
  /** `overPicture`: a picture placeholder comes next, so the block's last line may be the title over it; `beforeIndent`: an indented paragraph does, so it may be a subhead over that; `beforeByline`: a byline line, so its last lines may be the titles it signs. */
  const flush = (overPicture = false, beforeIndent = false, beforeByline = false): void => {
    if (pending) blocks.push(...pendingBlocks(pending, { titlesOpenBlocks: titled && pending.gap > 0, overPicture, beforeIndent, beforeByline, indentedParagraphs, blankParagraphs }));
    pending = undefined;
  };
  lines.forEach((raw, idx) => {
    // (page furniture read as if it were not there: the paragraph it interrupts runs on)
    if (furniture.has(idx)) return;
    const line = raw.replace(/^\uFEFF/, '');
    if (!line.trim()) {
      flush();
      gap++;
      return;
    }
    // a row of stars alone (＊　＊　＊) over a title line parts two stories: read as the blank lines that do (field test 27);
    // over text it divides one story's sections, and stays in it
    if (STAR_ROW_RE.test(line.trim()) && titleLine((nextLine(lines, idx) ?? '').trim())) {
      flush();
      gap += STORY_GAP;
      breaks.push(blocks.length);
      return;
    }
    if (idx < skipTo) return;
    // (a line of verse is a paragraph of its own: field test 32's poem)
    if (verse.has(idx)) {
      flush();
      blocks.push({ spans: [{ text: line.trim() }], level: 0, gapBefore: gap, line: idx + 1, verse: true });
      gap = 0;
      return;
    }
    if (editorsNoteAlone(line)) {
      flush(); // (编者按 on a line of its own: the paragraph under it is the note, marked as a copy desk marks it)
      notePrefix = '编者按：';
      return;
    }
    const own = lineOfItsOwn(lines, idx, pending, indentedParagraphs);
    if (own) {
      flush(imagePlaceholder(line) !== undefined);
      blocks.push({ ...own.block, gapBefore: gap, line: idx + 1 });
      skipTo = idx + 1 + own.skip;
      gap = 0;
      if (own.rest) pending = { lines: [`\u3000\u3000${own.rest}`], level: 0, line: idx + 1 + own.skip, gap: 0 }; // (the text run in after a title)
      return;
    }
    const h = line.match(HEADING_RE);
    // a labelled line or a line that is only a byline (本报记者 赵凯: under a headline, no blank line between) stands alone,
    // unless a bracket the line above opened runs on into it (华声在线12月9日讯(通讯员⏎ 张露丹 马镜 全媒体记者⏎刘思佳)…)
    const inBracket = !!pending && bracketOpen(pending.lines[pending.lines.length - 1] ?? '');
    if (h || titleLabel(line) || (bylineLine(line) && !inBracket) || writesUnderTitle(lines, idx, pending?.lines)) {
      flush(false, false, !h && !titleLabel(line));
      const runOn = h ? undefined : labelRunOn(lines, idx);
      pending = { lines: [h ? h[2] : runOn ? `${line}\u3000${runOn}` : line], level: h ? h[1].length : 0, line: idx + 1, gap };
      if (runOn) skipTo = idx + 2;
      flush();
      gap = 0;
      return;
    }
    if (pending && (pending.level > 0 || INDENT_RE.test(line))) flush(false, INDENT_RE.test(line));
    if (!pending) {
      pending = { lines: [], level: 0, line: idx + 1, gap };
      gap = 0;
    }
    pending.lines.push(notePrefix + line);
    notePrefix = '';
  });
  flush();
  for (const k of breaks) if (blocks[k]) blocks[k].storyBreak = true;
  return blocks;
}
