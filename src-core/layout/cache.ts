import type { FontRegistry } from '../fonts/registry';
import type { TextStyle } from '../model/document';
import { composeIfLines, composeParagraph, prepareText, type ComposeOptions, type ComposedParagraph, type PreparedText, type StyledRun } from '../typeset/compose';
import type { Article } from '../model/document';
import type { BlockFrame, LayoutItem, Overset, TypoReport } from './page-layout';

/** One article block as the last layout made it (see layoutArticleMemo). */
export interface ArticleMemo {
  article: Article;
  key: string;
  items: LayoutItem[];
  report: TypoReport;
  overset: Overset | undefined;
  frame: BlockFrame;
  missing: { char: string; face: string; owner: string; via?: string }[];
}

/** What a composition depends on: the measure and options, and each run's style, tag and text. */
function keyOf(runs: StyledRun[], opts: ComposeOptions): string {
  let key = `${opts.width}|${opts.indent}|${opts.align}|${opts.hanLatinSpace}|${opts.maxExpansion}|${opts.compressLineStartOpening ? 1 : 0}${opts.compressLineEndClosing ? 1 : 0}|${opts.tracking ?? 0}|${opts.avoidLoneCharacter ? 1 : 0}`;
  for (const r of runs) key += `\u0001${styleKey(r.style)}\u0002${r.tag}\u0002${r.text}`;
  return key;
}

function styleKey(s: TextStyle): string {
  return `${s.family}/${s.bold ? 1 : 0}/${s.size}/${s.tracking}${s.fallback ? `/${s.fallback.join('\u0003')}` : ''}`;
}

/**
 * Composed paragraphs keyed by their text, styles and measure, so that a relayout after an edit
 * composes only the paragraphs that changed. Entries not used by the last layout are dropped.
 */
export class CompositionCache {
  /** Compositions, or a 拉行/缩行 trial's line count (see `trial`). */
  private entries = new Map<string, ComposedParagraph | number>();
  private used = new Map<string, ComposedParagraph | number>();
  /** Article blocks by block id, from the last layout. */
  articleMemo = new Map<string, ArticleMemo>();
  private articlesUsed = new Map<string, ArticleMemo>();
  hits = 0;
  misses = 0;
  private holding = 0;

  /** The registry's faces as of the entries (`FontRegistry.generation`). */
  private generation: number;

  constructor(readonly registry: FontRegistry) {
    this.generation = registry.generation;
  }

  /**
   * Called at the start of each layout: when a face arrived that a composition stood in for (the
   * renderer fetches faces after the first page), everything composed before is composed again.
   */
  startLayout(): void {
    if (this.generation === this.registry.generation) return;
    this.generation = this.registry.generation;
    this.entries = new Map();
    this.used = new Map();
    this.articleMemo = new Map();
    this.articlesUsed = new Map();
    this.texts = new WeakMap();
  }

  /** Runs prepared once for the layout's 拉行/缩行 (see `compose`'s `retrack`), by the runs' identity. */
  private texts = new WeakMap<StyledRun[], PreparedText>();

  /**
   * The paragraph composed, or the cache's copy. `retrack`: the runs will be set at other trackings
   * too (a paragraph 拉行/缩行 may re-break), so what prepares them is kept and not read again.
   */
  compose(runs: StyledRun[], opts: ComposeOptions, retrack = false): ComposedParagraph {
    const key = keyOf(runs, opts);
    let hit = this.used.get(key) ?? this.entries.get(key);
    // a trial's line count alone (see `trial`) is no composition
    if (typeof hit === 'object') this.hits++;
    else {
      this.misses++;
      hit = composeParagraph(runs, this.registry, opts, retrack ? this.textOf(runs, opts) : undefined);
    }
    this.used.set(key, hit);
    return hit;
  }

  /**
   * 拉行/缩行's trial of the runs at `opts.tracking`: the paragraph composed when it takes `lines`
   * lines (the one a trial keeps), else only how many it takes; either is kept like a composition.
   */
  trial(runs: StyledRun[], opts: ComposeOptions, lines: number): ComposedParagraph | number {
    const key = keyOf(runs, opts);
    const hit = this.used.get(key) ?? this.entries.get(key);
    let made: ComposedParagraph | number;
    if (hit !== undefined && (typeof hit === 'object' || hit !== lines)) {
      this.hits++;
      made = hit;
    } else {
      this.misses++;
      made = composeIfLines(runs, this.registry, opts, this.textOf(runs, opts), lines);
    }
    this.used.set(key, made);
    return typeof made === 'object' && made.lines.length !== lines ? made.lines.length : made;
  }

  private textOf(runs: StyledRun[], opts: ComposeOptions): PreparedText {
    let text = this.texts.get(runs);
    if (!text || text.hanLatinSpace !== opts.hanLatinSpace) this.texts.set(runs, (text = prepareText(runs, this.registry, opts)));
    return text;
  }

  rememberArticle(blockId: string, memo: ArticleMemo): void {
    this.articlesUsed.set(blockId, memo);
  }

  keepArticle(blockId: string): void {
    const m = this.articleMemo.get(blockId);
    if (m) this.articlesUsed.set(blockId, m);
  }

  /**
   * Runs a batch of trial layouts (copyfit's levers, a block sized to its text) that keep what any of
   * them composed: trials alternate between styles, so forgetting after each would recompose every
   * paragraph every time. The next layout outside a batch forgets what it does not use, as always.
   */
  hold<T>(run: () => T): T {
    this.holding++;
    try {
      return run();
    } finally {
      this.holding--;
    }
  }

  /** Called at the end of each layout: forget what that layout did not use (unless in a batch, see hold). */
  endLayout(): void {
    if (this.holding > 0) {
      for (const [k, v] of this.used) this.entries.set(k, v);
      for (const [k, v] of this.articlesUsed) this.articleMemo.set(k, v);
      this.used = new Map();
      this.articlesUsed = new Map();
      return;
    }
    this.entries = this.used;
    this.used = new Map();
    this.articleMemo = this.articlesUsed;
    this.articlesUsed = new Map();
  }
}
