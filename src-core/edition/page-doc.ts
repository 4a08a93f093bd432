/**
 * One page of an edition as a page document, the form layout, preflight and the PDF writer take:
 * the page's settings with the edition's header, the pool's articles and pictures it holds, and
 * each story chain's part on it (its paragraphs only, its jump lines naming the pages the chain
 * says). Pure; assumes a valid edition (`parseEdition` checked it).
 */
import type { Article, ArticleBlock, BanmianDocument, Block, ImageAsset, PageSettings } from '../model/document';
import { FORMAT_VERSION } from '../model/document';
import { partArticle, partId, type PartPlace } from './chain';
import type { EditionDocument, EditionInfo, StoryChain } from './edition';

/**
 * The 版次 as printed: the page's own spelling (03) while it names the number, else the number. A
 * 版次 that is no number (none, A3: a page file can say so) is the page's own and stays as written.
 */
function printedNumber(spelled: string, number: number): string {
  if (!/^\d+$/.test(spelled)) return spelled;
  return Number(spelled) === number ? spelled : String(number);
}

/** The page's settings with the edition's header: paper, date, 版次 (the number) and 版名. */
export function editionPageSettings(base: PageSettings, info: Pick<EditionInfo, 'paper' | 'date'>, page: { number: number; name: string }): PageSettings {
  const pageNumber = printedNumber(base.header.pageNumber, page.number);
  return { ...base, header: { ...base.header, paperName: info.paper, date: info.date, pageNumber, section: page.name } };
}

/** A chain part where it lies: the page (index) holding its block, and its paragraphs. */
export interface PlacedPart extends PartPlace {
  pageIndex: number;
  block: string;
}

/** The page (index) holding each block id. */
function blockPages(edition: EditionDocument): Map<string, number> {
  const pages = new Map<string, number>();
  edition.pages.forEach((p, i) => p.blocks.forEach((b) => pages.has(b.id) || pages.set(b.id, i)));
  return pages;
}

/** Each part of `chain` placed: its page and paragraphs (the last runs to the body's end). */
function placeChain(edition: EditionDocument, chain: StoryChain, article: Article, pageOf: Map<string, number>): PlacedPart[] {
  return chain.parts.map((part, k) => {
    const pageIndex = pageOf.get(part.block) ?? -1;
    const to = chain.parts[k + 1]?.from ?? article.body.content.length;
    return { block: part.block, from: part.from, to, page: edition.pages[pageIndex]?.number ?? 0, pageIndex, ...(part.styleOverrides ? { styleOverrides: part.styleOverrides } : {}) };
  });
}

/** What every page's derivation looks up, found once for the edition. */
interface EditionIndex {
  pool: Map<string, Article>;
  pictures: Map<string, ImageAsset>;
  /** Per page index, the chain parts on it: the chain's article, the part's place in it, all its places. */
  parts: Map<number, { article: Article; k: number; places: PlacedPart[] }[]>;
}

function indexEdition(edition: EditionDocument): EditionIndex {
  const pool = new Map(edition.articles.map((a) => [a.id, a]));
  const pageOf = blockPages(edition);
  const parts: EditionIndex['parts'] = new Map();
  for (const chain of edition.chains) {
    const article = pool.get(chain.article)!;
    const places = placeChain(edition, chain, article, pageOf);
    places.forEach((place, k) => void (parts.get(place.pageIndex) ?? parts.set(place.pageIndex, []).get(place.pageIndex)!).push({ article, k, places }));
  }
  return { pool, pictures: new Map(edition.images.map((img) => [img.id, img])), parts };
}

/** Page `index` of the edition as a page document. */
export function pageDocument(edition: EditionDocument, index: number, found: EditionIndex = indexEdition(edition)): BanmianDocument {
  const p = edition.pages[index];
  const headlineSize = p.page.styles.headline.size;
  // the parts on this page, by block id, and each chained article's parts here in chain order
  const partOfBlock = new Map<string, string>();
  const partsHere = new Map<string, Article[]>();
  for (const { article, k, places } of found.parts.get(index) ?? []) {
    partOfBlock.set(places[k].block, partId(article.id, k));
    const here = partsHere.get(article.id) ?? partsHere.set(article.id, []).get(article.id)!;
    here.push(partArticle(article, places, k, edition.edition.jumpStyle, headlineSize));
  }
  const articles = p.articles.flatMap((id) => partsHere.get(id) ?? [found.pool.get(id)!]);
  return {
    formatVersion: FORMAT_VERSION,
    page: editionPageSettings(p.page, edition.edition, p),
    articles,
    images: p.images.map((id) => found.pictures.get(id)!),
    blocks: p.blocks.map((b) => showPart(b, partOfBlock, partsHere)),
  };
}

/** A block of a chained article shows its part; a picture of one goes with the first part on the page. */
function showPart(b: Block, partOfBlock: Map<string, string>, partsHere: Map<string, Article[]>): Block {
  if (b.kind === 'article' && partOfBlock.has(b.id)) return { ...b, articleId: partOfBlock.get(b.id)! } satisfies ArticleBlock;
  if (b.kind === 'image' && b.articleId !== undefined && partsHere.get(b.articleId)?.length) return { ...b, articleId: partsHere.get(b.articleId)![0].id };
  return b;
}

/**
 * What page `index`'s document is made from: its entry, the pool's articles and pictures it shows
 * (objects: an edit replaces only what it changed, `writePage`), the edition's header and jump
 * style, and where its chains' parts lie (page numbers, cut points). Two lists equal element by
 * element (===) derive the same document, so a caller may keep what it made from the last one.
 */
function pageSources(edition: EditionDocument, index: number, found: EditionIndex): readonly unknown[] {
  const p = edition.pages[index];
  const places = (found.parts.get(index) ?? []).map(({ article, k, places }) => [article.id, k, places]);
  const { paper, date, jumpStyle } = edition.edition;
  return [p, paper, date, jumpStyle, JSON.stringify(places), ...p.articles.map((id) => found.pool.get(id)), ...p.images.map((id) => found.pictures.get(id))];
}

export interface DerivedPage {
  number: number;
  /** The page's place in the file. */
  index: number;
  document: BanmianDocument;
  /** What the document is made from (see pageSources). */
  sources: readonly unknown[];
}

/** Every page of the edition as a page document, in page-number order. */
export function pageDocuments(edition: EditionDocument): DerivedPage[] {
  const found = indexEdition(edition);
  return edition.pages
    .map((p, i) => ({ number: p.number, index: i, document: pageDocument(edition, i, found), sources: pageSources(edition, i, found) }))
    .sort((a, b) => a.number - b.number);
}
