/**
 * Deleting a page of the edition (删版) without losing a word of any story on it:
 * - a story continued onto the page from an earlier one: the part here goes back to the part before
 *   it (the chain drops the part, so the previous part now runs to the next part's cut), where it
 *   is overset and the overview and preflight report it;
 * - a story that begins on the page: the whole article stays in the pool unplaced (待用), listed on
 *   the page of its next part so the desk sees it there; its continuation blocks are taken off,
 *   for a continuation without its beginning would print from the middle of the story;
 * - every other article and picture of the page stays in the pool, listed on no page; an article's
 *   picture blocks wait in the pool with it (`poolPictures`), to come back when it is placed.
 * The question asked first names each story and what becomes of it, zh and en.
 */
import type { ImageBlock } from '../model/document';
import type { EditionDocument, StoryChain } from './edition';
import { validateEdition } from './edition-file';

/** What becomes of one story on the deleted page. */
export type StoryFate =
  | { article: string; headline: string; fate: 'overset'; onPage: number }
  | { article: string; headline: string; fate: 'unplaced'; offPages: number[] };

export type PageDeleted = { ok: true; edition: EditionDocument; stories: StoryFate[] } | { ok: false; zh: string; en: string };

/** The edition without page `index` of the file, each story on it kept whole (see above). */
export function deletePage(edition: EditionDocument, index: number): PageDeleted {
  const gone = edition.pages[index];
  if (!gone) return { ok: false, zh: `整期中没有第 ${index + 1} 个版面`, en: `The edition has no page at position ${index + 1}` };
  if (edition.pages.length === 1) return { ok: false, zh: '整期至少要有一个版面，不能删除最后一版', en: 'An edition needs at least one page: the last page cannot be deleted' };
  const here = new Set(gone.blocks.map((b) => b.id));
  const stories: StoryFate[] = [];
  const dropBlocks = new Set<string>();
  const holdOn = new Map<number, string[]>(); // page index → articles held over there
  const chains: StoryChain[] = [];
  const pageOf = blockPages(edition);
  for (const chain of edition.chains) {
    if (!chain.parts.some((p) => here.has(p.block))) {
      chains.push(chain);
      continue;
    }
    const headline = edition.articles.find((a) => a.id === chain.article)?.headline || chain.article;
    const kept = chain.parts.filter((p) => !here.has(p.block));
    if (here.has(chain.parts[0].block)) {
      kept.forEach((p) => dropBlocks.add(p.block));
      const later = [...new Set(kept.map((p) => pageOf.get(p.block)!))];
      if (later.length) holdOn.set(later[0], [...(holdOn.get(later[0]) ?? []), chain.article]);
      stories.push({ article: chain.article, headline, fate: 'unplaced', offPages: later.map((i) => edition.pages[i].number) });
      continue;
    }
    // the previous part takes the deleted parts' paragraphs: dropping them from the chain does exactly that
    if (kept.length > 1) chains.push({ ...chain, parts: kept });
    const previous = chain.parts[chain.parts.findIndex((p) => here.has(p.block)) - 1];
    stories.push({ article: chain.article, headline, fate: 'overset', onPage: edition.pages[pageOf.get(previous.block)!].number });
  }
  const unplaced = new Set(stories.filter((s) => s.fate === 'unplaced').map((s) => s.article));
  const pages = edition.pages.flatMap((p, i) => {
    if (i === index) return [];
    const listed = p.articles.filter((id) => !unplaced.has(id));
    return [{ ...p, articles: [...listed, ...(holdOn.get(i) ?? [])], blocks: p.blocks.filter((b) => !dropBlocks.has(b.id)) }];
  });
  // the pictures of the stories now on no page wait in the pool with them (pool-pictures.ts)
  const listed = new Set(pages.flatMap((p) => p.articles));
  const pooled = gone.blocks.filter((b): b is ImageBlock => b.kind === 'image' && b.articleId !== undefined && !listed.has(b.articleId));
  const next: EditionDocument = { ...edition, pages, chains, ...(pooled.length ? { poolPictures: [...(edition.poolPictures ?? []), ...pooled] } : {}) };
  const issues = validateEdition(next, { duplicateNumbers: 'allow' });
  if (issues.length) return { ok: false, zh: `第${gone.number}版不能删除：${issues.slice(0, 3).map((i) => i.zh).join('；')}`, en: `Page ${gone.number} cannot be deleted: ${issues.slice(0, 3).map((i) => i.en).join('; ')}` };
  return { ok: true, edition: next, stories };
}

function blockPages(edition: EditionDocument): Map<string, number> {
  const pages = new Map<string, number>();
  edition.pages.forEach((p, i) => p.blocks.forEach((b) => pages.has(b.id) || pages.set(b.id, i)));
  return pages;
}

/** The question before deleting: the page, and each story on it with what becomes of it. */
export function deletionQuestion(edition: EditionDocument, index: number, stories: readonly StoryFate[]): { zh: string; en: string } {
  const p = edition.pages[index];
  const zh = [`删除第${p.number}版 ${p.name}？本版稿件和图片留在稿库。`];
  const en = [`Delete page ${p.number} ${p.name}? Its articles and pictures stay in the pool.`];
  for (const s of stories) {
    if (s.fate === 'overset') {
      zh.push(`《${s.headline}》在本版的部分回到第${s.onPage}版，成为溢排。`);
      en.push(`The part of “${s.headline}” on this page goes back to page ${s.onPage} as overset text.`);
    } else {
      const off = s.offPages.map((n) => `第${n}版`).join('、');
      zh.push(`《${s.headline}》从本版开始：整篇回到稿库待用${off ? `，${off}的接续一并撤下` : ''}。`);
      en.push(`“${s.headline}” begins on this page: the whole story goes back to the pool unplaced${off ? `, its continuation on page ${s.offPages.join(', ')} taken off` : ''}.`);
    }
  }
  return { zh: zh.join(''), en: en.join(' ') };
}
