import type { ArticleBlock, BanmianDocument, Block, GridRect, ImageBlock, RuleBlock } from '../model/document';
import { columnDepths, columnX, rowY, spanWidth } from '../model/grid';
import type { LayoutContext } from './context';
import { BLACK } from './page-layout';
import { ruleFrame } from './pick';
import { addRule } from './strokes';

/** The rules stage: rule blocks as drawn, and the column rules (栏线) between blocks. */

export function layoutRuleBlock(ctx: LayoutContext, block: RuleBlock): void {
  const style = block.style && block.style !== 'solid' ? block.style : undefined;
  addRule(ctx.out.items, { kind: 'rule', x1: block.x1, y1: block.y1, x2: block.x2, y2: block.y2, width: block.width, color: BLACK, ...(style ? { style } : {}) });
  ctx.out.frames.push(ruleFrame(block));
}

/** Hairlines in the gutter between side-by-side blocks and in the gap between stacked ones. */
export function columnRules(ctx: LayoutContext, doc: BanmianDocument): void {
  const { geo } = ctx;
  const items = ctx.out.items;
  // modules: the stories, and the stand-alone photos (图片新闻, a picture of no story), ruled off like any module
  const modules = doc.blocks.filter((b): b is ArticleBlock | ImageBlock => (b.kind === 'article' || (b.kind === 'image' && b.articleId === undefined)) && b.span > 0 && b.rows > 0);
  const articles = modules.flatMap(stepsOf);
  for (const a of articles) {
    for (const b of articles) {
      if (a.block === b.block) continue;
      if (a.col + a.span === b.col) {
        const top = Math.max(a.row, b.row);
        const bottom = Math.min(a.row + a.rows, b.row + b.rows);
        if (bottom > top) {
          const x = columnX(geo, b.col) - geo.gutter / 2;
          addRule(items, { kind: 'rule', x1: x, y1: rowY(geo, top), x2: x, y2: rowY(geo, bottom - 1) + geo.bodySize, width: 0.4, color: BLACK });
        }
      }
      const gapTop = a.row + a.rows;
      if (b.row >= gapTop && b.row <= gapTop + 2) {
        const left = Math.max(a.col, b.col);
        const right = Math.min(a.col + a.span, b.col + b.span);
        if (right > left) {
          const y = (rowY(geo, gapTop - 1) + geo.bodySize + rowY(geo, b.row)) / 2;
          const x1 = columnX(geo, left);
          addRule(items, { kind: 'rule', x1, y1: y, x2: x1 + spanWidth(geo, right - left), y2: y, width: 0.4, color: BLACK });
        }
      }
    }
  }
}

/**
 * A block as the rectangles its columns fill: a stepped (L-shaped) story is one per run of columns
 * of the same depth, so a module under its titles' overhang is ruled off from them and from its body.
 */
function stepsOf(block: ArticleBlock | ImageBlock): (GridRect & { block: Block })[] {
  const depths = block.kind === 'article' ? columnDepths(block) : Array.from({ length: block.span }, () => block.rows);
  const out: (GridRect & { block: Block })[] = [];
  depths.forEach((rows, i) => {
    const last = out[out.length - 1];
    // a run goes on only over the next column at the same depth: never across a column the block does not reach
    if (last && rows === last.rows && last.col + last.span === block.col + i) last.span++;
    else if (rows > 0) out.push({ block, col: block.col + i, span: 1, row: block.row, rows });
  });
  return out;
}
