import type { Article, GridRect } from '../model/document';
import type { Measured, Measurer, ShapeSpec } from './measure';
import { HOLE_LIMIT } from './score';

/** An article set in a shape at a place on the grid. */
export interface Placement {
  rank: number;
  spec: ShapeSpec;
  m: Measured;
  col: number;
  row: number;
  /** Rows added at the foot to reach the column foot (blank lines in its last column). */
  stretch: number;
}

export interface Candidate {
  placed: Placement[];
  /** Column-lines closed as blank when nothing fitted there. */
  closed: GridRect[];
}

interface State extends Candidate {
  tops: number[];
  used: boolean[];
  value: number;
}

export interface SearchInput {
  articles: Article[];
  shapes: ShapeSpec[][];
  measurer: Measurer;
  obstacles: GridRect[];
  /** Deterministic bound on states expanded; `deadline` (ms, performance.now) is the backstop. */
  workBudget: number;
  deadline: number;
  now: () => number;
}

export interface SearchOutput {
  finals: Candidate[];
  expanded: number;
  stoppedBy: 'done' | 'work' | 'time';
}

/** Beam width per lead span, and how many ranks ahead of the first unplaced article a module may be taken from. */
const BEAM = 32;
const LOOKAHEAD = 3;
/** A gap this many lines or fewer under a module is closed with the levers (no module is that short). */
const MIN_MODULE = 8;
/** White space in a title area, at most, in grid lines. */
const PAD_MAX = 3;
/** Cost of each blank column-line over the hole limit: a page over the limit is taken only when nothing else fits. */
const OVER_LIMIT = 60;
/** Worth of placing one article (in column-lines, by rank weight). */
const PLACED = 400;

/**
 * Beam search over a skyline of the free grid: the lowest (then leftmost) flat run of columns is
 * filled next with a module of one of the next few ranked articles in one of its shapes, at the
 * run's left or right edge; or the run is closed as blank. Every module is a rectangle measured
 * with the real layout, so a finished state is a modular page with nothing overset. One beam per
 * lead span keeps the alternatives distinct.
 */
export function search(input: SearchInput): SearchOutput {
  const { measurer } = input;
  const { columns, rows } = measurer.geo;
  const finals: Candidate[] = [];
  let expanded = 0;
  let stoppedBy: SearchOutput['stoppedBy'] = 'done';
  const leadSpans = [...new Set(input.shapes[0]?.map((s) => s.span) ?? [0])];
  const perBeam = Math.max(1, Math.floor(input.workBudget / Math.max(1, leadSpans.length)));
  for (const leadSpan of leadSpans) {
    const tops = Array.from({ length: columns }, (_, c) => skip(input.obstacles, c, 0, rows));
    let beam: State[] = [{ tops, used: input.articles.map(() => false), placed: [], closed: [], value: 0 }];
    let budget = perBeam;
    while (beam.length) {
      const next: State[] = [];
      for (const s of beam) {
        if (budget-- <= 0) stoppedBy = 'work';
        if (input.now() > input.deadline) stoppedBy = 'time';
        if (stoppedBy !== 'done') break;
        expanded++;
        const children = expand(input, s, leadSpan);
        if (children.length === 0) finals.push(s);
        else next.push(...children);
      }
      if (stoppedBy !== 'done') {
        // Out of budget: finish the best partial pages by closing what is left.
        for (const s of beam.slice(0, 2)) finals.push(closeAll(input, s));
        break;
      }
      beam = prune(next);
    }
    if (stoppedBy !== 'done') break;
  }
  return { finals, expanded, stoppedBy };
}

function prune(states: State[]): State[] {
  const seen = new Set<string>();
  const out: State[] = [];
  for (const s of states.sort((a, b) => b.value - a.value)) {
    const key = `${s.tops.join(',')}|${s.used.map((u) => (u ? 1 : 0)).join('')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
    if (out.length >= BEAM) break;
  }
  return out;
}

/** First row at or after `row` in column `c` that no obstacle covers. */
function skip(obstacles: GridRect[], c: number, row: number, rows: number): number {
  let r = row;
  for (let moved = true; moved && r < rows; ) {
    moved = false;
    for (const o of obstacles) if (c >= o.col && c < o.col + o.span && r >= o.row && r < o.row + o.rows) {
      r = o.row + o.rows;
      moved = true;
    }
  }
  return Math.min(r, rows);
}

/** First obstacle row at or below `row` in column `c` (the column's foot for a module starting there). */
function footOf(obstacles: GridRect[], c: number, row: number, rows: number): number {
  let foot = rows;
  for (const o of obstacles) if (c >= o.col && c < o.col + o.span && o.row >= row) foot = Math.min(foot, o.row);
  return foot;
}

/** The lowest, then leftmost, run of columns with equal tops, or undefined when the page is full. */
function lowestRun(tops: number[], rows: number): { col: number; width: number; row: number } | undefined {
  let best = -1;
  for (let c = 0; c < tops.length; c++) if (tops[c] < rows && (best < 0 || tops[c] < tops[best])) best = c;
  if (best < 0) return undefined;
  let end = best;
  while (end + 1 < tops.length && tops[end + 1] === tops[best]) end++;
  return { col: best, width: end - best + 1, row: tops[best] };
}

function expand(input: SearchInput, s: State, leadSpan: number): State[] {
  const { rows } = input.measurer.geo;
  const run = lowestRun(s.tops, rows);
  if (!run) return [];
  let foot = rows;
  for (let c = run.col; c < run.col + run.width; c++) foot = Math.min(foot, footOf(input.obstacles, c, run.row, rows));
  const children: State[] = [];
  const first = s.placed.length === 0;
  const ranks: number[] = [];
  for (let i = 0; i < s.used.length && ranks.length < (first ? 1 : LOOKAHEAD); i++) if (!s.used[i]) ranks.push(i);
  for (const rank of ranks) {
    for (const spec of input.shapes[rank]) {
      if (spec.span > run.width || (first && rank === 0 && spec.span !== leadSpan)) continue;
      const fitted = fit(input, rank, spec, foot - run.row);
      if (!fitted) continue;
      const cols = spec.span === run.width ? [run.col] : [run.col, run.col + run.width - spec.span];
      for (const col of cols) {
        const p = { rank, spec: fitted.spec, m: fitted.m, col, row: run.row, stretch: fitted.stretch };
        if (!clashes(s.placed, p)) children.push(place(input, s, p));
      }
      // The titles over the whole run, the body in part of it: the rest of the run starts under the titles.
      const wide = spec.span < run.width && spec.headlineSize > 0 ? fit(input, rank, { ...spec, titleSpan: run.width }, foot - run.row) : undefined;
      if (wide && wide.m.titleRows > 0) {
        const p = { rank, spec: wide.spec, m: wide.m, col: run.col, row: run.row, stretch: wide.stretch };
        if (!clashes(s.placed, p)) children.push(place(input, s, p));
      }
    }
  }
  if (!first) children.push(close(input, s, run, foot));
  return children;
}

/**
 * The shape fitted into `room` lines: when the rest would be too small for another module, the gap
 * is closed with the levers in turn (a deeper picture, white space in the title area, looser
 * tracking), and only then with blank lines at the foot.
 */
function fit(input: SearchInput, rank: number, spec: ShapeSpec, room: number): { spec: ShapeSpec; m: Measured; stretch: number } | undefined {
  const article = input.articles[rank];
  const m = input.measurer.measure(article, spec);
  if (!m || m.rows > room) return undefined;
  const gap = room - m.rows;
  if (gap === 0 || gap > MIN_MODULE) return { spec, m, stretch: 0 };
  for (const lever of levers(input, article, spec, gap)) {
    const lm = input.measurer.measure(article, lever.spec, lever.tracking);
    if (lm && lm.rows === room) return { spec: lever.spec, m: lm, stretch: 0 };
  }
  return { spec, m, stretch: gap };
}

/** Ways to make a module `gap` lines deeper, most preferred first. */
function levers(input: SearchInput, article: Article, spec: ShapeSpec, gap: number): { spec: ShapeSpec; tracking?: number }[] {
  const out: { spec: ShapeSpec; tracking?: number }[] = [];
  const maxPic = Math.floor(input.measurer.geo.rows * 0.45);
  if (spec.picture) for (let extra = gap; extra >= 1; extra--) if (spec.picture.rows + extra <= maxPic) {
    const picture = { ...spec.picture, rows: spec.picture.rows + extra };
    out.push({ spec: { ...spec, picture } });
    if (article.headline.trim() && gap - extra <= PAD_MAX) out.push({ spec: { ...spec, picture, padRows: gap - extra } });
  }
  if (article.headline.trim()) for (let pad = Math.min(gap, PAD_MAX); pad >= 1; pad--) out.push({ spec: { ...spec, padRows: pad } });
  for (const t of input.measurer.trackings) if (t > 0) {
    out.push({ spec, tracking: t });
    if (article.headline.trim()) for (let pad = 1; pad <= PAD_MAX; pad++) out.push({ spec: { ...spec, padRows: pad }, tracking: t });
  }
  return out;
}

/** Columns a placement covers (its titles' span when wider than its body). */
export function outer(p: Placement): number {
  return Math.max(p.spec.span, p.spec.titleSpan ?? 0);
}

/** 撞题: the module's title area shares a grid line with a neighbouring module's (never allowed). */
function clashes(placed: Placement[], p: Placement): boolean {
  return placed.some((q) => (q.col + outer(q) === p.col || p.col + outer(p) === q.col) && q.m.titleRows > 0 && p.m.titleRows > 0 && q.row < p.row + p.m.titleRows && p.row < q.row + q.m.titleRows);
}

function place(input: SearchInput, s: State, p: Placement): State {
  const tops = [...s.tops];
  const bottom = p.row + p.m.rows + p.stretch;
  const { rows } = input.measurer.geo;
  for (let c = p.col; c < p.col + outer(p); c++) tops[c] = skip(input.obstacles, c, c < p.col + p.spec.span ? bottom : p.row + p.m.titleRows, rows);
  const used = [...s.used];
  used[p.rank] = true;
  // Skipping over a higher-ranked article costs; text area gained counts by rank; blank lines cost.
  const skipped = s.used.slice(0, p.rank).filter((u) => !u).length;
  const area = p.spec.span * (p.m.rows + p.stretch) + (outer(p) - p.spec.span) * p.m.titleRows;
  const blank = p.m.emptyLines + p.stretch * p.spec.span;
  const weight = 1 + 0.5 * (1 - p.rank / Math.max(1, s.used.length));
  // Each article placed is worth more than any area: the page holds as much of the day's copy as it can.
  const value = s.value + PLACED * weight + weight * (area - blank) - 4 * blank - OVER_LIMIT * Math.max(0, blank - HOLE_LIMIT) - 20 * skipped;
  return { tops, used, placed: [...s.placed, p], closed: s.closed, value };
}

/** Close a run as blank up to its lower neighbour's top (or its foot). */
function close(input: SearchInput, s: State, run: { col: number; width: number; row: number }, foot: number): State {
  const { rows } = input.measurer.geo;
  const left = run.col > 0 ? s.tops[run.col - 1] : rows;
  const right = run.col + run.width < s.tops.length ? s.tops[run.col + run.width] : rows;
  const to = Math.min(foot, Math.max(run.row + 1, Math.min(left, right)));
  const tops = [...s.tops];
  for (let c = run.col; c < run.col + run.width; c++) tops[c] = skip(input.obstacles, c, to, rows);
  const rect = { col: run.col, span: run.width, row: run.row, rows: to - run.row };
  const cells = rect.span * rect.rows;
  return { ...s, tops, closed: [...s.closed, rect], value: s.value - 6 * cells - OVER_LIMIT * Math.max(0, cells - HOLE_LIMIT) };
}

function closeAll(input: SearchInput, s: State): Candidate {
  let cur = s;
  const { rows } = input.measurer.geo;
  for (let run = lowestRun(cur.tops, rows); run; run = lowestRun(cur.tops, rows)) {
    let foot = rows;
    for (let c = run.col; c < run.col + run.width; c++) foot = Math.min(foot, footOf(input.obstacles, c, run.row, rows));
    cur = close(input, cur, run, foot);
  }
  return cur;
}
