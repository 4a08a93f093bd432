import type { Article, ArticleBlock, Block, GridRect } from './document';
import { columnDepths } from './grid';

/**
 * Keeping blocks on the grid when the page's column count drops (版面设置 → 栏数, a 开本 preset with
 * fewer columns) or when an older file has blocks past its last column. As in 方正飞腾 and
 * InDesign's layout adjustment, a block keeps its width and moves left when it can, and is narrowed
 * to the whole grid only when it is wider than the grid; its headline span and stepped column
 * depths follow its new width. Pure: it returns the changes, the store writes them.
 */

/** The fields a fitted block gets; `undefined` removes the field (a stepped article that became a rectangle). */
export type BlockFitFields = Partial<Pick<ArticleBlock, 'col' | 'span' | 'headlineSpan' | 'columnRows' | 'titleRow'>>;

export interface BlockFit {
  id: string;
  kind: 'article' | 'image' | 'box';
  /** 'moved': same width, further left; 'narrowed': fewer columns (and as far left as needed). */
  change: 'moved' | 'narrowed';
  from: Pick<GridRect, 'col' | 'span'>;
  to: Pick<GridRect, 'col' | 'span'>;
  fields: BlockFitFields;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * A stepped article's depths after its block was resized: no column deeper than the block and one
 * depth per column (new columns as deep as the block); undefined when that makes it a rectangle.
 */
export function resizedColumnRows(columnRows: number[] | undefined, span: number, rows: number): number[] | undefined {
  if (!columnRows) return undefined;
  const depths = columnDepths({ columnRows, span, rows });
  return depths.every((d) => d === rows) ? undefined : depths;
}

/**
 * An article block made `rows` deep by its body (适配): the columns as deep as the block follow it,
 * the shorter ones of a stepped block (ending under its titles' overhang, another module under
 * them) keep their depth; a block that becomes a rectangle drops its depths.
 */
export function atDepth(b: Pick<ArticleBlock, 'span' | 'rows' | 'columnRows' | 'titleRow'>, rows: number): Pick<ArticleBlock, 'rows' | 'columnRows' | 'titleRow'> {
  if (!b.columnRows) return { rows, columnRows: undefined, ...titlesAt(b, rows) };
  const depths = columnDepths(b).map((d) => (d === b.rows ? rows : Math.min(d, rows)));
  return { rows, columnRows: depths.every((d) => d === rows) ? undefined : depths, ...titlesAt(b, rows) };
}

/** An article block's 图在题上 line at a new depth: titles that would begin under its foot go back to its top. */
function titlesAt(b: Pick<ArticleBlock, 'titleRow'>, rows: number): Pick<BlockFitFields, 'titleRow'> {
  return b.titleRow !== undefined && b.titleRow >= rows ? { titleRow: undefined } : {};
}

/**
 * What an article block's headline span and column depths become at a new size: each kept within
 * it (a wider headline or a deeper column would make the page fail validation, and so fail to load).
 */
export function articleFieldsForSize(b: Pick<ArticleBlock, 'headlineSpan' | 'columnRows' | 'titleRow'>, span: number, rows: number): Pick<BlockFitFields, 'headlineSpan' | 'columnRows' | 'titleRow'> {
  return {
    ...(Array.isArray(b.columnRows) ? { columnRows: resizedColumnRows(b.columnRows, span, rows) } : {}),
    ...(b.headlineSpan !== undefined && b.headlineSpan > span ? { headlineSpan: Math.max(1, span) } : {}),
    ...titlesAt(b, rows),
  };
}

/**
 * The changes that bring every grid block (article, image, box) inside `columns` columns. Blocks
 * already inside, rules (placed in pt) and blocks whose position is not a whole number of columns
 * (damaged data, left for validation to refuse) are not touched.
 */
export function fitBlocksToColumns(blocks: readonly Block[], columns: number): BlockFit[] {
  if (!isCount(columns) || columns < 1) return [];
  const fits: BlockFit[] = [];
  for (const b of blocks) {
    if (typeof b !== 'object' || b === null || (b.kind !== 'article' && b.kind !== 'image' && b.kind !== 'box')) continue;
    if (!isCount(b.col) || !isCount(b.span)) continue;
    // A 0-column block (being drawn) still needs its column on the page.
    if (b.col + Math.max(1, b.span) <= columns) continue;
    const span = Math.min(b.span, columns);
    const col = columns - Math.max(1, span);
    const fields: BlockFitFields = { col, span };
    if (b.kind === 'article' && span < b.span && isCount(b.rows)) Object.assign(fields, articleFieldsForSize(b, span, b.rows));
    fits.push({ id: b.id, kind: b.kind, change: span < b.span ? 'narrowed' : 'moved', from: { col: b.col, span: b.span }, to: { col, span }, fields });
  }
  return fits;
}

/** The blocks with the fits applied (new objects for the fitted ones, the others as they were). */
export function applyBlockFits<B extends Block>(blocks: readonly B[], fits: readonly BlockFit[]): B[] {
  const byId = new Map(fits.map((f) => [f.id, f]));
  return blocks.map((b) => {
    const fit = byId.get(b.id);
    if (!fit) return b;
    const out: Record<string, unknown> = { ...b };
    for (const [k, v] of Object.entries(fit.fields)) {
      if (v === undefined) delete out[k];
      else out[k] = v;
    }
    return out as B;
  });
}

const MAX_NAMED = 6;

function clip(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 12 ? `${t.slice(0, 12)}…` : t;
}

/** What the user calls a block: the article's headline, the picture's caption, the ad's advertiser, or its kind and id. */
export function blockName(block: Block, articles: readonly Pick<Article, 'id' | 'headline'>[]): { zh: string; en: string } {
  if (block.kind === 'article') {
    const title = clip(articles.find((a) => a.id === block.articleId)?.headline ?? '');
    return title ? { zh: `《${title}》`, en: `“${title}”` } : { zh: `稿件 ${block.id}`, en: `article ${block.id}` };
  }
  if (block.kind === 'image') {
    const caption = clip(block.caption ?? '');
    return caption ? { zh: `图片“${caption}”`, en: `picture “${caption}”` } : { zh: `图片 ${block.id}`, en: `picture ${block.id}` };
  }
  if (block.kind === 'ad') {
    const advertiser = clip(block.advertiser);
    return advertiser ? { zh: `广告“${advertiser}”`, en: `ad “${advertiser}”` } : { zh: `广告 ${block.id}`, en: `ad ${block.id}` };
  }
  return block.kind === 'box' ? { zh: `底纹框 ${block.id}`, en: `box ${block.id}` } : { zh: `线 ${block.id}`, en: `rule ${block.id}` };
}

function blockLabel(fit: BlockFit, block: Block | undefined, articles: readonly Pick<Article, 'id' | 'headline'>[]): { zh: string; en: string } {
  return block?.kind === fit.kind ? blockName(block, articles) : { zh: `块 ${fit.id}`, en: `block ${fit.id}` };
}

function listed(items: string[], sep: string, more: (n: number) => string): string {
  const shown = items.slice(0, MAX_NAMED).join(sep);
  return items.length > MAX_NAMED ? `${shown}${more(items.length - MAX_NAMED)}` : shown;
}

/**
 * The notice after fitting: which blocks moved left and which were narrowed (with their widths), zh
 * and en; `when` says whether a page-settings change or opening a file did it.
 */
export function describeBlockFits(
  fits: readonly BlockFit[],
  columns: number,
  doc: { blocks: readonly Block[]; articles: readonly Pick<Article, 'id' | 'headline'>[] },
  when: 'settings' | 'file' = 'settings',
): { zh: string; en: string } {
  const label = (f: BlockFit) => blockLabel(f, doc.blocks.find((b) => b.id === f.id), doc.articles);
  const moved = fits.filter((f) => f.change === 'moved').map(label);
  const narrowed = fits.filter((f) => f.change === 'narrowed').map((f) => ({ label: label(f), from: f.from.span, to: f.to.span }));
  const zh: string[] = [];
  const en: string[] = [];
  if (moved.length) {
    zh.push(`左移 ${listed(moved.map((m) => m.zh), '、', (n) => ` 等 ${n + MAX_NAMED} 块`)}`);
    en.push(`moved left ${listed(moved.map((m) => m.en), ', ', (n) => ` and ${n} more`)}`);
  }
  if (narrowed.length) {
    zh.push(`变窄 ${listed(narrowed.map((n) => `${n.label.zh}（${n.from} → ${n.to} 栏）`), '、', (n) => ` 等 ${n + MAX_NAMED} 块`)}`);
    en.push(`narrowed ${listed(narrowed.map((n) => `${n.label.en} (${n.from} → ${n.to} columns)`), ', ', (n) => ` and ${n} more`)}`);
  }
  const blocks = `${fits.length} block${fits.length === 1 ? '' : 's'}`;
  if (when === 'file') {
    return {
      zh: `文件中有 ${fits.length} 个块超出版面的 ${columns} 栏，已调整：${zh.join('；')}`,
      en: `${blocks} in the file ran past the page's ${columns} columns and were adjusted: ${en.join('; ')}`,
    };
  }
  return {
    zh: `版面现为 ${columns} 栏，超出的 ${fits.length} 个块已调整：${zh.join('；')}`,
    en: `The page now has ${columns} columns; ${blocks} past its edge adjusted: ${en.join('; ')}`,
  };
}
