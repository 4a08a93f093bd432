import type { Article } from '../model/document';
import { picturePlaces, type Measured, type Measurer, type ShapeSpec } from './measure';
import type { Candidate, Placement } from './search';

/**
 * 撞图: pairs of two modules' pictures side by side, no column between, level over more than half the
 * shallower one's depth: they read as one picture (field 48 N1, the supplement page, field 53 P3: a
 * story's photo beside another's).
 */
export function picturesMeeting(placed: Placement[]): number {
  const rects = placed.map((p) => picturePlaces(p.spec, p.m, p.col, p.row).map((x) => x.rect));
  let n = 0;
  rects.forEach((mine, i) => rects.slice(i + 1).forEach((theirs) => {
    for (const a of mine) for (const b of theirs) {
      const level = Math.min(a.row + a.rows, b.row + b.rows) - Math.max(a.row, b.row);
      if ((a.col + a.span === b.col || b.col + b.span === a.col) && level * 2 > Math.min(a.rows, b.rows)) n++;
    }
  }));
  return n;
}

/**
 * 撞图 undone where a module's pictures may change sides: a module whose pictures are narrower than its
 * body, one of them beside a neighbour's, sets them at the body's other edge (`picturesLeft`) where its
 * text keeps the module's depth and titles and its last column ends no shorter (`sameDepth`); taken only
 * when fewer pictures meet on the page. Nothing else moves.
 */
export function pictureSides(measurer: Measurer, articles: Article[], c: Candidate): Candidate {
  const placed = c.placed.map((p) => ({ ...p }));
  for (const q of placed) {
    const before = picturesMeeting(placed);
    if (before === 0) break;
    if (!q.spec.pictures.length || q.spec.pictures.some((p) => p.row || p.span >= q.spec.span)) continue;
    const kept = sameDepth(measurer, articles[q.rank], q);
    if (!kept) continue;
    const was = { spec: q.spec, m: q.m };
    Object.assign(q, kept);
    if (picturesMeeting(placed) >= before) Object.assign(q, was);
  }
  return { placed, closed: c.closed };
}

/**
 * q's shape with its pictures at the other edge, set as deep as it is, its titles as they are, its last
 * column ending no shorter: as it comes, or a few lines shorter (缩行, up to a row's lines and one: the
 * text beside a picture breaks differently at the other edge).
 */
function sameDepth(measurer: Measurer, article: Article, q: Placement): { spec: ShapeSpec; m: Measured } | undefined {
  const side = otherSide(q.spec);
  for (let cut = 0; cut <= q.spec.span + 1; cut++) {
    const spec = cut ? { ...side, lineShift: (side.lineShift ?? 0) - cut } : side;
    const m = measurer.measure(article, spec, q.m.tracking);
    if (m && m.rows === q.m.rows && m.titleRows === q.m.titleRows && m.emptyLines <= Math.max(1, q.m.emptyLines)) return { spec, m };
    if (!m || m.rows < q.m.rows) return undefined;
  }
  return undefined;
}

function otherSide(spec: ShapeSpec): ShapeSpec {
  const { picturesLeft, ...rest } = spec;
  return picturesLeft ? rest : { ...rest, picturesLeft: true };
}
