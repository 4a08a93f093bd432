/**
 * The page header an OCR'd page starts with (报头/版头): the paper's name (and its Latin nameplate),
 * the date line (2003年7月15日 星期二, 农历…, 总第N期) and the page line (第5版 经济新闻, A2:综合·新闻,
 * 03 要闻). They are the page's header, not a story: taken off the top of the text before the
 * stories are read, and handed to the page's header fields.
 */
import { HAN_IDEOGRAPHS as HAN } from '../typeset/chars';
import { MIDDLE_DOTS } from './chars';
import { parseCredits, type CreditField } from './roles';
import type { PrintedHeader } from './types';

export interface PageHeaderFound {
  header: PrintedHeader;
  credits: Partial<Record<CreditField, string>>;
  /** 0-based indexes of the lines taken. */
  lines: number[];
}

/** The most lines the top of a page's header runs to (name, nameplate, date, weekday, page line, 版名: field test 33). */
const MOST_LINES = 6;
const PAPER_RE = new RegExp(`^[${HAN}]{1,8}(?:报|報)$`, 'u');
const NAMEPLATE_RE = /^[A-Z][A-Z .&'-]{2,40}$/;
/** Chinese digits as dates write them (二〇一五年, OCR's ○ for 〇). */
const CN_DIGITS: Record<string, number> = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_DIGIT = Object.keys(CN_DIGITS).join('');
const DATE_RE = new RegExp(`^(?:(\\d{4}|[${CN_DIGIT}]{4})\\s*年\\s*([\\d${CN_DIGIT}十]{1,3})\\s*月\\s*([\\d${CN_DIGIT}十]{1,3})\\s*日|(\\d{4})([-./])(\\d{1,2})\\5(\\d{1,2})(?!\\d))`, 'u');
/** What may follow the date on its line: the weekday, the lunar date, the issue number. */
/** The word a date line's lunar date starts with (Simplified, Traditional). */
const LUNAR = '(?:农历|農曆)';
const LUNAR_RE = new RegExp(LUNAR, 'u');
const DATE_TAIL_RE = new RegExp(`^(?:\\s*(?:星期[一二三四五六日天]|${LUNAR}[${HAN}]{2,12}|(?:总第|總第)\\s*\\d+\\s*期|[（(][^）)]{1,12}[）)]))*`, 'u');
/** The dots a 版名 may join its parts with: 综合·新闻, 文化・生活 (the katakana one, as Traditional pages set it: field test 27). */
const DOTS = MIDDLE_DOTS;
/**
 * The page line: 第5版 经济新闻, 第A05版, or a bare number with the page name set apart from it
 * (03 要闻, A2:综合·新闻). A number run straight into Han text is a headline (89岁老人坐上了电梯).
 */
const PAGE_RE = new RegExp(
  `^(?:第\\s*([A-Z]?)0*([0-9]{1,3})\\s*版(?:\\s*[:：·]?\\s*([${HAN}${DOTS}]{2,10}))?|([A-Z]?[0-9]{1,3})(?:(?:\\s*[:：·]\\s*|\\s+)([${HAN}${DOTS}]{2,10}))?)(?:\\s*(?:总第|總第)\\s*\\d+\\s*期)?$`,
  'u',
);

/** The number a date part is written in (2003, 〇三, 十二, 二十六) as digits. */
function number(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (!text.includes('十')) return Number([...text].map((c) => CN_DIGITS[c]).join(''));
  const [tens, ones] = text.split('十');
  return (tens ? CN_DIGITS[tens] : 1) * 10 + (ones ? CN_DIGITS[ones] : 0);
}

/** The date a text starts with, as an ISO date, and its length; undefined when it starts with none. */
function dateAtStart(text: string): { date: string; length: number } | undefined {
  const m = text.match(DATE_RE);
  if (!m) return undefined;
  // (2026年6月19日, or 2026-06-19 / 2026.6.19 as some mastheads print it)
  const [y, mo, d] = m[1] ? [number(m[1]), number(m[2]), number(m[3])] : [Number(m[4]), Number(m[6]), Number(m[7])];
  if (!(y > 1900 && y < 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return undefined;
  return { date: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, length: m[0].length };
}

/** A date line: the ISO date, whether it gives the 农历, and the credits after it (2012年6月26日 星期二 责任编辑 林立); undefined when it is no date line. */
function dateLine(text: string): { date: string; lunar: boolean; credits: Partial<Record<CreditField, string>> } | undefined {
  const at = dateAtStart(text);
  if (!at) return undefined;
  const rest = text.slice(at.length).replace(DATE_TAIL_RE, '').trim();
  const credits = rest ? parseCredits(rest)?.fields : {};
  if (!credits) return undefined;
  return { date: at.date, lunar: LUNAR_RE.test(text), credits };
}

/** The page number a page line gives (第A05版 → A5, 03 要闻 → 03), or undefined. */
function pageNumberOf(t: string): string | undefined {
  const page = t.match(PAGE_RE);
  return page ? (page[2] ? page[1] + page[2] : page[4]) : undefined;
}

/** The most a running head repeated inside the page runs to, and any one of its words. */
const RUNNING_HEAD_MAX = 40;
const RUNNING_WORD_MAX = 10;

/**
 * A line inside the page repeating its header, as a scan of a page with a running head (页眉) gives one
 * mid-text (岚州日报  2026年4月26日  副刊, field test 29): the page's date and two more of its parts
 * (paper's name, 第N版, 版名), short words only, no sentence; or its page line alone (第6版). Page
 * furniture, taken out of the text it interrupts.
 */
export function repeatsHeader(header: PrintedHeader, raw: string): boolean {
  const t = closeNumbers(raw.trim());
  // (a page line only in its 第N版 form: a bare number beside a date, a weather line's, is text)
  const ownPage = (w: string): boolean => /^第/u.test(w) && pageNumberOf(w) === header.pageNumber;
  // (the page's number alone on a line, 第6版, as a scan's running foot leaves it inside a story)
  if (ownPage(t) && PAGE_RE.exec(t)?.[3] === undefined) return true;
  if (!header.date || [...t].length > RUNNING_HEAD_MAX || /[。，！？；,;!?]/u.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.some((w) => [...w].length > RUNNING_WORD_MAX)) return false;
  // (three of the header's parts at least, the date one of them: a notice signed 汀洲晚报  2026年5月27日 is text)
  const dated = words.some((w) => dateAtStart(w)?.date === header.date);
  const named = !!header.paperName && words.includes(header.paperName);
  const paged = words.some(ownPage);
  const sectioned = !!header.section && words.includes(header.section);
  return dated && [named, paged, sectioned].filter(Boolean).length >= 2;
}

/**
 * The page header at the top of `lines` (blank lines skipped), or undefined: it needs a date line
 * or a page line, as a paper's name alone could be a story's first line.
 */
export function pageHeaderAtTop(lines: string[]): PageHeaderFound | undefined {
  let found: PageHeaderFound = { header: {}, credits: {}, lines: [] };
  let dated = false;
  let letterspaced = false;
  for (let i = 0; i < lines.length && found.lines.length < MOST_LINES; i++) {
    const raw = closeNumbers(lines[i].trim());
    if (!raw) continue;
    const plain = headerLine(found, raw.split(/\s+/)) ?? sectionUnder(found, lines, i);
    const spaced = plain ? undefined : closedUp(raw);
    const taken = plain ?? (spaced ? headerLine(found, spaced) : undefined);
    if (!taken) break;
    found = { ...taken.found, lines: [...found.lines, i] };
    dated ||= taken.dated;
    letterspaced ||= !plain;
  }
  return dated && (!letterspaced || found.header.date) ? found : undefined;
}

/** A date or a page number a header sets with spaces in it (2025 年 7 月 22 日, 第 07 版); not a bare page number beside a 版名 (A3  日照新闻, review). */
const SPACED_DATE_RE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/gu;
const SPACED_PAGE_RE = /第\s*([A-Z]?\d{1,3})\s*版/gu;

/**
 * A header line with the spaces inside its date and page number taken out (field test 52: 人民日报   2025 年 7 月 22 日
 * 星期二   第 07 版   要闻), before it is split into its parts (DATE_RE and PAGE_RE read a part with spaces in it whole).
 */
function closeNumbers(line: string): string {
  return line.replace(SPACED_DATE_RE, '$1年$2月$3日').replace(SPACED_PAGE_RE, '第$1版');
}

/** Words a 版名 never has that a weather line or a countdown does (多云转晴  5, 距中考还有  40: review of field test 45). */
const NOT_SECTION_RE = /[晴阴雨雪雾霾]|多云|还有|距|倒计时/u;

/** A 版名 alone: two to six characters. */
const SECTION_RE = new RegExp(`^[${HAN}${DOTS}]{2,6}$`, 'u');

/**
 * The page's name on a line of its own right under its page line (第6版⏎社会), a blank line or the
 * date line under it: the 版名, not a 栏目 over the first story (whose titles stand right over its text).
 */
function sectionUnder(found: PageHeaderFound, lines: string[], i: number): Taken | undefined {
  const last = found.lines[found.lines.length - 1];
  const t = lines[i].trim();
  const next = lines[i + 1]?.trim() ?? '';
  // (or the date line under it: 5⏎经济新闻⏎2026年5月12日  星期二, field test 25; or the page's credits: 第3版⏎要闻⏎责任编辑:苏文澜, field test 32)
  const closes = !next || (!found.header.date && dateLine(next) !== undefined) || parseCredits(next) !== undefined;
  if (!found.header.pageNumber || found.header.section || last === undefined || !PAGE_RE.test(lines[last].trim()) || !SECTION_RE.test(t) || !closes) return undefined;
  return { found: { ...found, header: { ...found.header, section: t } }, dated: false };
}

type Taken = { found: PageHeaderFound; dated: boolean };

/** The most words a masthead line splits into (报名, date, 星期, 农历, 第N版, 版名…): a longer line is read whole. */
const MASTHEAD_WORDS = 10;

/**
 * The header with one more line taken: the line whole, or a masthead of parts set on one line
 * (江城日报  2026年6月18日 星期四  第5版 城乡), each of them a header part; undefined when it is neither.
 */
function headerLine(found: PageHeaderFound, words: string[]): Taken | undefined {
  if (words.length > MASTHEAD_WORDS) return headerPart(found, words.join(' '));
  let cur: Taken = { found, dated: false };
  let section: string | undefined;
  // from each word on, the longest run of words that is a header part (第A07版 社会新闻 is one)
  for (let i = 0; i < words.length; ) {
    let j = words.length;
    let next: Taken | undefined;
    for (; j > i && !(next = headerPart(cur.found, words.slice(i, j).join(' '))); j--);
    if (!next) {
      // (the credits after the header's parts, 第2版 综合新闻 责任编辑 陈思远, field test 27, as after a date line)
      const credits = i > 0 && cur.dated ? parseCredits(words.slice(i).join(' '))?.fields : undefined;
      if (credits) {
        cur = { ...cur, found: { ...cur.found, credits: { ...cur.found.credits, ...credits } } };
        break;
      }
      // (the page's name set first, 社会新闻  2026年3月2日 星期一  第7版: a part only at the start of a line giving the page number, field test 26;
      // or right before the page's number, 人民日报  2025年11月4日 星期二  评 论  5, field test 45)
      const page = i + 1 < words.length ? PAGE_RE.exec(words[i + 1]) : null;
      const beforeNumber = !!page && !page[5] && !NOT_SECTION_RE.test(words[i]);
      if ((i > 0 && !beforeNumber) || found.header.section || !SECTION_RE.test(words[i])) return undefined;
      section = words[i++];
      continue;
    }
    cur = { found: next.found, dated: cur.dated || next.dated };
    i = j;
  }
  if (!section) return cur;
  const paged = !found.header.pageNumber && !!cur.found.header.pageNumber;
  return paged && !cur.found.header.section ? { ...cur, found: { ...cur.found, header: { ...cur.found.header, section } } } : undefined;
}

/** A paper's name as most are (人民日报, 洛阳日报, 光明日报): where a letterspaced 版名 and paper's name run together, the paper's is taken as this long. */
const PAPER_NAME_USUAL = 4;

/** A closed-up run as the names it holds: 产经人民日报 → 产经, 人民日报 (a 版名 of two characters or more, then a paper's of PAPER_NAME_USUAL); any other run whole. */
function namesOf(run: string): string[] {
  const n = [...run].length;
  if (!/[报報]$/u.test(run) || n - PAPER_NAME_USUAL < 2) return [run];
  const chars = [...run];
  return [chars.slice(0, n - PAPER_NAME_USUAL).join(''), chars.slice(n - PAPER_NAME_USUAL).join('')];
}

/** A letterspaced name on the page runs to this many characters at most (产 经, 国 际 新 闻, 人 民 日 报; a 版名 and a paper's run together, 要 闻 人 民 日 报). */
const SPACED_NAME_MOST = 8;
const ONE_HAN_RE = new RegExp(`^[${HAN}]$`, 'u');

/**
 * A header line's words with its letterspaced names closed up: 18 产 经 → 18 产经 (field test 43), 18 产 经　　人 民 日 报
 * 　　2026年5月6日 → 18 产经, 人民日报, 2026年5月6日: a run of two to SPACED_NAME_MOST single characters set apart by one
 * space is one name, a wider gap parts two. Undefined when the line has no such run. Taken only with a date line in
 * the header too: 30 年 坚 守 一 片 林 and 5 亿 人 次 at a page's head are headlines (review).
 */
function closedUp(raw: string): string[] | undefined {
  let spaced = false;
  const words = raw.split(/\s{2,}/u).flatMap((part) => {
    const out: string[] = [];
    const run: string[] = [];
    const close = (): void => {
      const name = run.length >= 2 && run.length <= SPACED_NAME_MOST;
      spaced ||= name;
      out.push(...(name ? namesOf(run.join('')) : run));
      run.length = 0;
    };
    for (const w of part.split(/\s/u)) {
      if (ONE_HAN_RE.test(w)) run.push(w);
      else {
        close();
        out.push(w);
      }
    }
    close();
    return out;
  });
  return spaced ? words : undefined;
}

/** A weekday alone: 星期二, 周二. */
const WEEKDAY_RE = /^(?:星期|礼拜|周)[一二三四五六日天]$/u;

/** The header with `t` taken as its date line, page line, paper's name or Latin nameplate; undefined when it is none of them. */
function headerPart(found: PageHeaderFound, t: string): Taken | undefined {
  const header = { ...found.header };
  const credits = { ...found.credits };
  const date = header.date ? undefined : dateLine(t);
  const page = header.pageNumber ? undefined : t.match(PAGE_RE);
  if (date) {
    header.date = date.date;
    // the 农历 is printed again from the date (the page's own calendar), not copied from OCR
    if (date.lunar) header.dateLine = 'weekday-lunar';
    Object.assign(credits, date.credits);
  } else if (page) {
    header.pageNumber = pageNumberOf(t);
    const section = page[3] ?? page[5];
    if (section) header.section = section;
  } else if (header.date && WEEKDAY_RE.test(t)) {
    // (the weekday on a line of its own under the date, 2026年4月28日⏎星期二, field test 33: printed again from the date)
  } else if (!header.paperName && PAPER_RE.test(t)) header.paperName = t;
  // (on any of the header's lines: 第5版 社会⏎东城日报 2026年10月8日 星期四, field test 21)
  else if (!(header.paperName && NAMEPLATE_RE.test(t) && found.lines.length === 1)) return undefined;
  // (the paper's Latin nameplate under its name: part of the masthead)
  return { found: { header, credits, lines: found.lines }, dated: !!date || !!page };
}
