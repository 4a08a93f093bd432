import type { Article, ArticleBlock, BanmianDocument, GridRect } from '../model/document';
import { rectOf, rowY } from '../model/grid';
import { printableParagraphs } from '../model/richtext';
import type { LayoutContext } from './context';
import { flowBody } from './flow';
import { blockBox, boxInset, textColumns, type TextColumns } from './frames';
import { imageExclusions } from './images';
import type { TypoReport } from './page-layout';
import { addReport, emptyReport } from './report';
import { slotsOf } from './slots';
import { layoutVerticalTitles } from './vertical';
import { layoutTitleBand, layoutTitleImage, layoutTitles, moveDown, rowsTo, type TitleArea } from './titles';

/** An article block through the stages: frame and box → titles → text flow through slots. */

/**
 * An article block laid out again only when something it depends on changed: the article (the
 * store keeps unchanged articles as the same objects), the block, the pictures over it, the page
 * settings or the view. Otherwise its items, report and notes are reused as they were.
 */
export function layoutArticleMemo(ctx: LayoutContext, doc: BanmianDocument, block: ArticleBlock, article: Article, pageKey: string): void {
  const { out, cache } = ctx;
  const report = out.reportFor(article.id);
  // Without a cache kept between layouts there is nothing to reuse.
  if (!ctx.cacheKept) return layoutArticle(ctx, doc, block, article, report);
  const titleAsset = block.titleImage && doc.images.find((i) => i.id === block.titleImage!.imageId);
  const titleSize = titleAsset ? `${titleAsset.pixelWidth}x${titleAsset.pixelHeight}` : '';
  const key = `${pageKey}|${JSON.stringify(block)}|${titleSize}|${JSON.stringify(imageExclusions(doc, block))}|${ctx.proof ? 'proof' : 'print'}`;
  const hit = cache.articleMemo.get(block.id);
  if (hit && hit.article === article && hit.key === key && !ctx.proof) {
    out.items.push(...hit.items);
    addReport(report, hit.report);
    if (hit.overset) out.overset.push(hit.overset);
    out.frames.push(hit.frame);
    for (const m of hit.missing) out.noteMissingChar(m.char, m.face, m.owner, m.via);
    cache.keepArticle(block.id);
    return;
  }
  const itemsFrom = out.items.length;
  const oversetFrom = out.overset.length;
  const framesFrom = out.frames.length;
  const blockReport = emptyReport();
  out.recordedMissing = [];
  layoutArticle(ctx, doc, block, article, blockReport);
  addReport(report, blockReport);
  cache.rememberArticle(block.id, {
    article,
    key,
    items: out.items.slice(itemsFrom),
    report: blockReport,
    overset: out.overset.length > oversetFrom ? out.overset[out.overset.length - 1] : undefined,
    frame: out.frames[framesFrom],
    missing: out.recordedMissing,
  });
  out.recordedMissing = undefined;
}

function layoutArticle(ctx: LayoutContext, doc: BanmianDocument, block: ArticleBlock, article: Article, report: TypoReport): void {
  const { geo, out } = ctx;
  const frame = rectOf(geo, block);
  if (block.span <= 0 || block.rows <= 0) {
    out.frames.push({ blockId: block.id, kind: 'article', ...frame, emptyLines: 0 });
    const chars = printableParagraphs(article.body).reduce((n, p) => n + p.spans.reduce((m, s) => m + s.text.length, 0), 0);
    if (chars > 0) out.overset.push({ articleId: article.id, characters: chars, lines: 0 });
    return;
  }
  blockBox(ctx, block, frame);
  const cols = textColumns(geo, block, frame, boxInset(block, geo.bodySize));
  const titles = layoutHead(ctx, doc, block, article, cols, report);
  const exclusions = imageExclusions(doc, block);
  if (titles) exclusions.push(titles);
  const slots = slotsOf(geo, block, cols, exclusions);
  const used = flowBody(ctx, article, slots, cols.width, report);
  out.frames.push({ blockId: block.id, kind: 'article', ...frame, emptyLines: Math.max(0, slots.length - used) });
}

/**
 * The titles (or 压题图) over the headline span, or set vertically at the block's right; returns the
 * grid rectangle they take, which the body leaves (undefined: no titles).
 */
function layoutHead(ctx: LayoutContext, doc: BanmianDocument, block: ArticleBlock, article: Article, cols: TextColumns, report: TypoReport): GridRect | undefined {
  if (block.titleDirection === 'vertical' && !block.titleImage) return layoutVerticalTitles(ctx, block, article, cols, report);
  const headSpan = Math.min(block.headlineSpan ?? block.span, block.span);
  // (图在题上: the titles under the picture at the block's top, from their own grid line; never under a 压题图)
  const under = block.titleImage ? 0 : Math.max(0, Math.min(block.titleRow ?? 0, block.rows - 1));
  const area: TitleArea = { x: cols.xs[0], y: cols.top + under * ctx.geo.pitch, width: cols.xs[headSpan - 1] + cols.width - cols.xs[0] };
  const rows = headRows(ctx, doc, block, article, area, report);
  return rows > 0 ? { col: block.col, span: headSpan, row: block.row, rows } : undefined;
}

/** The grid lines the horizontal titles take from the block's top. */
function headRows(ctx: LayoutContext, doc: BanmianDocument, block: ArticleBlock, article: Article, area: TitleArea, report: TypoReport): number {
  if (block.titleImage) return layoutTitleImage(ctx, doc, block, article, area, report) + 1;
  if (block.titleBand) return layoutTitleBand(ctx, block, article, area, report);
  const from = ctx.out.items.length;
  const height = layoutTitles(ctx, article, area, report);
  if (height <= 0) return 0;
  // Body text resumes on the next grid line, at least half a line below the titles.
  const rows = rowsTo(ctx.geo, block.row, area.y + height);
  // (what the grid leaves over that half line goes half above the titles: they stand in the middle of their lines,
  // not right under the rule over the module, field test 44)
  const spare = rowY(ctx.geo, block.row + rows) - (area.y + height) - ctx.geo.pitch / 2;
  moveDown(ctx.out.items, from, spare / 2);
  return rows;
}
