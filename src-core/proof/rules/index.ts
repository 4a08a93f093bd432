import { checkBanned } from './banned';
import { checkConfusables } from './confusables';
import { checkNameVariants } from './consistency';
import { checkDigitGrouping, checkNumberForms } from './numbers';
import { checkNumberTwoWays } from './number-two-ways';
import { checkPunctuation } from './punctuation';
import { checkScriptMix } from './script-mix';
import type { PageRule, TextRule } from './rule';
import { checkWrongWords } from './wrong-words';

/**
 * The rule families of issue 19, one module each; checks.ts runs TEXT_RULES on every paragraph and
 * PAGE_RULES on the page. Rule names (one per kind of finding) are declared here once.
 */
export const RULE_NAMES = [
  'repeated-punctuation',
  'adjacent-punctuation',
  'rough-number-comma',
  'approximate-twice',
  'wrong-word',
  'variant-word',
  'confusable-word',
  'numeral-in-word',
  'mixed-numeral',
  'number-range',
  'mixed-digit-grouping',
  'name-two-ways',
  'number-two-ways',
  'banned-expression',
  'traditional-character',
  'variant-character',
] as const;

export type RuleName = (typeof RULE_NAMES)[number];

export const TEXT_RULES: readonly TextRule[] = [checkPunctuation, checkWrongWords, checkConfusables, checkNumberForms, checkBanned, checkScriptMix];

export const PAGE_RULES: readonly PageRule[] = [checkDigitGrouping, checkNameVariants, checkNumberTwoWays];
