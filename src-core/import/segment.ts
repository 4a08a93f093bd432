/**
 * From a file's paragraphs (blocks) to articles and page items. The same walk serves OCR'd page text
 * (heading marks are hints, lines may be broken by columns) and structured sources (Markdown, Word),
 * where paragraphs are real and heading levels mean something.
 *
 * The walk: credits, bylines, jump lines and image placeholders are recognised line by line; runs
 * of title lines form a title group that opens an article (or, with no body after it, is a banner at
 * the top of the page or a flagged fragment); body paragraphs go to the open article. Each article is
 * then finished: dateline lead, jump lines, OCR column joins, trailing byline, clean-up, image
 * references. Every decision that is not certain is written to the report.
 */
import type { Article, ImageAsset } from '../model/document';
import { CUTTABLE_ATTR, PARAGRAPH_STYLE_ATTR, type RichDoc, type RichInline, type RichParagraph } from '../model/richtext';
import { COMMA_OR_STOP, COMMA_RE, endsInPunctuation, hanChars, MIDDLE_DOTS, LEADING_BULLET_RE, endsSentence, PARAGRAPH_LABEL_RE, SCRIPT_SAMPLE, SENTENCE_STOP, STAR_ROW_RE, SUBHEAD_MARK_RE, traditionalScript } from './chars';
import { HAN_IDEOGRAPHS as HAN } from '../typeset/chars';
import { cuttableMarkLength, EDITORS_NOTE_STYLE, editorsNoteAlone, isEditorsNote, titleLabel } from './labels';
import { joinWrappedLines, removeOcrSpaces, type LineJoint } from './ocr-text';
import { leavesOpen, OPENS_QUOTE_RE } from './line-breaks';
import { normalizePunctuation, normalizePunctuationText } from './punctuation';
import { ChangeLog, type CorrectionField, type Fragment, type Guess, type GuessKind, type Removed } from './report';
import {
  briefsLabel,
  bylineLine,
  opensCaption,
  bracketedByline,
  closeLetterSpacing,
  columnNameLike,
  endsInWriterNote,
  deckLine,
  dispatchTag,
  endsStory,
  endsInPhotoCredit,
  explainsAbove,
  bodyWriter,
  editorsSign,
  endsWithColon,
  endsWithDash,
  leadsIn,
  boxLabel,
  helpedAlone,
  quoteSource,
  interviewTurn,
  signsQuotation,
  dashLed,
  imagePlaceholder,
  imageReference,
  jumpAtEnd,
  jumpAtStart,
  leadAtStart,
  opensNews,
  parseCredits,
  addCredits,
  photographerAlone,
  rejoinSplitNames,
  storySection,
  titleLike,
  TITLE_MAX,
  titleOverByline,
  trailingByline,
  type CreditField,
} from './roles';
import { STORY_GAP } from './text-blocks';
import { bylineNames, personName, personWithPost, twoCharacterName, headingWriter, dottedName, nameParts, unpadded, paddedName, signingName } from './names';
import { dropEnd, dropStart, mergeSpans, rewriteSpans, spansText, trimSpans, type Span } from './spans';
import { poetName } from './verse';

export type TitleRole = 'headline' | 'kicker' | 'deck' | 'byline' | 'column';

export interface SourceBlock {
  spans: Span[];
  /** 0: no heading mark; 1–6: heading level (Markdown #, Word Heading n). */
  level: number;
  /** A role the source states (a Word paragraph style such as 引题 or Subtitle). */
  styleRole?: TitleRole;
  /** An embedded or linked image (Markdown ![](…), Word picture). */
  image?: { imageId: string; caption: string };
  /** A placeholder line's caption, from the lines under it down to the photo credit (text-blocks' `captionUnder`). */
  caption?: string;
  /** Blank lines before this block in the source text. */
  gapBefore: number;
  /** 1-based source line. */
  line?: number;
  /** Where hard-wrapped lines of the source were joined into this paragraph (plain text). */
  joints?: LineJoint[];
  /** A row of stars (＊　＊　＊) stands right before it: the story above ends there. */
  storyBreak?: boolean;
  /** A copy desk's labelled subhead (小标题：…): a heading in the story's text, never a title. */
  subhead?: boolean;
  /** A row of a table in a Word manuscript, set as one paragraph: text, never a title. */
  tableRow?: boolean;
  /** A line of verse (`verse.ts`): a paragraph of its own, text, never a title nor joined to the next. */
  verse?: boolean;
  /** Its first line set in by a paragraph's indent (plain text): a paragraph, never a title a lone line is guessed to be. */
  indented?: boolean;
}

export interface SegmentOptions {
  file: string;
  mode: 'ocr' | 'structured';
  normalize: boolean;
  /** OCR mode removes the spaces OCR leaves beside CJK characters, unless this is false (a check of the text as written). */
  removeSpaces?: boolean;
  /** Prefix of the ids given to articles and placeholder images. */
  idPrefix: string;
  log: ChangeLog;
}

export interface SegmentResult {
  articles: Article[];
  images: ImageAsset[];
  imageLinks: { imageId: string; articleId: string; caption: string }[];
  /** Placeholders made for a （见图） in the text, not for a placeholder line, and its line: a day set drops those no picture file fills. */
  referenced: { imageId: string; line?: number }[];
  /** The column name (栏目, printed as a 栏头) over an article. */
  columnLinks: { articleId: string; columnName: string }[];
  page: { credits: Partial<Record<CreditField, string>>; banners: string[]; columnNames: string[] };
  guesses: Guess[];
  fragments: Fragment[];
  removed: Removed[];
  confidence: Map<string, number>;
}

interface BodyPara {
  spans: Span[];
  gapBefore: number;
  line?: number;
  /** An unmarked short line inside the body: a subhead, or a headline that lost its place. */
  titleCandidate: boolean;
  /** A heading inside the body (structured sources). */
  heading?: number;
  image?: { imageId: string; caption: string };
  /** The copy desk marked the paragraph 可删 (its marker taken off, `cuttableMarkLength`). */
  cuttable?: boolean;
  /** Where lines (a hard wrap) or blocks (a column break, joinColumnBreaks) were joined, placed as corrections in cleanBody. */
  joints?: Joint[];
  /** A line of verse: never joined, its caesuras (two spaces) kept as one full-width space. */
  verse?: boolean;
  /** A part's byline under its headings (`sectionByline`, `joinParts`): never joined, its spaces kept as a heading's. */
  byline?: boolean;
  /** A list's lead-in (`leadsIntoList`): the item under it never joined to it. */
  leadIn?: boolean;
  /** Its first line set in as a paragraph's (plain text): it opens a paragraph, never continues one a column break cut. */
  indented?: boolean;
}

interface Joint extends LineJoint {
  kind: 'line-join' | 'column-join';
}

const cpLength = (s: string): number => Array.from(s).length;

/**
 * A paragraph's new spans after characters were dropped from its start or end (a lead, a jump line,
 * a byline, the 可删 marker taken off; blanks trimmed): its joints move with the text.
 */
function setSpans(p: BodyPara, spans: Span[]): void {
  const before = spansText(p.spans);
  p.spans = spans;
  if (!p.joints?.length) return;
  const after = spansText(spans);
  const at = before.startsWith(after) ? 0 : before.endsWith(after) ? before.length - after.length : before.indexOf(after);
  const shift = cpLength(before.slice(0, Math.max(0, at)));
  const length = cpLength(after);
  const joints = at < 0 ? [] : p.joints.map((j) => ({ ...j, at: j.at - shift })).filter((j) => j.at > 0 && j.at < length);
  p.joints = joints.length ? joints : undefined;
}

interface Draft {
  id: string;
  kicker: string;
  headline: string;
  deck: string;
  headlineLevel: number;
  /** The headline came as a heading of its own level (Markdown's #, Word's Heading 1) or labelled (主题：…), not a title line read as one. */
  headlineMarked?: boolean;
  /** The headline was labelled by a copy desk (主题：…): a manuscript's. */
  headlineLabelled?: boolean;
  titleLine?: number;
  byline: string;
  bylinePosition: 'top' | 'end';
  jumpFrom: string;
  jumpTo: string;
  body: BodyPara[];
  closed: boolean;
  placeholders: { caption: string; line?: number }[];
}

type BlockClass = 'title' | 'maybe-title' | 'body' | 'byline' | 'jump' | 'placeholder' | 'credits' | 'image' | 'empty';

type GuessFn = (kind: GuessKind, text: string, confidence: number, zh: string, en: string, articleId?: string, line?: number) => void;

/** The walk over one file's blocks: what it has read so far, passed to each step. */
interface Walk {
  blocks: SourceBlock[];
  classes: BlockClass[];
  o: SegmentOptions;
  res: SegmentResult;
  guess: GuessFn;
  drafts: Draft[];
  /** The article the next body paragraph goes to, unless closed. */
  cur?: Draft;
  groupsSeen: number;
  /** An OCR'd page whose blank lines part its stories, not its paragraphs (see blankPartsStories). */
  blankParts: boolean;
  /** A page with a blank line between every two paragraphs: one blank line there is no sign of anything (see blankEveryParagraph). */
  blankEvery: boolean;
  /** An OCR'd page with no blank line at all: nothing but a story's end and its titles part its stories. */
  blankless: boolean;
  /** A copy-desk manuscript: its headline labelled (主题：…), so an unlabelled title line in it is a subhead (see loneTitle). */
  labelled: boolean;
  /** A copy-desk manuscript: any of its titles labelled (引题：…, 栏目：…), its headline perhaps a Markdown heading. */
  manuscript: boolean;
  /** Written in Traditional characters: its pages set the 副题 under the 主题 with no dash (see resolveTitleGroup). */
  traditional: boolean;
  /** Pictures whose captions name the titles under them, for the story those titles open (`captionOfTitlesUnder`). */
  heldPictures: Draft['placeholders'];
}

export function segment(blocks: SourceBlock[], o: SegmentOptions): SegmentResult {
  const res: SegmentResult = {
    articles: [],
    images: [],
    imageLinks: [],
    referenced: [],
    columnLinks: [],
    page: { credits: {}, banners: [], columnNames: [] },
    guesses: [],
    fragments: [],
    removed: [],
    confidence: new Map(),
  };
  const guess: GuessFn = (kind, text, confidence, zh, en, articleId, line) => {
    res.guesses.push({ file: o.file, kind, articleId, line, text, zh, en, confidence });
    // an article's confidence: each guess about it weighs in by how unsure it is
    if (articleId) res.confidence.set(articleId, (res.confidence.get(articleId) ?? 1) * (0.5 + confidence / 2));
  };
  const labelled = applyTitleLabels(blocks, res, o);
  const classes = titlesByPlace(labelled, labelled.map(classify));
  const w: Walk = { blocks: labelled, classes, o, res, guess, drafts: [], groupsSeen: 0, blankParts: o.mode === 'ocr' && blankPartsStories(labelled, classes), blankEvery: blankEveryParagraph(labelled, classes), blankless: o.mode === 'ocr' && labelled.every((b, k) => k === 0 || b.gapBefore === 0), labelled: labelled.some((b) => b.styleRole === 'headline'), manuscript: labelled.some((b) => !!b.styleRole), traditional: traditionalScript(sampleText(labelled)), heldPictures: [] };
  for (let i = 0; i < labelled.length; ) i = takeBlock(w, i);
  // (a picture held for titles that opened no story stays where it stood)
  if (w.heldPictures.length) openDraft(w).placeholders.push(...w.heldPictures.splice(0));
  for (const d of joinParts(w.drafts, res)) finishArticle(d, res, o, guess);
  return res;
}

const textOf = (b: SourceBlock): string => spansText(b.spans).trim();

/**
 * A 组合报道: a story whose text is only its editor's note (…——编　者), the titled stories under it its
 * parts (上海青浦区朱家角古镇——⏎在江南水乡　寻文化之美⏎本报记者　曹玲娟⏎…, field test 36). Each part's titles
 * become headings in the note's story and its byline a line under them, so the note and its parts
 * are one story, as the page prints them. A story titled otherwise than the first part, opening with its
 * dateline (本报北京…电) or continued from another page is no part: the parts end there.
 */
function joinParts(drafts: Draft[], res: SegmentResult): Draft[] {
  const out: Draft[] = [];
  const merged = new Map<string, string>();
  let whole: { draft: Draft; note: boolean } | undefined;
  let form: string | undefined;
  for (const [i, d] of drafts.entries()) {
    // (a part's 引题 leads into its 主题, 上海青浦区朱家角古镇——, and the parts are titled alike: a story after them titled
    // otherwise is the page's next, not another part, and so are the stories after a notice, 致读者 or 更正, signed so: review)
    if (whole && d.headline && !d.jumpFrom && !opensWithDateline(d) && partOf(whole.note, d, (form ??= partForm(d)))) {
      const w = whole.draft;
      merged.set(d.id, w.id);
      w.body.push(...partTitles(d, res.columnLinks.find((l) => l.articleId === d.id)?.columnName), ...d.body);
      w.placeholders.push(...d.placeholders);
      w.jumpTo = d.jumpTo || w.jumpTo;
      continue;
    }
    const note = noteOnly(d);
    whole = note || packageHead(d, drafts.slice(i + 1)) ? { draft: d, note } : undefined;
    form = undefined;
    out.push(d);
  }
  moveToWhole(res, merged);
  return out;
}

/**
 * What the import said of the parts joined to their whole (`merged`: part id → whole id) is said of
 * the whole: its guesses; a part's 栏目 (【记者手记】) is a heading over its titles, no 栏头 of a story gone.
 */
function moveToWhole(res: SegmentResult, merged: ReadonlyMap<string, string>): void {
  for (const g of res.guesses) if (g.articleId && merged.has(g.articleId)) g.articleId = merged.get(g.articleId);
  res.columnLinks = res.columnLinks.filter((l) => !merged.has(l.articleId));
}

/**
 * Whether story `d`, the first part titled `form`, is a part of the story above: under an editor's note (`note`), parts
 * whose 引题 leads into their 主题, titled alike; under a package's head (`packageHead`), parts labelled
 * no 主题 of their own, each signed, however else titled (a 引题 on one: review).
 */
function partOf(note: boolean, d: Draft, form: string): boolean {
  if (note) return form.startsWith('led') && form === partForm(d);
  return !d.headlineMarked && partForm(d).endsWith('byline');
}

/** Paragraphs a package's lead-in runs to, at most (`packageHead`). */
const PACKAGE_INTRO = 2;

/**
 * A package's head (组合报道) in a manuscript that labels its titles: a labelled 主题 over a lead-in of a
 * paragraph or two, no byline, dateline or picture, with at least two titled parts under it, each signed
 * by its reporter and labelled no 主题 of its own: its sections (市场环境好　消费活力足, its lead-in, then three
 * reports, each 本报记者 …: field test 50, four stories). A labelled news item over one signed story is two stories (review).
 */
function packageHead(d: Draft, next: Draft[]): boolean {
  const head = !!d.headlineLabelled && !d.byline && !opensWithDateline(d) && !d.placeholders.length && d.body.length > 0 && d.body.length <= PACKAGE_INTRO && paragraphsOnly(d);
  return head && next.slice(0, 2).filter((x) => x.headline && !x.headlineMarked && partForm(x).endsWith('byline')).length === 2;
}

/** How a part is titled: whether it has a 引题 (leading in with a dash or not), a 副题 and a byline over its text. */
function partForm(d: Draft): string {
  return [d.kicker ? (/[—-]$/.test(d.kicker.trim()) ? 'led' : 'kicker') : '', d.deck ? 'deck' : '', d.byline && d.bylinePosition === 'top' ? 'byline' : ''].join('|');
}

/** Paragraphs an editor's note runs to, at most (编者按: a paragraph or two, and its sign). */
const NOTE_PARAGRAPHS = 4;

/** Whether a titled story's text is only an editor's note, signed at its end (——编　者). */
function noteOnly(d: Draft): boolean {
  const last = d.body[d.body.length - 1];
  return !!d.headline && !!last && d.body.length <= NOTE_PARAGRAPHS && paragraphsOnly(d) && editorsSign(spansText(last.spans), true);
}

/** Whether a story's text is paragraphs only: no picture, heading or subhead (an editor's note's, a package's lead-in). */
function paragraphsOnly(d: Draft): boolean {
  return d.body.every((p) => !p.image && !p.heading && !p.titleCandidate);
}

function opensWithDateline(d: Draft): boolean {
  const first = d.body[0];
  return !!first && leadAtStart(spansText(first.spans).trim()) !== undefined;
}

/** A part's 栏目 and titles as headings, its byline a line under them (its names a full-width space apart, as a title's). */
function partTitles(d: Draft, column = ''): BodyPara[] {
  const line = (text: string, heading?: number): BodyPara => ({ spans: [{ text }], gapBefore: 1, titleCandidate: false, ...(heading ? { heading } : {}) });
  const titles = [column, d.kicker, d.headline, d.deck].filter((t) => t.trim()).map((t) => line(t, 2));
  return d.byline && d.bylinePosition === 'top' ? [...titles, { ...line(d.byline.trim().replace(/\s+/g, '\u3000')), byline: true }] : titles;
}

/** Who held the pen for a body writing as one (执笔：张宏伟, under 农业农村部党组). */
const PEN_RE = /^执笔\s*[:：]/u;

/**
 * Whether block `i` is a body writing as one right under a title line, over the text, a byline or who held the pen
 * (外交部党委, field 54 P2; 农业农村部党组⏎执笔：张宏伟), not one of a list of such bodies: the story's writer.
 */
function writerByPlace(blocks: SourceBlock[], classes: BlockClass[], i: number): boolean {
  const [above, under] = [blocks[i - 1], blocks[i + 1]];
  const titled = !!above && blocks[i].gapBefore === 0 && (classes[i - 1] === 'maybe-title' || classes[i - 1] === 'title') && !bodyWriter(textOf(above));
  const overText = !!under && (classes[i + 1] === 'body' || classes[i + 1] === 'byline' || PEN_RE.test(textOf(under)));
  return bodyWriter(textOf(blocks[i])) && titled && overText;
}

/**
 * The classes with a title line known by its place made one, however long its clauses run (to a title's
 * longest, TITLE_MAX), flush left: a line leading with a dash into a title over a byline (从个案监督到类案规范，
 * 四川广安在一起行政复议案件中解决群众急难愁盼问题——⏎为一部电梯，“红头文件”改了⏎本报记者 张璁, field test 49: the
 * 引题 was the story's text), and a line after a blank line, ending in no mark, right over a dateline (“家国情，
 * 每个人心中的乡”主题感读暨《乡愈》第二次印刷出版座谈会举办⏎　　本报北京6月11日电…: the story ran into the one above).
 */
function titlesByPlace(blocks: SourceBlock[], classes: BlockClass[]): BlockClass[] {
  return classes.map((c, i) => {
    const t = textOf(blocks[i]);
    if (c === 'maybe-title' && writerByPlace(blocks, classes, i)) return 'byline';
    if (c !== 'body' || blocks[i].indented || !titleLike(t, TITLE_MAX)) return c;
    const [title, byline] = [blocks[i + 1], blocks[i + 2]];
    const kicker = !!title && !!byline && title.gapBefore === 0 && byline.gapBefore === 0 && classes[i + 1] === 'maybe-title' && classes[i + 2] === 'byline' && endsWithDash(t);
    const overDateline = blocks[i].gapBefore > 0 && !!title && title.gapBefore === 0 && leadAtStart(textOf(title)) !== undefined && !endsInPunctuation(t);
    return kicker || overDateline ? 'maybe-title' : c;
  });
}

function classify(b: SourceBlock): BlockClass {
  if (b.image) return 'image';
  const t = textOf(b);
  if (!t) return 'empty';
  if (parseCredits(t)) return 'credits';
  const jump = jumpAtStart(t);
  if (jump && jump.length === Array.from(t).length) return 'jump';
  if (imagePlaceholder(t)) return 'placeholder';
  if (b.subhead || b.tableRow || b.verse) return 'body';
  if (b.styleRole === 'byline' || (b.level === 0 && !b.styleRole && (bylineLine(t) || bracketedByline(t)))) return 'byline';
  if (b.level > 0 || b.styleRole) return 'title';
  if (titleLike(t) && !leadAtStart(t) && !editorsSign(t) && !helpedAlone(t) && !dispatchTag(t) && !quoteSource(t) && !interviewTurn(t) && !personWithPost(t)) return 'maybe-title';
  return 'body';
}

function newDraft(w: Walk): Draft {
  const d: Draft = {
    id: `${w.o.idPrefix}-a${w.drafts.length + 1}`,
    kicker: '',
    headline: '',
    deck: '',
    headlineLevel: 0,
    byline: '',
    bylinePosition: 'end',
    jumpFrom: '',
    jumpTo: '',
    body: [],
    closed: false,
    placeholders: w.heldPictures.splice(0),
  };
  w.drafts.push(d);
  return d;
}

/** The open article, or a new one when there is none. */
function openDraft(w: Walk): Draft {
  if (!w.cur || w.cur.closed) w.cur = newDraft(w);
  return w.cur;
}

/** The next block after `i` that is not empty (or the end). */
function nextIndex(w: Walk, i: number): number {
  let k = i + 1;
  while (k < w.blocks.length && w.classes[k] === 'empty') k++;
  return k;
}

/** Takes block `i` (with the title group it opens); returns the index of the next block to take. */
function takeBlock(w: Walk, i: number): number {
  const b = w.blocks[i];
  const cls = w.classes[i];
  const t = textOf(b);
  if (cls === 'empty') return i + 1;
  // (a row of stars parts two stories: the one above ends whatever opens the next)
  if (b.storyBreak && w.cur && w.cur.body.length) w.cur.closed = true;
  if (cls === 'credits') {
    const c = parseCredits(t)!;
    addCredits(w.res.page.credits, c.fields);
    w.res.removed.push({ file: w.o.file, line: b.line, text: c.labels.join(' '), reason: 'credit labels (the names went to page.credits)' });
    return i + 1;
  }
  const under = titleUnderByline(w, i);
  if (under) {
    placeTitleLine({ text: t, block: b }, under, w.cur!, w.res, w.o, w.guess);
    return i + 1;
  }
  if (labelUnderByline(w, i, t)) {
    takeBody(w, i);
    return i + 1;
  }
  if (startsGroup(w, i)) return takeTitleGroup(w, i);
  if (cls === 'byline') {
    if (sectionByline(w, i)) takeBody(w, i, true);
    else if (!creditsPicture(w, t, b)) takeByline(w, t);
  } else if (cls === 'jump') takeJump(w, t);
  else if (cls === 'placeholder') {
    const caption = imagePlaceholder(t)!.caption || (b.caption ?? '');
    const held = w.cur && !w.cur.closed && afterStoryEnd(w.cur) && captionOfTitlesUnder(w, i, caption);
    (held ? w.heldPictures : openDraft(w).placeholders).push({ caption, line: b.line });
    w.res.removed.push({ file: w.o.file, line: b.line, text: t, reason: 'image placeholder' });
  } else if (summaryUnderTitles(w, i)) {
    placeTitleLine({ text: t, block: b }, 'deck', w.cur!, w.res, w.o, w.guess);
  } else if ((cls === 'body' || cls === 'maybe-title') && writerUnderHeading(w, i, t)) {
    takeByline(w, t);
    w.guess('byline-line', t, 0.8, '标题下只有人名的一行，视为署名', 'a line of names alone under the titles: taken as the byline', w.cur!.id, b.line);
  } else if (!creditsPicture(w, t, b)) takeBody(w, i);
  return i + 1;
}

/**
 * The role of a kicker, deck or 栏目 the source states (labelled, 栏目：人民时评, or a Word style) under a
 * story's marked titles and byline, before its text and over no title line: the story's own, as a copy
 * desk labels its lines in any order (主题：…⏎作者：孟繁哲⏎栏目：人民时评, field test 41), not a story of its
 * own with no text. Undefined when the story has that role filled already, or for any other line.
 */
function titleUnderByline(w: Walk, i: number): TitleRole | undefined {
  const { cur, blocks, classes } = w;
  const role = blocks[i].styleRole;
  if (!statedTitle(role)) return undefined;
  if (!cur || cur.closed || !cur.headlineMarked || !cur.byline || cur.body.length || cur.placeholders.length) return undefined;
  // (over the text, or over more such lines over it: 记者⏎引题⏎副题, review of field test 41)
  let k = nextIndex(w, i);
  while (k < blocks.length && statedTitle(blocks[k].styleRole)) k = nextIndex(w, k);
  if (k < blocks.length && (classes[k] === 'title' || classes[k] === 'maybe-title')) return undefined;
  const filled = role === 'column' ? w.res.columnLinks.some((l) => l.articleId === cur.id) : !!cur[role];
  return filled ? undefined : role;
}

/** A label under a story's byline runs to this many characters at most (城事, 开栏的话). */
const LABEL_UNDER_MOST = 4;

/**
 * A short line alone between a story's byline and its text, the story titled: the story's own, in its
 * text as a label heading it is (开栏的话, 核心阅读, 宁夏), never a story of its own taking the text from its
 * titles (本报记者 秦瑞杰⏎城事⏎一簇橙红窑火…: a 栏目 the page sets there, field test 47). Not set bold
 * (the subhead a Word manuscript marks is read as such already).
 */
function labelUnderByline(w: Walk, i: number, t: string): boolean {
  const { cur } = w;
  if (w.classes[i] !== 'maybe-title' || !cur || cur.closed || !cur.headline || !cur.byline || cur.body.length) return false;
  if ([...t].length > LABEL_UNDER_MOST || !columnNameLike(t) || personName(t) || boldThroughout(w.blocks[i])) return false;
  return textUnder(w, i) && !opensStory(w, nextIndex(w, i));
}

/** Whether a role the source states is one titleUnderByline gives the story over its text: a kicker, a deck, a 栏目. */
function statedTitle(role: TitleRole | undefined): role is 'kicker' | 'deck' | 'column' {
  return role === 'kicker' || role === 'deck' || role === 'column';
}

/**
 * A paragraph of names alone right under a Markdown or Word story's headings (# 在平遥感受“汇合点”⏎贾樟柯,
 * ## 编辑手记⏎吕莉): the writer's byline, as a 言论 or a 手记 sets it, never the text's first paragraph.
 * Two characters alone only when no other such short label follows in the story and the text under
 * it does not open with it: 武汉⏎今天，武汉站…⏎常州 are places heading their parts.
 */
function writerUnderHeading(w: Walk, i: number, t: string): boolean {
  const cur = w.cur;
  if (w.o.mode !== 'structured' || !cur || cur.closed || !cur.headline || cur.body.length || cur.byline || cur.placeholders.length) return false;
  const k = nextIndex(w, i);
  if (bylineNames(t) || (twoCharacterName(t) && !labelsParts(w, i, t))) return true;
  // (a name of another language in parts, 古丽米娜·麦麦提: field test 42; not set bold, nor a 栏目 or a place, 云南·普洱, review)
  if (dottedName(t)) return !w.blocks[i].spans.every((sp) => sp.bold) && !textNames(w, k, nameParts(t)[0]);
  // (a name of a less common surname: not set bold, a subhead's look, nor what the text under it goes on about, 宁夏⏎宁夏中卫…: review of field test 41)
  return headingWriter(t) && !w.blocks[i].spans.every((sp) => sp.bold) && !textNames(w, k, t) && !labelsParts(w, i, t);
}

/** Whether the short paragraph `i` (`t`) heads a part of the text: the text under it opens with it, or another such label follows before the next titles. */
function labelsParts(w: Walk, i: number, t: string): boolean {
  const k = nextIndex(w, i);
  if (k < w.blocks.length && textOf(w.blocks[k]).trim().startsWith(t.trim())) return true;
  for (let j = k; j < w.blocks.length && w.classes[j] !== 'title'; j = nextIndex(w, j)) if (HAN_ALONE.test(textOf(w.blocks[j]).trim())) return true;
  return false;
}

/**
 * Whether title block `i` is a subhead of a manuscript that labels its titles (主题：…): unlabelled, inside its story, with no
 * byline, dateline or labelled line under it to open another (领导力——党的领导是中国特色社会主义制度的最大优势, field test 35).
 */
function unlabelledInManuscript(w: Walk, i: number): boolean {
  const { blocks, classes, cur } = w;
  const plain = (j: number): boolean => !blocks[j].styleRole && blocks[j].level === 0;
  if (!w.labelled || !cur || cur.closed || !cur.body.length || !plain(i)) return false;
  let k = nextIndex(w, i);
  // (a subhead of two lines, a label over its sentence: 一双鞋面⏎科技创新提升竞争力，通过综合解决方案深度绑定客户, field test 36)
  // (not a headline over its ——副题: 万亩良田 机声隆隆⏎——记宜阳县春耕生产一线 opens a story, review)
  if (k < blocks.length && (classes[k] === 'title' || classes[k] === 'maybe-title') && plain(k) && blocks[k].gapBefore === 0 && !deckLine(textOf(blocks[k]))) k = nextIndex(w, k);
  return k < blocks.length && classes[k] === 'body' && !blocks[k].styleRole && !opensStory(w, k);
}

/** Title lines over a writer's name, at most (an 引题 and a 主题). */
const TITLES_OVER_WRITER = 2;

/**
 * Whether block `i` opens title lines over their writer's name alone over the text (浮躁情绪是不良作风⏎吴永孝⏎
 * 　　习近平总书记强调…; 遵循规律  优化内容  加强交流⏎以讲好中国故事参与全球文明对话⏎钟悠天: a 理论 page's essays,
 * field test 48), the lines stacked with no blank line between: a story of its own, as a 言论 is. The name one
 * the text under it does not go on about (`textNames`). Only after two blank lines and a story's end (`startsGroup`):
 * after one, a name under a subhead is whom a section is about, who answers or who wrote a poem quoted (review);
 * on a page with no blank line at all, only two writers or more, or one name padded (`signed`: as a byline sets them).
 */
function titlesOverWriter(w: Walk, i: number, signed = false): boolean {
  let k = i;
  for (let n = 0; n < TITLES_OVER_WRITER; n++) {
    const next = nextIndex(w, k);
    if (next >= w.blocks.length || w.classes[next] !== 'maybe-title' || w.blocks[next].gapBefore > 0) return false;
    k = next;
    const name = textOf(w.blocks[k]);
    const under = nextIndex(w, k);
    const writer = signed ? signedNames(w, under, name) : headingWriter(name) || bylineNames(name) || paddedName(name);
    if (under < w.blocks.length && w.classes[under] === 'body' && writer && !textNames(w, under, name)) return true;
  }
  return false;
}

/**
 * Writers as a byline signs them on a page with no blank line (`titlesOverWriter`'s `signed`): two names or more, or one
 * padded, none of them nor its surname as the text calls a person (老周, 小李, 王：) in the text under it, which is no
 * interview's (a profile's subhead over its couple, 一对夫妻的护林路⏎李德明 张桂英, an interview's guests: review of field test 54).
 */
function signedNames(w: Walk, under: number, line: string): boolean {
  const names = line.trim().split(/[\s、]+/u);
  if (!(paddedName(line) || (names.length > 1 && bylineNames(line))) || under >= w.blocks.length) return false;
  const called = paddedName(line) ? [unpadded(line)] : names;
  // (nor guests whose turns the text under gives, 记者：…⏎王：…, by their surnames)
  const calls = (n: string): string[] => [n, ...['老', '小'].map((x) => `${x}${[...n][0]}`), `${[...n][0]}：`];
  return !interviewTurn(textOf(w.blocks[under])) && !called.some((n) => calls(n).some((c) => textNames(w, under, c)));
}

/** Whether block `i` is a poem's title: its poet's name alone under it, the verse under that (冬夜，听一支军乐⏎林　溪⏎⏎铜号醒来的时候…, field test 35). */
function poemTitle(w: Walk, i: number): boolean {
  const k = nextIndex(w, i);
  const under = k < w.blocks.length ? nextIndex(w, k) : w.blocks.length;
  return under < w.blocks.length && !!w.blocks[under].verse && poetName(textOf(w.blocks[k]));
}

/** Whether plain text stands right under block `i`: no title line, label or byline. */
function textUnder(w: Walk, i: number): boolean {
  const k = nextIndex(w, i);
  return k < w.blocks.length && w.classes[k] === 'body' && !w.blocks[k].styleRole;
}

function startsGroup(w: Walk, i: number): boolean {
  const { blocks, classes, o, cur } = w;
  const n = blocks.length;
  const c = classes[i];
  if (c === 'title') {
    // In structured sources a heading deeper than the open article's headline is a subhead.
    // (a Heading 1 after a draft with no headline is a story's own, not a subhead of it: field test 30; a Heading 2 is)
    // (so is a Markdown heading in a copy-desk manuscript's text over its section's text, ## 百年厂房传承工业记忆 under
    // # 青岛百年纺织蝶变记 or 主题：…, field test 34; not one over titles and a byline of its own, a 配稿, nor a 简讯's item;
    // an OCR'd page marks lines at random, its stories ## each: the sample)
    const marked = o.mode === 'structured' || (w.manuscript && blocks[i].level > 0 && !!cur?.headlineMarked && textUnder(w, i) && !inBriefs(w, cur));
    // (not a heading over title lines and a byline of their own: a 简讯 column's item, ## 《…规定》施行⏎解决…问题⏎本报记者　林丽鹂, field test 42)
    const ownTitles = o.mode === 'structured' && nextIndex(w, i) < n && titlesOverByline(w, nextIndex(w, i));
    // (nor a heading right over the next story's # heading, its 引题: ### 宁夏银川…——⏎# 呵护百姓…, review of field test 45)
    const overHeadline = o.mode === 'structured' && blocks[i].level > 1 && headingOne(w, nextIndex(w, i));
    if (marked && cur && !cur.closed && cur.body.length > 0 && blocks[i].level > cur.headlineLevel && !(blocks[i].level === 1 && !cur.headline) && !blocks[i].styleRole && !ownTitles && !overHeadline) return false;
    return !unlabelledInManuscript(w, i);
  }
  if (c !== 'maybe-title' || unlabelledInManuscript(w, i)) return false;
  const k = nextIndex(w, i);
  const nextIsTitle = k < n && classes[k] === 'title' && blocks[k].gapBefore < 2;
  const nextIsLead = k < n && opensStory(w, k);
  const nextIsBody = k < n && (classes[k] === 'body' || classes[k] === 'byline' || classes[k] === 'jump');
  // (a picture story, 图片新闻, opens with its picture right under its title)
  const nextIsPicture = k < n && (classes[k] === 'placeholder' || classes[k] === 'image');
  // (a Word or Markdown story's unmarked titles too: 城南街道：⏎便民服务有了新举措⏎——十项举措…⏎本报讯…, set bold and large by hand)
  // (in Word, a line set bold by hand right over the Heading 1 is its 引题 or 栏目: field test 30)
  // (a 言论 or a 读数 under its 栏目, its writer over a picture: 读数⏎“文旅热”成…⏎王东辉⏎[图表], field test 32)
  if (!cur || cur.closed) return o.mode === 'ocr' ? nextIsTitle || nextIsBody || nextIsLead || nextIsPicture || titleRunToBody(w, k) || (k < n && overTopByline(w, k)) || opinionTitles(w, i) !== undefined || titlesOverByline(w, i) : nextIsBody || nextIsLead || titleRunToBody(w, k) || titlesOverHeading(w, i);
  // Inside a story, title lines stacked over a dateline (主题, 副题, then 本报讯…) open the next story;
  // so does a title line after a blank line on a page whose blank lines part stories (a 言论, a picture story).
  // (or a 栏目 in 【】 over the next story's ### 引题 over its # heading: 【民生一线】⏎### …⏎# …, review of field test 45; a bold
  // line there may as well close the story above, **相关报道见第三版**, **“种地也能种出新花样”**: it stays its text)
  if (o.mode === 'structured') return titlesOverByline(w, i) || (BRACKETED_NAME_RE.test(textOf(blocks[i]).trim()) && bracketedColumn(textOf(blocks[i])) && headingOver(w, k) && headingOne(w, nextIndex(w, k)));
  const ended = afterStoryEnd(cur);
  // (with no blank line, after a story's last sentence: 村里有座气象博物馆⏎本报记者 宋豪新⏎…, field test 24)
  // (or a 栏目, title and writer's name over the text, after a poem too: 诗页…⏎散文随笔⏎老街记忆⏎王　平⏎　　小时候…, field test 32)
  // (or, after a blank line, title lines over their 副题 over the text: a document and its date, 中共中央办公厅…⏎关于…的意见⏎（二〇二五年十一月一日）,
  // field test 33; with no blank line a section's subhead may have one: 他们是领路人⏎——想贫困群众之所想…, field set C)
  if ((blocks[i].gapBefore > 0 || ended) && (titlesOverByline(w, i) || opinionTitles(w, i) !== undefined || (blocks[i].gapBefore > 0 && titlesOverDeck(w, i)) || poemTitle(w, i))) return true;
  // (after one blank line too where the title ends in a writer's 栏目 as the web edition writes it: 抓落实不能一转了之（编辑手记）⏎赵晓曦,
  // field test 52; not a profile's or a poem's, 焊花飞溅中的坚守（全国劳动模范）⏎王建军, 雪后访梅寄怀（七律）⏎赵德山: review)
  const gapped = blocks[i].gapBefore >= STORY_GAP || (blocks[i].gapBefore > 0 && WRITERS_COLUMN_RE.test(columnTail(textOf(blocks[i]))?.column ?? ''));
  // (on a page with no blank line at all, over two writers or one padded: 让数字赋能治理回归本位⏎王洪树  韩晓梅, field 54 P2)
  if ((gapped || w.blankless) && ended && titlesOverWriter(w, i, !gapped)) return true;
  const numbered = SUBHEAD_MARK_RE.test(textOf(blocks[i]));
  // (on a page that sets its paragraphs in and parts nothing else with blank lines, two of them after a story's end, then a
  // title line over the indented text: the next story, whatever subheads the one above has (河北曲阳  匠心传承  非遗焕彩, field test 51))
  if (blocks[i].gapBefore >= STORY_GAP && ended && !numbered && !w.blankEvery && !w.blankParts && k < n && classes[k] === 'body' && !!blocks[k].indented && blocks[k].gapBefore === 0) return true;
  // (a title wider than a subhead runs, after a blank line or a story's last sentence: 中共中央办公厅…的意见 after …参加调研。)
  const wideOpens = wideTitle(w, i) && !numbered && (blocks[i].gapBefore > 0 || ended);
  // (where a blank line parts every two paragraphs, title lines stacked with none between them, after one and a story's end:
  // 河南宝丰县⏎汝瓷产业焕发勃勃生机, 纵横⏎协同破解“政策打架”, field test 25)
  // (not a subhead over a short first line, 送餐上门⏎“饭菜还是热乎的！”: the line under it ends in no mark)
  const stacked = w.blankEvery && !numbered && blocks[i].gapBefore > 0 && k < n && classes[k] === 'maybe-title' && blocks[k].gapBefore === 0 && !endsInPunctuation(textOf(blocks[k])) && ended;
  // (a briefs' label after a blank line and a story's end heads the column of briefs under it: 简讯⏎■近日，…, field test 27)
  const briefsColumn = briefsLabel(textOf(blocks[i])) && blocks[i].gapBefore > 0 && ended;
  // (a 栏目 and a title right over a picture, after a story's end, open a 图片新闻: 暖相册⏎坐上惠农公交专线去卖菜⏎[图片], field test 28;
  // not a line leading in with a colon, 诗人写道：⏎春风又绿江南岸⏎明月何时照我还⏎[图片]: verse quoted over a picture)
  const under = k < n ? nextIndex(w, k) : n;
  const titledPicture = ended && !endsWithColon(textOf(blocks[i])) && k < n && classes[k] === 'maybe-title' && !endsInPunctuation(textOf(blocks[k])) && under < n && (classes[under] === 'placeholder' || classes[under] === 'image');
  // (a line leading into the text right under it, 升级传统产业，老树发新枝——⏎　　重庆国际…, is a subhead run into its section: field test 32;
  // an indented line is a paragraph, a question asked, 　　国产人形机器人取得好成绩，靠什么？, never a lone title: field test 33;
  // under a story's titles, byline and pictures too, its text's first line, 　　“鼓浪屿好小哥”是谁？, field test 50; a 图片新闻's
  // title and credited caption alone are a story done, an indented title under them the next one's: review)
  return o.mode === 'ocr' && (nextIsTitle || stacked || briefsColumn || titledPicture || nextIsLead || nextIsPicture || titleRunToBody(w, k, true) || (((w.blankParts && blocks[i].gapBefore > 0) || wideOpens) && (nextIsBody || titleRunToBody(w, k))) || (nextIsBody && !leadsIn(textOf(blocks[i])) && !blocks[i].indented && (newsOpensUnder(w, i, k) || loneTitle(w, i, k))) || (nextIsBody && pictureOnly(cur) && !(blocks[i].indented && (cur.kicker || cur.byline))));
}

/**
 * Whether block `i` is a title line set by hand right over a Word or Markdown story's Heading 1 (its
 * 引题), or a 栏目 over such a line (【追梦路上】⏎广西乐业县百坭村党支部书记周昌战——⏎# 接力奔跑…, field
 * test 30). Set by hand: bold throughout, leading in with a dash or colon, or a 栏目's name; a plain
 * sentence left over the heading (a story's last line after its byline) is text, not the next story's;
 * at the file's head, where no story's text ends, any title line is.
 */
function titlesOverHeading(w: Walk, i: number): boolean {
  const k = nextIndex(w, i);
  const t = textOf(w.blocks[i]);
  // (or any title line over it at the file's head, where no story's text can end: 浙江义乌助力重点群体就业⏎# 就业服务“送到家”, field test 37;
  // a 栏目 in 【】 too, over the 引题 leading into it: 【经济新方位·从就业看产业】⏎吉林长春…汽修师——⏎# 这些劳务新品牌，你知道吗？, field test 38)
  // (not a note to the desk, 字数：约1500字, nor a line over another over the heading unless it names the 栏目: 第3版⏎要闻, review;
  // the 引题 under the 栏目 set by hand or not, **经济聚焦**⏎智慧创作、智慧港口、智慧医疗⏎# …, field test 39)
  const column = columnLine(t) || bracketedColumn(t);
  if (!(handSetTitle(w, i) || atHead(w, i, column)) || k >= w.blocks.length) return false;
  if (headingOne(w, k)) return true;
  // (or a Markdown heading over it, the 引题 typed as one: 【民生一线】⏎### 宁夏银川…——⏎# 呵护百姓…, field test 43; under a bold
  // line too, **推进文化自信自强**⏎### 贵州推动…⏎# 六百年屯堡…, field test 45)
  return (column ? handSetTitle(w, k) || atHead(w, k, false) || headingOver(w, k) : boldName(w, i) && headingOver(w, k)) && headingOne(w, nextIndex(w, k));
}

/** Whether a block is set bold throughout (its blank spans aside): a line the desk set by hand. */
function boldThroughout(b: SourceBlock): boolean {
  return b.spans.every((s) => s.bold || !s.text.trim());
}

/**
 * A line set bold throughout naming something: a 栏目's length, no clause in it, not a page line, a date or a labelled note
 * (**第3版**, **2026年4月8日**, **字数：…**, a bold lead-in sentence: review of field test 45).
 */
function boldName(w: Walk, i: number): boolean {
  const t = textOf(w.blocks[i]).trim();
  const credit = parseCredits(t) !== undefined || bracketedByline(t) || bylineLine(t) !== undefined;
  return boldThroughout(w.blocks[i]) && cpLength(t) <= BRACKETED_COLUMN_MOST && !COMMA_OR_STOP.test(t) && !NOT_A_NAME_RE.test(t) && !INNER_COLON_RE.test(t) && !credit;
}

const NOT_A_NAME_RE = /^第\s*[A-Z0-9０-９一二三四五六七八九十]{1,4}\s*版|[0-9０-９]{1,4}\s*[年月日]/u;

/** Whether block `k` is a heading of a lower level than 1 (### 引题 typed over the `# ` heading). */
const headingOver = (w: Walk, k: number): boolean => w.classes[k] === 'title' && w.blocks[k].level > 1;

/** Whether block `j` is a title line at the file's head, where no story's text can end (a 栏目 whatever it ends with). */
function atHead(w: Walk, j: number, column: boolean): boolean {
  const t = textOf(w.blocks[j]);
  const titled = w.classes[j] === 'maybe-title' && (!endsInPunctuation(t) || column);
  // (编者按 over a question, the note's, is no 栏目 over a 引题: review of field test 40)
  return w.drafts.length === 0 && (titled || (['maybe-title', 'body'].includes(w.classes[j]) && asks(t))) && !INNER_COLON_RE.test(t) && !editorsNoteAlone(t);
}

/**
 * One sentence asking or exclaiming that reads as a title but for its mark, commas and all: a title
 * line may be one (老股东逃避债务金蝉脱壳，闭店人收割顾客暗度陈仓？ over `# `, field test 40).
 */
const asks = (t: string): boolean => /^[^。；！？;!?]+[？！?!]$/u.test(t.trim()) && titleLike(t.trim().slice(0, -1));

/** A colon inside a line, not at its end: a labelled note (字数：约1500字, 发稿日期：…), no title. */
const INNER_COLON_RE = /[：:](?!\s*$)/u;

const headingOne = (w: Walk, k: number): boolean => k < w.blocks.length && w.classes[k] === 'title' && w.blocks[k].level === 1;

/** An unmarked line that reads as a title set by hand: bold throughout, leading into the line under it, or a 栏目's name. */
function handSetTitle(w: Walk, i: number): boolean {
  const b = w.blocks[i];
  const t = textOf(b);
  if (w.classes[i] !== 'maybe-title' || editorsNoteAlone(t)) return false;
  return boldThroughout(b) || leadsIn(t) || columnLine(t);
}

/** The blocks' text from the start, as much as tells a page's script (the blocks in order until SCRIPT_SAMPLE's worth). */
function sampleText(blocks: SourceBlock[]): string {
  let out = '';
  for (let i = 0; i < blocks.length && out.length < SCRIPT_SAMPLE; i++) out += textOf(blocks[i]);
  return out;
}

/** Whether the story's text so far ends as a story does (`storyEnds`) or in verse: a title line under it may head the next. */
function afterStoryEnd(d: Draft): boolean {
  const last = d.body[d.body.length - 1];
  // (a poem's last line ends it however it ends; so does a note on its writer, （作者为…）, field test 42)
  return !!last && !last.image && (storyEnds(spansText(last.spans)) || !!last.verse || helpedAlone(spansText(last.spans)));
}

/** The title lines under a picture looked at for the words its caption shares with them, at most. */
const TITLES_UNDER_MOST = 4;
/** Characters in a row a caption and a title share to be about one thing (风力旋筒助推系统). */
const SHARED_RUN = 4;

/**
 * Whether the caption of the picture at block `i`, after a story's end, names what the title lines right
 * under it do: the picture heads the next story, as a page sets it over its 栏目 and titles (全球最大船用
 * 风力旋筒助推系统 in the caption and the 引题 under it, field test 43), not the end of the story above.
 */
function captionOfTitlesUnder(w: Walk, i: number, caption: string): boolean {
  const first = nextIndex(w, i);
  // (the titles open a story: a subhead under the picture is the story's above, review of field test 43)
  if (first >= w.blocks.length || !startsGroup(w, first)) return false;
  const titles: string[] = [];
  for (let k = first; k < w.blocks.length && titles.length < TITLES_UNDER_MOST && ['title', 'maybe-title'].includes(w.classes[k]); k = nextIndex(w, k)) titles.push(textOf(w.blocks[k]));
  const runs = hanRuns(caption);
  const under = new Set(titles.flatMap(hanRuns));
  const above = new Set(w.cur!.body.flatMap((p) => hanRuns(spansText(p.spans))));
  // (named more by the titles under it than by the story above: 平陆运河青年枢纽施工现场 under a story of it is that story's)
  return runs.filter((r) => under.has(r)).length > runs.filter((r) => above.has(r)).length;
}

/** Every run of SHARED_RUN Han characters in a text (other characters left out). */
function hanRuns(text: string): string[] {
  const han = hanChars(text);
  return Array.from({ length: Math.max(0, han.length - SHARED_RUN + 1) }, (_, j) => han.slice(j, j + SHARED_RUN).join(''));
}

/** A story so far only its title and a picture with its caption (图片新闻): a title line under it heads the next story (field test 21). */
function pictureOnly(d: Draft): boolean {
  return d.placeholders.length > 0 && d.body.length === 0;
}

/**
 * A story's first sentence opens with when it happened (7月份，阳西县… 近日，… 昨天，…) or where (its
 * headline's place), a section under a subhead seldom does: a title line after a story's last sentence,
 * over such a paragraph, heads a story of its own on a page with no blank lines, where no dateline says
 * so (field test 19: three stories and a 简讯 read as one).
 */
function newsOpensUnder(w: Walk, i: number, k: number): boolean {
  const title = textOf(w.blocks[i]);
  const next = textOf(w.blocks[k]);
  const opens = opensNews(next) || sharesPlace(title, next);
  // (where blank lines set the paragraphs apart they are no sign: a 栏目's items, each under its title, stay one run)
  return !!w.cur && afterStoryEnd(w.cur) && !inBriefs(w, w.cur) && w.blocks[i].gapBefore === 0 && [...title].length <= SUBHEAD_MAX && !SUBHEAD_MARK_RE.test(title) && opens;
}

/**
 * A title line after a story's last sentence that would be its only subhead (none above it in the
 * story, none below it before the next story opens) heads a story of its own: a story's sections come
 * two or more under their subheads, so a lone one is a headline that lost its blank line (field test
 * 21: 社区便民座椅赢得居民好评⏎“真是太贴心了… read as a subhead of the fire story above). Not in a
 * 简讯 run, whose one titled item stays an item, nor in a copy-desk manuscript (field 15's 01.txt, one
 * subhead under its 主题：), nor a section a story closes with (相关链接, 记者手记: `storySection`).
 * In a briefs column with a blank line between every two paragraphs (`runsOn`) a title after one
 * counts too, when a story opens below it (field test 23: 政策助力入境游热度高涨 read as a subhead).
 */
function loneTitle(w: Walk, i: number, k: number): boolean {
  const cur = w.cur;
  const title = textOf(w.blocks[i]);
  if (!cur || !afterStoryEnd(cur) || !runsOn(w, i, cur)) return false;
  if ([...title].length > SUBHEAD_MAX || SUBHEAD_MARK_RE.test(title) || storySection(title) || labelAlone(title, cur) || cur.body.some((p) => p.titleCandidate || p.heading)) return false;
  // (a copy-desk manuscript labels its titles, 主题：…: a title line it leaves unlabelled is a subhead;
  // so in a text of one story so far that opens with no dateline or time, a manuscript whose one subhead
  // would make it two: field tests 20 A/05, C/06; news opening so seldom has one subhead)
  if (inBriefs(w, cur) || w.labelled || (w.drafts.length <= 1 && !dated(cur))) return false;
  for (let j = nextIndex(w, k); j < w.blocks.length; j = nextIndex(w, j)) {
    if (w.classes[j] === 'title' || opensStory(w, j)) return true;
    if (w.classes[j] !== 'maybe-title') continue;
    const under = nextIndex(w, j);
    const next = under < w.blocks.length ? textOf(w.blocks[under]) : '';
    // (two title lines stacked, 引题 and 主题, open a story as a dateline does)
    return (under < w.blocks.length && (opensStory(w, under) || w.classes[under] === 'maybe-title')) || opensNews(next) || sharesPlace(textOf(w.blocks[j]), next);
  }
  // (after one blank line, a story must open below it: the text's last subhead is a subhead)
  return w.blocks[i].gapBefore === 0;
}

/**
 * A label of a few characters alone in 【】 in a story whose text a label in 【】 leads already (【现象】…⏎【点评】⏎　　…, field test
 * 45, a 评论 page): a section of that story, never a story's title; not a notice's (【更正】, 【天气】, 【寻物启事】: review).
 */
const LABEL_ALONE_MOST = 4;
const NOTICE_RE = /更正|启事|声明|公告|通知|天气|讣告|广告/u;
const LABEL_LED_RE = /^[【［\[][^】］\]]{1,6}[】］\]]/u;
function labelAlone(title: string, cur: Draft): boolean {
  const name = bareName(title);
  return BRACKETED_NAME_RE.test(title.trim()) && [...name].length <= LABEL_ALONE_MOST && !NOTICE_RE.test(name) && cur.body.some((p) => !p.image && LABEL_LED_RE.test(spansText(p.spans).trim()));
}

/** Whether the story's text opens as news does: a dateline (本报讯…, 本报北京5月19日电…) or when it happened (近日，7月份，). */
function dated(d: Draft): boolean {
  const first = d.body.find((p) => !p.image);
  const t = first ? spansText(first.spans).trim() : '';
  return !!first && (leadAtStart(t) !== undefined || opensNews(t));
}

/** Whether a paragraph ends a story: a sentence's end or a signed one, not a clause a semicolon ends (a list or a verse going on: 十有八九是圈套；⏎免费体检忽悠你，…). */
function storyEnds(text: string): boolean {
  // (an editor's note signed, ——编　者, ends what stands over a package's parts: field test 31)
  return (endsStory(text) && !CLAUSE_END_RE.test(text.trimEnd())) || editorsSign(text, true);
}

/** A semicolon at a paragraph's end, a closing quote or bracket after it. */
const CLAUSE_END_RE = /[；;]["”’』」）)]*$/;

/** A 简讯 run (its headline or 栏头 a briefs label): its items' own titles are its subheads, never stories of their own (field test 21 P4). */
function inBriefs(w: Walk, d: Draft): boolean {
  return briefsLabel(d.headline) || w.res.columnLinks.some((l) => l.articleId === d.id && briefsLabel(l.columnName));
}

/**
 * A title and the paragraph under it opening with the same place (关防乡晒场铺就“金画卷”⏎关防乡的农家院落…):
 * a story's first sentence names where, as its headline did (field test 21). A paragraph opening with a
 * quotation is no such sign: a feature's subheads often stand over one.
 */
function sharesPlace(title: string, next: string): boolean {
  const place = PLACE_AT_START_RE.exec(title)?.[0];
  return !!place && next.startsWith(place);
}

/** A place at a line's start: two to five Han characters ending in an administrative unit's name. */
const PLACE_AT_START_RE = new RegExp(`^[${HAN}]{1,4}(?:省|市|县|区|乡|镇|村|街道|社区)`, 'u');
/** A line that is a place and nothing else, a county, district or town (河南宝丰县, 浦东新区): no 栏目 is named so (美丽乡村, 幸福社区, 文明城市 are). */
const PLACE_ALONE_RE = new RegExp(`^[${HAN}]{2,4}(?:省|县|镇|乡|(?<![社园景])区|(?<!城)市)$`, 'u');

/** A subhead (小标题) runs this many characters at most: a title line after a blank that runs longer heads a story. */
const SUBHEAD_MAX = 24;

/**
 * A title line of its own, not lines joined, longer than a subhead runs, with no comma or stop in it
 * (龙仙镇八泉社区：“社区+志愿团体+物业”三方联动开展义剪志愿服务活动).
 */
function wideTitle(w: Walk, i: number): boolean {
  const b = w.blocks[i];
  const t = textOf(b);
  return !b.joints?.length && [...t].length > SUBHEAD_MAX && !COMMA_OR_STOP.test(t) && !endsInPunctuation(t);
}

/** Blank lines that part this many stories at least before a page is read as parting its stories by them. */
const BLANK_PARTED = 3;

/**
 * Whether an OCR'd page parts its stories by blank lines and nothing else: no line after a blank line
 * (past the page's first) is body text or a byline, and at least BLANK_PARTED are titles. Its
 * paragraphs run on (hard-wrapped lines, no blank between), so a title line after a blank is a
 * story's, not a subhead: a story with no dateline (a 言论, a picture story) opens there.
 */
function blankPartsStories(blocks: SourceBlock[], classes: BlockClass[]): boolean {
  const first = classes.findIndex((c) => c !== 'empty');
  let titles = 0;
  for (let i = first + 1; i < blocks.length; i++) {
    if (classes[i] === 'empty' || blocks[i].gapBefore === 0) continue;
    if (classes[i] === 'body' || classes[i] === 'byline') return false;
    if (classes[i] === 'title' || classes[i] === 'maybe-title') titles++;
  }
  return titles >= BLANK_PARTED;
}

/**
 * Whether a page sets a blank line between every two paragraphs, as many an OCR'd page and a pasted
 * web page do: of its body blocks after the first, at least nine in ten after a blank line, and no
 * more than one blank line before most of them. Its titles stand after one blank line as its
 * paragraphs do.
 */
function blankEveryParagraph(blocks: SourceBlock[], classes: BlockClass[]): boolean {
  const body = blocks.filter((b, i) => classes[i] === 'body').slice(1);
  const apart = body.filter((b) => b.gapBefore > 0).length;
  return body.length >= BLANK_EVERY_LEAST && apart >= body.length * 0.9 && body.filter((b) => b.gapBefore === 1).length * 2 > body.length;
}

/** The fewest body paragraphs a page needs for blank lines between them to say it parts them all. */
const BLANK_EVERY_LEAST = 6;

/**
 * Whether block `i` runs on from the text of `cur` above it: no blank line before it, or, where every
 * paragraph has one (blankEvery), one blank line in a column of briefs (`briefsRun`). Elsewhere such a
 * page's lone title line may be a line of verse in the text, or a headline OCR set under its story's
 * first line (the sample page's 二期项目封顶).
 */
function runsOn(w: Walk, i: number, cur: Draft): boolean {
  const gap = w.blocks[i].gapBefore;
  return gap === 0 || (w.blankEvery && gap === 1 && briefsRun(w, cur));
}

/** A brief's length at most (characters of text): a story this short under a dateline is an item of a 简讯 column. */
const BRIEF_CHARS = 400;

/**
 * Whether `cur` is an item of a column of briefs: the column's label (简讯, as 栏头) over an earlier
 * story or this one, and every story from that one to this a brief under a dateline (BRIEF_CHARS).
 */
function briefsRun(w: Walk, cur: Draft): boolean {
  const labelled = new Set(w.res.columnLinks.filter((l) => briefsLabel(l.columnName)).map((l) => l.articleId));
  for (let k = w.drafts.indexOf(cur); k >= 0; k--) {
    const d = w.drafts[k];
    if (!dated(d) || d.body.reduce((n, p) => n + [...spansText(p.spans)].length, 0) > BRIEF_CHARS) return false;
    if (labelled.has(d.id)) return true;
  }
  return false;
}

/** Whether block `k` is what a story's text opens with under its titles: a dateline (本报讯…) or a 上接 line. */
function opensStory(w: Walk, k: number): boolean {
  const t = textOf(w.blocks[k]);
  return leadAtStart(t) !== undefined || jumpAtStart(t)?.direction === 'from';
}

/**
 * Whether block `i` starts unmarked title lines (fewer than TITLE_RUN_MAX) over a byline over the text,
 * in a Markdown or Word story (卢旺达——⏎辣椒种植户未来日子更有盼头⏎本报记者 戴楷然⏎…) or after a blank
 * line on an OCR'd page: the next story opens there, as a story's subheads never stand over a byline.
 * Not over a photographer's credit: that line and the one above it are a picture's caption (`capturesPicture`).
 */
function titlesOverByline(w: Walk, i: number): boolean {
  const group: TitleGroup = [];
  for (let k = i, run = 0; run < TITLE_RUN_MAX && k < w.blocks.length; run++, k = nextIndex(w, k)) {
    const after = nextIndex(w, k);
    const bodyUnder = after < w.blocks.length && (w.classes[after] === 'body' || (w.classes[k] === 'byline' && labelOverBody(w, after)));
    // (or a picture under the byline, the story's text under its caption: 本报记者　姜晓丹⏎[图片], field test 31)
    const pictureUnder = after < w.blocks.length && (w.classes[after] === 'placeholder' || w.classes[after] === 'image');
    if (w.classes[k] === 'byline') return run > 0 && (bodyUnder || pictureUnder) && !endsInPhotoCredit(textOf(w.blocks[k]));
    if (run === 0 && w.o.mode === 'ocr' && opinionTitles(w, k)) return true;
    if (w.classes[k] !== 'maybe-title') return false;
    group.push({ text: textOf(w.blocks[k]), block: w.blocks[k] });
    // (a name alone under a 栏目 and a title is the writer's, as a 言论 signs: 专家观点⏎生态保护不是…⏎吴福象, field test 28)
    // (the 栏目 shorter than its title: two lines of one length are a couplet and its poet quoted in the text, 举杯邀明月⏎对影成三人⏎李白)
    if (run >= 2 && bodyUnder && w.o.mode === 'ocr' && cpLength(group[0].text) < cpLength(group[1].text) && writerUnderTitles(group)) return true;
  }
  return false;
}

/**
 * Whether block `i` is a short label over the text (a profile's 人物小传, a feature's 绝活看点) right under a byline:
 * a title line, no blank line over it (credits or a caption's credit over a blank line and the next story's title are
 * no story's: review of field 55), no mark at its end, the text under it (field 55 P3: 工匠绝活·…⏎…⏎石刻医生的“医石”四笔⏎本报记者  姜  峰⏎绝活看点⏎陈卉丽，…
 * was read as the story above's last lines and its writer).
 */
function labelOverBody(w: Walk, i: number): boolean {
  const k = nextIndex(w, i);
  return w.classes[i] === 'maybe-title' && w.blocks[i].gapBefore === 0 && cpLength(textOf(w.blocks[i])) <= LABEL_CHARS && !endsInPunctuation(textOf(w.blocks[i])) && k < w.blocks.length && w.classes[k] === 'body';
}

/** The longest label `labelOverBody` takes (人物小传, 绝活看点, 记者手记: a few characters, never a sentence). */
const LABEL_CHARS = 6;

/** Whether block `i` starts title lines (up to TITLE_RUN_MAX) whose last is a 副题 over the text: a story's, as a subhead never has one. */
function titlesOverDeck(w: Walk, i: number): boolean {
  for (let k = i, run = 0; run < TITLE_RUN_MAX && k < w.blocks.length; run++, k = nextIndex(w, k)) {
    if (w.classes[k] !== 'maybe-title') return false;
    const after = nextIndex(w, k);
    if (run > 0 && deckLine(textOf(w.blocks[k])) && after < w.blocks.length && w.classes[after] === 'body') return true;
  }
  return false;
}

/**
 * A 言论's title lines under its 栏目 at block `i` on an OCR'd page: its title (one asking a question
 * too: 热议⏎一个小区为啥有四个名字？⏎李君强, field test 31), a 提要 between it and the writer's name if any
 * (评论员观察⏎以“中国效率”激荡奋进活力⏎守制度之优…更有质感⏎李洪兴: a line ending in no mark, set as the
 * 副题), and the name alone, over the text; the 栏目 shorter than the title (a couplet and its poet are
 * text). The lines after the 栏目, and the first block after them; undefined when it is no such group.
 */
function opinionTitles(w: Walk, i: number): { group: TitleGroup; end: number } | undefined {
  const { blocks, classes } = w;
  // (lines a copy desk labelled, 栏目：快评⏎主题：…⏎作者：杨朝清, have their roles already)
  const close = (k: number): boolean => k < blocks.length && blocks[k].gapBefore === 0 && !blocks[k].styleRole;
  const title = nextIndex(w, i);
  // (a name alone is no title: 乡愁⏎余光中⏎小时候⏎…, a poem and its poet)
  if (blocks[i].styleRole || !columnNameLike(bareName(textOf(blocks[i]))) || !close(title) || !opinionTitle(textOf(blocks[title])) || nameAlone(textOf(blocks[title])) || cpLength(textOf(blocks[i])) >= cpLength(textOf(blocks[title]))) return undefined;
  let writer = nextIndex(w, title);
  // (a 提要 runs longer than the title it sums up: a line as long is a couplet's second line, 举杯邀明月⏎对影成三人⏎李白)
  // (a page may end on its title: no line under it, OCR cut off there)
  const said = writer < blocks.length ? textOf(blocks[writer]) : '';
  const summary = close(writer) && !nameAlone(said) && !endsInPunctuation(said) && cpLength(said) > cpLength(textOf(blocks[title])) && cpLength(said) <= TITLE_MAX ? writer : undefined;
  if (summary !== undefined) writer = nextIndex(w, summary);
  const text = nextIndex(w, writer);
  // (the name may stand as a byline line of its own: text-blocks reads one under a 提要 so)
  const signed = writer < blocks.length && blocks[writer].gapBefore === 0 && (close(writer) || blocks[writer].styleRole === 'byline');
  // (its text, or a picture over it: 读数⏎“文旅热”成…⏎王东辉⏎[图表], field test 32)
  if (!signed || !nameAlone(textOf(blocks[writer])) || text >= blocks.length || !['body', 'maybe-title', 'placeholder', 'image'].includes(classes[text])) return undefined;
  // (the title and its 提要 marked: a 栏目 over a title it reads as explained by, 记者手记⏎“唤醒”闲置空间…, is still the 栏目)
  const line = (k: number, styleRole?: 'headline' | 'deck'): TitleGroup[number] => ({ text: textOf(blocks[k]), block: styleRole ? { ...blocks[k], styleRole } : blocks[k] });
  const under = summary === undefined ? summaryUnder(w, writer) : undefined;
  // (the writer last in the group, as over a 提要 above him: the group's roles go by it)
  if (under !== undefined) return { group: [line(title, 'headline'), line(under, 'deck'), line(writer)], end: under + 1 };
  return { group: [line(title, 'headline'), ...(summary === undefined ? [] : [line(summary, 'deck')]), line(writer)], end: writer + 1 };
}

/** A 提要 under the writer runs to at most this many characters (three or four lines of a column). */
const SUMMARY_MOST = 2 * TITLE_MAX;

/**
 * The 提要 a 言论 sets under its writer's name, over its text: a block close under the name, not set
 * in, its clauses ending in no mark, over the text set in (焦思雨⏎社区干部多一些…，俯⏎…⏎就能增强社区的
 * 凝聚力⏎　　支起简易木桌…: field test 40); undefined when there is none.
 */
function summaryUnder(w: Walk, writer: number): number | undefined {
  const k = nextIndex(w, writer);
  const text = nextIndex(w, k);
  if (k >= w.blocks.length || text >= w.blocks.length || w.blocks[k].gapBefore > 0 || w.blocks[k].indented || !w.blocks[text].indented) return undefined;
  const t = textOf(w.blocks[k]);
  return ['body', 'maybe-title'].includes(w.classes[k]) && COMMA_RE.test(t) && !endsInPunctuation(t) && cpLength(t) <= SUMMARY_MOST ? k : undefined;
}

/** Two or three Han characters alone, a two-character name padded with a space too (王　者). */
function nameAlone(text: string): boolean {
  return HAN_ALONE.test(unpadded(text));
}

/** A 言论's title: a title line, or one asking a question (its one sentence ending in ？ or ！). */
function opinionTitle(text: string): boolean {
  return titleLike(text) || (QUESTION_TITLE_RE.test(text.trim()) && cpLength(text) <= SUBHEAD_MAX);
}

const QUESTION_TITLE_RE = /^[^，。；！？,;!?]+[？！?!]$/u;

/** Title lines an OCR'd page stacks over a story (栏目, 主题, 副题), unmarked: at most this many in one group. */
const TITLE_RUN_MAX = 4;

/**
 * Whether block `k` starts a run of unmarked title-like lines, each close under the one before,
 * that ends where the story's body (or its lead or byline) begins: the rest of a title group over it.
 * `toLead`: the run must end at a dateline (本报讯…), as a new story's titles do inside another's body.
 */
function titleRunToBody(w: Walk, k: number, toLead = false): boolean {
  const { blocks, classes } = w;
  for (let run = 0; k < blocks.length && run < TITLE_RUN_MAX; run++, k = nextIndex(w, k)) {
    if (blocks[k].gapBefore >= 2) return false;
    if (opensStory(w, k)) return run > 0;
    if (classes[k] === 'body' || classes[k] === 'byline') return run > 0 && !toLead;
    // (or a picture under them, at the file's head: a 副刊 essay's title and writer over its picture, 如朝阳初启　迎万象焕新⏎张晓凌⏎【图】, field test 42)
    if (classes[k] === 'placeholder' || classes[k] === 'image') return run > 0 && !toLead;
    // (a line ending in a comma goes on: a sentence cut short, never a title)
    if (classes[k] !== 'maybe-title' || endsInPunctuation(textOf(blocks[k]))) return false;
  }
  return false;
}

type TitleGroup = { text: string; block: SourceBlock }[];

/**
 * Title lines a quotation runs over (“零工市场让我们⏎好找活、有保障”, centred on two lines, field test 25): one
 * title, joined; and so are the two lines under a 引题 leading into its 主题 with a dash when nothing marks
 * either as a 副题 (立足资源优势…——⏎广西做实做强⏎做优实体经济, field test 33: the 主题 broken over two lines).
 */
function joinQuotedTitles(group: TitleGroup): TitleGroup {
  const out: TitleGroup = [];
  for (const g of group) {
    const prev = out[out.length - 1];
    if (prev && ((leavesOpen(prev.text) && !leavesOpen(prev.text + g.text)) || ANSWERS_RE.test(g.text.trim()))) out[out.length - 1] = { ...prev, text: prev.text + g.text };
    else out.push(g);
  }
  return mainTitleWrapped(out) ? [out[0], { ...out[1], text: out[1].text + out[2].text }] : out;
}

/** The longest each line of a 主题 broken over two runs (characters): short lines, neither a 主题 alone. */
const BROKEN_TITLE_MAX = 8;

/** Three plain lines: a 引题 leading in with a dash over two short lines, no clause in them, the second no 副题. */
function mainTitleWrapped(group: TitleGroup): boolean {
  if (group.length !== 3 || !endsWithDash(group[0].text) || group.some((g) => g.block.styleRole || g.block.level)) return false;
  const [a, b] = [group[1].text.trim(), group[2].text.trim()];
  return cpLength(a) <= BROKEN_TITLE_MAX && cpLength(b) <= BROKEN_TITLE_MAX && !deckLine(b) && !COMMA_OR_STOP.test(a + b) && !endsInPunctuation(a);
}

/**
 * A title line that only ends the one above, 答记者问 under 就《…的意见》 (a headline broken over two
 * centred lines, field test 28): never a 主题 of its own, so never the line that makes the one above its 引题.
 */
const ANSWERS_RE = /^(?:答|回答)(?:本报|新华社)?记者(?:问|提问)$/u;

/** A group of plain lines, no heading or style among them: a Word story's titles set bold by hand, not by style (under a heading, a line of names is its writer). */
function unmarked(group: TitleGroup): boolean {
  return group.every((g) => !g.block.level && !g.block.styleRole);
}

/**
 * A group of no marked title but a 栏目: its lines unmarked, or labelled 栏目 (栏目：探访·城市更新 over
 * 陕西西安将老菜场改造为市井文化创意街区⏎# 留住“烟火气”…, field test 38).
 */
function columnsOnly(group: TitleGroup): boolean {
  return group.every((g) => (!g.block.level && !g.block.styleRole) || g.block.styleRole === 'column');
}

/** The title lines that follow block `i` in its group; `end` is the first block after them. */
function gatherTitleGroup(w: Walk, i: number): { group: TitleGroup; end: number } {
  const { blocks, classes, o } = w;
  const n = blocks.length;
  const group: TitleGroup = [{ text: textOf(blocks[i]), block: blocks[i] }];
  // (a 言论's title, its 提要 and its writer under its 栏目, taken whole: a title asking a question ends in a mark)
  const opinion = o.mode === 'ocr' ? opinionTitles(w, i) : undefined;
  if (opinion) return { group: [...group, ...opinion.group], end: opinion.end };
  let j = i + 1;
  for (; j < n; j++) {
    const c = classes[j];
    if (c === 'empty') continue;
    if (blocks[j].gapBefore >= 2) break;
    // (in a manuscript that labels its titles, a line led by a label in 【】, 【关键词】“菜篮子”工程 under a 言论's writer, is its text:
    // field test 34; on a page, 【快讯】地铁三号线开通试运营 is a brief's title)
    if (w.labelled && PARAGRAPH_LABEL_RE.test(textOf(blocks[j]).trim())) break;
    if (c === 'title' && (o.mode === 'ocr' || blocks[j].level > 0 || blocks[j].styleRole)) {
      group.push({ text: textOf(blocks[j]), block: blocks[j] });
      continue;
    }
    // (a line broken off at a comma is a sentence's start, never a title: 已持续一个多月的…，即将)
    // (in Word, a 引题 ending in a dash over the Heading 1 is one: 广西乐业县百坭村党支部书记周昌战——, field test 30)
    // (on an OCR'd page too, over the 主题: 奋进“十五五”⏎广东冷链园区集成超60项数智化技术——⏎数据赋能　冻品锁鲜, field test 31)
    const ledInto = c === 'maybe-title' && leadsIn(textOf(blocks[j])) && titleUnder(w, j);
    // (a 引题 asking a question under a 栏目 over `# `: field test 40)
    if (o.mode === 'structured' && c === 'body' && columnsOnly(group) && !group.some((g) => editorsNoteAlone(g.text)) && titlesOverHeading(w, j)) {
      group.push({ text: textOf(blocks[j]), block: blocks[j] });
      continue;
    }
    if (c === 'maybe-title' && (!endsInPunctuation(textOf(blocks[j])) || ledInto || (o.mode === 'structured' && leadsIn(textOf(blocks[j]))))) {
      const tj = textOf(blocks[j]);
      const onlyKickers = group.every((g) => endsWithColon(g.text) || columnNameLike(g.text));
      const k = nextIndex(w, j);
      const bodyFollows = k < n && ['body', 'byline', 'jump', 'placeholder', 'image'].includes(classes[k]);
      // (a title right over its picture, 多地更新…，满足群众健身需求⏎运动新空间这样长出来⏎[图片], field test 31)
      const overPicture = o.mode === 'ocr' && k < n && (classes[k] === 'placeholder' || classes[k] === 'image');
      if (deckLine(tj) || ledInto || overPicture || (onlyKickers && bodyFollows) || (o.mode === 'ocr' && k < n && classes[k] === 'title' && blocks[k].gapBefore < 2) || ((o.mode === 'ocr' || unmarked(group)) && titleRunToBody(w, j)) || (o.mode === 'structured' && (titlesOverByline(w, j) || (columnsOnly(group) && titlesOverHeading(w, j))))) {
        group.push({ text: tj, block: blocks[j] });
        continue;
      }
    }
    if ((c === 'body' || c === 'maybe-title') && o.mode === 'ocr' && overTopByline(w, j)) {
      group.push({ text: textOf(blocks[j]), block: blocks[j] });
      continue;
    }
    break;
  }
  return { group, end: j };
}

/** Whether a title line stands close under block `j` (its 主题 under a 引题 leading into it). */
function titleUnder(w: Walk, j: number): boolean {
  const k = nextIndex(w, j);
  return k < w.blocks.length && w.blocks[k].gapBefore === 0 && (w.classes[k] === 'maybe-title' || w.classes[k] === 'title') && !endsInPunctuation(textOf(w.blocks[k]));
}

/**
 * Whether block `j`, under title lines, is one of them because a byline follows it close under
 * (本报记者 徐文静 综合报道) and the body after that, or a picture where no story's text runs on (…说“不”！⏎本报记者
 * 窦瀚洋⏎[图片] at the page's top, field test 50; under a story's text such a byline is its end's, review):
 * that byline heads the story, so every line
 * above it is a title, a 副题 too long with its comma for a title anywhere else or a headline
 * asking a question (`titleOverByline`). Read as the body, the line took the byline as its end and
 * the story split in two.
 */
function overTopByline(w: Walk, j: number): boolean {
  const { blocks, classes } = w;
  const k = nextIndex(w, j);
  const after = nextIndex(w, k);
  return blocks[j].gapBefore === 0 && titleOverByline(textOf(blocks[j])) && classes[k] === 'byline' && blocks[k].gapBefore === 0 && after < blocks.length && (classes[after] === 'body' || (['placeholder', 'image'].includes(classes[after]) && (!w.cur || w.cur.closed)));
}

/** A title group opens an article when body follows it; without one it is a banner or a fragment. */
function takeTitleGroup(w: Walk, i: number): number {
  const { blocks, classes, o, res } = w;
  const n = blocks.length;
  const { group: lines, end: j } = gatherTitleGroup(w, i);
  const group = joinQuotedTitles(lines);
  const k = j < n && classes[j] === 'empty' ? nextIndex(w, j - 1) : j;
  const hasBody = k < n && blocks[k].gapBefore < 2 + (o.mode === 'ocr' ? 0 : 99) && ['body', 'maybe-title', 'byline', 'jump', 'placeholder', 'image'].includes(classes[k]);
  const first = w.groupsSeen === 0 && w.drafts.length === 0;
  w.groupsSeen++;
  if (!hasBody) {
    for (const g of group) {
      if (first) {
        res.page.banners.push(cleanTitle(g.text, o, { field: 'banner' }));
        w.guess('banner', g.text, 0.7, '版面顶部没有正文的标题行，视为通栏标语', 'a title line at the top of the page with no body: taken as a banner', undefined, g.block.line);
      } else {
        res.fragments.push({ file: o.file, line: g.block.line, text: g.text, zh: '孤立的标题行，后面没有正文：可能是被截断的标题（OCR 漏识），请核对', en: 'a title line with no body after it: probably a headline cut off by OCR; please check' });
      }
    }
    return j;
  }
  // A manuscript may name its author before its titles: that byline stays with them.
  const cur = w.cur;
  const onlyByline = cur && !cur.closed && !cur.body.length && !cur.headline && !cur.kicker && !cur.deck && !cur.placeholders.length;
  if (!onlyByline) {
    if (cur) cur.closed = true;
    w.cur = newDraft(w);
  }
  // (a poem's poet, a name alone over its verse, whatever the surname or length: 乡愁⏎余光中⏎小时候…)
  const overVerse = j < w.blocks.length && !!w.blocks[j].verse && group.length > 1 && nameAlone(group[group.length - 1].text);
  // (not a word the text under it goes on about: 家乡的味道⏎郁金香⏎…郁金香就在记忆里生长, a title; review of field test 42)
  const author = o.mode === 'ocr' && (overVerse || ((writerUnderTitles(group) || signedByNote(w, j, group)) && !textNames(w, j, group[group.length - 1].text))) ? group.pop() : undefined;
  resolveTitleGroup(group, w.cur!, { first, subtitlesUnder: w.traditional }, res, o, w.guess);
  if (author) {
    takeByline(w, author.text);
    w.guess('byline-line', author.text, 0.8, '标题下只有人名的一行，视为署名', 'a line of names alone under the titles: taken as the byline', w.cur!.id, author.block.line);
  }
  return j;
}

/**
 * Whether a title group's last line is its writer's name, the text from block `k` on closing with a note on
 * its writer (努力做有“根”的音乐⏎海来阿木⏎…⏎（作者为四川省成都市文联副主席、音乐人）, field test 47): a name
 * (`signingName`) under a title over twice as long. The text is read to its first line that is not text.
 */
function signedByNote(w: Walk, k: number, group: TitleGroup): boolean {
  const name = unpadded(group[group.length - 1].text);
  const above = group[group.length - 2]?.text;
  if (above === undefined || !signingName(name) || cpLength(above) <= 2 * cpLength(name)) return false;
  for (let j = k; j < w.blocks.length && w.classes[j] === 'body'; j = nextIndex(w, j)) if (endsInWriterNote(textOf(w.blocks[j]))) return true;
  return false;
}

/** Whether the text from block `k` on (its first few paragraphs, TEXT_NAMES) names `word`: what it goes on about, no writer's name. */
function textNames(w: Walk, k: number, word: string): boolean {
  const t = unpadded(word);
  for (let j = k, seen = 0; j < w.blocks.length && seen < TEXT_NAMES; j = nextIndex(w, j)) {
    if (w.classes[j] === 'empty' || w.classes[j] === 'placeholder' || w.classes[j] === 'image') continue;
    if (textOf(w.blocks[j]).includes(t)) return true;
    seen++;
  }
  return false;
}

/** Paragraphs of a story's text `textNames` reads. */
const TEXT_NAMES = 3;

/** Two or three Han characters alone: a name under a 栏目 and its title (`writerUnderTitles`), a place heading a part of a story (武汉, 石家庄: `labelsParts`). */
const HAN_ALONE = new RegExp(`^[${HAN}]{2,3}$`, 'u');

/**
 * Whether a title group's last line names its writers, not a title: a name alone under a 言论's
 * titles (麓山快评, 优化环境 赢得未来, 袁云才), or names alone under a headline and its deck, as a copy
 * desk sets its byline with no role word (开展安全教育 预防暑期溺水, 陈向阳). The line above is a
 * title longer than the names; under a kicker's colon (南关街道：) a name is whom the story is about.
 */
function writerUnderTitles(group: TitleGroup): boolean {
  const last = group[group.length - 1].text;
  if (group.length >= 3 && personName(last)) return true;
  // (under a 栏目 and a title, two or three characters alone are the writer, whatever the surname: 新民随笔, 基层样本, 晏秋秋)
  // (padded too: 有感而发⏎AI时代，设计要…⏎邢　雷, field test 32)
  if (group.length >= 3 && columnNameLike(bareName(group[0].text)) && nameAlone(last)) return true;
  const above = group[group.length - 2]?.text;
  if (above === undefined) return false;
  // (or under a title ending in its 栏目 as the web edition writes it, a name padded or a writer's 栏目: 感受非遗的“引力”与“张力”（新语）⏎尔  冬,
  // 老物件何以感人心（金台随笔）⏎纪北禾, field test 53; not a place or a word, 高原上的“菜篮子”（一线见闻）⏎那曲: review)
  // (not a box's label padded as names are, 提  要, 背  景: review)
  const tail = columnTail(above);
  if (tail && !BOX_LABEL_RE.test(unpadded(last)) && (paddedName(last) || (WRITERS_COLUMN_RE.test(tail.column) && nameAlone(last)))) return true;
  // (a name of two characters padded to three, 楠  溪, under titles a copy desk labelled or marked is its writer's, whatever
  // the surname (field test 34); a two-character name with a common surname, padded or not, under a title over twice as long,
  // not a 栏目 or a kicker's colon: 微更新让千年古城焕发新生⏎沈波, field test 35; 乡土记忆⏎老　屋 stays the title, review)
  const named = cpLength(unpadded(last)) === 2 && personName(last) && !columnLine(above) && !endsWithColon(above) && cpLength(above) > 2 * 2;
  if (named || (paddedName(last) && group.some((g) => !!g.block.styleRole || g.block.level > 0))) return true;
  // (a 副刊 essay's writer of a less common surname under its title, 丹青起舞　永乐未央⏎景小勇: field test 42)
  return (bylineNames(last) || headingWriter(last)) && !endsWithColon(above) && cpLength(above) > cpLength(last);
}

/** The longest a paragraph ending in a photo credit runs to be a caption (近日，赤水市…茶农忙着采摘。 李剑 摄). */
const CREDITED_CAPTION_CHARS = 80;

/**
 * A photographer's credit on a line of its own (本报全媒体记者 唐庆 摄, 新华社发（周社根 摄）), or a short
 * paragraph ending in one, in a story whose picture has no caption yet, as a 图片新闻 ends: that
 * picture's caption, not the story's byline or text (field test 17).
 */
function creditsPicture(w: Walk, t: string, b: SourceBlock): boolean {
  if ([...t].length > CREDITED_CAPTION_CHARS) return false;
  if (capturesPicture(w, t, b)) return true;
  const placeholder = w.cur && !w.cur.closed ? w.cur.placeholders.find((p) => !p.caption) : undefined;
  if (!placeholder) return captionsGap(w, t, b);
  if (!endsInPhotoCredit(t)) return false;
  placeholder.caption = t;
  // (it ends the story, as an end byline does)
  if (w.cur!.body.length) w.cur!.closed = true;
  return true;
}

/**
 * A caption right under a picture the text holds (a Word or Markdown story's embedded picture, then
 * 图为…。 本报记者 王五 摄): that picture's caption, in place of its alt text, never a frame of its own.
 * So is a short line and a photographer's credit under it (市民在樱花树下拍照留念⏎本报记者 王涛 摄):
 * under a picture, its caption; in an OCR'd story with no picture marked, a picture still to place.
 */
function capturesPicture(w: Walk, t: string, b: SourceBlock): boolean {
  const body = w.cur && !w.cur.closed ? w.cur.body : [];
  const last = body[body.length - 1];
  if (last?.image) {
    if (!(endsInPhotoCredit(t) || opensCaption(t))) return false;
    last.image = { ...last.image, caption: t.trim() };
    return true;
  }
  if (!last || !endsInPhotoCredit(t) || !bylineLine(t) || last.heading || endsSentence(spansText(last.spans)) || [...spansText(last.spans)].length > CAPTION_LINE_MAX) return false;
  const picture = body[body.length - 2];
  if (!picture?.image && w.o.mode !== 'ocr') return false;
  const caption = `${spansText(last.spans).trim()} ${t.trim()}`;
  body.pop();
  if (picture?.image) picture.image = { ...picture.image, caption };
  else w.cur!.placeholders.push({ caption, line: b.line });
  return true;
}

/** The longest a caption's line over a photographer's credit runs (characters). */
const CAPTION_LINE_MAX = 40;

/**
 * A caption alone where an OCR'd page left blank lines for its picture (图为宋金波正在维修家电。 孙磊摄（人民视觉）):
 * it opens as a caption does or ends in a photo credit after its words, or both. It is the picture's
 * caption, made a placeholder of the open story (its picture to place), never a paragraph of the story's
 * text. A credit alone (本报记者 王涛 摄) is a byline there, as in any source.
 */
function captionsGap(w: Walk, t: string, b: SourceBlock): boolean {
  const opens = opensCaption(t);
  const credited = endsInPhotoCredit(t) && (opens || !bylineLine(t));
  const gap = w.o.mode === 'ocr' && b.gapBefore >= 2;
  if (!(credited && opens) && !(gap && (credited || opens))) return false;
  openDraft(w).placeholders.push({ caption: t, line: b.line });
  return true;
}

/**
 * Whether block `i` is the 提要 of a manuscript whose titles are labelled: an unlabelled line of clauses
 * ending in no mark right under its titles and byline, over its text, when it has no 副题 (畅通消费渠道，优化消费场景，银龄群体将
 * 创造新的消费增长点 under 主题：…⏎作者：白真智, field test 36): its 副题, as the page prints it under the
 * headline, not a subhead over the first paragraph. A numbered line is a section's head.
 */
function summaryUnderTitles(w: Walk, i: number): boolean {
  const { cur, blocks } = w;
  const t = textOf(blocks[i]);
  if (!w.labelled || w.classes[i] !== 'maybe-title' || blocks[i].styleRole || blocks[i].level > 0 || !cur || cur.closed || !cur.headline || cur.deck || cur.body.length) return false;
  return COMMA_RE.test(t) && !endsInPunctuation(t) && !SUBHEAD_MARK_RE.test(t) && textUnder(w, i);
}

/**
 * Whether byline block `i` signs a section of a Markdown or Word story: right under the section's
 * headings, over its text (## 长春市绿园区林园街道机关食堂⏎## 闭环管理促节约⏎本报记者　门杰伟⏎饭点刚过，…, a 组合报道,
 * field test 36): a line of the story, printed under its section's headings, never the end of the story.
 */
function sectionByline(w: Walk, i: number): boolean {
  const cur = w.cur;
  const k = nextIndex(w, i);
  return w.o.mode === 'structured' && !!cur && !cur.closed && !!cur.body[cur.body.length - 1]?.heading && k < w.blocks.length && w.classes[k] === 'body';
}

function takeByline(w: Walk, t: string): void {
  const cur = openDraft(w);
  const line = bylineLine(t) ?? t;
  cur.byline = cur.byline ? `${cur.byline} ${line}` : line;
  cur.bylinePosition = cur.body.length ? 'end' : 'top';
  if (cur.body.length) cur.closed = true;
}

function takeJump(w: Walk, t: string): void {
  const cur = openDraft(w);
  const jump = jumpAtStart(t)!;
  if (jump.direction === 'from') cur.jumpFrom = w.o.normalize ? jump.text : t;
  else cur.jumpTo = w.o.normalize ? jump.text : t;
}

/** A statement's end: a full stop, a semicolon or an ellipsis, a closing quote or bracket after it. */
const STATEMENT_END_RE = /[。；;…．.]["”’』」）)]*$/u;

/**
 * A Markdown or Word paragraph in the text of a story with its headline, set bold throughout, a title's
 * length and ending no sentence: the copy desk's 小标题 (**守护三江源，这是一条绿色生态走廊**, **人物小传**,
 * field test 32), set as a subhead.
 */
function boldSubhead(w: Walk, i: number, cur: Draft): boolean {
  const bold = (k: number): boolean => boldThroughout(w.blocks[k]);
  const t = textOf(w.blocks[i]);
  // (a question is one: **如何选用奶类？**, field test 33; a statement ending in its full stop is not)
  if (!cur.headline || w.o.mode !== 'structured' || w.classes[i] !== 'maybe-title' || !bold(i) || STATEMENT_END_RE.test(t)) return false;
  // (with the story's text under it, not bold: a sign-off, a date, （完）, a bold line closing the story, is no subhead)
  const next = nextIndex(w, i);
  if (next >= w.blocks.length || w.classes[next] !== 'body' || bold(next)) return false;
  let above = i - 1;
  while (above >= 0 && w.classes[above] === 'empty') above--;
  const underPicture = above >= 0 && (w.classes[above] === 'image' || w.classes[above] === 'placeholder');
  const last = cur.body[cur.body.length - 1];
  // (nor a caption, a quotation's signature or a dashed item, ——浙江杭州顺丰小哥肖晨, nor a speaker's name over his answer, 王芳: the review of field test 32)
  return !underPicture && !opensCaption(t) && !endsInPhotoCredit(t) && !signsQuotation(t, last && !last.heading ? spansText(last.spans) : '') && !dashLed(t) && !nameAlone(t);
}

/** The most commas (，、) a subhead of clauses runs (`clausedSubhead`): 抓产业、抓市场、抓现场、抓“出海”，推动建筑业提质升级. */
const CLAUSED_COMMAS = 4;

/**
 * In a copy-desk manuscript that labels its titles, a paragraph of clauses a title's length ending in no mark,
 * after a sentence's end and over the text, one of two such or more: a 小标题 print sets bold, commas and all (an
 * interview's “十五五”时期，住房城乡建设总体处在转型发展关键期, field test 42). Not a field (提案人：…), a dashed line or a signature.
 */
function clausedSubhead(w: Walk, i: number, cur: Draft): boolean {
  const last = cur.body[cur.body.length - 1];
  if (!w.labelled || !last || last.image || last.heading || !endsSentence(spansText(last.spans)) || !clausedLine(w, i)) return false;
  // (two such lines at least: one paragraph missing its full stop is a slip, 截至目前，…惠及居民3万余户, review)
  return clausedLines(w) >= 2;
}

/** How many of the walk's blocks are clausedLine's, counted once a walk (a long manuscript is not read again for each). */
function clausedLines(w: Walk): number {
  let n = CLAUSED_COUNTS.get(w);
  if (n === undefined) CLAUSED_COUNTS.set(w, (n = w.blocks.reduce((k, _, j) => k + (clausedLine(w, j) ? 1 : 0), 0)));
  return n;
}

const CLAUSED_COUNTS = new WeakMap<Walk, number>();

/** Whether block `i` is a paragraph of clauses a title's length ending in no mark, over a paragraph (see clausedSubhead). */
function clausedLine(w: Walk, i: number): boolean {
  const t = textOf(w.blocks[i]).trim();
  if (w.classes[i] !== 'body' || [...t].length > TITLE_MAX || /[。；;！？!?：:…]/u.test(t) || endsInPunctuation(t) || dashLed(t) || (t.match(/[，,、]/gu) ?? []).length > CLAUSED_COMMAS) return false;
  const next = nextIndex(w, i);
  return next < w.blocks.length && w.classes[next] === 'body';
}

function takeBody(w: Walk, i: number, byline = false): void {
  const b = w.blocks[i];
  const cls = w.classes[i];
  const cur = openDraft(w);
  if (cls === 'image') {
    cur.body.push({ spans: [], gapBefore: b.gapBefore, line: b.line, titleCandidate: false, image: b.image });
    return;
  }
  const last = cur.body[cur.body.length - 1];
  // (the editor's sign ends the note it signs, on its last line: …请看记者的调查。——编者)
  if (editorsSign(textOf(b)) && last && !last.image && !last.heading && !last.titleCandidate) {
    setSpans(last, [...last.spans, { text: textOf(b).trim() }]);
    return;
  }
  // (a box's label, and the box's title right under it: ■链接⏎“职业闭店”有哪些特点, field test 40)
  const boxTitle = cls === 'maybe-title' && !!last?.heading && boxLabel(spansText(last.spans)) && !endsInPunctuation(textOf(b));
  const heading = b.subhead || boldSubhead(w, i, cur) || clausedSubhead(w, i, cur) || (cls === 'maybe-title' && boxLabel(textOf(b))) || boxTitle ? 2 : cls === 'title' ? b.level || (unlabelledInManuscript(w, i) ? 2 : undefined) : undefined;
  const joints = b.joints?.map((j): Joint => ({ ...j, kind: 'line-join' }));
  const after = last && !last.image && !last.heading && !last.titleCandidate ? spansText(last.spans) : '';
  const t = spansText(b.spans);
  // (an indented line is a paragraph, unless numbered as a section is: 　　一、坚持…)
  const indentedText = !!b.indented && !SUBHEAD_MARK_RE.test(t);
  const leadIn = cls === 'maybe-title' && leadsIntoList(w, i, cur);
  const subhead = cls === 'maybe-title' && w.o.mode === 'ocr' && !labelRun(w, i) && !quotedSpeech(t) && !signsQuotation(t, after) && !dashItem(after, t) && !indentedText && !leadIn;
  cur.body.push({ spans: b.spans, gapBefore: b.gapBefore, line: b.line, titleCandidate: subhead && !byline, heading, ...(joints ? { joints } : {}), ...(b.verse ? { verse: true } : {}), ...(byline ? { byline } : {}), ...(leadIn ? { leadIn } : {}), ...(b.indented ? { indented: true } : {}) });
}

/**
 * Whether block `i` is one of a run of paragraphs each led by its label in 【】 (【关键词】“菜篮子”工程⏎【事件】一段时间里，…),
 * or by a field's name and colon (提案人：民建中央⏎案由：…, field test 42): text, never a subhead; a labelled line over plain
 * text is a brief's title (【快讯】地铁三号线开通试运营⏎　　本月28日起，…).
 */
function labelRun(w: Walk, i: number): boolean {
  const k = nextIndex(w, i);
  const led = (j: number, re: RegExp): boolean => re.test(textOf(w.blocks[j]).trim());
  return k < w.blocks.length && [PARAGRAPH_LABEL_RE, FIELD_LED_RE].some((re) => led(i, re) && led(k, re));
}

/**
 * A paragraph led by a field's name and its colon (提案人：…, 案由：…): not someone speaking, 王大爷说：“…”, nor a
 * quotation after the colon (review of field test 42: 产业兴：小木耳撑起致富伞 over 王大爷说：… is a subhead).
 */
const FIELD_LED_RE = new RegExp(`^(?![${HAN}]*(?:说|道|问|答|讲|表示|认为|介绍|指出|强调|提到)[：:])[${HAN}]{2,5}[：:](?=[^\\s“"‘「])`, 'u');

/** Words in quotation marks that end a sentence (“洗衣机又罢工了，快帮俺瞅瞅到底咋回事？”): someone speaking, a paragraph, not a subhead. */
function quotedSpeech(text: string): boolean {
  return /^[“"「『].*[。！？!?…][”"」』]$/u.test(text.trim());
}

/** A title line, its blanks collapsed and its punctuation normalized; the changes are placed at `where`. */
function cleanTitle(text: string, o: SegmentOptions, where: { articleId?: string; field: CorrectionField }): string {
  // (a 简讯's bullet, ■海南…, marks the title on the page it came from; the 组版 sets titles without it: field test 31)
  const t = text.trim().replace(/[ \t\u00a0]+/g, ' ').replace(LEADING_BULLET_RE, '');
  if (!o.normalize) return t;
  const out = normalizePunctuation(Array.from(t), o.log);
  o.log.place(out, where);
  return out.join('');
}

/**
 * Copy-desk labels (引题：…, 记者：…) state a line's role: the label goes, the role stays. A label with
 * nothing after it is dropped (and reported), so it cannot turn into a title of its own.
 */
function applyTitleLabels(blocks: SourceBlock[], res: SegmentResult, o: SegmentOptions): SourceBlock[] {
  const out: SourceBlock[] = [];
  for (const b of blocks) {
    const label = b.image ? undefined : titleLabel(spansText(b.spans));
    if (!label) {
      out.push(b);
      continue;
    }
    res.removed.push({ file: o.file, line: b.line, text: label.label, reason: label.text ? `copy-desk label (the line is the ${label.role})` : 'copy-desk label with nothing after it' });
    if (label.text) out.push({ ...b, spans: [{ text: label.text }], level: 0, ...(label.role === 'subhead' ? { subhead: true } : { styleRole: label.role }) });
  }
  return out;
}

/**
 * The roles of a title group's lines. `first`: the page's first group (a line over it may be a banner);
 * `subtitlesUnder`: a Traditional page's convention, its first title line the 主题 and the lines under it
 * its 副题 with no dash (演了近70年的《茶館》依舊賓客盈門 under 《茶館》有味　匠心出新, field test 27).
 */
function resolveTitleGroup(group: { text: string; block: SourceBlock }[], d: Draft, { first, subtitlesUnder }: { first: boolean; subtitlesUnder: boolean }, res: SegmentResult, o: SegmentOptions, guess: GuessFn): void {
  const roles: TitleLineRole[] = group.map((g) => (g.block.styleRole && g.block.styleRole !== 'byline' ? g.block.styleRole : undefined));
  // (a name in brackets over the group's other lines is its 栏目 whatever they are: 【寰宇平】 over a headline with a comma, field test 29)
  // (not over decks alone, 【北京，一座城市的温度】⏎——南关街道…纪实: it is the headline then, review of field test 38)
  const headlineUnder = group.slice(1).some((g, k) => roles[k + 1] === 'headline' || (!roles[k + 1] && !deckLine(g.text) && !BRACKETED_LINE_RE.test(g.text.trim())));
  if (group.length > 1 && !roles[0] && headlineUnder && bracketedColumn(group[0].text)) roles[0] = 'column';
  // (a section's label heading its own titles, ## 记者手记⏎改到群众心坎上⏎本报记者　王浩: its 栏目, review of field test 42)
  if (group.length > 1 && !roles[0] && headlineUnder && group[0].block.level > 0 && storySection(group[0].text)) roles[0] = 'column';
  let h = roles.indexOf('headline');
  if (h < 0) {
    // Word/Markdown heading levels mean something: the highest-ranking heading is the headline,
    // a heading above it the kicker, one below it the deck. In plain text the marks are only hints
    // (OCR'd pages mark lines at random), trusted when every line is marked and one ranks highest,
    // as in a copy-desk manuscript written with Markdown headings.
    const levels = group.map((g, k) => (roles[k] ? 99 : g.block.level || 99));
    const best = Math.min(...levels);
    const allMarked = group.length > 1 && group.every((g, k) => roles[k] || g.block.level > 0);
    const unique = levels.filter((l) => l === best).length === 1 && !endsWithColon(group[levels.indexOf(best)].text);
    const trusted = o.mode === 'structured' || (allMarked && unique);
    if (best < 99 && trusted) h = levels.indexOf(best);
  }
  // (the one line ending in its 栏目 in brackets, as the web edition sets its 主题: 江苏淮安市…等问题⏎惠民商业保险推销，岂能派给基层干部？（干部状态新观察·为基层减负赋能）, field test 52)
  const tailed = h < 0 ? group.flatMap((g, k) => (!roles[k] && !deckLine(g.text) && columnTail(g.text) ? [k] : [])) : [];
  if (tailed.length === 1) h = tailed[0];
  if (h < 0) {
    // the headline: the last line before the first deck that is not a kicker (ends with a colon)
    // (a line in brackets under a title is a note on it, a 副题: （在全省经济工作会议上的讲话）, （从一线看高质量发展这五年）, field test 34)
    let firstDeck = group.findIndex((g, idx) => idx > 0 && (roles[idx] === 'deck' || (!roles[idx] && (deckLine(g.text) || BRACKETED_LINE_RE.test(g.text.trim())))));
    if (firstDeck < 0) firstDeck = group.length;
    const last = group.length - 1;
    if (firstDeck === group.length && last > 0 && !roles[last] && !roles[last - 1] && explainsAbove(group[last - 1].text, group[last].text)) firstDeck = last;
    // (not over a line a kicker's dash or colon leads into its 主题)
    const top = group.findIndex((g, k) => !roles[k] && !columnLine(g.text) && !endsWithColon(g.text));
    const ledIn = group.some((g) => leadsIn(g.text));
    if (firstDeck === group.length && subtitlesUnder && !ledIn && top >= 0 && top < last && roles.every((r) => !r)) firstDeck = top + 1;
    for (let k = firstDeck - 1; k >= 0; k--) {
      if (!roles[k] && !endsWithColon(group[k].text)) {
        h = k;
        break;
      }
    }
    if (h < 0 && o.mode === 'structured' && group.length > 1) h = group.length - 1;
  }
  if (h >= 0) roles[h] = 'headline';
  group.forEach((g, k) => {
    if (roles[k]) return;
    const column = (columnLine(g.text) || (k === 0 && STUDY_SERIES_RE.test(g.text.trim()))) && !endsWithColon(g.text);
    // (or a bold line over a Markdown ### 引题: **高质量发展调研行**⏎### …⏎# …, field test 45 and its review)
    const overKicker = k === h - 2 && group[k + 1].block.level > 1 && boldThroughout(g.block);
    if (h < 0) roles[k] = 'kicker';
    else if (k > h) roles[k] = 'deck';
    else if (column || (k === 0 && boldDottedColumn(g.block)) || overKicker) roles[k] = 'column';
    else if (k === h - 1) roles[k] = 'kicker';
    // (a short line over the 引题 is the 栏目, 政策解读·聚焦 or 奋进“十五五”　一线见闻: field test 31)
    else if (k === h - 2 && !first && namesColumn(g.text)) roles[k] = 'column';
    else roles[k] = first ? 'banner' : 'fragment';
  });
  group.forEach((g, k) => placeTitleLine(g, roles[k], d, res, o, guess));
}

type TitleLineRole = TitleRole | 'banner' | 'column' | 'fragment' | undefined;

/** Names of two or three parts a middle dot sets apart, each of two characters or more (读者点题·共同关注, 经济新方位·对话·奋进2026). */
const DOTTED_COLUMN_RE = new RegExp(`^[${HAN}“”0-9]{2,8}(?:[${MIDDLE_DOTS}][${HAN}“”0-9]{2,8}){1,2}$`, 'u');
/** A dotted 栏目's characters at least, and its longest part's: two places, 云南·普洱, or a slogan's halves, 新时代·新征程, are an 引题. */
const DOTTED_COLUMN_LEAST = 7;
const DOTTED_PART_LEAST = 4;

/**
 * A line set bold by hand at the top of a title group, names in parts set apart by a middle dot: the
 * 栏目 (**读者点题·共同关注** over `# 阅读这件事，为啥要立法`, field test 43). A bold line of one phrase over
 * the heading is its 引题 (春回大地万象新: review of field test 41), and so are two places (review of field test 43).
 */
function boldDottedColumn(b: SourceBlock): boolean {
  const t = spansText(b.spans).trim();
  const parts = nameParts(t);
  const long = cpLength(parts.join('')) >= DOTTED_COLUMN_LEAST && parts.some((p) => cpLength(p) >= DOTTED_PART_LEAST);
  return !!t && boldThroughout(b) && DOTTED_COLUMN_RE.test(t) && long;
}

/**
 * A title group's line that reads as a 栏目: a few characters alone, or a briefs' label (spaced out too:
 * 简 讯); not a place alone, which is the 引题 (河南宝丰县⏎汝瓷产业焕发勃勃生机, field test 25).
 */
function columnLine(text: string): boolean {
  // (a name in 【】 alone, 【寰宇平】 over a headline with its comma, field test 29, as over any title)
  const name = bareName(text);
  return (columnNameLike(name) && !PLACE_ALONE_RE.test(name)) || briefsLabel(text);
}

/** A series' label over a 理论 or 要闻 page's essays, however long, the first of its title lines: 深入学习贯彻习近平新时代中国特色社会主义思想 (field 54 P2), 学习贯彻党的二十届四中全会精神 (a meeting's news under it, 省委常委会召开扩大会议⏎深入学习贯彻…精神, it is the 主题: review). */
const STUDY_SERIES_RE = /^(?:深入)?学习(?:宣传)?贯彻[^，。；：！？,.;:!?\s]{4,30}(?:精神|思想)$/u;

/** A 栏目's name two lines over the 主题: short, its parts set apart by a middle dot or a space, no sentence in it. */
function namesColumn(text: string): boolean {
  const t = bareName(text);
  // (a name's parts set apart, 政策解读·聚焦, 奋进“十五五”　一线见闻; not a 引题 wrapped to a second line, 全省首个县域冷链物流⏎园区在我市建成投运)
  return cpLength(t) <= COLUMN_MAX && !COMMA_OR_STOP.test(t) && !endsInPunctuation(t) && COLUMN_PARTS_RE.test(t);
}

const COLUMN_PARTS_RE = new RegExp(`[${MIDDLE_DOTS}\u3000 ]`, 'u');

/** The longest a 栏目's name over a 引题 runs (characters). */
export const COLUMN_MAX = 12;

/**
 * Whether a line wholly in brackets names a 栏目 (over a title group): a name in 【】 as a 栏头's frame reads in
 * OCR, 【法治在线】, 【发展各具特色的县域经济】 (field test 37); or in round brackets, as a web page prints the
 * 栏目 after its headline, （读者点题·共同关注）, （坚定信心，打开改革发展新天地） (field test 36). Not a box a story
 * closes with, where a story came from, nor a part or a continuation: （据新华社电）, （上）, （待续）.
 */
function bracketedColumn(text: string): boolean {
  const t = text.trim();
  const name = columnNameOf(t);
  // (what a headline's round brackets keep is no 栏目; in 【】 only a part's number is, 【上】: a 栏目 may name a date or a 字号, 【2026年全国两会】,
  // 【在现场·“村字号”文体活动观察】, field test 45)
  const kept = BRACKETED_NAME_RE.test(t) ? STRUCTURAL_TAIL_RE.test(name) || (KEPT_TAIL_RE.test(name) && cpLength(name) <= KEPT_IN_SQUARE_MOST) : KEPT_TAIL_RE.test(name);
  if (storySection(t) || NOT_A_COLUMN_RE.test(name) || kept || endsInPunctuation(name)) return false;
  // (with a comma too, a series' name, 【坚定信心，打开改革发展新天地】, field test 38: no sentence in it)
  if (BRACKETED_NAME_RE.test(t)) return columnLine(t) || (cpLength(name) <= BRACKETED_COLUMN_MOST && !SENTENCE_STOP.test(name) && !INNER_COLON_RE.test(name));
  return BRACKETED_LINE_RE.test(t) && cpLength(name) >= BRACKETED_COLUMN_LEAST && !/[。；]/.test(name);
}

/** (where a story came from, or that it goes on: no 栏目) */
const NOT_A_COLUMN_RE = /^(?:据|综合|来源|转自|摘自|摘编|本报|新华社|待续|未完)|电$/u;
/** An issue's number or a date alone, in 【】 no 栏目 at any length (【2025年第3期】, 【11月4日】: review of field test 45). */
const STRUCTURAL_TAIL_RE = /^(?:(?:[0-9０-９]{2,4}年)?第.{1,6}[号期批次届]|(?:[0-9０-９]{4}年)?[0-9０-９]{1,2}月[0-9０-９]{1,2}日|[0-9０-９]{4}年(?:[0-9０-９]{1,2}月)?)$/u;
/** A name in 【】 that a headline's brackets keep (KEPT_TAIL_RE) otherwise runs to at most this many characters: 【上】, 【之一】, 【续完】. */
const KEPT_IN_SQUARE_MOST = 3;
/** A 栏目 in 【】 runs to at most this many characters (a series' name of two clauses), with no sentence's stop in it. */
const BRACKETED_COLUMN_MOST = 20;
/** A 栏目 in round brackets runs to at least this many characters: （上）, （完）, （一） are parts. */
const BRACKETED_COLUMN_LEAST = 4;

/** A name alone in square brackets, as a 栏头's frame reads in OCR (【法治在线】, [今日谈], 〖…〗, 〔…〕). */
const BRACKETED_NAME_RE = /^[【\[［〖〔]\s*([^【】\[\]［］〖〗〔〕]+?)\s*[】\]］〗〕]$/u;

/** A line's text trimmed, and a name alone in brackets without them (【法治在线】 → 法治在线). */
const bareName = (text: string): string => text.trim().replace(BRACKETED_NAME_RE, '$1');

/** A 栏目's name without the brackets it stands in, square or round (（读者点题·共同关注） → 读者点题·共同关注). */
const columnNameOf = (text: string): string => bareName(text).replace(BRACKETED_LINE_RE, '$1');

/**
 * A 栏目 written after the headline in brackets, as the web edition titles a page and copy pasted from
 * it keeps (“现场办”解了“证明难”（在现场）, field test 28): printed as the 栏头, never in the 主题. Not a
 * part's number or a note the headline keeps: （上）, （之一）, （1）, （附图）.
 */
function columnTail(text: string): { headline: string; column: string } | undefined {
  const m = TAIL_COLUMN_RE.exec(text.trim());
  // (a name parted by spaces, each part a phrase: 铭记历史 缅怀先烈·抗日英雄; not a speaker or a place, 全国人大代表 李红梅, 中国 · 天津: review of field test 52)
  const parts = m ? m[2].split(/[ \u3000]+/u) : [];
  const phrases = parts.length < 2 || parts.every((part) => [...part].length >= COLUMN_PART_LEAST);
  return m && phrases && !KEPT_TAIL_RE.test(m[2].trim()) ? { headline: m[1].trim(), column: m[2].trim() } : undefined;
}

/** A 栏目 of a writer's piece, whose name under its title is its writer's: 编辑手记, 一线手记, 人民时评, 评论员观察, 今日谈. */
const WRITERS_COLUMN_RE = /(?:手记|随笔|评论?|观察|札记|杂谈|漫谈|笔谈|感言|谈)$/u;

/** A box's or a passage's label, as a page pads two characters to three as it does a name. */
const BOX_LABEL_RE = /^(?:提要|导语|摘要|背景|链接|点评|短评|按语|观点|声音|数据|资料|小结|结语|引言|前言|后记)$/u;

/** Characters each part of a 栏目's name parted by spaces has at least. */
const COLUMN_PART_LEAST = 4;

/** (a 栏目's name: Han characters, quotation marks, a middle dot or a space between its parts, numbers; no sentence, no Latin note: （铭记历史 缅怀先烈·抗日英雄）, field test 52) */
const COLUMN_CHAR = `${HAN}“”‘’·・0-9０-９`;
const TAIL_COLUMN_RE = new RegExp(`^(.{4,}?)[（(]([${COLUMN_CHAR}][${COLUMN_CHAR} \u3000]{0,28}[${COLUMN_CHAR}])[）)]$`, 'u');
/** A line all in round brackets (（在全省经济工作会议上的讲话）, （从一线看高质量发展这五年）, （二〇二五年十一月一日）). */
const BRACKETED_LINE_RE = /^[（(]\s*([^（）()]+?)\s*[）)]$/u;
/** (what a headline's brackets keep: a part, a document's status, a genre, an issue's number, date or period, what is appended; 今日谈 is a 栏目,
 * field test 34; so are 抗日英雄 and 青年说, field test 52; a part or a division is not, 山东篇, 少年组: review) */
const KEPT_TAIL_RE = /^(?:[上中下续完]篇?|之?[一二三四五六七八九十0-9０-９]+|附.{1,6}|外[一二三四五六七八九十]+[首篇则]|组[图诗画照]|图|视频|全文|摘要|摘编|摘登|节选|连载|试行|暂行|草案|.{0,4}稿|.{1,6}[篇组]|修[订正]|第.{1,6}[号期批次届]|.*(?:[0-9０-９〇零月号期]|(?<![青少老中童])年|(?<![今每抗])日).*)$/u;

/** One line of a title group goes where its role says: a field of the draft, a page item or a fragment. */
function placeTitleLine(g: { text: string; block: SourceBlock }, role: TitleLineRole, d: Draft, res: SegmentResult, o: SegmentOptions, guess: GuessFn): void {
  const line = g.block.line;
  switch (role) {
    case 'headline': {
      const tail = res.columnLinks.some((l) => l.articleId === d.id) ? undefined : columnTail(g.text);
      if (tail) {
        const columnName = cleanTitle(tail.column, o, { articleId: d.id, field: 'column' });
        res.page.columnNames.push(columnName);
        res.columnLinks.push({ articleId: d.id, columnName });
        guess('column-name', tail.column, 0.8, '标题末尾括号里的栏目名（网络版的写法），移作栏头', 'a column name in brackets at the headline\'s end (as the web edition writes it): taken as the column (栏头)', d.id, line);
      }
      // a headline labelled over two lines (主题：… twice) is one headline
      const text = cleanTitle(tail ? tail.headline : g.text, o, { articleId: d.id, field: 'headline' });
      d.headline = d.headline ? `${d.headline} ${text}` : text;
      d.headlineLevel = g.block.level || 1;
      d.headlineMarked = g.block.level > 0 || g.block.styleRole === 'headline';
      d.headlineLabelled = g.block.styleRole === 'headline';
      d.titleLine = line;
      break;
    }
    case 'kicker': {
      const text = cleanTitle(g.text, o, { articleId: d.id, field: 'kicker' });
      d.kicker = d.kicker ? `${d.kicker} ${text}` : text;
      if (!g.block.styleRole) guess('kicker', g.text, endsWithColon(g.text) ? 0.95 : 0.75, '标题上方的一行，视为引题', 'the line above the headline: taken as the kicker (引题)', d.id, line);
      break;
    }
    case 'deck': {
      const deck = deckLine(g.text);
      const text = cleanTitle(deck ? deck.text : g.text, o, { articleId: d.id, field: 'deck' });
      d.deck = d.deck ? `${d.deck} ${text}` : text;
      if (deck && !g.text.trim().startsWith('——')) {
        o.log.add('deck-dash', deck.marker || '(none)', '——', () => `${g.text.trim()} → ${deck.text}`, { index: 0, length: 0 });
        o.log.place(Array.from(text), { articleId: d.id, field: 'deck' });
      }
      if (!g.block.styleRole) guess('deck', g.text, deck ? 0.95 : 0.7, deck ? '以破折号或“访”开头，视为副题' : '标题下方的一行，视为副题', deck ? 'starts with a dash or 访: taken as the deck (副题)' : 'the line below the headline: taken as the deck (副题)', d.id, line);
      break;
    }
    case 'column': {
      // (the 栏头's frame OCR reads as brackets, 【法治在线】: the name inside them)
      const columnName = cleanTitle(closeLetterSpacing(columnNameOf(g.text)), o, { articleId: d.id, field: 'column' });
      res.page.columnNames.push(columnName);
      res.columnLinks.push({ articleId: d.id, columnName });
      if (!g.block.styleRole) guess('column-name', g.text, 0.8, '标题上方的短词，视为栏目名（也可改为引题）', 'a short name above the headline: taken as a column name (could be the kicker instead)', d.id, line);
      break;
    }
    case 'banner':
      res.page.banners.push(cleanTitle(g.text, o, { field: 'banner' }));
      guess('banner', g.text, 0.75, '版面顶部、栏目名之前的标题行，视为通栏标语', 'a title line at the top of the page, before the column name: taken as a banner', undefined, line);
      break;
    case 'fragment':
      res.fragments.push({ file: o.file, line, text: g.text, zh: '与下方标题不相连的标题行，可能是被截断的标题', en: 'a title line not connected to the headline below it: possibly a truncated headline' });
      break;
  }
}

/** A guess about one article (its id filled in). */
type ArticleGuess = (kind: GuessKind, text: string, confidence: number, zh: string, en: string, line?: number) => void;

/** A draft becomes an article: each step below moves text between the body and the article's fields. */
function finishArticle(d: Draft, res: SegmentResult, o: SegmentOptions, guess: GuessFn): void {
  const g: ArticleGuess = (kind, text, confidence, zh, en, line) => guess(kind, text, confidence, zh, en, d.id, line);
  let body = d.body.map((p) => {
    const q = { ...p };
    setSpans(q, trimSpans(p.spans));
    return takeCuttableMark(q);
  });
  const lead = takeLead(d, body, o, g);
  if (o.mode === 'ocr') body = joinColumnBreaks(body, g);
  takeTrailingByline(d, body, o, g);
  if (!d.headline) promoteHeadline(d, body, o, g);
  // (a short line with no text under it closes the story, 数据来源：江西省文化和旅游厅: no subhead, nor a box's label, field test 38;
  // unless the story goes on on another page: review)
  const textEnds = d.jumpTo ? body.length : findLastIndex(body, (p) => !p.image && !p.titleCandidate && !p.heading);
  for (const p of body.slice(textEnds + 1)) if (p.heading && boxLabel(spansText(p.spans))) delete p.heading;
  for (const [k, p] of body.entries()) {
    if (p.titleCandidate && k < textEnds) {
      p.heading = 2;
      g('subhead', spansText(p.spans), 0.7, '正文中不成句的短行，视为小标题', 'a short line inside the body that is not a sentence: taken as a subhead', p.line);
    }
  }
  body = cleanBody(body, o, d.id);
  const last = findLastIndex(body, (p) => !p.image && !p.heading);
  // (an agency's dateline in brackets closes a story as printed: （新华社北京3月31日电）)
  // (nor does a quotation's signature: ——河北秦皇岛顺丰小哥李权)
  const lastText = last >= 0 ? spansText(body[last].spans) : '';
  // (nor a note of who took it down: （本报记者李凯旋整理）)
  if (last >= 0 && !endsSentence(lastText) && !dispatchTag(lastText) && !helpedAlone(lastText) && !d.jumpTo && !signed(body.slice(0, last + 1), body[last]) && !body[last].verse) {
    g('unterminated-paragraph', tail(lastText, 10), 0.7, '末段没有句末标点：文字可能被截断，或转到其他版', 'the last paragraph has no sentence-final punctuation: text may be cut off or continue on another page', body[last].line);
  }
  linkImages(d, body, res, g, o);
  const article: Article = {
    id: d.id,
    kicker: d.kicker,
    headline: d.headline,
    deck: d.deck,
    byline: d.byline,
    bylinePosition: d.bylinePosition,
    lead,
    body: toRichDoc(body.filter((p) => !p.image)),
    jumpFrom: d.jumpFrom,
    jumpTo: d.jumpTo,
  };
  res.articles.push(article);
  if (!res.confidence.has(d.id)) res.confidence.set(d.id, 1);
}

/** A jump line and the dateline lead at the start of the first text paragraph go to their fields; returns the lead. */
function takeLead(d: Draft, body: BodyPara[], o: SegmentOptions, g: ArticleGuess): string {
  const firstText = body.findIndex((p) => !p.image && !p.heading && !p.titleCandidate);
  if (firstText < 0) return '';
  const p = body[firstText];
  const jump = jumpAtStart(spansText(p.spans));
  if (jump) {
    if (jump.direction === 'from') d.jumpFrom = jump.text;
    else d.jumpTo = jump.text;
    setSpans(p, trimSpans(dropStart(p.spans, jump.length)));
  }
  const m = leadAtStart(spansText(p.spans));
  if (!m) return '';
  const lead = cleanLead(m.agency, m.inner, m.raw, o, g, p.line);
  setSpans(p, trimSpans(dropStart(p.spans, m.length)));
  g('lead', m.raw, 0.95, '段首的电头（本报讯…）移入导语字段', 'the dateline at the start of the first paragraph (本报讯…) moved to the lead field', p.line);
  return lead;
}

/**
 * Whether a paragraph opens like its siblings: its opening ("聚焦…") is shared by other paragraphs
 * and, somewhere, follows a finished sentence. Such a paragraph is new, not a column break's rest.
 */
function siblingOpenings(body: BodyPara[]): (text: string) => boolean {
  const clearStarts = new Set<string>();
  const openingCount = new Map<string, number>();
  for (const p of body) {
    const op = opening(spansText(p.spans));
    openingCount.set(op, (openingCount.get(op) ?? 0) + 1);
  }
  body.forEach((p, k) => {
    if (p.image || p.heading || p.titleCandidate) return;
    const prev = body[k - 1];
    if (!prev || endsSentence(spansText(prev.spans)) || prev.titleCandidate) clearStarts.add(opening(spansText(p.spans)));
  });
  return (text) => clearStarts.has(opening(text)) && (openingCount.get(opening(text)) ?? 0) > 1;
}

/** A paragraph opening with the 可删 marker: the marker goes, the mark stays. */
function takeCuttableMark(p: BodyPara): BodyPara {
  const n = p.image ? 0 : cuttableMarkLength(spansText(p.spans));
  if (!n) return p;
  const q: BodyPara = { ...p, cuttable: true, titleCandidate: false };
  setSpans(q, trimSpans(dropStart(p.spans, n)));
  return q;
}

/**
 * Whether `text` is an item of a dashed list under `after`, the paragraph before it, text: after its
 * sentence's end or its colon, or another item (会议提出…工作。⏎——坚持创新驱动发展⏎——坚持扩大有效投资).
 */
function dashItem(after: string, text: string): boolean {
  return !!after && dashLed(text) && (endsSentence(after) || endsWithColon(after) || dashLed(after));
}

/** Whether `p`, the last paragraph of `joined`, signs the quotation before it (`signsQuotation`): the next paragraph is not run into it. */
function signed(joined: BodyPara[], p: BodyPara | undefined): boolean {
  const before = joined[joined.length - 2];
  return !!p && !!before && !before.image && !before.heading && signsQuotation(spansText(p.spans), spansText(before.spans));
}

/** Characters no paragraph opens with: a line starting with one continues a sentence (…竹林碳汇⏎　　的融合发展). */
const CONTINUES_RE = /^[的了着过地得之、，。；：,;:）」』”]/u;

/**
 * Whether paragraph `p`, set in as a paragraph (`indented`), opens one after `prev`, a line of its own
 * ending in no mark: a subhead's lines (　　…成立送餐小队⏎　　“不方便找别人的事儿，可以找我们”, field test 50).
 * Not after a clause's comma or a paragraph of wrapped lines (a column cut it, its continuation set in: review) but a
 * heading's or a speaker's label, nor when `p` opens with what only continues a sentence.
 */
function setIn(prev: BodyPara, p: BodyPara): boolean {
  const text = spansText(prev.spans).trim();
  const wraps = (prev.joints ?? []).filter((j) => j.kind === 'line-join').length;
  if (!p.indented || CONTINUES_RE.test(spansText(p.spans).trim())) return false;
  // (a dashed heading or a speaker's label of three lines at most, no clause in it, ends where it ends: 一堂大课——革命旧址成⏎为“红色教室”,
  // 肖永明（湖南大学岳麓书⏎院院长、博士生导师）：, field test 53; a sentence's 告诉记者：, 推动“高效办成一件事” or …综合许可证） a column cut: review;
  // and so does a paragraph a dash leads into the next, …岳阳楼在数字光影中渐渐“苏醒”——)
  const label = wraps <= LABEL_WRAPS && !/[。！？，；,;!?]/u.test(text) && (/[）)][：:]$/u.test(text) || text.includes('——'));
  return label || endsWithDash(text) || (wraps === 0 && !/[，、；：,;:]$/u.test(text));
}

/** Line breaks a heading's or a speaker's label runs to, at most, in a narrow measure (`setIn`). */
const LABEL_WRAPS = 2;

/** Closing quotes and brackets at a text's end (what is quoted may end in no mark: …还要建好“民心工程”). */
const CLOSING_RE = /[”’」』）)]+$/u;

/** A wrapped paragraph's last line shorter than this share of its longest: where it ends, it ends (`endsShort`). */
const SHORT_LAST_LINE = 0.6;

/**
 * Whether a paragraph of wrapped lines, ending in no mark, ends in a line well short of its longest: it
 * ended there, its words done, where a column cuts a paragraph at a full line (a 评论's 提要 of clauses ending in no mark,
 * …正是应对挑战、激活发展动能⏎的破局之道, ran into the text under it: field test 50).
 */
function endsShort(p: BodyPara): boolean {
  const joints = (p.joints ?? []).filter((j) => j.kind === 'line-join').map((j) => j.at);
  // (a mark at its end, a colon or a comma, leads on whatever the line's length: …他⏎在讲话中指出：⏎“营商环境…”)
  if (!joints.length || /[\p{P}]$/u.test(spansText(p.spans).trim().replace(CLOSING_RE, ''))) return false;
  const ends = [0, ...joints, cpLength(spansText(p.spans))];
  const lengths = ends.slice(1).map((e, k) => e - ends[k]);
  return lengths[lengths.length - 1] < Math.max(...lengths) * SHORT_LAST_LINE;
}

/**
 * OCR column breaks: a paragraph that stops mid-sentence continues in the next block, unless that block
 * is set in as a paragraph (a subhead of two lines, each indented, 　　…成立送餐小队⏎　　“不方便找别人的事儿，可以找我们”,
 * ran into the text under it: field test 50).
 */
function joinColumnBreaks(body: BodyPara[], g: ArticleGuess): BodyPara[] {
  const startsLikeSibling = siblingOpenings(body);
  const setsIn = body.some((q) => q.indented);
  const joined: BodyPara[] = [];
  for (const p of body) {
    const prev = joined[joined.length - 1];
    // (a paragraph opening with a dateline opens an item, 简讯's: …摄影报道）⏎本报通讯员 秦雪 报道 近日，)
    // (or an item a lead-in introduces: …分为4个展区——⏎“历序时新”展示…, field test 26; 主要措施：⏎一、…)
    // (and a row of stars dividing a story's sections stands alone: ＊　＊　＊)
    // (and so does a note of who reported, who wrote or where a figure came from: （来源：国家统计局）)
    const divided = [prev, p].some((q) => !!q && (STAR_ROW_RE.test(spansText(q.spans).trim()) || helpedAlone(spansText(q.spans)))) || signed(joined, prev) || (!!prev && dashItem(spansText(prev.spans), spansText(p.spans)));
    // (and a paragraph led by its label, 【事件】一段时间里，…: field test 34)
    // (and a paragraph a dash led into after a blank line: …而一年前，这里还是另一番面貌——⏎⏎刚入住时，…, field test 50; where the
    // story sets its paragraphs in, only one set in: 　　一是聚焦“卡脖子”难题——⏎⏎集中攻关… is an item a column break cut, review of field test 44)
    const ledInto = !!prev && p.gapBefore > 0 && (!!p.indented || !setsIn) && endsWithDash(spansText(prev.spans).trimEnd()) && !CONTINUES_RE.test(spansText(p.spans).trim());
    const opensItem = leadAtStart(spansText(p.spans).trim()) !== undefined || PARAGRAPH_LABEL_RE.test(spansText(p.spans).trim()) || introduces(spansText(prev?.spans ?? []), spansText(p.spans)) || divided || ledInto;
    if (prev && !prev.image && !p.image && !prev.verse && !p.verse && !prev.heading && !p.heading && !prev.byline && !prev.leadIn && !prev.titleCandidate && !p.titleCandidate && !p.cuttable && !setIn(prev, p) && !opensItem && !endsSentence(spansText(prev.spans)) && !editorsSign(spansText(prev.spans), true) && !endsShort(prev)) {
      const a = spansText(prev.spans);
      const b = spansText(p.spans);
      const example = `…${tail(a, 8)} ⏎ ${head(b, 8)}…`;
      if (startsLikeSibling(b)) {
        g('not-joined', example, 0.6, `前段未以句末标点结束，但下一段开头“${opening(b)}”与本文其他段落相同，判断为新段落（前段可能缺字）`, `the paragraph stops mid-sentence, but the next one opens like other paragraphs ("${opening(b)}"): kept apart (text may be missing)`, p.line);
      } else {
        const quotesOpen = (a.match(/["“”]/g) ?? []).length % 2 === 1;
        const comma = /[，,、：:]$/.test(a);
        g('column-join', example, quotesOpen || comma ? 0.95 : 0.85, '段落在句中断开（分栏造成），已与下一段接上', 'a paragraph broken mid-sentence (by a column break) was joined to the next block', p.line);
        if (p.gapBefore >= 2) g('picture-gap', example, 0.5, '段落中间有多个空行，原版此处可能有图片', 'several blank lines inside a paragraph: there may have been a picture here', p.line);
        const glue = joinSpan(a, b);
        const shift = cpLength(a) + glue.length;
        prev.joints = [...(prev.joints ?? []), { at: cpLength(a), glue: glue.length ? ' ' : '', kind: 'column-join' }, ...(p.joints ?? []).map((j) => ({ ...j, at: j.at + shift }))];
        prev.spans = mergeSpans([...prev.spans, ...glue, ...p.spans]);
        continue;
      }
    }
    joined.push({ ...p });
  }
  return joined;
}

/**
 * Whether paragraph `a` leads into `b` as an item of its own: `a` ends in a dash and `b` opens with a
 * quotation or a number, or `a` ends in a colon and `b` opens with a number (after a colon a quotation
 * is what was said, the sentence running on: …指出：⏎“营商环境就是生产力。”会议还…).
 */
function introduces(a: string, b: string): boolean {
  const end = a.trimEnd();
  const next = b.trim();
  return (endsWithDash(end) && OPENS_QUOTE_RE.test(next)) || (leadsIn(end) && SUBHEAD_MARK_RE.test(next));
}

/** An item of a list run in sentences: a paragraph ending in a semicolon (看排名，…全球榜首；). */
const LIST_ITEM_END_RE = /[；;]$/u;

/**
 * Whether block `i` leads with a dash into a list under it (开局之年访北京，基础研究领域亮点纷呈——⏎看排名，…；, field test
 * 44; 专家提醒——⏎不要私拉乱接电线，…；): a paragraph, never a subhead. Not where lines like it head the story's sections,
 * a list the first paragraph of one (升级传统产业，老树发新枝——…培育新兴产业，新苗成大树——⏎一是…；: review), unless it is
 * the story's first paragraph under its titles.
 */
function leadsIntoList(w: Walk, i: number, cur: Draft): boolean {
  const k = nextIndex(w, i);
  if (!endsWithDash(textOf(w.blocks[i])) || k >= w.blocks.length || !LIST_ITEM_END_RE.test(textOf(w.blocks[k]).trim())) return false;
  // (a paragraph set in, then a block not set in: the same paragraph run on past a column break, 　　一是聚焦…难题——⏎集中攻关…；)
  if (w.blocks[i].indented && !w.blocks[k].indented) return false;
  return cur.body.length === 0 || !(cur.body.some((p) => p.titleCandidate && endsWithDash(spansText(p.spans))) || dashLineAhead(w, i));
}

/** Blocks looked through for another section's dash-ended head (`dashLineAhead`), at most. */
const SECTIONS_AHEAD = 40;

/** Whether a title line ending in a dash follows block `i` in its story (up to the next title, SECTIONS_AHEAD blocks at most). */
function dashLineAhead(w: Walk, i: number): boolean {
  for (let j = i + 1; j < Math.min(w.blocks.length, i + 1 + SECTIONS_AHEAD) && w.classes[j] !== 'title'; j++) if (w.classes[j] === 'maybe-title' && endsWithDash(textOf(w.blocks[j]))) return true;
  return false;
}

/** A jump line and the names at the end of the last paragraph go to their fields; a byline read before is cleaned. */
function takeTrailingByline(d: Draft, body: BodyPara[], o: SegmentOptions, g: ArticleGuess): void {
  const lastText = findLastIndex(body, (p) => !p.image && !p.heading);
  if (lastText < 0) {
    if (d.byline) d.byline = cleanByline(d.byline, o, g);
    return;
  }
  const p = body[lastText];
  const jump = jumpAtEnd(spansText(p.spans));
  if (jump && jump.direction === 'to') {
    d.jumpTo = jump.text;
    setSpans(p, trimSpans(dropEnd(p.spans, jump.length)));
  }
  if (d.byline) {
    d.byline = cleanByline(d.byline, o, g);
    return;
  }
  if (signsOff(body, lastText)) {
    d.byline = cleanByline(photographerAlone(spansText(p.spans)) ?? spansText(p.spans), o, g, p.line);
    d.bylinePosition = 'end';
    body.splice(lastText, 1);
    g('byline-trailing', spansText(p.spans), 0.85, '文末只有人名的一行移入署名字段（文末）', 'a line of names alone at the end moved to the byline (end)', p.line);
    return;
  }
  const tb = trailingByline(spansText(p.spans));
  if (!tb) return;
  d.byline = cleanByline(tb.byline, o, g, p.line);
  d.bylinePosition = 'end';
  setSpans(p, trimSpans(dropEnd(p.spans, tb.length)));
  g('byline-trailing', tb.byline, 0.9, '末段结尾的署名移入署名字段（文末）', 'the names at the end of the last paragraph moved to the byline (end)', p.line);
}

/**
 * Whether the story's last text paragraph is its writer's name alone (常 钦, 陈向阳), a byline in brackets (a team's too) or a
 * photographer's credit alone (陈　玉摄（人民视觉）, a 图片新闻's) under a finished paragraph: the end byline.
 */
function signsOff(body: BodyPara[], last: number): boolean {
  const before = body[last - 1];
  const t = spansText(body[last].spans);
  return !!before && !before.image && !before.heading && endsSentence(spansText(before.spans)) && (bylineNames(t) || bracketedByline(t) || photographerAlone(t) !== undefined);
}

/** Headline that lost its place (OCR order): a short unmarked line near the top of the body. */
function promoteHeadline(d: Draft, body: BodyPara[], o: SegmentOptions, g: ArticleGuess): void {
  const k = body.findIndex((p) => p.titleCandidate);
  if (k >= 0 && k <= 3) {
    const text = spansText(body[k].spans);
    d.headline = cleanTitle(text, o, { articleId: d.id, field: 'headline' });
    g('headline-promoted', text, 0.6, '文章缺主题，正文中的短行“' + text + '”提为主题', `the article had no headline: the short line "${text}" inside the body became the headline`, body[k].line);
    body.splice(k, 1);
  } else {
    g('no-headline', head(spansText(body[0]?.spans ?? []), 12), 0.5, '没有找到主题（标题）', 'no headline found', body[0]?.line);
  }
}

/** A line of this many characters or fewer, spaces aside, may be a padded name (王　明): its spaces are OCR's. */
const PADDED_NAME_MAX = 4;

/** A caesura in a line of verse (如今它依然辽阔  依然是): one full-width space. */
const CAESURA = '\u3000';
/** Two spaces or more, or a full-width one, between characters of a line of verse. */
const CAESURA_RE = /(?<=\S)(?: {2,}|\u3000+)(?=\S)/gu;

/** A line of verse's spaces: its caesuras one full-width space each, the rest removed as OCR's are. */
function verseSpaces(chars: string[], log: ChangeLog): string[] {
  const text = chars.join('');
  const kept = new Set<number>();
  // (code point indexes of each caesura's spaces; the first stays, as CAESURA)
  for (const m of text.matchAll(CAESURA_RE)) {
    const at = [...text.slice(0, m.index)].length;
    for (let k = 0; k < [...m[0]].length; k++) kept.add(at + k);
  }
  const out = removeOcrSpaces(chars.map((c, i) => (kept.has(i) ? '\u2060' : c)), log);
  return out.map((c, i) => (kept.has(i) ? (kept.has(i - 1) ? '' : CAESURA) : c));
}

/** Clean-up: OCR spaces, punctuation; paragraphs left empty go. */
function cleanBody(body: BodyPara[], o: SegmentOptions, articleId: string): BodyPara[] {
  const cleaned = body.map((p) => {
    if (p.image) return p;
    if (o.mode !== 'ocr' && !o.normalize) return p;
    const spans = rewriteSpans(p.spans, (chars) => {
      for (const j of p.joints ?? []) o.log.mark(j.kind, '⏎', j.glue, { index: j.at, length: j.glue.length });
      // (a heading's or a byline's full-width space is set there, 在江南水乡　寻文化之美; not a padded name's, 王　明: review)
      const phrased = (p.heading || p.byline) && chars.filter((c) => c.trim()).length > PADDED_NAME_MAX;
      const spaced = o.mode === 'ocr' && o.removeSpaces !== false ? (p.verse || phrased ? verseSpaces(chars, o.log) : removeOcrSpaces(chars, o.log)) : chars;
      // Both look at the source characters (normalization skips blanks when it looks for neighbours).
      const out = o.normalize ? normalizePunctuation(chars, o.log) : spaced;
      for (let i = 0; i < out.length; i++) if (spaced[i] === '' || spaced[i] === CAESURA) out[i] = spaced[i];
      o.log.place(out, { articleId, field: 'body' });
      return out;
    });
    return { ...p, spans: trimSpans(spans) };
  });
  return cleaned.filter((p) => p.image || spansText(p.spans).length > 0);
}

/**
 * A placeholder's caption as OCR gave it, its punctuation normalized as the body's is (胡 文摄(影像中国） →
 * 胡 文摄（影像中国）, field test 32); its spaces kept (本报记者 张三 摄). Not placed as corrections: a caption has no
 * place among the fields a correction names, and the change is only of a mark's form.
 */
function cleanCaption(caption: string, o: SegmentOptions): string {
  return o.normalize && caption ? normalizePunctuationText(caption, new ChangeLog(o.file)) : caption;
}

/** Images: placeholders, "(如图)" references, embedded images. */
function linkImages(d: Draft, body: BodyPara[], res: SegmentResult, g: ArticleGuess, o: SegmentOptions): void {
  let placeholders = 0;
  // A caption is only ever text the source gives as a caption ("[图：…]"), never a sentence of the body.
  const addPlaceholder = (caption: string, text: string, line: number | undefined, kind: GuessKind): void => {
    const imageId = `${d.id}-img${++placeholders}`;
    res.images.push({ id: imageId, name: '（图片占位）', mime: 'image/jpeg', pixelWidth: 0, pixelHeight: 0, colorSpace: 'unknown' });
    res.imageLinks.push({ imageId, articleId: d.id, caption });
    if (kind === 'image-reference') res.referenced.push({ imageId, line });
    g(kind, text, 0.6, kind === 'image-reference' ? '“（如图）”引用了一张图片：已建图片占位，图片说明留空待填（不取正文的句子，否则会印两遍）' : '图片占位：已建空图片', kind === 'image-reference' ? '"(如图)" refers to a picture: a placeholder was made with an empty caption to fill in (a sentence of the body would print twice)' : 'image placeholder: an empty image was made', line);
  };
  for (const ph of d.placeholders) addPlaceholder(cleanCaption(ph.caption, o), ph.caption, ph.line, 'image-placeholder');
  const pictured = d.placeholders.length > 0 || body.some((q) => q.image);
  for (const p of body) {
    if (p.image) {
      res.imageLinks.push({ imageId: p.image.imageId, articleId: d.id, caption: p.image.caption });
      continue;
    }
    const text = spansText(p.spans);
    const ref = imageReference(text);
    // "(如图)" in a story that has its picture already (a placeholder line, an embedded picture) refers to that one
    if (ref && !pictured) addPlaceholder('', text.slice(ref.index, ref.index + ref.length), p.line, 'image-reference');
  }
}

function toRichDoc(body: BodyPara[]): RichDoc {
  const content: RichParagraph[] = body.map((p) => {
    const inline: RichInline[] = mergeSpans(p.spans).map((s) => {
      const marks = [...(s.bold ? [{ type: 'bold' }] : []), ...(s.italic ? [{ type: 'italic' }] : [])];
      return marks.length ? { type: 'text' as const, text: s.text, marks } : { type: 'text' as const, text: s.text };
    });
    if (p.heading) return { type: 'heading' as const, attrs: { level: Math.min(6, Math.max(2, p.heading)) }, content: inline };
    const attrs = { ...(p.cuttable ? { [CUTTABLE_ATTR]: true } : {}), ...(isEditorsNote(spansText(p.spans)) ? { [PARAGRAPH_STYLE_ATTR]: EDITORS_NOTE_STYLE } : {}) };
    return Object.keys(attrs).length ? { type: 'paragraph' as const, attrs, content: inline } : { type: 'paragraph' as const, content: inline };
  });
  return { type: 'doc', content };
}

function cleanLead(agency: string, inner: string | undefined, raw: string, o: SegmentOptions, g: ArticleGuess, line?: number): string {
  if (inner === undefined) return agency;
  const tokens = inner.trim().split(/\s+/);
  const fixed = rejoinSplitNames(tokens);
  for (const j of fixed.joins) g('name-rejoined', j, 0.75, `姓名被换行拆开，已接回：${j}`, `a name split by a line break was rejoined: ${j}`, line);
  const brackets = raw.match(/[（(]/)?.[0] === '（' ? ['（', '）'] : ['(', ')'];
  const [open, close] = o.normalize ? ['（', '）'] : brackets;
  return `${agency}${open}${fixed.tokens.join(' ')}${close}`;
}

function cleanByline(text: string, o: SegmentOptions, g: ArticleGuess, line?: number): string {
  const m = text.trim().match(/^([（(])\s*([\s\S]*?)\s*([）)])$/);
  const inner = m ? m[2] : text.trim();
  const fixed = rejoinSplitNames(inner.split(/\s+/));
  for (const j of fixed.joins) g('name-rejoined', j, 0.75, `姓名被换行拆开，已接回：${j}`, `a name split by a line break was rejoined: ${j}`, line);
  const joined = fixed.tokens.join(' ');
  // (a note of who else reported after the names: （殷伟杰参与采写）, in full-width brackets as the body's)
  if (!m) return o.normalize ? joined.replace(/\(([^()]*)\)$/u, '（$1）') : joined;
  return o.normalize ? `（${joined}）` : `${m[1]}${joined}${m[3]}`;
}

/** The opening of a paragraph, for comparing how paragraphs start ("聚焦…"). */
function opening(text: string): string {
  return Array.from(text.slice(0, 8).replace(/\s+/g, '')).slice(0, 2).join('');
}

function head(text: string, n: number): string {
  return Array.from(text).slice(0, n).join('');
}

function tail(text: string, n: number): string {
  const a = Array.from(text);
  return a.slice(Math.max(0, a.length - n)).join('');
}

/** The joint between two pieces of a broken paragraph: nothing between CJK, a space between Latin words. */
function joinSpan(a: string, b: string): Span[] {
  const joined = joinWrappedLines([a, b]);
  return joined.length > a.length + b.length ? [{ text: ' ' }] : [];
}

function findLastIndex<T>(arr: T[], pred: (x: T) => boolean): number {
  for (let i = arr.length - 1; i >= 0; i--) if (pred(arr[i])) return i;
  return -1;
}

