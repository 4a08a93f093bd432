import type { FontRegistry } from '../../src-core/fonts/registry';
import { FAMILY_LABELS } from './format';

export interface FamilyChoice {
  family: string;
  /** The option's text: the family's newsroom name. */
  text: string;
  /** Its English name, as the option's tooltip. */
  title: string;
}

/**
 * The face picker's options: every family the fonts have (from their own labels, in the order the
 * sources gave them), then the style's own family when no font has it, marked missing.
 */
export function familyChoices(fonts: FontRegistry, current: string): FamilyChoice[] {
  const present = fonts.families().map(({ family, label }) => ({ family, text: label.zh, title: label.en }));
  if (fonts.hasFamily(current)) return present;
  const name = FAMILY_LABELS[current] ?? current;
  return [...present, { family: current, text: `${name}（缺字体 missing）`, title: `${current} (no font installed)` }];
}
