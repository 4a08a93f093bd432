/** Character classes the text importers reason with. */

/** The classes themselves are defined once, in typeset/chars.ts. */
export { isHan, isCjkPunct } from '../typeset/chars';
import { isCjkPunct, isHan } from '../typeset/chars';

export function isCjk(cp: number): boolean {
  return isHan(cp) || isCjkPunct(cp) || (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff5a);
}

/** An ASCII digit, as OCR sets numbers (full-width ones are in `isCjk`). */
export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function isHanChar(ch: string | undefined): boolean {
  return ch !== undefined && isHan(ch.codePointAt(0)!);
}

export function isCjkChar(ch: string | undefined): boolean {
  return ch !== undefined && isCjk(ch.codePointAt(0)!);
}

export function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0';
}

/** Every Han character of a string, in order (astral ones included). */
export function hanChars(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) if (isHan(ch.codePointAt(0)!)) out.push(ch);
  return out;
}

export function countHan(text: string): number {
  let n = 0;
  for (const ch of text) if (isHan(ch.codePointAt(0)!)) n++;
  return n;
}

/** A comma, full- or half-width (OCR leaves both): a title line seldom has one, a sentence wrapped short often does. */
export const COMMA_RE = /[，,]/;

/** Marks inside a sentence or at its end, full- or half-width: a title line has none (quotes, brackets and spaces it may have). */
export const CLAUSE_MARKS = /[，。、；：！？,.;:!?]/;

/** A sentence's marks: a list of names (a byline, a writer's label) has none. */
/** The middle dots that join a name's or a 栏目's parts (综合·新闻, 文化・生活: the katakana one, as Traditional pages and OCR set it). */
export const MIDDLE_DOTS = '·・';

export const SENTENCE_MARK_RE = /[，。！？；,;!?“”"]/;

/** A comma or a stop, full- or half-width: a title line, however long, has none (its 、 and ： it may have). */
export const COMMA_OR_STOP = /[，。；！？,;!?]/;

/** A sentence's stop, full- or half-width: no title line holds one. */
export const SENTENCE_STOP = /[。！？!?]/;

/** The marks a list item or a marked subhead opens with (■ 近日，…). */
export const BULLETS = '■□●◆▲▌';
/** A line indented as a paragraph's first line is (two spaces, an ideographic space or a tab). */
export const INDENT_RE = /^(?:\u3000|\s{2,}|\t)/;
/** A paragraph led by a short label in 【】 and running on after it (【事件】一段时间里，…; 【关键词】“菜篮子”工程): it opens a paragraph, never a title. */
export const PARAGRAPH_LABEL_RE = /^【[^】]{1,6}】(?=\S)/u;

/** A paragraph's first-line indent in full-width spaces, no deeper (a title is set flush, or centred with spaces: field set T's two half-width ones). */
export const PARAGRAPH_INDENT_RE = /^\u3000{1,2}(?=\S)/u;
/** A line opening with such a mark. */
export const BULLET_RE = new RegExp(`^[${BULLETS}]`, 'u');
/** Such a mark and the spaces after it, at a line's start. */
export const LEADING_BULLET_RE = new RegExp(`^[${BULLETS}]\\s*`, 'u');

/** A line of nothing but stars (＊　＊　＊, * * *, ※※※): a divider, between two stories or between a story's sections. */
export const STAR_ROW_RE = /^[＊*※★☆](?:[ \u3000]*[＊*※★☆])+$/u;

/** A numbered or marked subhead (一、 （二） 3. 第一 ■; not 3.5万) heads a section, never a story. */
export const SUBHEAD_MARK_RE = new RegExp(`^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[、.．](?![0-9])|[第其][一二三四五六七八九十]+[，、 ]|[${BULLETS}])`, 'u');

/** Sentence-final punctuation, possibly followed by a closing quote or bracket. */
export const SENTENCE_END = /[。！？!?…；;]["”’』」）)]*$|[。！？!?…]$|\.\s*$/;

export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.slice(-16).trimEnd());
}

/** Marks a line breaks off a sentence at (a kicker's colon is no such mark). */
const BREAKS_OFF = /[，、,—\-－]$/;

/** A line that ends a sentence (OCR's half-width 文章《赞福报》. too) or breaks one off: no title, however short. */
export function endsInPunctuation(text: string): boolean {
  return endsSentence(text) || BREAKS_OFF.test(text.trimEnd());
}

/** Characters only Traditional text writes, and their Simplified forms (common words of news text). */
const TRADITIONAL_ONLY = new Set('們這個為會說時國與來對學發經過後開關門區長點體實現題報記進動無議應業讓從當東務萬邊際樣變聽觀問覺頭義總歲節書達話員間電網車錢農鄉傳產');
const SIMPLIFIED_ONLY = new Set('们这个为会说时国与来对学发经过后开关门区长点体实现题报记进动无议应业让从当东务万边际样变听观问觉头义总岁节书达话员间电网车钱农乡传产');
/** Characters of either set, at least, before a text's script is told. */
const SCRIPT_EVIDENCE = 20;

/** The characters a text's script is read from, at most: a page keeps one script. */
export const SCRIPT_SAMPLE = 20_000;

/** Whether a text is written in Traditional characters: of the common characters that differ (in its first SCRIPT_SAMPLE), most in their Traditional forms. */
export function traditionalScript(text: string): boolean {
  let traditional = 0;
  let simplified = 0;
  for (const ch of text.slice(0, SCRIPT_SAMPLE)) {
    if (TRADITIONAL_ONLY.has(ch)) traditional++;
    else if (SIMPLIFIED_ONLY.has(ch)) simplified++;
  }
  return traditional >= SCRIPT_EVIDENCE && traditional > 2 * simplified;
}
