/**
 * The edition file of a made-up plan: each made-up page becomes an edition page, its articles and
 * pictures go to the shared pools, and each continued story becomes a chain: the pool keeps the
 * whole article once (as the first page's make-up styled it), the chain keeps where it was cut and
 * the continued part's look. `pageDocument` of the result gives back the pages as they were made up.
 */
import type { Article, BanmianDocument, Block, ImageAsset } from '../model/document';
import { EDITION_FORMAT_VERSION } from '../model/document';
import { partId } from './chain';
import type { EditionDocument, EditionPage, StoryChain } from './edition';
import type { EditionPlan, PlanPage } from './plan';

export interface MadePage {
  page: PlanPage;
  document: BanmianDocument;
}

/** A story the plan continued: the article as imported, its pages, and the paragraph it was cut before. */
export interface MadeJump {
  article: Article;
  from: number;
  to: number;
  cut: number;
}

/**
 * The edition; `unchained` names the continued stories that could not be chained because make-up
 * held one of their parts over: those keep their two parts as two articles, as printed.
 */
export function assembleEdition(plan: EditionPlan, made: MadePage[], jumps: MadeJump[]): { edition: EditionDocument; unchained: string[] } {
  const docOf = new Map(made.map((m) => [m.page.number, m.document]));
  const blockOf = (number: number, articleId: string): Block | undefined => docOf.get(number)?.blocks.find((b) => b.kind === 'article' && b.articleId === articleId);
  const chained = jumps.filter((j) => blockOf(j.from, j.article.id) && blockOf(j.to, partId(j.article.id, 1)));
  const rests = new Map(chained.map((j) => [partId(j.article.id, 1), j]));
  const firsts = new Map(chained.map((j) => [j.article.id, j]));
  const articles: Article[] = [];
  const images = new Map<string, ImageAsset>();
  const chains: StoryChain[] = [];
  const pages = made.map(({ page, document: doc }): EditionPage => {
    for (const img of doc.images) if (!images.has(img.id)) images.set(img.id, img);
    const ids: string[] = [];
    for (const a of doc.articles) {
      const rest = rests.get(a.id);
      const jump = firsts.get(a.id);
      if (rest) chains.find((c) => c.article === rest.article.id)!.parts.push({ block: blockOf(page.number, a.id)!.id, from: rest.cut, ...(a.styleOverrides ? { styleOverrides: a.styleOverrides } : {}) });
      else if (jump) {
        // the whole story in the pool, as this page's make-up styled its first part
        articles.push({ ...a, body: jump.article.body, byline: jump.article.byline, jumpTo: jump.article.jumpTo });
        chains.push({ article: a.id, parts: [{ block: blockOf(page.number, a.id)!.id, from: 0 }] });
      } else articles.push(a);
      ids.push(rest ? rest.article.id : a.id);
    }
    const blocks = doc.blocks.map((b) => (b.kind !== 'rule' && b.articleId !== undefined && rests.has(b.articleId) ? { ...b, articleId: rests.get(b.articleId)!.article.id } : b));
    return { number: page.number, name: page.name, section: page.section, page: doc.page, articles: ids, images: doc.images.map((img) => img.id), blocks: blocks as Block[] };
  });
  const edition: EditionDocument = {
    formatVersion: EDITION_FORMAT_VERSION,
    edition: { paper: plan.paper, date: plan.date, format: plan.format, jumpStyle: plan.jumpStyle, ...(plan.fileNames ? { fileNames: plan.fileNames } : {}) },
    articles,
    images: [...images.values()],
    pages,
    chains,
  };
  return { edition, unchained: jumps.filter((j) => !chained.includes(j)).map((j) => j.article.id) };
}
