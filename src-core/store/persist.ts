import type * as Y from 'yjs';
import type { BanmianDocument } from '../model/document';
import { serializeDocument } from '../model/serialize';
import { CHECK_STATE_LIMITS, PAGE_HEADER_ID, type CommentEntry, type DismissedFinding, type ProofNotes, type Role, type RoundRecord, type SavedCorrection, type SignoffEvent, type SuggestionMeta, type Thread } from '../model/proof';
import { checkParts, dismissedKey, proofParts, roundParts } from './proof-doc';
import { boundedCheckState, listed } from './check-state';
import { articleCheckState } from './readers';
import { PageStore } from './page-store';

/**
 * The proofreading state that the plain snapshot does not carry, saved beside it in the .banmian
 * file as the optional field `proof`: who made each suggestion (and who decided it), the comment
 * threads, the proof rounds and the sign-off log.
 *
 * Why not the Yjs updates: the marks themselves (insertion/deletion ids, comment thread ids) are
 * already in the snapshot's article bodies, so this is all that is missing. Plain JSON keeps the file
 * readable, does not store every image a second time inside a binary layout update, and cannot
 * disagree with the snapshot when the CLI rewrites a file: a mark without its meta is still a mark,
 * a thread without its anchor is listed as an orphan. Files without the field load as before.
 */

export interface ArticleProofState {
  suggestions: SuggestionMeta[];
  threads: Thread[];
  /** Findings the 校对 dismissed; absent in files before them (read as none). */
  dismissed?: DismissedFinding[];
  /** The importer's corrections of the article's text (已自动改正); absent in older files (none). */
  corrections?: SavedCorrection[];
}

export interface ProofState {
  rounds: RoundRecord[];
  signoff: { signedBy?: string; signedAt?: string; log: SignoffEvent[] };
  /** By article id; only articles with suggestions or threads. */
  articles: Record<string, ArticleProofState>;
  /** The page header's (报头, 版头) dismissed findings, which belong to no article; absent: none. */
  header?: { dismissed: DismissedFinding[] };
}

/** The document as saved: the snapshot, and the proof state when there is any. */
export type SavedDocument = BanmianDocument & { proof?: ProofState };

export function proofStateOf(store: PageStore): ProofState {
  const { rounds, signoff } = roundParts(store.layoutDoc);
  const articles: Record<string, ArticleProofState> = {};
  for (const id of store.articleIds()) {
    const doc = store.articleDoc(id);
    if (!doc) continue;
    const { suggestions, threads } = proofParts(doc);
    // what a peer wrote is saved only as far as a file may hold it (check-state.ts)
    const { dismissed, corrections } = articleCheckState(doc);
    if (suggestions.size === 0 && threads.size === 0 && dismissed.length === 0 && corrections.length === 0) continue;
    articles[id] = {
      suggestions: [...suggestions.values()],
      threads: [...threads.values()],
      ...(dismissed.length ? { dismissed } : {}),
      ...(corrections.length ? { corrections } : {}),
    };
  }
  const signedBy = signoff.get('signedBy');
  const signedAt = signoff.get('signedAt');
  const header = articleCheckState(store.layoutDoc).dismissed;
  return {
    rounds: rounds.toArray(),
    signoff: {
      ...(typeof signedBy === 'string' ? { signedBy } : {}),
      ...(typeof signedAt === 'string' ? { signedAt } : {}),
      log: (signoff.get('log') as SignoffEvent[] | undefined) ?? [],
    },
    articles,
    ...(header.length ? { header: { dismissed: header } } : {}),
  };
}

export function isEmptyProofState(s: ProofState): boolean {
  return s.rounds.length === 0 && s.signoff.log.length === 0 && s.signoff.signedBy === undefined && Object.keys(s.articles).length === 0 && !s.header;
}

/** The page as the file holds it: the snapshot plus `proof` when the page has been proofread. */
export function savedDocument(store: PageStore, snapshot: BanmianDocument = store.snapshot()): SavedDocument {
  const proof = proofStateOf(store);
  return isEmptyProofState(proof) ? snapshot : { ...snapshot, proof };
}

export function serializePage(store: PageStore, snapshot?: BanmianDocument): string {
  return serializeDocument(savedDocument(store, snapshot));
}

/** Writes a proof state into the store's documents (after building it from the snapshot). No undo step. */
export function applyProofState(store: PageStore, state: ProofState): void {
  const { rounds, signoff } = roundParts(store.layoutDoc);
  store.layoutDoc.transact(() => {
    rounds.delete(0, rounds.length);
    rounds.push(state.rounds);
    for (const key of [...signoff.keys()]) signoff.delete(key);
    if (state.signoff.signedBy !== undefined) signoff.set('signedBy', state.signoff.signedBy);
    if (state.signoff.signedAt !== undefined) signoff.set('signedAt', state.signoff.signedAt);
    if (state.signoff.log.length) signoff.set('log', state.signoff.log);
  });
  // the header's dismissals are the page's, in the layout document (store/proof-doc.ts checkParts)
  const header = checkParts(store.layoutDoc).dismissed;
  if (state.header) store.layoutDoc.transact(() => state.header!.dismissed.forEach((d) => header.set(dismissedKey(d), d)));
  for (const [id, a] of Object.entries(state.articles)) {
    const doc = store.articleDoc(id);
    if (!doc) continue;
    writeArticleProof(doc, a);
  }
}

function writeArticleProof(doc: Y.Doc, a: ArticleProofState): void {
  const { suggestions, threads } = proofParts(doc);
  const { dismissed, corrections } = checkParts(doc);
  doc.transact(() => {
    for (const s of a.suggestions) suggestions.set(s.id, s);
    for (const t of a.threads) threads.set(t.id, t);
    for (const d of a.dismissed ?? []) dismissed.set(dismissedKey(d), d);
    if (a.corrections?.length) corrections.push(a.corrections);
  });
}

/** A store for a loaded file: the snapshot's documents with the saved proof state written back. */
export function pageStoreFromFile(doc: BanmianDocument & { proof?: unknown }): { store: PageStore; dropped: number } {
  const store = new PageStore(doc);
  const read = readProofState(doc.proof);
  if (read.state) applyProofState(store, read.state);
  return { store, dropped: read.dropped };
}

// ---- reading what a file says, defensively

const ROLES: readonly Role[] = ['组版', '校对', '值班编辑'];
const str = (v: unknown): v is string => typeof v === 'string' && v.length <= CHECK_STATE_LIMITS.textChars;
const optStr = (v: unknown): boolean => v === undefined || str(v);
const isRole = (v: unknown): v is Role => ROLES.includes(v as Role);
const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isSuggestion(v: unknown): v is SuggestionMeta {
  return (
    obj(v) &&
    str(v.id) &&
    (v.kind === 'insertion' || v.kind === 'deletion') &&
    str(v.author) &&
    isRole(v.role) &&
    str(v.round) &&
    str(v.at) &&
    (v.status === 'open' || v.status === 'accepted' || v.status === 'rejected') &&
    optStr(v.decidedBy) &&
    optStr(v.decidedAt)
  );
}

const isComment = (v: unknown): v is CommentEntry => obj(v) && str(v.author) && isRole(v.role) && str(v.at) && str(v.text);

function isThread(v: unknown): v is Thread {
  return obj(v) && str(v.id) && str(v.quote) && str(v.round) && Array.isArray(v.comments) && v.comments.every(isComment) && typeof v.resolved === 'boolean';
}

const isRound = (v: unknown): v is RoundRecord => obj(v) && str(v.name) && str(v.startedBy) && str(v.startedAt) && optStr(v.finishedBy) && optStr(v.finishedAt);

const isSignoffEvent = (v: unknown): v is SignoffEvent => obj(v) && (v.kind === 'signed' || v.kind === 'reopened') && str(v.by) && isRole(v.role) && str(v.at) && optStr(v.reason);

/** An article entry's check state, each list checked and held to its limits; `drop` counts what is malformed. */
function checkStateOf(a: Record<string, unknown>, drop: () => void): { dismissed: DismissedFinding[]; corrections: SavedCorrection[] } {
  const list = (v: unknown): unknown[] => {
    if (v === undefined) return [];
    if (Array.isArray(v)) return v;
    drop();
    return [];
  };
  const state = boundedCheckState(list(a.dismissed), listed(list(a.corrections)));
  for (let i = 0; i < state.dropped; i++) drop();
  return state;
}

/**
 * The `proof` field of a file, entry by entry: a damaged entry is dropped and counted (so the UI can
 * say so), the rest is kept. Absent or not an object: no proof state.
 */
export function readProofState(raw: unknown): { state?: ProofState; dropped: number } {
  if (raw === undefined) return { dropped: 0 };
  if (!obj(raw)) return { dropped: 1 };
  let dropped = 0;
  const keep = <T>(list: unknown, ok: (v: unknown) => v is T): T[] => {
    if (list === undefined) return [];
    if (!Array.isArray(list)) {
      dropped++;
      return [];
    }
    const good = list.filter(ok);
    dropped += list.length - good.length;
    return good;
  };
  const rounds = keep(raw.rounds, isRound);
  const so = obj(raw.signoff) ? raw.signoff : {};
  if (raw.signoff !== undefined && !obj(raw.signoff)) dropped++;
  const signoff: ProofState['signoff'] = { log: keep(so.log, isSignoffEvent) };
  if (str(so.signedBy)) signoff.signedBy = so.signedBy;
  if (str(so.signedAt)) signoff.signedAt = so.signedAt;
  const articles: Record<string, ArticleProofState> = {};
  if (obj(raw.articles)) {
    for (const [id, a] of Object.entries(raw.articles)) {
      if (!obj(a)) {
        dropped++;
        continue;
      }
      const { dismissed, corrections } = checkStateOf(a, () => dropped++);
      articles[id] = { suggestions: keep(a.suggestions, isSuggestion), threads: keep(a.threads, isThread), ...(dismissed.length ? { dismissed } : {}), ...(corrections.length ? { corrections } : {}) };
    }
  } else if (raw.articles !== undefined) dropped++;
  const header = obj(raw.header) ? checkStateOf({ dismissed: raw.header.dismissed }, () => dropped++).dismissed : [];
  if (raw.header !== undefined && !obj(raw.header)) dropped++;
  return { state: { rounds, signoff, articles, ...(header.length ? { header: { dismissed: header } } : {}) }, dropped };
}

/**
 * The findings a page's 校对 dismissed, by where they were found: each article's under its id, the
 * page header's under PAGE_HEADER_ID (what checkPage and the 差错率 read).
 */
export function dismissalsOf(state: Pick<ProofState, 'articles' | 'header'> | undefined): Map<string, DismissedFinding[]> {
  const out = new Map<string, DismissedFinding[]>();
  for (const [id, a] of Object.entries(state?.articles ?? {})) if (a.dismissed?.length) out.set(id, a.dismissed);
  if (state?.header?.dismissed.length) out.set(PAGE_HEADER_ID, state.header.dismissed);
  return out;
}

/** What the proof sheet (校样) needs: every article's suggestion meta and threads, the round names, the titles. */
export function proofNotesOf(doc: BanmianDocument, state: ProofState, pageTitle: string): ProofNotes {
  const suggestions = new Map<string, SuggestionMeta>();
  const threads = new Map<string, Thread>();
  for (const a of Object.values(state.articles)) {
    for (const s of a.suggestions) suggestions.set(s.id, s);
    for (const t of a.threads) threads.set(t.id, t);
  }
  const dismissed = dismissalsOf(state);
  return {
    suggestions,
    threads,
    rounds: state.rounds.map((r) => r.name),
    titles: new Map(doc.articles.map((a) => [a.id, a.headline || a.id])),
    pageTitle,
    dismissed,
  };
}
