/**
 * 补白: a page whose copy is short of it — every story it can take on it and a hole over the limit
 * left (`shortBy`) — is made up again around 公益广告 frames at its foot (one, or two where the first
 * leaves blank: above a booked ad and beside it), as a 组版 fills a short page from the paper's
 * public-service ads rather than send it with a quarter of it blank (the sample page's OCR'd copy
 * fills about 70% of a 对开 page: its pictures and ads were not in the text). A frame is locked, prints
 * as an ad placeholder (公益广告 and 广告) until its artwork is placed, and the note says its size, how
 * much copy (补稿) would take its place and any blank still left. So is a page holding stories over
 * that is left with a hole none of them fits (补白 too: the stories stay held, the note says why).
 */
import type { AdBlock, Block, GridRect } from '../model/document';
import { columnDepths, gridGeometry, rectsMeet, type GridGeometry } from '../model/grid';
import { heldKey } from './held';
import { keptBlocks } from './kept';
import { freeCells, HOLE_LIMIT } from './score';
import type { Alternative, HeldOver, MakeUpRequest, MakeUpResult } from './types';

/** The frame's advertiser: what it prints and what the 组版 replaces. */
export const FILLER_ADVERTISER = '公益广告';
/** The frame's block id, numbered: how a later make-up knows its own frame. */
const FRAME_ID = 'filler-ad-';
/** How a page short of copy is said, in the 补稿 note and in the frame's note (see also HELD_DO_NOT_FIT). */
export const SHORT_OF_COPY = { zh: '稿件不足以排满版面', en: 'Not enough copy to fill the page' } as const;
/** Make-up runs tried with a frame for each frame placed, at most (each a whole make-up of a short page): MOST_FRAMES rounds. */
const FILLER_TRIES = 5;
/** Frames on one page, at most: a second where the first leaves blank beside a booked ad or under the stories. */
const MOST_FRAMES = 2;
/** A frame this shallow reads as a rule, not an ad: no shallower (grid lines; six at 9 pt are about 25 mm, a small 公益广告 across three or four columns). */
const LEAST_LINES = 6;
/** The frame takes at most this share of the page's depth: the copy keeps the top of the page. */
const MOST_DEPTH = 0.6;

/** A page blank over this share of its free grid is far short of copy: 补稿, not a frame (a half-page 公益广告 is a page of ads). */
const MOST_BLANK = 0.5;

/** The positions a frame is tried in, with their names. */
const PLACES = {
  right: { zh: '右下', en: 'bottom right' },
  left: { zh: '左下', en: 'bottom left' },
  strip: { zh: '底部通栏', en: 'bottom strip' },
  overAd: { zh: '底部广告上方', en: 'above the ad at the foot' },
  well: { zh: '底部', en: 'foot' },
} as const;

interface Frame {
  rect: GridRect;
  place: keyof typeof PLACES;
}

/**
 * The made-up page: as `run` makes it, or, when its copy is short or it holds stories over that fit
 * no blank it leaves, around the first 公益广告 frames tried whose page is within the hole limit, holds
 * over no story it did not and cuts no 可删 paragraph for them (`framed`); when none is, the page that
 * came nearest if its largest hole is at most a third of the page's own (CLEAR_GAIN), the blank left
 * said. A frame that makes the blank only a little smaller is not taken, nor tried on a page more than
 * half blank (MOST_BLANK), nor on a holding page whose blank lies between its modules (`frameRoom`):
 * that page keeps its blank (and a page short of copy its 补稿 note). A frame an earlier run left (no artwork placed in it) is
 * taken off first, so the page is judged afresh: more copy takes its room. The runs share `budget`
 * (ms), as the hold loop's do. `made`: the page's run without a frame when the caller has it already
 * (a request with no frame left without artwork), so it is not made again.
 */
export function fillShort(request: MakeUpRequest, run: (r: MakeUpRequest) => MakeUpResult, budget: number, made?: MakeUpResult): MakeUpResult {
  const own = withoutFrames(request);
  const first = made && own === request ? made : run(own);
  const base = first.alternatives[0];
  // (a page holding stories over with a hole none of them fits: a frame fills the hole, the stories stay held: 补白 too)
  const holding = !first.shortBy && !!base && base.heldOver.length > 0 && base.score.largestHole > HOLE_LIMIT;
  const blank = first.shortBy ?? (holding ? Math.round(base.score.blank) : undefined);
  if (!blank || !base || first.stats.stoppedBy === 'time' || !frameRoom(own, base, blank, holding)) return first;
  const t = { run, budget, base, blank, holding };
  const out = framed({ request: own, result: first, frames: [] }, t, first.stats);
  const raised = out.within || !out.nearest ? { stats: out.stats } : raisedPage(own, out.nearest, t, out.stats);
  const nearest = raised.page ?? out.nearest;
  const page = out.within ?? (nearest && holeOf(nearest) * CLEAR_GAIN <= base.score.largestHole ? nearest : undefined);
  if (!page) return { ...first, stats: { ...raised.stats, stoppedBy: first.stats.stoppedBy } };
  const { result, frames } = page;
  const geo = gridGeometry(own.document.page);
  const left = holeOf(page) <= HOLE_LIMIT ? 0 : Math.round(result.alternatives[0].score.blank);
  // (the frame's note says the blank still left: the frame run's own 补稿 note would say it again)
  const notes = [fillerNote(frames, blank, charsFor(geo, blank), holding, left), ...result.notes.filter((n) => !n.blank)];
  return { ...result, notes, stats: { ...raised.stats, stoppedBy: result.stats.stoppedBy } };
}

/**
 * The nearest framed page made once more with its frames raised to the stories above them (`raisedFrames`),
 * when that leaves a smaller hole and holds no story more: a frame is make-up's own, so it takes the blank
 * its page left over it (field test 54 P1 对开, two stories short of copy: a frame three columns wide stood
 * 15 lines under the second story's foot, a hole of 45 column-lines). Undefined when no frame rises or
 * the page is no better; the work spent so far with the run's, if one was made.
 */
function raisedPage(own: MakeUpRequest, page: Framed, t: FrameTry, spent: MakeUpResult['stats']): { page?: Framed; stats: MakeUpResult['stats'] } {
  const geo = gridGeometry(own.document.page);
  const frames = raisedFrames(geo, page.frames, page.result.alternatives[0].blocks);
  if (!frames || spent.ms >= t.budget) return { stats: spent };
  const request = frames.reduce((r, f) => withFrame(r, f, t.budget - spent.ms, t.holding), own);
  const result = t.run(request);
  const stats = sumStats(spent, result.stats);
  const alt = result.alternatives[0];
  const better = !!alt && heldWithin(alt, t.base) && alt.score.largestHole < holeOf(page);
  return { page: better ? { request, result, frames } : undefined, stats };
}

/** Each frame standing under blank raised to the lowest foot of the blocks above it in its columns (MOST_DEPTH at most); undefined when none rises a line. */
function raisedFrames(geo: GridGeometry, frames: readonly Frame[], blocks: readonly Block[]): Frame[] | undefined {
  let rose = false;
  const out = frames.map((f) => {
    const foot = f.rect.row + f.rect.rows;
    // (the blank over it in each of its columns, down to its top: the least is how far it rises)
    const floor = Array.from({ length: geo.columns }, (_, col) => (col >= f.rect.col && col < f.rect.col + f.rect.span ? f.rect.row : geo.rows));
    const over = Math.min(...footGaps(geo, blocks, floor).slice(f.rect.col, f.rect.col + f.rect.span));
    const top = Math.max(foot - Math.floor(geo.rows * MOST_DEPTH), f.rect.row - over);
    if (top >= f.rect.row) return f;
    rose = true;
    return { ...f, rect: { ...f.rect, row: top, rows: foot - top } };
  });
  return rose ? joined(geo, out) : undefined;
}

/**
 * Frames that meet edge to edge joined into one: side by side at one depth, or one on the other as wide
 * (two 公益广告 of a size side by side are one frame, across the foot a strip; a second frame in the
 * well over the first is that frame made deeper: field test 54 P2 四开, 3 × 6 lines on 3 × 37).
 */
function joined(geo: GridGeometry, frames: readonly Frame[]): Frame[] {
  const out = [...frames];
  for (let i = 0; i < out.length; i++) {
    for (let j = i + 1; j < out.length; j++) {
      const rect = union(out[i].rect, out[j].rect);
      if (!rect) continue;
      out.splice(j, 1);
      out[i] = { place: rect.span === geo.columns ? 'strip' : rect.col === 0 ? 'left' : rect.col + rect.span === geo.columns ? 'right' : 'well', rect };
      j = i;
    }
  }
  return out;
}

/** The rectangle two make up when they meet edge to edge along a whole side; undefined otherwise. */
function union(a: GridRect, b: GridRect): GridRect | undefined {
  if (a.row === b.row && a.rows === b.rows && (a.col + a.span === b.col || b.col + b.span === a.col)) return { col: Math.min(a.col, b.col), span: a.span + b.span, row: a.row, rows: a.rows };
  if (a.col === b.col && a.span === b.span && (a.row + a.rows === b.row || b.row + b.rows === a.row)) return { col: a.col, span: a.span, row: Math.min(a.row, b.row), rows: a.rows + b.rows };
  return undefined;
}

/** When no frame brings the page within the hole limit, the page one came nearest with is taken if its largest hole is at most this share of the page's own. */
const CLEAR_GAIN = 3;

function holeOf(page: Framed): number {
  return page.result.alternatives[0].score.largestHole;
}

/** A page made up around frames: the request with them, its run, the frames in the order taken. */
interface Framed {
  request: MakeUpRequest;
  result: MakeUpResult;
  frames: Frame[];
}

/** What every frame run answers to: the run, the time budget, the page made without a frame and the blank it left. */
interface FrameTry {
  run: (r: MakeUpRequest) => MakeUpResult;
  budget: number;
  base: Alternative;
  blank: number;
  /** The page holds stories over (its blank is theirs to leave, not its copy's). */
  holding: boolean;
}

/** The least share of a holding page's blank that lies at its foot for a frame to be tried: with none there, the runs would be spent for nothing (random day 23-3: 4 s → 21 s, the same page). */
const LEAST_AT_FOOT = 0.2;

/**
 * Whether a frame may fill the page's blank (`blank` cells): not when it is more than half its free
 * grid (补稿, MOST_BLANK), nor, on a page holding stories over (`holding`), when it lies between the
 * modules with little of it at the foot (LEAST_AT_FOOT). A page short of copy is made up around a
 * frame at its foot wherever its blank lies: that page is another page, its stories take the room
 * left them, the wells between them too (random day 23-6: a hole of 41 in the lead, 4 with a frame).
 */
function frameRoom(request: MakeUpRequest, alt: Alternative, blank: number, holding: boolean): boolean {
  const geo = gridGeometry(request.document.page);
  const taken = keptRects(request.document.blocks);
  return blank <= freeCells(geo, taken) * MOST_BLANK && (!holding || footBlank(geo, alt.blocks, taken) >= blank * LEAST_AT_FOOT);
}

/**
 * The frames tried on `from`'s page, the likeliest first, FILLER_TRIES at most: the first whose page is
 * within the hole limit and holds over no story `base` did not (`within`). When none is, the page one of
 * them left least blank, holding no other story, is given a second frame where its blank lies (a page
 * blank beside a booked ad and under its stories too), MOST_FRAMES in all; `nearest`: the page of all
 * tried with the smallest largest hole. A frame taking every cell of one whose page held a story over, or
 * as many cells and as deep in mostly its columns (`crowds`), is not tried after it: it would crowd one out
 * too (briefs day 四开: 7 runs → 4). (Judged by size alone, it skipped the frames that fit: field test 55 P2
 * 四开, after a corner frame 3 × 35 that crowded a story out, the other corner's and a strip 5 × 21; the
 * page kept a hole of 106 column-lines, now none.)
 */
function framed(from: Framed, t: FrameTry, spent: MakeUpResult['stats']): { within?: Framed; nearest?: Framed; stats: MakeUpResult['stats'] } {
  const geo = gridGeometry(from.request.document.page);
  const blank = from.frames.length ? Math.round(from.result.alternatives[0].score.blank) : t.blank;
  let stats = spent;
  let leastBlank: Framed | undefined;
  let nearest: Framed | undefined;
  // (the frames whose pages held a story over: one that `crowds` as such a frame did is not tried)
  const crowding: Frame[] = [];
  for (const frame of framesFor(geo, blank, from.result.alternatives[0].blocks, from.request.document.blocks).slice(0, FILLER_TRIES)) {
    if (stats.ms >= t.budget) break;
    if (crowding.some((c) => crowds(frame, c))) continue;
    const request = withFrame(from.request, frame, t.budget - stats.ms, t.holding);
    const result = t.run(request);
    stats = sumStats(stats, result.stats);
    const alt = result.alternatives[0];
    if (alt && !heldWithin(alt, t.base)) crowding.push(frame);
    if (!alt || !heldWithin(alt, t.base)) continue;
    const page = { request, result, frames: joined(geo, [...from.frames, frame]) };
    if (alt.score.largestHole <= HOLE_LIMIT) return { within: page, stats };
    if (alt.score.blank < (leastBlank ?? from).result.alternatives[0].score.blank) leastBlank = page;
    if (!nearest || holeOf(page) < holeOf(nearest)) nearest = page;
  }
  const left = leastBlank?.result.alternatives[0];
  if (!leastBlank || !left || leastBlank.frames.length >= MOST_FRAMES || !frameRoom(leastBlank.request, left, Math.round(left.score.blank), t.holding)) return { nearest, stats };
  const again = framed(leastBlank, t, stats);
  return again.within || !nearest || (again.nearest && holeOf(again.nearest) < holeOf(nearest)) ? again : { nearest, stats: again.stats };
}

/**
 * Blank cells at the foot of the free page: in each column, those between its last block and the
 * blocks make-up keeps standing on the type area's foot (a booked ad), or the foot itself (a stepped
 * story as deep as each of its columns goes).
 */
function footBlank(geo: GridGeometry, blocks: readonly Block[], taken: readonly GridRect[]): number {
  return footGaps(geo, blocks, freeFoot(geo, taken)).reduce((n, g) => n + g, 0);
}

/** Each column's blank at the foot of the free page, `floor` its free foot (see footBlank). */
function footGaps(geo: GridGeometry, blocks: readonly Block[], floor: readonly number[]): number[] {
  const foot = Array.from({ length: geo.columns }, () => 0);
  for (const b of blocks) {
    if (b.kind === 'rule') continue;
    columnDepths(b).forEach((d, i) => {
      const col = b.col + i;
      if (d > 0 && col >= 0 && col < geo.columns && b.row < floor[col]) foot[col] = Math.max(foot[col], b.row + d);
    });
  }
  return foot.map((f, col) => Math.max(0, floor[col] - f));
}

/** Each column's free foot: the row where the kept blocks standing on the type area's foot begin (the type area's depth when none). */
function freeFoot(geo: GridGeometry, taken: readonly GridRect[]): number[] {
  return Array.from({ length: geo.columns }, (_, col) => {
    let foot = geo.rows;
    for (let moved = true; moved; ) {
      moved = false;
      for (const r of taken) {
        if (col < r.col || col >= r.col + r.span || r.row >= foot || r.row + r.rows < foot) continue;
        foot = r.row;
        moved = true;
      }
    }
    return foot;
  });
}

/** Whether `alt` holds over no story and no photo `base` did not (a frame never takes the place of one). */
function heldWithin(alt: Alternative, base: Alternative): boolean {
  const held = new Set(base.heldOver.map(heldKey));
  return alt.heldOver.every((h) => held.has(heldKey(h)));
}

/** The request without the frames an earlier make-up left that still have no artwork. */
function withoutFrames(request: MakeUpRequest): MakeUpRequest {
  const doc = request.document;
  const blocks = withoutFillerFrames(doc.blocks);
  return blocks.length === doc.blocks.length ? request : { ...request, document: { ...doc, blocks } };
}

/** The blocks but make-up's own 公益广告 frames that still have no artwork (a frame given artwork is the page's ad). */
export function withoutFillerFrames(blocks: readonly Block[]): Block[] {
  return blocks.filter((b) => !(isFillerFrame(b) && !b.imageId));
}

/** Whether the block is a 公益广告 frame make-up put there (补白). */
export function isFillerFrame(b: Block): b is AdBlock {
  return b.kind === 'ad' && isFrameId(b.id);
}

/** Whether the id is one make-up gave a frame of its own (FRAME_ID, numbered). */
function isFrameId(id: string): boolean {
  return id.startsWith(FRAME_ID);
}

/** The room make-up keeps (`keptBlocks`; rules take none), each block by its whole rectangle. */
function keptRects(blocks: readonly Block[]): GridRect[] {
  return rectsOf(keptBlocks(blocks));
}

/** The blocks' rectangles (rules take no room). */
function rectsOf(blocks: readonly Block[]): GridRect[] {
  return blocks.flatMap((b) => (b.kind !== 'rule' ? [{ col: b.col, span: b.span, row: b.row, rows: b.rows }] : []));
}

/** A frame that misses the blank at the foot by at most this share of it fits it: tried first (the page keeps its arrangement). */
const FITS_BLANK = 0.2;

/**
 * The frames tried, the likeliest first: one that fits the blank at the foot where it lies (`misfit`,
 * FITS_BLANK), the best fit first; then as many cells as the blank, in the bottom corners half the page
 * wide (a quarter-page 公益广告), a column wider and narrower, and across the foot (通栏), those nearest
 * the blank's cells first (a corner frame held to MOST_DEPTH falls short of a big blank: the strip
 * first); then, as deep as the blank at the foot of their own columns, those corners, the strip and a
 * frame on each booked ad at the foot (the blank above it). None meets a block make-up keeps.
 */
function framesFor(geo: GridGeometry, blank: number, made: readonly Block[], blocks: readonly Block[]): Frame[] {
  const kept = keptBlocks(blocks);
  const taken = rectsOf(kept);
  const floor = freeFoot(geo, taken);
  const gaps = footGaps(geo, made, floor);
  const local = (col: number, span: number): number => gaps.slice(col, col + span).reduce((n, g) => n + g, 0) / span;
  const half = Math.ceil(geo.columns / 2);
  const widths = [half, half + 1, half - 1].filter((w) => w >= 2 && w < geo.columns);
  const corners = (lines: (col: number, w: number) => number): Frame[] => widths.flatMap((w) => (['right', 'left'] as const).map((place) => frameAt(geo, place, w, lines(place === 'right' ? geo.columns - w : 0, w))));
  const likeliest = [...corners((_, w) => blank / w), frameAt(geo, 'strip', geo.columns, blank / geo.columns)].sort((a, b) => Math.abs(cells(a) - blank) - Math.abs(cells(b) - blank));
  const onAds = kept.flatMap((b) => (b.kind === 'ad' && !isFrameId(b.id) && standsOnFoot(b, floor) ? [overAd(geo, b, local(b.col, b.span))] : []));
  const seen = new Set<string>();
  // (deep enough, clear of what make-up keeps, each place once)
  const fresh = (f: Frame): boolean => f.rect.rows >= LEAST_LINES && !taken.some((r) => rectsMeet(r, f.rect)) && !seen.has(key(f)) && !!seen.add(key(f));
  const frames = [...likeliest, ...corners(local), frameAt(geo, 'strip', geo.columns, local(0, geo.columns)), ...onAds].filter(fresh);
  const fits = frames.filter((f) => misfit(f, gaps) <= blank * FITS_BLANK).sort((a, b) => misfit(a, gaps) - misfit(b, gaps));
  const wells = footWells(geo, gaps, floor).filter(fresh);
  return [...fits, ...wells, ...frames.filter((f) => !fits.includes(f))];
}

/** A column ending this many lines short of its free foot, or more, is part of a well at the foot (`footWells`). */
const WELL_LINES = 2;

/**
 * Frames in the wells at the foot: each run of columns ending WELL_LINES or more short, a frame as
 * wide as the run and as deep as its deepest blank (LEAST_LINES at least), where the corners and the
 * strip are too shallow for a frame (a 对开 page a dozen column-lines short, all of them under one
 * two-column stack: field day A, 8 in one hole), on the foot the run stands on (a booked ad's too).
 * The stories above it give the lines it takes over the blank.
 */
function footWells(geo: GridGeometry, gaps: readonly number[], floor: readonly number[]): Frame[] {
  const out: Frame[] = [];
  for (let col = 0; col < gaps.length; col++) {
    if (gaps[col] < WELL_LINES) continue;
    // (a run standing on one foot: the type area's, or a booked ad's it stands on)
    let end = col;
    while (end + 1 < gaps.length && gaps[end + 1] >= WELL_LINES && floor[end + 1] === floor[col]) end++;
    const span = end - col + 1;
    const rows = Math.min(Math.max(LEAST_LINES, Math.max(...gaps.slice(col, end + 1))), Math.floor(geo.rows * MOST_DEPTH), floor[col]);
    const place = span === geo.columns ? 'strip' : end === geo.columns - 1 ? 'right' : col === 0 ? 'left' : 'well';
    out.push({ place, rect: { col, span, row: floor[col] - rows, rows } });
    col = end;
  }
  return out;
}

/** The cells by which a frame misses the blank at the foot: blank it leaves beside it and cells it takes from the stories above it. */
function misfit(f: Frame, gaps: readonly number[]): number {
  return gaps.reduce((n, g, col) => n + (col >= f.rect.col && col < f.rect.col + f.rect.span ? Math.abs(f.rect.rows - g) : g), 0);
}

/** Whether the block stands on the type area's foot, or on kept blocks that do (`floor`: each column's free foot). */
function standsOnFoot(b: GridRect, floor: readonly number[]): boolean {
  return floor.slice(b.col, b.col + b.span).every((f) => f === b.row);
}

/**
 * Whether a frame would crowd a story out as `before` did: it takes every cell of it, or as many cells and as deep in
 * mostly its columns (the stories over it as short). A shallower frame as big across more columns may not, nor one as
 * big in the other corner (see framed).
 */
function crowds(frame: Frame, before: Frame): boolean {
  const [a, b] = [frame.rect, before.rect];
  const covers = a.col <= b.col && a.col + a.span >= b.col + b.span && a.row <= b.row && a.row + a.rows >= b.row + b.rows;
  const shared = Math.min(a.col + a.span, b.col + b.span) - Math.max(a.col, b.col);
  return covers || (cells(frame) >= cells(before) && a.rows >= b.rows && shared * 2 > a.span);
}

function cells(f: Frame): number {
  return f.rect.span * f.rect.rows;
}

function key(f: Frame): string {
  return `${f.rect.col}/${f.rect.span}/${f.rect.row}/${f.rect.rows}`;
}

function frameAt(geo: GridGeometry, place: Frame['place'], span: number, lines: number): Frame {
  const rows = Math.min(Math.round(lines), Math.floor(geo.rows * MOST_DEPTH));
  return { place, rect: { col: place === 'right' ? geo.columns - span : 0, span, row: geo.rows - rows, rows } };
}

/** A frame `lines` deep on the booked ad `ad`, as wide as it. */
function overAd(geo: GridGeometry, ad: GridRect, lines: number): Frame {
  const rows = Math.min(Math.round(lines), Math.floor(geo.rows * MOST_DEPTH), ad.row);
  return { place: 'overAd', rect: { col: ad.col, span: ad.span, row: ad.row - rows, rows } };
}

/**
 * The request with the frame as a locked ad (an id no block of the page has), its runs not cutting 可删
 * paragraphs, within what is left of the budget. On a page short of copy (not `holding`) the run holds
 * no story to fill the page (`holdToFill`): a frame page holding one the page without it did not is
 * not taken (`heldWithin`), so the hold rounds would be spent for nothing (briefs day 四开: 14.8 s → 8.8 s, the same page).
 */
function withFrame(request: MakeUpRequest, frame: Frame, timeBudgetMs: number, holding: boolean): MakeUpRequest {
  const doc = request.document;
  // (with the frames placed before it that have no artwork, joined where they meet: `joined`)
  const rest = withoutFillerFrames(doc.blocks);
  const placed = doc.blocks.filter((b): b is AdBlock => !rest.includes(b) && b.kind === 'ad');
  const ids = new Set(rest.map((b) => b.id));
  const frames = joined(gridGeometry(doc.page), [...placed.map((b) => ({ place: 'well' as const, rect: { col: b.col, span: b.span, row: b.row, rows: b.rows } })), frame]);
  let n = 0;
  const ads = frames.map((f): AdBlock => {
    do n++;
    while (ids.has(`${FRAME_ID}${n}`));
    return { id: `${FRAME_ID}${n}`, kind: 'ad', advertiser: FILLER_ADVERTISER, ...f.rect, locked: true };
  });
  return { ...request, document: { ...doc, blocks: [...rest, ...ads] }, options: { ...request.options, allowCut: false, timeBudgetMs, ...(holding ? {} : { holdToFill: false }) } };
}

/** The note: why the page was short (its copy, or stories held over that fit no blank left), the frames, what would take their place, and the blank the page still has (`left`, column-lines; 0 within the hole limit). */
function fillerNote(frames: readonly Frame[], blank: number, chars: number, holding: boolean, left: number): MakeUpResult['notes'][number] {
  const why = holding ? HELD_DO_NOT_FIT : SHORT_OF_COPY;
  const zh = frames.map((f) => `${PLACES[f.place].zh}留出 ${f.rect.span} 栏 × ${f.rect.rows} 行`).join('、');
  const en = frames.map((f) => `${/^(8|11|18)$/.test(String(f.rect.span)) ? 'an' : 'a'} ${f.rect.span}-column × ${f.rect.rows}-line public-service ad (公益广告) frame at the ${PLACES[f.place].en}`).join(' and ');
  const leftZh = left ? `；仍有约 ${left} 栏行空白` : '';
  const leftEn = left ? `; about ${left} column-lines are left blank` : '';
  return {
    blank: true,
    zh: `${why.zh}（空白约 ${blank} 栏行）：${zh}公益广告位补白（已锁定；可放入图稿，或解锁删去后补稿约 ${chars} 字）${leftZh}`,
    en: `${why.en} (about ${blank} column-lines blank): ${en} ${frames.length > 1 ? (left ? 'take' : 'fill') : left ? 'takes' : 'fills'} it (locked; place its artwork, or unlock and delete it and add about ${chars} characters of copy)${leftEn}`,
  };
}

/** How a page holding stories over that fit no blank it leaves is said, in the frame's note. */
const HELD_DO_NOT_FIT = { zh: '待用稿件放不进余下的空白', en: 'The stories held over fit no blank left on the page' } as const;

/** About how many characters of body text fill `cells` column-lines (to the hundred). */
export function charsFor(geo: GridGeometry, cells: number): number {
  return Math.round((cells * geo.colWidth) / geo.bodySize / 100) * 100;
}

/** Two runs' work as one. */
export function sumStats(a: MakeUpResult['stats'], b: MakeUpResult['stats']): MakeUpResult['stats'] {
  return { ...b, statesExpanded: a.statesExpanded + b.statesExpanded, measurements: a.measurements + b.measurements, ms: a.ms + b.ms };
}
