/**
 * Recognisers for personal names as a Chinese page prints them: alone, padded (王　者), in a list of
 * names, with a post in brackets, in parts set apart by a middle dot (古丽米娜·麦麦提). The surnames and
 * the characters a given name seldom holds are declared here once; roles.ts reads bylines and credits
 * with them.
 */
import { HAN_IDEOGRAPHS as HAN } from '../typeset/chars';
import { MIDDLE_DOTS } from './chars';

/** The middle dots a name's parts are set apart with (古丽米娜·麦麦提; the katakana one and a bullet as OCR reads it). */
const NAME_DOTS = `${MIDDLE_DOTS}•`;
/** A name in a byline or a credit: up to four Han characters, a middle dot among them. Every expression using it takes the `u` flag (HAN names astral ideographs). */
export const NAME = `[${HAN}${MIDDLE_DOTS}]{1,4}`;
export const NAME_RE = new RegExp(`^${NAME}$`, 'u');

/** One name set out a character at a time (许 静, 周 平), as OCR and typesetters leave it. */
export function spacedOutName(tokens: string[]): boolean {
  // (four alone are two names padded, 王　者　李　明: field test 31's review)
  return tokens.length >= 2 && tokens.length <= 3 && tokens.every((t) => [...t].length === 1 && NAME_RE.test(t));
}

/** Two to four personal names and nothing else (刘力 陈卓): under a title line, the byline without its role word. */
const HAN_ONE = new RegExp(`^[${HAN}]$`, 'u');
const NAMES_ONLY_RE = new RegExp(`^[${HAN}]{2,3}(?:[ \\u3000]+[${HAN}]{2,3}){1,3}$`, 'u');

export function namesOnly(text: string): boolean {
  return NAMES_ONLY_RE.test(text.trim());
}

/** About a hundred of the commonest single-character surnames (most people in China), roughly in order of frequency. */
const COMMON_SURNAMES = new Set([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫阎段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文']);

/**
 * A line that is one person's name alone (袁云才, 李红): two or three Han characters, a common surname
 * first; a two-character name padded to three with a space, as a page sets it (王　者, field test 31).
 */
export function personName(text: string): boolean {
  const t = [...unpadded(text)];
  return t.length >= 2 && t.length <= 3 && COMMON_SURNAMES.has(t[0]) && t.every((c) => HAN_ONE.test(c));
}

const PADDED_NAME_RE = /^(\S)[ \u3000]{1,2}(\S)$/u;

/** A name, padded or not, and a post of six Han characters or more in brackets after it, no figures. */
const NAME_WITH_POST_RE = new RegExp(`^([${HAN}][${HAN} \u3000]{1,3})[（(]([${HAN}、，${MIDDLE_DOTS} ]{6,60})[）)]$`, 'u');
/** A post names where (an office, a body) or ends in what the person is (主任, 书记, 研究员, 教授, 代表…). */
const POST_RE = /[省市县区镇乡村委会局厅部院所校司办处室站队中心公司大学协会]|(?:长|任|记|员|授|师|家|表|席|人|者)$/u;

/**
 * A person's name with their post in brackets, as a 对话 or 访谈 lists its speakers: 李亚飞（黑龙江省哈尔滨市人民政府
 * 副秘书长…）, 王　洋（湖北省武汉市发展和改革委员会主任）. A line of the list, never a title (field test 43); not a
 * name with years or a work's kind, 钱学森（1911—2009）, 田野（油画作品）, 高原（组诗选四）: titles (review).
 */
export function personWithPost(text: string): boolean {
  const m = NAME_WITH_POST_RE.exec(text.trim());
  return !!m && personName(m[1]) && POST_RE.test(m[2]);
}

/** A two-character name padded to three with a space, as a page sets a writer's name (阎　安). */
export function paddedName(text: string): boolean {
  return PADDED_NAME_RE.test(text.trim()) && [...unpadded(text)].every((c) => HAN_ONE.test(c));
}

/** A line's text trimmed, a two-character name padded with a space closed up (王　者 → 王者). */
export function unpadded(text: string): string {
  return text.trim().replace(PADDED_NAME_RE, '$1$2');
}

/** Two-character surnames (欧阳晓明): with them a name runs to four characters. */
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '司徒', '皇甫', '东方', '夏侯', '慕容', '令狐'];
/**
 * Characters a given name seldom holds that a short headline, a place or a thing does: words of grammar
 * (谢谢你, 向未来), the ends of places and things (黄石市, 高铁站, 黄金周, 夏令营, 龙抬头) and a label's
 * (关键词: review of field test 41).
 */
const NOT_IN_NAMES = new Set([...'你我他她的了们不在是有这那么吗呢吧着过来去说州市县区镇乡村街路站港湾岛桥馆场店厂局院所队团会节周季营赛展业头面口门楼室部线车机键词']);
/** The most names a byline of names alone lists (张桂芹 吴亚平 杨旭). */
const BYLINE_NAMES_MAX = 4;

/** A two-character name (吕莉): a common surname and a given name free of the characters of places and words; 武汉 passes too, so see its use. */
export function twoCharacterName(text: string): boolean {
  const t = text.trim();
  return [...t].length === 2 && listedName(t);
}

/**
 * Surnames past the hundred commonest (关, 臧, 邢, 谷…), for a name where only a writer's stands: alone
 * right under a manuscript's headings (`headingWriter`). Not those that are everyday words or places too
 * (时, 成, 明, 海, 宁, 华, 冷, 满…), nor those that start one (凌云志, 桂花香, 蓝天下, 童年的: review of field test 43):
 * a short line of them under a heading could be a word.
 */
const MORE_SURNAMES = new Set([
  ...'关臧邢左柳甘祝包尚符舒阮柯毕单季裴霍涂谷曲翁冉骆辛靳欧柴鲍喻蒲房滕屈饶牟艾尤穆司卓吉缪车项连芦褚娄窦戚岑费卜晏席米柏宗瞿佟闵苟邬卞姬栾隋刁沙巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝封谈匡鞠荆郁胥班储栗鄢谌奚皮粟冼蔺闻厉伊仝郜阚权帅屠朴盖练禹祖漆支卿狄索扈晁芮阙浦戈伏鹿薄邸雍辜裘亓邰赫杭况宿逯茹诸慕亢嵇湛宾戎勾茅揭尉冶檀衣阴昝幸奉植尧訚逄伍聂景樊倪翟詹俞祁洪葛施殷',
]);

/**
 * A writer's name alone as a manuscript sets it right under its headings (关永强, 臧秀玲, 邢　雷): three
 * Han characters, or two padded to three, a surname of the commonest or of MORE_SURNAMES first, the
 * given name free of the characters of places and words (field test 41; two alone are words as often:
 * 宁夏, 童心, review).
 */
export function headingWriter(text: string): boolean {
  const t = [...unpadded(text)];
  const surname = COMMON_SURNAMES.has(t[0]) || MORE_SURNAMES.has(t[0]);
  return surname && (t.length === 3 || paddedName(text)) && t.every((c, k) => HAN_ONE.test(c) && (k === 0 || !NOT_IN_NAMES.has(c)));
}

const NAME_DOT_RE = new RegExp(`[${NAME_DOTS}]`, 'u');
/** A name in two or three parts set apart by a middle dot, as a Uyghur, Tibetan or foreign name is written (古丽米娜·麦麦提, 埃隆·马斯克). */
const DOTTED_NAME_RE = new RegExp(`^[${HAN}]{1,6}(?:[${NAME_DOTS}][${HAN}]{1,6}){1,2}$`, 'u');

/** A name's parts as its middle dots set them apart (古丽米娜·麦麦提 → 古丽米娜, 麦麦提); a name of one part whole. */
export function nameParts(text: string): string[] {
  return text.split(NAME_DOT_RE);
}

/**
 * Whether a line is a name in parts set apart by a middle dot (DOTTED_NAME_RE): a writer's right under a
 * manuscript's headings (field test 42). Only there: over the headline, or labelled, 民生一线·职业教育观察 is a 栏目.
 */
export function dottedName(text: string): boolean {
  // (most of its characters those a name of another language is written in: 云南·普洱, 新时代·新征程 are not names, review of field test 42)
  return DOTTED_NAME_RE.test(text.trim()) && transliterated(nameParts(text.trim()).join(''));
}

/** Whether most of a name's characters (TRANSLITERATED_SHARE) are those a name of another language is written in (海来阿木, 古丽米娜). */
function transliterated(name: string): boolean {
  const chars = [...name];
  return chars.filter((c) => TRANSLITERATION.has(c)).length >= chars.length * TRANSLITERATED_SHARE;
}

/**
 * A writer's name of two to four characters alone, where the text says a writer signs it (a note on its
 * writer closes it): a common surname's (王拥军, 李红), or one of another language's (海来阿木, field test 47);
 * not a title's words (初心, 实践要求, 行走日记: review of field test 47).
 */
export function signingName(text: string): boolean {
  const t = unpadded(text);
  const chars = [...t];
  return listedName(t) || headingWriter(text) || (chars.length >= 3 && chars.length <= 4 && chars.every((c) => HAN_ONE.test(c)) && transliterated(t));
}

/** Characters names of other languages are written in (古丽米娜·麦麦提, 埃隆·马斯克, 扎西·次仁), the commonest. */
const TRANSLITERATION = new Set([
  ...'阿艾爱埃安奥巴拜班邦鲍贝本比毕波伯布查达代丹道德迪丁东杜多厄尔法菲费夫弗福盖甘戈格古哈海汉豪赫亨胡霍吉加贾杰金卡凯坎康柯科克肯库拉莱兰朗劳勒雷里丽利莉林琳隆卢鲁伦罗洛马玛迈麦曼梅蒙米敏莫姆穆纳娜奈尼努诺欧帕潘佩皮普奇乔切热瑞萨塞桑森沙莎舍斯松苏索塔泰坦汤唐特提图托瓦万威维温沃乌西希夏谢辛雅亚扬耶伊依因尤约扎詹兹佐木汗江吐买合孜措旺卓次仁顿珠央增群培白琼',
]);

/** The least share of a dotted name's characters in TRANSLITERATION. */
const TRANSLITERATED_SHARE = 0.7;

/** One person's name in a list of names: a common surname (or a two-character one) and a given name of one or two characters. */
export function listedName(name: string): boolean {
  const t = [...name];
  const surname = COMPOUND_SURNAMES.some((s) => name.startsWith(s)) ? 2 : COMMON_SURNAMES.has(t[0]) ? 1 : 0;
  return surname > 0 && t.length > surname && t.length <= surname + 2 && t.every((c, k) => HAN_ONE.test(c) && (k < surname || !NOT_IN_NAMES.has(c)));
}

/**
 * A line of names and nothing else, the byline a copy desk sets under its titles with no role word:
 * 张桂芹 吴亚平 杨旭, 张建设、周乔也, or one name alone (陈向阳, or two characters spaced out as
 * typesetters pad them: 李　红). Every name needs a common surname and a given name free of the
 * characters of places and words (NOT_IN_NAMES); a name alone, which a short headline can look
 * like, needs three characters. Still a guess: 马拉松 passes, so the import reports it for review.
 */
export function bylineNames(text: string): boolean {
  const split = text.trim().split(/[\s、，,]+/u).filter(Boolean);
  if (!split.length) return false;
  if (spacedOutName(split)) return split.length <= 3 && listedName(split.join(''));
  // (only beside a name of more characters: four alone may be a title spaced out, 高  原  高  峰, review of field 55)
  const tokens = split.some((t) => [...t].length > 1) ? closedUp(split) : split;
  if (tokens.length === 1) return [...tokens[0]].length === 3 && listedName(tokens[0]);
  return tokens.length <= BYLINE_NAMES_MAX && tokens.every(listedName);
}

/**
 * A list of names' tokens with each two-character name padded apart closed up: two characters alone
 * side by side are one name (程志强  蒋  承 → 程志强, 蒋承: field test 55 P2, a byline read as the headline).
 */
function closedUp(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const pair = [...tokens[i]].length === 1 && i + 1 < tokens.length && [...tokens[i + 1]].length === 1;
    out.push(pair ? tokens[i] + tokens[++i] : tokens[i]);
  }
  return out;
}
