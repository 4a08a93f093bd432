import type { Article, GridRect } from '../model/document';
import { overhangDepth, type Measured, type Measurer, type ShapeSpec } from './measure';
import { HOLE_LIMIT } from './score';
import { MIN_MODULE, clashes, grow, outer, padMax, resize, type Candidate, type Levers, type Placement } from './search';

/** The most lines one module is made deeper by in one step (the slack is shared up the stack). */
const STEP = 4;
/**
 * 撑满's levers: up to 24 paragraphs re-broken a line longer in one module (the search's bound is
 * lower: it measures far more shapes; 16 left field test 48 P3's 对开 page, a 生态 page short of copy, with
 * a hole of 32 column-lines, 8 with 24), and a picture narrower than its module deepened as far as fills.
 */
const LEVERS: Levers = { shiftMax: 24, narrowPictures: true };
/**
 * With `roomy`, a one-line headline may stand in up to this many lines of white space (three above it,
 * three below), twice what the search gives it: a 组版 opens up the titles before leaving a well of
 * blank between the modules (random day 7-3: four stacked stories, 4 lines blank at the foot) or a line
 * blank at the page's foot (a 四开 day of two stacked stories). On a page short of copy from the first
 * pass; on any other only when no page keeping the rules, 补空's included, is within the hole limit (a
 * short story fills a hole better).
 */
const ROOMY_PAD = 6;

/**
 * 撑满: blank lines at the foot of a stack of modules (a module's stretch, or a run closed as blank
 * right under it) are shared out over the modules of that stack with the levers, bottom first, the
 * modules under a deepened one moving down; what no lever takes stays blank. The stack is the
 * modules of exactly the same columns, each ending where the next begins. Then a module whose last
 * column ends short gains the lines that fill it (拉行). `pastShare`: on a page no other lever keeps within
 * the hole limit, pictures deepen past their story's share of the page, within its measure (field day F
 * 四开: a picture story's 9 column-lines left under it).
 */
export function justify(measurer: Measurer, articles: Article[], c: Candidate, roomy = false, pastShare = false): Candidate {
  const levers: Levers = { ...LEVERS, ...(roomy ? { padMost: ROOMY_PAD } : {}), ...(pastShare ? { pastShare } : {}) };
  const placed = c.placed.map((p) => ({ ...p }));
  // (with stories held over, a blank run is left whole unless the levers take all of it: 补空 may fill it)
  const holding = placed.length < articles.length;
  const closed = c.closed.flatMap((r) => {
    const q = placed.find((p) => p.col === r.col && p.spec.span === r.span && outer(p) === r.span && bottom(p) === r.row);
    if (q) q.stretch += r.rows;
    return q || deepenStep(measurer, articles, placed, r) || (!holding && unstep(measurer, articles, placed, r, levers)) ? [] : deepenBody(measurer, articles, placed, r, holding, levers);
  });
  for (const q of placed) if (q.stretch > 0) share(measurer, articles, placed, q, levers);
  for (const q of placed) if (q.stretch > 0) lowerUnderStep(measurer, articles, placed, q);
  for (const q of placed) if (q.stretch === 0 && q.m.emptyLines > 1 && !fillLastColumn(measurer, articles, q)) rowToTitles(measurer, articles, placed, q);
  for (const q of placed) if (q.stretch === 0 && q.m.emptyLines > HOLE_LIMIT) rowToStack(measurer, articles, placed, q, levers);
  return { placed, closed };
}

/**
 * A module whose last column ends more than a line short: its paragraphs re-broken to gain the lines
 * that fill it (拉行), at the same depth, when enough of them can take one more line, at its own
 * tracking or another; whether it was filled.
 */
function fillLastColumn(measurer: Measurer, articles: Article[], q: Placement): boolean {
  // (its own tracking first, then the others: a story set tight to fit a room may fill its depth set looser)
  for (const t of [q.m.tracking, ...measurer.trackings.filter((x) => x !== q.m.tracking)]) {
    const at = t === q.m.tracking ? q.m : measurer.measure(articles[q.rank], q.spec, t);
    if (!at || at.rows !== q.m.rows || at.titleRows !== q.m.titleRows) continue;
    const e = at.emptyLines;
    for (const shift of e <= 1 ? [0] : [e, e - 1]) {
      const spec = { ...q.spec, lineShift: (q.spec.lineShift ?? 0) + shift };
      const m = shift ? measurer.measure(articles[q.rank], spec, t) : at;
      if (!m || m.rows !== q.m.rows || m.titleRows !== q.m.titleRows || m.emptyLines > 1) continue;
      q.spec = spec;
      q.m = m;
      return true;
    }
  }
  return false;
}

/** Lines 缩行 may give back, at most, for a row of the body given to the title area (see rowToTitles). */
const SHRINK_MOST = 4;

/**
 * A module whose last column ends more lines short than the hole limit and that no lever fills (a
 * 5-column story set a line too deep by its last paragraphs' breaks, 9 lines blank: field test 19; a
 * 5-column brief at the foot 4 lines short): a row of its body
 * goes to white space in its title area (within `padMax`), the text set a few lines shorter (缩行) or
 * longer (拉行) as leaves its last column fewest lines blank, at the module's depth: taken when those are
 * within the hole limit; never bringing titles side by side.
 */
function rowToTitles(measurer: Measurer, articles: Article[], placed: Placement[], q: Placement): void {
  const article = articles[q.rank];
  // (a stepped module only when its step runs to its foot, as 撑满 leaves one: nothing stands under its titles' overhang)
  const stepped = outer(q) > q.spec.span;
  const span = outer(q);
  if (stepped && overhangDepth(q.spec, q.m.titleRows) !== q.m.rows) return;
  if (q.m.emptyLines <= HOLE_LIMIT || !article.headline.trim() || q.spec.padRows + 1 > padMax({ measurer }, article, q.spec)) return;
  const shifts = [0, ...Array.from({ length: SHRINK_MOST }, (_, i) => -(i + 1)), ...Array.from({ length: Math.max(0, q.m.emptyLines - span) }, (_, i) => i + 1)];
  let best: { spec: ShapeSpec; m: Measured } | undefined;
  for (const shift of shifts) {
    const spec = { ...q.spec, padRows: q.spec.padRows + 1, lineShift: (q.spec.lineShift ?? 0) + shift, ...(stepped ? { stepRows: q.spec.stepRows! - 1 } : {}) };
    const m = measurer.measure(article, spec, q.m.tracking);
    if (m && m.rows === q.m.rows && m.titleRows === q.m.titleRows + 1 && m.emptyLines < (best?.m ?? q.m).emptyLines) best = { spec, m };
  }
  // (the lines left blank within the hole limit: the page's rule; fewer still, the better)
  if (!best || best.m.emptyLines > HOLE_LIMIT) return;
  const was = { spec: q.spec, m: q.m };
  Object.assign(q, best);
  if (clashes(placed.filter((z) => z !== q), q)) Object.assign(q, was);
}

/**
 * A module whose last column still ends more lines short than the hole limit when its title white space
 * is at its most (field test 36 N2 四开: a 民生观 five columns wide under the lead, 4 lines): set a row or
 * two shallower — its text as many lines shorter (less 拉行, or 缩行) as leaves its last column within the
 * limit, its pictures cropped as much shallower where they set its depth — and those rows given to the
 * modules above it in its stack with the levers (`share`), the module moving down under them. Left as it
 * was, and they as they were, when they cannot take all of them.
 */
function rowToStack(measurer: Measurer, articles: Article[], placed: Placement[], q: Placement, levers: Levers): void {
  if (outer(q) > q.spec.span || stackOf(placed, q).length < 2) return;
  const saved = placed.map((p) => ({ p, spec: p.spec, m: p.m, row: p.row, stretch: p.stretch }));
  for (const rows of [1, 2]) {
    for (const spec of shallower(q.spec, rows)) {
      const m = measurer.measure(articles[q.rank], spec, q.m.tracking);
      if (!m || m.titleRows !== q.m.titleRows || m.rows !== q.m.rows - rows || m.emptyLines > HOLE_LIMIT) continue;
      Object.assign(q, { spec, m, stretch: rows });
      share(measurer, articles, placed, q, levers, true);
      if (q.stretch === 0) return;
      for (const x of saved) Object.assign(x.p, { spec: x.spec, m: x.m, row: x.row, stretch: x.stretch });
    }
  }
}

/** The shapes that may set a module `rows` shallower: its text up to a row's lines and the hole limit shorter, its pictures up to as many rows shallower. */
function shallower(spec: ShapeSpec, rows: number): ShapeSpec[] {
  const out: ShapeSpec[] = [];
  const crops = spec.pictures.length ? rows : 0;
  for (let crop = 0; crop <= crops; crop++) {
    const pictures = crop ? resize(spec.pictures, -crop) : spec.pictures;
    if (crop && pictures.every((p, i) => p.rows === spec.pictures[i].rows)) continue;
    for (let cut = 0; cut <= rows * spec.span + HOLE_LIMIT; cut++) out.push({ ...spec, pictures, lineShift: (spec.lineShift ?? 0) - cut });
  }
  return out;
}

/**
 * A short run closed as blank right under a stepped module's step, as wide as the step: the step is made
 * that much deeper where the levers (拉行, tracking) keep the module's own depth, the text running on
 * into it. Whether it was.
 */
function deepenStep(measurer: Measurer, articles: Article[], placed: Placement[], r: GridRect): boolean {
  // (a deeper run is room for a held-over story: 补空's)
  if (r.rows > MIN_MODULE) return false;
  const q = stepOver(placed, r);
  if (!q) return false;
  const spec = { ...q.spec, stepRows: q.spec.stepRows! + r.rows };
  const natural = measurer.measure(articles[q.rank], spec);
  if (!natural || natural.rows > q.m.rows || natural.titleRows !== q.m.titleRows) return false;
  const kept = natural.rows === q.m.rows ? { spec, m: natural } : grow({ measurer }, articles[q.rank], spec, natural, q.m.rows, { ...LEVERS, keepTitles: true });
  if (!kept || kept.m.titleRows !== q.m.titleRows) return false;
  q.spec = kept.spec;
  q.m = kept.m;
  return true;
}

/**
 * A run closed as blank under a stepped module's step down to its foot that no story takes (none is
 * held over, and none placed could stand in it: a 四开 lead stepped over a one-column notch on a page of
 * long stories, 18 column-lines blank, field day G): the module set as a rectangle as wide as its titles,
 * its text run on across every column, made as deep as it was with the levers (title white space,
 * pictures, 拉行), never bringing titles side by side. Whether it was.
 */
function unstep(measurer: Measurer, articles: Article[], placed: Placement[], r: GridRect, levers: Levers): boolean {
  const q = stepOver(placed, r);
  // (a module with blank under it would be deepened into what stands under the notch: only one that ends where the run does)
  if (!q || q.stretch > 0 || r.row + r.rows !== q.row + q.m.rows) return false;
  const spec: ShapeSpec = { ...q.spec, span: outer(q), titleSpan: undefined, stepRows: undefined };
  const natural = measurer.measure(articles[q.rank], spec);
  if (!natural || natural.rows > q.m.rows) return false;
  const kept = natural.rows === q.m.rows ? { spec, m: natural } : grow({ measurer }, articles[q.rank], spec, natural, q.m.rows, levers);
  if (!kept) return false;
  const was = { spec: q.spec, m: q.m };
  q.spec = kept.spec;
  q.m = kept.m;
  if (!clashes(placed.filter((z) => z !== q), q)) return true;
  Object.assign(q, was);
  return false;
}

/** The stepped module whose step stands right over `r`, as wide as it. */
function stepOver(placed: Placement[], r: GridRect): Placement | undefined {
  return placed.find((p) => p.spec.stepRows && p.col + p.spec.span === r.col && outer(p) === p.spec.span + r.span && p.row + overhangDepth(p.spec, p.m.titleRows) === r.row);
}

/**
 * A run closed as blank right under a stepped module's body (the step's columns go on deeper with
 * other modules): the body made deeper into it with the levers, its titles and step kept where they
 * are (the module does not move: its step would meet what stands under it); what the levers leave
 * stays a closed run right under the body. With stories held over (`whole`), taken only when the
 * levers take all of it, else the module is left as it was (a smaller run may not take the story 补空
 * would put there). The runs left blank.
 */
function deepenBody(measurer: Measurer, articles: Article[], placed: Placement[], r: GridRect, whole: boolean, levers: Levers): GridRect[] {
  const q = placed.find((p) => p.col === r.col && p.spec.span === r.span && outer(p) > r.span && bottom(p) === r.row);
  if (!q) return [r];
  const was = { spec: q.spec, m: q.m };
  const left = r.rows - deepen(measurer, articles, q, r.rows, levers);
  if (left === 0) return [];
  if (!whole) return [{ ...r, row: bottom(q), rows: left }];
  Object.assign(q, was);
  return [r];
}

/**
 * Blank lines 撑满 left at the foot of a stack of modules whose top one stands right under a stepped
 * module's step, as wide as the step: the stack moves down by as many lines and the step is made that
 * much deeper (`deepenStep`), its text running on into the lines the stack left (field 53 P1 对开: a
 * 新语 under a sidebar beside the lead, five lines blank at its foot); never bringing titles side by side.
 */
function lowerUnderStep(measurer: Measurer, articles: Article[], placed: Placement[], q: Placement): void {
  // (a stepped module's blank is under its body only: moved down, its step would meet what stands under it)
  if (outer(q) > q.spec.span) return;
  const chain = stackOf(placed, q);
  const top = chain[chain.length - 1];
  const room = { col: top.col, span: top.spec.span, row: top.row, rows: q.stretch };
  const above = stepOver(placed, room);
  if (!above) return;
  const was = { spec: above.spec, m: above.m };
  if (!deepenStep(measurer, articles, placed, room)) return;
  const move = (rows: number): void => chain.forEach((x) => (x.row += rows));
  move(room.rows);
  q.stretch = 0;
  if (!chain.some((x) => clashes(placed.filter((z) => z !== x), x))) return;
  move(-room.rows);
  q.stretch = room.rows;
  Object.assign(above, was);
}

function bottom(p: Placement): number {
  return p.row + p.m.rows + p.stretch;
}

/** The modules of q's stack, q first, then up. */
function stackOf(placed: Placement[], q: Placement): Placement[] {
  const out = [q];
  for (let x = q; ; ) {
    // A module above may have titles wider than its body (its body over x): deepening keeps its title area as it is.
    const y = placed.find((p) => p !== x && p.col === x.col && p.spec.span === x.spec.span && bottom(p) === x.row);
    if (!y || out.includes(y)) return out;
    out.push(y);
    x = y;
  }
}

/** Shares q's blank lines out over its stack (q first, then up; only the modules above it with `above`), the modules under each deepened one moving down. */
function share(measurer: Measurer, articles: Article[], placed: Placement[], q: Placement, levers: Levers, above = false): void {
  const chain = stackOf(placed, q);
  for (let progress = true; progress && q.stretch > 0; ) {
    progress = false;
    for (const [i, x] of chain.entries()) {
      if (above && x === q) continue;
      const was = { spec: x.spec, m: x.m };
      const k = deepen(measurer, articles, x, Math.min(STEP, q.stretch), levers);
      if (!k) continue;
      // The modules under x in its stack move down; q's blank lines shrink by as much.
      const moved = chain.slice(0, i);
      for (const y of moved) y.row += k;
      // Moving down must not bring titles side by side (撞题): then that step is undone.
      if ([x, ...moved].some((y) => clashes(placed.filter((z) => z !== y), y))) {
        for (const y of moved) y.row -= k;
        Object.assign(x, was);
        continue;
      }
      q.stretch -= k;
      progress = true;
      if (q.stretch === 0) break;
    }
  }
}

/**
 * Makes x up to `most` lines deeper with the levers (as many as one lever reaches); the lines gained.
 * A module whose titles run wider than its body keeps its title area as deep as it is: another module
 * sits under the titles' overhang.
 */
function deepen(measurer: Measurer, articles: Article[], x: Placement, most: number, levers: Levers): number {
  for (let k = most; k >= 1; k--) {
    const grown = grow({ measurer }, articles[x.rank], x.spec, x.m, x.m.rows + k, { ...levers, keepTitles: outer(x) > x.spec.span });
    if (!grown || (outer(x) > x.spec.span && grown.m.titleRows !== x.m.titleRows)) continue;
    x.spec = grown.spec;
    x.m = grown.m;
    return k;
  }
  return 0;
}
