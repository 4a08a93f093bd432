/**
 * Names of the shared documents of a page, as the collaboration server knows them:
 * `banmian/<pageId>/layout` and `banmian/<pageId>/article/<article key>`, and of an edition (整期:
 * its plan, article pool and story chains, written by the server only) `banmian/<editionId>/edition`.
 * Anything else is refused, so a client cannot reach storage or another page through a crafted name.
 */

/** Ids are what the model generates (letters, digits, `-`, `_`), at most 64 characters. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * An article id may also hold letters and digits of any script: an edition's continued part is the
 * article's id with `-续` after it (src-core/edition/chain.ts), and a file may name its stories in
 * Chinese. ASCII punctuation (`.`, `/`, spaces) stays out, so no id reads as a path.
 */
const ARTICLE_ID = /^[\p{L}\p{N}_-]{1,64}$/u;

/** Marks an article key that is the id's UTF-8 in base64url (an id of the ASCII kind is its own key; `~` starts none). */
const ENCODED = '~';

/** The longest document name read: the page id, and an article key of 64 four-byte characters in base64url. */
const NAME_CHARS = 512;

/** `pageId` is the edition's id for an edition document: grants, locks and presence are keyed on it alike. */
export type DocAddress = { pageId: string; kind: 'layout' } | { pageId: string; kind: 'edition' } | { pageId: string; kind: 'article'; articleId: string };

export function isValidId(id: string): boolean {
  return ID.test(id);
}

export function isValidArticleId(id: string): boolean {
  return ARTICLE_ID.test(id);
}

/** Why a page holding article `id` cannot be shared (its id names no document), zh + en. */
export function unshareableArticle(id: string): { zh: string; en: string } {
  const shown = JSON.stringify(id.slice(0, 80));
  return {
    zh: `稿件编号 ${shown} 不能作为共享文档的名称（只能由各种文字的字母、数字、- 和 _ 组成，至多 64 个字符），此版面不能共享`,
    en: `Article id ${shown} cannot be the name of a shared page part (letters and digits of any script, - and _ only, at most 64 characters): this page cannot be shared`,
  };
}

export function layoutDocName(pageId: string): string {
  if (!isValidId(pageId)) throw new Error(`invalid page id: ${JSON.stringify(pageId)}`);
  return `banmian/${pageId}/layout`;
}

export function editionDocName(editionId: string): string {
  if (!isValidId(editionId)) throw new Error(`invalid edition id: ${JSON.stringify(editionId)}`);
  return `banmian/${editionId}/edition`;
}

export function articleDocName(pageId: string, articleId: string): string {
  if (!isValidId(pageId)) throw new Error(`invalid page id: ${JSON.stringify(pageId)}`);
  if (!isValidArticleId(articleId)) throw new Error(`invalid article id: ${JSON.stringify(articleId)}`);
  return `banmian/${pageId}/article/${articleKey(articleId)}`;
}

/** The article's part of a document name: its id when that is ASCII, else `~` and its UTF-8 in base64url (one key per id). */
function articleKey(id: string): string {
  if (isValidId(id)) return id;
  const binary = Array.from(new TextEncoder().encode(id), (b) => String.fromCharCode(b)).join('');
  return ENCODED + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The article id a key stands for, or undefined when the key is not one `articleKey` makes. */
function articleIdOf(key: string): string | undefined {
  if (isValidId(key)) return key;
  if (!key.startsWith(ENCODED) || !/^[A-Za-z0-9_-]+$/.test(key.slice(1))) return undefined;
  try {
    const binary = atob(key.slice(1).replace(/-/g, '+').replace(/_/g, '/'));
    const id = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    return isValidArticleId(id) && articleKey(id) === key ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The address a document name stands for, or undefined when the name is not one of ours. */
export function parseDocName(name: string): DocAddress | undefined {
  if (typeof name !== 'string' || name.length > NAME_CHARS) return undefined;
  const parts = name.split('/');
  if (parts[0] !== 'banmian' || !isValidId(parts[1] ?? '')) return undefined;
  if (parts.length === 3 && parts[2] === 'layout') return { pageId: parts[1], kind: 'layout' };
  if (parts.length === 3 && parts[2] === 'edition') return { pageId: parts[1], kind: 'edition' };
  const articleId = parts.length === 4 && parts[2] === 'article' ? articleIdOf(parts[3]) : undefined;
  return articleId === undefined ? undefined : { pageId: parts[1], kind: 'article', articleId };
}
