import type { FontRegistry } from '../fonts/registry';
import type { PageSettings, TextStyle } from '../model/document';
import { gridGeometry, type GridGeometry } from '../model/grid';
import type { ComposeOptions } from '../typeset/compose';
import { CompositionCache } from './cache';
import { PageOutput } from './output';

/** What layout needs from the outside world: fonts, and optionally a cache kept between layouts. */
export interface LayoutEnv {
  fonts: FontRegistry;
  cache?: CompositionCache;
  /**
   * Proof view (校样): pending insertions are set too, deletions struck through in red, insertions
   * underlined in their round's colour, commented text underlined; anchors for margin notes are
   * returned. `roundOf` gives a suggestion's round (0 = 一校) for its colour. Absent: the print view.
   */
  proof?: ProofView;
  /**
   * Only the frames, the overset and the report are wanted (make-up's trial layouts, thousands a
   * page): body lines are placed but not emitted as glyph runs, and no article block is kept for reuse.
   */
  measureOnly?: boolean;
}

export interface ProofView {
  roundOf(suggestionId: string): number;
}

/** What every stage of one layout shares: the page, its grid, the composer's cache and the output. */
export interface LayoutContext {
  readonly page: PageSettings;
  readonly geo: GridGeometry;
  readonly cache: CompositionCache;
  /** The cache outlives this layout, so article blocks may be reused from it (see article.ts). */
  readonly cacheKept: boolean;
  readonly proof?: ProofView;
  readonly measureOnly?: boolean;
  readonly out: PageOutput;
}

/** A cache usable with these fonts: the caller's when it was made for them, else a fresh one. */
export function cacheFor(env: Pick<LayoutEnv, 'fonts' | 'cache'>): CompositionCache {
  return env.cache && env.cache.registry === env.fonts ? env.cache : new CompositionCache(env.fonts);
}

export function layoutContext(page: PageSettings, env: LayoutEnv): LayoutContext {
  const cache = cacheFor(env);
  return { page, geo: gridGeometry(page), cache, cacheKept: cache === env.cache && !env.measureOnly, proof: env.proof, measureOnly: env.measureOnly, out: new PageOutput() };
}

/** The composer's options for a paragraph of `style` on a measure of `width` under the page's typesetting settings. */
export function composeOptions(typeset: PageSettings['typeset'], width: number, style: TextStyle, indent: number, align = style.align): ComposeOptions {
  return {
    width,
    indent,
    align,
    hanLatinSpace: typeset.hanLatinSpace,
    maxExpansion: typeset.maxExpansion,
    compressLineStartOpening: typeset.compressLineStartOpening,
    compressLineEndClosing: typeset.compressLineEndClosing,
    tracking: style.tracking,
    avoidLoneCharacter: true,
  };
}
