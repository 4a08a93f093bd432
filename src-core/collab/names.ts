/**
 * Names of the shared documents of a page, as the collaboration server knows them:
 * `banmian/<pageId>/layout` and `banmian/<pageId>/article/<articleId>`. Anything else is refused, so
 * a client cannot reach storage or another page through a crafted name.
 */

/** Ids are what the model generates (letters, digits, `-`, `_`), at most 64 characters. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export type DocAddress = { pageId: string; kind: 'layout' } | { pageId: string; kind: 'article'; articleId: string };

export function isValidId(id: string): boolean {
  return ID.test(id);
}

export function layoutDocName(pageId: string): string {
  if (!isValidId(pageId)) throw new Error(`invalid page id: ${JSON.stringify(pageId)}`);
  return `banmian/${pageId}/layout`;
}

export function articleDocName(pageId: string, articleId: string): string {
  if (!isValidId(pageId)) throw new Error(`invalid page id: ${JSON.stringify(pageId)}`);
  if (!isValidId(articleId)) throw new Error(`invalid article id: ${JSON.stringify(articleId)}`);
  return `banmian/${pageId}/article/${articleId}`;
}

/** The address a document name stands for, or undefined when the name is not one of ours. */
export function parseDocName(name: string): DocAddress | undefined {
  if (typeof name !== 'string' || name.length > 200) return undefined;
  const parts = name.split('/');
  if (parts[0] !== 'banmian' || !isValidId(parts[1] ?? '')) return undefined;
  if (parts.length === 3 && parts[2] === 'layout') return { pageId: parts[1], kind: 'layout' };
  if (parts.length === 4 && parts[2] === 'article' && isValidId(parts[3])) return { pageId: parts[1], kind: 'article', articleId: parts[3] };
  return undefined;
}
