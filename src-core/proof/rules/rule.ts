import type { Finding } from '../checks';

/** What a rule reports: a finding without its excerpt (the caller cuts the excerpt from the text). */
export type RuleFinding = Omit<Finding, 'excerpt'>;
export type RuleEmit = (f: RuleFinding) => void;

/** A rule that reads one paragraph. */
export type TextRule = (text: string, emit: RuleEmit) => void;

/** A rule that reads every text of a page at once and reports on one of them by its index. */
export type PageRule = (texts: readonly string[], emit: (textIndex: number, f: RuleFinding) => void) => void;
