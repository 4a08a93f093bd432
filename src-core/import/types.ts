import type { Article, ImageAsset, PageHeader } from '../model/document';

/**
 * The contract of the importers (issue 3), fixed here so that the compose command (issue 4) and the
 * UI can be built against it. The importers themselves live beside this file.
 */

export interface InputFile {
  /** File name as the user knows it (used in every message). */
  name: string;
  bytes: Uint8Array;
}

/** A problem with one input: the file, where in it, and what, in zh-CN and English. */
export interface ImportError {
  file: string;
  /** Byte offset, when the problem is at a place in the file. */
  offset?: number;
  zh: string;
  en: string;
}

export interface ImportResult {
  articles: Article[];
  images: ImageAsset[];
  /** Page-level items found in the text (the credits line fills the header's credits). */
  page: {
    credits: Partial<Pick<PageHeader, 'editor' | 'proofreader' | 'layoutEditor'>>;
    /** 通栏 banner lines and column names (一把手访谈), each to become its own block. */
    banners: string[];
    columnNames: string[];
  };
  /** Which image belongs to which article (placeholders, "(如图)", docx embedded images). */
  imageLinks: { imageId: string; articleId: string; caption: string }[];
  /** Files that could not be read; the others are imported all the same. */
  errors: ImportError[];
  /** Everything the importer guessed or changed, for the user to review (shape owned by the importer). */
  report: unknown;
}
