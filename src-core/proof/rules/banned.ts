import { ERROR_WEIGHTS } from '../weights';
import { bannedEntries, type BannedExpression } from './banned.data';
import type { RuleEmit } from './rule';

/** Expressions by their first character, longest first (one index per list, built once). */
type BannedIndex = Map<string, BannedExpression[]>;

export function bannedIndex(entries: readonly BannedExpression[]): BannedIndex {
  const index: BannedIndex = new Map();
  for (const e of entries) {
    if (!e.expression) continue;
    const list = index.get(e.expression[0]) ?? [];
    list.push(e);
    index.set(e.expression[0], list);
  }
  for (const list of index.values()) list.sort((a, b) => b.expression.length - a.expression.length);
  return index;
}

/**
 * A banned or regulated expression, with its preferred form as the fix (or none to write: leave it
 * out or rephrase). A warning that weighs nothing in the 差错率: it is a house rule, not a 差错.
 */
export function findBanned(text: string, index: BannedIndex, emit: RuleEmit): void {
  for (let i = 0; i < text.length; i++) {
    const hit = index.get(text[i])?.find((e) => text.startsWith(e.expression, i));
    if (!hit) continue;
    const instead = hit.preferred ? `，应为“${hit.preferred}”` : '，应删去或改写';
    const insteadEn = hit.preferred ? `; write "${hit.preferred}"` : '; leave it out or rephrase';
    emit({
      rule: 'banned-expression',
      severity: 'warning',
      offset: i,
      length: hit.expression.length,
      ...(hit.preferred ? { fix: hit.preferred } : {}),
      weight: ERROR_WEIGHTS.none,
      zh: `“${hit.expression}”是禁用或须规范的表述${instead}（${hit.source}）`,
      en: `"${hit.expression}" is a banned or regulated expression${insteadEn} (${hit.source})`,
    });
    i += hit.expression.length - 1;
  }
}

let defaults: BannedIndex | undefined;

/** The default list (`banned.data.ts`) on one paragraph. */
export function checkBanned(text: string, emit: RuleEmit): void {
  defaults ??= bannedIndex(bannedEntries());
  findBanned(text, defaults, emit);
}
