/**
 * The import report: every guess and change the importer made, for the user to review. This is the
 * shape of ImportResult.report (the contract leaves it to the importer).
 */

export type GuessKind =
  | 'banner'
  | 'column-name'
  | 'kicker'
  | 'deck'
  | 'headline-promoted'
  | 'no-headline'
  | 'column-join'
  | 'not-joined'
  | 'unterminated-paragraph'
  | 'byline-trailing'
  | 'byline-line'
  | 'name-rejoined'
  | 'lead'
  | 'jump'
  | 'image-reference'
  | 'image-placeholder'
  | 'picture-gap'
  | 'title-lines-joined'
  | 'subhead'
  | 'unpaired-quote'
  | 'encoding-guessed'
  | 'docx-message';

export interface Guess {
  file: string;
  kind: GuessKind;
  articleId?: string;
  /** 1-based line in the source text, when known. */
  line?: number;
  /** The text concerned. */
  text: string;
  zh: string;
  en: string;
  /** How sure the importer is, 0–1. */
  confidence: number;
}

export interface NormalizationEntry {
  file: string;
  kind: string;
  from: string;
  to: string;
  count: number;
  /** A few before → after examples with some context. */
  examples: string[];
}

/** Where a text the importer changed ended up: an article's field or body, or a page item. */
export type CorrectionField = 'kicker' | 'headline' | 'deck' | 'body' | 'banner' | 'column';

/**
 * One change the importer made, placed in the text it produced, so that a check can show it
 * (已自动改正) with its before and after and a proofreader can undo it.
 */
export interface Correction {
  file: string;
  /** The normalization kind (punctuation, quotes, ellipsis, dash, ocr-space…). */
  kind: string;
  from: string;
  to: string;
  articleId?: string;
  field: CorrectionField;
  /** The imported text the change is in (a body paragraph, a title line) … */
  text: string;
  /** … and the UTF-16 offset of `to` in it. */
  offset: number;
}

export interface Fragment {
  file: string;
  line?: number;
  text: string;
  zh: string;
  en: string;
}

/** Source text that is in no article or page field (labels, markers), kept so nothing vanishes unseen. */
export interface Removed {
  file: string;
  line?: number;
  text: string;
  reason: string;
}

export interface FileReport {
  name: string;
  kind: 'text' | 'markdown' | 'docx' | 'image' | 'caption' | 'unsupported';
  /** Encoding used for text files (e.g. 'GB18030/GBK'). */
  encoding?: string;
  /** The file held a whole page (several articles or page items), not one article. */
  wholePage?: boolean;
  articleIds: string[];
  imageIds: string[];
  /** 0–1: 1 when nothing had to be guessed. */
  confidence: number;
  punctuationNormalized?: boolean;
  /** Set by the Node side when the file was converted (e.g. .doc through LibreOffice). */
  convertedBy?: string;
}

export interface ImportReport {
  files: FileReport[];
  /** Mean confidence over the imported articles. */
  confidence: number;
  guesses: Guess[];
  normalizations: NormalizationEntry[];
  /** Every single change of `normalizations`, placed (see Correction). */
  corrections: Correction[];
  fragments: Fragment[];
  removed: Removed[];
}

/**
 * The column names no article carries. A 栏目 read over an article is that article's 栏头 (in
 * columnLinks) and belongs to it, not to the page; page.columnNames lists it as well, so each link
 * takes one matching name out.
 */
export function pageOnlyColumnNames(columnNames: readonly string[], links: readonly { columnName: string }[]): string[] {
  const carried = new Map<string, number>();
  for (const l of links) carried.set(l.columnName, (carried.get(l.columnName) ?? 0) + 1);
  return columnNames.filter((name) => {
    const left = carried.get(name) ?? 0;
    if (left > 0) carried.set(name, left - 1);
    return left === 0;
  });
}

export function emptyReport(): ImportReport {
  return { files: [], confidence: 1, guesses: [], normalizations: [], corrections: [], fragments: [], removed: [] };
}

/**
 * The most changes one file's log places: a check lists them one by one, and beyond this many a
 * list is no longer read (the counts in NormalizationEntry stay complete); it also bounds memory.
 */
export const MAX_PLACED_CORRECTIONS = 10_000;

/** A change at code points [index, index + length) of the text being rewritten, not yet placed. */
interface PendingChange {
  kind: string;
  from: string;
  to: string;
  index: number;
  length: number;
}

/**
 * Collects normalizations by kind with a count and up to `maxExamples` examples, and each change
 * with its place: a rewrite reports the code points it changed (`add` with `at`), and the caller
 * that knows the rewritten text's final form and place turns them into corrections (`place`).
 */
export class ChangeLog {
  private readonly entries = new Map<string, NormalizationEntry>();
  private pending: PendingChange[] = [];
  private readonly placed: Correction[] = [];
  constructor(
    readonly file: string,
    private readonly maxExamples = 3,
  ) {}

  add(kind: string, from: string, to: string, example: () => string, at?: { index: number; length: number }): void {
    if (at && this.placed.length + this.pending.length < MAX_PLACED_CORRECTIONS) this.pending.push({ kind, from, to, ...at });
    const key = `${kind}\u0000${from}\u0000${to}`;
    let e = this.entries.get(key);
    if (!e) {
      e = { file: this.file, kind, from, to, count: 0, examples: [] };
      this.entries.set(key, e);
    }
    e.count++;
    if (e.examples.length < this.maxExamples) e.examples.push(example());
  }

  /** A change to place that is reported elsewhere (a guess), not counted among the normalizations. */
  mark(kind: string, from: string, to: string, at: { index: number; length: number }): void {
    if (this.placed.length + this.pending.length < MAX_PLACED_CORRECTIONS) this.pending.push({ kind, from, to, ...at });
  }

  list(): NormalizationEntry[] {
    return [...this.entries.values()];
  }

  /**
   * Places the changes reported since the last call: `out` holds one replacement per source code
   * point (as the rewrites return it); the text is `out` joined and trimmed, as the importer keeps it.
   */
  place(out: readonly string[], where: { articleId?: string; field: CorrectionField }): void {
    const pending = this.pending;
    this.pending = [];
    if (!pending.length) return;
    const joined = out.join('');
    const text = joined.trim();
    const lead = joined.length - joined.trimStart().length;
    const starts = new Int32Array(out.length + 1);
    for (let i = 0; i < out.length; i++) starts[i + 1] = starts[i] + out[i].length;
    for (const c of pending) {
      if (this.placed.length >= MAX_PLACED_CORRECTIONS) return;
      const offset = Math.min(text.length, Math.max(0, starts[Math.min(c.index, out.length)] - lead));
      this.placed.push({ file: this.file, kind: c.kind, from: c.from, to: c.to, ...where, text, offset });
    }
  }

  /** Drops changes reported but not placed (a rewrite whose result was not kept). */
  forget(): void {
    this.pending = [];
  }

  corrections(): Correction[] {
    return this.placed.slice();
  }
}
