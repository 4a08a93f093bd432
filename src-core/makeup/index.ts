import type { LayoutEnv } from '../layout/layout';
import { PRINT_PPI, type Article, type Block, type GridRect, type ImageAsset } from '../model/document';
import { columnDepths } from '../model/grid';
import { textOverlaps } from '../model/overlap';
import { plainText } from '../model/richtext';
import { storyName } from '../model/story-name';
import { storyId } from '../model/story-parts';
import { cutToFit, type CutParagraph } from './cut';
import { justify } from './justify';
import { pictureSides } from './picture-sides';
import { keptBlocks, lockedStories } from './kept';
import { orderTitles } from './ordered-titles';
import { isPhotoItem, lookOf, Measurer, photoItem, photoOf, type BlockLook, type ShapeSpec } from './measure';
import { charsFor, fillShort, SHORT_OF_COPY, sumStats } from './filler';
import { heldStories } from './held';
import { freeCells, HOLE_LIMIT, scorer } from './score';
import { fittingPick } from './fitting-pick';
import { refill, type RefillInput } from './refill';
import { search, type Candidate, type Placement } from './search';
import { effectivePpi, middleBrief, photoShapes, pictureRows, rowFrame, shapesFor, widestPrintable } from './shapes';
import type { Alternative, HeldOver, MakeUpRequest, MakeUpResult, Move, PictureLink, Score } from './types';

export type * from './types';
export { isFillerFrame } from './filler';
export { heldCount, heldKey, heldName, heldStories, isHeldPicture } from './held';
export { HOLE_LIMIT } from './score';

/**
 * Copy beyond this share of the free area is held over before the search, lowest rank first: the
 * search then makes up the top of the ranking, whole (the estimate counts body lines, titles and
 * pictures at their natural size; the levers make up the difference either way).
 */
const COPY_CAP = 1.1;

/**
 * The backstop only: on any machine the work budget ends the search long before it (about 1 s on two
 * cores), so a busy machine gets the same page as a quiet one; the backstop bounds a pathological input.
 */
const DEFAULT_TIME_BUDGET_MS = 20_000;
/** States expanded at most, both searches together (deterministic: the same inputs give the same page), and the first search's share. */
const WORK_BUDGET = 30_000;
const FIRST_SHARE = 0.6;
/** The beam width of the second search, when the first found no page within the rules. */
const SECOND_BEAM = 32;
/** The least work left for the second search to be worth running (the two together keep within the work budget). */
const SECOND_WORK = 500;
/** How many of the best pages are justified (撑满) and ranked again. */
const JUSTIFIED = 12;

/**
 * Page make-up (自动组版): the day's ranked articles and their pictures made up into a full,
 * modular page around the locked blocks; ranked alternatives, each with its score, the articles
 * held over (待用) and the levers pulled. Pure and deterministic (the work budget bounds the search;
 * the time budget is a backstop that is reported when it cuts the search short).
 *
 * When a run's pages are all left with a hole while stories its copy estimate took could not be placed
 * (a long second story under a long lead on a 四开 page: 30% of the page blank), the page is made up
 * again with the first of them ranked last, so that the shorter ones after it fill the page, as a 组版
 * holds the story that does not fit rather than the page's blank; a run's page is kept when it is
 * `fuller` than the page kept so far; one story a run, each story once, for at most HOLD_ROUNDS runs in
 * all, within the time budget. Each run also ranks its pages with their titles opened up.
 * With `fillShort`, a page short of copy, or holding stories that fit no blank it leaves, is made up
 * again around a 公益广告 frame (补白, `filler.ts`); `made` is this request's run without `fillShort` when
 * the caller made it already (an edition's page), so it is not made twice.
 */
export function makeUp(request: MakeUpRequest, env: Pick<LayoutEnv, 'fonts'>, made?: MakeUpResult): MakeUpResult {
  return request.options?.fillShort ? fillShort(request, (r) => makeUpHeld(r, env), request.options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS, made) : makeUpHeld(request, env);
}

/** Make-up in the request's ranking, holding a story the page cannot take when the stories after it fill the page (see makeUp). */
function makeUpHeld(request: MakeUpRequest, env: Pick<LayoutEnv, 'fonts'>): MakeUpResult {
  // (an edition's page holds no story to fill itself, its plan deciding which stories give way; it opens up its titles)
  if (request.options?.holdToFill === false) {
    const only = remedied(request, env, tighter(request, env, makeUpRanked(request, env)));
    return { ...only.run.result, stats: only.stats };
  }
  const first = tighter(request, env, makeUpRanked(request, env));
  const budget = request.options?.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  let kept = { run: first, moved: [] as Article[] };
  let stats = first.result.stats;
  const moved: Article[] = [];
  // (a run cut short by the time budget leaves no time for another)
  for (let cur = first, run = 1; run < HOLD_ROUNDS && cur.holed && cur.result.stats.stoppedBy !== 'time' && stats.ms < budget; run++) {
    const story = cur.missed.find((a) => !moved.some((m) => m.id === a.id));
    if (!story) break;
    moved.push(story);
    const options = { ...request.options, timeBudgetMs: budget - stats.ms };
    cur = makeUpRanked({ ...request, ranking: [...cur.ranked.filter((id) => id !== story.id), story.id], options }, env);
    stats = sumStats(stats, cur.result.stats);
    if (fuller(cur, kept.run)) kept = { run: cur, moved: [...moved] };
  }
  // (the rounds held the stories that did not fit one by one; the page still holed, a 组版 picks the ones that fill it)
  const picked = pickToFill(request, env, first, kept.run, budget - stats.ms);
  if (picked) {
    stats = sumStats(stats, picked.run.result.stats);
    if (picked.keep) kept = { run: picked.run, moved: picked.moved };
  }
  const remedy = remedied(request, env, kept.run, stats);
  kept = { run: remedy.run, moved: kept.moved };
  stats = remedy.stats;
  const pictured = picturedRun(request, env, kept.run, stats.ms);
  if (pictured) {
    stats = sumStats(stats, pictured.run.result.stats);
    if (pictured.keep) kept = { run: { ...pictured.run, result: { ...pictured.run.result, notes: [pictured.note, ...pictured.run.result.notes] } }, moved: kept.moved };
  }
  const result = kept.run === first ? first.result : withFirstRun(kept.run, first, kept.moved);
  return { ...result, stats: { ...stats, stoppedBy: kept.run.result.stats.stoppedBy } };
}

/** Held stories with pictures tried for a page with none (`picturedRun`), at most: the first two in rank. */
const PICTURED_STORIES = 2;

/**
 * A page that places no picture while it holds over a story that has one (field test 43 N1 对开: its two
 * picture stories, ranked 7th and 8th, held, a page of text only): the run once more with the first such
 * story ranked second, as a 组版 puts a picture on the page before more words; then, a story of several
 * pictures, with only its first, the others held over (N2 四开: the second story and its two pictures held);
 * then the next such story (PICTURED_STORIES).
 * Kept when its page places the story with a picture, is within the hole limit if the kept one was, and
 * holds over at most one story more; the note says why the story stands higher than its rank. Undefined
 * when not tried; the runs' work summed.
 */
function picturedRun(request: MakeUpRequest, env: Pick<LayoutEnv, 'fonts'>, kept: Ranked, spent: number): { run: Ranked; keep: boolean; note: MakeUpResult['notes'][number] } | undefined {
  const budget = request.options?.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const best = kept.result.alternatives[0];
  if (!best || kept.leadLocked || spent >= budget || kept.result.stats.stoppedBy === 'time' || placesPicture(best)) return undefined;
  const links = request.pictures ?? [];
  let last: Ranked | undefined;
  let note: MakeUpResult['notes'][number] | undefined;
  for (const story of heldWithPictures(request, kept, best).slice(0, PICTURED_STORIES)) {
    const ranking = [kept.ranked[0], story.id, ...kept.ranked.slice(1).filter((id) => id !== story.id)];
    const own = links.filter((p) => p.articleId === story.id);
    // (its pictures all, unless it stands second already; then its first only, the others held over)
    const tries = [...(ranking.some((id, i) => kept.ranked[i] !== id) ? [links] : []), ...(own.length > 1 ? [links.filter((p) => p.articleId !== story.id || p === own[0])] : [])];
    const name = storyName(story, story.id);
    note = { zh: `“${name}”有图片，排在头条之后上版（版面不能没有图片）`, en: `“${name}” has pictures: placed after the lead (a page with no picture at all is not made)` };
    for (const pictures of tries) {
      const used = spent + (last?.result.stats.ms ?? 0);
      if (used >= budget) return last && { run: last, keep: false, note };
      const run = makeUpRanked({ ...request, ranking, pictures, options: { ...request.options, timeBudgetMs: budget - used } }, env);
      last = last ? { ...run, result: { ...run.result, stats: sumStats(last.result.stats, run.result.stats) } } : run;
      const page = run.result.alternatives[0];
      const keep = !!page && placesPicture(page) && !page.heldOver.some((h) => h.articleId === story.id) && heldStories(page.heldOver).length <= heldStories(best.heldOver).length + 1 && (withinLimit(run) || !withinLimit(kept));
      if (keep) return { run: withPicturesHeld(request, last, story, own.filter((p) => !pictures.includes(p))), keep, note };
    }
  }
  return last && note && { run: last, keep: false, note };
}

/** The stories in the kept run's ranking that its best page holds over and that have pictures, in rank order. */
function heldWithPictures(request: MakeUpRequest, kept: Ranked, best: Alternative): Article[] {
  const pictured = new Set((request.pictures ?? []).flatMap((p) => (p.articleId ? [p.articleId] : [])));
  const held = new Set(best.heldOver.map((h) => h.articleId));
  return kept.ranked.filter((id) => held.has(id) && pictured.has(id)).flatMap((id) => request.document.articles.filter((a) => a.id === id));
}

/** The run with `dropped`, pictures of `story` it was made without, held over on each of its pages, named. */
function withPicturesHeld(request: MakeUpRequest, run: Ranked, story: Article, dropped: PictureLink[]): Ranked {
  if (!dropped.length) return run;
  const name = storyName(story, story.id);
  const held: HeldOver[] = dropped.map((p) => {
    const file = request.document.images.find((i) => i.id === p.imageId)?.name ?? p.imageId;
    return { articleId: '', imageId: p.imageId, headline: '', zh: `图片“${file}”待用（“${name}”只上版一张图片）`, en: `Picture “${file}” held over (“${name}” runs with one picture)` };
  });
  const alternatives = run.result.alternatives.map((a) => ({ ...a, heldOver: [...a.heldOver, ...held] }));
  return { ...run, result: { ...run.result, alternatives } };
}

/** Whether a page places a picture (a story's or a stand-alone photo). */
function placesPicture(page: Alternative): boolean {
  return page.blocks.some((b) => b.kind === 'image');
}

/** How much less far each run of `tighter` lets the pictures grow past their shares than the one before. */
const ROOMY_STEP = 0.15;

/** The growths `tighter` tries after `roomy`, each ROOMY_STEP less, down to the shares themselves (false). */
function smallerGrowth(roomy: number): (number | false)[] {
  const out: (number | false)[] = [];
  for (let r = roomy - ROOMY_STEP; r > 1; r -= ROOMY_STEP) out.push(r);
  return [...out, false];
}

/**
 * A run whose page, short of copy, grew its pictures past their shares (`roomy`) and left off a story
 * its copy estimate took: the page made up once more with the pictures grown less far, a step at a
 * time (`smallerGrowth`), down to their shares (`roomy: false`), until the page kept leaves none off; the
 * fullest kept, the runs' work summed (field test 42 P1 对开, six essays and six pictures: one held, a hole
 * of 42 → none held; with 图在题上, at their shares a hole of 148, at 1.33 times them none held and a hole
 * of 2). Any other run as it is.
 */
function tighter(request: MakeUpRequest, env: Pick<LayoutEnv, 'fonts'>, run: Ranked): Ranked {
  const budget = request.options?.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  if (run.roomy <= 1 || request.options?.roomy !== undefined) return run;
  let kept = run;
  let last = run;
  let stats = run.result.stats;
  for (const roomy of smallerGrowth(run.roomy)) {
    if (!kept.missed.length || last.result.stats.stoppedBy === 'time' || stats.ms >= budget) break;
    last = makeUpRanked({ ...request, options: { ...request.options, roomy, timeBudgetMs: budget - stats.ms } }, env);
    stats = sumStats(stats, last.result.stats);
    if (fuller(last, kept)) kept = last;
  }
  return last === run ? run : { ...kept, result: { ...kept.result, stats: { ...stats, stoppedBy: kept.result.stats.stoppedBy } } };
}

/**
 * A 组版's remedies for a page still over the hole limit, each a run once more in the kept run's ranking,
 * in this order, each tried only while the page kept is over it and kept only when `fuller`:
 * - `uprightTitles`: a story beside another's headline sets its own short one vertically (竖题) rather
 *   than leave a column blank between them (field day F 四开: 7 column-lines);
 * - `narrowSpans`: a story ranked under the lead may stand one column wide, a 竖条 beside a lead that
 *   leaves one column (field test 54 P1 四开: a four-picture lead of four columns and a 768-character
 *   story held, its fifth column blank for 64 column-lines).
 * Remedies, not every page's look (set one column wide in every run, stories took it where a wider
 * module filled better: two pages of the field matrix over the limit more). Not tried on a page short
 * of copy (补稿, not 竖题), nor past the time budget. Returns the run kept and the work of all, summed.
 */
function remedied(request: MakeUpRequest, env: Pick<LayoutEnv, 'fonts'>, kept: Ranked, stats: MakeUpResult['stats'] = kept.result.stats): { run: Ranked; stats: MakeUpResult['stats'] } {
  const budget = request.options?.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  for (const [remedy, applies] of REMEDIES) {
    if (request.options?.[remedy] !== undefined || withinLimit(kept) || kept.result.shortBy !== undefined || !kept.result.alternatives.length || kept.result.stats.stoppedBy === 'time' || stats.ms >= budget || !applies(kept)) continue;
    const run = makeUpRanked({ ...request, ranking: kept.ranked, options: { ...request.options, [remedy]: true, timeBudgetMs: budget - stats.ms } }, env);
    stats = sumStats(stats, run.result.stats);
    if (fuller(run, kept)) kept = run;
  }
  return { run: kept, stats };
}

/**
 * The remedies `remedied` tries, in order, each with the pages it is for: 竖条 only for a page that holds a story over
 * (one that may stand one column wide; on a page holding none, a run spent for nothing).
 */
const REMEDIES: ['uprightTitles' | 'narrowSpans', (kept: Ranked) => boolean][] = [
  ['uprightTitles', () => true],
  ['narrowSpans', (kept) => heldStories(kept.result.alternatives[0]?.heldOver ?? []).length > 0],
];

/**
 * 选稿补满 after the rounds, when their page still has a hole over the limit while it holds stories
 * (`pickedRanking`): the run in the picked ranking, whether it is the page to keep, and the stories it
 * passes over. A page within the hole limit is kept over one that is not whatever it holds: it is the
 * page the rounds could not make (field set U, a night's copy for 四开: a hole of 20 column-lines → 0).
 */
function pickToFill(request: MakeUpRequest, env: Pick<LayoutEnv, 'fonts'>, first: Ranked, kept: Ranked, left: number): { run: Ranked; keep: boolean; moved: Article[] } | undefined {
  const best = kept.result.alternatives[0];
  if (!best || withinLimit(kept) || !best.heldOver.length || first.leadLocked || left <= 0 || kept.result.stats.stoppedBy === 'time') return undefined;
  const picked = pickedRanking(first, best);
  if (!picked) return undefined;
  const run = makeUpRanked({ ...request, ranking: picked.ranking, options: { ...request.options, timeBudgetMs: left } }, env);
  const keep = fuller(run, kept) || (withinLimit(run) && !withinLimit(kept));
  return { run, keep, moved: request.document.articles.filter((a) => picked.passed.has(a.id)) };
}

/**
 * The first run's ranking with the stories that fill the page picked first (`fittingPick`): the lead,
 * then the picked in rank order, then the rest; and the stories it passes over (ranked above the last
 * one picked, not picked). The room is what the lead leaves as the best page sets it (the estimate's
 * lead at its natural size is no guide to a lead the levers set a column deeper). Undefined when the
 * lead is not on that page or the pick is the ranking's own order.
 */
function pickedRanking(first: Ranked, best: Alternative): { ranking: string[]; passed: Set<string> } | undefined {
  const { cells, free } = first.estimate;
  const [lead, ...rest] = first.ranked.filter((id) => cells.has(id));
  const taken = takenCells(best);
  const leadCells = taken.get(lead);
  if (leadCells === undefined) return undefined;
  // (the estimate read against the page: the stories on it take `scale` times the cells it gives them, their levers and pictures as set)
  const on = rest.filter((id) => taken.has(id));
  const estimated = on.reduce((n, id) => n + cells.get(id)!, 0);
  const scale = estimated > 0 ? on.reduce((n, id) => n + taken.get(id)!, 0) / estimated : 1;
  const pick = fittingPick(rest.map((id) => ({ id, cells: cells.get(id)! })), (free - leadCells) / scale);
  if (!pick || pick.every((id, i) => rest[i] === id)) return undefined;
  const chosen = new Set(pick);
  const lastPicked = rest.indexOf(pick[pick.length - 1]);
  return { ranking: [lead, ...pick, ...first.ranked.filter((id) => id !== lead && !chosen.has(id))], passed: new Set(rest.slice(0, lastPicked).filter((id) => !chosen.has(id))) };
}

/** The grid cells each story's block takes on a page (a stepped block only as deep as each of its columns). */
function takenCells(page: Alternative): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of page.blocks) if (b.kind === 'article') out.set(b.articleId, (out.get(b.articleId) ?? 0) + columnDepths(b).reduce((n, d) => n + d, 0));
  return out;
}

/** Whether a run's best page is within the hole limit. */
function withinLimit(r: Ranked): boolean {
  const best = r.result.alternatives[0];
  return !!best && best.score.largestHole <= HOLE_LIMIT;
}

/**
 * Whether a run's best page is better than another's: of two within the hole limit, the one holding fewer
 * stories over; one within the limit over one that is not; else the one with the smaller hole, if it holds no
 * more over (between two holed pages a smaller hole is not worth a story).
 */
function fuller(a: Ranked, b: Ranked): boolean {
  const [x, y] = [a.result.alternatives[0], b.result.alternatives[0]];
  if (!x || !y) return !!x;
  if (x.score.largestHole <= HOLE_LIMIT && y.score.largestHole <= HOLE_LIMIT) return x.heldOver.length < y.heldOver.length;
  // (a page within the limit beats one over it: field test 35 N1 四开, its lead longer than the page held, kept a hole of 119
  // column-lines to hold one story fewer)
  if (x.score.largestHole <= HOLE_LIMIT) return true;
  return x.score.largestHole < y.score.largestHole && x.heldOver.length <= y.heldOver.length;
}

/**
 * Make-up runs in all, at most: the first, and those that each rank last a story the run before could not
 * take (a run may be no better and the one after it is: its page may hold the next story that does not fit).
 */
const HOLD_ROUNDS = 4;

/**
 * The kept run's result, told as the first run's: the notes on the ranking the first run made (a 上接
 * story not made the lead, a ranked id that does not exist) and a note naming the stories ranked last
 * that its page holds.
 */
function withFirstRun(last: Ranked, first: Ranked, moved: Article[]): MakeUpResult {
  const best = last.result.alternatives[0];
  const stillHeld = new Set(best.heldOver.map((h) => h.articleId));
  const names = moved.filter((a) => stillHeld.has(a.id)).map((a) => `“${storyName(a, a.id)}”`).join('、');
  const notes = names ? [{ zh: `${names}在本版排不下，排在后面的稿件先上版补满版面`, en: `${names} could not be placed on this page: the stories ranked after them fill the page first` }] : [];
  return { ...last.result, notes: [...notes, ...first.rankNotes, ...last.result.notes] };
}

/**
 * One make-up run, with what the next may need: the ranking it used, the notes on that ranking, and the
 * stories its best page could not take: those the copy estimate took that it could not place, or, when it
 * placed them all, the story whose length made the estimate call the page full (the rest after it held).
 */
interface Ranked {
  result: MakeUpResult;
  ranked: string[];
  rankNotes: MakeUpResult['notes'];
  missed: Article[];
  /** No page keeping the rules, 补空's included, was within the hole limit before their titles were opened up. */
  holed: boolean;
  estimate: CopyEstimate;
  /** The lead was locked on the page (no story is made the lead). */
  leadLocked: boolean;
  /** How much the pictures' shares grew on a page short of copy (1: not at all; `selectCopy`). */
  roomy: number;
}

/**
 * One make-up in the request's ranking. When no page keeping the rules, 补空's included, is within the
 * hole limit, the pages are ranked too with their titles opened up further by 撑满 (`ROOMY_PAD`, as on a
 * page short of copy): a last resort, after 补空, whose short story fills a hole better, and beside
 * holding a story that does not fit (`makeUp` goes on holding while a run's pages before opening all
 * have holes).
 */
function makeUpRanked(request: MakeUpRequest, env: Pick<LayoutEnv, 'fonts'>): Ranked {
  const now = (): number => performance.now();
  const started = now();
  const doc = request.document;
  const opt = request.options ?? {};
  const notes: MakeUpResult['notes'] = [];
  const images = new Map(doc.images.map((i) => [i.id, i]));
  const range = Math.min(0.1, Math.max(0, opt.trackingRange ?? 0.03));
  // an article in a locked block is on the page already: neither placed again nor held over, and its pictures stay with it
  const onPage = lockedStories(doc.blocks);
  const locked = keptBlocks(doc.blocks, onPage);
  const obstacles = locked.flatMap(cellsOfBlock);
  const all = rankArticles(request, notes);
  const rankNotes = [...notes];
  const leadLocked = all.length > 0 && onPage.has(all[0].id);
  const ranked = all.filter((a) => !onPage.has(a.id));
  const held: HeldOver[] = [];
  const { byArticle, photos } = pictureLinks(request, images, notes, new Set(ranked.map((a) => a.id)));
  const looks = looksOf(doc, images, (id) => (byArticle.get(id)?.length ?? 0) > 0, notes);
  const measurer = new Measurer(doc.page, env, images, range > 0 ? [0, -range, range] : [0], looks);
  const geo = measurer.geo;
  const cuts = new Map<string, CutParagraph[]>();
  const { articles: eligible, fillers, short: shortCopy, roomy, unplaceable, overflow, estimate } = selectCopy(ranked, measurer, obstacles, held, (a) => pictureCells(geo, doc.page, byArticle.get(a.id) ?? [], images), opt.allowCut ? cuts : undefined, opt.roomy === false ? 1 : typeof opt.roomy === 'number' ? Math.max(1, opt.roomy) : ROOMY_MOST);
  const photoItems = photos.map((l) => ({ item: photoItem(l.imageId), link: l }));
  const items = [...eligible, ...photoItems.map((p) => p.item)];
  // With the lead locked on the page, the first story left ranks second: the lead's headline stays the biggest.
  const lead = leadLocked ? undefined : eligible[0];
  const briefAbove = briefsAbove(eligible, leadLocked);
  const shapeOf = (a: Article, rank: number): ShapeSpec[] => readableTitles(measurer, a, shapesFor(a, rank + (leadLocked ? 1 : 0), geo, doc.page, byArticle.get(a.id) ?? [], images, lead, { roomy, briefAbove: briefAbove(rank), narrow: !!opt.narrowSpans }));
  const shapes = [...eligible.map(shapeOf), ...photoItems.map((p) => photoShapes(geo, doc.page, p.link, images.get(p.link.imageId)))];
  // The stories kept to fill a page left with a hole (after the photos: the page's search never takes them).
  const pool = [...items, ...fillers];
  const poolShapes = [...shapes, ...fillers.map((a, i) => shapeOf(a, eligible.length + i))];
  warnSmallPictures([...eligible.flatMap((a) => byArticle.get(a.id) ?? []), ...photos], images, geo, notes);
  for (const a of eligible) if (!a.headline.trim()) notes.push(untitled(a));
  const input = { articles: items, photos: photoItems.length, leadLocked, upright: !!opt.uprightTitles, shapes, measurer, obstacles, workBudget: Math.round((opt.workBudget ?? WORK_BUDGET) * FIRST_SHARE), deadline: started + (opt.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS), now };
  const picCount = eligible.reduce((n, a) => n + (byArticle.get(a.id)?.length ?? 0), 0) + photos.length;
  const score = scorer(geo, obstacles, pool, picCount);
  // Pages keeping the rules first, and of those the ones within the hole limit: a page left with a hole is taken only when no page is full.
  const tier = (c: Candidate): number => (keepsRules(c, eligible.length, leadLocked, geo.rows) ? 2 : 0) + (score(c).largestHole <= HOLE_LIMIT ? 1 : 0);
  // (short copy: the search rates its pages by the score that leaves the blank at the foot; by theirs a well between modules costs nothing)
  const footFirst = shortCopy ? scorer(geo, obstacles, pool, picCount, true) : undefined;
  const rate = (c: Candidate): number => tier(c) * 10 + (footFirst ?? score)(c).total;
  let out = search({ ...input, rate });
  // When no page keeps the rules and the hole limit, a second, narrower search explores other pages with the work left; the best of both are kept.
  const fine = (c: Candidate): boolean => tier(c) === 3;
  const left = (opt.workBudget ?? WORK_BUDGET) - out.expanded;
  if (!out.finals.some(fine) && out.stoppedBy !== 'time' && left >= SECOND_WORK) {
    const again = search({ ...input, rate, beam: SECOND_BEAM, workBudget: left });
    out = { finals: [...out.finals, ...again.finals], expanded: out.expanded + again.expanded, stoppedBy: again.stoppedBy === 'time' ? 'time' : out.stoppedBy };
  }
  const want = opt.alternatives ?? 3;
  // Distinct pages, those keeping the rules first, each group by its score; the best are justified (撑满) and ranked again.
  // With short copy, as many again of the best by the score that leaves the blank at the foot; they rank by it when no page is full.
  const keeps = (c: Candidate): boolean => keepsRules(c, eligible.length, leadLocked, geo.rows);
  const rough = distinct([score, ...(footFirst ? [footFirst] : [])].flatMap((s) => byScore(out.finals, keeps, s).slice(0, Math.max(JUSTIFIED, want))));
  const finish = (c: Candidate): Candidate => settled(measurer, pool, justify(measurer, pool, c, roomy > 1));
  const refilled = withRefills(rough.map(finish), { ...input, rate, hole: (c) => score(c).largestHole }, pool, poolShapes, finish);
  const holed = !refilled.some((c) => score(c).largestHole <= HOLE_LIMIT && keeps(c));
  const justified = roomy > 1 || !holed ? refilled : [...refilled, ...refilled.map((c) => settled(measurer, pool, justify(measurer, pool, c, true, true)))];
  const last = footFirst && !justified.some((c) => score(c).largestHole <= HOLE_LIMIT) ? footFirst : score;
  const scored = justified.map((c) => ({ c, score: score(c), rate: tier(c) * 10 + last(c).total }));
  scored.sort((a, b) => b.rate - a.rate);
  // Built in rank order until `want` are found: a page whose text blocks overlap is never offered (the search and 撑满 keep modules apart; this is the guard).
  const alternatives: Alternative[] = [];
  for (const { c, score } of scored) {
    if (alternatives.length >= want) break;
    const alt = { ...build(request, measurer, pool, c, locked, cuts), score, heldOver: [...held, ...heldFrom(pool, c, images)] };
    if (textOverlaps(alt.blocks).length > 0) continue;
    if (alternatives.length === 0) notes.push(...longHeadlines(measurer, pool, c));
    alternatives.push(alt);
  }
  // (a story held for having no body or for being longer than the page would not fill it)
  const short = shortOfCopy(alternatives[0], geo, unplaceable);
  if (short) notes.push(short.note);
  if (obstacles.length && out.finals.every((c) => c.placed.length === 0)) notes.push({ zh: '版面已全部锁定或没有空位，稿件全部待用', en: 'The grid is fully locked or has no free room; every article is held over' });
  if (out.stoppedBy === 'time') notes.push({ zh: '组版达到时间上限，给出目前最好的版面', en: 'Make-up reached its time budget; the best pages so far are given' });
  const result = { alternatives, notes, stats: { statesExpanded: out.expanded, measurements: measurer.layouts, ms: now() - started, stoppedBy: out.stoppedBy }, shortBy: short?.cells };
  return { result, ranked: all.map((a) => a.id), rankNotes, missed: missedOn(alternatives[0], eligible, overflow), holed, estimate, leadLocked, roomy };
}

/** A justified page's titles in rank order, then 撞图 undone where pictures may change sides: neither changes a module's depth. */
function settled(measurer: Measurer, pool: Article[], c: Candidate): Candidate {
  return pictureSides(measurer, pool, orderTitles(measurer, pool, c));
}

/**
 * Whether a brief ranked above a story's rank may take a middle headline: the story's is never smaller
 * then (`headlineLevel`). The brief is found once, not per story.
 */
function briefsAbove(eligible: Article[], leadLocked: boolean): (rank: number) => boolean {
  const first = eligible.findIndex((b, i) => middleBrief(b, i + (leadLocked ? 1 : 0)));
  return (rank) => first >= 0 && first < rank;
}

/**
 * The stories a page could not take: those the copy estimate took that are not on it, or, when it placed
 * them all, the story whose length made the estimate stop (`overflow`), unless 补空 placed it.
 */
function missedOn(best: Alternative | undefined, eligible: Article[], overflow: Article | undefined): Article[] {
  const on = new Set(best?.blocks.flatMap((b) => (b.kind === 'article' ? [b.articleId] : [])));
  const missed = eligible.filter((a) => !on.has(a.id));
  return missed.length || !overflow || on.has(overflow.id) ? missed : [overflow];
}

/** How many of the best pages left with a hole while stories are held over are refilled (补空). */
const REFILLED = 4;

/**
 * The pages, and for the best REFILLED of them left with a hole over the limit while stories are held
 * over, the page with the held stories that fit searched into its blank (`refill`), made up again.
 */
function withRefills(pages: Candidate[], input: RefillInput & { rate: (c: Candidate) => number; hole: (c: Candidate) => number }, pool: Article[], shapes: ShapeSpec[][], finish: (c: Candidate) => Candidate): Candidate[] {
  const { rate } = input;
  const holed = (c: Candidate): boolean => c.placed.length < pool.length && input.hole(c) > HOLE_LIMIT;
  const holedBest = [...pages].filter(holed).sort((a, b) => rate(b) - rate(a)).slice(0, REFILLED);
  const more = holedBest.map((c) => refill(input, c, pool, shapes, rate, input.hole(c))).filter((c, i) => c !== holedBest[i]).map(finish);
  return [...pages, ...more];
}

/** A headline set in more lines than this reads as a paragraph: the 组版 is told to have it cut. */
const HEADLINE_LINES_MAX = 3;

/**
 * The shapes whose headline takes at most HEADLINE_LINES_MAX lines, when the story has any: a
 * headline stacked four lines deep in two columns reads as a paragraph; a 组版 widens the module or
 * sets the headline smaller first (and asks for a cut only when neither does it: `longHeadlines`).
 */
function readableTitles(measurer: Measurer, a: Article, shapes: ShapeSpec[]): ShapeSpec[] {
  if (!a.headline.trim()) return shapes;
  const ok = shapes.filter((s) => s.headlineSize <= 0 || measurer.titlesOf(a, s, 0).headlineLines <= HEADLINE_LINES_MAX);
  return ok.length ? ok : shapes;
}

/** The placed stories of the best page whose headline runs over HEADLINE_LINES_MAX lines at the size and span make-up gave it. */
function longHeadlines(measurer: Measurer, items: Article[], c: Candidate): MakeUpResult['notes'] {
  return c.placed.flatMap((p) => {
    const a = items[p.rank];
    if (isPhotoItem(a) || !a.headline.trim()) return [];
    const lines = measurer.titlesOf(a, p.spec, 0).headlineLines;
    if (lines <= HEADLINE_LINES_MAX) return [];
    const chars = [...a.headline.replace(/\s/g, '')].length;
    return [{ articleId: a.id, zh: `“${a.headline.trim()}”的标题 ${chars} 字，排成 ${lines} 行，偏长，请精简`, en: `The headline “${a.headline.trim()}” (${chars} characters) is set in ${lines} lines: too long; have it cut` }];
  });
}

/**
 * When every article is on the page and it still has a hole over the limit, the copy is short: the
 * 组版 is told how much blank is left and about how many characters would fill it (补稿).
 */
function shortOfCopy(best: Alternative | undefined, geo: Measurer['geo'], unplaceable: ReadonlySet<string>): { note: MakeUpResult['notes'][number]; cells: number } | undefined {
  if (!best || best.heldOver.some((h) => !unplaceable.has(h.articleId)) || best.score.largestHole <= HOLE_LIMIT) return undefined;
  const cells = Math.round(best.score.blank);
  const chars = charsFor(geo, cells);
  // (a blank too small to name a hundred characters is the page's grid, not its copy: a 100 mm page every story is longer than)
  if (chars <= 0) return undefined;
  return { cells, note: { zh: `${SHORT_OF_COPY.zh}：空白约 ${cells} 栏行，约需补稿 ${chars} 字`, en: `${SHORT_OF_COPY.en}: about ${cells} column-lines blank; about ${chars} more characters would fill it`, blank: true } };
}

/**
 * The look of each story's unlocked block (its box, its 反白/底纹 band, its 压题图, its 竖排 titles),
 * which make-up keeps on the story's new block. A 压题图 whose picture is gone is not kept; 竖排
 * titles are kept only on a story without pictures (they take the module's right columns, where its
 * pictures go), and the 组版 is told when they are not (undo restores them; locking keeps them).
 */
function looksOf(doc: MakeUpRequest['document'], images: Map<string, ImageAsset>, hasPictures: (articleId: string) => boolean, notes: MakeUpResult['notes']): Map<string, BlockLook> {
  const out = new Map<string, BlockLook>();
  for (const b of doc.blocks) {
    if (b.kind !== 'article' || b.locked || out.has(b.articleId)) continue;
    const look = lookOf(b);
    if (look.titleImage && !images.has(look.titleImage.imageId)) delete look.titleImage;
    if (look.titleDirection === 'vertical' && !look.titleImage && hasPictures(b.articleId)) {
      delete look.titleDirection;
      delete look.titleLatin;
      const name = storyName(doc.articles.find((a) => a.id === b.articleId), b.articleId);
      notes.push({ articleId: b.articleId, zh: `“${name}”有图片，竖排标题未随自动组版保留，改为横排；可撤销恢复，或先锁定该块`, en: `“${name}” has pictures: its vertical titles are not kept by make-up (set horizontally); undo restores them, or lock the block first` });
    }
    out.set(b.articleId, look);
  }
  return out;
}

/** The grid a locked block takes: a stepped story only as deep as each of its columns goes (its box would hide the room beside its body). */
function cellsOfBlock(b: Block): GridRect[] {
  if (b.kind === 'rule') return [];
  if (b.kind !== 'article' || !b.columnRows) return [{ col: b.col, span: b.span, row: b.row, rows: b.rows }];
  // (a column it does not reach takes no room: an empty rectangle would close a run at its own top, for ever)
  return columnDepths(b).flatMap((rows, i) => (rows > 0 ? [{ col: b.col + i, span: 1, row: b.row, rows }] : []));
}

/**
 * Whether a page keeps the rules the search cannot promise on its own: it holds over only the
 * lowest-ranked articles (stand-alone photos aside), the lead's headline is the biggest, and a page
 * of six articles or more has at least three headline sizes.
 */
function keepsRules(c: Candidate, articles: number, leadLocked: boolean, rows: number): boolean {
  const placed = c.placed.filter((p) => p.rank < articles);
  // (a locked lead is the 组版's: its size and place are not the engine's to keep)
  const lead = leadLocked ? undefined : placed.find((p) => p.rank === 0);
  const sizes = new Set(placed.map((p) => p.spec.headlineSize));
  const leadRules = !lead || (lead.row <= rows / 3 && placed.every((p) => p === lead || p.spec.headlineSize < lead.spec.headlineSize));
  return placed.every((p) => p.rank < placed.length) && leadRules && (placed.length < 6 || sizes.size >= 3);
}

/** The pages, each layout once. */
/** Distinct pages, those keeping the rules first, each group by the score. */
function byScore(cs: Candidate[], keeps: (c: Candidate) => boolean, score: (c: Candidate) => Score): Candidate[] {
  const sorted = (xs: Candidate[]): Candidate[] => xs.map((c) => ({ c, total: score(c).total })).sort((a, b) => b.total - a.total).map((x) => x.c);
  return distinct([...sorted(cs.filter(keeps)), ...sorted(cs.filter((c) => !keeps(c)))]);
}

function distinct(cs: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return cs.filter((c) => {
    const key = c.placed.map((p) => `${p.rank}:${p.col},${p.row},${p.spec.span}/${p.spec.titleSpan ?? 0},${p.m.rows + p.stretch}`).sort().join(';');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function rankArticles(request: MakeUpRequest, notes: MakeUpResult['notes']): Article[] {
  const doc = request.document;
  const byId = new Map(doc.articles.map((a) => [a.id, a]));
  const order = request.ranking ?? doc.articles.map((a) => a.id);
  const out: Article[] = [];
  for (const id of order) {
    const a = byId.get(id);
    if (!a) notes.push({ zh: `排序中的稿件 ${id} 不存在`, en: `Ranked article ${id} does not exist`, articleId: id });
    else if (!out.includes(a)) out.push(a);
  }
  // Articles the ranking leaves out come last, in the document's order: never silently dropped.
  for (const a of doc.articles) if (!out.includes(a)) out.push(a);
  return request.ranking ? out : continuedNotFirst(out, notes);
}

/**
 * A story continued from another page (its 上接 line: an OCR'd page's 上接01版) is never the page's lead by
 * input order alone: the first story that is not one leads, the continued one ranks next (field test 20:
 * it took the page's 48 pt). A part of the edition's own chain (a part's id) is ranked by the edition.
 */
function continuedNotFirst(ranked: Article[], notes: MakeUpResult['notes']): Article[] {
  const first = ranked[0];
  const lead = ranked.findIndex((a) => !a.jumpFrom.trim());
  if (!first?.jumpFrom.trim() || storyId(first.id) !== first.id || lead < 0) return ranked;
  notes.push({ zh: `“${first.headline}”是上接稿，不作头条；头条为“${ranked[lead].headline}”`, en: `“${first.headline}” continues from another page: not made the lead; the lead is “${ranked[lead].headline}”`, articleId: first.id });
  return [ranked[lead], ...ranked.filter((_, i) => i !== lead)];
}

/** The pictures of each article (in the request's order), and the stand-alone photos (linked to no article on the page). */
function pictureLinks(request: MakeUpRequest, images: Map<string, ImageAsset>, notes: MakeUpResult['notes'], articles: Set<string>): { byArticle: Map<string, PictureLink[]>; photos: PictureLink[] } {
  const byArticle = new Map<string, PictureLink[]>();
  const photos: PictureLink[] = [];
  const seen = new Set<string>();
  for (const link of request.pictures ?? []) {
    if (!images.has(link.imageId)) notes.push({ zh: `图片 ${link.imageId} 不在版面的图片中`, en: `Picture ${link.imageId} is not among the page's images`, imageId: link.imageId });
    else if (seen.has(link.imageId)) notes.push({ zh: `图片 ${link.imageId} 重复，只上版一次`, en: `Picture ${link.imageId} is listed twice; it is placed once`, imageId: link.imageId });
    else if (link.articleId !== undefined && articles.has(link.articleId)) byArticle.set(link.articleId, [...(byArticle.get(link.articleId) ?? []), link]);
    else if (link.articleId === undefined) {
      photos.push(link);
      const name = images.get(link.imageId)?.name ?? link.imageId;
      if (!link.caption.trim()) notes.push({ zh: `图片新闻“${name}”没有说明，已排入，说明待填`, en: `Stand-alone photo “${name}” has no caption; placed, its caption to fill in`, imageId: link.imageId });
    } else continue;
    seen.add(link.imageId);
  }
  return { byArticle, photos };
}

/**
 * The day's copy that may go on the page, in rank order (the rest held over with its reason; those
 * no page could take, with no body or longer than the page, by id), and whether it is short: at its natural size it would leave more of the page blank than the levers can
 * take up. With `cuts` (the user allows cutting), an article that would be held over loses its 可删
 * paragraphs, the last first, as few as make it fit; the paragraphs cut are recorded by article.
 */
function selectCopy(ranked: Article[], measurer: Measurer, obstacles: GridRect[], held: HeldOver[], pictures: (a: Article) => number, cuts?: Map<string, CutParagraph[]>, roomyMost = ROOMY_MOST): { articles: Article[]; fillers: Article[]; short: boolean; roomy: number; unplaceable: Set<string>; overflow?: Article; estimate: CopyEstimate } {
  const free = freeCells(measurer.geo, obstacles);
  const unplaceable = new Set<string>();
  const { columns } = measurer.geo;
  const out: Article[] = [];
  const fillers: Article[] = [];
  const estimate: CopyEstimate = { free, cells: new Map() };
  let area = 0;
  let full = false;
  let overflow: Article | undefined;
  for (const a of ranked) {
    const name = storyName(a, a.id);
    const body = plainText(a.body).trim() || a.lead.trim();
    // (a picture story, 图片新闻, may be its title, its picture and its caption: placed as that)
    if (!body && !(pictures(a) > 0 && a.headline.trim())) {
      held.push({ articleId: a.id, headline: a.headline, zh: `“${name}”没有正文，待用`, en: `“${name}” has no body text; held over` });
      unplaceable.add(a.id);
      continue;
    }
    const cellsOf = (x: Article): number => measurer.bodyLines(x, 0) + TITLE_CELLS * Math.min(3, columns) + pictures(a);
    const room = out.length > 0 ? free * COPY_CAP - area : free;
    let chosen = a;
    // A story is cut to its share of the page at most (the lead half, the others a third), not to all the room left: the rest of the day's copy needs it too.
    const share = Math.min(room, free * (out.length === 0 ? CUT_SHARE[0] : CUT_SHARE[1]));
    if (cuts && !(cellsOf(a) <= room)) {
      // Candidates are measured under ids of their own: the article's id keeps the text it is placed with.
      const r = cutToFit(a, (x) => cellsOf({ ...x, id: `${a.id}\u0000cut${plainText(x.body).length}` }) <= share);
      if (r.fits && r.removed.length) {
        measurer.forgetBody(a.id);
        cuts.set(a.id, r.removed);
        chosen = r.article;
      }
    }
    const lines = measurer.bodyLines(chosen, 0);
    if (!Number.isFinite(lines) || lines > free) {
      held.push({ articleId: a.id, headline: a.headline, zh: `“${name}”比整个版面还长，待用`, en: `“${name}” is longer than the whole page; held over` });
      unplaceable.add(a.id);
      continue;
    }
    const cells = cellsOf(chosen);
    estimate.cells.set(a.id, cells);
    // Once the page is full, every lower-ranked article is held over too: never a lower rank in a higher one's place;
    // but a few short ones without pictures are kept aside to fill a page the others leave with a hole (补空, `refill`).
    if (full || (out.length > 0 && area + cells > free * COPY_CAP)) {
      if (!full) overflow = a;
      full = true;
      if (fillers.length < FILLERS && cells <= free * FILLER_SHARE && pictures(a) === 0) {
        fillers.push(chosen);
        continue;
      }
      // (a story that alone, its titles and pictures too, takes more than the page is no story the page is full for: field 55 P2 四开)
      const whole = cells > free;
      held.push({ articleId: a.id, headline: a.headline, zh: whole ? `“${name}”连同标题、图片比整个版面还大，待用` : `版面已满，“${name}”待用`, en: whole ? `“${name}” with its titles and pictures takes more than the whole page; held over` : `The page is full; “${name}” is held over` });
      continue;
    }
    area += cells;
    out.push(chosen);
  }
  const roomy = full || area <= 0 ? 1 : Math.min(roomyMost, Math.max(1, free / area));
  return { articles: out, fillers, short: area < free * SHORT_COPY, roomy, unplaceable, overflow, estimate };
}

/** The copy estimate of a run: the free cells, and each story's cells at its natural size (those no page could take left out). */
interface CopyEstimate {
  free: number;
  cells: Map<string, number>;
}

/** Copy short of the page lets its pictures take up to this much more of it than their rank's share. */
const ROOMY_MOST = 1.5;

/** At most this many stories held over are kept to fill a page left with a hole, each at most this share of the free page. */
const FILLERS = 8;
const FILLER_SHARE = 0.2;

/** Copy estimated under this share of the free page is short: the levers (about ±10%) cannot fill it. */
const SHORT_COPY = 0.65;

/** The most of the free page a story is cut down to when it is cut: the lead's share, the others'. */
const CUT_SHARE = [0.5, 0.35];

/** Grid lines an article's titles take, about, per column they span. */
const TITLE_CELLS = 4;

/** Cells an article's pictures take at their natural size, two columns wide (or as wide as they print sharply). */
function pictureCells(geo: Measurer['geo'], page: MakeUpRequest['document']['page'], links: PictureLink[], images: Map<string, ImageAsset>): number {
  return links.reduce((n, l) => {
    const asset = images.get(l.imageId);
    const span = Math.min(2, widestPrintable(geo, asset));
    return n + span * pictureRows(geo, page, asset, span, l.caption);
  }, 0);
}

/** A story with no headline reads as part of the module beside it: the 组版 is told which one. */
function untitled(a: Article): MakeUpResult['notes'][number] {
  const opening = [...plainText(a.body).trim()].slice(0, 12).join('');
  return { articleId: a.id, zh: `稿件“${opening}…”没有标题，上版后会被读作相邻稿件的一部分，请补标题`, en: `The story “${opening}…” has no headline; on the page it reads as part of the story beside it; give it one` };
}

function warnSmallPictures(links: PictureLink[], images: Map<string, ImageAsset>, geo: Measurer['geo'], notes: MakeUpResult['notes']): void {
  for (const link of links) {
    const asset = images.get(link.imageId);
    // (a placeholder of no known size has no pixels to judge: preflight reports it as a frame without its picture)
    if (!asset || !(asset.pixelWidth > 0)) continue;
    const ppi = effectivePpi(geo, asset, 1);
    if (!(ppi >= PRINT_PPI.warning)) notes.push({ zh: `图片 ${asset.name} 只有 ${asset.pixelWidth}×${asset.pixelHeight} 像素，一栏宽也至多 ${Math.round(ppi)} ppi，印刷会模糊`, en: `Picture ${asset.name} has only ${asset.pixelWidth}×${asset.pixelHeight} px: at most ${Math.round(ppi)} ppi even one column wide, too small for print`, imageId: asset.id });
    else if (widestPrintable(geo, asset) < 2) notes.push({ zh: `图片 ${asset.name} 只够一栏宽（${asset.pixelWidth} 像素）`, en: `Picture ${asset.name} is sharp only one column wide (${asset.pixelWidth} px)`, imageId: asset.id });
  }
}

function heldFrom(items: Article[], c: Candidate, images: Map<string, ImageAsset>): HeldOver[] {
  const placed = new Set(c.placed.map((p) => p.rank));
  return items.flatMap((a, rank) => {
    if (placed.has(rank)) return [];
    const imageId = photoOf(a);
    if (imageId !== undefined) {
      const name = images.get(imageId)?.name ?? imageId;
      return [{ articleId: '', imageId, headline: '', zh: `图片“${name}”放不下，待用`, en: `Photo “${name}” does not fit; held over` }];
    }
    const name = storyName(a, a.id);
    return [{ articleId: a.id, headline: a.headline, zh: `“${name}”放不下，待用`, en: `“${name}” does not fit; held over` }];
  });
}

function build(request: MakeUpRequest, measurer: Measurer, articles: Article[], c: Candidate, locked: Block[], cuts: Map<string, CutParagraph[]>): Pick<Alternative, 'document' | 'blocks' | 'moves'> {
  const source = request.document;
  const blocks: Block[] = [...locked];
  const variants = new Map<string, Article>();
  const moves: Move[] = [];
  for (const p of [...c.placed].sort((a, b) => a.rank - b.rank)) {
    const a = articles[p.rank];
    // A stand-alone photo has no text to restyle (and must stay the photo item it is).
    const v = isPhotoItem(a) ? a : measurer.variant(a, p.spec, p.m.tracking);
    if (v !== a) variants.set(a.id, v);
    // A module the levers could not deepen to its room ends where its text does, its columns even; the
    // lines left (its stretch) stay blank under it across its width, not as empty last columns.
    const { article, pictures } = measurer.blocks(v, p.spec, p.m, p.col, p.row);
    // the pictures after their article: drawn over it, and a click on one picks the picture
    if (article) blocks.push(article);
    blocks.push(...pictures);
    if (!isPhotoItem(a)) moves.push(describe(a, p, cuts.get(a.id) ?? [], naturalRows(measurer, p, source.page)));
  }
  return { document: { ...source, articles: source.articles.map((a) => variants.get(a.id) ?? a), blocks }, blocks, moves };
}

/** Each picture's uncropped depth at its span (a move says how far the frame cropped it). */
function naturalRows(measurer: Measurer, p: Placement, page: MakeUpRequest['document']['page']): number[] {
  return p.spec.pictures.map((pic) => (pic.row ? rowFrame(measurer.geo, page, pic.row, measurer.images).rows : pictureRows(measurer.geo, page, measurer.images.get(pic.imageId), pic.span, pic.caption)));
}

function describe(a: Article, p: Placement, cut: CutParagraph[], natural: number[]): Move {
  const zh = [`${p.spec.span} 栏 × ${p.m.rows} 行`, `标题 ${p.spec.headlineSize} pt`];
  const en = [`${p.spec.span} columns × ${p.m.rows} lines`, `headline ${p.spec.headlineSize} pt`];
  if (p.m.tracking) {
    zh.push(`字距 ${p.m.tracking > 0 ? '+' : ''}${p.m.tracking} em`);
    en.push(`tracking ${p.m.tracking > 0 ? '+' : ''}${p.m.tracking} em`);
  }
  if (p.spec.padRows) {
    zh.push(`标题留白 ${p.spec.padRows} 行`);
    en.push(`${p.spec.padRows} lines of white space in the title area`);
  }
  const shift = p.spec.lineShift ?? 0;
  if (shift) {
    zh.push(`${shift > 0 ? '拉行' : '缩行'} ${Math.abs(shift)} 段`);
    en.push(`${Math.abs(shift)} paragraphs re-broken a line ${shift > 0 ? 'longer' : 'shorter'}`);
  }
  p.spec.pictures.forEach((pic, i) => {
    const was = natural[i];
    // shallower than the picture: its top and bottom cropped; deeper: scaled up, its sides cropped
    const zhCrop = pic.rows < was ? `，裁去上下（原 ${was} 行）` : pic.rows > was ? `，放大裁去左右（原 ${was} 行）` : '';
    const enCrop = pic.rows < was ? ` (top and bottom cropped from ${was} lines)` : pic.rows > was ? ` (enlarged, sides cropped, from ${was} lines)` : '';
    const n = pic.row?.length ?? 1;
    zh.push(`${n > 1 ? `组图 ${n} 张横排 ` : '图片 '}${pic.span} 栏 × ${pic.rows} 行${zhCrop}`);
    en.push(`${n > 1 ? `${n} pictures in a row ` : 'picture '}${pic.span} columns × ${pic.rows} lines${enCrop}`);
  });
  if (cut.length) {
    zh.push(`删去可删段落 ${cut.length} 段（${cut.map((c) => `“${c.opening}”`).join('、')}）`);
    en.push(`${cut.length} cuttable paragraphs cut (${cut.map((c) => `“${c.opening}”`).join(', ')})`);
  }
  if (p.stretch) {
    zh.push(`其下空 ${p.stretch} 行`);
    en.push(`${p.stretch} blank lines under it`);
  }
  return { articleId: a.id, zh: zh.join('，'), en: en.join(', ') };
}
