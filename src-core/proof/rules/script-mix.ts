import { ERROR_WEIGHTS } from '../weights';
import type { RuleEmit } from './rule';
import { SCRIPT_SOURCES, SHARED_FORMS } from './script-mix.data';

type Kind = keyof typeof SCRIPT_SOURCES;

interface Tables {
  /** Traditional or variant character → its standard form and kind. */
  toStandard: Map<string, { standard: string; kind: Kind }>;
  /** Standard forms a traditional text never uses: one of them marks a paragraph as simplified. */
  simplifiedOnly: Set<string>;
}

let tables: Tables | undefined;

function build(): Tables {
  const toStandard: Tables['toStandard'] = new Map();
  const simplifiedOnly = new Set<string>();
  for (const kind of Object.keys(SCRIPT_SOURCES) as Kind[]) {
    for (const pair of SCRIPT_SOURCES[kind].pairs.split(/\s+/).filter(Boolean)) {
      const [from, to] = [...pair];
      toStandard.set(from, { standard: to, kind });
      if (!SHARED_FORMS.includes(to)) simplifiedOnly.add(to);
    }
  }
  return { toStandard, simplifiedOnly };
}

/**
 * Traditional characters (an error, 繁简混用) and variant forms (a warning, 异体字) in simplified text. A
 * paragraph with traditional characters and no simplified-only one is left alone: a quotation or a
 * name printed in traditional characters on purpose.
 */
export function checkScriptMix(text: string, emit: RuleEmit): void {
  tables ??= build();
  const { toStandard, simplifiedOnly } = tables;
  const odd: [number, string][] = [];
  let simplified = false;
  let traditional = false;
  for (let i = 0; i < text.length; i++) {
    const entry = toStandard.get(text[i]);
    if (entry) {
      odd.push([i, text[i]]);
      if (entry.kind === 'traditional') traditional = true;
    } else if (!simplified && simplifiedOnly.has(text[i])) simplified = true;
  }
  // Wholly traditional text is left alone; a variant form in text with no traditional character is wrong anyway.
  if (traditional && !simplified) return;
  for (const [offset, ch] of odd) {
    const { standard, kind } = toStandard.get(ch)!;
    const title = SCRIPT_SOURCES[kind].title;
    if (kind === 'traditional') {
      emit({ rule: 'traditional-character', severity: 'error', offset, length: 1, fix: standard, weight: ERROR_WEIGHTS.character, zh: `简体文中混用繁体字“${ch}”，应为“${standard}”（${title}）`, en: `traditional character "${ch}" in simplified text; write "${standard}" (${title})` });
    } else {
      emit({ rule: 'variant-character', severity: 'warning', offset, length: 1, fix: standard, weight: 0.5, zh: `“${ch}”是异体字，应为“${standard}”（${title}）`, en: `"${ch}" is a variant form; the standard character is "${standard}" (${title})` });
    }
  }
}
