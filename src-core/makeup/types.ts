import type { BanmianDocument, Block } from '../model/document';

/**
 * A picture and its caption. One that belongs to an article is placed inside that article's module
 * (several stack there); one with no article is a stand-alone photo (图片新闻), a module of its own.
 */
export interface PictureLink {
  imageId: string;
  articleId?: string;
  caption: string;
}

export interface MakeUpOptions {
  /** How many ranked alternatives to return (default 3). */
  alternatives?: number;
  /** Wall-clock safety bound in ms (default 20 000, a backstop the work budget stays far inside): the search returns its best so far when it is reached. */
  timeBudgetMs?: number;
  /**
   * Deterministic work bound: the most search states expanded (default 10 000, 60% for the first search, the rest for a second one when the first finds no page within the rules). The search is meant to
   * finish within this, so the same inputs give the same page; the time budget is only a backstop.
   */
  workBudget?: number;
  /** Tracking range for fitting, in em either side of the style's (default 0.03). */
  trackingRange?: number;
  /** Allow cutting paragraphs marked 可删 (the last first, whole paragraphs only) from an article that would otherwise be held over. */
  allowCut?: boolean;
  /**
   * A page whose copy is short of it (every story on it, a hole over the limit left) is made up again
   * around a 公益广告 frame at its foot (补白, `filler.ts`), as a 组版 fills a short page from the paper's
   * public-service ads (default false: the CLI's compose and the app's 自动组版 ask for it).
   */
  fillShort?: boolean;
  /**
   * When the best page is left with a hole because a story the copy estimate took cannot be placed,
   * make the page up again with that story ranked last (default true). An edition's page says false:
   * its plan and the continued parts decide which stories give way (`continued-room.ts`).
   */
  holdToFill?: boolean;
  /**
   * Whether a story beside another's headline may set its own short one vertically (竖题) rather than
   * stand lower or leave a column blank. Unset: make-up tries it only when no page is within the hole
   * limit without it, and keeps that page only when it is better (a 组版's remedy, not a page's look).
   */
  uprightTitles?: boolean;
  /**
   * Whether a story ranked under the lead (not a brief, whose spans are narrow anyway) may stand one column
   * wide, a 竖条 beside a wide lead. Unset: make-up tries it only when no page is within the hole limit
   * without it, and keeps that page only when it is better (a 组版's remedy, as 竖题 is).
   */
  narrowSpans?: boolean;
  /**
   * Whether a page whose copy is short of it lets its pictures grow past their rank's share and opens its titles up further
   * (default true), or the most their shares grow by (a number, 1 or more). Make-up tries the page again with less when
   * such a page leaves off a story its copy estimate took: bigger pictures are no reason to hold a story (field test 42,
   * a 副刊 page of six essays and six pictures).
   */
  roomy?: boolean | number;
}

/**
 * What make-up works on: the page (format, grid, header and styles) and the day's articles, in rank
 * order unless `ranking` says otherwise (the first is the lead, 头条). Blocks of `document` marked
 * `locked` stay where they are and are obstacles; every other block is replaced.
 */
export interface MakeUpRequest {
  document: BanmianDocument;
  ranking?: string[];
  pictures?: PictureLink[];
  options?: MakeUpOptions;
}

export interface Message {
  zh: string;
  en: string;
}

export interface Score extends Message {
  /** Share of the free type area that is set (text, titles, pictures), 0–1. */
  fill: number;
  /** Headlines following rank: the lead's biggest, in the top third and wide; enough distinct sizes. 0–1. */
  hierarchy: number;
  /** Visual weight shared between the page's halves, and rank kept from top to bottom. 0–1. */
  balance: number;
  /** Pictures placed inside their own article's module. 0–1. */
  pictures: number;
  /** Weighted sum minus penalties (holes, 撞题, articles held over). Higher is better. */
  total: number;
  /** Largest blank hole in column-lines, as the engine measured it. */
  largestHole: number;
  /** Blank column-lines in all, as the engine measured them. */
  blank: number;
  /** Headline sizes used, in pt, by rank. */
  headlineSizes: number[];
  /** 撞图: two modules' pictures side by side, level (pairs); weighed when the made-up pages are ranked, not in the search. */
  picturesMeet: number;
}

export interface HeldOver extends Message {
  /** The article held over ('' for a stand-alone photo, named by `imageId`). */
  articleId: string;
  headline: string;
  imageId?: string;
}

/** A lever the engine pulled for one article (the copyfit record the store applies with the blocks). */
export interface Move extends Message {
  articleId: string;
}

export interface Alternative {
  /** The made-up page: the request's document with the new blocks (locked ones kept). */
  document: BanmianDocument;
  blocks: Block[];
  score: Score;
  heldOver: HeldOver[];
  moves: Move[];
}

export interface MakeUpResult {
  alternatives: Alternative[];
  /** Problems with the input, each with the article or picture named; `blank`: the note on the page's blank (补稿 or 补白), one at most. */
  notes: (Message & { articleId?: string; imageId?: string; blank?: true })[];
  stats: { statesExpanded: number; measurements: number; ms: number; stoppedBy: 'done' | 'work' | 'time' };
  /** Blank column-lines left on the best page when every story it could take is on it and it still has a hole over the limit (short of copy: 补稿 or 补白). */
  shortBy?: number;
}
