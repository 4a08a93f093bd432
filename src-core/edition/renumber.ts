/**
 * Renumbering a page (改版次): the page takes its new number, and everything printed from the
 * number follows from it: the header's 版次 (its spelling kept, 03 → 04) and every jump line that
 * names the page, which the chains derive (page-doc.ts), so nothing else is rewritten.
 *
 * The page is named by its index in the file, not by its number: two pages sharing a number (a hand
 * edit, two desks renumbering at once) can be told apart, and fixing one is how the overview clears
 * the flag. `renumberPage` names it by number, for an edition whose numbers are unique.
 */
import type { EditionDocument } from './edition';
import { EDITION_LIMITS, validateEdition, type EditionReadOptions } from './edition-file';

export type Renumbered = { ok: true; edition: EditionDocument } | { ok: false; zh: string; en: string };

export function renumberPage(edition: EditionDocument, from: number, to: number): Renumbered {
  const index = edition.pages.findIndex((p) => p.number === from);
  if (index < 0) return { ok: false, zh: `整期中没有第${from}版`, en: `The edition has no page ${from}` };
  return renumberPageAt(edition, index, to);
}

/**
 * Page `index` of the file becomes page `to`. A number another page has is refused; the rest of the
 * edition is checked as `options` read it (the app allows other pages still sharing a number).
 */
export function renumberPageAt(edition: EditionDocument, index: number, to: number, options: EditionReadOptions = {}): Renumbered {
  const page = edition.pages[index];
  if (!page) return { ok: false, zh: `整期中没有第 ${index + 1} 个版面`, en: `The edition has no page at position ${index + 1}` };
  const from = page.number;
  if (!Number.isInteger(to) || to < 1 || to > EDITION_LIMITS.pageNumber) return { ok: false, zh: `新版次 ${to} 应为 1–${EDITION_LIMITS.pageNumber} 的整数`, en: `The new page number ${to} must be a whole number from 1 to ${EDITION_LIMITS.pageNumber}` };
  if (edition.pages.some((p, i) => i !== index && p.number === to)) return { ok: false, zh: `第${to}版已经存在`, en: `Page ${to} exists already` };
  const spelled = page.page.header.pageNumber;
  const pageNumber = /^\d+$/.test(spelled) ? String(to).padStart(spelled.length, '0') : spelled;
  const moved = { ...page, number: to, page: { ...page.page, header: { ...page.page.header, pageNumber } } };
  const next: EditionDocument = { ...edition, pages: edition.pages.map((p, i) => (i === index ? moved : p)) };
  const issues = validateEdition(next, options);
  if (issues.length) {
    return { ok: false, zh: `第${from}版不能改为第${to}版：${issues.slice(0, 3).map((i) => i.zh).join('；')}`, en: `Page ${from} cannot become page ${to}: ${issues.slice(0, 3).map((i) => i.en).join('; ')}` };
  }
  return { ok: true, edition: next };
}
