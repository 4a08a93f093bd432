/**
 * An edition's pages on a collaboration server. Each page is its own set of server documents, under
 * the id 发布到服务器 gives a page (`derivePageId`: the paper, the day and the 版次 the page prints),
 * so desks on different pages of one edition never touch each other's documents, and the server's
 * per-page rules (roles, grants, 签字付印) hold page by page. The overview matches the server's
 * directory to its pages by these ids to show who is on each.
 */
import { derivePageId, type PageEntry, type PagePerson } from '../collab/directory';
import type { EditionDocument } from './edition';
import { editionPageSettings } from './page-doc';

/**
 * The server id of page `index` of the edition; undefined when the edition has no paper name or
 * date (such a page would get a fresh id on every publish, so nothing could find it again).
 */
export function editionPageId(edition: EditionDocument, index: number): string | undefined {
  const p = edition.pages[index];
  const header = editionPageSettings(p.page, edition.edition, p).header;
  return derivePageId(header, () => '') || undefined;
}

/** Who is on each page of the edition (by index in the file), from a server's directory; [] for a page the server does not have. */
export function peopleByPage(edition: EditionDocument, entries: readonly PageEntry[]): PagePerson[][] {
  const byId = new Map(entries.map((e) => [e.id, e.people ?? []]));
  return edition.pages.map((_, i) => {
    const id = editionPageId(edition, i);
    return (id && byId.get(id)) || [];
  });
}
