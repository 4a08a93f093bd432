import type { Article, GridRect } from '../model/document';
import type { GridGeometry } from '../model/grid';
import { outer, sideBySide, type Candidate, type Placement } from './search';
import type { Score } from './types';
import { isBrief } from './shapes';
import { isPhotoItem, pictureCount as picturesOf } from './measure';
import { picturesMeeting } from './picture-sides';

/** The hole limit of issue 16, in column-lines. */
export const HOLE_LIMIT = 3;

/** The grid's cells the rectangles cover (1), within the grid, added to a copy of `over` when given; the rest 0. */
function cover(geo: GridGeometry, rects: GridRect[], over?: Uint8Array): Uint8Array {
  const covered = over ? over.slice() : new Uint8Array(geo.columns * geo.rows);
  for (const r of rects) for (let col = Math.max(0, r.col); col < Math.min(geo.columns, r.col + r.span); col++) for (let row = Math.max(0, r.row); row < Math.min(geo.rows, r.row + r.rows); row++) covered[row * geo.columns + col] = 1;
  return covered;
}

/** The blank at the page's foot (see raggedFoot). */
interface Foot {
  ragged: number;
  empty: number;
}

interface Hole {
  size: number;
  /** It reaches the foot of the type area (or of the room above an obstacle): the page's leftover, not a gap between modules. */
  atFoot: boolean;
}

/**
 * Blank column-lines not inside any module or obstacle, by connected area; and blank lines at modules'
 * feet. Titles that overhang blank columns (no story under them) do not part the blank above from the
 * blank below: to the eye it is one empty strip with a headline across it, and counted so.
 */
function holes(geo: GridGeometry, c: Candidate, blocked: Uint8Array): { list: Hole[]; foot: Foot } {
  const bodies = c.placed.flatMap((p) => [
    { col: p.col, span: p.spec.span, row: p.row, rows: p.m.rows + p.stretch },
    // a stepped module's first lines under its titles' overhang
    { col: p.col + p.spec.span, span: outer(p) - p.spec.span, row: p.row + p.m.titleRows, rows: p.spec.stepRows ?? 0 },
  ]);
  const titles = c.placed.map((p) => ({ col: p.col, span: outer(p), row: p.row, rows: p.m.titleRows }));
  const solid = cover(geo, bodies, blocked);
  const titled = cover(geo, titles);
  const seen = new Uint8Array(solid.length);
  const out: Hole[] = c.placed.map((p) => ({ size: p.m.emptyLines + p.stretch * p.spec.span, atFoot: false }));
  for (let i = 0; i < solid.length; i++) {
    if (solid[i] || titled[i] || seen[i]) continue;
    let size = 0;
    let atFoot = false;
    const stack = [i];
    seen[i] = 1;
    while (stack.length) {
      const j = stack.pop()!;
      if (!titled[j]) size++;
      const below = j + geo.columns;
      if (below >= solid.length || blocked[below]) atFoot = true;
      const col = j % geo.columns;
      // (through an overhanging title only up or down, and only where blank lies on its other side)
      const steps = titled[j] ? [j - geo.columns, j + geo.columns] : [j - geo.columns, j + geo.columns, col > 0 ? j - 1 : -1, col < geo.columns - 1 ? j + 1 : -1];
      for (const k of steps) if (k >= 0 && k < solid.length && !solid[k] && !seen[k]) {
        seen[k] = 1;
        stack.push(k);
      }
    }
    out.push({ size, atFoot });
  }
  return { list: out, foot: raggedFoot(geo, solid, blocked) };
}

/**
 * Blank column-lines at the foot above a flat band as deep as the shallowest column's: the foot's
 * blank in a column-high strip beside stories (a ragged foot) rather than across the page. Columns
 * an obstacle fills to the top are left out; an obstacle at the foot (an ad) is a column's foot.
 * `empty`: columns with nothing in them, blank from the top.
 */
function raggedFoot(geo: GridGeometry, solid: Uint8Array, blocked: Uint8Array): Foot {
  const depths: number[] = [];
  for (let col = 0; col < geo.columns; col++) {
    let row = geo.rows - 1;
    while (row >= 0 && blocked[row * geo.columns + col]) row--;
    if (row < 0) continue;
    let depth = 0;
    for (; row >= 0 && !solid[row * geo.columns + col]; row--) depth++;
    depths.push(depth);
  }
  const least = Math.min(...depths);
  return { ragged: depths.reduce((n, d) => n + d - least, 0), empty: depths.filter((d) => d === geo.rows).length };
}

/**
 * 撞题: two modules side by side whose title areas share a grid line (sideBySide); and 叠题: a story's titles right
 * under another's titles where those overhang it, two headlines stacked with no text between.
 */
function collisions(placed: Placement[]): number {
  let n = 0;
  for (const a of placed) for (const b of placed) {
    if (a.col < b.col && sideBySide(a, b)) n++;
    if (a === b || !a.m.titleRows || !b.m.titleRows) continue;
    if (b.row === a.row + a.m.titleRows && b.col >= a.col + a.spec.span && b.col < a.col + outer(a)) n++;
  }
  return n;
}

function hierarchy(geo: GridGeometry, all: Placement[], articles: Article[]): { value: number; sizes: number[] } {
  // Stand-alone photos have no headline: the hierarchy is the articles'.
  const placed = all.filter((p) => p.spec.headlineSize > 0);
  const byRank = [...placed].sort((a, b) => a.rank - b.rank);
  const sizes = byRank.map((p) => p.spec.headlineSize);
  const lead = byRank.find((p) => p.rank === 0);
  const checks: boolean[] = [];
  checks.push(!!lead && sizes.every((s) => s <= lead.spec.headlineSize));
  checks.push(!!lead && lead.row <= geo.rows / 3);
  checks.push(!!lead && (geo.columns < 6 || lead.spec.span * 2 >= geo.columns));
  if (placed.length >= 6) checks.push(new Set(sizes).size >= 3);
  // (a brief's small headline, 简讯, is no ceiling for the stories ranked under it)
  const ranked = byRank.filter((p) => !isBrief(articles[p.rank], p.rank)).map((p) => p.spec.headlineSize);
  let inversions = 0;
  for (let i = 1; i < ranked.length; i++) if (ranked[i] > ranked[i - 1]) inversions++;
  checks.push(inversions === 0);
  checks.push(placed.every((p) => p.m.rows - p.m.titleRows >= 3));
  return { value: checks.filter(Boolean).length / checks.length, sizes };
}

function balance(geo: GridGeometry, placed: Placement[]): number {
  let left = 0;
  let right = 0;
  const mid = geo.columns / 2;
  for (const p of placed) {
    const w = p.spec.headlineSize * p.spec.span + 4 * p.spec.pictures.reduce((n, x) => n + x.span * x.rows, 0);
    const share = Math.max(0, Math.min(1, (mid - p.col) / p.spec.span));
    left += w * share;
    right += w * (1 - share);
  }
  const sides = left + right > 0 ? 1 - Math.abs(left - right) / (left + right) : 1;
  let ordered = 0;
  let pairs = 0;
  for (const a of placed) for (const b of placed) if (a.rank < b.rank) {
    pairs++;
    if (a.row <= b.row) ordered++;
  }
  return 0.5 * sides + 0.5 * (pairs ? ordered / pairs : 1);
}

/** Most a ragged foot costs (see penaltyOf). */
const RAGGED_MOST = 0.6;
/** Ragged column-lines that cost half of RAGGED_MOST. */
const RAGGED_HALF = 40;
/** A column with nothing in it, beside stories: to the eye a hole through the page. */
const EMPTY_COLUMN = 0.5;

/**
 * A hole over the limit breaks a rule of the page: it costs more than any gain in looks. When the copy
 * is short the blank cannot all be filled: blank at the foot costs a tenth as much as a hole between
 * modules, so it is left there in one piece (room for 补稿 or an ad, as the note says), not split into
 * holes between the modules; a full page still beats it. That blank is left across the page, as a
 * band under stories that end level: the part of it in a column-high strip beside stories (`ragged`;
 * field test 14: a column empty to the foot beside stacked briefs) costs up to RAGGED_MOST: more than
 * any gain in looks, less than a story or a picture left out (SHORT_LOST).
 */
function penaltyOf(hs: Hole[], shortCopy: boolean, foot: Foot): number {
  const over = (list: Hole[]): number => Math.max(0, Math.max(0, ...list.map((h) => h.size)) - HOLE_LIMIT);
  if (!shortCopy) return over(hs) / 10;
  return over(hs.filter((h) => !h.atFoot)) / 10 + over(hs.filter((h) => h.atFoot)) / 100 + (RAGGED_MOST * foot.ragged) / (foot.ragged + RAGGED_HALF) + EMPTY_COLUMN * foot.empty;
}

/** Grid cells no obstacle covers (obstacles may overlap: a locked story and its pictures). */
export function freeCells(geo: GridGeometry, obstacles: GridRect[]): number {
  return countFree(cover(geo, obstacles));
}

const countFree = (covered: Uint8Array): number => covered.reduce((n, v) => n + (v ? 0 : 1), 0);

/** Scores the pages of one make-up: the obstacles' cells and the free room counted once, each page scored once. */
export function scorer(geo: GridGeometry, obstacles: GridRect[], articles: Article[], pictureCount: number, shortCopy = false): (c: Candidate) => Score {
  const blocked = cover(geo, obstacles);
  const free = Math.max(1, countFree(blocked));
  const memo = new WeakMap<Candidate, Score>();
  return (c) => {
    let s = memo.get(c);
    if (!s) memo.set(c, (s = scoreCandidate(geo, c, blocked, articles, pictureCount, free, shortCopy)));
    return s;
  };
}

/** When the copy is short, a story held over or a picture left out costs this many times more: no shape of the blank is worth one. */
const SHORT_LOST = 20;

/** The score of a made-up page, with the figures a 组版 reads, in Chinese and English. */
function scoreCandidate(geo: GridGeometry, c: Candidate, blocked: Uint8Array, articles: Article[], pictureCount: number, free: number, shortCopy: boolean): Score {
  const { list: hs, foot } = holes(geo, c, blocked);
  const blank = hs.reduce((a, h) => a + h.size, 0);
  const largestHole = Math.max(0, ...hs.map((h) => h.size));
  const fill = Math.max(0, 1 - blank / free);
  const h = hierarchy(geo, c.placed, articles);
  const bal = balance(geo, c.placed);
  const placedPictures = c.placed.reduce((n, p) => n + picturesOf(p.spec), 0);
  const pictures = pictureCount ? placedPictures / pictureCount : 1;
  const clashes = collisions(c.placed);
  const meet = picturesMeeting(c.placed);
  const placedRanks = new Set(c.placed.map((p) => p.rank));
  // Holding over costs more than any gain in looks, and holding over out of rank costs most.
  const lost = shortCopy ? SHORT_LOST : 1;
  const lastPlaced = Math.max(-1, ...placedRanks);
  let held = 0;
  articles.forEach((_, rank) => {
    if (!placedRanks.has(rank)) held += (rank < lastPlaced ? 0.8 : 0.5) * (1 - rank / (2 * articles.length)) * lost;
  });
  const holePenalty = penaltyOf(hs, shortCopy, foot);
  const total = 0.45 * fill + 0.25 * h.value + 0.15 * bal + 0.15 * (1 - lost * (1 - pictures)) - holePenalty - 0.05 * clashes - held;
  const pct = (v: number): string => `${Math.round(v * 100)}%`;
  // stand-alone photos are counted as pictures, not as articles (the CLI's "made up N articles" counts the same)
  const photos = c.placed.filter((p) => isPhotoItem(articles[p.rank])).length;
  const stories = c.placed.length - photos;
  const sizes = [...new Set(h.sizes)].join('/');
  return {
    fill, hierarchy: h.value, balance: bal, pictures, total, largestHole, blank, headlineSizes: h.sizes, picturesMeet: meet,
    zh: `填充 ${pct(fill)}，最大空白 ${largestHole} 栏行，层次 ${pct(h.value)}（标题 ${sizes} pt），均衡 ${pct(bal)}，图片 ${pct(pictures)}${clashes ? `，撞题或叠题 ${clashes} 处` : ''}${meet ? `，撞图 ${meet} 处` : ''}，上版 ${stories} 篇${photos ? `，图片新闻 ${photos} 张` : ''}`,
    en: `fill ${pct(fill)}, largest hole ${largestHole} column-lines, hierarchy ${pct(h.value)} (headlines ${sizes} pt), balance ${pct(bal)}, pictures ${pct(pictures)}${clashes ? `, ${clashes} headlines side by side or stacked` : ''}${meet ? `, ${meet} ${meet === 1 ? 'pair' : 'pairs'} of pictures side by side` : ''}, ${stories} articles placed${photos ? `, ${photos} stand-alone photos` : ''}`,
  };
}
