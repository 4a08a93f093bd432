import type { RichDoc } from '../../src-core/model/richtext';

/** Whether an article has body text at all (a headline-only banner has none), without building its plain text. */
export function hasBodyText(body: RichDoc): boolean {
  return body.content.some((p) => (p.content ?? []).some((i) => i.type === 'text' && i.text.trim().length > 0));
}
