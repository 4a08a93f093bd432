export { deriveEditionId, derivePageId, editionOfPageId } from '../model/server-ids';
import { isValidId } from './names';
import { DENIAL, describeDenial, type Localized } from './protocol';
import { isRole, type Role } from './roles';

/**
 * The page directory of a collaboration server (a newsroom server, or the app's own share): the pages
 * a token may open, each by its name (报名/日期/版次), at `GET /pages` with `Authorization: Bearer
 * <token>`. The server names a page from its layout document's header, so the name is always the
 * page's own. A desk lists before it publishes (is the page there already? may this token publish?)
 * and before it joins (pick a page by name; no raw page ids).
 * Here: the names, ids and the answer's shape, read by the server and the desks alike; the desks' HTTP
 * client is src-renderer/collab/session/directory-client.ts (no network code in the pure engine).
 */

/** The path of the directory on the server (HTTP on the server's own port). */
export const DIRECTORY_PATH = '/pages';

export interface PageName {
  paper: string;
  date: string;
  pageNumber: string;
}

/** A person on a page now: connected to one of its documents (the server names them from their token). */
export interface PagePerson {
  name: string;
  role: Role;
}

export interface PageEntry extends PageName {
  id: string;
  /**
   * Who is on the page now, on the instance that answered (each person once, by name); absent from
   * a server older than this field. The overview of an edition shows it per page.
   */
  people?: PagePerson[];
}

/** What the server answers a listing with: the pages, and whom the token names. */
export interface PageList {
  person: { name: string; role: Role };
  pages: PageEntry[];
}

/** The three failures a desk tells apart, and the rest (bad address, a server that answers nonsense). */
export const DIRECTORY_ERRORS = {
  noSuchPage: { zh: '此服务器上没有这个版面（或您的令牌无权打开它）', en: 'This server has no such page (or your token may not open it)' },
  tokenRefused: describeDenial(DENIAL.badToken),
  unreachable: { zh: '连接不上服务器：请检查地址、网络，以及服务器是否在运行', en: 'Cannot reach the server: check the address, the network and that the server is running' },
  notADirectory: { zh: '该地址的服务器不是版面协作服务器', en: 'The server at that address is not a Banmian collaboration server' },
} as const satisfies Record<string, Localized>;

export type DirectoryResult<T> = ({ ok: true } & { value: T }) | ({ ok: false; reason: keyof typeof DIRECTORY_ERRORS | 'throttled' | 'address' } & Localized);

/** 人民日报 2024-01-16 第03版 */
export function pageLabel(name: PageName): string {
  const paper = name.paper.trim() || '（未命名报纸）';
  const number = name.pageNumber.trim();
  return [paper, name.date.trim(), number ? `第${number}版` : ''].filter(Boolean).join(' ');
}

/** A page id nobody has used: `p<yyyymmdd>-<8 random hex>` (as the app's own share makes them). */
export function freshPageId(now = new Date()): string {
  const bytes = new Uint8Array(4);
  globalThis.crypto.getRandomValues(bytes);
  return `p${now.toISOString().slice(0, 10).replace(/-/g, '')}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** http(s):// of the directory for a ws(s):// server address. */
export function directoryUrl(server: string): string {
  return server.replace(/^ws/, 'http') + DIRECTORY_PATH;
}

function personOf(v: unknown): PagePerson | undefined {
  const p = v as Record<string, unknown> | null;
  return p && typeof p === 'object' && typeof p.name === 'string' && isRole(p.role) ? { name: p.name, role: p.role } : undefined;
}

function entryOf(v: unknown): PageEntry | undefined {
  const e = v as Record<string, unknown> | null;
  if (!e || typeof e !== 'object') return undefined;
  const { id, paper, date, pageNumber, people } = e;
  if (typeof id !== 'string' || !isValidId(id) || typeof paper !== 'string' || typeof date !== 'string' || typeof pageNumber !== 'string') return undefined;
  if (people === undefined) return { id, paper, date, pageNumber };
  const present = Array.isArray(people) ? people.map(personOf) : [undefined];
  return present.every((p) => p) ? { id, paper, date, pageNumber, people: present as PagePerson[] } : undefined;
}

/** The server's answer as a list, or undefined when it is not one of ours. */
export function parsePageList(v: unknown): PageList | undefined {
  const r = v as Record<string, unknown> | null;
  const person = r?.person as Record<string, unknown> | undefined;
  if (!r || !Array.isArray(r.pages) || !person || typeof person.name !== 'string' || !isRole(person.role)) return undefined;
  const pages = r.pages.map(entryOf);
  if (pages.some((p) => !p)) return undefined;
  return { person: { name: person.name, role: person.role }, pages: pages as PageEntry[] };
}
