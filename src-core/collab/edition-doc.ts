/**
 * The edition document on the collaboration server (`banmian/<editionId>/edition`): the edition
 * file's plan, article pool, pictures and story chains, so that every desk of the edition sees the
 * same pool, which articles are placed where and where each continued story is cut. Only the
 * server writes it (every desk's connection to it is read-only): placing, taking back and moving
 * articles, moving a cut and folding the pages' own documents into it are requests the server runs
 * (src-main/server/edition-requests.ts).
 *
 * Each entry is kept as its JSON text in a map (pages by their place in the file, articles and
 * pictures by id, chains by article), and a write sets only the entries whose text changed, so a
 * placement sends a few entries, not the edition's pictures again.
 */
import * as Y from 'yjs';
import type { EditionDocument } from '../edition/edition';
import { validateEdition } from '../edition/edition-file';
import { editionPageSettings } from '../edition/page-doc';
import { EDITION_FORMAT_VERSION } from '../model/document';
import { deriveEditionId, derivePageId } from './directory';

const ROOTS = ['info', 'pages', 'articles', 'images', 'chains'] as const;
type Root = (typeof ROOTS)[number];

function roots(doc: Y.Doc): Record<Root, Y.Map<string>> {
  return Object.fromEntries(ROOTS.map((r) => [r, doc.getMap<string>(r)])) as Record<Root, Y.Map<string>>;
}

/** Each root's entries as JSON text, keyed as the document keeps them. */
function entriesOf(edition: EditionDocument): Record<Root, Map<string, string>> {
  return {
    info: new Map([
      ['edition', JSON.stringify(edition.edition)],
      ['pageCount', String(edition.pages.length)],
      // a map's keys come in no set order on another desk: the pool's order is kept here
      ['order', JSON.stringify({ articles: edition.articles.map((a) => a.id), images: edition.images.map((i) => i.id), chains: edition.chains.map((c) => c.article) })],
    ]),
    pages: new Map(edition.pages.map((p, i) => [String(i), JSON.stringify(p)])),
    articles: new Map(edition.articles.map((a) => [a.id, JSON.stringify(a)])),
    images: new Map(edition.images.map((img) => [img.id, JSON.stringify(img)])),
    chains: new Map(edition.chains.map((c) => [c.article, JSON.stringify(c)])),
  };
}

/** Writes `edition` into the document, setting only what changed and deleting what it no longer has. */
export function writeEditionDoc(doc: Y.Doc, edition: EditionDocument, origin?: unknown): void {
  const maps = roots(doc);
  const wanted = entriesOf(edition);
  doc.transact(() => {
    for (const r of ROOTS) {
      for (const key of [...maps[r].keys()]) if (!wanted[r].has(key)) maps[r].delete(key);
      for (const [key, text] of wanted[r]) if (maps[r].get(key) !== text) maps[r].set(key, text);
    }
  }, origin);
}

/** Whether the server has the edition yet (nobody has seeded it: no entries). */
export function hasEdition(doc: Y.Doc): boolean {
  return roots(doc).info.has('edition');
}

/**
 * The edition the document holds, in the file's order; undefined before it is seeded or when what it
 * holds is not a valid edition (the server writes only valid ones; a desk checks anyway).
 */
export function readEditionDoc(doc: Y.Doc): EditionDocument | undefined {
  const maps = roots(doc);
  if (!hasEdition(doc)) return undefined;
  try {
    const count = Number(maps.info.get('pageCount'));
    const pages = Array.from({ length: count }, (_, i) => JSON.parse(maps.pages.get(String(i)) ?? 'null'));
    const order = JSON.parse(maps.info.get('order') ?? '{}') as Partial<Record<Root, string[]>>;
    const list = (r: Root): unknown[] => (order[r] ?? []).map((key) => JSON.parse(maps[r].get(key) ?? 'null'));
    const edition = {
      formatVersion: EDITION_FORMAT_VERSION,
      edition: JSON.parse(maps.info.get('edition')!),
      articles: list('articles'),
      images: list('images'),
      pages,
      chains: list('chains'),
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
