import type { ServerResponse } from 'node:http';
import { webcrypto } from 'node:crypto';
import { isValidFaceId } from '../../src-core/host-args';
import type { FontProvider } from '../../src-core/fonts/provider';

/**
 * The fonts over HTTP, cached by their content. HostApi.fontBytes stays the one way the window asks
 * for a face: the web host answers its POST with a 303 to GET /fonts/<id>.<hash>, an address whose
 * bytes never change, so the browser keeps them for a year and a later launch takes the ~110 MB of
 * bundled faces from its HTTP cache instead of the host (a POST answer is never cached).
 */

/** What lives at a content address never changes (a changed file is a new address): kept for a year. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** /fonts/<face id>.<16 hex digits of the SHA-256 of its bytes>. */
const FONT_PATH = /^\/fonts\/([a-z0-9-]{1,64})\.([0-9a-f]{16})$/;

const keys = new WeakMap<Uint8Array, Promise<string>>();

/**
 * The first 64 bits of the SHA-256 of a face's bytes, worked out once per process for each face
 * (the provider hands out the same bytes every time). WebCrypto digests on libuv's thread pool, so
 * the ~200 ms for all bundled faces does not hold up the host's other answers.
 */
export function contentKey(bytes: Uint8Array): Promise<string> {
  let key = keys.get(bytes);
  if (!key) {
    key = webcrypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>).then((d) => Buffer.from(d).toString('hex').slice(0, 16));
    keys.set(bytes, key);
  }
  return key;
}

/** The content address of a face, absolute from the host's root (the dev server forwards /fonts to it). */
export async function fontPath(id: string, bytes: Uint8Array): Promise<string> {
  return `/fonts/${id}.${await contentKey(bytes)}`;
}

/** Answers fontBytes' POST: see other (303), so the browser fetches the content address with GET. */
export async function redirectToFont(res: ServerResponse, id: string, bytes: Uint8Array): Promise<void> {
  res.writeHead(303, { Location: await fontPath(id, bytes), 'Content-Length': 0 });
  res.end();
}

export type FontRouteAnswer = { status: 200; bytes: Uint8Array } | { status: 404; zh: string; en: string };

/**
 * What GET <pathname> answers, or undefined when the path is not a font's address. An address whose
 * hash is not the face's current one (the font changed since the window listed it) is not found.
 */
export async function fontAt(pathname: string, fonts: FontProvider): Promise<FontRouteAnswer | undefined> {
  const m = FONT_PATH.exec(pathname);
  if (!m) return undefined;
  const [, id, hash] = m;
  const bytes = isValidFaceId(id) ? fonts.bytes(id) : undefined;
  if (!bytes) return { status: 404, zh: `没有编号为 ${id} 的字体`, en: `No font face with id ${id}` };
  if ((await contentKey(bytes)) !== hash) return { status: 404, zh: `字体 ${id} 已更改，请重新载入窗口`, en: `Font ${id} has changed: reload the window` };
  return { status: 200, bytes };
}
