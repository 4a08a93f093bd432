/**
 * What make-up keeps where it is on a page: one declaration, read by the make-up run (its obstacles)
 * and by 补白 (the room a 公益广告 frame may not take).
 */
import type { Block } from '../model/document';

/** The stories in locked blocks: on the page already, neither placed again nor held over. */
export function lockedStories(blocks: readonly Block[]): Set<string> {
  return new Set(blocks.flatMap((b) => (b.kind === 'article' && b.locked ? [b.articleId] : [])));
}

/** The blocks make-up keeps: the locked ones, and the pictures of a locked story, locked or not (they stay with it). */
export function keptBlocks(blocks: readonly Block[], stories: ReadonlySet<string> = lockedStories(blocks)): Block[] {
  return blocks.filter((b) => b.locked || (b.kind === 'image' && b.articleId !== undefined && stories.has(b.articleId)));
}
