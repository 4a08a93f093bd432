/**
 * Renumbering a page (改版次): the page takes its new number, and everything printed from the
 * number follows from it: the header's 版次 (its spelling kept, 03 → 04) and every jump line that
 * names the page, which the chains derive (page-doc.ts), so nothing else is rewritten.
 */
import type { EditionDocument } from './edition';
import { EDITION_LIMITS, validateEdition } from './edition-file';

export type Renumbered = { ok: true; edition: EditionDocument } | { ok: false; zh: string; en: string };

export function renumberPage(edition: EditionDocument, from: number, to: number): Renumbered {
  const index = edition.pages.findIndex((p) => p.number === from);
  if (index < 0) return { ok: false, zh: `整期中没有第${from}版`, en: `The edition has no page ${from}` };
  if (!Number.isInteger(to) || to < 1 || to > EDITION_LIMITS.pageNumber) return { ok: false, zh: `新版次 ${to} 应为 1–${EDITION_LIMITS.pageNumber} 的整数`, en: `The new page number ${to} must be a whole number from 1 to ${EDITION_LIMITS.pageNumber}` };
  if (to !== from && edition.pages.some((p) => p.number === to)) return { ok: false, zh: `第${to}版已经存在`, en: `Page ${to} exists already` };
  const page = edition.pages[index];
  const spelled = page.page.header.pageNumber;
  const pageNumber = /^\d+$/.test(spelled) ? String(to).padStart(spelled.length, '0') : spelled;
  const moved = { ...page, number: to, page: { ...page.page, header: { ...page.page.header, pageNumber } } };
  const next: EditionDocument = { ...edition, pages: edition.pages.map((p, i) => (i === index ? moved : p)) };
  const issues = validateEdition(next);
  if (issues.length) {
    return { ok: false, zh: `第${from}版不能改为第${to}版：${issues.slice(0, 3).map((i) => i.zh).join('；')}`, en: `Page ${from} cannot become page ${to}: ${issues.slice(0, 3).map((i) => i.en).join('; ')}` };
  }
  return { ok: true, edition: next };
}
