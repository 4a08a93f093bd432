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
  fragments: Fragment[];
  removed: Removed[];
}

export function emptyReport(): ImportReport {
  return { files: [], confidence: 1, guesses: [], normalizations: [], fragments: [], removed: [] };
}

/** Collects normalizations by kind with a count and up to `maxExamples` examples. */
export class ChangeLog {
  private readonly entries = new Map<string, NormalizationEntry>();
  constructor(
    readonly file: string,
    private readonly maxExamples = 3,
  ) {}

  add(kind: string, from: string, to: string, example: () => string): void {
    const key = `${kind}\u0000${from}\u0000${to}`;
    let e = this.entries.get(key);
    if (!e) {
      e = { file: this.file, kind, from, to, count: 0, examples: [] };
      this.entries.set(key, e);
    }
    e.count++;
    if (e.examples.length < this.maxExamples) e.examples.push(example());
  }

  list(): NormalizationEntry[] {
    return [...this.entries.values()];
  }
}
