/**
 * One page of an edition as a page document, the form layout, preflight and the PDF writer take:
 * the page's settings with the edition's header, the pool's articles and pictures it holds, and
 * each story chain's part on it (its paragraphs only, its jump lines naming the pages the chain
 * says). Pure; assumes a valid edition (`parseEdition` checked it).
 */
import type { Article, ArticleBlock, BanmianDocument, Block, PageSettings } from '../model/document';
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

/** Each part of `chain` placed: its page and paragraphs (the last runs to the body's end). */
export function placeChain(edition: EditionDocument, chain: StoryChain): PlacedPart[] {
  const article = edition.articles.find((a) => a.id === chain.article)!;
  return chain.parts.map((part, k) => {
    const pageIndex = edition.pages.findIndex((p) => p.blocks.some((b) => b.id === part.block));
    const to = chain.parts[k + 1]?.from ?? article.body.content.length;
    return { block: part.block, from: part.from, to, page: edition.pages[pageIndex]?.number ?? 0, pageIndex, ...(part.styleOverrides ? { styleOverrides: part.styleOverrides } : {}) };
  });
}

/** Page `index` of the edition as a page document. */
export function pageDocument(edition: EditionDocument, index: number): BanmianDocument {
  const p = edition.pages[index];
  const pool = new Map(edition.articles.map((a) => [a.id, a]));
  const pictures = new Map(edition.images.map((img) => [img.id, img]));
  const headlineSize = p.page.styles.headline.size;
  // the parts on this page, by block id, and each chained article's parts here in chain order
  const partOfBlock = new Map<string, string>();
  const partsHere = new Map<string, Article[]>();
  for (const chain of edition.chains) {
    const places = placeChain(edition, chain);
    const here: Article[] = [];
    places.forEach((place, k) => {
      if (place.pageIndex !== index) return;
      partOfBlock.set(place.block, partId(chain.article, k));
      here.push(partArticle(pool.get(chain.article)!, places, k, edition.edition.jumpStyle, headlineSize));
    });
    partsHere.set(chain.article, here);
  }
  const articles = p.articles.flatMap((id) => partsHere.get(id) ?? [pool.get(id)!]);
  return {
    formatVersion: FORMAT_VERSION,
    page: editionPageSettings(p.page, edition.edition, p),
    articles,
    images: p.images.map((id) => pictures.get(id)!),
    blocks: p.blocks.map((b) => showPart(b, partOfBlock, partsHere)),
  };
}

/** A block of a chained article shows its part; a picture of one goes with the first part on the page. */
function showPart(b: Block, partOfBlock: Map<string, string>, partsHere: Map<string, Article[]>): Block {
  if (b.kind === 'article' && partOfBlock.has(b.id)) return { ...b, articleId: partOfBlock.get(b.id)! } satisfies ArticleBlock;
  if (b.kind === 'image' && b.articleId !== undefined && partsHere.get(b.articleId)?.length) return { ...b, articleId: partsHere.get(b.articleId)![0].id };
  return b;
}

/** Every page of the edition as a page document, in page-number order. */
export function pageDocuments(edition: EditionDocument): { number: number; document: BanmianDocument }[] {
  return edition.pages
    .map((p, i) => ({ number: p.number, document: pageDocument(edition, i) }))
    .sort((a, b) => a.number - b.number);
}
