/**
 * The vocabulary of proofreading (校对), shared by the store (which keeps it in the page's Yjs
 * documents and is its only writer) and by proof/ (checks, proof sheet, arrivals), which must not
 * import each other. Types and fixed names only: no documents here.
 */

import type { SpanFace } from './richtext';

export type Role = '组版' | '校对' | '值班编辑';

export interface SuggestionMeta {
  id: string;
  kind: 'insertion' | 'deletion';
  author: string;
  role: Role;
  /** 一校, 二校, 三校 … */
  round: string;
  at: string;
  status: 'open' | 'accepted' | 'rejected';
  decidedBy?: string;
  decidedAt?: string;
}

export interface CommentEntry {
  author: string;
  role: Role;
  at: string;
  text: string;
}

export interface Thread {
  id: string;
  /** The text the comment was anchored to when it was made (kept for orphans). */
  quote: string;
  round: string;
  comments: CommentEntry[];
  resolved: boolean;
}

/** A stretch of marked text found in the body. */
export interface MarkedSpan {
  id: string;
  kind: 'insertion' | 'deletion' | 'comment';
  text: string;
  /** Index of the block (paragraph or subhead) in the body. */
  paragraph: number;
  /** UTF-16 offset within that block's text. */
  offset: number;
  /** The face the span's text has of its own (a run's face mark); absent: its style's. */
  face?: SpanFace;
}

/**
 * A finding the 校对 dismissed (忽略): the rule and the text it found. Kept with the article it was
 * found in, so it stays dismissed wherever the page is opened; a house file's ignore list has the
 * same shape and applies page-wide.
 */
export interface DismissedFinding {
  rule: string;
  text: string;
}

/**
 * A change the importer made to what the author wrote (import/report.ts Correction, 已自动改正),
 * placed: the text the change is in and the UTF-16 offset of `to` in it. Kept with the article so
 * the 校对 panel lists it when the page is reopened.
 */
export interface SavedCorrection {
  kind: string;
  from: string;
  to: string;
  articleId?: string;
  field: 'kicker' | 'headline' | 'deck' | 'body' | 'banner' | 'column';
  text: string;
  offset: number;
}

/**
 * Where the page's own texts' findings are kept instead of an article's: the 报头 and 版头 belong to
 * no article, so their findings carry this id, and their dismissals are the page's (the layout
 * document's, `proof.header.dismissed` in the file) under it.
 */
export const PAGE_HEADER_ID = 'page-header';

/**
 * Bounds on what an article keeps, so a runaway import or a damaged file cannot fill memory.
 * `textChars` bounds every string of the proof state: a dismissed finding's and a correction's, and
 * the suggestions', threads', comments', rounds' and sign-offs' read from a file.
 */
export const CHECK_STATE_LIMITS = { dismissed: 2_000, corrections: 10_000, textChars: 10_000 } as const;

export const ROUND_NAMES = ['一校', '二校', '三校'] as const;

/** The name of round number `n` (0-based): 一校, 二校, 三校, then 4校… */
export function roundName(n: number): string {
  return ROUND_NAMES[n] ?? `${n + 1}校`;
}

export interface RoundRecord {
  name: string;
  startedBy: string;
  startedAt: string;
  finishedBy?: string;
  finishedAt?: string;
}

export interface SignoffEvent {
  kind: 'signed' | 'reopened';
  by: string;
  role: Role;
  at: string;
  reason?: string;
}

export type ProofResult = { ok: true } | { ok: false; zh: string; en: string };

/** What every change to a page signed for print (签字付印) is told. */
export const LOCKED_MESSAGE = { zh: '本版已签字付印，需值班编辑重新打开后才能修改', en: 'The page is signed for print; a duty editor must reopen it before any change' } as const;

/** The author of a mark whose meta has not arrived (yet). */
export const UNKNOWN_AUTHOR = '?';

/** An open mark of a page (a pending suggestion or an unresolved comment thread). */
export interface OpenMark {
  /** Suggestion id or thread id. */
  id: string;
  kind: 'suggestion' | 'comment';
  author: string;
}

/** What the proof sheet needs besides the page: who made each mark, and in which round. */
export interface ProofNotes {
  suggestions: Map<string, SuggestionMeta>;
  threads: Map<string, Thread>;
  /** Round names in order, for the colour of each mark (一校 red, 二校 blue, 三校 green). */
  rounds: string[];
  /** Headline of each article, for the list. */
  titles: Map<string, string>;
  /** Shown on the list page. */
  pageTitle: string;
  /** The findings the 校对 dismissed, by article (left out of the 差错率 the list page prints); absent: none. */
  dismissed?: Map<string, DismissedFinding[]>;
}
