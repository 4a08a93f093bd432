import { substituteRecorded } from './page-fonts';
import type { ArticleBlock, BanmianDocument } from '../model/document';
import { gridGeometry, rectOf } from '../model/grid';
import { layoutAd } from './ads';
import { layoutArticleMemo } from './article';
import { layoutContext, type LayoutEnv } from './context';
import { blockBox } from './frames';
import { layoutHeader } from './header';
import { captionRoom, layoutImage } from './images';
import type { PageLayout } from './page-layout';
import { columnRules, layoutRuleBlock } from './rules';

/**
 * The face of the layout engine. A page goes through stages, each its own module, all writing into
 * one PageOutput (output.ts): header (header.ts) → free boxes (frames.ts) → per block in order:
 * article (article.ts: frame and box → titles.ts → slots.ts → flow.ts), picture (images.ts) or rule
 * (rules.ts) → column rules → report (report.ts). Styles become geometry in strokes.ts, proof
 * colouring is proof-marks.ts, pointer reach pick.ts, the header's date date.ts.
 */

export type { LayoutEnv, ProofView } from './context';
export { boxInset } from './frames';
export { formatDate } from './date';
export { RULE_PICK } from './pick';
export { ROUND_COLORS } from './proof-marks';
export { emptyReport } from './report';
export { gridLinesFor } from './slots';
export { setTextBox } from './text-box';

/**
 * Lays out a whole page: pure and deterministic, fonts from `env`, nothing read from disk or the DOM.
 * Text that does not fit is reported as overset, never dropped silently.
 */
export function layout(doc: BanmianDocument, env: LayoutEnv): PageLayout {
  // A recorded font this machine lacks is drawn with its role's face (the page keeps naming it).
  substituteRecorded(doc, env.fonts);
  const ctx = layoutContext(doc.page, env);
  ctx.cache.startLayout();
  const { geo, out } = ctx;
  const articles = new Map(doc.articles.map((a) => [a.id, a]));
  const images = new Map(doc.images.map((i) => [i.id, i]));
  layoutHeader(ctx);
  // Free boxes go under everything, whatever their place in the block order (and are picked last).
  for (const block of doc.blocks) {
    if (block.kind !== 'box') continue;
    const frame = rectOf(geo, block);
    blockBox(ctx, block, frame);
    out.frames.push({ blockId: block.id, kind: 'box', ...frame, emptyLines: 0 });
  }
  const pageKey = env.cache ? JSON.stringify(doc.page) : '';
  const rooms = captionRoom(ctx, doc, articles);
  for (const block of doc.blocks) {
    if (block.kind === 'article') {
      const article = articles.get(block.articleId);
      if (article) layoutArticleMemo(ctx, doc, block, article, pageKey);
    } else if (block.kind === 'image') {
      layoutImage(ctx, block, images.get(block.imageId), block.articleId ? articles.get(block.articleId) : undefined, rooms.get(block.id));
    } else if (block.kind === 'rule') {
      layoutRuleBlock(ctx, block);
    } else if (block.kind === 'ad') {
      layoutAd(ctx, block, block.imageId ? images.get(block.imageId) : undefined);
    }
  }
  if (doc.page.columnRules) columnRules(ctx, doc);
  ctx.cache.endLayout();
  return out.toPageLayout(doc.page.format, geo, !!env.proof);
}

/**
 * The fewest grid lines an article block needs so that nothing is overset (sized to its text), or
 * undefined when even the rest of the page's height is not enough.
 */
export function fitArticleRows(doc: BanmianDocument, env: LayoutEnv, blockId: string): number | undefined {
  const block = doc.blocks.find((b): b is ArticleBlock => b.id === blockId && b.kind === 'article');
  if (!block) return undefined;
  const geo = gridGeometry(doc.page);
  const others = doc.blocks.filter((b) => b.kind === 'image');
  const oversetWith = (rows: number): boolean => {
    const trial: BanmianDocument = { ...doc, blocks: [...others, { ...block, rows, columnRows: undefined }] };
    return layout(trial, env).overset.some((o) => o.articleId === block.articleId);
  };
  let hi = Math.max(1, geo.rows - block.row);
  if (oversetWith(hi)) return undefined;
  let lo = 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (oversetWith(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
