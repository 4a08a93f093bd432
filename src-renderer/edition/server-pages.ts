/**
 * An edition's pages on a collaboration server. Each page is its own set of server documents, under
 * the id 发布到服务器 gives a page (`derivePageId`: the paper, the day and the 版次 the page prints),
 * so desks on different pages of one edition never touch each other's documents, and the server's
 * per-page rules (roles, grants, 签字付印) hold page by page. The overview matches the server's
 * directory to its pages by these ids to show who is on each.
 */
import type { PageEntry, PagePerson } from '../../src-core/collab/directory';
import { editionPageId } from '../../src-core/edition/shared-edition';
import type { EditionDocument } from '../../src-core/edition/edition';

export { editionPageId };

/** A page of the edition as a server has it: its id there and who is on it now. */
export interface ServerPage {
  id: string;
  people: PagePerson[];
}

/** Each page of the edition (by index in the file) on the server whose directory is `entries`: null for a page it does not have. */
export function serverPagesOf(edition: EditionDocument, entries: readonly PageEntry[]): (ServerPage | null)[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return edition.pages.map((_, i) => {
    const entry = byId.get(editionPageId(edition, i) ?? '');
    return entry ? { id: entry.id, people: entry.people ?? [] } : null;
  });
}
