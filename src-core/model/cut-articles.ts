import type { Article } from './document';
import { removedParagraphs } from './richtext';

/**
 * The paragraphs (by index in `before`'s body) each article lost between two versions of a page:
 * make-up's 可删 cuts, which take whole paragraphs and change nothing else. Only articles that lost
 * some are listed; an article whose text changed otherwise is not.
 */
export function cutParagraphsByArticle(before: readonly Article[], after: readonly Article[]): Map<string, number[]> {
  const was = new Map(before.map((a) => [a.id, a.body]));
  const out = new Map<string, number[]>();
  for (const a of after) {
    const body = was.get(a.id);
    const removed = body && body !== a.body ? removedParagraphs(body, a.body) : undefined;
    if (removed?.length) out.set(a.id, removed);
  }
  return out;
}
