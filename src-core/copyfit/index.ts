import { layout, type LayoutEnv } from '../layout/layout';
import { cacheFor } from '../layout/context';
import type { PageLayout } from '../layout/page-layout';
import { headlineSizesFor } from '../makeup/shapes';
import type { Article, ArticleBlock, BanmianDocument, Block, TextStyle } from '../model/document';
import { gridGeometry } from '../model/grid';
import { resolveStyle } from '../model/styles';
import { atDepth } from '../model/fit-blocks';
import { overlapsWith } from '../model/overlap';

/** How an article fits its blocks: lines overset (over) or empty body lines at the foot (under). */
export interface ArticleFit {
  over: number;
  under: number;
}

/** The fit of every placed article on a laid-out page (headline-only articles have no body to fill). */
export function articleFits(doc: { readonly blocks: readonly Block[] }, pl: Pick<PageLayout, 'frames' | 'overset'>): Map<string, ArticleFit> {
  const articleOf = new Map(doc.blocks.flatMap((b) => (b.kind === 'article' ? [[b.id, b.articleId] as const] : [])));
  const out = new Map<string, ArticleFit>();
  for (const f of pl.frames) {
    const id = articleOf.get(f.blockId);
    if (!id || f.kind !== 'article') continue;
    const fit = out.get(id) ?? { over: 0, under: 0 };
    fit.under += f.emptyLines;
    out.set(id, fit);
  }
  // Overset text has filled every line of its blocks: no empty line to count then.
  for (const o of pl.overset) out.set(o.articleId, { over: o.lines, under: 0 });
  return out;
}

/** The fit as the 组版 reads it: +N lines over, −N lines under, ±0. */
export function fitLabel(fit: ArticleFit): string {
  if (fit.over > 0) return `+${fit.over} 行`;
  if (fit.under > 0) return `−${fit.under} 行`;
  return '±0';
}

/** The copyfit levers, one declaration: body tracking either side of the page style's (em). */
export const COPYFIT_TRACKING = 0.03;
const TRACKING_STEPS = [0, 0.01, 0.02, 0.03].filter((t) => t <= COPYFIT_TRACKING);
const TRACKED = ['body', 'lead', 'subhead'] as const;

export interface CopyfitChange {
  /** Style overrides to set on the article, style by style. */
  styles: Partial<Record<'body' | 'lead' | 'subhead' | 'headline', Partial<TextStyle>>>;
  /** New depth of the block, when depth was a lever (a stepped block's column depths with it, see `atDepth`). */
  rows?: number;
  columnRows?: number[];
}

export interface CopyfitResult {
  before: ArticleFit;
  after: ArticleFit;
  change: CopyfitChange;
  /** What changed, or why nothing could: zh first. */
  moves: { zh: string; en: string }[];
}

interface Trial {
  tracking: number;
  headline: number;
  rows: number;
  /** Body lines gained or given back by re-breaking paragraphs (拉行/缩行, the body's `lineShift`). */
  shift: number;
}

/**
 * 适配: fits one article into its block with the make-up engine's levers, least visible first —
 * tracking within ±0.03 em of the page style, the headline size within its rank's range, then the
 * block's depth (down into free grid lines only: text blocks never overlap); for overset text the
 * depth wins when it leaves fewer lines empty than the styles do.
 */
export function copyfit(doc: BanmianDocument, blockId: string, env: Pick<LayoutEnv, 'fonts' | 'cache'>): CopyfitResult {
  const block = doc.blocks.find((b): b is ArticleBlock => b.id === blockId && b.kind === 'article');
  const article = block && doc.articles.find((a) => a.id === block.articleId);
  if (!block || !article) throw new Error(`no article block ${blockId}`);
  const headline = resolveStyle(doc.page, 'headline', article.styleOverrides);
  const base = resolveStyle(doc.page, 'body', article.styleOverrides).tracking - doc.page.styles.body.tracking;
  const trialEnv = { fonts: env.fonts, cache: cacheFor(env) };
  // One composition cache kept over all the trials (see hold), and each trial laid out once.
  const fits = new Map<string, ArticleFit>();
  const fitOf = (t: Trial): ArticleFit => {
    const key = `${t.tracking}|${t.headline}|${t.rows}|${t.shift}`;
    let fit = fits.get(key);
    if (!fit) fits.set(key, (fit = measure(doc, block, article, t, trialEnv)));
    return fit;
  };
  return trialEnv.cache.hold(() => fitWithLevers(doc, block, article, headline, base, fitOf));
}

function fitWithLevers(doc: BanmianDocument, block: ArticleBlock, article: Article, headline: TextStyle, base: number, fitOf: (t: Trial) => ArticleFit): CopyfitResult {
  const rank = Math.max(0, doc.articles.indexOf(article));
  const now: Trial = { tracking: base, headline: headline.size, rows: block.rows, shift: resolveStyle(doc.page, 'body', article.styleOverrides).lineShift ?? 0 };
  const before = fitOf(now);
  if (before.over === 0 && before.under === 0) return { before, after: before, change: { styles: {} }, moves: [{ zh: '已经适配，未作改动', en: 'Already fits; nothing changed' }] };
  const sizes = headlineRange(headlineSizesFor(article, rank, gridGeometry(doc.page).columns), headline.size, before.over > 0);
  // The least visible lever first: a few paragraphs re-broken a line shorter or longer.
  const reBroken = { ...now, shift: now.shift + (before.over > 0 ? -before.over : before.under) };
  const exact = fitOf(reBroken);
  if (exact.over === 0 && exact.under === 0) return { before, after: exact, change: changeOf(doc, block, article, now, reBroken), moves: describe(now, reBroken, exact, article) };
  const styled = search(now, sizes, before, fitOf);
  // Overset: the block a line or two deeper beats a smaller headline that leaves more lines empty. Underset: depth only when
  // nothing else helps (a shorter block leaves its lines empty on the page instead).
  const best = before.over > 0 ? closer(styled, depthTrial(doc, block, now, before, fitOf), fitOf) : (styled ?? depthTrial(doc, block, now, before, fitOf));
  const after = best ? fitOf(best) : before;
  return { before, after, change: best ? changeOf(doc, block, article, now, best) : { styles: {} }, moves: describe(now, best, after, article) };
}

function measure(doc: BanmianDocument, block: ArticleBlock, article: Article, t: Trial, env: Pick<LayoutEnv, 'fonts' | 'cache'>): ArticleFit {
  const a = { ...article, styleOverrides: overridesFor(doc, article, t) };
  const pictures = doc.blocks.filter((b) => b.kind === 'image');
  const trial: BanmianDocument = { ...doc, articles: [a], blocks: [...pictures, { ...block, ...atDepth(block, t.rows) }] };
  return articleFits(trial, layout(trial, env)).get(article.id) ?? { over: 0, under: 0 };
}

function overridesFor(doc: BanmianDocument, article: Article, t: Trial): Article['styleOverrides'] {
  const o = { ...(article.styleOverrides ?? {}) };
  for (const s of TRACKED) o[s] = { ...o[s], tracking: round(doc.page.styles[s].tracking + t.tracking) };
  o.body = { ...o.body, lineShift: t.shift || undefined };
  const h = doc.page.styles.headline;
  if (t.headline !== resolveStyle(doc.page, 'headline', article.styleOverrides).size) o.headline = { ...o.headline, size: t.headline, lineHeight: round((h.lineHeight / h.size) * t.headline) };
  return o;
}

const round = (v: number): number => Math.round(v * 1000) / 1000;

/** Headline sizes to try, current first: smaller ones for overset, larger for underset, within the sizes make-up gives the story (`headlineSizesFor`). */
function headlineRange(allowed: number[], current: number, shrink: boolean): number[] {
  const within = allowed.filter((s) => (shrink ? s < current : s > current));
  return [current, ...within.sort((a, b) => (shrink ? b - a : a - b))];
}

/** The first trial (least change first) that fits exactly, or the best improvement. */
function search(now: Trial, sizes: number[], before: ArticleFit, fitOf: (t: Trial) => ArticleFit): Trial | undefined {
  const dir = before.over > 0 ? -1 : 1;
  let best: { t: Trial; cost: number } | undefined;
  for (const headline of sizes) {
    for (const step of TRACKING_STEPS) {
      const tracking = round(dir * step);
      if (tracking === now.tracking && headline === now.headline) continue;
      const t = { ...now, tracking, headline };
      const fit = fitOf(t);
      if (fit.over === 0 && fit.under === 0) return t;
      const cost = fit.over * 1000 + fit.under;
      if (cost < (best?.cost ?? before.over * 1000 + before.under)) best = { t, cost };
    }
  }
  return best && before.over > 0 && fitOf(best.t).over > 0 ? undefined : best?.t;
}

/** Of two trials, the one whose fit is closer (overset first, then empty lines); the first on a tie (the less visible change). */
function closer(a: Trial | undefined, b: Trial | undefined, fitOf: (t: Trial) => ArticleFit): Trial | undefined {
  if (!a || !b) return a ?? b;
  const cost = (t: Trial): number => fitOf(t).over * 1000 + fitOf(t).under;
  return cost(b) < cost(a) ? b : a;
}

/** Depth as the last lever: deeper into free lines below for overset, shorter for underset. */
function depthTrial(doc: BanmianDocument, block: ArticleBlock, now: Trial, before: ArticleFit, fitOf: (t: Trial) => ArticleFit): Trial | undefined {
  const last = gridGeometry(doc.page).rows - block.row;
  const free = (rows: number): boolean => rows <= last && overlapsWith(doc.blocks, { ...block, ...atDepth(block, rows) }).length === 0;
  if (before.over > 0) {
    let deepest = block.rows;
    while (free(deepest + 1)) deepest++;
    // The fewest lines that hold it, as the current tracking or the tightest; the current one on a tie.
    const tight: Trial = { ...now, tracking: -COPYFIT_TRACKING };
    const asIs = fewestRows(block.rows + 1, deepest, (rows) => fitOf({ ...now, rows }).over === 0);
    const tighter = fewestRows(block.rows + 1, deepest, (rows) => fitOf({ ...tight, rows }).over === 0);
    if (asIs === undefined && tighter === undefined) return undefined;
    return asIs !== undefined && (tighter === undefined || asIs <= tighter) ? { ...now, rows: asIs } : { ...tight, rows: tighter! };
  }
  let best: Trial | undefined;
  for (let rows = block.rows - 1; rows >= 1; rows--) {
    const fit = fitOf({ ...now, rows });
    if (fit.over > 0) break;
    best = { ...now, rows };
    if (fit.under === 0) break;
  }
  return best;
}

/**
 * The fewest rows in lo..hi for which `holds` is true, by bisection: more lines never set more
 * overset, so `holds` is false below the answer and true from it on.
 */
function fewestRows(lo: number, hi: number, holds: (rows: number) => boolean): number | undefined {
  if (lo > hi || !holds(hi)) return undefined;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function changeOf(doc: BanmianDocument, block: ArticleBlock, article: Article, now: Trial, t: Trial): CopyfitChange {
  const styles: CopyfitChange['styles'] = {};
  if (t.tracking !== now.tracking) for (const s of TRACKED) styles[s] = { tracking: round(doc.page.styles[s].tracking + t.tracking) };
  if (t.shift !== now.shift) styles.body = { ...styles.body, lineShift: t.shift };
  const o = overridesFor(doc, article, t);
  if (t.headline !== now.headline && o?.headline) styles.headline = { size: o.headline.size, lineHeight: o.headline.lineHeight };
  return { styles, ...(t.rows !== now.rows ? atDepth(block, t.rows) : {}) };
}

function describe(now: Trial, t: Trial | undefined, after: ArticleFit, article: Article): CopyfitResult['moves'] {
  const name = article.headline.trim() || article.id;
  if (!t) return [{ zh: `“${name}”无法在字距 ±${COPYFIT_TRACKING} em、标题字号和下方空行内适配，未作改动`, en: `“${name}” cannot be fitted with tracking ±${COPYFIT_TRACKING} em, its headline size and the free lines below; nothing changed` }];
  const moves: CopyfitResult['moves'] = [];
  if (t.tracking !== now.tracking) moves.push({ zh: `字距 ${sign(t.tracking)} em`, en: `tracking ${sign(t.tracking)} em` });
  if (t.shift !== now.shift) moves.push(t.shift > now.shift ? { zh: `拉行 ${t.shift - now.shift} 段`, en: `${t.shift - now.shift} paragraphs a line longer` } : { zh: `缩行 ${now.shift - t.shift} 段`, en: `${now.shift - t.shift} paragraphs a line shorter` });
  if (t.headline !== now.headline) moves.push({ zh: `标题 ${now.headline} → ${t.headline} pt`, en: `headline ${now.headline} → ${t.headline} pt` });
  if (t.rows !== now.rows) moves.push({ zh: `块高 ${now.rows} → ${t.rows} 行`, en: `depth ${now.rows} → ${t.rows} lines` });
  if (after.over > 0 || after.under > 0) moves.push({ zh: `仍${after.over ? `溢 ${after.over}` : `空 ${after.under}`} 行`, en: `still ${after.over ? `${after.over} lines over` : `${after.under} lines under`}` });
  return moves;
}

const sign = (v: number): string => `${v > 0 ? '+' : ''}${v}`;
