/**
 * The ids a page and an edition get on a collaboration server, derived from what they print (报名,
 * 日期, 版次), so the same page of the same paper and day always lands on the same id. Here in the
 * model because the page directory (collab), the edition's pool (edition) and the server all name
 * pages by them.
 */
import type { PageHeader } from './document';

/** FNV-1a, 32 bits: a short stable tag for a paper name (ids carry only ASCII). */
function tag(text: string): string {
  let h = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(text)) h = Math.imul(h ^ unit, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * The id a page gets on a server: `p<yyyymmdd>-<版次>-<paper tag>`, so the same page of the same
 * paper and day always lands on the same id (a second publish finds it instead of making a twin).
 * A page without paper name or date gets a fresh id from `fresh` (its name would say nothing).
 */
export function derivePageId(header: Pick<PageHeader, 'paperName' | 'date' | 'pageNumber'>, fresh: () => string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(header.date.trim());
  const paper = header.paperName.trim();
  if (!day || !paper) return fresh();
  const number = header.pageNumber.trim().replace(/[^A-Za-z0-9]/g, '').slice(0, 8) || '0';
  // valid by construction: 8 digits, at most 8 letters or digits, 8 hex digits
  return `p${day[1]}${day[2]}${day[3]}-${number}-${tag(paper)}`;
}

/**
 * The id an edition gets on a server: `e<yyyymmdd>-<paper tag>`, its pages' ids without the 版次
 * (`derivePageId`); undefined without paper name or date (nothing could find it again).
 */
export function deriveEditionId(paper: string, date: string): string | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!day || !paper.trim()) return undefined;
  return `e${day[1]}${day[2]}${day[3]}-${tag(paper.trim())}`;
}

/** The edition a derived page id belongs to (`p<day>-<版次>-<tag>` → `e<day>-<tag>`), else undefined. */
export function editionOfPageId(pageId: string): string | undefined {
  const m = /^p(\d{8})-[A-Za-z0-9]{1,8}-([0-9a-f]{8})$/.exec(pageId);
  return m ? `e${m[1]}-${m[2]}` : undefined;
}

