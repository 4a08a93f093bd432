/**
 * The edition document's Yjs schema (`banmian/<editionId>/edition` on the collaboration server):
 * an edition as entries of JSON text in five maps (src-core/edition/shared-edition.ts says which
 * entries an edition has), written entry by entry, so a placement sends the page's entry, not the
 * edition's pictures again. Only the server writes it (src-main/server/edition-requests.ts); desks
 * read it. Here in the store because only the store reaches into Yjs documents.
 */
import * as Y from 'yjs';

export const EDITION_ROOTS = ['info', 'pages', 'articles', 'images', 'chains'] as const;
export type EditionRoot = (typeof EDITION_ROOTS)[number];

/** Each root's entries, JSON text by key. */
export type EditionEntries = Record<EditionRoot, Map<string, string>>;

function roots(doc: Y.Doc): Record<EditionRoot, Y.Map<string>> {
  return Object.fromEntries(EDITION_ROOTS.map((r) => [r, doc.getMap<string>(r)])) as Record<EditionRoot, Y.Map<string>>;
}

/** Writes `wanted` into the document, setting only the entries whose text changed and deleting those it no longer has. */
export function writeEditionEntries(doc: Y.Doc, wanted: EditionEntries, origin?: unknown): void {
  const maps = roots(doc);
  doc.transact(() => {
    for (const r of EDITION_ROOTS) {
      for (const key of [...maps[r].keys()]) if (!wanted[r].has(key)) maps[r].delete(key);
      for (const [key, text] of wanted[r]) if (maps[r].get(key) !== text) maps[r].set(key, text);
    }
  }, origin);
}

/** The document's entries (empty maps before anyone wrote it). */
export function readEditionEntries(doc: Y.Doc): EditionEntries {
  const maps = roots(doc);
  return Object.fromEntries(EDITION_ROOTS.map((r) => [r, new Map(maps[r].entries())])) as EditionEntries;
}

/** Calls `changed` after every change of the document's entries; returns the function that stops it. */
export function watchEdition(doc: Y.Doc, changed: () => void): () => void {
  const maps = Object.values(roots(doc));
  const on = (): void => changed();
  for (const m of maps) m.observe(on);
  return () => maps.forEach((m) => m.unobserve(on));
}
