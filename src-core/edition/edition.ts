/**
 * The edition document (整期, file format version 2): the paper's day as numbered pages that share
 * one article pool (稿库) and one picture pool, and story chains that carry an article through
 * blocks on several pages.
 *
 * A page is what a page file is, minus its articles and pictures: its settings and blocks, and the
 * ids of the pool's articles and pictures it holds (placed or held over, as a page file's lists).
 * A chain is an article and the ordered blocks it runs through, each taking the paragraphs from its
 * `from` to the next part's `from`: the cut points are stored, not recomputed on every layout, so a
 * page's layout sets only its own part and the text lives once in the pool. The jump lines are not
 * stored: they are derived from the pages that hold the neighbouring parts (`pageDocument`), so
 * renumbering a page renumbers them.
 */
import type { Article, Block, FormatName, ImageAsset, ImageBlock, PageSettings, StyleOverrides } from '../model/document';
import type { EDITION_FORMAT_VERSION } from '../model/document';
import type { FileNames } from './export-files';
import type { JumpStyle } from './jump';

export interface EditionInfo {
  paper: string;
  /** The day, YYYY-MM-DD (export names its files by it). */
  date: string;
  format: FormatName;
  /** The paper's convention for 下转/上接 lines, one setting for the edition. */
  jumpStyle: JumpStyle;
  /** The paper's file names for export; absent (older files too): YYYYMMDD-NN.pdf and YYYYMMDD.pdf. */
  fileNames?: FileNames;
}

export interface EditionPage {
  /** 版次: the page's number in the edition (jump lines and file names use it). */
  number: number;
  /** 版名, printed in the header (要闻, 经济 …). */
  name: string;
  /** The section (叠) the page belongs to; '' when the paper has one. */
  section: string;
  page: PageSettings;
  /** Ids of the pool's articles this page holds. */
  articles: string[];
  /** Ids of the pool's pictures this page holds. */
  images: string[];
  blocks: Block[];
  /**
   * The page's proofreading state (rounds, sign-off, suggestion meta and threads), the page file's
   * `proof` field as the app saved it; absent until the page is proofread. Read entry by entry where
   * it is used (the overview's status, the store when the page opens): a damaged entry is dropped.
   */
  proof?: unknown;
}

export interface ChainPart {
  /** An article block's id, on any page; unique in the edition. */
  block: string;
  /** The first paragraph (top-level node of the body) this part sets. */
  from: number;
  /**
   * The part's look on its page, as its page's make-up set it (headline size by rank, tracking);
   * absent: the article's own for the first part, the continuation headline for a part resuming.
   */
  styleOverrides?: StyleOverrides;
}

export interface StoryChain {
  article: string;
  parts: ChainPart[];
}

export interface EditionDocument {
  formatVersion: typeof EDITION_FORMAT_VERSION;
  edition: EditionInfo;
  articles: Article[];
  images: ImageAsset[];
  pages: EditionPage[];
  chains: StoryChain[];
  /**
   * The picture blocks of pool articles on no page, as they last stood on a page (each naming its
   * article): they come back with the article when it is placed (pool-pictures.ts). Absent when none.
   */
  poolPictures?: ImageBlock[];
}
