import * as Y from 'yjs';
import { ARTICLE_META_KEYS, articleParts, type ArticleMeta } from './ydocs';

/**
 * 查找/替换 across the page, on the articles' Yjs documents: every article's title fields and body.
 * Store-internal: the renderer finds with `PageStore.find` and replaces with the store's `replace`
 * operation, so the sign-off lock and the undo history are the store's.
 */

/** The text fields find searches, in the order matches are listed: the title fields, then the body. */
export const FIND_FIELDS = [...ARTICLE_META_KEYS.filter((k) => k !== 'bylinePosition'), 'body'] as const satisfies readonly (keyof ArticleMeta | 'body')[];
export type FindField = Exclude<(typeof ARTICLE_META_KEYS)[number], 'bylinePosition'> | 'body';

export interface FindOptions {
  /** Latin letters only; Chinese has no case. */
  matchCase: boolean;
}

export interface FindMatch {
  articleId: string;
  field: FindField;
  /** Body: the paragraph (block node) index; 0 for the title fields. */
  paragraph: number;
  /** UTF-16 offsets in the field's text, or in the paragraph's text (a hard break counts one). */
  start: number;
  end: number;
  /** A few characters either side, for the list. */
  before: string;
  text: string;
  after: string;
}

/** A paragraph's text as find sees it: its text pieces, with a hard break as one '\n'. */
interface Piece {
  text: Y.XmlText | null;
  from: number;
  value: string;
}

function paragraphPieces(el: Y.XmlElement): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) {
      const value = (child.toDelta() as { insert: unknown }[]).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');
      pieces.push({ text: child, from: at, value });
      at += value.length;
    } else {
      pieces.push({ text: null, from: at, value: '\n' });
      at += 1;
    }
  }
  return pieces;
}

function bodyParagraphs(doc: Y.Doc): Y.XmlElement[] {
  return articleParts(doc)
    .body.toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement);
}

function occurrences(text: string, query: string, opts: FindOptions): [number, number][] {
  if (!query) return [];
  const hay = opts.matchCase ? text : text.toLowerCase();
  const needle = opts.matchCase ? query : query.toLowerCase();
  const out: [number, number][] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) out.push([i, i + needle.length]);
  return out;
}

const CONTEXT = 8;

function match(articleId: string, field: FindField, paragraph: number, text: string, [start, end]: [number, number]): FindMatch {
  return { articleId, field, paragraph, start, end, before: text.slice(Math.max(0, start - CONTEXT), start), text: text.slice(start, end), after: text.slice(end, end + CONTEXT) };
}

/** Every occurrence on the page, article by article in the page's order, fields before the body. */
export function findOnPage(ids: readonly string[], docOf: (id: string) => Y.Doc | undefined, query: string, opts: FindOptions): FindMatch[] {
  const out: FindMatch[] = [];
  if (!query) return out;
  for (const id of ids) {
    const doc = docOf(id);
    if (!doc) continue;
    const { meta } = articleParts(doc);
    for (const field of FIND_FIELDS) {
      if (field === 'body') continue;
      const text = meta.get(field) ?? '';
      for (const o of occurrences(text, query, opts)) out.push(match(id, field, 0, text, o));
    }
    bodyParagraphs(doc).forEach((el, p) => {
      const pieces = paragraphPieces(el);
      const text = pieces.map((x) => x.value).join('');
      for (const o of occurrences(text, query, opts)) out.push(match(id, 'body', p, text, o));
    });
  }
  return out;
}

/** Replaces one body occurrence inside its text piece, keeping the formatting of its first character. */
function replaceInParagraph(el: Y.XmlElement, start: number, end: number, replacement: string): boolean {
  const piece = paragraphPieces(el).find((x) => x.text && start >= x.from && end <= x.from + x.value.length);
  if (!piece?.text) return false; // spans a hard break: left alone
  const at = start - piece.from;
  let attrs: Record<string, unknown> | undefined;
  let pos = 0;
  for (const d of piece.text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const len = typeof d.insert === 'string' ? d.insert.length : 1;
    if (at < pos + len) {
      attrs = d.attributes;
      break;
    }
    pos += len;
  }
  piece.text.delete(at, end - start);
  if (replacement) piece.text.insert(at, replacement, attrs ?? {});
  return true;
}

/**
 * Replaces the given occurrences (found by findOnPage and still current) with `replacement`, one
 * Yjs transaction per article with `origin`. Returns how many were replaced; an occurrence whose
 * text has changed meanwhile is left alone.
 */
export function replaceOnPage(docOf: (id: string) => Y.Doc | undefined, matches: readonly FindMatch[], replacement: string, origin: unknown): number {
  let done = 0;
  // Right to left within each text, so earlier offsets stay valid.
  const textKey = (m: FindMatch) => `${m.articleId}\u0000${m.field}\u0000${m.paragraph}`;
  const ordered = [...matches].sort((a, b) => (textKey(a) === textKey(b) ? b.start - a.start : textKey(a) < textKey(b) ? -1 : 1));
  const byArticle = new Map<string, FindMatch[]>();
  for (const m of ordered) byArticle.set(m.articleId, [...(byArticle.get(m.articleId) ?? []), m]);
  for (const [id, list] of byArticle) {
    const doc = docOf(id);
    if (doc) doc.transact(() => (done += replaceInArticle(doc, list, replacement)), origin);
  }
  return done;
}

function replaceInArticle(doc: Y.Doc, list: readonly FindMatch[], replacement: string): number {
  const { meta } = articleParts(doc);
  const paragraphs = bodyParagraphs(doc);
  const fields: Partial<Record<keyof ArticleMeta, string>> = {};
  let done = 0;
  for (const m of list) {
    if (m.field === 'body') {
      const el = paragraphs[m.paragraph];
      if (el && replaceInParagraph(el, m.start, m.end, replacement)) done++;
    } else {
      const text = fields[m.field] ?? meta.get(m.field) ?? '';
      if (text.slice(m.start, m.end) !== m.text) continue;
      fields[m.field] = text.slice(0, m.start) + replacement + text.slice(m.end);
      done++;
    }
  }
  for (const [k, v] of Object.entries(fields)) meta.set(k, v);
  return done;
}
