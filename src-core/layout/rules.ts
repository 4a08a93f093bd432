import type { ArticleBlock, BanmianDocument, ImageBlock, RuleBlock } from '../model/document';
import { columnX, rowY, spanWidth } from '../model/grid';
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
  const placed = doc.blocks.filter((b): b is ArticleBlock | ImageBlock => (b.kind === 'article' || b.kind === 'image') && b.span > 0 && b.rows > 0);
  const articles = placed.filter((b) => b.kind === 'article');
  for (const a of articles) {
    for (const b of articles) {
      if (a === b) continue;
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
