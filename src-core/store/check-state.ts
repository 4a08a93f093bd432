import { CHECK_STATE_LIMITS, type DismissedFinding, type SavedCorrection } from '../model/proof';

/**
 * An article's check state (the findings its 校对 dismissed, the importer's corrections) held to
 * CHECK_STATE_LIMITS and checked entry by entry wherever it comes in: a page file's `proof` field and
 * a peer's article document alike (a desk on a shared page holds whatever a peer wrote; the server
 * does not read these maps). A malformed entry is dropped and counted; past a limit, the first
 * dismissals and the newest corrections are kept, as the store's own writes keep them.
 */
export interface BoundedCheckState {
  dismissed: DismissedFinding[];
  corrections: SavedCorrection[];
  /** Malformed entries left out (not those past a limit). */
  dropped: number;
}

const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): v is string => typeof v === 'string' && v.length <= CHECK_STATE_LIMITS.textChars;
const optText = (v: unknown): boolean => v === undefined || text(v);

export const isDismissed = (v: unknown): v is DismissedFinding => obj(v) && text(v.rule) && text(v.text);
const CORRECTION_FIELDS: readonly unknown[] = ['kicker', 'headline', 'deck', 'body', 'banner', 'column'];
export const isCorrection = (v: unknown): v is SavedCorrection =>
  obj(v) && text(v.kind) && text(v.from) && text(v.to) && optText(v.articleId) && CORRECTION_FIELDS.includes(v.field) && text(v.text) && Number.isInteger(v.offset) && (v.offset as number) >= 0 && (v.offset as number) <= v.text.length;

/**
 * The state from its two lists: `dismissed` read from the start up to its limit, `corrections` (by
 * index, so the newest are read first and nothing past the limit is looked at) from the end.
 */
export function boundedCheckState(dismissed: Iterable<unknown>, corrections: { length: number; get(i: number): unknown }): BoundedCheckState {
  const out: BoundedCheckState = { dismissed: [], corrections: [], dropped: 0 };
  for (const d of dismissed) {
    if (out.dismissed.length >= CHECK_STATE_LIMITS.dismissed) break;
    if (isDismissed(d)) out.dismissed.push({ rule: d.rule, text: d.text });
    else out.dropped++;
  }
  for (let i = corrections.length - 1; i >= 0 && out.corrections.length < CHECK_STATE_LIMITS.corrections; i--) {
    const c = corrections.get(i);
    if (isCorrection(c)) out.corrections.push(c);
    else out.dropped++;
  }
  out.corrections.reverse();
  return out;
}

/** A plain list as `boundedCheckState` reads it. */
export const listed = (list: readonly unknown[]): { length: number; get(i: number): unknown } => ({ length: list.length, get: (i) => list[i] });
