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

/** An import error's messages as printed: naming its file first, once (most messages name it already). */
export function namingFile(e: ImportError): { zh: string; en: string } {
  const at = e.offset !== undefined ? ` @${e.offset}` : '';
  return {
    zh: e.zh.startsWith(e.file) ? e.zh : `${e.file}${at}：${e.zh}`,
    en: e.en.startsWith(e.file) ? e.en : `${e.file}${at}: ${e.en}`,
  };
}

/** The header fields an OCR'd page prints at its top (报名, date, 版次, 版名). */
export type PrintedHeader = Partial<Pick<PageHeader, 'paperName' | 'date' | 'dateLine' | 'pageNumber' | 'section'>>;

export interface ImportResult {
  articles: Article[];
  images: ImageAsset[];
  /** Page-level items found in the text (the credits line fills the header's credits). */
  page: {
    credits: Partial<Pick<PageHeader, 'editor' | 'proofreader' | 'layoutEditor'>>;
    /** The page header an OCR'd page starts with (报名, date, 版次, 版名: `page-header.ts`). */
    header: PrintedHeader;
    /** 通栏 banner lines and column names (一把手访谈), each to become its own block. */
    banners: string[];
    columnNames: string[];
  };
  /**
   * Which image belongs to which article (placeholders, "(如图)", docx embedded images, picture files
   * named after their article file: 07.jpg, 07-2.png → 07.*) and its caption (07.caption.txt). No
   * articleId: a stand-alone photo. An image with no link at all is a stand-alone photo without a
   * caption. Make-up keeps a linked picture inside its article's module.
   */
  imageLinks: { imageId: string; articleId?: string; caption: string }[];
  /** The column name (栏目, printed as a 栏头 over the article) each article carries; also in page.columnNames. */
  columnLinks: { articleId: string; columnName: string }[];
  /** Files that could not be read; the others are imported all the same. */
  errors: ImportError[];
  /** Everything the importer guessed or changed, for the user to review (shape owned by the importer). */
  report: unknown;
}
