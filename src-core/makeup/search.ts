import type { Article, GridRect } from '../model/document';
import { overhangDepth, overTitles, type Measured, type Measurer, type ShapeSpec } from './measure';
import { HOLE_LIMIT } from './score';
import { isBrief } from './shapes';

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
  /** The items in rank order: the articles, then the stand-alone photos (the last `photos` items). */
  articles: Article[];
  photos: number;
  /** The page's lead is a locked story already: no item is placed as the lead, first and at its span. */
  leadLocked?: boolean;
  shapes: ShapeSpec[][];
  measurer: Measurer;
  obstacles: GridRect[];
  /** Deterministic bound on states expanded; `deadline` (ms, performance.now) is the backstop. */
  workBudget: number;
  /** Beam width (default BEAM): a second search with another width explores other pages. */
  beam?: number;
  deadline: number;
  now: () => number;
  /** How good a finished page is (the make-up's own judgement; higher is better): which beams are worth searching wide. */
  rate?: (c: Candidate) => number;
  /** Modules on the page already (a refill's): obstacles too, and their titles never met side by side. */
  fixed?: Placement[];
  /** How many of the next unplaced articles a run may take (default LOOKAHEAD; a refill takes any that fits). */
  lookahead?: number;
  /** Stories beside another's titles may set theirs vertically (竖题, `uprightOf`). */
  upright?: boolean;
}

export interface SearchOutput {
  finals: Candidate[];
  expanded: number;
  stoppedBy: 'done' | 'work' | 'time';
}

/** Beam width per beam (see beamsFor), and how many ranks ahead of the first unplaced article a module may be taken from. */
const BEAM = 96;
const LOOKAHEAD = 3;
/**
 * The probe: every beam this wide first, on this share of the work; then the FOCUS beams whose pages
 * the make-up rates best, at full width with the rest. Spread evenly, the work left each of the 20-odd
 * beams of a 对开 page too few states to reach the foot, and their unfinished pages were closed blank.
 */
const PROBE_WIDTH = 24;
const PROBE_SHARE = 0.4;
const FOCUS = 6;
/** Lines of a story's text under its headline, at least (issue 16: no headline without 3 of its body lines under it). */
const MIN_LEGS = 3;
/**
 * A story whose titles run wider than its body steps its body out under them (阶梯形) by this many
 * lines, so that the story under the overhang starts under text, never right under the titles (叠题).
 * Two depths keep the search as free to fill the page as titles over nothing did (random 48 days:
 * 叠题 54 → 0, holes while holding 1 → 1).
 */
const STEPS = [MIN_LEGS, 2 * MIN_LEGS];
/** A gap this many lines or fewer under a module is closed with the levers (no module is that short). */
export const MIN_MODULE = 8;
/** White space in a title area, at most, in grid lines. */
const PAD_MAX = 3;
/**
 * The most paragraphs 拉行 re-breaks a line longer to deepen a module in the search (each within the
 * composer's tracking limit): a bound on the search's work, which 撑满 lifts (`grow`'s `shiftMax`).
 */
const SHIFT_MAX = 8;
/** Cost of each blank column-line over the hole limit: a page over the limit is taken only when nothing else fits. */
const OVER_LIMIT = 60;
/** Cost of a blank column-line. */
const BLANK = 6;
/** Worth of placing one article (in column-lines, by rank weight); a stand-alone photo is worth half. */
const PLACED = 400;

/**
 * Beam search over a skyline of the free grid: the lowest (then leftmost) flat run of columns is
 * filled next with a module of one of the next few ranked articles in one of its shapes, at the
 * run's left or right edge; or the run is closed as blank. Every module is a rectangle measured
 * with the real layout, so a finished state is a modular page with nothing overset. Several beams
 * (per lead span and grouping of the columns, see beamsFor) keep the alternatives distinct.
 */
export function search(input: SearchInput): SearchOutput {
  const run: Run = { input, finals: [], expanded: 0, stoppedBy: 'done' };
  const beams = beamsFor(input);
  // Every beam probed narrow first; the most promising then searched at full width with the work left.
  const probeWork = Math.floor(input.workBudget * PROBE_SHARE);
  const probed = beams.map((b, i) => ({ b, best: runBeam(run, b, PROBE_WIDTH, share(probeWork - run.expanded, beams.length - i)) }));
  const focus = probed.sort((x, y) => y.best - x.best).slice(0, FOCUS);
  for (const [i, { b }] of focus.entries()) {
    if (run.stoppedBy === 'time') break;
    runBeam(run, b, input.beam ?? BEAM, share(input.workBudget - run.expanded, focus.length - i));
  }
  return { finals: run.finals, expanded: run.expanded, stoppedBy: run.stoppedBy };
}

/** The work left shared over the beams left: a beam that ends early leaves its share to the others. */
function share(left: number, beams: number): number {
  return Math.max(1, Math.floor(left / Math.max(1, beams)));
}

/** The search's shared state across its beams. */
interface Run {
  input: SearchInput;
  finals: Candidate[];
  expanded: number;
  stoppedBy: SearchOutput['stoppedBy'];
}

/** One beam, `width` wide, within `budget` states: its finished pages go to the run's; the best rating it reached is returned. */
function runBeam(run: Run, { bounds, leadSpan }: BeamSpec, width: number, budget: number): number {
  const { input } = run;
  const { columns, rows } = input.measurer.geo;
  const tops = Array.from({ length: columns }, (_, c) => skip(input.obstacles, c, 0, rows));
  let beam: State[] = [{ tops, used: input.articles.map(() => false), placed: [], closed: [], value: 0 }];
  let best = Number.NEGATIVE_INFINITY;
  let stop: SearchOutput['stoppedBy'] = 'done';
  const finish = (s: Candidate & { value: number }): void => {
    run.finals.push(s);
    best = Math.max(best, input.rate ? input.rate(s) : s.value);
  };
  while (beam.length) {
    const next: State[] = [];
    for (const s of beam) {
      if (budget-- <= 0) stop = 'work';
      if (input.now() > input.deadline) stop = 'time';
      if (stop !== 'done') break;
      run.expanded++;
      const children = expand(input, s, leadSpan, bounds);
      if (children.length === 0) finish(s);
      else next.push(...children);
    }
    if (stop !== 'done') {
      // Out of budget: finish the best partial pages by closing what is left.
      for (const s of beam.slice(0, 2)) finish(closeAll(input, s));
      break;
    }
    beam = prune(next, width);
  }
  // A beam out of work ends alone; the wall clock ends the search.
  if (stop !== 'done' && run.stoppedBy !== 'time') run.stoppedBy = stop;
  return best;
}

/**
 * The beams: one per lead span on the free grid, and one per lead span and grouping of the columns
 * into groups (栏组) of two to four, where every module starts and ends on a group's edge so that the
 * page is built of stacks with no one-column sliver between modules. Different pages come from
 * different beams, which keeps the alternatives distinct.
 */
interface BeamSpec {
  bounds: Set<number>;
  leadSpan: number;
}

function beamsFor(input: SearchInput): BeamSpec[] {
  const { columns } = input.measurer.geo;
  const [lo, hi] = columns >= 6 ? [2, 4] : [2, 3];
  const groupings: number[][] = [Array.from({ length: columns + 1 }, (_, i) => i)];
  const walk = (at: number, cuts: number[]): void => {
    if (at === columns) groupings.push(cuts);
    for (let w = lo; w <= hi && at + w <= columns; w++) walk(at + w, [...cuts, at + w]);
  };
  if (columns >= 4) walk(0, [0]);
  // With the lead locked there is no lead to place: one beam per grouping (0 = no span asked first).
  const leadSpans = input.leadLocked ? [0] : [...new Set(input.shapes[0]?.map((s) => s.span) ?? [columns])];
  const out: BeamSpec[] = [];
  for (const cuts of groupings) for (const leadSpan of leadSpans) if (leadSpan === 0 || cuts.includes(leadSpan)) out.push({ bounds: new Set(cuts), leadSpan });
  return out;
}

function weightOf(input: SearchInput, rank: number): number {
  const articles = input.articles.length - input.photos;
  return rank >= articles ? 1 : 1 + 0.5 * (1 - rank / Math.max(1, articles));
}

function prune(states: State[], width: number): State[] {
  const seen = new Set<string>();
  const out: State[] = [];
  for (const s of states.sort((a, b) => b.value - a.value)) {
    const key = `${s.tops.join(',')}|${s.used.map((u) => (u ? 1 : 0)).join('')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
    if (out.length >= width) break;
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

/** The items a run may take next: the next few unplaced articles in rank order, and any stand-alone photo. */
function candidates(input: SearchInput, s: State, first: boolean): number[] {
  const articles = input.articles.length - input.photos;
  const out: number[] = [];
  for (let i = 0; i < articles && out.length < (first ? 1 : (input.lookahead ?? LOOKAHEAD)); i++) if (!s.used[i]) out.push(i);
  if (!first) for (let i = articles; i < input.articles.length; i++) if (!s.used[i]) out.push(i);
  return out;
}

function expand(input: SearchInput, s: State, leadSpan: number, bounds: Set<number>): State[] {
  const { rows } = input.measurer.geo;
  const run = lowestRun(s.tops, rows);
  if (!run) return [];
  let foot = rows;
  for (let c = run.col; c < run.col + run.width; c++) foot = Math.min(foot, footOf(input.obstacles, c, run.row, rows));
  const children: State[] = [];
  const first = s.placed.length === 0 && !input.leadLocked;
  const next = candidates(input, s, first);
  for (const rank of next) {
    for (const spec of [...input.shapes[rank], ...footShapes(input, rank, run, foot)]) {
      if (spec.span > run.width || (first && rank === 0 && spec.span !== leadSpan)) continue;
      const cols = (spec.span === run.width ? [run.col] : [run.col, run.col + run.width - spec.span]).filter((c) => bounds.has(c) && bounds.has(c + spec.span));
      const under = below(input, s, next, rank, spec.span, foot - run.row);
      for (const col of cols) {
        const depths = [...targets(s.tops, col, spec.span, run.row, foot), ...under];
        // (a story whose titles would stand level with a neighbour's may set them vertically instead, or open with its picture)
        if (!placeAt(input, s, { rank, spec, col, row: run.row }, foot - run.row, depths, children)) continue;
        for (const other of [uprightOf(input, rank, spec), pictureOverOf(input, spec, col, run.row)]) if (other) placeAt(input, s, { rank, spec: other, col, row: run.row }, foot - run.row, depths, children);
      }
      // The titles over the whole run, the body in part of it: the rest of the run starts under the titles.
      // Only where the body keeps at least half the titles' width: a narrow body under wide titles wastes the page.
      if (spec.span < run.width && spec.span * 2 >= run.width && spec.headlineSize > 0 && bounds.has(run.col + spec.span) && overhangs(input, rank)) {
        for (const step of STEPS) {
          for (const wide of fit(input, rank, derived(spec, `title${run.width}/${step}`, () => ({ ...spec, titleSpan: run.width, stepRows: step })), foot - run.row, [foot - run.row])) {
            const p = { rank, spec: wide.spec, m: wide.m, col: run.col, row: run.row, stretch: wide.stretch };
            if (wide.m.titleRows > 0 && !clashes(neighbours(input, s), p)) children.push(place(input, s, p));
          }
        }
      }
    }
  }
  if (!first) children.push(close(input, s, run, foot));
  return children;
}

/** The shape fitted at a place, each fit that meets no neighbour's titles a child state; whether any did (撞题). */
function placeAt(input: SearchInput, s: State, at: { rank: number; spec: ShapeSpec; col: number; row: number }, room: number, depths: number[], children: State[]): boolean {
  let clashed = false;
  for (const fitted of fit(input, at.rank, at.spec, room, depths)) {
    const p = { rank: at.rank, spec: fitted.spec, m: fitted.m, col: at.col, row: at.row, stretch: fitted.stretch };
    if (clashes(neighbours(input, s), p)) clashed = true;
    else children.push(place(input, s, p));
  }
  return clashed;
}

/**
 * The shape with its picture over its titles (图在题上), offered to a story whose titles would stand level
 * with a neighbour's (撞题): one picture, as wide as the module, its titles under it (field test 42 P1
 * 对开: beside a lead of a title and a painting, every story's titles stood level with the lead's; a
 * column was left blank between them, 34 column-lines). Not a stepped or vertical shape's. Under another
 * story's text (not at the top of the free page, `atTop`) a line of white stands over the picture, which
 * would read as that story's right under its last line (review).
 */
function pictureOverOf(input: SearchInput, spec: ShapeSpec, col: number, row: number): ShapeSpec | undefined {
  if (spec.pictures.length !== 1 || spec.pictures[0].span !== spec.span || spec.titleSpan || spec.vertical || spec.headlineSize <= 0 || spec.picturesOver !== undefined) return undefined;
  const air = atTop(input, col, spec.span, row) ? 0 : PICTURE_AIR;
  return derived(spec, `over${air}`, () => ({ ...spec, picturesOver: air }));
}

/** Blank lines over a picture that stands over its titles under another story's text (`pictureOverOf`). */
const PICTURE_AIR = 1;

/** Whether a module at `col`, `span` wide, starting at `row` stands at the top of the free page: nothing but obstacles over it. */
function atTop(input: SearchInput, col: number, span: number, row: number): boolean {
  for (let c = col; c < col + span; c++) if (skip(input.obstacles, c, 0, input.measurer.geo.rows) !== row) return false;
  return true;
}

/** A title part longer than this (characters) is not set vertically: it would run down most of a module. */
const UPRIGHT_CHARS = 12;

/**
 * The shape with its titles set vertically (竖题), offered to a story whose horizontal titles would
 * stand level with a neighbour's (撞题), as a 组版 sets a short headline upright beside the lead's
 * rather than leave a column blank between them (field day F 四开: 7 column-lines). Never the lead's
 * (the page's biggest headline runs across the top), nor a shape with pictures (they stand at the
 * module's right, where the titles go), nor one column wide (the body keeps a column), nor with a
 * long title part.
 */
function uprightOf(input: SearchInput, rank: number, spec: ShapeSpec): ShapeSpec | undefined {
  const article = input.articles[rank];
  if (!input.upright || rank + (input.leadLocked ? 1 : 0) === 0 || rank >= input.articles.length - input.photos) return undefined;
  if (spec.vertical || spec.pictures.length || spec.span < 2 || spec.titleSpan || spec.headlineSize <= 0) return undefined;
  const parts = [article.kicker, article.headline, article.deck].map((t) => [...t.replace(/\s/g, '')].length);
  if (!parts[1] || parts.some((n) => n > UPRIGHT_CHARS)) return undefined;
  return derived(spec, 'upright', () => ({ ...spec, vertical: true }));
}

/**
 * Whether a story's titles may run wider than its body, over another story's module: never a brief's
 * (简讯: a small headline over a few lines reads as the headline of the story under it too, 题文不对应),
 * on a narrow page (四开) only the lead's, never 竖排 titles.
 */
function overhangs(input: SearchInput, rank: number): boolean {
  const article = input.articles[rank];
  const r = rank + (input.leadLocked ? 1 : 0);
  if (r > 0 && input.measurer.geo.columns <= NARROW_PAGE) return false;
  return rank < input.articles.length - input.photos && !isBrief(article, r) && !input.measurer.verticalTitles(article.id);
}

/** A page of at most this many columns is narrow (四开 and less): its half is three columns, one story's width. */
const NARROW_PAGE = 6;

/**
 * A run this shallow (in lines) at the page's foot may take a story the run's width, whatever its rank (a 通栏 strip at the foot):
 * 20 lines, or a fifth of a deeper page's (对开: 23 of 118; field test 34 N1, a brief three columns wide left 10 column-lines
 * blank beside it 22 lines over the foot).
 */
function footBand(rows: number): number {
  return Math.max(20, Math.floor(rows / 5));
}

/** The extra shape a story gets in a shallow, wide run at the foot: the run's width, its own headline size, its pictures as they are. */
function footShapes(input: SearchInput, rank: number, run: { width: number; row: number }, foot: number): ShapeSpec[] {
  const shapes = input.shapes[rank];
  const own = shapes[0];
  if (!own || !own.headlineSize || foot - run.row > footBand(input.measurer.geo.rows) || run.width < 4 || shapes.some((x) => x.span === run.width)) return [];
  return [derived(own, `foot${run.width}`, () => ({ ...own, span: run.width }))];
}

/**
 * Depths a module at `col` may end at, in lines from the run's top: the foot, and the tops of the
 * columns beside it, so its foot lines up with its neighbour's and the skyline stays flat.
 */
function targets(tops: number[], col: number, span: number, row: number, foot: number): number[] {
  const out = [foot - row];
  for (const c of [col - 1, col + span]) if (c >= 0 && c < tops.length && tops[c] > row && tops[c] < foot) out.push(tops[c] - row);
  return out;
}

/**
 * Depths that leave exactly room for another of the next items under the module, at its natural
 * depth in the same span: the pair then reaches the foot together.
 */
function below(input: SearchInput, s: State, next: number[], rank: number, span: number, room: number): number[] {
  const out: number[] = [];
  for (const other of next) {
    if (other === rank || s.used[other]) continue;
    for (const rows of naturalRows(input, other, span)) if (rows < room) out.push(room - rows);
  }
  return out;
}

/**
 * What `make` gives for `key` on `owner`, made once while the owner lives: the search asks the same
 * of a shape (or a shape list) in state after state.
 */
function kept<O extends object, K, V>(store: WeakMap<O, Map<K, V>>, owner: O, key: K, make: () => V): V {
  let byKey = store.get(owner);
  if (!byKey) store.set(owner, (byKey = new Map()));
  let out = byKey.get(key);
  if (out === undefined) byKey.set(key, (out = make()));
  return out;
}

/** The natural depths of an item's shapes of one span (asked for every run the search fills). */
const NATURAL_ROWS = new WeakMap<ShapeSpec[], Map<number, number[]>>();

function naturalRows(input: SearchInput, rank: number, span: number): number[] {
  const shapes = input.shapes[rank];
  return kept(NATURAL_ROWS, shapes, span, () => shapes.filter((spec) => spec.span === span).flatMap((spec) => input.measurer.measure(input.articles[rank], spec)?.rows ?? []));
}

export interface Fitted {
  spec: ShapeSpec;
  m: Measured;
  stretch: number;
}

/**
 * The shape fitted into `room` lines, ending at each target depth it can reach with the levers (the
 * pictures' crop, white space in the title area, tracking), and at its natural depth when that
 * leaves room for another module under it. A gap under it too small for another module is
 * closed with the levers, and only then with blank lines at the foot.
 */
function fit(input: SearchInput, rank: number, spec: ShapeSpec, room: number, depths: number[]): Fitted[] {
  // The same shape is fitted to the same room and depths in many states: kept per shape.
  return kept(FITTED, spec, `${rank}|${room}|${depths.join(',')}`, () => fitOnce(input, rank, spec, room, depths));
}

const FITTED = new WeakMap<ShapeSpec, Map<string, Fitted[]>>();

/** A shape derived from another (a wider title area, a foot strip's span), made once so that what is fitted of it is kept. */
function derived(spec: ShapeSpec, key: string, make: () => ShapeSpec): ShapeSpec {
  return kept(DERIVED, spec, key, make);
}

const DERIVED = new WeakMap<ShapeSpec, Map<string, ShapeSpec>>();

function fitOnce(input: SearchInput, rank: number, spec: ShapeSpec, room: number, depths: number[]): Fitted[] {
  const article = input.articles[rank];
  let m = input.measurer.measure(article, spec);
  let base = spec;
  if (m && m.rows > room) {
    const cropped = crop(input, article, spec, m.rows, room) ?? shrink(input, article, spec, m, room);
    if (!cropped) return [];
    ({ spec: base, m } = cropped);
  }
  if (!m) return [];
  if (legless(spec, m)) return [];
  const out: Fitted[] = [];
  const natural = m;
  if (room - natural.rows > MIN_MODULE || natural.rows === room) out.push({ spec: base, m: natural, stretch: 0 });
  const trimmed = trimToText(input, article, base, natural);
  if (trimmed && !legless(spec, trimmed.m) && (room - trimmed.m.rows > MIN_MODULE || trimmed.m.rows === room)) out.push(trimmed);
  for (const depth of [...new Set(depths)].sort((a, b) => b - a)) {
    if (depth <= natural.rows || depth > room) continue;
    const grown = grow(input, article, base, natural, depth);
    if (grown) out.push(grown);
    else if (depth === room && depth - natural.rows <= MIN_MODULE) out.push({ spec: base, m: natural, stretch: depth - natural.rows });
  }
  return out.filter((f) => !blankStep(f));
}

/**
 * A headline over fewer than MIN_LEGS lines of its text, or a module shallower than it is wide (a brief as a
 * 6- or 8-column band a few lines deep reads as a strip): the story goes narrower.
 */
function legless(spec: ShapeSpec, m: Measured): boolean {
  return spec.headlineSize > 0 && spec.span > 1 && m.rows - m.titleRows < Math.max(MIN_LEGS, spec.span);
}

/** A stepped module whose text ends before its step: all blank under its titles' overhang (field test 15, a brief-length lead). */
function blankStep({ spec, m }: Fitted): boolean {
  return !!spec.stepRows && m.emptyLines >= spec.stepRows * ((spec.titleSpan ?? spec.span) - spec.span);
}

/**
 * A module whose pictures run deeper than its text (its last column ends a row or more short): the
 * pictures cropped shallower, within their limits (CROP), until the text fills the module's columns
 * but for less than a row; offered beside the uncropped shape. Undefined when no crop gains a line.
 */
function trimToText(input: SearchInput, article: Article, spec: ShapeSpec, m: Measured): Fitted | undefined {
  const spare = spec.pictures.reduce((n, p) => n + p.rows - p.min, 0);
  if (!spare || m.emptyLines < spec.span) return undefined;
  let best: Fitted | undefined;
  for (let cut = 1; cut <= spare; cut++) {
    const cropped = { ...spec, pictures: resize(spec.pictures, -cut) };
    const at = input.measurer.measure(article, cropped);
    if (!at || at.rows >= (best?.m ?? m).rows) break;
    best = { spec: cropped, m: at, stretch: 0 };
    if (at.emptyLines < spec.span) break;
  }
  return best;
}

/** The shape with its pictures cropped shallower (within their limits) so that it fits `room` lines (see `shrink` for text). */
function crop(input: SearchInput, article: Article, spec: ShapeSpec, rows: number, room: number): Fitted | undefined {
  const spare = spec.pictures.reduce((n, p) => n + p.rows - p.min, 0);
  for (let cut = rows - room; cut <= Math.min(spare, rows - room + 2); cut++) {
    const trimmed = { ...spec, pictures: resize(spec.pictures, -cut) };
    const m = input.measurer.measure(article, trimmed);
    if (m && m.rows <= room) return { spec: trimmed, m, stretch: 0 };
  }
  return undefined;
}

/** The shape made to fit `room` lines by 缩行: as many paragraphs a line shorter as the rows over need (within SHIFT_MAX). */
function shrink(input: SearchInput, article: Article, spec: ShapeSpec, m: Measured, room: number): Fitted | undefined {
  const need = (m.rows - room) * spec.span - m.emptyLines;
  if (need > SHIFT_MAX) return undefined;
  const trimmed = { ...spec, lineShift: (spec.lineShift ?? 0) - Math.max(1, need) };
  const shrunk = input.measurer.measure(article, trimmed, m.tracking);
  return shrunk && shrunk.rows <= room ? { spec: trimmed, m: shrunk, stretch: 0 } : undefined;
}

/** Pictures made `delta` lines deeper (or shallower) in all, spread over them within their crop limits; undefined when they cannot. */
export function resize(pictures: ShapeSpec['pictures'], delta: number, cap: (p: ShapeSpec['pictures'][number]) => number = (p) => p.max): ShapeSpec['pictures'] {
  let left = delta;
  return pictures.map((p) => {
    const rows = Math.max(p.min, Math.min(cap(p), p.rows + left));
    left -= rows - p.rows;
    return { ...p, rows };
  });
}

/**
 * How far grow's levers go: paragraphs re-broken a line longer (拉行) at most, and whether a picture
 * narrower than the body may deepen by as much as deepens the module by the rows asked (in the search
 * a picture deepens by those rows only, so it never takes the room of a story still to be placed;
 * 撑满 lets it fill what the stories left).
 */
export interface Levers {
  shiftMax: number;
  narrowPictures?: boolean;
  /** No white space added to the title area (a module whose titles overhang another keeps their depth). */
  keepTitles?: boolean;
  /** White space around a one-line headline at most, in grid lines (PAD_MAX unless set: a page short of copy may take more). */
  padMost?: number;
  /** Pictures deepened past their story's share of the page, as far as cropping allows (a page left with blank no story takes). */
  pastShare?: boolean;
}

const SEARCH_LEVERS: Levers = { shiftMax: SHIFT_MAX };

/** The shape made exactly `depth` lines deep with the levers, most preferred first; undefined when none reaches it. */
export function grow(input: Pick<SearchInput, 'measurer'>, article: Article, spec: ShapeSpec, natural: Measured, depth: number, levers: Levers = SEARCH_LEVERS): Fitted | undefined {
  const gap = depth - natural.rows;
  const titled = article.headline.trim() !== '' && spec.headlineSize > 0;
  const cap = (p: ShapeSpec['pictures'][number]): number => (levers.pastShare ? p.deepest : p.max);
  const room = spec.pictures.reduce((n, p) => n + cap(p) - p.rows, 0);
  const tries: { spec: ShapeSpec; tracking?: number }[] = [];
  // White space in the title area from what the shape has already (a module 撑满 deepens again may have some) up to the most;
  // what a page short of copy allows beyond a full page's most (`padMost`) is tried last, when no other lever reaches the depth.
  const pads: number[] = [];
  const most = titled && !levers.keepTitles ? padMax(input, article, spec) : spec.padRows;
  for (let pad = spec.padRows; pad <= most; pad++) pads.push(pad);
  const left = (pad: number): number => gap - (pad - spec.padRows);
  for (const pad of pads) {
    const extra = left(pad);
    for (const rows of levers.narrowPictures ? pictureRowsFor(spec, extra) : extra > 0 ? [extra] : []) if (rows <= room) tries.push({ spec: { ...spec, padRows: pad, pictures: resize(spec.pictures, rows, cap) } });
    if (extra === 0) tries.push({ spec: { ...spec, padRows: pad } });
  }
  for (const t of input.measurer.trackings) if (t > 0) for (const pad of pads) tries.push({ spec: { ...spec, padRows: pad }, tracking: t });
  // Last, 拉行: paragraphs re-broken a line longer, as many as fill the new rows.
  for (const pad of pads.filter((x) => left(x) > 0)) {
    const lines = natural.emptyLines + left(pad) * spec.span + (spec.lineShift ?? 0);
    if (lines <= levers.shiftMax) tries.push({ spec: { ...spec, padRows: pad, lineShift: lines }, tracking: natural.tracking });
  }
  const roomier = titled && !levers.keepTitles && levers.padMost ? padMax(input, article, spec, levers.padMost) : most;
  for (let pad = most + 1; pad <= roomier && left(pad) >= 0; pad++) for (const t of [natural.tracking, ...input.measurer.trackings.filter((x) => x !== natural.tracking)]) tries.push({ spec: { ...spec, padRows: pad }, tracking: t });
  for (const lever of tries) {
    const m = input.measurer.measure(article, lever.spec, lever.tracking);
    if (m && m.rows === depth) return { spec: lever.spec, m, stretch: 0 };
  }
  return undefined;
}

/**
 * White space a shape's title area may gain, in grid lines: PAD_MAX around a one-line headline (it
 * sits centred in the space); a headline of several lines takes it as leading between its lines, so
 * half a line per line at most (a two-line headline spread a line and a half apart read as two).
 */
export function padMax(input: Pick<SearchInput, 'measurer'>, article: Article, spec: ShapeSpec, most = PAD_MAX): number {
  // (vertical titles take no white space: it would set their columns apart)
  if (input.measurer.vertical(article, spec)) return spec.padRows;
  const lines = input.measurer.titlesOf(article, spec, 0).headlineLines;
  return Math.max(spec.padRows, lines > 1 ? Math.floor(lines / 2) : most);
}

/**
 * Picture rows that may deepen a module by `extra` rows: a picture narrower than the body takes a
 * line from only its own columns per row, so it deepens by the body's span over its own for each
 * row the module gains (rounded either way, the real layout decides).
 */
function pictureRowsFor(spec: ShapeSpec, extra: number): number[] {
  if (extra <= 0 || spec.pictures.length === 0) return [];
  const exact = (extra * spec.span) / Math.max(1, spec.pictures[0].span);
  return [...new Set([Math.round(exact), Math.floor(exact), Math.ceil(exact) + 1])].filter((r) => r > 0);
}

/** Columns a placement covers (its titles' span when wider than its body). */
export function outer(p: Placement): number {
  return Math.max(p.spec.span, p.spec.titleSpan ?? 0);
}

/** The modules a new one must not meet title to title: the state's, and the page's own in a refill. */
function neighbours(input: SearchInput, s: State): Placement[] {
  return input.fixed ? [...input.fixed, ...s.placed] : s.placed;
}

/** 撞题: the module's title area shares a grid line with a neighbouring module's (never allowed). */
export function clashes(placed: Placement[], p: Placement): boolean {
  return placed.some((q) => sideBySide(q, p));
}

/** Whether two modules stand side by side (no column between) with titles' type that shares a grid line (撞题). */
export function sideBySide(a: Placement, b: Placement): boolean {
  const [x, y] = [titleArea(a), titleArea(b)];
  if (a === b || x.rows <= 0 || y.rows <= 0) return false;
  return (x.col + x.span === y.col || y.col + y.span === x.col) && x.row < y.row + y.rows && y.row < x.row + x.rows;
}

/** The columns and lines a module's titles' type takes: a band across it under its white space (`whiteTop`), or 竖题's column at its right. */
function titleArea(p: Placement): { col: number; span: number; row: number; rows: number } {
  if (p.m.uprightRows) return { col: p.col + outer(p) - 1, span: 1, row: p.row, rows: p.m.uprightRows };
  const top = p.m.whiteTop ?? 0;
  return { col: p.col, span: outer(p), row: p.row + overTitles(p.spec) + top, rows: p.m.titleRows ? p.m.titleRows - top - (p.m.whiteFoot ?? 0) : 0 };
}

function place(input: SearchInput, s: State, p: Placement): State {
  const tops = [...s.tops];
  const bottom = p.row + p.m.rows + p.stretch;
  const { rows } = input.measurer.geo;
  for (let c = p.col; c < p.col + outer(p); c++) tops[c] = skip(input.obstacles, c, c < p.col + p.spec.span ? bottom : p.row + overhangDepth(p.spec, p.m.titleRows), rows);
  const used = [...s.used];
  used[p.rank] = true;
  // Skipping over a higher-ranked article costs; text area gained counts by rank; blank lines cost.
  const articles = input.articles.length - input.photos;
  const skipped = p.rank < articles ? s.used.slice(0, p.rank).filter((u) => !u).length : 0;
  // (a picture's cells are not text: counted as area, they made a bigger picture worth more than placing the next story)
  const pictureCells = p.spec.pictures.reduce((n, x) => n + x.span * x.rows, 0);
  const area = p.spec.span * (p.m.rows + p.stretch) + (outer(p) - p.spec.span) * overhangDepth(p.spec, p.m.titleRows) - pictureCells;
  const blank = p.m.emptyLines + p.stretch * p.spec.span;
  const weight = weightOf(input, p.rank);
  // Each article placed is worth more than any area: the page holds as much of the day's copy as it can.
  const worth = p.rank < articles ? PLACED : PLACED / 2;
  const value = s.value + worth * weight + weight * (area - blank) - 4 * blank - OVER_LIMIT * Math.max(0, blank - HOLE_LIMIT) - 20 * skipped;
  return { tops, used, placed: [...s.placed, p], closed: s.closed, value };
}

/** Close a run as blank up to its lower neighbour's top (or its foot); `justify` may give it to the modules above later. */
function close(input: SearchInput, s: State, run: { col: number; width: number; row: number }, foot: number): State {
  const { rows } = input.measurer.geo;
  const left = run.col > 0 ? s.tops[run.col - 1] : rows;
  const right = run.col + run.width < s.tops.length ? s.tops[run.col + run.width] : rows;
  // (at least a line: a run closed at its own top would be found and closed again for ever)
  const to = Math.max(run.row + 1, Math.min(foot, Math.min(left, right)));
  const tops = [...s.tops];
  for (let c = run.col; c < run.col + run.width; c++) tops[c] = skip(input.obstacles, c, to, rows);
  const rect = { col: run.col, span: run.width, row: run.row, rows: to - run.row };
  const cells = rect.span * rect.rows;
  return { ...s, tops, closed: [...s.closed, rect], value: s.value - BLANK * cells - OVER_LIMIT * Math.max(0, cells - HOLE_LIMIT) };
}

function closeAll(input: SearchInput, s: State): State {
  let cur = s;
  const { rows } = input.measurer.geo;
  for (let run = lowestRun(cur.tops, rows); run; run = lowestRun(cur.tops, rows)) {
    let foot = rows;
    for (let c = run.col; c < run.col + run.width; c++) foot = Math.min(foot, footOf(input.obstacles, c, run.row, rows));
    cur = close(input, cur, run, foot);
  }
  return cur;
}
