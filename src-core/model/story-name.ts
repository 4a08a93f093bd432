import type { Article } from './document';
import { plainText } from './richtext';

/** The most characters of a title or text a message quotes. */
const LONGEST = 24;

const clipped = (text: string): string => (text.length > LONGEST ? `${text.slice(0, LONGEST)}…` : text);

/**
 * How a message names a story: its headline (kicker or deck when it has none), else the first words
 * of its text (a story without titles, 一句话新闻), else its id — never an id while there is text to name it by.
 */
export function storyName(a: Article | undefined, id: string): string {
  if (!a) return id;
  const title = (a.headline || a.kicker || a.deck).trim();
  if (title) return clipped(title);
  const text = (plainText(a.body).trim() || a.lead.trim()).replace(/\s+/g, ' ');
  return text ? clipped(text.slice(0, 16) + (text.length > 16 ? '…' : '')) : id;
}
