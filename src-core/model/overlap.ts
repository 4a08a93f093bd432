import type { ArticleBlock, Block } from './document';
import { columnDepths } from './grid';

/** Two text blocks that share grid cells: the page would print both stories on top of each other. */
export interface TextOverlap {
  a: string;
  b: string;
  /** The first shared cell (column, line), 0-based. */
  col: number;
  row: number;
}

/** Column runs an article block takes: a stepped or L-shaped block only down to each column's depth. */
function columnRuns(b: ArticleBlock): { col: number; from: number; to: number }[] {
  return columnDepths(b).map((depth, c) => ({ col: b.col + c, from: b.row, to: b.row + depth }));
}

function firstShared(x: ArticleBlock, y: ArticleBlock): { col: number; row: number } | undefined {
  if (x.col >= y.col + y.span || y.col >= x.col + x.span || x.row >= y.row + y.rows || y.row >= x.row + x.rows) return undefined;
  const ys = new Map(columnRuns(y).map((r) => [r.col, r]));
  for (const r of columnRuns(x)) {
    const s = ys.get(r.col);
    if (s && r.from < s.to && s.from < r.to) return { col: r.col, row: Math.max(r.from, s.from) };
  }
  return undefined;
}

/**
 * Pairs of article blocks that overlap. Pictures and boxes are left out on purpose: a picture sits
 * inside its article's module (the text wraps round it) and a 底纹框 lies under the text.
 */
export function textOverlaps(blocks: readonly Block[]): TextOverlap[] {
  const texts = blocks.filter((b): b is ArticleBlock => b.kind === 'article');
  const out: TextOverlap[] = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const at = firstShared(texts[i], texts[j]);
      if (at) out.push({ a: texts[i].id, b: texts[j].id, ...at });
    }
  }
  return out;
}

/** The text blocks `moved` would overlap (every other block as it stands). */
export function overlapsWith(blocks: readonly Block[], moved: Block): string[] {
  if (moved.kind !== 'article') return [];
  const others = blocks.filter((b) => b.id !== moved.id);
  return textOverlaps([moved, ...others])
    .filter((o) => o.a === moved.id)
    .map((o) => o.b);
}
