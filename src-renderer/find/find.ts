import * as Y from 'yjs';
import { LOCAL_ORIGIN, PageLockedError, type PageStore } from '../../src-core/store/page-store';
import { articleParts, type ArticleMeta } from '../../src-core/store/ydocs';

/**
 * 查找/替换 across the page: every article's title fields and body, searched and changed in the
 * article's Yjs document through the page store (so the story editor, a second desk and undo all
 * see the change). Replace-all is one undo step.
 */

export const FIND_FIELDS = ['kicker', 'headline', 'deck', 'byline', 'lead', 'jumpFrom', 'jumpTo', 'body'] as const;
export type FindField = (typeof FIND_FIELDS)[number];

export const FIELD_LABELS: Record<FindField, [string, string]> = {
  kicker: ['引题', 'Kicker'],
  headline: ['主题', 'Headline'],
  deck: ['副题', 'Deck'],
  byline: ['署名', 'Byline'],
  lead: ['电头', 'Lead'],
  jumpFrom: ['上接', 'Jump from'],
  jumpTo: ['下转', 'Jump to'],
  body: ['正文', 'Body'],
};

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
export function findInStore(store: PageStore, query: string, opts: FindOptions): FindMatch[] {
  const out: FindMatch[] = [];
  if (!query) return out;
  for (const id of store.articleIds()) {
    const doc = store.articleDoc(id);
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
 * Replaces the given occurrences (found by findInStore and still current) with `replacement`, as one
 * undo step. Returns how many were replaced.
 */
export function replaceMatches(store: PageStore, matches: FindMatch[], replacement: string): number {
  if (store.isLocked()) throw new PageLockedError();
  let done = 0;
  // Right to left within each text, so earlier offsets stay valid.
  const textKey = (m: FindMatch) => `${m.articleId}\u0000${m.field}\u0000${m.paragraph}`;
  const ordered = [...matches].sort((a, b) => (textKey(a) === textKey(b) ? b.start - a.start : textKey(a) < textKey(b) ? -1 : 1));
  const byArticle = new Map<string, FindMatch[]>();
  for (const m of ordered) byArticle.set(m.articleId, [...(byArticle.get(m.articleId) ?? []), m]);
  store.batch(() => {
    for (const [id, list] of byArticle) {
      const doc = store.articleDoc(id);
      if (!doc) continue;
      const { meta } = articleParts(doc);
      const paragraphs = bodyParagraphs(doc);
      doc.transact(() => {
        const fields: Partial<Record<keyof ArticleMeta, string>> = {};
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
      }, LOCAL_ORIGIN);
    }
  });
  return done;
}
