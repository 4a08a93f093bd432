import * as Y from 'yjs';
import { base64ToBytes, bytesToBase64 } from '../model/base64';
import { MAX_PAGE_JSON_CHARS } from '../host-args';
import { isValidArticleId, isValidId } from './names';
import type { SharedPageDocs } from './shared-docs';

/**
 * A desk's copy of a shared page, kept on disk by its host so that no edit is lost when the desk,
 * its host or the server dies: the whole Yjs state of every document of the page, per page id.
 * Reconnecting to the same page merges it (Yjs merges states by itself, the server sends what the
 * desk lacks and takes what it has); a page that came back under another id gets it offered instead
 * (merging the states of two different shares would double the page).
 */

export const DESK_BACKUP_FORMAT = 1;
/** A backup the host takes: a whole page with its images, as a page file may be. */
export const MAX_DESK_BACKUP_CHARS = MAX_PAGE_JSON_CHARS;

export interface DeskBackup {
  format: typeof DESK_BACKUP_FORMAT;
  pageId: string;
  /** The server's address, to say where the page lived. */
  server: string;
  /** ISO time of the copy. */
  savedAt: string;
  /** Local edits the server had not acknowledged when the copy was taken (0: all in step). */
  pending: number;
  /** Yjs state (base64) of the layout document and of each article document, by article id. */
  layout: string;
  articles: Record<string, string>;
}

/** What a list of backups shows without loading them. */
export type DeskBackupSummary = Pick<DeskBackup, 'pageId' | 'server' | 'savedAt' | 'pending'> & { articleIds: string[] };

const fail = (where: string, zh: string, en: string) => ({ ok: false as const, zh: `未同步修改的备份 ${where} 无效：${zh}`, en: `The backup of unsynced changes ${where} is invalid: ${en}` });

export function takeDeskBackup(pageId: string, server: string, docs: SharedPageDocs, pending: number, now = new Date()): DeskBackup {
  const articles: Record<string, string> = {};
  for (const id of docs.articleIds()) {
    const doc = docs.articleDoc(id);
    if (doc) articles[id] = bytesToBase64(Y.encodeStateAsUpdate(doc));
  }
  return { format: DESK_BACKUP_FORMAT, pageId, server, savedAt: now.toISOString(), pending, layout: bytesToBase64(Y.encodeStateAsUpdate(docs.layoutDoc)), articles };
}

/** Merges a backup into the documents of the same page (the empty ones of a desk reconnecting, or live ones). */
export function mergeDeskBackup(backup: DeskBackup, docs: SharedPageDocs & { createArticleDoc: (id: string) => Y.Doc | undefined }): void {
  Y.applyUpdate(docs.layoutDoc, base64ToBytes(backup.layout)!, 'desk-backup');
  for (const [id, state] of Object.entries(backup.articles)) {
    const doc = docs.articleDoc(id) ?? docs.createArticleDoc(id);
    if (doc) Y.applyUpdate(doc, base64ToBytes(state)!, 'desk-backup');
  }
}

/** Fresh documents holding the backup, for a PageStore (to open it as a page of its own). */
export function docsOfDeskBackup(backup: DeskBackup): { layoutDoc: Y.Doc; articleDocs: Map<string, Y.Doc> } {
  const layoutDoc = new Y.Doc();
  Y.applyUpdate(layoutDoc, base64ToBytes(backup.layout)!);
  const articleDocs = new Map<string, Y.Doc>();
  for (const [id, state] of Object.entries(backup.articles)) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base64ToBytes(state)!);
    articleDocs.set(id, doc);
  }
  return { layoutDoc, articleDocs };
}

export function summarizeDeskBackup(b: DeskBackup): DeskBackupSummary {
  return { pageId: b.pageId, server: b.server, savedAt: b.savedAt, pending: b.pending, articleIds: Object.keys(b.articles) };
}

const isState = (v: unknown): v is string => typeof v === 'string' && base64ToBytes(v) !== undefined;

/** Checks a backup as it comes from disk or from the renderer; `where` names it in the message. */
export function parseDeskBackup(text: string, where: string): { ok: true; backup: DeskBackup } | { ok: false; zh: string; en: string } {
  if (text.length > MAX_DESK_BACKUP_CHARS) return fail(where, '超过大小上限', 'it is over the size limit');
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return fail(where, '不是有效的 JSON', 'it is not valid JSON');
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(where, '不是对象', 'it is not an object');
  const o = v as Record<string, unknown>;
  if (o.format !== DESK_BACKUP_FORMAT) return fail(where, `格式版本应为 ${DESK_BACKUP_FORMAT}`, `its format should be ${DESK_BACKUP_FORMAT}`);
  if (typeof o.pageId !== 'string' || !isValidId(o.pageId)) return fail(where, '版面编号 pageId 无效', 'pageId is not a valid page id');
  if (typeof o.server !== 'string' || o.server.length > 2000) return fail(where, '服务器地址 server 无效', 'server is not a valid address');
  if (typeof o.savedAt !== 'string' || Number.isNaN(Date.parse(o.savedAt))) return fail(where, '时间 savedAt 无效', 'savedAt is not a time');
  if (!Number.isInteger(o.pending) || (o.pending as number) < 0) return fail(where, '待同步数 pending 无效', 'pending is not a count');
  if (!isState(o.layout)) return fail(where, '版式状态 layout 无效', 'layout is not a Yjs state in base64');
  const articles = o.articles;
  if (typeof articles !== 'object' || articles === null || Array.isArray(articles)) return fail(where, '稿件状态 articles 无效', 'articles is not an object');
  for (const [id, state] of Object.entries(articles)) {
    if (!isValidArticleId(id) || !isState(state)) return fail(where, `稿件 ${id.slice(0, 64)} 的状态无效`, `the state of article ${id.slice(0, 64)} is invalid`);
  }
  return { ok: true, backup: { format: DESK_BACKUP_FORMAT, pageId: o.pageId, server: o.server, savedAt: o.savedAt, pending: o.pending as number, layout: o.layout, articles: articles as Record<string, string> } };
}

// ---- a page that came back under another id

/** The state of each document of a backup next to the same document of an open page (layout, then articles by id). */
function documentPairs(backup: DeskBackup, docs: SharedPageDocs): { state: Uint8Array; doc: Y.Doc }[] {
  const pairs = [{ state: base64ToBytes(backup.layout)!, doc: docs.layoutDoc }];
  for (const [id, state] of Object.entries(backup.articles)) {
    const doc = docs.articleDoc(id);
    if (doc) pairs.push({ state: base64ToBytes(state)!, doc });
  }
  return pairs;
}

/**
 * Whether the backup and the open page grew from the same documents (a page shared again under a new
 * id, or joined through a new share): some Yjs client wrote into both. A page re-created from its JSON
 * has new clients only; merging a backup into it would double every paragraph.
 */
export function sharesHistory(backup: DeskBackup, docs: SharedPageDocs): boolean {
  return documentPairs(backup, docs).some(({ state, doc }) => {
    const kept = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));
    const open = Y.decodeStateVector(Y.encodeStateVector(doc));
    for (const [client, clock] of kept) if (clock > 0 && (open.get(client) ?? 0) > 0) return true;
    return false;
  });
}

/** Places a change run covers in a Yjs delta: consecutive inserts, deletes and formats count once. */
function placesInDelta(delta: readonly { insert?: unknown; delete?: number; retain?: number; attributes?: object }[]): number {
  let places = 0;
  let inChange = false;
  for (const op of delta) {
    const changes = op.retain === undefined || op.attributes !== undefined;
    if (changes && !inChange) places++;
    inChange = changes;
  }
  return places;
}

/** What the backup would change in one document: places in its texts and lists, and keys of its maps. */
function missingPlaces(state: Uint8Array, doc: Y.Doc): number {
  const missing = Y.diffUpdate(state, Y.encodeStateVector(doc));
  // A copy of the page, with its root types as the page has them (events need the real types).
  const probe = new Y.Doc();
  Y.applyUpdate(probe, Y.encodeStateAsUpdate(doc));
  let places = 0;
  for (const [name, type] of doc.share) {
    const root = probe.get(name, type.constructor as typeof Y.AbstractType<Y.YEvent<never>>);
    root.observeDeep((events) => {
      for (const e of events) places += placesInDelta(e.changes.delta as never) + e.changes.keys.size;
    });
  }
  Y.applyUpdate(probe, missing);
  probe.destroy();
  // Items the page lacks that show nowhere yet (a type the page has not opened) are still a change.
  return places === 0 && Y.decodeUpdate(missing).structs.length > 0 ? 1 : places;
}

/**
 * How many places of the open page the backup's edits would change; 0 when the page already has all
 * of them. Only meaningful for a backup that shares history with it. A map entry that goes with a
 * text change (a suggestion's record) counts as a place of its own, so this can exceed the edits made.
 */
export function unmergedEdits(backup: DeskBackup, docs: SharedPageDocs): number {
  return documentPairs(backup, docs).reduce((n, { state, doc }) => n + missingPlaces(state, doc), 0)
    + Object.keys(backup.articles).filter((id) => !docs.articleDoc(id)).length;
}

/** “你在此版面上还有 N 处未同步的修改（原共享 …，时间 …）”: a backup of another page id to merge into the open one. */
export type MergeOffer = Pick<DeskBackup, 'pageId' | 'server' | 'savedAt'> & { edits: number };

/**
 * The backups (of other page ids) whose edits belong on the open page and are not on it yet, oldest
 * first so that they merge in the order they were made. A backup sharing history whose edits are all
 * on the page already is returned in `inStep`: nothing of it is left to merge.
 */
export function mergeOffers(backups: readonly DeskBackup[], openPageId: string, docs: SharedPageDocs): { offers: MergeOffer[]; inStep: string[] } {
  const offers: MergeOffer[] = [];
  const inStep: string[] = [];
  const related = backups.filter((b) => b.pageId !== openPageId && sharesHistory(b, docs));
  for (const b of [...related].sort((x, y) => x.savedAt.localeCompare(y.savedAt))) {
    const places = unmergedEdits(b, docs);
    // The count the desk showed as waiting (edits, as undo steps) when it has one; else the places.
    if (places > 0) offers.push({ pageId: b.pageId, server: b.server, savedAt: b.savedAt, edits: b.pending > 0 ? b.pending : places });
    else inStep.push(b.pageId);
  }
  return { offers, inStep };
}
