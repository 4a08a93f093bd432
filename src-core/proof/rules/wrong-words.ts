import { ERROR_WEIGHTS } from '../weights';
import type { RuleEmit } from './rule';
import { WRONG_WORD_SOURCES, type WrongWordKind } from './wrong-words.data';

/** One dictionary entry with the list it comes from. */
export interface WrongWord {
  wrong: string;
  right: string;
  kind: WrongWordKind;
  source: string;
}

/** Every entry of every list, in list order (duplicates included: the unit test refuses them). */
export function wrongWordEntries(): WrongWord[] {
  return Object.entries(WRONG_WORD_SOURCES).flatMap(([source, s]) =>
    s.entries
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => {
        const [wrong, right] = pair.split('=');
        return { wrong, right, kind: s.kind, source };
      }),
  );
}

/** Entries by their first character, longest first, so 一幅对联 wins over a shorter entry at the same place. */
let index: Map<string, WrongWord[]> | undefined;

function dictionary(): Map<string, WrongWord[]> {
  if (index) return index;
  index = new Map();
  for (const e of wrongWordEntries()) {
    const list = index.get(e.wrong[0]) ?? [];
    list.push(e);
    index.set(e.wrong[0], list);
  }
  for (const list of index.values()) list.sort((a, b) => b.wrong.length - a.wrong.length);
  return index;
}

/** Words from the 常见错别字 lists (errors) and non-recommended 异形词 (warnings), each with its fix and source. */
export function checkWrongWords(text: string, emit: RuleEmit): void {
  const dict = dictionary();
  for (let i = 0; i < text.length; i++) {
    const candidates = dict.get(text[i]);
    if (!candidates) continue;
    const hit = candidates.find((e) => text.startsWith(e.wrong, i));
    if (!hit) continue;
    const title = WRONG_WORD_SOURCES[hit.source].title;
    if (hit.kind === 'wrong') {
      emit({ rule: 'wrong-word', severity: 'error', offset: i, length: hit.wrong.length, fix: hit.right, weight: ERROR_WEIGHTS.character, zh: `“${hit.wrong}”是别字，应为“${hit.right}”（${title}）`, en: `"${hit.wrong}" is a common misspelling of "${hit.right}" (${title})` });
    } else {
      emit({ rule: 'variant-word', severity: 'warning', offset: i, length: hit.wrong.length, fix: hit.right, weight: 0.5, zh: `“${hit.wrong}”是非推荐词形，应为“${hit.right}”（${title}）`, en: `"${hit.wrong}" is a non-standard variant; the standard form is "${hit.right}" (${title})` });
    }
    i += hit.wrong.length - 1;
  }
}
