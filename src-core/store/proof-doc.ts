import * as Y from 'yjs';
import {
  LOCKED_MESSAGE,
  UNKNOWN_AUTHOR,
  roundName,
  CHECK_STATE_LIMITS,
  type CommentEntry,
  type DismissedFinding,
  type MarkedSpan,
  type SavedCorrection,
  type OpenMark,
  type ProofResult,
  type Role,
  type RoundRecord,
  type SignoffEvent,
  type SuggestionMeta,
  type Thread,
} from '../model/proof';
import { FACE_MARK, spanFace, type SpanFace } from '../model/richtext';
import { articleParts } from './ydocs';

/**
 * The proofreading state in the page's Yjs documents, and the writes to it (store-internal: outside
 * the store, changes go through PageStore's operations, and the collaboration server's through
 * page-requests.ts).
 *
 * Each article doc: the text carries insertion/deletion marks (an id only) and comment marks (a
 * thread id); who made each suggestion, in which round and when, what was decided, and the comment
 * threads live in its `suggestions` and `threads` maps, so they travel with the text.
 *
 * The layout doc: `rounds` (a list of round records, 一校, 二校, 三校) and `signoff` (who signed for
 * print, and a log of every sign-off and reopening with its reason). A signed page is locked for
 * everyone until a 值班编辑 reopens it; the store checks `isSignedOff` before every change and the
 * collaboration server refuses writes to a signed page.
 */

export function proofParts(doc: Y.Doc) {
  return { suggestions: doc.getMap<SuggestionMeta>('suggestions'), threads: doc.getMap<Thread>('threads') };
}

/**
 * The article's check state: the findings the 校对 dismissed (by rule and text) and the importer's
 * corrections of its text (已自动改正). In the article doc, as the threads are, so a 校对 may write
 * them on a shared page and they travel with the text.
 */
export function checkParts(doc: Y.Doc) {
  return { dismissed: doc.getMap<DismissedFinding>('dismissed'), corrections: doc.getArray<SavedCorrection>('corrections') };
}

export const dismissedKey = (d: DismissedFinding): string => `${d.rule}\u0000${d.text}`;

export function dismissFinding(doc: Y.Doc, d: DismissedFinding, origin?: unknown): void {
  const { dismissed } = checkParts(doc);
  if (dismissed.has(dismissedKey(d)) || dismissed.size >= CHECK_STATE_LIMITS.dismissed) return;
  doc.transact(() => dismissed.set(dismissedKey(d), { rule: d.rule, text: d.text }), origin);
}

/** Keeps an import's corrections of the article (the newest kept when the list is full). */
export function recordCorrections(doc: Y.Doc, list: readonly SavedCorrection[], origin?: unknown): void {
  const { corrections } = checkParts(doc);
  doc.transact(() => {
    corrections.push([...list]);
    const over = corrections.length - CHECK_STATE_LIMITS.corrections;
    if (over > 0) corrections.delete(0, over);
  }, origin);
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

/** A Yjs run's own face (its face mark), as the model reads a mark. */
const runFace = (attrs: Record<string, unknown>): SpanFace | undefined => spanFace(attrs[FACE_MARK] ? [{ type: FACE_MARK, attrs: attrs[FACE_MARK] as Record<string, unknown> }] : []);

/** The marked spans of an article body, adjacent runs of the same mark (and face) merged. */
export function markedSpans(doc: Y.Doc): MarkedSpan[] {
  const out: MarkedSpan[] = [];
  for (const run of textRuns(articleParts(doc).body)) {
    const face = runFace(run.attributes);
    for (const m of markIds(run.attributes)) {
      const last = out.findLast((s) => s.id === m.id && s.kind === m.kind);
      if (last && last.paragraph === run.paragraph && last.offset + last.text.length === run.offset && JSON.stringify(last.face) === JSON.stringify(face)) last.text += run.insert;
      else out.push({ id: m.id, kind: m.kind, text: run.insert, paragraph: run.paragraph, offset: run.offset, ...(face ? { face } : {}) });
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
    const meta = suggestions.get(id) ?? { id, kind, author: UNKNOWN_AUTHOR, role: '校对' as Role, round: '', at: '', status: 'open' as const };
    out.push({ ...meta, text });
  }
  return out;
}

/** The layout document's roots that only the collaboration server writes on a shared page. */
export const ROUND_ROOTS = { rounds: 'rounds', signoff: 'signoff' } as const;

export function roundParts(layoutDoc: Y.Doc) {
  return { rounds: layoutDoc.getArray<RoundRecord>(ROUND_ROOTS.rounds), signoff: layoutDoc.getMap<unknown>(ROUND_ROOTS.signoff) };
}

export function currentRound(layoutDoc: Y.Doc): RoundRecord | undefined {
  const rounds = roundParts(layoutDoc).rounds.toArray();
  const last = rounds[rounds.length - 1];
  return last && !last.finishedAt ? last : undefined;
}

export function isSignedOff(layoutDoc: Y.Doc): boolean {
  return typeof roundParts(layoutDoc).signoff.get('signedBy') === 'string';
}

export function signoffLog(layoutDoc: Y.Doc): SignoffEvent[] {
  return (roundParts(layoutDoc).signoff.get('log') as SignoffEvent[] | undefined) ?? [];
}

const locked: ProofResult = { ok: false, ...LOCKED_MESSAGE };

/** The name the next round gets: 一校, 二校, 三校, then 4校… */
export function nextRoundName(layoutDoc: Y.Doc): string {
  return roundName(roundParts(layoutDoc).rounds.length);
}

export function startRound(layoutDoc: Y.Doc, by: string, at = new Date().toISOString(), origin?: unknown): ProofResult {
  if (isSignedOff(layoutDoc)) return locked;
  if (currentRound(layoutDoc)) return { ok: false, zh: `${currentRound(layoutDoc)!.name}尚未结束`, en: `Round ${currentRound(layoutDoc)!.name} is still open` };
  const { rounds } = roundParts(layoutDoc);
  const name = nextRoundName(layoutDoc);
  layoutDoc.transact(() => rounds.push([{ name, startedBy: by, startedAt: at }]), origin);
  return { ok: true };
}

/** A round finishes when every suggestion has been answered and every comment thread resolved. */
export function finishRound(layoutDoc: Y.Doc, articleDocs: Y.Doc[], by: string, at = new Date().toISOString(), origin?: unknown): ProofResult {
  const round = currentRound(layoutDoc);
  if (!round) return { ok: false, zh: '没有进行中的校次', en: 'No proof round is open' };
  const open = articleDocs.reduce((n, d) => n + openSuggestions(d).length, 0);
  const unresolved = articleDocs.reduce((n, d) => n + [...proofParts(d).threads.values()].filter((t) => !t.resolved).length, 0);
  if (open > 0 || unresolved > 0) {
    return { ok: false, zh: `还有 ${open} 处修改未处理、${unresolved} 条批注未解决`, en: `${open} changes still await a decision and ${unresolved} comments are unresolved` };
  }
  const { rounds } = roundParts(layoutDoc);
  layoutDoc.transact(() => {
    rounds.delete(rounds.length - 1, 1);
    rounds.push([{ ...round, finishedBy: by, finishedAt: at }]);
  }, origin);
  return { ok: true };
}

export function signOff(layoutDoc: Y.Doc, by: string, role: Role, at = new Date().toISOString(), origin?: unknown): ProofResult {
  if (isSignedOff(layoutDoc)) return { ok: false, zh: '本版已经签字付印', en: 'The page is already signed' };
  if (currentRound(layoutDoc)) return { ok: false, zh: `${currentRound(layoutDoc)!.name}尚未结束，不能签字付印`, en: 'Finish the open proof round before signing' };
  const { signoff } = roundParts(layoutDoc);
  layoutDoc.transact(() => {
    signoff.set('signedBy', by);
    signoff.set('signedAt', at);
    signoff.set('log', [...signoffLog(layoutDoc), { kind: 'signed', by, role, at }]);
  }, origin);
  return { ok: true };
}

/** Only a 值班编辑 reopens a signed page, and must say why; the reason is kept in the log. */
export function reopen(layoutDoc: Y.Doc, by: string, role: Role, reason: string, at = new Date().toISOString(), origin?: unknown): ProofResult {
  if (!isSignedOff(layoutDoc)) return { ok: false, zh: '本版尚未签字付印', en: 'The page is not signed' };
  if (role !== '值班编辑') return { ok: false, zh: '只有值班编辑可以重新打开已签字的版面', en: 'Only the duty editor (值班编辑) can reopen a signed page' };
  if (!reason.trim()) return { ok: false, zh: '请填写重新打开的理由', en: 'Give a reason for reopening' };
  const { signoff } = roundParts(layoutDoc);
  layoutDoc.transact(() => {
    signoff.delete('signedBy');
    signoff.delete('signedAt');
    signoff.set('log', [...signoffLog(layoutDoc), { kind: 'reopened', by, role, at, reason: reason.trim() }]);
  }, origin);
  return { ok: true };
}

/** The open marks of one article document. */
export function openMarks(doc: Y.Doc): OpenMark[] {
  const out: OpenMark[] = openSuggestions(doc)
    .filter((s) => s.status === 'open')
    .map((s) => ({ id: s.id, kind: 'suggestion' as const, author: s.author }));
  for (const t of proofParts(doc).threads.values()) if (!t.resolved) out.push({ id: t.id, kind: 'comment', author: t.comments[0]?.author ?? UNKNOWN_AUTHOR });
  return out;
}

/**
 * An article's proofreading notes (suggestion meta, comment threads, dismissed findings, the
 * importer's corrections) copied into another document of the same article: a continued part moved
 * to another page (page-requests.ts `bringPage`) keeps them, as its text keeps their marks.
 */
export function copyProofNotes(from: Y.Doc, to: Y.Doc): void {
  const [a, b] = [proofParts(from), proofParts(to)];
  const [c, d] = [checkParts(from), checkParts(to)];
  to.transact(() => {
    for (const [k, v] of a.suggestions) b.suggestions.set(k, structuredClone(v));
    for (const [k, v] of a.threads) b.threads.set(k, structuredClone(v));
    for (const [k, v] of c.dismissed) d.dismissed.set(k, structuredClone(v));
    if (d.corrections.length === 0 && c.corrections.length) d.corrections.push(c.corrections.toArray().map((x) => structuredClone(x)));
  });
}
