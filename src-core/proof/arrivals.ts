import { UNKNOWN_AUTHOR, type OpenMark } from '../model/proof';

/**
 * The open marks of a page (pending suggestions and unresolved comment threads), for the badge on
 * the 校对 button, and what arrived from other desks since the last look, for a short notice.
 */

export type { OpenMark };

/** openSuggestions' author for a mark whose meta is not (yet) there. */
export const UNKNOWN = UNKNOWN_AUTHOR;

export interface Arrival {
  author: string;
  suggestions: number;
  comments: number;
}

/** Marks in `now` not in `seen` and not made by `me`, counted per author (in order of first arrival). */
export function arrivals(seen: ReadonlySet<string>, now: readonly OpenMark[], me: string): Arrival[] {
  const by = new Map<string, Arrival>();
  for (const m of now) {
    // A mark whose meta has not arrived yet ('?') is told once it has, with its author.
    if (seen.has(m.id) || m.author === me || m.author === UNKNOWN) continue;
    const a = by.get(m.author) ?? { author: m.author, suggestions: 0, comments: 0 };
    if (m.kind === 'suggestion') a.suggestions++;
    else a.comments++;
    by.set(m.author, a);
  }
  return [...by.values()];
}

/** "赵校对 新增 2 处校改、1 条批注" / "赵校对 added 2 changes, 1 comment". */
export function arrivalMessage(list: readonly Arrival[]): { zh: string; en: string } {
  const zh = list.map((a) => `${a.author} 新增 ${[a.suggestions ? `${a.suggestions} 处校改` : '', a.comments ? `${a.comments} 条批注` : ''].filter(Boolean).join('、')}`);
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const en = list.map((a) => `${a.author} added ${[a.suggestions ? plural(a.suggestions, 'change') : '', a.comments ? plural(a.comments, 'comment') : ''].filter(Boolean).join(', ')}`);
  return { zh: zh.join('；'), en: en.join('; ') };
}
