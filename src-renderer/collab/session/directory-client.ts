import { checkServerAddress } from '../../../src-core/collab/invitation';
import { DENIAL, describeDenial } from '../../../src-core/collab/protocol';
import type { Localized } from '../../../src-core/collab/protocol';
import { DIRECTORY_ERRORS, directoryUrl, parsePageList, type DirectoryResult, type PageEntry, type PageList } from '../../../src-core/collab/directory';

/**
 * A desk asking a server's page directory (`GET /pages`, src-core/collab/directory.ts) what its
 * token may open. `fetch` is injected, so the Node tests run it too.
 */

/** How long a desk waits for the directory before it calls the server unreachable. */
export const DIRECTORY_TIMEOUT_MS = 10_000;

/** The part of `fetch` the directory uses (the browser's, Electron's or Node's). */
export type Fetch = (url: string, init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<{ status: number; json(): Promise<unknown> }>;

const fail = (reason: Exclude<DirectoryResult<never>, { ok: true }>['reason'], text: Localized): DirectoryResult<never> => ({ ok: false, reason, zh: text.zh, en: text.en });

/** Lists the pages `token` may open on `server` (a ws:// or wss:// address). */
export async function listPages(server: string, token: string, fetchImpl: Fetch): Promise<DirectoryResult<PageList>> {
  const address = checkServerAddress(server);
  if (!address.ok) return fail('address', address);
  let status: number;
  let body: unknown;
  try {
    const res = await fetchImpl(directoryUrl(address.url), { headers: { authorization: `Bearer ${token.trim()}` }, signal: AbortSignal.timeout(DIRECTORY_TIMEOUT_MS) });
    status = res.status;
    body = await res.json().catch(() => undefined);
  } catch {
    return fail('unreachable', DIRECTORY_ERRORS.unreachable);
  }
  const reason = (body as { reason?: unknown } | undefined)?.reason;
  if (status === 401) return fail('tokenRefused', DIRECTORY_ERRORS.tokenRefused);
  if (status === 429 && reason === DENIAL.tooManyAttempts) return fail('throttled', describeDenial(DENIAL.tooManyAttempts));
  const list = status === 200 ? parsePageList(body) : undefined;
  return list ? { ok: true, value: list } : fail('notADirectory', DIRECTORY_ERRORS.notADirectory);
}

/** The entry of one page, if `token` may open it there: the check before joining a page by its id. */
export async function findPage(server: string, token: string, pageId: string, fetchImpl: Fetch): Promise<DirectoryResult<PageEntry>> {
  const listed = await listPages(server, token, fetchImpl);
  if (!listed.ok) return listed;
  const entry = listed.value.pages.find((p) => p.id === pageId);
  return entry ? { ok: true, value: entry } : fail('noSuchPage', DIRECTORY_ERRORS.noSuchPage);
}
