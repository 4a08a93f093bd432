/**
 * A continued story's part moved to another page (移至第N版): the part's block leaves its page and
 * is placed on page N where it covers no block at all (its own place there when that is free, else
 * the first free place reading the grid from the top); the article is listed on page N, and off its
 * old page unless another part of the story stays there. The part's paragraphs and cut points do
 * not change. The jump lines are derived from the pages holding the parts (page-doc.ts), so they
 * follow: （下转第N版） before it, （上接…） on N, and parts that now share a page join as 续排.
 *
 * The story's picture blocks go with the part when no other part stays on the old page (as they go
 * with a story through the pool, pool-pictures.ts), kept where they stand against the part.
 * Refused, zh/en, nothing changed: a block that is no chain's part, a page the edition lacks or
 * holds twice, the part's own page, a page before the part before it or after the part after it (a
 * story runs forward), a signed page the move would change (its blocks, or a jump line naming the
 * part's page), and a page with no free place for the block (choice: a
 * chain's part is a block, so the edition file cannot keep one unplaced on a page).
 */
import type { BanmianDocument, Block } from '../model/document';
import { gridGeometry, onGrid, rectsMeet } from '../model/grid';
import { chainPartOf, partId } from './chain';
import { pageDocuments } from './page-doc';
import type { EditionDocument, EditionPage, StoryChain } from './edition';
import { validateEdition } from './edition-file';
import { pageStatus } from './overview';
import { picturesFromPool, picturesToPool } from './pool-pictures';

export type PartMoved =
  | { ok: true; edition: EditionDocument; headline: string; /** 1-based */ part: number; from: number; to: number; /** the pages whose documents changed (`pagesChanged`) */ changed: ChangedPage[] }
  | { ok: false; zh: string; en: string };

type Refusal = { ok: false; zh: string; en: string };
const refuse = (zh: string, en: string): Refusal => ({ ok: false, zh, en });

const pageIndexOf = (edition: EditionDocument, block: string): number => edition.pages.findIndex((p) => p.blocks.some((b) => b.id === block));

/** The block of a chain's part on page `block`'s page moved to page number `to` (see above). */
export function movePart(edition: EditionDocument, block: string, to: number): PartMoved {
  const found = chainPartOf(edition, block);
  if (!found) return refuse('只有转版稿件的一部分（首段或接续）可以移到另一版', 'Only a part of a story continued across pages (its first part or a continued one) can be moved to another page');
  const { chain, k } = found;
  const headline = edition.articles.find((a) => a.id === chain.article)?.headline || chain.article;
  const from = pageIndexOf(edition, block);
  const target = whereTo(edition, chain, k, from, to, headline);
  if (!target.ok) return target;
  const index = target.index;
  // the story's pictures go with it when no other part stays on the old page
  const staying = chain.parts.some((p, i) => i !== k && pageIndexOf(edition, p.block) === from);
  const part = edition.pages[from].blocks.find((b) => b.id === block)!;
  const pictures = staying ? [] : edition.pages[from].blocks.filter((b) => b.kind === 'image' && b.articleId === chain.article);
  const shift = freeShift(edition.pages[index], [part, ...pictures]);
  if (!shift) {
    const size = part.kind === 'rule' ? '' : `（${part.span}栏×${part.rows}行）`;
    return refuse(`第${to}版没有放得下这一块${size}而不压住其他块的地方：先在第${to}版腾出位置再移`, `Page ${to} has no place for this block${part.kind === 'rule' ? '' : ` (${part.span} columns × ${part.rows} lines)`} that covers no other block: make room on page ${to} first`);
  }
  const next = carryNotes(carry(edition, chain.article, part, from, index, shift, staying), partId(chain.article, k), from, index);
  // a signed page changes neither by the block nor by a jump line naming another page
  const changed = pagesChanged(edition, next);
  const signed = changed.map((c) => c.index).find((i) => pageStatus(edition.pages[i].proof) === '已签');
  if (signed !== undefined) {
    const n = edition.pages[signed].number;
    const how = signed === from || signed === index ? { zh: '', en: 'nothing moves on or off it' } : { zh: '（移动会改动其转版行）', en: 'the move would change its jump line' };
    return refuse(`第${n}版已签字付印${how.zh}，不能移动`, `Page ${n} is signed for print: ${how.en}`);
  }
  const issues = validateEdition(next, { duplicateNumbers: 'allow' });
  if (issues.length) return refuse(`不能移到第${to}版：${issues.slice(0, 3).map((i) => i.zh).join('；')}`, `Cannot move to page ${to}: ${issues.slice(0, 3).map((i) => i.en).join('; ')}`);
  return { ok: true, edition: next, headline, part: k + 1, from: edition.pages[from].number, to, changed };
}

/** A page (its place in the file) whose page document differs between two states of an edition, with both documents. */
export interface ChangedPage {
  index: number;
  before: BanmianDocument;
  after: BanmianDocument;
}

/**
 * The pages whose page documents differ between two states of an edition with the same pages
 * (`pageDocument`: blocks, articles, jump lines): after a move, the two pages and those whose jump
 * lines name them; in the file's order.
 */
export function pagesChanged(before: EditionDocument, after: EditionDocument): ChangedPage[] {
  const now = new Map(pageDocuments(after).map((d) => [d.index, d.document]));
  return pageDocuments(before)
    .sort((a, b) => a.index - b.index)
    .filter((d) => JSON.stringify(d.document) !== JSON.stringify(now.get(d.index)))
    .map((d) => ({ index: d.index, before: d.document, after: now.get(d.index)! }));
}

/** Page number `to` as the place for part `k`: its index, or why not. */
function whereTo(edition: EditionDocument, chain: StoryChain, k: number, from: number, to: number, headline: string): { ok: true; index: number } | Refusal {
  const pages = edition.pages.flatMap((p, i) => (p.number === to ? [i] : []));
  if (pages.length === 0) return refuse(`整期中没有第${to}版`, `The edition has no page ${to}`);
  if (pages.length > 1) return refuse(`有 ${pages.length} 个版面都是第${to}版：先改版次`, `${pages.length} pages are numbered ${to}: renumber them first`);
  const index = pages[0];
  if (index === from) return refuse(`《${headline}》的这一部分已在第${to}版`, `This part of “${headline}” is on page ${to} already`);
  const number = (part: number): number | undefined => (chain.parts[part] ? edition.pages[pageIndexOf(edition, chain.parts[part].block)].number : undefined);
  const before = number(k - 1);
  const after = number(k + 1);
  if (before !== undefined && to < before) {
    return refuse(`第${to}版在《${headline}》上一部分所在的第${before}版之前：转版只能往后转`, `Page ${to} comes before page ${before}, where the part of “${headline}” before it is: a story only continues onto later pages`);
  }
  if (after !== undefined && to > after) {
    return refuse(`第${to}版在《${headline}》下一部分所在的第${after}版之后：先移下一部分`, `Page ${to} comes after page ${after}, where the part of “${headline}” after it is: move that part first`);
  }
  return { ok: true, index };
}

/**
 * The shift by whole columns and lines that puts `group` (the part first) on `page` covering no block
 * of it: the part's own place first, then reading the grid from the top. Undefined: no such place.
 */
function freeShift(page: EditionPage, group: Block[]): { dc: number; dr: number } | undefined {
  const geo = gridGeometry(page.page);
  const rects = group.filter(onGrid);
  const there = page.blocks.filter(onGrid);
  const left = Math.min(...rects.map((r) => r.col));
  const top = Math.min(...rects.map((r) => r.row));
  const width = Math.max(...rects.map((r) => r.col + r.span)) - left;
  const height = Math.max(...rects.map((r) => r.row + r.rows)) - top;
  const free = (col: number, row: number): boolean => rects.every((r) => !there.some((o) => rectsMeet({ ...r, col: r.col - left + col, row: r.row - top + row }, o)));
  const places = [{ col: left, row: top }];
  for (let row = 0; row + height <= geo.rows; row++) for (let col = 0; col + width <= geo.columns; col++) places.push({ col, row });
  const place = places.find((p) => p.col + width <= geo.columns && p.row + height <= geo.rows && free(p.col, p.row));
  return place && { dc: place.col - left, dr: place.row - top };
}

type Notes = { articles?: Record<string, unknown> } & Record<string, unknown>;

/**
 * The part's proofreading notes (its entry in its page's `proof`, by the part's id: suggestion meta,
 * threads, dismissed findings) taken with it from page `from` to page `to`, as its text keeps their marks.
 */
function carryNotes(edition: EditionDocument, id: string, from: number, to: number): EditionDocument {
  const was = edition.pages[from].proof as Notes | undefined;
  const notes = was?.articles?.[id];
  if (notes === undefined) return edition;
  const { [id]: _, ...rest } = was!.articles!;
  const there = (edition.pages[to].proof as Notes | undefined) ?? { rounds: [], signoff: { log: [] }, articles: {} };
  const proofOf = (i: number): unknown => (i === from ? { ...was, articles: rest } : i === to ? { ...there, articles: { ...there.articles, [id]: notes } } : edition.pages[i].proof);
  return { ...edition, pages: edition.pages.map((p, i) => (i === from || i === to ? { ...p, proof: proofOf(i) } : p)) };
}

/** The part's block (and the story's pictures, unless a part stays) taken from page `from` to page `to`, shifted. */
function carry(edition: EditionDocument, article: string, part: Block, from: number, to: number, shift: { dc: number; dr: number }, staying: boolean): EditionDocument {
  const shifted = (b: Block): Block => (onGrid(b) ? ({ ...b, col: b.col + shift.dc, row: b.row + shift.dr } as Block) : b);
  const off = (p: EditionPage): EditionPage => ({ ...p, blocks: p.blocks.filter((b) => b.id !== part.id), articles: staying ? p.articles : p.articles.filter((id) => id !== article) });
  const on = (p: EditionPage): EditionPage => ({ ...p, blocks: [...p.blocks, shifted(part)], articles: p.articles.includes(article) ? p.articles : [...p.articles, article] });
  let next: EditionDocument = { ...edition, pages: edition.pages.map((p, i) => (i === from ? off(p) : i === to ? on(p) : p)) };
  if (staying) return next;
  // its pictures through the pool's own steps (ids kept unique on the page, the pictures listed), then set beside it
  const taken = picturesToPool(next, from, article);
  if (!taken.blocks.length) return next;
  const brought = picturesFromPool(taken.edition, to, article);
  next = brought.edition;
  const placed = new Map(brought.blocks.map((b, i) => [b.id, shifted(taken.blocks[i])]));
  const page = next.pages[to];
  return { ...next, pages: next.pages.map((p, i) => (i === to ? { ...page, blocks: page.blocks.map((b) => (placed.has(b.id) ? { ...placed.get(b.id)!, id: b.id } : b)) } : p)) };
}
