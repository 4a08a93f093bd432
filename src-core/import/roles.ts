/**
 * Recognisers for the lines of a Chinese newspaper page: credits, bylines, dateline leads, jump
 * lines, decks, kickers, column names and image references. Each takes one line's text and says
 * whether (and how) it fits; none of them decides an article's structure on its own.
 */
import type { PageHeader } from '../model/document';
import { HAN_IDEOGRAPHS as HAN } from '../typeset/chars';
import { NAME, NAME_RE, headingWriter, listedName, namesOnly, personName, spacedOutName } from './names';
import { BULLETS, COMMA_OR_STOP, COMMA_RE, endsInPunctuation, endsSentence, LEADING_BULLET_RE, SENTENCE_MARK_RE } from './chars';

// Every expression below that uses HAN or NAME takes the `u` flag: HAN names astral ideographs.

export type CreditField = keyof Pick<PageHeader, 'editor' | 'proofreader' | 'layoutEditor'>;

const CREDIT_LABELS: Record<string, CreditField> = {
  校对: 'proofreader',
  审校: 'proofreader',
  校审: 'proofreader',
  责任校对: 'proofreader',
  校對: 'proofreader',
  組版: 'layoutEditor',
  组版: 'layoutEditor',
  排版: 'layoutEditor',
  美编: 'layoutEditor',
  美編: 'layoutEditor',
  美术编辑: 'layoutEditor',
  版式: 'layoutEditor',
  版式设计: 'layoutEditor',
  版面设计: 'layoutEditor',
  编辑: 'editor',
  編輯: 'editor',
  本版编辑: 'editor',
  本版责任编辑: 'editor',
  本版责编: 'editor',
  责编: 'editor',
  責編: 'editor',
  责任编辑: 'editor',
  責任編輯: 'editor',
};
/** The labels, longest first (责任编辑 before 编辑), as one alternation. */
const LABELS = Object.keys(CREDIT_LABELS).sort((a, b) => b.length - a.length).join('|');
/** A label, its colon (or only a space: 美编 陈晨), and what follows up to the next label or the line's end. */
const CREDIT_ITEM_RE = new RegExp(`(${LABELS})(?:\\s*[:：﹕]\\s*|\\s+)(.*?)(?=\\s*(?:${LABELS})(?:\\s*[:：﹕]|\\s)|\\s*$)`, 'gu');

/**
 * The names after a credit label: 王岚, 王岚、李四, two names set apart by a space (张三 李四), or one
 * name spaced out as OCR and typesetters leave it (许 静); undefined when it is not names.
 */
function creditNames(text: string): string | undefined {
  const tokens = text.trim().split(/[\s、，,]+/).filter(Boolean);
  if (!tokens.length || !tokens.every((t) => NAME_RE.test(t))) return undefined;
  // (a two-character name padded among others, 杜　若　丁一帆: field test 31)
  return spacedOutName(tokens) ? tokens.join('') : rejoinSplitNames(tokens).tokens.join('、');
}

/** The desk's telephone, fax or mail after the credits (电话：（027）8812 3456): no credit, no header field. */
const CONTACT_RE = /(?:\s*(?:联系电话|新闻热线|电话|热线|传真|电子邮箱|邮箱|E-?mail)\s*[:：﹕]\s*[\w()（）\-—@.+ \u3000]*)+$/iu;

/** "校对:王岚 组版:晓南", "责任编辑:许 静 校对:韩 冰", "美编 陈晨 校对 吴敏" → the header fields and the labels consumed. */
export function parseCredits(line: string): { fields: Partial<Record<CreditField, string>>; labels: string[] } | undefined {
  const fields: Partial<Record<CreditField, string>> = {};
  const labels: string[] = [];
  // (the desk's telephone after them, 校对：吕　川　　电话：（027）8812 3456, field test 33: the credits are read, the number left off)
  const text = line.replace(CONTACT_RE, '');
  let covered = 0;
  for (const m of text.matchAll(CREDIT_ITEM_RE)) {
    const names = creditNames(m[2]);
    if (!names || text.slice(covered, m.index).trim()) return undefined;
    addCredits(fields, { [CREDIT_LABELS[m[1]]]: names });
    labels.push(m[1]);
    covered = m.index! + m[0].length;
  }
  return labels.length && !text.slice(covered).trim() ? { fields, labels } : undefined;
}

/**
 * Credits read into the page's (`into`): a role named twice keeps both names (版式设计：张丹峰 over a
 * chart, then 组版:陈晨 at the foot: 张丹峰、陈晨, field test 41), never one in the other's place.
 */
export function addCredits(into: Partial<Record<CreditField, string>>, fields: Partial<Record<CreditField, string>>): void {
  for (const [field, names] of Object.entries(fields) as [CreditField, string][]) {
    const had = into[field]?.split('、') ?? [];
    into[field] = [...had, ...names.split('、').filter((n) => !had.includes(n))].join('、');
  }
}

/** The words of a jump line (上接, 下转, and their Traditional forms). */
const JUMP_WORDS = '上接|下转|转|下轉|轉';
/** A jump line in its brackets: （上接第1版）, (下转03版). */
const JUMP = `[（(]\\s*(${JUMP_WORDS})\\s*(第?\\s*[0-9０-９A-Za-z一二三四五六七八九十]{1,4}\\s*版)\\s*[）)]`;
const JUMP_RE = new RegExp(`^${JUMP}`);
const JUMP_END_RE = new RegExp(`${JUMP}\\s*$`);

export interface JumpMatch {
  direction: 'from' | 'to';
  /** Normalized, e.g. "（上接01版）". */
  text: string;
  /** Code points matched in the source. */
  length: number;
}

function jumpOf(m: RegExpMatchArray): JumpMatch {
  const pageRef = m[2].replace(/\s+/g, '');
  return { direction: m[1] === '上接' ? 'from' : 'to', text: `（${m[1]}${pageRef}）`, length: Array.from(m[0]).length };
}

export function jumpAtStart(text: string): JumpMatch | undefined {
  const m = text.match(JUMP_RE);
  return m ? jumpOf(m) : undefined;
}

export function jumpAtEnd(text: string): JumpMatch | undefined {
  const m = text.slice(-40).match(JUMP_END_RE);
  return m ? jumpOf(m) : undefined;
}

/** The words a reporter's name follows in a byline or a dateline's brackets (本报记者 王者, 通讯员 李海天). */
const REPORTERS = ['记者', '通讯员', '实习生'];
const REPORTER = REPORTERS.join('|');
const ROLE_NAME_RE = new RegExp(`^[${HAN}]{0,10}(?:${REPORTER})${NAME}$`, 'u');
const NAME_TOKEN_RE = new RegExp(`^[${HAN}]{1,4}$`, 'u');
const COLUMN_NAME_RE = new RegExp(`^[${HAN}]{2,6}$`, 'u');
const REPORTER_WORD_RE = new RegExp(REPORTER, 'u');
const REPORTER_AT_END_RE = new RegExp(`(?:记者|通讯员)[${HAN}]{2,4}$`, 'u');
const INTERVIEW_RE = new RegExp(`^访[${HAN}]`, 'u');
const BYLINE_ROLE = /(?:记者|通讯员|实习生|见习记者|特约记者|摄影|摄影记者|摄影报道|撰稿|整理|编译|摄|文|图|文\/图|图\/文|文\/摄)$/;
const ROLE_ONLY = /^(?:摄|文|图|文\/图|图\/文|文\/摄|摄影|摄影报道)$/;
/** A two-character name letter-spaced and 摄影报道 after it: 刘　新摄影报道. */
const PADDED_PHOTOGRAPHER_RE = new RegExp(`^([${HAN}])[ \u3000]([${HAN}])摄影报道$`, 'u');
/** A paper's or an agency's role word with no name, a byline of its own: 本报记者, 本报评论员, 新华社记者. */
const HOUSE_ROLE_RE = /^(?:本报|新华社|人民日报)(?:特约)?(?:记者|评论员|通讯员)$/u;
/**
 * A body writing as one, as a 理论 page signs its essays: a ministry's or a province's party committee or its study
 * group (外交部党委, 国家发展改革委党组, 中共浙江省委理论学习中心组), a research group (…课题组). The body's name
 * ends in an office's word, so a subhead on party committees (压实各级党委) is none; and only right under a title
 * over the text is it the writer (a wrapped line ending …生态环境部党组, a list of units, a subhead 建强公立医院党委: review).
 */
const BODY_WRITER_RE = new RegExp(`^(?:中共)?[${HAN}]{1,20}?(?:部|委|局|署|办|院|厅|会|大学|学院|集团|公司|中心|银行)(?:党委|党组)(?:理论学习中心组)?$|^(?:中共)?[${HAN}]{2,20}(?:理论学习中心组|课题组)$`, 'u');

/** Whether a line is only a body writing as one (BODY_WRITER_RE): a byline where it stands under a title over the text (`titlesByPlace`), never in running text or a list. */
export function bodyWriter(text: string): boolean {
  return BODY_WRITER_RE.test(text.trim());
}

/** A sentence's end, then one name (…提出合理化建议。 邵建均): a story's writer signing its last line. */
const SIGNED_END_RE = new RegExp(`([。！？!?][”’」』]?)([ \u3000]*)([${HAN}]{2,3})$`, 'u');

/** The signature, set apart by a space or, without one, of three characters (…成效显著。周边 is a sentence cut off, not 周边's). */
function signedEnd(text: string): RegExpExecArray | undefined {
  const m = SIGNED_END_RE.exec(text.trimEnd().slice(-16));
  return m && listedName(m[3]) && (m[2].length > 0 || [...m[3]].length === 3) ? m : undefined;
}

/** An agency's dateline in brackets at a story's end, as an official text printed whole ends: （新华社北京3月31日电）, or a story taken from it: （据新华社西安7月18日电）, field test 52. */
const DISPATCH_TAG_RE = /[（(](?:据|综合)?(?:新华社|中新社|人民日报|本报)[^（）()]{0,16}电[）)]$/u;

/** Whether a line or paragraph ends a story's text: a sentence's end, one its writer signs (SIGNED_END_RE), or an agency's dateline in brackets (DISPATCH_TAG_RE). */
export function endsStory(text: string): boolean {
  return endsSentence(text) || signedEnd(text) !== undefined || dispatchTag(text);
}

/** Whether a line or paragraph ends with an agency's dateline in brackets (DISPATCH_TAG_RE). */
export function dispatchTag(text: string): boolean {
  return DISPATCH_TAG_RE.test(text.trim());
}

/** A photographer's credit alone: a name padded (陈　玉摄) or set apart from 摄 (许昌亮 摄), or with an agency after it (陈玉摄（人民视觉）). */
const PHOTOGRAPHER_ALONE_RE = new RegExp(`^(?:([${HAN}])[ \u3000]([${HAN}])|([${HAN}]{2,3})([ \u3000]?))摄((?:[（(][${HAN}]{2,8}[）)])?)$`, 'u');

/**
 * A photographer's credit alone, in a form no phrase ending in 摄 takes (高空拍摄, 周末摄 are not): the
 * name padded or set apart from 摄, or an agency in brackets after it; the name a writer's
 * (`headingWriter`). A 图片新闻 closes with it (陈　玉摄（人民视觉）, field test 41). Returns it as a
 * byline, the name closed up (陈玉 摄（人民视觉）); undefined for any other line.
 */
export function photographerAlone(text: string): string | undefined {
  const m = PHOTOGRAPHER_ALONE_RE.exec(text.trim());
  if (!m) return undefined;
  const padded = m[1] !== undefined;
  const name = padded ? m[1] + m[2] : m[3];
  // (two characters not padded, 陈玉 摄: a common surname's, as any byline's)
  const writer = padded ? headingWriter(`${m[1]}\u3000${m[2]}`) : [...name].length === 3 ? headingWriter(name) : personName(name);
  return (padded || !!m[4] || !!m[5]) && writer ? `${name} 摄${m[5]}` : undefined;
}

/** What brackets at a story's end hold that is no one's name: a picture reference, 完, 待续, a jump. */
const NOT_NAMES_RE = new RegExp(`^(?:如图|见图|附图|资料图|图|完|待续|续|${JUMP_WORDS})`);

/** Who a bracketed byline may name besides reporters: a news centre, a paper, a bureau or office (县新闻中心 王亚周, 县农业局 刘广刚). */
const BYLINE_ORG_RE = new RegExp(`^[${HAN}]{2,10}(?:新闻中心|融媒体中心|中心|报社|记者站|宣传部|办公室|通讯站|局|委|办|所|院|站|队|街道|政府)$`, 'u');

/** A team's byline: its reporters' names after the role, set apart by 、 (本报记者吴储岐、韩俊杰、苏滨). */
const TEAM_RE = new RegExp(`^(?:本报)?(?:${REPORTER})\\s*${NAME}(?:\\s*[、，,]\\s*${NAME})+$`, 'u');

/** A reprint's source named in a story's closing brackets, an agency, paper, site or station: 来源：新华社, 稿源：人民日报 (not 来源：国家统计局 under a table). */
const SOURCE_CREDIT_RE = new RegExp(`^(?:来源|稿源)\\s*[:：]\\s*[${HAN}·]{1,14}(?:社|报|网|台|新闻|客户端)$`, 'u');

/**
 * A byline in brackets on a line of its own, as a story ends: （本报记者 刘芳滨 通讯员 吴洪文）,
 * （周 平） (one name spaced out), （县新闻中心 王亚周）, （李红 张明）, a team's (（本报记者吴储岐、…、苏滨）).
 */
export function bracketedByline(text: string): boolean {
  const m = text.trim().match(/^[（(]\s*(.+?)\s*[）)]$/su);
  if (!m) return false;
  const inner = m[1];
  // (the agency or paper the story came from, as a reprint ends: （来源：新华社）, field test 27)
  if (SOURCE_CREDIT_RE.test(inner)) return true;
  if (NOT_NAMES_RE.test(inner)) return false;
  if (TEAM_RE.test(inner)) return true;
  const tokens = inner.split(/\s+/);
  if (spacedOutName(tokens)) return true;
  if (tokens.length === 1) return NAME_RE.test(inner) && [...inner].length >= 2;
  if (BYLINE_ORG_RE.test(tokens[0]) && tokens.slice(1).every((t) => NAME_RE.test(t))) return true;
  return namesOnly(inner) || bylineLine(inner) !== undefined;
}

/** A byline after a marker (□ 陈海波, ■ 文/李明), and a reporter with the place he files from (記者袁鴻祥/基隆報導, 记者 张三/北京报道). */
const MARKED_BYLINE_RE = new RegExp(`^[□■●◎▲★◆◇]\\s*(?:文\\s*[/／]\\s*)?${NAME}(?:\\s+${NAME}){0,3}$`, 'u');
const FILED_FROM_RE = new RegExp(`^(?:本报|本報)?(?:记者|記者)\\s*${NAME}(?:\\s+${NAME})?\\s*[/／]\\s*[${HAN}]{2,8}(?:报道|報導)$`, 'u');
/** A writer's or photographer's credit with a slash, alone on its line: 姬广武/文, 文/姬广武, 文/图 李明 王红. */
const SLASH_CREDIT_RE = new RegExp(`^(?:${NAME}\\s*[/／]\\s*(?:文|图|摄|文图|图文)|(?:文|图|摄|文图|图文)\\s*[/／]\\s*${NAME}(?:\\s+${NAME}){0,3})$`, 'u');

/**
 * A note after a byline on who else reported: （殷伟杰参与采写）, （实习生 李明参与采访）, （王五对本文亦有贡献）;
 * or who took down a story told in the first person: （本报记者闫伊乔采访整理）, field test 33.
 */
const HELPED_RE = /\s*[（(][^（）()，。]{1,30}(?:参与采写|参与采访|参与报道|参与调研|亦有贡献|采访整理|整理)[）)]$/u;

/** The note of who else reported at the end of a trimmed line (HELPED_RE), tried only on a line that ends with a bracket (the pattern is tried at each of its characters). */
function helpedNote(line: string): RegExpExecArray | null {
  return /[）)]$/u.test(line) ? HELPED_RE.exec(line) : null;
}

/** An editor's note signed at its end (——编者, in any of the dashes OCR reads: ――编者, －－编者). */
const EDITORS_SIGN_RE = /(?:—{1,2}|―{1,2}|－{1,2})\s*编\s*者$/u;

/** Whether a line is the editor's sign under an editor's note (——编  者): the note's end, never a subhead; `atEnd`: or a paragraph ends with it. */
export function editorsSign(text: string, atEnd = false): boolean {
  const m = EDITORS_SIGN_RE.exec(text.trim());
  return !!m && (atEnd || m.index === 0);
}

/**
 * Whether a line is only a note of who else reported (（裴囡囡参与采写）), who the writer is
 * ((作者为吉林大学文学院副教授), field test 29), where a figure came from or that a series ends: text, never a subhead or a title.
 */
export function helpedAlone(text: string): boolean {
  // (read with OCR's stray spaces between Han characters out: （摘编 自《浙江日报》）, field test 53)
  const t = text.trim().replace(HAN_GAP_RE, '');
  return helpedNote(t)?.index === 0 || AUTHOR_NOTE_RE.test(t) || SERIES_END_RE.test(t);
}

/** Spaces between two Han characters, as OCR strews them. */
const HAN_GAP_RE = new RegExp(`(?<=[${HAN}])\\s+(?=[${HAN}])`, 'gu');
/** A note that a series or a piece ends here: （本系列评论到此结束）, （本组报道完）, （全文完） (field test 53: read as the next story's 栏目). */
const SERIES_END_RE = /^[（(]\s*(?:本(?:系列|组|专栏|栏|文)[^（）()]{0,10}(?:结束|完)|全文完)\s*[）)]$/u;

/**
 * A note in brackets on who the writer is, （作者为…）, （作者系…）, （作者单位：…）, where a figure came from, （来源：国家统计局）,
 * where a piece was taken from, （摘编自《云南日报》） (field test 35: a 言论's last line read as a subhead), or what it is,
 * （本文由人民论坛杂志社组稿…）, （本文系…阶段性成果） (field test 48: a 理论 page's essay and the next one read as one); not
 * （本文为作者在…致辞节选）, which a page sets under the titles as a 副题 as often (review of field test 48).
 */
const WRITER_NOTE = '作者(?:为|系|是|单位)';
const AUTHOR_NOTE_RE = new RegExp(`^[（(]\\s*(?:${WRITER_NOTE}|(?:资料|数据)?来源\\s*[:：]|摘编?自|转载?自|选自|原载|本文(?:由|系|是|据|根据))[^（()）]*[）)]$`, 'u');
const ENDS_IN_WRITER_NOTE_RE = new RegExp(`[（(]\\s*${WRITER_NOTE}[^（()）]*[）)]$`, 'u');

/** Whether a paragraph ends in a note on who its writer is, （作者为四川省成都市文联副主席、音乐人）: the piece is signed by a writer. */
export function endsInWriterNote(text: string): boolean {
  return ENDS_IN_WRITER_NOTE_RE.test(text.trim());
}

/**
 * A line that is only a byline: "洛报融媒记者 李三旺 通讯员 董洁", "本报记者 张三", "张铁生 文/图",
 * with a note of who else reported after it ("□本报记者 王者 （殷伟杰参与采写）").
 * Returns the cleaned line (runs of spaces collapsed).
 */
export function bylineLine(text: string): string | undefined {
  const helped = helpedNote(text.trim());
  if (!helped) return namesLine(text);
  const names = namesLine(text.trim().slice(0, helped.index));
  return names && `${names} ${helped[0].trim()}`;
}

/** A line of role words and names only (see bylineLine). */
function namesLine(text: string): string | undefined {
  // (a picture story's credit, 新华社记者　丁　磊摄影报道: the words after the reporter's name are a role of their own;
  // not a 栏目's, 新春摄影报道, 精彩摄影报道: review)
  // (a line with a sentence's marks is no byline: said first, so a paragraph is not worked over before it)
  if (SENTENCE_MARK_RE.test(text)) return undefined;
  const spaced = closeSpacedRoles(text.trim());
  // (and a two-character name letter-spaced before it, 刘　新摄影报道 closing a photo report: field test 39)
  const t = REPORTER_WORD_RE.test(spaced) ? spaced.replace(/(?<=\S)摄影报道$/u, ' 摄影报道') : spaced.replace(PADDED_PHOTOGRAPHER_RE, '$1$2 摄影报道');
  if (!t || Array.from(t).length > 60) return undefined;
  // 本报讯(记者 庞淼 通讯员 李海天⏎刘艳兵）… is a dateline whose bracket OCR wrapped, not a byline;
  // 记者手记 a section's label, not a reporter named 手记 (field test 31)
  // (nor a briefs' column behind its marker, ■市场资讯: field test 37)
  // (nor a box's label behind its marker, ■链接: field test 40)
  if (leadAtStart(t) || storySection(t) || briefsLabel(t) || boxLabel(t)) return undefined;
  // (or the house's role alone, its names in the credit closing the text: 本报记者, 本报评论员 under a 评论员文章, field test 39)
  if (MARKED_BYLINE_RE.test(t) || FILED_FROM_RE.test(t) || SLASH_CREDIT_RE.test(t) || HOUSE_ROLE_RE.test(t)) return t;
  const tokens = t.split(/\s+/);
  let roles = 0;
  for (const tok of tokens) {
    if (BYLINE_ROLE.test(tok) && (ROLE_ONLY.test(tok) || REPORTER_END_RE.test(tok))) roles++;
    else if (ROLE_NAME_RE.test(tok)) roles++;
    else if (!NAME_RE.test(tok)) return undefined;
  }
  if (!roles) return undefined;
  // A role word must not be the whole line, and the line must have at least one name.
  if (tokens.length < 2 && !REPORTER_AT_END_RE.test(t)) return undefined;
  return tokens.join(' ');
}

const TRAILING_PAREN_RE = new RegExp(`([。！？!?…”"）)])(\\s*)([（(]\\s*(${NAME}(?:\\s+${NAME})*)\\s*[）)])\\s*$`, 'u');
const TRAILING_CREDIT_RE = new RegExp(`([。！？!?…”"）)])(\\s*)(${NAME}(?:\\s+${NAME})*\\s*(?:文\\/图|图\\/文|文\\/摄|摄影|摄|文|图))\\s*$`, 'u');

/**
 * A byline at the end of the last paragraph: "…社会环境。 (郭洁琼 宋婉青)", "…稳定。 张铁生 文/图".
 * Returns the byline text as it stands and the number of code points it takes from the end (with
 * the spaces before it).
 */
export function trailingByline(text: string): { byline: string; length: number } | undefined {
  // only the end of the paragraph can hold it; long paragraphs are not scanned from the start
  const end = text.slice(-160);
  const paren = end.match(TRAILING_PAREN_RE);
  if (paren && !NOT_NAMES_RE.test(paren[4])) {
    const names = paren[4].split(/\s+/);
    if (names.every((n) => Array.from(n).length >= 2) || names.length === 1) {
      const tail = paren[0].slice(paren[1].length);
      return { byline: paren[3], length: Array.from(tail).length };
    }
  }
  const credit = end.match(TRAILING_CREDIT_RE);
  if (credit && Array.from(credit[3].split(/\s/)[0]).length >= 2) {
    const tail = credit[0].slice(credit[1].length);
    return { byline: credit[3], length: Array.from(tail).length };
  }
  const signed = signedEnd(end);
  return signed ? { byline: signed[3], length: Array.from(signed[2] + signed[3]).length + (end.length - end.trimEnd().length) } : undefined;
}

/** What follows 电 in a word that is no dispatch (21日电视电话会议, 新华社电视台): 电视, 电话, 电影, 电子, 电台… */
const NOT_DISPATCH = '视话影子台力脑梯池动车商竞网缆器报站源价费流压路工';

const LEAD_RE = new RegExp(
  `^((?:本[报网台刊]讯|本报(?:特约)?(?:记者|通讯员)(?:\\s*[${HAN}]{2,4}){1,4}\\s*报道(?=\\s*\\S)|本报[${HAN}]{1,8}[讯电](?!员)|本报电(?=\\s*[（(])|(?:(?!讯)[${HAN}]){2,8}(?:融媒|网|台)讯|(?:(?!讯)[${HAN}]){2,8}(?<![简快喜资通音])讯(?=\\s*[（(])|据?新华社[${HAN}0-9０-９]{0,14}电(?![${NOT_DISPATCH}])|[${HAN}]{2,12}(?:、[${HAN}]{2,6}){0,3}(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日(?:讯|电(?![${NOT_DISPATCH}]))|中新社[${HAN}0-9０-９]{1,14}电|中新网[${HAN}0-9０-９]{1,14}电)\\s*(?:[（(]([^（()）\\n]{1,80})[）)])?)`,
  'u',
);

/** When a news story's (or a 简讯 item's) first sentence says it happened: a date, a month, 近日/日前/昨天/目前… and a comma. */
const NEWS_OPENING_RE = /^(?:(?:[0-9０-９]{4}年)?[0-9０-９]{1,2}月(?:份|[0-9０-９]{1,2}日)?(?:上午|下午|晚|晚上)?|[0-9０-９]{1,2}日(?:上午|下午|晚)?|近日|日前|近期|连日来|昨天|昨日|今天|今日|前不久|眼下|目前|当前|如今|今年|去年|近年来|近来|[^，。！？\s]{0,10}以来)[，,]/;

/** Whether a paragraph opens as a news story's first sentence does (7月份，阳西县… 近日，…): with when it happened. */
export function opensNews(text: string): boolean {
  return NEWS_OPENING_RE.test(text.trim());
}

/** A section a story closes with, under a label of its own (相关链接, 记者手记, 小贴士): part of the story, never one of its own. */
const STORY_SECTION_RE = /^[【\[［]?(?:相关链接|新闻链接|背景链接|链接|延伸阅读|相关新闻|小贴士|温馨提示|专家提醒|记者手记|编辑手记|编后语?|背景)[】\]］]?[:：]?$/;

export function storySection(line: string): boolean {
  return STORY_SECTION_RE.test(line.trim());
}

/** A run of briefs' label (简讯, 经济快讯, 【短讯】): the items under it are paragraphs of one story. */
const BRIEFS_LABEL_RE = new RegExp(`^[【\\[［]?[${HAN}]{0,4}(?:简讯|快讯|短讯|资讯|简明新闻|一句话新闻)[】\\]］]?$`, 'u');

/** (a label may stand behind a bullet as a column's name does: ■市场资讯, field test 37) */
export function briefsLabel(line: string): boolean {
  return BRIEFS_LABEL_RE.test(closeLetterSpacing(line.trim().replace(LEADING_BULLET_RE, '')));
}

/** Han characters each set apart by spaces, as a page spaces out a short label (简 讯). */
const LETTER_SPACED_RE = new RegExp(`^[${HAN}](?:[ \\u3000]+[${HAN}])+$`, 'u');

/** A letter-spaced label closed up (简 讯 → 简讯); any other text as it is. */
export function closeLetterSpacing(text: string): string {
  return LETTER_SPACED_RE.test(text) ? text.replace(/[ \u3000]+/gu, '') : text;
}

/** "本报讯 (洛报融媒记者 李雅君)昨日…" → the lead as it stands and its length in code points. */
export function leadAtStart(text: string): { raw: string; agency: string; inner?: string; length: number } | undefined {
  const m = text.match(LEAD_RE);
  if (!m) return undefined;
  const agency = m[1].replace(/\s*[（(][\s\S]*$/, '').trim();
  return { raw: m[1], agency, inner: m[2], length: Array.from(m[1]).length };
}

/**
 * Chinese personal names are two to four characters; a one-character token among names is the
 * rest of a name that OCR split at a line end ("张宇 欢" → "张宇欢"), three a name spaced out (王 小 明),
 * and an even run of them two-character names each set with a space inside (何  聪  江  南 → 何聪 江南); a reporter's word it
 * spaced out is closed up first (记 者李蕊). Returns the fixed token list and the joins made.
 */
export function rejoinSplitNames(tokens: string[]): { tokens: string[]; joins: string[] } {
  const words = closeSpacedRoles(tokens.join(' ')).split(/\s+/).filter(Boolean);
  const out: string[] = [];
  const joins: string[] = [];
  const isName = (t: string): boolean => NAME_TOKEN_RE.test(t) && !REPORTER_END_RE.test(t);
  const single = (t: string | undefined): boolean => t !== undefined && Array.from(t).length === 1 && isName(t);
  const join = (parts: string[]): void => {
    joins.push(`${parts.join(' ')} → ${parts.join('')}`);
    out.push(parts.join(''));
  };
  for (let i = 0; i < words.length; ) {
    let run = 0;
    while (single(words[i + run])) run++;
    if (!run) {
      out.push(words[i++]);
      continue;
    }
    const singles = words.slice(i, (i += run));
    const prev = out[out.length - 1];
    // an odd run: its first the rest of the name before it (张宇 欢), or with the next two one name spaced out (王 小 明);
    // then two-character names each set with a space inside (何  聪  江  南: 何聪 江南, field test 25)
    if (run % 2 === 1 && prev && isName(prev) && Array.from(prev).length <= 2) join([out.pop()!, singles.shift()!]);
    else if (run % 2 === 1) singles.length >= 3 ? join(singles.splice(0, 3)) : out.push(singles.shift()!);
    while (singles.length) join(singles.splice(0, 2));
  }
  return { tokens: out, joins };
}

const REPORTER_END_RE = new RegExp(`(?:${REPORTER})$`, 'u');
/** A reporter's word OCR spaced out (记 者李蕊, 通 讯员): its characters, spaces between any of them. */
const SPACED_REPORTER_RE = new RegExp(REPORTERS.map((w) => [...w].join('[ \\u3000]*')).join('|'), 'gu');

/** The text with every reporter's word OCR spaced out closed up (（记 者李蕊） → （记者李蕊）, 本报记 者 张华 → 本报记者 张华). */
function closeSpacedRoles(text: string): string {
  return text.replace(SPACED_REPORTER_RE, (m) => m.replace(/[ \u3000]+/gu, ''));
}

/** A line all in brackets opening with a date: the date a document was issued or adopted, set under its title. */
// (in Chinese numerals too, as a document dates itself: （二〇二五年十一月一日）, field test 33)
const DATED_NOTE_RE = /^[（(](?:[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)[^（）()]*[）)]$/u;

const DECK_RE = /^(?:——|—|－{1,2}|-{1,2}|─|―|–)\s*/;

/** A deck (副题): "——访…", "-访…", "—记…"; returns the text with a proper 破折号 and the marker found. */
export function deckLine(text: string): { text: string; marker: string } | undefined {
  const t = text.trim();
  if (quoteSource(t)) return undefined;
  const m = t.match(DECK_RE);
  if (m && Array.from(t).length > m[0].length + 1) return { text: `——${t.slice(m[0].length)}`, marker: m[0].trim() };
  if (INTERVIEW_RE.test(t) && Array.from(t).length >= 4) return { text: `——${t}`, marker: '' };
  // (a document's date under its title, 中共中央办公厅…的意见⏎（2025年3月21日）: its 副题 as printed, field test 24)
  if (DATED_NOTE_RE.test(t)) return { text: t, marker: '' };
  return undefined;
}

/** A quotation's source under it (——摘自“十五五”规划纲要, field test 31): text, never a 副题 or a story's title. */
const QUOTE_SOURCE_RE = new RegExp(`${DECK_RE.source}(?:摘自|摘编自|引自|选自|节选自|转引自)`);

export function quoteSource(text: string): boolean {
  return QUOTE_SOURCE_RE.test(text.trim());
}

/** A turn of an interview set as questions and answers (问：…？ 答：…, 记者：…, Q: …): a paragraph, never a title. */
const INTERVIEW_TURN_RE = /^(?:问|答|记者|主持人|[QA])\s*[:：]/u;

export function interviewTurn(text: string): boolean {
  return INTERVIEW_TURN_RE.test(text.trim());
}

/** The longest line read as a speaker's signature under a quotation (——河北秦皇岛美团小哥徐鸿蛟). */
const SIGNATURE_MAX = 24;
/** A 副题 naming whom a profile or an interview is of: ——记全国模范退役军人张建国, ——访…. */
const PROFILE_DECK_RE = new RegExp(`${DECK_RE.source}[记访]`);
/** Marks no signature holds: a clause's or a sentence's. */
const SIGNATURE_STOPS = /[，,、。！？!?；;：:…]/u;

/** A line led by a dash, a signature or an item of a dashed list (——坚持创新驱动发展), not a profile's or an interview's 副题 (——记…, ——访…). */
export function dashLed(text: string): boolean {
  return DECK_RE.test(text.trim()) && !PROFILE_DECK_RE.test(text.trim());
}

/**
 * A line under a quotation naming who said it or where it is from, after a dash (——浙江杭州顺丰小哥肖晨,
 * ——摘自…): a line of text of its own, never a subhead, nor run into the next paragraph (field day G: a
 * page of 小哥心里话 had each speaker set as a subhead). `after` is the paragraph before it, which must end a sentence.
 */
export function signsQuotation(text: string, after: string): boolean {
  const t = text.trim();
  // (no clause in it: ——怎样用得起？扩大覆盖人群，推⏎广普惠制。 is a dashed item's first line, field test 24)
  return dashLed(t) && [...t].length <= SIGNATURE_MAX && !SIGNATURE_STOPS.test(t) && endsSentence(after.trim());
}

/** A kicker (引题) often ends with a colon: "南关街道:". */
export function endsWithColon(text: string): boolean {
  return /[:：]\s*$/.test(text);
}

/** A line ending in a dash (为了更多人端稳饭碗——, 开局之年访北京，…亮点纷呈——). */
export function endsWithDash(text: string): boolean {
  return text.trimEnd().endsWith('——');
}

/** A line leading into what follows: a colon's end or a dash's (南关街道：, 为了更多人端稳饭碗——). */
export function leadsIn(text: string): boolean {
  return endsWithColon(text) || endsWithDash(text);
}

/**
 * An unmarked title line under another that reads as its deck (副题) rather than the headline under
 * a kicker: it runs clauses together with commas (7个项目竣工，28个项目开工，总投资约78亿元) and is
 * longer than the line above, which has none and does not lead into it with a colon or a dash, nor asks a
 * question under a 栏目's name. A kicker (引题) rarely has a comma; a deck often does.
 */
export function explainsAbove(above: string, line: string): boolean {
  // (OCR sets the half-width marks: 打卡,42家新商户相继开业; not a digit group's, 1,200万元)
  const clauses = (t: string) => /[，；;]|,(?!\d{3})/.test(t);
  // (not under a line leading into it, 浙江绍兴新昌县——⏎采茶品茶垂钓，可玩可品又可憩: that is its 引题, field test 38)
  // (nor a question under a 栏目's few characters, 以案说法⏎训练受伤，只能自担风险？: the headline asks, field 54; under a
  // headline, 生态环境法典施行⏎法典有哪些亮点，将如何影响百姓生活？, it is the 副题 still: review)
  return clauses(line) && !clauses(above) && !leadsIn(above) && !(/[？?]$/u.test(line.trim()) && columnNameLike(above)) && line.trim().length > above.trim().length;
}

/**
 * A box's label alone on its line, over a story's summary or a sidebar (核心阅读, 阅读提示, 相关链接): a
 * heading in any source, a Markdown file's unmarked line too (field test 38).
 */
export function boxLabel(text: string): boolean {
  return BOX_LABEL_RE.test(text.trim());
}

const BOX_LABEL_RE = new RegExp(`^(?:[${BULLETS}]\\s*)?[【\\[]?(?:核心阅读|阅读提示|延伸阅读|相关链接|新闻链接|背景链接|链接)[】\\]]?$`, 'u');

/** A column name (栏目名) such as "一把手访谈": a few Han characters and nothing else. */
export function columnNameLike(text: string): boolean {
  return COLUMN_NAME_RE.test(text.trim());
}

/** A list's item on a line of its own (a name and a title, an address) runs to at most this many characters. */
export const ITEM_MOST = 40;

/**
 * A list's item naming someone: a name (padded or not), a full-width space and what the person is,
 * short and with no clause (王芳芳　贵州省…部长, 熊　智　…总监: a round table's guests, field test 40).
 * Returns the name as written; undefined for any other line.
 */
export function namedItem(text: string): string | undefined {
  const m = text.match(NAMED_ITEM_RE);
  return m && [...text].length <= ITEM_MOST && personName(m[1]) && !COMMA_OR_STOP.test(m[2]) ? m[1] : undefined;
}

const NAMED_ITEM_RE = new RegExp(`^([${HAN}]\u3000[${HAN}]|[${HAN}]{2,3})\u3000(\\S.*)$`, 'u');

/** The longest a title line runs (characters). */
export const TITLE_MAX = 48;
/** The longest a title line with a comma runs: a longer line with one is a sentence wrapped short. */
const COMMA_TITLE_MAX = 30;

/** Enumeration commas (、) a title line with no other comma may hold, at most. */
const ENUMERATION_MAX = 4;

/**
 * Could this line be a title (headline, kicker, banner)? Short, and not a sentence. `commaMax`: the
 * longest it may run with a comma (a title known by its place runs to TITLE_MAX, see `titleOverByline`).
 */
export function titleLike(text: string, commaMax = COMMA_TITLE_MAX): boolean {
  const t = text.trim();
  const len = Array.from(t).length;
  if (len === 0 || len > TITLE_MAX) return false;
  // a line of punctuation alone (the “)” of a byline OCR wrapped) names nothing
  if (!/[\p{L}\p{N}]/u.test(t)) return false;
  if (/[。；;]/.test(t)) return false;
  if (COMMA_RE.test(t) && len > commaMax) return false;
  // (three enumeration commas and no other, 锚定产业高端化、智能化、绿色化、融合化, list a title's parts: field test 37)
  if ((t.match(/[，,、]/g) ?? []).length > (COMMA_RE.test(t) ? 2 : ENUMERATION_MAX)) return false;
  if (/[。！？!?]$/.test(t) && len > 20) return false;
  return true;
}

/**
 * A line under the titles and over the byline, which its place shows to be a title: it may run its
 * clauses together past a title's length (the 副题 多地社区食堂探访：价格实惠菜品丰富，行动不便的老人还能送餐上门)
 * or ask a question (驻村第一书记如何与由桥村相互成就？), but it ends no sentence otherwise.
 */
export function titleOverByline(text: string): boolean {
  // (a question as long as a title runs: 始终“在场”的民营企业，如何“大显身手”？, field test 36)
  const t = text.trim().replace(/[？！?!]+$/u, '');
  return titleLike(t, TITLE_MAX) && !endsInPunctuation(t);
}

const IMAGE_REF_RE = /[（(]\s*(?:如图|见图|附图|如下图|如上图)\s*[）)]/;

export function imageReference(text: string): { index: number; length: number } | undefined {
  const m = text.match(IMAGE_REF_RE);
  return m ? { index: m.index!, length: m[0].length } : undefined;
}

// (a chart or a cartoon only alone, [图表], [漫画]: （制图：李明） and （漫画：张三） are credits under them)
const PLACEHOLDER_RE = /^[[【［〔(（]\s*(?:(?:图片?|圖片?|照片|图像|圖像|配图|配圖|插图|插圖|image|photo|picture)(?:\s*[:：\s]\s*([^\]】］〕)）]{0,60}))?|图表|圖表|示意图|示意圖|漫画|漫畫|chart)\s*[\]】］〕)）]$/i;

/** The words a photo credit ends in (摄, 摄影, 供图; Traditional 攝, 攝影; 摄影报道 after a reporter's name: PHOTO_CREDIT_RE). */
const SHOT = '(?:摄影|摄|攝影|攝|供图|供圖)';
/** An agency's release as a picture's credit, set apart from the caption's sentence by a space: 包森像（资料照片）。 新华社发 (field test 52; run on, …。人民网发⏎起的调查 is text, review). */
const AGENCY_RELEASE = '(?<=[\\s\u3000]|^)(?:新华社|中新社|人民网|央视网)发';
/** A photo credit at a line's end: 本报记者 王涛 摄, 张三 摄影, 李四/摄, （王五 摄）, 赵六 供图, and the agency after it: 孙磊摄（人民视觉）. */
const PHOTO_CREDIT_RE = new RegExp(`(?:(?:${REPORTER})[\\s\u3000]*${NAME}(?:[\\s\u3000]+${NAME})?\\s*摄影报道|${NAME}\\s*${SHOT}|${SHOT}\\s*[/／]\\s*${NAME}|[（(][^）)]{2,24}${SHOT}\\s*[）)]|${AGENCY_RELEASE})(?:\\s*[（(][${HAN}]{2,8}[）)])?\\s*$`, 'u');

export function endsInPhotoCredit(text: string): boolean {
  return PHOTO_CREDIT_RE.test(text.trim());
}

/** A picture's credit on a line of its own that no photographer's makes: an institution's 供图, 资料图片, 图片来源：… (field test 42, a 副刊 page). */
const PICTURE_CREDIT_LINE_RE = new RegExp(`^(?:[${HAN}·]{2,24}(?:供图|供圖|提供)|资料图片|资料照片|图片来源\\s*[:：]\\s*\\S.{0,30})$`, 'u');

/** Whether a line is a picture's credit of its own (PICTURE_CREDIT_LINE_RE, or an illustrator's: `drawnCredit`): under a placeholder's caption, it ends it. */
export function pictureCreditLine(line: string): boolean {
  return PICTURE_CREDIT_LINE_RE.test(line.trim()) || drawnCredit(line);
}

/** Names and 绘 or 绘图 after them (曹 一绘, 李明绘图, 张三 李四绘). */
const DRAWN_CREDIT_RE = /^(.+?)[ \u3000]?(?:绘图|绘)$/u;
/** What a word ending in 绘 has before it, no name's end (彩绘, 测绘, 描绘, 手绘, 墙绘, 共绘: review of field test 44). */
const DRAWN_WORDS = new Set([...'彩测描手墙共勾临重复合']);

/**
 * An illustrator's credit alone (field test 44: an illustration with no caption, `（图片）⏎曹 一绘`): one or two
 * names (`listedName`, or one spaced out), then 绘 or 绘图; not a word that ends in 绘 (指尖彩绘, 高原测绘).
 */
function drawnCredit(line: string): boolean {
  const m = DRAWN_CREDIT_RE.exec(line.trim());
  if (!m) return false;
  const tokens = m[1].trim().split(/[ \u3000]+/u);
  if (DRAWN_WORDS.has([...m[1]].at(-1) ?? '')) return false;
  // (a name spaced out of a less common surname too, 洪  琥绘: headingWriter's, field test 50)
  return spacedOutName(tokens) ? listedName(tokens.join('')) || headingWriter(m[1]) : tokens.length <= 2 && tokens.every(listedName);
}

/** A sentence ended by its reporter's credit, with no 摄 (a caption: 谭庄村村民忙着将蔬菜整理入库。本报记者 李政哲). */
const REPORTER_CREDIT_RE = new RegExp(`[。！？]\\s*(?:本报|本刊)?(?:特约)?(?:记者|通讯员)\\s*${NAME}(?:\\s+${NAME}){0,3}\\s*$`, 'u');

/** How a picture's caption opens: 图为…, 上图：…, 图：… */
const CAPTION_OPENING_RE = /^(?:图为|[上下左右]?图[：:]|[上下左右]图为)/u;

/** Whether a paragraph opens as a picture's caption does (图为…, 上图：…). */
export function opensCaption(text: string): boolean {
  return CAPTION_OPENING_RE.test(text.trim());
}

/** The labels naming who drew a chart. */
const DRAWN_BY = '制图|製圖|设计';
/** The labels of a chart's credit: where its figures come from, or who drew it. */
const CHART_CREDITS = '数据来源|资料来源|来源|' + DRAWN_BY;
/** A line a chart's credit opens (see opensChartCredit). */
const CHART_CREDIT_LINE_RE = new RegExp(`^\\s*(?:${CHART_CREDITS})\\s*[:：]`, 'u');

/** Whether a line opens with a chart's credit (数据来源：…, 制图：…, 设计：…). */
export function opensChartCredit(line: string): boolean {
  return CHART_CREDIT_LINE_RE.test(line);
}

/** Whether a line opens with who drew a chart (制图：…, 设计：…): under its data source, the caption's too (a 来源：新华社 is the story's, 版式设计 the page's). */
export function drawnBy(line: string): boolean {
  return DRAWN_BY_RE.test(line);
}

const DRAWN_BY_RE = new RegExp(`^\\s*(?:${DRAWN_BY}|绘图)\\s*[:：]`, 'u');

/** A chart's credit at the end of its caption: where its figures come from, or who drew it (数据来源：国家统计局, 制图：李明, 设计：王朋). */
const CHART_CREDIT_RE = new RegExp(`(?:^|[。！？\\s])(?:${CHART_CREDITS})\\s*[:：]\\s*[^。！？\\s][^。！？]{0,30}$`, 'u');

export function endsInChartCredit(text: string): boolean {
  return CHART_CREDIT_RE.test(text.trim());
}

export function endsInReporterCredit(text: string): boolean {
  return REPORTER_CREDIT_RE.test(text.trim());
}

/** An explicit image placeholder line: "[图片]", "【图：张三 摄】", "(照片)". */
export function imagePlaceholder(text: string): { caption: string } | undefined {
  const m = text.trim().match(PLACEHOLDER_RE);
  return m ? { caption: (m[1] ?? '').trim() } : undefined;
}
