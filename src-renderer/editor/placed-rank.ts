import type { ArticleBlock, BanmianDocument } from '../../src-core/model/document';
import { columnDepths, gridGeometry } from '../../src-core/model/grid';
import { hasBodyText } from '../../src-core/model/richtext';

/** Lines an article block takes (a stepped block only down to each column's depth). */
const cells = (b: ArticleBlock): number => columnDepths(b).reduce((n, d) => n + d, 0);

/**
 * The articles on the page in the rank the 组版 gave them by placing them, for re-making the page
 * (a new 栏数): the lead first, then the rest top to bottom, and at the same top line the bigger
 * first, then the one further left. The lead is the biggest block whose top lies in the top third of
 * the grid (the issue's own place for the 头条), else the topmost: so a brief or a 栏头 column set
 * above the lead does not take its rank. An article placed in several blocks ranks by its first.
 * Only what is re-made is ranked: locked blocks and headline-only banners stay where they are.
 * Articles in the list but not on the page are left out: the 组版 has not put them on this page.
 */
export function placedRanking(doc: BanmianDocument): string[] {
  const withBody = new Set(doc.articles.filter((a) => hasBodyText(a.body)).map((a) => a.id));
  const blocks = doc.blocks.filter((b): b is ArticleBlock => b.kind === 'article' && !b.locked && withBody.has(b.articleId));
  const order = [...blocks].sort((a, b) => a.row - b.row || cells(b) - cells(a) || a.col - b.col);
  const third = gridGeometry(doc.page).rows / 3;
  const top = order.filter((b) => b.row < third);
  const lead = top.reduce<ArticleBlock | undefined>((best, b) => (!best || cells(b) > cells(best) ? b : best), undefined) ?? order[0];
  const ranked = lead ? [lead, ...order.filter((b) => b !== lead)] : order;
  return [...new Set(ranked.map((b) => b.articleId))];
}
