import { basename } from 'node:path';
import type { Article, BanmianDocument, PageSettings } from '../../src-core/model/document';
import { pageDocuments } from '../../src-core/edition/page-doc';
import { headerTexts, PAGE_HEADER_ID, splitPlaced, type Located } from '../../src-core/proof/checks';
import { loadPageOrEdition } from '../files/banmian-file';

/**
 * What `check` reads from a laid-out file, one sheet per page: a page file is one sheet, an edition
 * file one per page in 版次 order. Each sheet is checked as a page of its own (the page-wide rules,
 * its own 差错率 over its own area); the issue's figure counts them all.
 */
export interface Sheet {
  /** 第N版 版名 for an edition's page, the file's name for a page file. */
  label: string;
  /** The articles the page prints (a block sets them); their errors count in its 差错率. */
  articles: Article[];
  /** The articles on the page's list that no block sets (未上版): checked and listed, not counted. */
  unplaced: Article[];
  /** The page header's printed texts (报头, 版头), checked with the articles. */
  headers: Located[];
  page: PageSettings;
  /** The page's saved proofreading state (the file's `proof` field), as the file holds it. */
  proof?: unknown;
  /** The file the sheet was read from (an edition's pages share it). */
  file: string;
}

/** The sheets of a .banmian file, or its problem (zh and en, naming the file). */
export function readSheets(file: string, sheetCount: number): { ok: true; sheets: Sheet[] } | { ok: false; zh: string; en: string } {
  const loaded = loadPageOrEdition(file);
  if (!loaded.ok) return loaded;
  if ('document' in loaded) {
    const doc = loaded.document as typeof loaded.document & { proof?: unknown };
    return { ok: true, sheets: [{ label: basename(file), ...byPlacement(doc), headers: headerTexts(doc.page.header, headerId(sheetCount)), page: doc.page, proof: doc.proof, file }] };
  }
  const { edition } = loaded;
  const sheets = pageDocuments(edition).map(({ number, index, document }, k): Sheet => {
    const name = edition.pages[index].name;
    return { label: `第${number}版${name ? ` ${name}` : ''}`, ...byPlacement(document), headers: headerTexts(document.page.header, headerId(sheetCount + k)), page: document.page, proof: edition.pages[index].proof, file };
  });
  return { ok: true, sheets };
}

const byPlacement = (doc: Pick<BanmianDocument, 'articles' | 'blocks'>): Pick<Sheet, 'articles' | 'unplaced'> => {
  const { placed, unplaced } = splitPlaced(doc.articles, doc.blocks);
  return { articles: placed, unplaced };
};

/** The first page's header findings carry PAGE_HEADER_ID (as in the app); later pages' are numbered. */
const headerId = (n: number): string => (n === 0 ? PAGE_HEADER_ID : `${PAGE_HEADER_ID}-${n + 1}`);
