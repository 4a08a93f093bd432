/**
 * An edition as the collaboration server keeps it (the edition document, src-core/store/edition-doc.ts):
 * its entries (the edition's header, each page by its place in the file, each pool article and
 * picture by id, each chain by article, the pool's order, which a map's keys do not keep on another
 * desk, and the pictures of articles on no page, `poolPictures`), read back only when they make a
 * valid edition; which articles are unplaced (稿库 · 待用); and the ids of the edition and its pages
 * on the server.
 */
import { EDITION_FORMAT_VERSION } from '../model/document';
import { deriveEditionId, derivePageId } from '../model/server-ids';
import type { EditionDocument } from './edition';
import { validateEdition } from './edition-file';
import { editionPageSettings } from './page-doc';

type Root = 'info' | 'pages' | 'articles' | 'images' | 'chains';
type Entries = Record<Root, Map<string, string>>;

/** The edition as entries of JSON text (see edition-doc.ts). */
export function editionEntries(edition: EditionDocument): Entries {
  const order = { articles: edition.articles.map((a) => a.id), images: edition.images.map((i) => i.id), chains: edition.chains.map((c) => c.article) };
  return {
    info: new Map([
      ['edition', JSON.stringify(edition.edition)],
      ['pageCount', String(edition.pages.length)],
      ['order', JSON.stringify(order)],
      ...(edition.poolPictures ? [['poolPictures', JSON.stringify(edition.poolPictures)] as [string, string]] : []),
    ]),
    pages: new Map(edition.pages.map((p, i) => [String(i), JSON.stringify(p)])),
    articles: new Map(edition.articles.map((a) => [a.id, JSON.stringify(a)])),
    images: new Map(edition.images.map((img) => [img.id, JSON.stringify(img)])),
    chains: new Map(edition.chains.map((c) => [c.article, JSON.stringify(c)])),
  };
}

/** Whether the entries hold an edition at all (somebody seeded it). */
export function hasEdition(entries: Entries): boolean {
  return entries.info.has('edition');
}

/**
 * The edition the entries hold, in the file's order; undefined before it is seeded or when they do
 * not make a valid edition (the server writes only valid ones; a desk checks anyway).
 */
export function editionFromEntries(entries: Entries): EditionDocument | undefined {
  if (!hasEdition(entries)) return undefined;
  try {
    const order = JSON.parse(entries.info.get('order') ?? '{}') as Partial<Record<Root, string[]>>;
    const list = (r: Root): unknown[] => (order[r] ?? []).map((key) => JSON.parse(entries[r].get(key) ?? 'null'));
    const count = Number(entries.info.get('pageCount'));
    const edition = {
      formatVersion: EDITION_FORMAT_VERSION,
      edition: JSON.parse(entries.info.get('edition')!),
      articles: list('articles'),
      images: list('images'),
      pages: Array.from({ length: count }, (_, i) => JSON.parse(entries.pages.get(String(i)) ?? 'null')),
      chains: list('chains'),
      ...(entries.info.has('poolPictures') ? { poolPictures: JSON.parse(entries.info.get('poolPictures')!) } : {}),
    };
    return validateEdition(edition, { duplicateNumbers: 'allow' }).length ? undefined : (edition as EditionDocument);
  } catch {
    return undefined;
  }
}

/** The pool's articles no page holds (稿库 · 待用), in pool order. */
export function unplacedArticles(edition: EditionDocument): string[] {
  const placed = new Set(edition.pages.flatMap((p) => p.articles));
  return edition.articles.map((a) => a.id).filter((id) => !placed.has(id));
}

/** The number of the page holding article `id`, or undefined when it is in the pool unplaced. */
export function pageHolding(edition: EditionDocument, id: string): number | undefined {
  return edition.pages.find((p) => p.articles.includes(id))?.number;
}

/** The server id of the edition: from its paper and day (`deriveEditionId`); undefined without them. */
export function editionIdOf(edition: EditionDocument): string | undefined {
  return deriveEditionId(edition.edition.paper, edition.edition.date);
}

/**
 * The server id of page `index` of the edition, the one 发布到服务器 gives the page (`derivePageId`
 * of its header: paper, day, 版次); undefined when the edition has no paper name or date (such a
 * page would get a fresh id on every publish, so nothing could find it again).
 */
export function editionPageId(edition: EditionDocument, index: number): string | undefined {
  const p = edition.pages[index];
  const header = editionPageSettings(p.page, edition.edition, p).header;
  return derivePageId(header, () => '') || undefined;
}

/** An edition read from entries, with the entries it was read from. */
export interface ReadEdition {
  edition: EditionDocument;
  entries: Entries;
}

/**
 * `next` (read from `entries`) with every part whose entry text is the same as when `previous` was
 * read (the header, a page by its place, a pool article, picture or chain by its key) replaced by
 * `previous`'s object: an edition read again from the server's entries keeps the objects of what did
 * not change, so `editionOverview` keeps those pages' rows (it knows a row's sources by identity) and
 * lays out only the pages that changed. Entry texts are compared, nothing is serialized again.
 */
export function keepUnchanged(next: EditionDocument, entries: Entries, previous: ReadEdition | undefined): EditionDocument {
  if (!previous) return next;
  const was = previous.entries;
  const same = <T>(root: Root, key: string, fresh: T, old: T | undefined): T => (old !== undefined && entries[root].get(key) === was[root].get(key) ? old : fresh);
  const byKey = <T>(root: Root, list: readonly T[], old: readonly T[], key: (x: T) => string): T[] => {
    const before = new Map(old.map((x) => [key(x), x]));
    return list.map((x) => same(root, key(x), x, before.get(key(x))));
  };
  const old = previous.edition;
  return {
    ...next,
    edition: same('info', 'edition', next.edition, old.edition),
    pages: next.pages.map((p, i) => same('pages', String(i), p, old.pages[i])),
    articles: byKey('articles', next.articles, old.articles, (a) => a.id),
    images: byKey('images', next.images, old.images, (img) => img.id),
    chains: byKey('chains', next.chains, old.chains, (c) => c.article),
  };
}
