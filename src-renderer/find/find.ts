import type { PageStore } from '../../src-core/store/page-store';
import type { FindField, FindMatch, FindOptions } from '../../src-core/store/find-replace';

/**
 * 查找/替换 across the page, for the find bar: the page store finds, and replaces through its
 * `replace` operation (so the story editor, a second desk and undo all see the change, and a page
 * signed for print refuses it). Replace-all is one undo step.
 */

export { type FindField, type FindMatch, type FindOptions } from '../../src-core/store/find-replace';

export const FIELD_LABELS: Record<FindField, [string, string]> = {
  kicker: ['引题', 'Kicker'],
  headline: ['主题', 'Headline'],
  deck: ['副题', 'Deck'],
  byline: ['署名', 'Byline'],
  lead: ['电头', 'Lead'],
  jumpFrom: ['上接', 'Jump from'],
  jumpTo: ['下转', 'Jump to'],
  body: ['正文', 'Body'],
};

/** Every occurrence on the page, article by article in the page's order, fields before the body. */
export function findInStore(store: PageStore, query: string, opts: FindOptions): FindMatch[] {
  return store.find(query, opts);
}

/** Replaces the given occurrences (still current) with `replacement`, as one undo step; returns how many. */
export function replaceMatches(store: PageStore, matches: FindMatch[], replacement: string): number {
  return store.apply({ kind: 'replace', matches, replacement });
}
