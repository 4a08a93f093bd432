import type { LayoutEnv } from '../../src-core/layout/layout';
import { heldCount, heldName, isHeldPicture, makeUp, type Alternative, type HeldOver, type MakeUpResult, type Message } from '../../src-core/makeup';
import { withoutFillerFrames } from '../../src-core/makeup/filler';
import type { BanmianDocument, Block, PageSettings } from '../../src-core/model/document';
import { applyBlockFits, blockName, fitBlocksToColumns, resizedColumnRows } from '../../src-core/model/fit-blocks';
import { placedRanking } from './placed-rank';
import { makeUpRequest } from './makeup-request';

export type PageFields = Partial<Omit<PageSettings, 'header'>>;

/**
 * A 栏数 change re-makes the page (issue 16): what to apply, or why the page stays as it is.
 * `base` is the page with the new settings and the blocks that stay (locked ones, headline-only
 * banners, stand-alone pictures) fitted to the new grid; `alternative` the engine's best page on it.
 */
export type GridRemake = { kind: 'refused'; notice: Message } | { kind: 'remade'; base: BanmianDocument; alternative: Alternative; notice: Message };

const MAX_NAMED = 8;

function names(items: Message[], zhSep = '、', enSep = ', '): Message {
  const more = items.length - MAX_NAMED;
  return {
    zh: items.slice(0, MAX_NAMED).map((m) => m.zh).join(zhSep) + (more > 0 ? ` 等 ${items.length} 个` : ''),
    en: items.slice(0, MAX_NAMED).map((m) => m.en).join(enSep) + (more > 0 ? ` and ${more} more` : ''),
  };
}

/**
 * The page re-made for a new column count: the unlocked articles on it made up afresh by the engine,
 * ranked as the 组版 placed them (`placedRanking`), the locked blocks kept where they are (but make-up's
 * own 公益广告 frame with no artwork in it, made afresh for the new grid, and said so: 补白). Undefined
 * when there is nothing to re-make (the column count stays, or no unlocked article is on the page):
 * the plain settings change does. A locked block past the new grid refuses the change (it may not
 * be moved, and a page with a block past its grid is not valid); articles that no longer fit are
 * held over (待用, still in the 稿件 list) and named in the notice.
 */
export function remakeForGrid(doc: BanmianDocument, fields: PageFields, env: Pick<LayoutEnv, 'fonts'>): GridRemake | undefined {
  const columns = fields.grid?.columns;
  if (columns === undefined || columns === doc.page.grid.columns) return undefined;
  const ranking = placedRanking(doc);
  if (!ranking.length) return undefined;
  // (make-up's own 公益广告 frame, no artwork in it, is made afresh for the new grid, not kept in the way: 补白)
  const blocks = withoutFillerFrames(doc.blocks);
  const stuck = blocks.filter((b) => b.locked && b.kind !== 'rule' && b.col + Math.max(1, b.span) > columns);
  if (stuck.length) {
    const n = names(stuck.map((b) => blockName(b, doc.articles)));
    return { kind: 'refused', notice: { zh: `栏数未改：锁定的 ${n.zh} 超出新的 ${columns} 栏，锁定的块不移动；请先解锁或移开`, en: `Columns unchanged: the locked ${n.en} would lie past the new ${columns} columns, and locked blocks are not moved; unlock or move them first` } };
  }
  const base = { ...doc, page: { ...doc.page, ...fields }, blocks: keptOnGrid(blocks, doc.page.grid.columns, columns) };
  const request = makeUpRequest(base);
  const onPage = new Set([...ranking, ...base.blocks.flatMap((b) => (b.kind === 'article' ? [b.articleId] : []))]);
  const fillShort = blocks.length < doc.blocks.length;
  const result = makeUp({ ...request, ranking, document: { ...request.document, articles: base.articles.filter((a) => onPage.has(a.id)) }, options: { ...request.options, fillShort } }, env);
  const alternative = result.alternatives[0];
  if (!alternative) {
    const why = names(result.notes, '；', '; ');
    return { kind: 'refused', notice: { zh: `栏数未改：无法按 ${columns} 栏重新组版。${why.zh}`, en: `Columns unchanged: the page could not be made up on ${columns} columns. ${why.en}` } };
  }
  const notice = remakeNotice(columns, ranking.length, alternative);
  return { kind: 'remade', base, alternative, notice: fillShort ? withShortNotes(notice, result.notes) : notice };
}

/**
 * The blocks that stay (the engine re-makes the other ones) on the new grid: past a narrower grid
 * moved left or narrowed (`fitBlocksToColumns`), and an unlocked block across the whole old grid (a
 * 通栏 banner) across the whole new one, wider too, as the 组版 set it across the page.
 */
function keptOnGrid(blocks: readonly Block[], from: number, to: number): Block[] {
  const fitted = applyBlockFits(blocks, fitBlocksToColumns(blocks, to));
  if (to <= from) return fitted;
  return fitted.map((b) => {
    if (b.locked || b.kind === 'rule' || b.col !== 0 || b.span !== from) return b;
    if (b.kind !== 'article') return { ...b, span: to };
    const columnRows = resizedColumnRows(b.columnRows, to, b.rows);
    const { columnRows: _, ...rest } = b;
    return columnRows ? { ...rest, span: to, columnRows } : { ...rest, span: to };
  });
}

/** The notice with make-up's notes on a page short of copy (its new 公益广告 frame, or the 补稿 it would take without one). */
function withShortNotes(notice: Message, notes: MakeUpResult['notes']): Message {
  const short = notes.filter((n) => n.blank);
  return { zh: [notice.zh, ...short.map((n) => n.zh)].join('；'), en: [notice.en, ...short.map((n) => n.en)].join('; ') };
}

function remakeNotice(columns: number, articles: number, alt: Alternative): Message {
  const zh = `版面现为 ${columns} 栏，已重新组版 ${articles} 篇稿件（锁定的块未动）`;
  const en = `The page now has ${columns} columns; ${articles} article${articles === 1 ? '' : 's'} made up anew (locked blocks kept)`;
  if (!alt.heldOver.length) return { zh, en };
  const title = (t: string): string => (t.length > 16 ? `${t.slice(0, 16)}…` : t);
  const named = (h: HeldOver): Message => {
    const t = title(heldName(h, alt.document));
    return { zh: isHeldPicture(h) ? `图片“${t}”` : `《${t}》`, en: `“${t}”` };
  };
  const held = names(alt.heldOver.map(named));
  const count = heldCount(alt.heldOver);
  return {
    zh: `${zh}；放不下、${count.zh}：${held.zh}（仍在稿件列表中）`,
    en: `${en}; ${count.en}, not enough room: ${held.en} (still in the article list)`,
  };
}
