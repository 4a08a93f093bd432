/**
 * 补白: a page whose copy is short of it — every story it can take on it and a hole over the limit
 * left (`shortBy`) — is made up again around a 公益广告 frame at its foot, as a 组版 fills a short
 * page from the paper's public-service ads rather than send it with a quarter of it blank (the sample
 * page's OCR'd copy fills about 70% of a 对开 page: its pictures and ads were not in the text). The
 * frame is locked, prints as an ad placeholder (公益广告 and 广告) until its artwork is placed, and the
 * note says its size and how much copy (补稿) would take its place.
 */
import type { AdBlock, GridRect } from '../model/document';
import { gridGeometry, rectsMeet, type GridGeometry } from '../model/grid';
import { HOLE_LIMIT } from './score';
import type { MakeUpRequest, MakeUpResult } from './types';

/** The frame's advertiser: what it prints and what the 组版 replaces. */
export const FILLER_ADVERTISER = '公益广告';
/** Make-up runs tried with a frame, at most (each a whole make-up of a short page). */
const FILLER_TRIES = 5;
/** A frame this shallow reads as a rule, not an ad: no shallower (grid lines). */
const LEAST_LINES = 8;
/** The frame takes at most this share of the page's depth: the copy keeps the top of the page. */
const MOST_DEPTH = 0.6;

/** A page blank over this share of its grid is far short of copy: 补稿, not a frame (a half-page 公益广告 is a page of ads). */
const MOST_BLANK = 0.5;

/** The positions a frame is tried in, with their names. */
const PLACES = {
  right: { zh: '右下', en: 'bottom right' },
  left: { zh: '左下', en: 'bottom left' },
  strip: { zh: '底部通栏', en: 'bottom strip' },
} as const;

interface Frame {
  rect: GridRect;
  place: keyof typeof PLACES;
}

/**
 * The made-up page: as `run` makes it, or, when its copy is short, around the first 公益广告 frame
 * tried whose page is within the hole limit and holds no more stories over. A frame that only makes
 * the blank smaller is not taken: a page far short of copy (a third of it blank) keeps its blank at
 * the foot and its 补稿 note rather than a half-page frame with holes still between its stories.
 */
export function fillShort(request: MakeUpRequest, run: (r: MakeUpRequest) => MakeUpResult): MakeUpResult {
  const first = run(request);
  const blank = first.shortBy;
  const base = first.alternatives[0];
  const geo = gridGeometry(request.document.page);
  if (!blank || !base || blank > geo.columns * geo.rows * MOST_BLANK) return first;
  const taken = request.document.blocks.flatMap((b) => (b.locked && b.kind !== 'rule' ? [b] : []));
  let stats = first.stats;
  const budget = request.options?.timeBudgetMs;
  for (const frame of framesFor(geo, blank).filter((f) => !taken.some((b) => rectsMeet(b, f.rect))).slice(0, FILLER_TRIES)) {
    if (budget !== undefined && stats.ms >= budget) break;
    const result = run(withFrame(request, frame));
    stats = sumStats(stats, result.stats);
    const alt = result.alternatives[0];
    if (!alt || alt.heldOver.length > base.heldOver.length || alt.score.largestHole > HOLE_LIMIT) continue;
    return { ...result, notes: [fillerNote(frame, blank, charsFor(geo, blank)), ...result.notes], stats: { ...stats, stoppedBy: result.stats.stoppedBy } };
  }
  return { ...first, stats };
}

/**
 * The frames tried, the likeliest first: about as many cells as the blank, in the bottom corners half
 * the page wide (a quarter-page 公益广告), a column wider and narrower, and across the foot (通栏), those
 * nearest the blank's cells first; at the blank's size, then a little smaller and larger (the levers give
 * or take the difference).
 */
function framesFor(geo: GridGeometry, blank: number): Frame[] {
  const half = Math.ceil(geo.columns / 2);
  const widths = [half, half + 1, half - 1].filter((w) => w >= 2 && w < geo.columns);
  const out: Frame[] = [];
  for (const scale of [1, 0.85, 1.15]) {
    const target = blank * scale;
    const group = [...widths.flatMap((w) => (['right', 'left'] as const).map((place) => frameAt(geo, place, w, target / w))), frameAt(geo, 'strip', geo.columns, target / geo.columns)];
    // (a corner frame held to MOST_DEPTH falls short of the blank: the strip, as many cells, first)
    out.push(...group.sort((a, b) => Math.abs(cells(a) - target) - Math.abs(cells(b) - target)));
  }
  const seen = new Set<string>();
  return out.filter((f) => f.rect.rows >= LEAST_LINES && !seen.has(key(f)) && !!seen.add(key(f)));
}

function cells(f: Frame): number {
  return f.rect.span * f.rect.rows;
}

function key(f: Frame): string {
  return `${f.rect.col}/${f.rect.span}/${f.rect.rows}`;
}

function frameAt(geo: GridGeometry, place: Frame['place'], span: number, lines: number): Frame {
  const rows = Math.min(Math.round(lines), Math.floor(geo.rows * MOST_DEPTH));
  return { place, rect: { col: place === 'right' ? geo.columns - span : 0, span, row: geo.rows - rows, rows } };
}

/** The request with the frame as a locked ad, under an id no block of the page has (a page made up again keeps its first frame). */
function withFrame(request: MakeUpRequest, frame: Frame): MakeUpRequest {
  const document = request.document;
  const ids = new Set(document.blocks.map((b) => b.id));
  let n = 1;
  while (ids.has(`filler-ad-${n}`)) n++;
  const ad: AdBlock = { id: `filler-ad-${n}`, kind: 'ad', advertiser: FILLER_ADVERTISER, ...frame.rect, locked: true };
  return { ...request, document: { ...document, blocks: [...document.blocks, ad] } };
}

function fillerNote(frame: Frame, blank: number, chars: number): MakeUpResult['notes'][number] {
  const { span, rows } = frame.rect;
  const where = PLACES[frame.place];
  return {
    zh: `稿件不足以排满版面（空白约 ${blank} 栏行）：${where.zh}留出 ${span} 栏 × ${rows} 行公益广告位补白（已锁定；可放入图稿，或解锁删去后补稿约 ${chars} 字）`,
    en: `Not enough copy to fill the page (about ${blank} column-lines blank): a ${span}-column × ${rows}-line public-service ad (公益广告) frame at the ${where.en} fills it (locked; place its artwork, or unlock and delete it and add about ${chars} characters of copy)`,
  };
}

/** About how many characters of body text fill `cells` column-lines (to the hundred). */
export function charsFor(geo: GridGeometry, cells: number): number {
  return Math.round((cells * geo.colWidth) / geo.bodySize / 100) * 100;
}

/** Two runs' work as one. */
export function sumStats(a: MakeUpResult['stats'], b: MakeUpResult['stats']): MakeUpResult['stats'] {
  return { ...b, statesExpanded: a.statesExpanded + b.statesExpanded, measurements: a.measurements + b.measurements, ms: a.ms + b.ms };
}
