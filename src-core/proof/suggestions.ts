import * as Y from 'yjs';
import { articleParts } from '../store/ydocs';

/**
 * Tracked changes and comments on an article's Yjs document. The text carries insertion/deletion
 * marks (an id only) and comment marks (a thread id); who made each suggestion, in which round and
 * when, what was decided, and the comment threads live in the article doc's `suggestions` and
 * `threads` maps, so they travel with the text (save, reopen, collaboration).
 */

export type Role = '组版' | '校对' | '值班编辑';

export interface SuggestionMeta {
  id: string;
  kind: 'insertion' | 'deletion';
  author: string;
  role: Role;
  /** 一校, 二校, 三校 … */
  round: string;
  at: string;
  status: 'open' | 'accepted' | 'rejected';
  decidedBy?: string;
  decidedAt?: string;
}

export interface CommentEntry {
  author: string;
  role: Role;
  at: string;
  text: string;
}

export interface Thread {
  id: string;
  /** The text the comment was anchored to when it was made (kept for orphans). */
  quote: string;
  round: string;
  comments: CommentEntry[];
  resolved: boolean;
}

export function proofParts(doc: Y.Doc) {
  return { suggestions: doc.getMap<SuggestionMeta>('suggestions'), threads: doc.getMap<Thread>('threads') };
}

/** A stretch of marked text found in the body. */
export interface MarkedSpan {
  id: string;
  kind: 'insertion' | 'deletion' | 'comment';
  text: string;
  /** Index of the block (paragraph or subhead) in the body. */
  paragraph: number;
  /** UTF-16 offset within that block's text. */
  offset: number;
}

interface TextRun {
  text: Y.XmlText;
  index: number;
  length: number;
  insert: string;
  attributes: Record<string, unknown>;
  paragraph: number;
  offset: number;
}

/** Every text run of the body, in order, with its marks (y-prosemirror stores them as attributes). */
function textRuns(fragment: Y.XmlFragment): TextRun[] {
  const out: TextRun[] = [];
  fragment.toArray().forEach((block, paragraph) => {
    let offset = 0;
    const visit = (node: Y.XmlElement | Y.XmlText): void => {
      if (node instanceof Y.XmlText) {
        let index = 0;
        for (const d of node.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
          const insert = typeof d.insert === 'string' ? d.insert : '';
          const length = typeof d.insert === 'string' ? d.insert.length : 1;
          out.push({ text: node, index, length, insert, attributes: d.attributes ?? {}, paragraph, offset });
          index += length;
          offset += insert.length;
        }
      } else for (const child of node.toArray()) visit(child as Y.XmlElement | Y.XmlText);
    };
    visit(block as Y.XmlElement);
  });
  return out;
}

function markIds(attrs: Record<string, unknown>): { kind: MarkedSpan['kind']; key: string; id: string }[] {
  const out: { kind: MarkedSpan['kind']; key: string; id: string }[] = [];
  for (const [key, value] of Object.entries(attrs)) {
    const name = key.split('--')[0];
    const v = value as Record<string, unknown> | null;
    if (!v) continue;
    if ((name === 'insertion' || name === 'deletion') && v.id != null) out.push({ kind: name, key, id: String(v.id) });
    else if (name === 'comment' && v.threadId != null) out.push({ kind: 'comment', key, id: String(v.threadId) });
  }
  return out;
}

/** The marked spans of an article body, adjacent runs of the same mark merged. */
export function markedSpans(doc: Y.Doc): MarkedSpan[] {
  const out: MarkedSpan[] = [];
  for (const run of textRuns(articleParts(doc).body)) {
    for (const m of markIds(run.attributes)) {
      const last = out.findLast((s) => s.id === m.id && s.kind === m.kind);
      if (last && last.paragraph === run.paragraph && last.offset + last.text.length === run.offset) last.text += run.insert;
      else out.push({ id: m.id, kind: m.kind, text: run.insert, paragraph: run.paragraph, offset: run.offset });
    }
  }
  return out;
}

export function recordSuggestion(doc: Y.Doc, meta: Omit<SuggestionMeta, 'status'>, origin?: unknown): void {
  doc.transact(() => proofParts(doc).suggestions.set(meta.id, { ...meta, status: 'open' }), origin);
}

/**
 * Accepts or rejects one suggestion: an accepted insertion keeps its text and loses the mark, an
 * accepted deletion removes its text; rejecting does the opposite. Works on the Yjs text itself, so
 * it merges with what others type meanwhile. Returns false when the suggestion is not in the text.
 */
export function decideSuggestion(doc: Y.Doc, id: string, decision: 'accept' | 'reject', by: string, origin?: unknown, at = new Date().toISOString()): boolean {
  const runs = textRuns(articleParts(doc).body).filter((r) => markIds(r.attributes).some((m) => m.id === id && m.kind !== 'comment'));
  if (runs.length === 0) return false;
  doc.transact(() => {
    // From the end, so that deleting a run does not move the ones still to do.
    for (const run of [...runs].reverse()) {
      const mark = markIds(run.attributes).find((m) => m.id === id && m.kind !== 'comment')!;
      const removeText = (mark.kind === 'deletion') === (decision === 'accept');
      if (removeText) run.text.delete(run.index, run.length);
      else run.text.format(run.index, run.length, { [mark.key]: null });
    }
    const { suggestions } = proofParts(doc);
    const meta = suggestions.get(id);
    if (meta) suggestions.set(id, { ...meta, status: decision === 'accept' ? 'accepted' : 'rejected', decidedBy: by, decidedAt: at });
  }, origin);
  return true;
}

/** Accepts or rejects every open suggestion of the article. */
export function decideAll(doc: Y.Doc, decision: 'accept' | 'reject', by: string, origin?: unknown): number {
  const ids = [...new Set(markedSpans(doc).filter((s) => s.kind !== 'comment').map((s) => s.id))];
  let n = 0;
  for (const id of ids) if (decideSuggestion(doc, id, decision, by, origin)) n++;
  return n;
}

export function addComment(doc: Y.Doc, thread: Thread, origin?: unknown): void {
  doc.transact(() => proofParts(doc).threads.set(thread.id, thread), origin);
}

export function replyToThread(doc: Y.Doc, threadId: string, entry: CommentEntry, origin?: unknown): void {
  const { threads } = proofParts(doc);
  const t = threads.get(threadId);
  if (!t) throw new Error(`no thread ${threadId}`);
  doc.transact(() => threads.set(threadId, { ...t, comments: [...t.comments, entry] }), origin);
}

export function resolveThread(doc: Y.Doc, threadId: string, resolved: boolean, origin?: unknown): void {
  const { threads } = proofParts(doc);
  const t = threads.get(threadId);
  if (t) doc.transact(() => threads.set(threadId, { ...t, resolved }), origin);
}

/** Threads whose anchor text is gone (deleted by another change): listed for the editor, never lost. */
export function orphanThreads(doc: Y.Doc): Thread[] {
  const anchored = new Set(markedSpans(doc).filter((s) => s.kind === 'comment').map((s) => s.id));
  return [...proofParts(doc).threads.values()].filter((t) => !anchored.has(t.id));
}

/** Suggestions still waiting for a decision whose text is still there. */
export function openSuggestions(doc: Y.Doc): (SuggestionMeta & { text: string })[] {
  const { suggestions } = proofParts(doc);
  const spans = markedSpans(doc).filter((s) => s.kind !== 'comment');
  const out: (SuggestionMeta & { text: string })[] = [];
  for (const id of new Set(spans.map((s) => s.id))) {
    const text = spans.filter((s) => s.id === id).map((s) => s.text).join('');
    const kind = spans.find((s) => s.id === id)!.kind as SuggestionMeta['kind'];
    const meta = suggestions.get(id) ?? { id, kind, author: '?', role: '校对' as Role, round: '', at: '', status: 'open' as const };
    out.push({ ...meta, text });
  }
  return out;
}
