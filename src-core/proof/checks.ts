import type { Article, BanmianDocument, Block, PageHeader, PageSettings } from '../model/document';
import { ARTICLE_PART_LABELS, ARTICLE_TEXT_FIELDS, type ArticleTextPart } from '../model/article-fields';
import { runningHead } from '../layout/header';
import { printableParagraphs } from '../model/richtext';
import { PAGE_HEADER_ID } from '../model/proof';
import { HAN_IDEOGRAPHS, PAIRED_MARKS as PAIRS, isCjkPunct, isIdeograph } from '../typeset/chars';
import { PAGE_RULES, TEXT_RULES, type RuleName } from './rules';
import { ERROR_WEIGHTS } from './weights';
import { bylineLine, namedItem } from '../import/roles';
import { errorRate, MAX_NUMBER_USAGE, MAX_REPEATS, PASS_PER_10K, pageAreaCharacters, TITLE_FACTOR, type ErrorRate } from './error-rate';

/**
 * Automatic proofreading checks (issue 6). Each rule reads one paragraph (or the whole page, for
 * consistency rules) and reports findings with an exact place, an excerpt, a message in zh-CN and
 * English, and a fix when the fix is certain.
 */

export type RuleId =
  | 'halfwidth-punctuation'
  | 'fullwidth-alphanumeric'
  | 'unpaired-mark'
  | 'mismatched-pair'
  | 'wrong-nesting'
  | 'ellipsis-form'
  | 'dash-form'
  | 'space-in-mark'
  | 'bullet-for-middle-dot'
  | 'doubled-character'
  | 'doubled-word'
  | 'abbreviated-year'
  | 'number-grouping'
  | 'mixed-number-style'
  | 'space-between-han'
  | 'auto-corrected'
  | RuleName;

/**
 * error and warning are findings a 校对 acts on; info a note; corrected (已自动改正) a change the
 * importer made to what the author wrote, shown so it can be undone, never counted as an error.
 */
export type Severity = 'error' | 'warning' | 'info' | 'corrected';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** UTF-16 offset and length in the paragraph text. */
  offset: number;
  length: number;
  /** The text around the finding, with the finding itself in 【】. */
  excerpt: string;
  zh: string;
  en: string;
  /** The replacement for [offset, offset+length), when the fix is certain. */
  fix?: string;
  /** For an auto-corrected finding: what the author wrote and what the importer made of it. */
  corrected?: { from: string; to: string };
  /** How much the finding counts toward the 差错率 when it is an error (ERROR_WEIGHTS). */
  weight: number;
}

/**
 * The texts a page prints besides its articles' fields: 栏头 (an article's column name), and the page
 * header's 报头 (the paper's name) and 报眉/版头 (版次, 版名, date as printed). Errors in them count
 * double (error-rate.ts), as in headlines.
 */
export const PAGE_TEXT_PARTS = ['column', 'masthead', 'runningHead'] as const;
export type PageTextPart = (typeof PAGE_TEXT_PARTS)[number];

export type Field = ArticleTextPart | PageTextPart;

/** What the desk calls every place a finding can be, zh and en. */
export const FIELD_LABELS: Record<Field, { zh: string; en: string }> = {
  ...ARTICLE_PART_LABELS,
  column: { zh: '栏头', en: 'Column head' },
  masthead: { zh: '报头', en: 'Masthead' },
  runningHead: { zh: '版头', en: 'Running head' },
};

/** The article id a page header's findings carry (they belong to no article; model/proof.ts declares it). */
export { PAGE_HEADER_ID };

/** Every place in reading order: the header, the column head, the titles and fields, the body. */
export const FIELD_ORDER = Object.keys(FIELD_LABELS).sort((a, b) => rankOf(a) - rankOf(b)) as Field[];
function rankOf(field: string): number {
  const head = ['masthead', 'runningHead', 'column'].indexOf(field);
  return head >= 0 ? head - 10 : field === 'body' ? 99 : (ARTICLE_TEXT_FIELDS as readonly string[]).indexOf(field);
}

/** The page header's texts are set in the page settings, not in an article: no jump, no fix from a finding. */
export const isHeaderField = (field: Field): field is 'masthead' | 'runningHead' => field === 'masthead' || field === 'runningHead';

export { ERROR_WEIGHTS } from './weights';

/**
 * The counting method, as `check`, its help text and the 校对 panel state it; the counting itself is
 * error-rate.ts (its limits declared there once and quoted here).
 */
export const ERROR_RATE_METHOD = {
  zh: `《报纸期刊质量管理规定》（2020）附件《报纸编校差错率计算方法》：差错率 = 差错数 ÷ 总字数 × 10000，不超过万分之${PASS_PER_10K}为合格。总字数为版面字数 = 每行字数 × 行数（按正文字号，报眉、栏头、分栏空白按所占版面计）；无版面时以文字计：每个汉字、标点、字母、数字各计 1 字，空白不计（比版面字数少，差错率偏严）。每处差错的计数按《图书编校质量差错判定和计算方法》：错别字、多字、漏字 1，标点 0.1，字母与符号混用 0.5；数字用法每处 0.1、一期最多计 ${MAX_NUMBER_USAGE}；报头、报眉、栏头、标题（引题、主题、副题、通栏、栏目名）中的差错计 ${TITLE_FACTOR} 倍；同一差错重复出现最多计 ${MAX_REPEATS} 次。只计“错误”级，已自动改正和警告不计`,
  en: `the Chinese newspaper and periodical quality rules (报纸期刊质量管理规定, 2020) and their counting method: error rate = counted errors ÷ total characters × 10,000, passing at ${PASS_PER_10K} or less. Total characters are the page area: characters per line × lines in the body size (running heads, column heads and gutters count as the room they take); without a layout every Han character, punctuation mark, letter and digit counts 1 and blanks none (fewer than the page area, so the rate errs on the strict side). Each error counts as the book rules weigh it (a wrong, extra or missing character 1, punctuation 0.1, mixed letter forms 0.5); number usage 0.1 each and at most ${MAX_NUMBER_USAGE} per issue; errors in the masthead, running heads, column heads and headlines (kicker, headline, deck, banner, column name) count ×${TITLE_FACTOR}; the same error repeated counts at most ${MAX_REPEATS} times. Only error-level findings count, never auto-corrections or warnings`,
};

export interface PlacedFinding extends Finding {
  articleId: string;
  field: Field;
  /** Paragraph index for the body, 0 for other fields. */
  paragraph: number;
  /** In an article on the page's list with no block on it (未上版): listed, never counted in the printed page's 差错率. */
  unplaced?: true;
}

const isHanChar = (c: string | undefined): boolean => !!c && isIdeograph(c.codePointAt(0)!);
/** Han or full-width punctuation: the neighbours that make a half-width mark "inside Chinese text". */
const isChineseContext = (c: string | undefined): boolean => !!c && (isHanChar(c) || isCjkPunct(c.codePointAt(0)!));
const DOUBLED_WORD_RE = new RegExp(`([${HAN_IDEOGRAPHS}]{2})\\1`, 'gu');
const SPACE_BETWEEN_HAN_RE = new RegExp(`(?<=[${HAN_IDEOGRAPHS}])[ \\u3000\\u00a0]+(?=[${HAN_IDEOGRAPHS}])`, 'gu');

export function excerpt(text: string, offset: number, length: number, radius = 8): string {
  const start = Math.max(0, offset - radius);
  const end = Math.min(text.length, offset + length + radius);
  return `${start > 0 ? '…' : ''}${text.slice(start, offset)}【${text.slice(offset, offset + length)}】${text.slice(offset + length, end)}${end < text.length ? '…' : ''}`;
}

type Emit = (f: Omit<Finding, 'excerpt'>) => void;

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

function checkHalfwidthPunctuation(text: string, emit: Emit): void {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const full = HALF_TO_FULL[ch];
    if (!full) continue;
    const before = text[i - 1];
    const after = text[i + 1];
    // 3,000 and 12:30 are numbers, not punctuation; a mark between Latin words is Latin text.
    if (/[0-9]/.test(before ?? '') && /[0-9]/.test(after ?? '')) continue;
    const chinese = ch === '(' ? isChineseContext(before) || isHanChar(after) : ch === ')' ? isHanChar(before) || isChineseContext(after) : isChineseContext(before);
    if (!chinese) continue;
    emit({ rule: 'halfwidth-punctuation', severity: 'error', offset: i, length: 1, fix: full, weight: ERROR_WEIGHTS.punctuation, zh: `中文里用了半角标点“${ch}”，应为“${full}”`, en: `Half-width "${ch}" in Chinese text; use "${full}"` });
  }
  // Straight quotes in Chinese text (their pairing is the importer's normalisation; here they are flagged).
  for (const m of text.matchAll(/["']/g)) {
    const i = m.index!;
    if (!isChineseContext(text[i - 1]) && !isChineseContext(text[i + 1])) continue;
    emit({ rule: 'halfwidth-punctuation', severity: 'error', offset: i, length: 1, weight: ERROR_WEIGHTS.punctuation, zh: `中文里用了直引号 ${m[0]}，应为弯引号“”或‘’`, en: `Straight quote ${m[0]} in Chinese text; use “” or ‘’` });
  }
}

function checkFullwidthAlphanumeric(text: string, emit: Emit): void {
  for (const m of text.matchAll(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+/g)) {
    const fix = [...m[0]].map((c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).join('');
    emit({ rule: 'fullwidth-alphanumeric', severity: 'error', offset: m.index!, length: m[0].length, fix, weight: ERROR_WEIGHTS.letterForm, zh: `全角字母或数字“${m[0]}”应为半角“${fix}”`, en: `Full-width letters or digits "${m[0]}"; use "${fix}"` });
  }
}

const CLOSERS = new Map(Object.entries(PAIRS).map(([o, c]) => [c, o]));
/** Marks of one kind (quotes, corner quotes among them; 书名号; brackets): “ closed with ’ or 《 with 〉 is one wrong mark of a pair, not two unpaired ones. */
const FAMILY: Record<string, string> = Object.fromEntries(['“”‘’「」『』', '《》〈〉', '（）〔〕【】'].flatMap((f) => [...f].map((c) => [c, f])));

/**
 * Quotes, brackets and 书名号 must pair and nest: ‘’ inside “”, 〈〉 inside 《》. A quotation that runs
 * over paragraphs opens each paragraph with “ and closes only at its end (GB/T 15834 §4.1.3.2), so an
 * unclosed “ is fine when the next paragraph opens with “.
 */
function checkPairs(text: string, nextParagraph: string | undefined, emit: Emit): void {
  const stack: { ch: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (PAIRS[ch]) {
      const outer = stack[stack.length - 1]?.ch;
      if ((ch === '“' && outer === '“') || (ch === '《' && outer === '《')) {
        emit({ rule: 'wrong-nesting', severity: 'error', offset: i, length: 1, weight: ERROR_WEIGHTS.punctuation, zh: ch === '“' ? '双引号里又用双引号，内层应为单引号‘’' : '书名号里又用书名号，内层应为〈〉', en: ch === '“' ? 'Double quotes inside double quotes; use ‘’ inside' : '《》 inside 《》; use 〈〉 inside' });
      } else if ((ch === '‘' && outer !== '“' && outer !== '‘' && !stack.some((s) => s.ch === '“')) || (ch === '〈' && !stack.some((s) => s.ch === '《'))) {
        emit({ rule: 'wrong-nesting', severity: 'warning', offset: i, length: 1, weight: ERROR_WEIGHTS.punctuation, zh: ch === '‘' ? '单引号应用在双引号之内' : '〈〉应用在《》之内', en: ch === '‘' ? 'Single quotes belong inside double quotes' : '〈〉 belong inside 《》' });
      }
      stack.push({ ch, at: i });
      continue;
    }
    const opener = CLOSERS.get(ch);
    if (!opener) continue;
    const top = stack[stack.length - 1];
    if (top?.ch === opener) {
      stack.pop();
      continue;
    }
    const deeper = stack.map((s) => s.ch).lastIndexOf(opener);
    if (deeper >= 0) {
      // Closed across another open mark: （“…）” — the inner one is the misplaced one.
      const inner = stack[stack.length - 1];
      emit({ rule: 'wrong-nesting', severity: 'error', offset: inner.at, length: 1, weight: ERROR_WEIGHTS.punctuation, zh: `“${inner.ch}”与“${ch}”交叉嵌套`, en: `"${inner.ch}" and "${ch}" cross` });
      stack.splice(deeper);
      continue;
    }
    if (top && FAMILY[top.ch] === FAMILY[ch]) {
      stack.pop();
      const right = PAIRS[top.ch];
      emit({ rule: 'mismatched-pair', severity: 'error', offset: i, length: 1, fix: right, weight: ERROR_WEIGHTS.punctuation, zh: `“${top.ch}”用“${ch}”收尾，不成对，应为“${right}”`, en: `"${top.ch}" is closed with "${ch}"; use "${right}"` });
      continue;
    }
    emit({ rule: 'unpaired-mark', severity: 'error', offset: i, length: 1, weight: ERROR_WEIGHTS.punctuation, zh: `“${ch}”没有对应的“${opener}”`, en: `"${ch}" has no matching "${opener}"` });
  }
  for (const open of stack) {
    if (open.ch === '“' && nextParagraph?.startsWith('“')) continue;
    emit({ rule: 'unpaired-mark', severity: 'error', offset: open.at, length: 1, weight: ERROR_WEIGHTS.punctuation, zh: `“${open.ch}”没有对应的“${PAIRS[open.ch]}”`, en: `"${open.ch}" is never closed with "${PAIRS[open.ch]}"` });
  }
}

/** What may follow the second item of a connector: 哈密—重庆航线, 北京—上海的, 郑州—洛阳。, the next connector of a chain (“政府—行业—产品”, field test 38) (not the end of a text: 成果—上榜 is a cut-off dash as likely) */
const CONNECTOR_TAIL = /^(?:[，。、；：？！）》”’\s]|—(?!—)|的|之间|间|两地|方向|航线|航班|班列|铁路|高铁|高速|公路|城际|动车|列车|专线|线路|线|段|直飞|直达|往返|植物园|公园|博物馆|大学|研究院|研究所|学会|协会|合作组织|组织|合作区|示范区|自贸区|经济走廊|走廊|机场|口岸|大桥|博览会|论坛|峰会)/u;
/** How a dash that stands for a 破折号 goes on: an explanation (就是…, 即…) or a pronoun. */
const DASH_CONTINUATION = /^(?:就是|也就是|即|是|我|你|他|她|它|这|那)/u;
/** A model's number after its name's connector: 35A, 5, C919 (letters and digits, a number in them). */
const MODEL_NUMBER_RE = /^(?=[0-9A-Z]*[0-9])[0-9A-Z]{1,6}(?![0-9A-Za-z])/u;
const CONNECTOR_ITEM = new RegExp(`^[${HAN_IDEOGRAPHS}]{2,4}`, 'u');

/**
 * A single dash joining two places or two times is the connector (连接号, GB/T 15834 §4.13: 哈密—重庆,
 * 2020—2025年, 3月—5月), not a 破折号 written short. Connector when digits meet a date or digit, or
 * when the item after it is 2–4 Han characters followed by punctuation, 的, a route word or what two places
 * name together (伊犁—吐鲁番植物园, 中国—上海合作组织, 中国—东盟博览会: field test 41); a speech
 * verb before it or an explanation after it makes it a dash all the same.
 */
function isConnector(text: string, at: number): boolean {
  const before = text[at - 1] ?? '';
  const rest = text.slice(at + 1);
  if (/^[0-9]/.test(rest) && /[0-9年月日时号]/.test(before)) return true;
  // (a model's name and its number, 歼—35A, 长征—5: field test 37)
  if (isHanChar(before) && MODEL_NUMBER_RE.test(rest)) return true;
  // 道—琼斯, 京—沪: one character alone before the dash is part of a name or an abbreviation joined by
  // the connector; a 破折号 follows a phrase (道 is a speech verb too, so this comes first).
  if (isHanChar(before) && !isHanChar(text[at - 2]) && isHanChar(text[at + 1])) return true;
  if (!isHanChar(before) || /[说道问答]/.test(before) || DASH_CONTINUATION.test(rest)) return false;
  const item = CONNECTOR_ITEM.exec(rest)?.[0] ?? '';
  for (let n = 2; n <= item.length; n++) if (CONNECTOR_TAIL.test(rest.slice(n))) return true;
  // (two names of places or waters, each ending as one does: 澜沧江—湄公河卫星遥感数据中心, field test 42)
  if (PLACE_END.test(before) && [...item].some((c, k) => k >= 1 && PLACE_END.test(c))) return true;
  return REGION_BEFORE_RE.test(text.slice(0, at)) && REGION_ITEM_RE.test(rest);
}

/** How the name of a region ends (地区, 经济区, 湾区, 城市群…). */
const REGION_END = '(?:地区|经济区|经济圈|经济带|湾区|城市群|新区|片区)';
const REGION_BEFORE_RE = new RegExp(`${REGION_END}$`, 'u');
/**
 * A region's name after the dash, then what may follow a connector's item: a chain of regions is joined with
 * connectors (“东盟地区—北部湾经济区—成渝地区双城经济圈—粤港澳大湾区”, field test 43).
 */
const REGION_ITEM_RE = new RegExp(`^[${HAN_IDEOGRAPHS}]{1,10}?${REGION_END}(?=${CONNECTOR_TAIL.source.slice(1)})`, 'u');

/** The last character of a place's or a water's name (江, 河, 省, 市…). */
const PLACE_END = /^[江河湖海洋湾港岛山省市州县]$/u;

function checkMarkForms(text: string, emit: Emit): void {
  for (const m of text.matchAll(/\.{3,}|。{3,}|…+|·{3,}/g)) {
    const s = m[0];
    if (s === '……' || s.length % 2 === 0 && /^…+$/.test(s)) continue;
    emit({ rule: 'ellipsis-form', severity: 'error', offset: m.index!, length: s.length, fix: '……', weight: ERROR_WEIGHTS.punctuation, zh: `省略号应为“……”（当前为“${s}”）`, en: `Use "……" for an ellipsis (found "${s}")` });
  }
  for (const m of text.matchAll(/—+|－－|--/g)) {
    const s = m[0];
    if (s.length % 2 === 0 && /^—+$/.test(s)) continue;
    if (s.length > 1 && /^—+$/.test(s)) {
      // ———: a 破折号 by every sign, one em too long (a keyboard's or a data set's habit): a note with the fix, not a 差错.
      emit({ rule: 'dash-form', severity: 'info', offset: m.index!, length: s.length, fix: '——', weight: ERROR_WEIGHTS.none, zh: `破折号占两个字的位置，应为“——”（当前为“${s}”）`, en: `A dash takes two character widths: "——" (found "${s}")` });
      continue;
    }
    const before = text[m.index! - 1];
    const after = text[m.index! + s.length];
    if (s === '—' && !(isChineseContext(before) || isChineseContext(after))) continue; // an em dash in Latin text
    if (s === '—' && isConnector(text, m.index!)) continue;
    emit({ rule: 'dash-form', severity: 'error', offset: m.index!, length: s.length, fix: '——', weight: ERROR_WEIGHTS.punctuation, zh: `破折号应为“——”（当前为“${s}”）`, en: `Use "——" for a dash (found "${s}")` });
  }
  for (const m of text.matchAll(/—[ \u3000]+—|…[ \u3000]+…/g)) {
    emit({ rule: 'space-in-mark', severity: 'error', offset: m.index!, length: m[0].length, fix: m[0][0] + m[0][0], weight: ERROR_WEIGHTS.punctuation, zh: '破折号或省略号中间有空格', en: 'Space inside a dash or an ellipsis' });
  }
  for (const m of text.matchAll(/[•∙・]/g)) {
    if (!isHanChar(text[m.index! - 1]) && !isHanChar(text[m.index! + 1])) continue;
    emit({ rule: 'bullet-for-middle-dot', severity: 'error', offset: m.index!, length: 1, fix: '·', weight: ERROR_WEIGHTS.punctuation, zh: `间隔号应为“·”（当前为“${m[0]}”）`, en: `Use "·" as the Chinese middle dot (found "${m[0]}")` });
  }
}

/** Doubles that are words: reduplicated adverbs, kinship terms, measure words… */
const LEGITIMATE_DOUBLES = new Set(
  '常常 谢谢 天天 人人 个个 往往 渐渐 刚刚 慢慢 多多 纷纷 默默 深深 轻轻 静静 悄悄 明明 仅仅 处处 时时 家家 户户 年年 月月 日日 步步 层层 一一 久久 妈妈 爸爸 哥哥 姐姐 弟弟 妹妹 奶奶 爷爷 婆婆 公公 叔叔 伯伯 舅舅 星星 宝宝 娃娃 看看 想想 试试 说说 走走 等等 稍稍 微微 频频 屡屡 件件 条条 项项 事事 声声 匆匆 高高 大大 小小 好好 早早 点点 滴滴 重重 累累 种种 样样 片片 阵阵 团团 源源 滚滚 恰恰 偏偏 统统 通通 紧紧 牢牢 实实 足足 整整 满满 暖暖 甜甜 冷冷 热热 白白 红红 绿绿 蓝蓝 区区 楚楚 草草 匆匆 略略 往往 落落 济济 熊熊 茫茫 冉冉 隆隆 赫赫 浩浩 洋洋 堂堂 谆谆 孜孜 津津 欣欣 蒸蒸 井井 侃侃 朗朗 翩翩 栩栩 彬彬 姗姗 亭亭 皑皑 苍苍 莘莘 芸芸 林林 总总 拳拳 殷殷 切切 历历 念念 耿耿 惴惴 岌岌 寥寥 袅袅 潺潺 涓涓 徐徐 缓缓 款款 铮铮 凛凛 谔谔 头头 面面 生生 世世 代代 辈辈 户户 村村 镇镇 县县 乡乡 门门 家家 人人'.split(' '),
);
/**
 * Function words that never double: 的的, 了了, 是是 … are slips of the keyboard. Not 对: words end and
 * begin with it (绝对|对立, 针对|对方, 面对|对手).
 */
const NEVER_DOUBLED = new Set([...'的了是在和与及把被将也都就还又而之其或并从向于以为']);
/** Two-character words that never reduplicate, so 我们我们 is a slip; others (研究研究, 大口大口, 如何如何) often are words. */
const NEVER_REDUPLICATED = new Set('我们 你们 他们 她们 它们 咱们 这个 那个 这些 那些 因为 所以 但是 可是 如果 虽然 而且 并且 或者 已经 正在 可以 应该 没有 不是 对于 关于 由于 为了 以及 通过 进行'.split(' '));
/** A function word's double that is two words: the first ends one (实事求是|是, 为了|了解: field test 39; 为目的|的: field test 40), the pair where the word has it, or an idiom. */
const DOUBLE_EXCEPTIONS = ['不了了之', '是是非非', '在在', '了了分明', '实事求是是', '自以为是是', '了了解', '了了却', '了了结', '了了然', '为目的的'];

/** Whether the word `w` stands in `chars` with its doubled pair at `i`: 以营利为目的的的企业 has one 的 too many. */
function wordAt(chars: readonly string[], i: number, w: string): boolean {
  const word = [...w];
  const d = word.findIndex((c, k) => c === word[k + 1]);
  return d >= 0 && i - d >= 0 && word.every((c, k) => chars[i - d + k] === c);
}

function checkDoubles(text: string, emit: Emit): void {
  const chars = [...text];
  let offset = 0;
  const offsets = chars.map((c) => {
    const o = offset;
    offset += c.length;
    return o;
  });
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i];
    if (a !== chars[i + 1] || !isHanChar(a)) continue;
    if (LEGITIMATE_DOUBLES.has(a + a)) continue;
    // AABB words (实实在在, 明明白白) and their halves
    if (chars[i + 2] && chars[i + 2] === chars[i + 3] && chars[i + 2] !== a) continue;
    if (i >= 2 && chars[i - 2] === chars[i - 1] && chars[i - 1] !== a) continue;
    if (DOUBLE_EXCEPTIONS.some((w) => wordAt(chars, i, w))) continue;
    // Other doubles are mostly word boundaries (宣传部|部长, 签订|订单, 全国|国企): not reported.
    if (!NEVER_DOUBLED.has(a)) continue;
    const certain = true;
    emit({
      rule: 'doubled-character',
      severity: certain ? 'error' : 'info',
      offset: offsets[i],
      length: a.length * 2,
      ...(certain ? { fix: a } : {}),
      weight: certain ? ERROR_WEIGHTS.character : ERROR_WEIGHTS.none,
      zh: certain ? `“${a}${a}”多了一个“${a}”` : `“${a}${a}”重复，请确认`,
      en: certain ? `"${a}${a}": one "${a}" too many` : `"${a}${a}" is doubled; please confirm`,
    });
    i++;
  }
  // A two-character word written twice (我们我们): a likely slip, unless it is a verb reduplication.
  for (const m of text.matchAll(DOUBLED_WORD_RE)) {
    const w = m[1];
    const [first, second] = w;
    if (first === second) continue;
    const likelySlip = NEVER_REDUPLICATED.has(w);
    emit({ rule: 'doubled-word', severity: likelySlip ? 'warning' : 'info', offset: m.index!, length: m[0].length, weight: ERROR_WEIGHTS.none, zh: `“${w}”连写两次，请确认（动词重叠如“研究研究”除外）`, en: `"${w}" written twice; please confirm (verb reduplication such as 研究研究 is fine)` });
  }
}

function checkNumbers(text: string, emit: Emit): void {
  // 5+ digit integers in running text may take thousands grouping (GB/T 15835 §5.1.3 allows it).
  for (const m of text.matchAll(/(?<![0-9A-Za-z.,\-])[0-9]{5,}(?![0-9A-Za-z年号\-])/g)) {
    const n = m[0];
    if (n.length > 12) continue; // codes and phone numbers
    const grouped = n.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    emit({ rule: 'number-grouping', severity: 'info', offset: m.index!, length: n.length, weight: ERROR_WEIGHTS.none, zh: `多位数“${n}”可分节写作“${grouped}”（全版统一即可）`, en: `"${n}" may be grouped as "${grouped}" (be consistent on the page)` });
  }
}

function checkSpaces(text: string, emit: Emit, spacedTo: number): void {
  for (const m of text.matchAll(SPACE_BETWEEN_HAN_RE)) {
    if (m.index! <= spacedTo || setSpace(text, m.index!)) continue;
    emit({ rule: 'space-between-han', severity: 'error', offset: m.index!, length: m[0].length, fix: '', weight: ERROR_WEIGHTS.punctuation, zh: '两个汉字之间有空格', en: 'Space between two Han characters' });
  }
}

/**
 * A full-width space print sets on purpose: the letter-spaced sign closing a note (——编　者), or the space
 * between the halves of a title quoted or named in the text (“节约食物　反对浪费”系列报道, 《…发展　推进…计划》): field tests 36, 38, 42.
 */
function setSpace(text: string, at: number): boolean {
  if (text[at] !== '\u3000') return false;
  if (SIGN_END_RE.test(text.slice(Math.max(0, at - 4)))) return true;
  // (Han and full-width spaces only: a title, not a quoted sentence; in 《》 too, a document's, 《深化智慧城市发展　推进全域数字化转型行动计划》: field test 42)
  return ([['“', '”', QUOTED_TITLE_MAX], ['《', '》', NAMED_TITLE_MAX]] as const).some(([o, c, most]) => {
    const quoted = enclosed(text, at, o, c);
    return !!quoted && [...quoted].length <= most && [...quoted].every((ch) => isHanChar(ch) || ch === '\u3000');
  });
}

/** The text between the marks `open` and `close` that enclose position `at` ('' when none do). */
function enclosed(text: string, at: number, open: string, close: string): string {
  const from = text.lastIndexOf(open, at);
  const to = text.indexOf(close, at);
  return from >= 0 && to > at && text.lastIndexOf(close, at) < from ? text.slice(from + 1, to) : '';
}

/** The name opening a paragraph that is an item of a list of people, with an item of it beside it in the same story (`namedItem`). */
function listedName(text: string, before: string | undefined, after: string | undefined): string | undefined {
  const name = namedItem(text);
  return name && [before, after].some((p) => p !== undefined && namedItem(p) !== undefined) ? name : undefined;
}

/** A two-character sign, letter-spaced, closing the text after a dash: ——编　者. */
const SIGN_END_RE = new RegExp(`——[${HAN_IDEOGRAPHS}]\u3000[${HAN_IDEOGRAPHS}]$`, 'u');
/** A quoted title with a full-width space between its halves runs to at most this many characters. */
const QUOTED_TITLE_MAX = 16;
/** The longest title named in 《》 whose full-width space is set on purpose: a document's runs long. */
const NAMED_TITLE_MAX = 40;

export interface TextCheckOptions {
  /** Fields with deliberate spaces (headline halves, byline fields) skip the Han-space rule. */
  allowSpaces?: boolean;
  /** Spaces up to this offset are deliberate (a listed person's name and the space after it). */
  spacedTo?: number;
  nextParagraph?: string;
}

/** All single-paragraph rules on one text. */
export function checkText(text: string, options: TextCheckOptions = {}): Finding[] {
  const out: Finding[] = [];
  const emit: Emit = (f) => out.push({ ...f, excerpt: excerpt(text, f.offset, f.length) });
  checkHalfwidthPunctuation(text, emit);
  checkFullwidthAlphanumeric(text, emit);
  checkPairs(text, options.nextParagraph, emit);
  checkMarkForms(text, emit);
  checkDoubles(text, emit);
  checkNumbers(text, emit);
  if (!options.allowSpaces) checkSpaces(text, emit, options.spacedTo ?? -1);
  for (const rule of TEXT_RULES) rule(text, emit);
  return out.sort((a, b) => a.offset - b.offset || a.rule.localeCompare(b.rule));
}

export interface Located {
  articleId: string;
  field: Field;
  paragraph: number;
  text: string;
  /** A body paragraph that is a subhead (小标题). */
  heading?: boolean;
}

export function articleTexts(a: Article): Located[] {
  const out: Located[] = [];
  if (a.column?.trim()) out.push({ articleId: a.id, field: 'column', paragraph: 0, text: a.column });
  for (const field of ARTICLE_TEXT_FIELDS) {
    if (a[field].trim()) out.push({ articleId: a.id, field, paragraph: 0, text: a[field] });
  }
  printableParagraphs(a.body).forEach((p, i) => out.push({ articleId: a.id, field: 'body', paragraph: i, text: p.spans.map((s) => s.text).join(''), ...(p.kind === 'heading' ? { heading: true } : {}) }));
  return out;
}

/** The page header's printed texts: 报头 and 版头 (the credits line holds names only and is not read). */
export function headerTexts(h: PageHeader, articleId = PAGE_HEADER_ID): Located[] {
  const out: Located[] = [];
  if (h.height <= 0) return out;
  if (h.paperName.trim()) out.push({ articleId, field: 'masthead', paragraph: 0, text: h.paperName });
  const head = runningHead(h);
  if (head.trim()) out.push({ articleId, field: 'runningHead', paragraph: 0, text: head });
  return out;
}

/**
 * Page-wide consistency: one style per kind of number (年份, 百分数). A span number-two-ways reported
 * (the same figure written two ways, each place naming the other) is that rule's: `taken` skips it,
 * so a place gets one finding, not two.
 */
function checkNumberStyles(texts: Located[], taken: readonly PlacedFinding[]): PlacedFinding[] {
  const isTaken = (t: Located, m: RegExpMatchArray): boolean =>
    taken.some((f) => f.rule === 'number-two-ways' && f.articleId === t.articleId && f.field === t.field && f.paragraph === t.paragraph && f.offset < m.index! + m[0].length && m.index! < f.offset + f.length);
  const kinds = [
    { name: '年份', en: 'years', arabic: /(?<![0-9])[12][0-9]{3}年/g, chinese: /[一二三四五六七八九〇零]{4}年/g },
    { name: '百分数', en: 'percentages', arabic: /[0-9.]+%/g, chinese: /百分之[一二三四五六七八九十百零点两]+/g },
  ];
  const out: PlacedFinding[] = [];
  for (const kind of kinds) {
    const found = { arabic: [] as [Located, RegExpMatchArray][], chinese: [] as [Located, RegExpMatchArray][] };
    for (const t of texts) {
      for (const m of t.text.matchAll(kind.arabic)) found.arabic.push([t, m]);
      for (const m of t.text.matchAll(kind.chinese)) found.chinese.push([t, m]);
    }
    if (found.arabic.length === 0 || found.chinese.length === 0) continue;
    const minority = found.arabic.length >= found.chinese.length ? found.chinese : found.arabic;
    for (const [t, m] of minority) {
      if (isTaken(t, m)) continue;
      out.push({
        rule: 'mixed-number-style',
        severity: 'warning',
        offset: m.index!,
        length: m[0].length,
        excerpt: excerpt(t.text, m.index!, m[0].length),
        weight: ERROR_WEIGHTS.numberUsage,
        zh: `本版${kind.name}写法不统一：“${m[0]}”与多数写法不同`,
        en: `${kind.en} are written two ways on this page: "${m[0]}" differs from most`,
        articleId: t.articleId,
        field: t.field,
        paragraph: t.paragraph,
      });
    }
  }
  return out;
}

export interface PageCheck {
  findings: PlacedFinding[];
  /** Characters of text checked (code points that are not blank); the rate's denominator is `rate.characters`. */
  characters: number;
  /** Counted errors (error-rate.ts countErrors). */
  errors: number;
  /** 差错率 per 10,000 characters (万分之…); newspapers pass at ≤ 3. */
  errorRatePer10k: number;
  /** The whole figure: how the characters were counted and whether the page passes (合格). */
  rate: ErrorRate;
}

/** The characters a text counts for in the error rate: every code point that is not blank. */
export function countedCharacters(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/.test(ch)) n++;
  return n;
}

/** What a check reads: the articles, and the page headers printed with them (one per page read). */
export interface CheckedTexts {
  articles: readonly Article[];
  headers?: readonly Located[];
}

/** Every text a check reads on a page, in reading order: the header's, then each article's. */
/**
 * Whether a text is compared with the page's others by the page-wide rules (a figure or a name written two ways,
 * one style per kind of number): not the header's, whose date the paper prints in its own style (2026年6月3日 over
 * a deck's 二〇二六年度 is no inconsistency: field test 44).
 */
export function comparedText(t: Located): boolean {
  return t.field !== 'masthead' && t.field !== 'runningHead';
}

export function pageTexts(doc: CheckedTexts): Located[] {
  return [...(doc.headers ?? []), ...doc.articles.flatMap(articleTexts)];
}

/** Every finding of the page's articles and header texts (placed or not), without the rate. */
export function findPageFindings(doc: CheckedTexts): { findings: PlacedFinding[]; textCharacters: number } {
  const texts = pageTexts(doc);
  const findings: PlacedFinding[] = [];
  texts.forEach((t, i) => {
    const story = (p: (typeof texts)[number] | undefined): string | undefined => (t.field === 'body' && p?.articleId === t.articleId && p.field === 'body' ? p.text : undefined);
    const nextParagraph = story(texts[i + 1]);
    // Headline halves, byline fields and the names in a lead (本报讯（记者 李雅君）) keep their spaces; so do a
    // subhead's halves (保持底色　增添创意) and a 组合报道 part's byline line in the body (本报记者　吴　君): field test 38;
    // so do the names in a list of people, a line each, beside another (熊　智　…总监): field test 40.
    const allowSpaces = t.field !== 'body' || !!t.heading || !!bylineLine(t.text);
    const name = t.field === 'body' && !t.heading ? listedName(t.text, story(texts[i - 1]), nextParagraph) : undefined;
    for (const f of checkText(t.text, { allowSpaces, spacedTo: name?.length, nextParagraph })) findings.push({ ...f, articleId: t.articleId, field: t.field, paragraph: t.paragraph });
  });
  const pageWide: PlacedFinding[] = [];
  const compared = texts.filter(comparedText);
  for (const rule of PAGE_RULES) {
    rule(compared.map((t) => t.text), (i, f) => pageWide.push({ ...f, excerpt: excerpt(compared[i].text, f.offset, f.length), articleId: compared[i].articleId, field: compared[i].field, paragraph: compared[i].paragraph }));
  }
  findings.push(...checkNumberStyles(compared, pageWide), ...pageWide);
  // the articles' own text: header and column heads are counted as the room they take on a page (error-rate.ts)
  const counted = texts.filter((t) => !(PAGE_TEXT_PARTS as readonly string[]).includes(t.field));
  return { findings, textCharacters: counted.reduce((n, t) => n + countedCharacters(t.text), 0) };
}

/** The articles a page prints (an article block sets them) and those only on its list (未上版). */
export function splitPlaced(articles: readonly Article[], blocks: readonly Block[]): { placed: Article[]; unplaced: Article[] } {
  const set = new Set(blocks.flatMap((b) => (b.kind === 'article' ? [b.articleId] : [])));
  return { placed: articles.filter((a) => set.has(a.id)), unplaced: articles.filter((a) => !set.has(a.id)) };
}

/** Findings in articles the page does not print: checked on their own (no page-wide rule pairs them with the page), marked. */
export function unplacedFindings(articles: readonly Article[]): PlacedFinding[] {
  return articles.length ? findPageFindings({ articles }).findings.map((f) => ({ ...f, unplaced: true as const })) : [];
}

/**
 * Runs every rule on every text of the page's articles and counts the 差错率 (error-rate.ts): over
 * the page area when the page's settings are given (a laid-out page), else over the text. With the
 * page's blocks, an article no block sets is checked apart and its findings marked `unplaced`.
 */
export function checkDocument(doc: Pick<BanmianDocument, 'articles'> & { page?: PageSettings; blocks?: readonly Block[] }): PageCheck {
  const { placed, unplaced } = doc.blocks ? splitPlaced(doc.articles, doc.blocks) : { placed: doc.articles, unplaced: [] };
  const { findings, textCharacters } = findPageFindings({ articles: placed, headers: doc.page ? headerTexts(doc.page.header) : [] });
  findings.push(...unplacedFindings(unplaced));
  const rate = doc.page ? errorRate(findings, pageAreaCharacters(doc.page), 'page-area') : errorRate(findings, textCharacters, 'text');
  return { findings, characters: textCharacters, errors: rate.errors, errorRatePer10k: rate.per10k, rate };
}

/** Applies a certain fix to a text (offsets of later findings shift; apply from the end). */
export function applyFix(text: string, f: Pick<Finding, 'offset' | 'length' | 'fix'>): string {
  if (f.fix === undefined) return text;
  return text.slice(0, f.offset) + f.fix + text.slice(f.offset + f.length);
}
