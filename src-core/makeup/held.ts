import type { BanmianDocument } from '../model/document';
import type { HeldOver, Message } from './types';

/** A story or stand-alone photo held over, by its id (a photo's article id is ''). */
export function heldKey(h: HeldOver): string {
  return `${h.articleId}\u0000${h.imageId ?? ''}`;
}

/** Whether `h` is a picture held over (a stand-alone photo, or a story's picture it runs without), not a story. */
export function isHeldPicture(h: HeldOver): boolean {
  return !h.articleId;
}

/** The stories a page holds over, its held pictures not counted. */
export function heldStories(held: readonly HeldOver[]): HeldOver[] {
  return held.filter((h) => !isHeldPicture(h));
}

/** How many stories and how many pictures a page holds over. */
export function heldTally(held: readonly HeldOver[]): { stories: number; pictures: number } {
  const stories = heldStories(held).length;
  return { stories, pictures: held.length - stories };
}

/** What a page holds over, counted as a 组版 counts it: stories in 篇, pictures in 张 ("待用 2 篇、图片 1 张"). */
export function heldCount(held: readonly HeldOver[]): Message {
  const { stories, pictures } = heldTally(held);
  if (!pictures) return { zh: `待用 ${stories} 篇`, en: `${stories} held over` };
  const zh = stories ? `待用 ${stories} 篇、图片 ${pictures} 张` : `待用图片 ${pictures} 张`;
  const en = `${stories ? `${stories} held over, ` : ''}${pictures} picture${pictures === 1 ? '' : 's'} held over`;
  return { zh, en };
}

/** One held item by name: a story by its headline (or its id), a picture by its file name (or its id). */
export function heldName(h: HeldOver, doc: Pick<BanmianDocument, 'images'>): string {
  if (!isHeldPicture(h)) return h.headline.replace(/\s+/g, ' ').trim() || h.articleId;
  const id = h.imageId ?? '';
  return doc.images.find((i) => i.id === id)?.name ?? id;
}
