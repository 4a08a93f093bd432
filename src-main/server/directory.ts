import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Extension, afterLoadDocumentPayload } from '@hocuspocus/server';
import type * as Y from 'yjs';
import type { PageEntry, PageList, PageName } from '../../src-core/collab/directory';
import { parseDocName } from '../../src-core/collab/names';
import { DENIAL } from '../../src-core/collab/protocol';
import { storedHeader } from '../../src-core/store/readers';
import type { Guard } from './guard';
import type { SqliteStore } from './sqlite-store';
import { mayOpen } from './users';

/**
 * The page directory (`GET /pages`, see src-core/collab/directory.ts): every page is named from its
 * layout document's header (报名/日期/版次) when the document is loaded and whenever the header
 * changes, inside the update event, so a page is listed by the time its publisher's first state is
 * acknowledged. The listing answers only a valid token, and only with the pages its grants allow; a
 * wrong token counts against the address like a wrong token on a socket. Each entry says who is on
 * the page now (`Guard.peopleOn`): an edition's overview shows it per page.
 */

function nameOf(doc: Y.Doc): PageName | undefined {
  const header = storedHeader(doc);
  // An empty layout document is no page yet (a desk that joined a page that is not there).
  if (!header) return undefined;
  const text = (key: 'paperName' | 'date' | 'pageNumber'): string => {
    const v = header[key];
    return typeof v === 'string' ? v : '';
  };
  return { paper: text('paperName'), date: text('date'), pageNumber: text('pageNumber') };
}

/** Keeps the `pages` table in step with the layout documents' headers. */
export function directoryExtension(store: SqliteStore): Extension {
  return {
    extensionName: 'banmian-directory',
    async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload) {
      const address = parseDocName(documentName);
      if (address?.kind !== 'layout') return;
      let last = '';
      const record = (): void => {
        const name = nameOf(document);
        const key = JSON.stringify(name ?? null);
        if (!name || key === last || !store.db.isOpen) return;
        last = key;
        store.namePage({ id: address.pageId, ...name });
      };
      document.on('update', record);
      record();
    },
  };
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...CORS });
  res.end(JSON.stringify(body));
}

/**
 * Any origin may ask: the answer depends on the bearer token alone (no cookies), and the app's
 * window (file://, the web host's port) is another origin than the server's.
 */
const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization', 'access-control-allow-methods': 'GET' };

/** Whether `req` is for the directory; if so it is answered. `from` is the desk's address (the throttle's key). */
export function serveDirectory(req: IncomingMessage, res: ServerResponse, guard: Guard, store: SqliteStore, from: string): boolean {
  const path = (req.url ?? '').split('?')[0];
  if (path !== '/pages') return false;
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS);
    res.end();
    return true;
  }
  if (req.method !== 'GET') {
    answer(res, 405, { reason: 'method' });
    return true;
  }
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  const person = guard.personFor(token, from);
  if (person === DENIAL.tooManyAttempts) answer(res, 429, { reason: person });
  else if (typeof person === 'string') answer(res, 401, { reason: person });
  else {
    const pages: PageEntry[] = store.pageEntries().flatMap((p) => (mayOpen(person, p.id) ? [{ ...p, people: guard.peopleOn(p.id) }] : []));
    answer(res, 200, { person: { name: person.name, role: person.role }, pages } satisfies PageList);
  }
  return true;
}
