/**
 * Plain text whose paragraphs are not set apart by blank lines or indents: are its single line
 * ends hard wraps (OCR, a fixed-width editor: the lines of a paragraph run to one width and end
 * mid-sentence) or paragraph ends (one paragraph a line, as text copied from a web page or a chat
 * comes)? Read from the lines themselves; where a line end is a paragraph end, the block splits.
 */
import { BULLET_RE, CLAUSE_MARKS, COMMA_RE, endsInPunctuation, endsSentence, PARAGRAPH_INDENT_RE, PARAGRAPH_LABEL_RE, SENTENCE_STOP, SUBHEAD_MARK_RE } from './chars';
import { bodyWriter, briefsLabel, bylineLine, deckLine, dispatchTag, editorsSign, endsStory, endsWithDash, helpedAlone, jumpAtStart, leadAtStart, opensNews, parseCredits, signsQuotation, TITLE_MAX } from './roles';
import { headingWriter, namesOnly, paddedName, personName } from './names';
import { ELLIPSIS, EM_DASH, PAIRED_MARKS, PunctClass, punctClass } from '../typeset/chars';

/** A line this much longer than any wrap width (CJK characters) is a paragraph on its own line: nobody wraps that wide. */
const WIDE_LINE = 50;
/** Lines within this share of the widest one run to the wrap width. */
const NEAR_WIDTH = 0.1;
/** A block with fewer than this share of its lines at the wrap width is ragged: one paragraph a line. */
const WRAPPED_SHARE = 0.6;
/** A line under this share of the wrap width that ends in no punctuation stands alone (a headline, a subhead). */
const TITLE_SHARE = 0.6;
/** A title line between stories (no blank line, no dateline under it) is under this share of the wrap width: a body line of digits only looks short. */
const BETWEEN_SHARE = 0.75;
/** A line this much wider than the wrap (the median line) is set in a wider measure than the body: a title. */
const OVER_WRAP = 1.25;
/** Title lines stacked over a story's dateline, at most (引题, 主题, two 副题). */
const TITLE_RUN = 4;
/** A title line is at most this wide (CJK characters): a line of a wrapped paragraph is often wider. */
const TITLE_WIDTH = 30;

/** A line's width in CJK characters (a Latin letter, digit or space is half a character wide). */
function width(line: string): number {
  let w = 0;
  for (const ch of line.trim()) w += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return w;
}

/**
 * The width a paragraph's indent takes of its first line, in characters (two full-width spaces: 2): that
 * line runs to the wrap with it (　　然而，郁达夫的身份到底还是暴露了。 is a full line, field test 29).
 * A longer run of spaces centres a title and is no indent (`CENTRED_RE` in `text-blocks.ts`: three or more); the
 * width is the shortness a sentence's end is read against, never a title's (an indented short line ending in no mark is one).
 */
function indentOf(line: string): number {
  const m = INDENT_AT_START_RE.exec(line);
  return m ? (m[1] ? [...m[1]].length : m[2].length / 2) : 0;
}

const INDENT_AT_START_RE = /^(?:(\u3000{1,2})|( {2}))(?=\S)/u;

/** Where a block stands on its page: what may make its first or last line a title. */
export interface BlockPlace {
  /** On a page whose blank-line blocks open with title lines (`blocksOpenWithTitles`), after a blank line. */
  titlesOpenBlocks?: boolean;
  /** A picture placeholder comes next: the last line may be the title of the picture story under it. */
  overPicture?: boolean;
  /** An indented paragraph comes next: the last line may be a subhead set flush left over it (…不断提升。⏎温情服务⏎　　由于…). */
  beforeIndent?: boolean;
  /** A byline line of its own comes next: the last lines may be the titles of the story it signs (`titleRunAtFoot`). */
  beforeByline?: boolean;
  /** The page indents its paragraphs (`indentsParagraphs`): an indented line opens one, never a title. */
  indentedParagraphs?: boolean;
  /** The page parts its paragraphs by blank lines (`blankPartsParagraphs`): there, as where it indents them, a line one short of the wrap over an opening mark is no paragraph's end. */
  blankParagraphs?: boolean;
}

/** Lines a page indents, at least, to be read as indenting its paragraphs (one indented line may be a title set in). */
const INDENTED_LEAST = 3;

/** Runs of lines between blank lines a page needs, at least, and the share of them this short, to part its paragraphs by blank lines. */
const BLANK_PARTED_RUNS = 6;
const PARAGRAPH_RUN_LINES = 8;
const PARAGRAPH_RUN_SHARE = 0.8;

/** Whether a page parts its paragraphs by blank lines: most of its runs of lines between blank lines a paragraph's few lines, not a story's many. */
export function blankPartsParagraphs(lines: readonly string[]): boolean {
  const runs: number[] = [];
  let n = 0;
  for (const l of [...lines, '']) {
    if (l.trim()) {
      n++;
    } else if (n) {
      runs.push(n);
      n = 0;
    }
  }
  return runs.length >= BLANK_PARTED_RUNS && runs.filter((r) => r <= PARAGRAPH_RUN_LINES).length >= runs.length * PARAGRAPH_RUN_SHARE;
}

/** A paragraph's first line set in with half-width spaces, as OCR and pasted text often give it. */
const ASCII_INDENT_RE = /^ {2,4}(?=[^\s\u3000])/u;
/** Lines a page sets in so, at least, and the share of them under a sentence's end, to be read as setting its paragraphs in so. */
const ASCII_INDENTED_LEAST = 6;
const ASCII_UNDER_END_SHARE = 0.5;

/**
 * A page's lines with the half-width indent it sets its paragraphs in with (two to four spaces, the
 * commonest) made the full-width one (　　), so that the page is read as one indenting its paragraphs (field test 53 P1);
 * unchanged where few lines are set in so or few of them stand under a sentence's end (titles centred
 * with spaces, a stray space at a line's start).
 */
export function ideographicIndents(lines: readonly string[]): readonly string[] {
  // (the page's own indent, its commonest: a subhead or a line of verse centred with more spaces stays as it is, review)
  const depths = lines.map((l) => (ASCII_INDENT_RE.test(l) ? l.length - l.trimStart().length : 0));
  const counts = new Map<number, number>();
  for (const d of depths) if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
  const own = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  const set = depths.flatMap((d, k) => (own !== undefined && d === own ? [k] : []));
  const underEnd = set.filter((k) => k > 0 && (endsSentence(lines[k - 1].trim()) || editorsSign(lines[k - 1].trim()))).length;
  if (set.length < ASCII_INDENTED_LEAST || underEnd < set.length * ASCII_UNDER_END_SHARE) return lines;
  const out = lines.slice();
  for (const k of set) out[k] = `\u3000\u3000${lines[k].trimStart()}`;
  return out;
}

/** Whether a page's text indents its paragraphs with full-width spaces: an indented line is a paragraph's first. */
export function indentsParagraphs(lines: readonly string[]): boolean {
  let n = 0;
  for (const l of lines) if (PARAGRAPH_INDENT_RE.test(l) && ++n >= INDENTED_LEAST) return true;
  return false;
}

/**
 * The indices of the lines after which a new paragraph starts (`lines` are one blank-line block).
 * Hard-wrapped lines (most at one width) split only where a line ends a sentence short of the width;
 * a ragged block, or one with lines wider than anyone wraps, at every line that ends a sentence; and
 * either where a short line ending in no punctuation stands alone (a title), and after each of the
 * title lines the block starts with (`titleRunAtTop`).
 */
export function paragraphEnds(lines: readonly string[], at: BlockPlace = {}): number[] {
  if (lines.length < 2) return [];
  const widths = lines.map(width);
  // the wrap width: the widest line (in a long block, the widest its body runs to: wrapWidth) but a title over the body in a wider measure (overWideAtTop)
  const over = overWideAtTop(widths);
  const widest = wrapWidth(...keptLines(lines, widths, over));
  // (a line is short of the wrap counting its indent: a full indented first line ending a sentence runs on, field test 29)
  const short = shortOfWrap(lines.map((l, i) => widths[i] + indentOf(l)), widest);
  const inner = widths.slice(0, -1);
  const atWidth = inner.filter((_, i) => !short(i)).length / inner.length;
  const everyLine = widest > WIDE_LINE || atWidth < WRAPPED_SHARE;
  // (on a page that indents its paragraphs an indented first line is no title, however short: 　　塞纳河畔春意盎然，法国巴黎大⏎皇宫内…, field test 33)
  const titleLike = (i: number): boolean => widths[i] < widest * TITLE_SHARE && !endsInPunctuation(lines[i].trim()) && !datelineWraps(lines, i) && !(at.indentedParagraphs && PARAGRAPH_INDENT_RE.test(lines[i]));
  const ends = titleRunAtTop(lines, widths, widest, over, { signedOrPictured: at.overPicture || at.beforeByline, signed: at.beforeByline });
  // (on a page whose blocks open with a title line the first line is one however wide)
  if (at.titlesOpenBlocks && headLine(lines[0]) && !ends.includes(0)) ends.push(0);
  // (over a picture placeholder the last line may be the title of the picture story under it: 晚秋忙收获⏎[图片];
  // after a sentence's end, however wide: 方便市民出行。⏎联合消防演练给居民上了一堂课⏎[图片], field test 19)
  const last = lines.length - 1;
  // (not the line closing a bracket the line above left open: a writer's note wrapped, （作者为…文化与自然⏎遗产研究所所长）, field test 42)
  const overPicture = at.overPicture && headLine(lines[last]) && !bracketOpen(lines[last - 1]) && (widths[last] < widest * BETWEEN_SHARE || endsSentence(lines[last - 1].trim()));
  if (overPicture && !ends.includes(last - 1)) ends.push(last - 1);
  // (over an indented paragraph, a title line after a sentence's end is a subhead set flush left: field test 25, 温情服务)
  // (on a page that indents its paragraphs, a flush-left line of short clauses is one too: 摸清文化家底，系统保护文物, field test 34)
  const subheadLast = at.beforeIndent && (headLine(lines[last]) || (at.indentedParagraphs && clausedSubhead(lines[last]))) && endsSentence(lines[last - 1].trim());
  if (subheadLast && !ends.includes(last - 1)) ends.push(last - 1);
  const dashed = dashedSubheadAtFoot(lines, at);
  for (const e of dashed > 0 ? [dashed - 1, dashed] : []) if (!ends.includes(e)) ends.push(e);
  if (at.beforeByline) for (const e of titleRunAtFoot(lines)) if (!ends.includes(e)) ends.push(e);
  // a title line between two stories with no blank line between: after a sentence's end, no clause
  // mark in it, short of the width or over a dateline (field test 17: 微展览开展九龙融媒讯… was one paragraph)
  // (or, all Han, clearly short of the width: a line of a paragraph it opens would run to it, 避头尾 moving a mark at most;
  // field test 21: 社区便民座椅 赢得居民好评 at 12 of 16 was joined to the story under it)
  const wrap = median(widths.slice(1, -1));
  const hanShort = (i: number): boolean => !/[0-9A-Za-z]/.test(lines[i]) && widths[i] < Math.min(widest, wrap) * (1 - NEAR_WIDTH) - 1;
  // (or wider than the wrap: a headline set over more columns than the body, 中共中央办公厅…的意见 over a 16-character measure)
  const between = (i: number): boolean => i > 0 && endsStory(lines[i - 1].trim()) && headLine(lines[i]) && (widths[i] < widest * BETWEEN_SHARE || hanShort(i) || widths[i] > wrap * OVER_WRAP || opensDateline(lines, i + 1));
  // (a line of short clauses alone between a sentence's end and a full line, ending in no mark: a subhead on a page that neither
  // indents nor parts its paragraphs, 度重点考察调研。⏎深入一线，倾听企业诉求⏎调研组走进位于天津市滨海新区, field test 52)
  // (Han alone: a line with a number in it is narrower than it holds, 2017年12月28日，同安街道丽阳 runs on)
  const clausedAlone = (k: number): boolean => k > 0 && !everyLine && !/[0-9A-Za-z]/.test(lines[k]) && endsSentence(lines[k - 1].trim()) && short(k) && !short(k + 1) && !endsInPunctuation(lines[k].trim()) && clausedSubhead(lines[k]);
  const titled = (k: number): boolean => k < lines.length - 1 && (titleLike(k) || between(k) || sectionHead(lines, k, short) || clausedAlone(k));
  // under a 简讯 label each item is a paragraph: one that opens with when it happened starts after a sentence's end
  // however wide the line above (field test 19: two of three items read as one)
  const briefs = lines.findIndex(briefsLabel);
  const item = (i: number): boolean => briefs >= 0 && i > briefs && endsSentence(lines[i].trim()) && opensNews(lines[i + 1]);
  const oneShort = lineShortByOne(lines, !!(at.blankParagraphs || at.indentedParagraphs));
  const runsOnItem = inItem(lines);
  // (a quotation's signature under its sentence's end, short of the width or the block's last: ——甘肃陇南顺丰快递员曾霞, a line of its own)
  const signs = (k: number): boolean => k > 0 && signsQuotation(lines[k], lines[k - 1]) && (k === last || short(k));
  for (let i = 0; i < lines.length - 1; i++) {
    const shortHere = short(i) || oneShort(i);
    // (a dateline opens a story however the line above ends: …摄影报道）⏎本报通讯员 秦雪 报道 近日，)
    // (and so do the page's credits, 校对:周敏 组版:吴刚, under the last story's last line: field test 19; and a 上接 line, (上接第1版)扎根基层…;
    // and a note on who else reported, who the writer is or where a figure came from, (作者为…), field test 29: a paragraph of its own)
    // (inside a marked item, ■近日，…批复。⏎规划明确，…, a line's sentence end is no paragraph's: `inItem`)
    const split = ((everyLine || shortHere) && !runsOnItem(i) && (endsSentence(lines[i].trim()) || dispatchTag(lines[i]))) || titled(i) || titled(i + 1) || leadAtStart(lines[i + 1].trim()) !== undefined || jumpAtStart(lines[i + 1].trim())?.direction === 'from' || parseCredits(lines[i + 1].trim()) !== undefined || helpedAlone(lines[i + 1]) || helpedAlone(lines[i]) || item(i) || signs(i) || signs(i + 1) || PARAGRAPH_LABEL_RE.test(lines[i + 1].trim());
    // (a paragraph led by its label, 【事件】一段时间里，…, opens under any line: field test 34)
    // (a bracket left open runs on into the next line: 开展了消防演练活动。(梁静 摄影⏎报道）)
    if (split && !ends.includes(i) && !bracketOpen(lines[i])) ends.push(i);
  }
  // (a subhead wrapped at the measure is one: 全球治理倡议为改革完善全球治理提⏎供了时代方案, field 54 P2)
  const heads = everyLine ? [] : wrappedHeads(lines, widths, widest, short);
  for (const k of heads) for (const e of [k - 1, k + 1]) if (!ends.includes(e)) ends.push(e);
  // (nor is a line of marks alone a paragraph, nor a subhead: the second half of an ellipsis OCR wrapped, 走得不太顺…⏎…, field test 36)
  return ends.filter((e) => !MARKS_ALONE_RE.test(lines[e + 1]?.trim() ?? '') && !heads.includes(e)).sort((a, b) => a - b);
}

/**
 * Subheads wrapped at the measure on a page that neither indents nor parts its paragraphs: after a sentence's end,
 * a line of Han alone running to the wrap, over a shorter one, neither with a mark in it nor at its end, a line
 * under them (全球治理倡议展现了新时代中国外交⏎胸怀天下的格局担当, field 54 P2: the first line ran into the paragraph
 * above, the second stood alone as the subhead), not a story's titles (`titles`). The first lines of such pairs.
 */
function wrappedHeads(lines: readonly string[], widths: number[], widest: number, short: (i: number) => boolean): number[] {
  const bare = (i: number): boolean => !/[0-9A-Za-z\s]/.test(lines[i].trim()) && !CLAUSE_MARKS.test(lines[i]) && !endsInPunctuation(lines[i].trim()) && quotesPaired(lines[i]);
  // (not a story's titles: a headline over its writer, its 副题 or its dateline, 工业经济稳中向好⏎本报北京11月19日电: review)
  const titles = (k: number): boolean => headingWriter(lines[k + 1]) || paddedName(lines[k + 1]) || bodyWriter(lines[k + 1]) || deckLine(lines[k + 1]) !== undefined || leadAtStart(lines[k + 2].trim()) !== undefined || bylineLine(lines[k + 2]) !== undefined || bodyWriter(lines[k + 2]);
  const out: number[] = [];
  for (let k = 1; k + 2 < lines.length; k++) {
    if (endsSentence(lines[k - 1].trim()) && !short(k) && widths[k] <= widest && bare(k) && short(k + 1) && bare(k + 1) && !short(k + 2) && !titles(k)) out.push(k);
  }
  return out;
}

/** A line of closing marks alone, which no paragraph opens with: it ends the line above. */
const MARKS_ALONE_RE = /^[…”’）》」』〕】。，、；：？！.,;:?!)]+$/u;

/** Items, at least, a block's lines must open with a mark for each item to be one paragraph (`inItem`). */
const LIST_ITEMS = 2;

/**
 * In a block of items each opening with a mark (■近日，…, a 简讯 column's: field test 27), whether line
 * `i + 1` runs on an item: a sentence ending a line inside an item ends no paragraph; the next mark does.
 */
function inItem(lines: readonly string[]): (i: number) => boolean {
  // (an item runs its sentence with its clauses, ■近日，…; a marked subhead, ■ 老旧小区改造提速, heads paragraphs of its own)
  const marked = (i: number): boolean => i < lines.length && BULLET_RE.test(lines[i].trim()) && CLAUSE_MARKS.test(lines[i]);
  const first = lines.findIndex((_, i) => marked(i));
  const listed = first >= 0 && lines.filter((_, i) => marked(i)).length >= LIST_ITEMS;
  return (i) => listed && i >= first && !marked(i + 1);
}

/** Whether line `i` stops short of the wrap width `widest`: more than NEAR_WIDTH and a character. */
function shortOfWrap(widths: number[], widest: number): (i: number) => boolean {
  return (i) => widths[i] < widest * (1 - NEAR_WIDTH) - 1;
}

/** The lines and their widths but those at `over`. */
function keptLines(lines: readonly string[], widths: number[], over: number[]): [string[], number[]] {
  const keep = (_: unknown, i: number): boolean => !over.includes(i);
  return [lines.filter(keep), widths.filter(keep)];
}

/** Lines, at least, in a block whose wrap width is read past its widest lines (`wrapWidth`). */
const LONG_BLOCK = 12;
/** The share of a long block's lines below its wrap width: the rest are titles set wider (a page with no blank line keeps its headlines in the block). */
const WRAPPED_LINES = 0.9;

/**
 * The width a block's lines wrap to: its widest line, but in a long block no wider than its lines run
 * (WRAPPED_LINES of them, NEAR_WIDTH and a character more) but for title lines: a page with no blank
 * line at all holds its headlines in its one block, wider than the body (field test 24: 中共中央办公厅…的意见
 * at 26 over a measure of 15 to 19 took every body line for short).
 */
function wrapWidth(lines: readonly string[], widths: number[]): number {
  const widest = Math.max(...widths);
  // (one paragraph a line, some wider than anyone wraps: the widest measures what is short)
  if (widths.length < LONG_BLOCK || widest > WIDE_LINE) return widest;
  const sorted = [...widths].sort((a, b) => a - b);
  const cap = sorted[Math.floor(sorted.length * WRAPPED_LINES)] * (1 + NEAR_WIDTH) + 1;
  // (only a title line stands above it: a sentence that long says the lines are paragraphs of their own, ragged)
  return Math.max(...widths.filter((w, i) => w <= cap || !headLine(lines[i])));
}

/**
 * Whether line `i` of hard-wrapped lines stops a character or more short of the wrap width: a line of
 * a paragraph running on would have taken the next character (field test 21: a paragraph one character
 * short of the wrap was joined to the next). Counted in characters over the lines of Han alone (a digit
 * or letter is narrower, so lines with them hold more; OCR's stray spaces not counted), and not where
 * the next line shows 避头尾 or a number pushed down: its second character a mark a line may not start
 * with (…炫目。⏎树，), or its first a digit or letter (a number too wide for the character left goes down whole), or,
 * one short on a page marking its paragraphs by blank lines or indents, its first an opening mark (a line ends with none).
 */
function lineShortByOne(lines: readonly string[], marked: boolean): (i: number) => boolean {
  const chars = lines.map((l) => [...l.replace(/\s/g, '')]);
  const length = (k: number): number => chars[k].length + indentOf(lines[k]);
  const han = (k: number): boolean => !/[0-9A-Za-z]/.test(lines[k]);
  const inner = chars.slice(1, -1).filter((_, k) => han(k + 1));
  const wrap = median(inner.map((c) => c.length));
  return (i) => {
    const next = chars[i + 1] ?? [];
    const second = next.length > 1 ? next[1].codePointAt(0)! : 0;
    const pushed = punctClass(second) === PunctClass.Closing || second === ELLIPSIS || second === EM_DASH || /^[0-9A-Za-z]/.test(next[0] ?? '');
    // (an opening mark no line ends with went down, the line one short: …加工中心等。⏎“我们已实现…, field test 52; only where blank
    // lines or indents mark the paragraphs: with no other mark, a paragraph's last line one short is its end, review)
    const opened = marked && length(i) === wrap - 1 && punctClass(next[0]?.codePointAt(0) ?? 0) === PunctClass.Opening;
    return inner.length >= 3 && han(i) && length(i) <= wrap - 1 && !pushed && !opened;
  };
}

/**
 * Line `k` is a numbered section's heading after a sentence's end, on a line of its own (二、构建覆盖各类
 * 主体的社会信用体系 in a 15-to-19-character measure, field test 24): its mark, then words with no clause
 * mark, ending in none, short of the wrap or over another numbered line. A numbered paragraph runs its
 * sentence on: （一）深化政务信用建设.健全….
 */
function sectionHead(lines: readonly string[], k: number, short: (i: number) => boolean): boolean {
  const line = lines[k].trim();
  const words = line.replace(SUBHEAD_MARK_RE, '');
  // (short of the wrap, or over a numbered line: a numbered paragraph's first line runs to the width and on, （一）加强组织领导成立由…⏎任组长…)
  const apart = short(k) || SUBHEAD_MARK_RE.test(lines[k + 1]?.trim() ?? '');
  return k > 0 && words !== line && apart && endsSentence(lines[k - 1].trim()) && !CLAUSE_MARKS.test(words) && !endsInPunctuation(line) && width(line) <= TITLE_WIDTH;
}

/** Line `k` opens a dateline (本报讯…, 新华社…电), on its own or wrapped into the next line. */
function opensDateline(lines: readonly string[], k: number): boolean {
  return k < lines.length && (leadAtStart(lines[k].trim()) !== undefined || datelineWraps(lines, k));
}

/** Line `i` starts a dateline the next line ends (新华社北京5月1⏎5日电): a story's first line, wrapped, never a title. */
function datelineWraps(lines: readonly string[], i: number): boolean {
  const here = lines[i].trim();
  const lead = leadAtStart(here + (lines[i + 1]?.trim() ?? ''));
  return lead !== undefined && lead.length > [...here].length;
}

/** A line that opens a round bracket it does not close (a quote may run on over paragraphs; a bracket never does). */
export function bracketOpen(line: string): boolean {
  const count = (re: RegExp): number => (line.match(re) ?? []).length;
  return count(/[（(]/g) > count(/[）)]/g);
}

/** The straight quote OCR sets for either half of a curly pair (“明光之夏"纳凉晚会开幕): it may close one. */
const STRAIGHT_HALF: Readonly<Record<string, string>> = { '“': '"', '‘': "'" };

/** A line that opens a quote or bracket it does not close (“我们合作社今年种了1000多亩优): a sentence running on, never a title. */
export function leavesOpen(line: string): boolean {
  const count = (c: string | undefined): number => (c ? line.split(c).length - 1 : 0);
  return Object.entries(PAIRED_MARKS).some(([open, close]) => count(open) > count(close) + count(STRAIGHT_HALF[open]));
}

/**
 * The lines among a block's first TITLE_RUN wider than its body wraps (the median line's width, and
 * NEAR_WIDTH more) and no wider than a title: no line of a wrapped paragraph is, so such a line is
 * a title set in a wider measure, a 副题 with its comma (曲靖老城日均近15000名游客打卡,42家新商户相继开业),
 * when it ends no sentence. Only over a few lines, whose median is the wrap width.
 */
function overWideAtTop(widths: number[]): number[] {
  // (the first line, a title, and the last, a paragraph's end, tell nothing of the wrap width)
  const body = widths.slice(1, -1);
  if (body.length < 3) return [];
  const wrap = median(body);
  // (a block of verse, lines of a few characters, wraps at no width)
  if (wrap < NARROWEST_WRAP) return [];
  return widths.slice(0, TITLE_RUN).flatMap((w, i) => (w > wrap * (1 + NEAR_WIDTH) + 1 && w <= TITLE_MAX ? [i] : []));
}

/** The narrowest a column wraps (CJK characters): a block whose lines run narrower is verse or a list. */
const NARROWEST_WRAP = 10;

/**
 * The title lines a hard-wrapped block starts with (a 引题 and a 主题 stacked over 本报讯…, no blank
 * line between): each short of the wrap width (or wider than it, `over`: a title in a wider measure),
 * not indented, ending in no punctuation, before the first line that runs to the width. A paragraph's
 * own first line runs to the width or is indented.
 */
function titleRunAtTop(lines: readonly string[], widths: number[], widest: number, over: number[], at: { signedOrPictured?: boolean; signed?: boolean } = {}): number[] {
  // (a title in a wider measure may trail off: 摩天轮下火树银花、文创产品创意满满、鸡尾酒带来微醺浪漫……)
  const bare = (i: number): string => (over.includes(i) ? lines[i].trim().replace(/[…]+$/u, '') : lines[i].trim());
  const plain = (i: number): boolean => !/^\s/.test(lines[i]) && !endsInPunctuation(bare(i)) && !leavesOpen(lines[i]) && !datelineWraps(lines, i);
  // (a 引题 may end in a dash leading into the 主题 under it, a title line too: 美的集团推动数智化转型——⏎协同创新赋能产业链;
  // not a sentence's first line leading into a quotation: 记者听到最多的一句话是——⏎“只要肯干…)
  // (a block of a dashed 引题 and a quotation for its 主题 alone, over a byline or a picture: 中国援坦桑尼亚医生…大爱无疆——⏎
  // “能帮助别人，他的眼里充满了光”, field test 47; not a sentence leading into what someone said, 他只说了一句——⏎“明年再扩两百亩”: review)
  // (or a 主题 exclaimed or asked, 浙江湖州…专项整治——⏎向公务活动中过度使用视频说“不”！⏎本报记者 窦瀚洋, field test 50)
  // (over a byline only, under a 引题 of no clauses that leads into no one's words: 村党支部书记王明感慨——⏎乡亲们的日子真是
  // 芝麻开花节节高！ is what he said, over a picture or his reporter's end byline alike: review)
  const exclaimedUnder = !!at.signed && exclaimedTitle(lines[1] ?? '') && !COMMA_RE.test(lines[0]) && !SAYS_RE.test(lines[0].trim());
  const quoteUnder = (i: number): boolean => !!at.signedOrPictured && i === 0 && lines.length === 2 && !/^\s/.test(lines[0]) && (quotedTitle(lines[1]) || exclaimedUnder) && widths[1] <= TITLE_WIDTH;
  const kicker = (i: number): boolean => KICKER_DASH_RE.test(bare(i)) && !endsInPunctuation(bare(i).replace(KICKER_DASH_RE, '')) && i + 1 < lines.length && ((plain(i + 1) && !OPENS_QUOTE_RE.test(lines[i + 1].trim())) || quoteUnder(i));
  const title = (i: number): boolean => plain(i) || kicker(i) || (i > 0 && kicker(i - 1) && quoteUnder(i - 1));
  // (over a byline or a picture, a dashed 引题 wider than a title runs over its 主题: 从个案监督到类案规范，…解决群众急难愁盼问题——⏎
  // 为一部电梯，“红头文件”改了, field test 49)
  if (lines.length === 2 && at.signedOrPictured && !/^\s/.test(lines[0]) && widths[0] <= TITLE_MAX && kicker(0) && widths[1] <= TITLE_WIDTH) return [0];
  // a block of nothing but title lines (引题 over 主题, a blank line under them): each its own; not a
  // paragraph wrapped at one width with its clauses (an epigraph's source: ——2024年6月24日，习近平…在全国科⏎技大会、…, field test 25)
  if (lines.length <= TITLE_RUN && lines.every((_, i) => title(i) && widths[i] <= TITLE_WIDTH) && !wrappedClauses(lines)) return lines.slice(0, -1).map((_, i) => i);
  // over a dateline (本报讯…) however wide they are: a story begins there
  const lead = lines.findIndex((l, i) => i > 0 && i <= TITLE_RUN && (leadAtStart(l.trim()) !== undefined || datelineWraps(lines, i)));
  if (lead > 0 && lines.slice(0, lead).every((_, i) => title(i))) return Array.from({ length: lead }, (_, i) => i);
  const out: number[] = [];
  const short = shortOfWrap(widths, widest);
  // (with no dateline under them, a short line with a comma is a sentence wrapped short, 近日,驿城区…防汛;
  // so is one with an enumeration comma, 为满足老年群体、行动不便人士的; a wider one holds no sentence's end)
  const runsOn = (i: number): boolean => title(i) && ((short(i) && !COMMA_RE.test(lines[i]) && !lines[i].includes('、')) || (over.includes(i) && !SENTENCE_STOP.test(bare(i))));
  for (let i = 0; i < lines.length - 1 && runsOn(i); i++) {
    out.push(i);
    // (a name alone, the writer's, ends the titles: a 言论's 栏目, title, 袁云才, then its text)
    if (i > 0 && (namesOnly(lines[i]) || personName(lines[i]))) break;
  }
  // only over a body that wraps: some line after the run runs to the width
  return out.length < lines.length - 1 && widths.slice(out.length).some((w, k) => !short(out.length + k)) ? out : [];
}

/** A line this long at least (characters) may be one of a paragraph's wrapped at a column's width (`wrappedClauses`): titles seldom run so long. */
const WRAPPED_WIDTH = 18;

/**
 * Whether three lines or four are a paragraph hard-wrapped at one width: every line but the last as long as
 * the longest (within a character), that WRAPPED_WIDTH at least, and clause marks in them. Stacked
 * titles each run their own length (two lines alike tell nothing: a long 引题 over its 主题).
 */
function wrappedClauses(lines: readonly string[]): boolean {
  // (counted in characters, as a column of a typeset page holds them: its digits and marks take a character's room)
  const chars = lines.map((l) => [...l.replace(/\s/g, '')].length);
  const widest = Math.max(...chars);
  // (a 副题 under them, ——河南省推进高质量发展纪实, says titles: 引题, 主题, 副题)
  const deckUnder = lines.slice(1).some((l) => deckLine(l) !== undefined);
  return lines.length >= 3 && !deckUnder && widest >= WRAPPED_WIDTH && chars.slice(0, -1).every((c) => c >= widest - 1) && lines.some((l) => CLAUSE_MARKS.test(l));
}

/**
 * Over a byline line of its own, the title lines a block ends with, after a sentence's end or an editor's
 * signature: a title line, and a 引题 over it leading into it with a dash (…不再是难题。⏎——编　者⏎浙江金华——⏎
 * 候车大厅成为羽毛球馆⏎本报记者　窦　皓: a package's part, field test 31). The ends before and between them.
 */
function titleRunAtFoot(lines: readonly string[]): number[] {
  const last = lines.length - 1;
  const t = (i: number): string => lines[i].trim();
  const plain = (i: number): boolean => !/^\s/.test(lines[i]) && !endsInPunctuation(t(i)) && width(lines[i]) <= TITLE_WIDTH;
  const quoted = quotedTitle(lines[last]) && width(lines[last]) <= TITLE_WIDTH;
  if (last < 1 || !(plain(last) || quoted)) return [];
  const kicker = !/^\s/.test(lines[last - 1]) && KICKER_DASH_RE.test(t(last - 1)) && !endsInPunctuation(t(last - 1).replace(KICKER_DASH_RE, ''));
  const start = kicker ? last - 1 : last;
  if (start === 0 || !(endsSentence(t(start - 1)) || editorsSign(t(start - 1)))) return [];
  return Array.from({ length: last - start + 1 }, (_, k) => start - 1 + k);
}

/** A line that is one quotation, whole, with no sentence's end in it (a title: “能帮助别人，他的眼里充满了光”; not what someone said, “…就好了。”, “…有奔头！”). */
function quotedTitle(line: string): boolean {
  return /^[“「『][^“”「」『』。！？!?]+[”」』]$/u.test(line.trim()) && !/^\s/.test(line);
}

/** A line leading into someone's words with a dash: 说——, 问——, 感慨—— (what follows is said, no title). */
const SAYS_RE = /(?:说|问|道|感慨|感叹|表示|强调|指出|坦言|直言|笑言|回答|喊|称)——$/u;

/** A title line ending in its one exclamation or question mark, no other sentence's end in it (向公务活动中过度使用视频说“不”！). */
function exclaimedTitle(line: string): boolean {
  return /^[^。！？!?]+[！？!?]$/u.test(line.trim()) && !/^\s/.test(line);
}

/** A dash at a title line's end, a 引题's leading into its 主题 (after a title's words). */
const KICKER_DASH_RE = /(?<=[^\s—])——$/u;
/** A line opening with a quotation mark. */
export const OPENS_QUOTE_RE = /^["“「『‘]/u;

/** Blank-line blocks, at least, that must open with a title line for the page's blank lines to part its stories. */
const TITLED_BLOCKS = 3;
/** Share of its blank-line blocks of two lines or more that must open with one. */
const TITLED_SHARE = 0.8;

/** A wrapped subhead's last line runs to this many characters at most (实之路, 碳”). */
const WRAPPED_TAIL_MOST = 8;
/** A two-part subhead's first part runs to this many characters at most (因地制宜、做强优势——). */
const DASHED_PART_MOST = 16;

/**
 * A subhead of two parts at the foot of a block over an indented paragraph, after a sentence's end: its
 * first part a short line of its own leading in with a dash, no comma or quotation in it, its second
 * wrapped once to a short last line, flush left, no sentence's stop in either (因地制宜、做强优势——⏎立足实际
 * …转型的务⏎实之路, field test 43; not a sentence whose stop OCR dropped, 村支书说，…——⏎…过上⏎了好日子: review).
 * The index of its first line, or -1.
 */
function dashedSubheadAtFoot(lines: readonly string[], at: BlockPlace): number {
  const last = lines.length - 1;
  const k = last - 2;
  if (!at.beforeIndent || !at.indentedParagraphs || k < 1) return -1;
  const [part, tail] = [lines[k].trim(), lines[last].trim()];
  if ([...tail].length > WRAPPED_TAIL_MOST || endsInPunctuation(tail.replace(/[”’」』]$/u, ''))) return -1;
  const run = lines.slice(k);
  const flush = run.every((l) => !/^\s/.test(l) && !SENTENCE_STOP.test(l));
  const firstPart = endsWithDash(part) && [...part].length <= DASHED_PART_MOST && !/[，,“”"‘’]/u.test(part);
  return flush && firstPart && endsSentence(lines[k - 1].trim()) && quotesPaired(run.join('')) ? k : -1;
}

/** A subhead of short clauses parted by commas (摸清文化家底，系统保护文物; 开放、合作、共赢，一起把这件事做得更好): no other mark, none at its end. */
function clausedSubhead(line: string): boolean {
  const clauses = line.trim().split(/[，、]/);
  return !/^\s/.test(line) && clauses.length <= SUBHEAD_CLAUSES && clauses.every((c) => c && [...c].length <= CLAUSE_MAX && !CLAUSE_MARKS.test(c)) && !leavesOpen(line) && quotesPaired(line) && width(line) <= TITLE_MAX;
}

/** A claused subhead's clauses, at most, and the characters of each (`clausedSubhead`). */
const SUBHEAD_CLAUSES = 4;
const CLAUSE_MAX = 12;

/** A line that can only be a title: not indented, no clause or sentence mark in it, ending none, leaving no quote open. */
function headLine(line: string): boolean {
  return !/^\s/.test(line) && !CLAUSE_MARKS.test(line) && !endsInPunctuation(line.trim()) && !leavesOpen(line) && quotesPaired(line) && width(line) <= TITLE_MAX;
}

/** Quotation marks in pairs, a straight one standing for either half ("电线直接从楼上扔下来充电存在很 opens one). */
function quotesPaired(line: string): boolean {
  return (line.match(/["“”]/g) ?? []).length % 2 === 0;
}

/**
 * Whether the blocks a page's blank lines set apart open with a title line (`headLine`), nearly all of
 * them: an OCR'd page whose blank lines part its stories, each a headline over hard-wrapped text. Its
 * first line is then a title however wide it runs (随州高新区中小学宣传防溺水“六个不”, as wide as the
 * body wraps, was joined to the story's first line). A paragraph's first line runs its clauses with
 * commas; a page of blank-parted paragraphs seldom opens four blocks in five without one.
 */
export function blocksOpenWithTitles(lines: readonly string[]): boolean {
  const runs: string[][] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    if (i > 0 && !lines[i - 1].trim()) runs.push([line]);
    else runs[runs.length - 1]?.push(line);
  });
  const blocks = runs.filter((b) => b.length >= 2);
  const titled = blocks.filter((b) => headLine(b[0])).length;
  return titled >= TITLED_BLOCKS && titled >= TITLED_SHARE * blocks.length;
}

/** The middle value (the upper of the two middle ones); 0 for none. */
function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
}
