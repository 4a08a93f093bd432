import { ERROR_WEIGHTS } from '../weights';
import type { PageRule } from './rule';

/**
 * A person named two ways on one page (区委书记谢峰 … 书记谢锋). Names are taken only where they are
 * certain: right after a title and right before a word that ends a name (说, 表示, 在, a stop…). Two
 * names with the same surname and length that differ in one character are reported as a warning to
 * confirm (two different people may be meant), never as an error.
 */
const TITLES = '书记|市长|区长|县长|镇长|乡长|省长|主任|局长|处长|科长|部长|厅长|院长|校长|所长|站长|队长|董事长|总经理|经理|主席|委员|记者|通讯员|村支书|支书|代表|教授|研究员|工程师';
const NAME_END = '说|报道|摄|表示|指出|介绍|强调|认为|坦言|告诉|在|是|一行|同志|等|，|。|、|；|：|（|”';
/** The title is matched, not looked behind for: a literal start is what keeps the scan of a page fast. */
const NAME = new RegExp(`(?:${TITLES})([\\p{Script=Han}]{2,3}?)(?=(?:${NAME_END}))`, 'gu');

/** A name where it was found: the name, the text (by index) and the offset in it. */
export interface NameAt {
  name: string;
  at: number;
  offset: number;
}

export function differsInOneCharacter(a: string, b: string): boolean {
  if (a.length !== b.length || a[0] !== b[0]) return false;
  let diff = 0;
  for (let i = 1; i < a.length; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

/** Every name the texts give after a title (a page's texts, or an edition's). */
export function namesIn(texts: readonly string[]): NameAt[] {
  const names: NameAt[] = [];
  texts.forEach((t, at) => {
    for (const m of t.matchAll(NAME)) names.push({ name: m[1], at, offset: m.index! + m[0].length - m[1].length });
  });
  return names;
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
    for (const name of bucket) (twins.get(name) ?? twins.set(name, []).get(name)!).push(...bucket.filter((o) => o !== name));
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
    emit(n.at, { rule: 'name-two-ways', severity: 'warning', offset: n.offset, length: n.name.length, weight: ERROR_WEIGHTS.none, zh: `本版人名写法不一：“${n.name}”与“${other}”，请核对`, en: `A name is written two ways on this page: "${n.name}" and "${other}"; please confirm` });
  }
};
