import type { Article } from '../../model/document';
import type { DismissedFinding } from '../../model/proof';
import { storyId } from '../../model/story-parts';
import { articleTexts, excerpt, PAGE_HEADER_ID, type Located, type PlacedFinding } from '../checks';
import type { BannedExpression } from './banned.data';
import { bannedIndex, findBanned } from './banned';

/**
 * A paper's house lists (issue 19 item 5), read from a JSON file (`check --house FILE`):
 * - `words`: names and terms the paper spells its own way; a finding of a word rule (below) that lies
 *   inside one of them is dropped;
 * - `ignore`: findings the 校对 dismissed, each `{ rule, text }` (the rule and the text it found);
 * - `banned`: the paper's own banned or regulated expressions, `{ expression, preferred }`, on top of
 *   the default list (`banned.data.ts`); `defaultBanned: false` leaves the default list out.
 */
export interface HouseLists {
  words: string[];
  ignore: { rule: string; text: string }[];
  banned: { expression: string; preferred: string }[];
  defaultBanned: boolean;
}

export const NO_HOUSE_LISTS: HouseLists = { words: [], ignore: [], banned: [], defaultBanned: true };

/** The rules a house word silences: those that judge a word's spelling or script. */
export const WORD_RULES: readonly string[] = ['wrong-word', 'variant-word', 'confusable-word', 'traditional-character', 'variant-character', 'name-two-ways', 'banned-expression'];

/** Bounds on a house-list file, so a wrong file fails fast instead of filling memory. */
export const HOUSE_LIMITS = { bytes: 2_000_000, entries: 20_000, entryChars: 100 } as const;

export type HouseParse = { ok: true; lists: HouseLists } | { ok: false; zh: string; en: string };

const KEYS = ['words', 'ignore', 'banned', 'defaultBanned'];

/** Reads a house-list file's text; any problem is named with the file and the field. */
export function parseHouseLists(text: string, file: string): HouseParse {
  const fail = (zh: string, en: string): HouseParse => ({ ok: false, zh: `本报词表 ${file}：${zh}`, en: `house lists ${file}: ${en}` });
  if (text.length > HOUSE_LIMITS.bytes) return fail(`文件过大（上限 ${HOUSE_LIMITS.bytes} 字符）`, `the file is too large (at most ${HOUSE_LIMITS.bytes} characters)`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(`不是有效的 JSON（${(e as Error).message}）`, `not valid JSON (${(e as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('应为一个对象，含 words、ignore、banned', 'expected an object with words, ignore, banned');
  const o = data as Record<string, unknown>;
  const unknown = Object.keys(o).find((k) => !KEYS.includes(k));
  if (unknown) return fail(`未知字段“${unknown}”（可用：${KEYS.join('、')}）`, `unknown field "${unknown}" (known: ${KEYS.join(', ')})`);
  if (o.defaultBanned !== undefined && typeof o.defaultBanned !== 'boolean') return fail('defaultBanned 应为 true 或 false', 'defaultBanned must be true or false');
  const words = list(o.words, 'words', (v) => (isEntry(v) ? v : undefined));
  const ignore = list(o.ignore, 'ignore', (v) => (isRecord(v) && isEntry(v.rule) && isEntry(v.text) ? { rule: v.rule, text: v.text } : undefined));
  const banned = list(o.banned, 'banned', (v) => (isRecord(v) && isEntry(v.expression) && (v.preferred === undefined || isString(v.preferred)) ? { expression: v.expression, preferred: (v.preferred as string | undefined) ?? '' } : undefined));
  if ('zh' in words) return fail(words.zh, words.en);
  if ('zh' in ignore) return fail(ignore.zh, ignore.en);
  if ('zh' in banned) return fail(banned.zh, banned.en);
  return { ok: true, lists: { words: words.items, ignore: ignore.items, banned: banned.items, defaultBanned: o.defaultBanned !== false } };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string' && v.length <= HOUSE_LIMITS.entryChars;
const isEntry = (v: unknown): v is string => isString(v) && v.trim().length > 0;

type Listed<T> = { items: T[] } | { zh: string; en: string };

function list<T>(value: unknown, field: string, read: (v: unknown) => T | undefined): Listed<T> {
  if (value === undefined) return { items: [] };
  if (!Array.isArray(value)) return { zh: `${field} 应为数组`, en: `${field} must be an array` };
  if (value.length > HOUSE_LIMITS.entries) return { zh: `${field} 条目过多（上限 ${HOUSE_LIMITS.entries}）`, en: `${field} has too many entries (at most ${HOUSE_LIMITS.entries})` };
  const items: T[] = [];
  for (let i = 0; i < value.length; i++) {
    const item = read(value[i]);
    if (item === undefined) return { zh: `${field} 第 ${i + 1} 条格式不对（非空字符串，至多 ${HOUSE_LIMITS.entryChars} 字）`, en: `${field} entry ${i + 1} is malformed (non-empty strings of at most ${HOUSE_LIMITS.entryChars} characters)` };
    items.push(item);
  }
  return { items };
}

/**
 * A page's findings under its house lists: the findings a house word or a dismissal covers dropped,
 * the default banned list's findings dropped when the paper turned it off, the paper's own banned
 * expressions added (warnings that weigh nothing, like the default list's).
 */
export function applyHouseLists(articles: readonly Article[], findings: readonly PlacedFinding[], lists: HouseLists, headers: readonly Located[] = []): PlacedFinding[] {
  const texts = new Map([...headers, ...articles.flatMap(articleTexts)].map((t) => [`${t.articleId}\u0000${t.field}\u0000${t.paragraph}`, t]));
  const textOf = (f: PlacedFinding): string => texts.get(`${f.articleId}\u0000${f.field}\u0000${f.paragraph}`)?.text ?? '';
  const ignored = new Set(lists.ignore.map((e) => `${e.rule}\u0000${e.text}`));
  // The paper's own entry for an expression the default list has too replaces the default's.
  const own = new Set(lists.banned.map((b) => b.expression));
  const kept = findings.filter((f) => {
    const text = textOf(f);
    const found = text.slice(f.offset, f.offset + f.length);
    if (ignored.has(`${f.rule}\u0000${found}`)) return false;
    if (f.rule === 'banned-expression' && (!lists.defaultBanned || own.has(found))) return false;
    return !(WORD_RULES.includes(f.rule) && insideHouseWord(text, f.offset, f.length, lists.words));
  });
  if (lists.banned.length === 0) return kept;
  const index = bannedIndex(lists.banned.map((b): BannedExpression => ({ ...b, source: '本报禁用词表 / house list' })));
  for (const t of texts.values()) {
    findBanned(t.text, index, (f) => {
      const found = t.text.slice(f.offset, f.offset + f.length);
      if (ignored.has(`${f.rule}\u0000${found}`)) return;
      kept.push({ ...f, excerpt: excerpt(t.text, f.offset, f.length), articleId: t.articleId, field: t.field, paragraph: t.paragraph });
    });
  }
  return kept;
}

/**
 * A page's findings without those its 校对 dismissed, article by article (the page file keeps each
 * article's dismissals with it): a finding goes when its article's list has its rule and the text it
 * found. A chained story's parts (s, s-续: model/story-parts.ts) are one article here: a dismissal in
 * one part holds in all. The page header's texts (`headers`, under PAGE_HEADER_ID) are read the same way.
 */
export function dropDismissed(articles: readonly Article[], findings: readonly PlacedFinding[], byArticle: ReadonlyMap<string, readonly DismissedFinding[]>, headers: readonly Located[] = []): PlacedFinding[] {
  if (byArticle.size === 0) return [...findings];
  const keys = new Set([...byArticle].flatMap(([id, list]) => list.map((d) => `${storyId(id)}\u0000${d.rule}\u0000${d.text}`)));
  const stories = new Set([...byArticle.keys()].map(storyId));
  const read = [...headers, ...articles.filter((a) => stories.has(storyId(a.id))).flatMap(articleTexts)];
  const texts = new Map(read.map((t) => [`${t.articleId}\u0000${t.field}\u0000${t.paragraph}`, t.text]));
  return findings.filter((f) => {
    if (!stories.has(storyId(f.articleId))) return true;
    const text = texts.get(`${f.articleId}\u0000${f.field}\u0000${f.paragraph}`) ?? '';
    return !keys.has(`${storyId(f.articleId)}\u0000${f.rule}\u0000${text.slice(f.offset, f.offset + f.length)}`);
  });
}

/**
 * An edition's dismissals, every page's together: a story's parts lie on several pages and each
 * page keeps the dismissals made on it (dropDismissed reads a part's under its story). A page
 * header's are that page's own (every page's header findings carry PAGE_HEADER_ID): not pooled.
 */
export function pooledDismissals(pages: readonly (ReadonlyMap<string, readonly DismissedFinding[]> | undefined)[]): Map<string, DismissedFinding[]> {
  const out = new Map<string, DismissedFinding[]>();
  for (const page of pages) for (const [id, list] of page ?? []) if (id !== PAGE_HEADER_ID) out.set(id, [...(out.get(id) ?? []), ...list]);
  return out;
}

/** The dismissals one page of an edition reads: the pooled articles' and its own header's. */
export function pageDismissals(pooled: ReadonlyMap<string, readonly DismissedFinding[]>, own: ReadonlyMap<string, readonly DismissedFinding[]> | undefined): ReadonlyMap<string, readonly DismissedFinding[]> {
  const header = own?.get(PAGE_HEADER_ID);
  return header?.length ? new Map([...pooled, [PAGE_HEADER_ID, header]]) : pooled;
}

/** The text a finding found, as a dismissal records it (in an article, or in the page header's `headers`). */
export function foundText(articles: readonly Article[], f: PlacedFinding, headers: readonly Located[] = []): string {
  const a = articles.find((x) => x.id === f.articleId);
  const t = (a ? articleTexts(a) : headers).find((x) => x.articleId === f.articleId && x.field === f.field && x.paragraph === f.paragraph);
  return t ? t.text.slice(f.offset, f.offset + f.length) : '';
}

/** True when [offset, offset+length) lies inside an occurrence of one of the words. */
function insideHouseWord(text: string, offset: number, length: number, words: readonly string[]): boolean {
  for (const w of words) {
    for (let at = text.indexOf(w, Math.max(0, offset + length - w.length)); at !== -1 && at <= offset; at = text.indexOf(w, at + 1)) {
      if (at + w.length >= offset + length) return true;
    }
  }
  return false;
}
