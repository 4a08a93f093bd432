import { ERROR_WEIGHTS } from '../weights';
import type { PageRule } from './rule';

/**
 * A person or a place named two ways on one page (区委书记谢峰 … 书记谢锋, 涧西区 … 涧溪区). Names are
 * taken only where they are certain: a person's right after a title and right before a word that ends
 * a name (说, 表示, 在, a stop…); a place's as two characters and its 省/市/区/县/镇/乡 where a place
 * can start (after a stop, 在, 从, another place…) and the suffix is not part of a longer word (市场,
 * 区委, 乡村). Two names with the same first character, length and (for places) suffix that differ in
 * one character are reported as a warning to confirm (two people or places may be meant), never as an
 * error; a pair that differs only by a direction or a size (山东/山西, 新城/老城) is two places.
 */
const TITLES = '书记|市长|区长|县长|镇长|乡长|省长|主任|局长|处长|科长|部长|厅长|院长|校长|所长|站长|队长|董事长|总经理|经理|主席|委员|记者|通讯员|村支书|支书|代表|教授|研究员|工程师';
const NAME_END = '说|报道|摄|表示|指出|介绍|强调|认为|坦言|告诉|在|是|一行|同志|等|，|。|、|；|：|（|”';
/** The title is matched, not looked behind for: a literal start is what keeps the scan of a page fast. */
const NAME = new RegExp(`(?:${TITLES})([\\p{Script=Han}]{2,3}?)(?=(?:${NAME_END}))`, 'gu');

/** For each place suffix, the characters that make a common noun with it (小区, 城市, 全省): no place ends so. */
const PLACE_NOUNS: Readonly<Record<string, string>> = {
  省: '全本外各分',
  市: '城都超股汇楼车夜菜花早集全本各外',
  区: '小社园城片辖新景街山牧灾郊市地专特矿校营战分',
  县: '郡州全本各',
  镇: '城乡小集全本各',
  乡: '城家老故下回异他水全本各',
};
/** What may stand before a place name (besides the text's start and anything not Han), and what starts a phrase rather than a name (在全市, 对全省, 进小区). */
const PLACE_AFTER = '在到赴从于自往省市区县与和及';
const NOT_PLACE_START = '在到从赴全本该各我其此每这那同城市省县区对以和进好聚助盘不一中小';
/** After these the suffix is the start of another word (市场, 区委, 县域, 乡村). */
const SUFFIX_WORDS = '长委民场内外域级属直里面政容府辖村镇亲土愁贤情音城';
const PLACE_SUFFIX = new RegExp(`[${Object.keys(PLACE_NOUNS).join('')}]`, 'g');
const HAN = /^\p{Script=Han}+$/u;
/** Two names that differ only in one of these are two places or people (山东/山西, 新城/老城), not a slip; so do 洛阳市/洛阳县. */
const CONTRASTS = '东西南北中上下前后内外左右新老旧大小高低';

export type NameKind = 'person' | 'place';
export const NAME_KIND_LABELS: Readonly<Record<NameKind, { zh: string; en: string }>> = { person: { zh: '人名', en: 'name' }, place: { zh: '地名', en: 'place name' } };

/** A name where it was found: the name, the text (by index) and the offset in it. */
export interface NameAt {
  name: string;
  at: number;
  offset: number;
  kind: NameKind;
}

/** Characters that, differing, tell two people or places apart rather than one written two ways. */
const telling = (a: string, b: string, last: boolean): boolean => (CONTRASTS.includes(a) && CONTRASTS.includes(b)) || (last && a in PLACE_NOUNS && b in PLACE_NOUNS);

export function differsInOneCharacter(a: string, b: string): boolean {
  if (a.length !== b.length || a[0] !== b[0]) return false;
  let diff = 0;
  let at = 0;
  for (let i = 1; i < a.length; i++) if (a[i] !== b[i]) (diff++, (at = i));
  return diff === 1 && !telling(a[at], b[at], at === a.length - 1);
}

/**
 * Two Han characters and the suffix at `i` make a place: they start where a place can, do not start
 * a phrase, and make no common noun (小区) or longer word (市场) with the suffix. Found from the suffix
 * (a literal scan) rather than by a lookbehind at every character, which made the page rules slower.
 */
function isPlace(t: string, i: number): boolean {
  const root = t.slice(i - 2, i);
  if (i < 2 || !HAN.test(root) || NOT_PLACE_START.includes(root[0]) || PLACE_NOUNS[t[i]].includes(root[1])) return false;
  if (SUFFIX_WORDS.includes(t[i + 1] ?? '\u0000')) return false;
  const before = t[i - 3];
  return before === undefined || PLACE_AFTER.includes(before) || !HAN.test(before);
}

/** Every name the texts give: a person's after a title, a place's before its suffix (a page's texts, or an edition's). */
export function namesIn(texts: readonly string[]): NameAt[] {
  const names: NameAt[] = [];
  texts.forEach((t, at) => {
    for (const m of t.matchAll(NAME)) names.push({ name: m[1], at, offset: m.index! + m[0].length - m[1].length, kind: 'person' });
    for (const m of t.matchAll(PLACE_SUFFIX)) if (isPlace(t, m.index!)) names.push({ name: t.slice(m.index! - 2, m.index! + 1), at, offset: m.index! - 2, kind: 'place' });
  });
  return names.sort((a, b) => a.at - b.at || a.offset - b.offset);
}

/**
 * For each name, the names a character away from it (differsInOneCharacter), in the order given. Indexed
 * by the name with one character after the surname blanked: two names a character apart share exactly
 * one such key and other names none, so an edition's thousands of names are not compared pair by pair.
 */
export function twinsOf(names: Iterable<string>): Map<string, string[]> {
  const order = new Map<string, number>();
  const buckets = new Map<string, string[]>();
  for (const name of names) {
    if (order.has(name)) continue;
    order.set(name, order.size);
    for (let i = 1; i < name.length; i++) {
      const key = `${name.slice(0, i)}\u0000${name.slice(i + 1)}`;
      (buckets.get(key) ?? buckets.set(key, []).get(key)!).push(name);
    }
  }
  const twins = new Map<string, string[]>();
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue;
    for (const name of bucket) (twins.get(name) ?? twins.set(name, []).get(name)!).push(...bucket.filter((o) => o !== name && differsInOneCharacter(name, o)));
  }
  for (const list of twins.values()) list.sort((a, b) => order.get(a)! - order.get(b)!);
  return twins;
}

/** How often each name is written. */
export function nameCounts(names: readonly NameAt[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n.name, (counts.get(n.name) ?? 0) + 1);
  return counts;
}

export const checkNameVariants: PageRule = (texts, emit) => {
  const names = namesIn(texts);
  const counts = nameCounts(names);
  const twins = twinsOf(counts.keys());
  for (const n of names) {
    const other = twins.get(n.name)?.[0];
    // The rarer spelling is the suspect one; on a tie both are shown.
    if (!other || counts.get(other)! < counts.get(n.name)!) continue;
    const label = NAME_KIND_LABELS[n.kind];
    emit(n.at, { rule: 'name-two-ways', severity: 'warning', offset: n.offset, length: n.name.length, weight: ERROR_WEIGHTS.none, zh: `本版${label.zh}写法不一：“${n.name}”与“${other}”，请核对`, en: `A ${label.en} is written two ways on this page: "${n.name}" and "${other}"; please confirm` });
  }
};
