import * as Y from 'yjs';

interface Span {
  client: number;
  clock: number;
  length: number;
}

function inSpans(spans: Span[], id: Y.ID | null): boolean {
  if (!id) return false;
  return spans.some((s) => s.client === id.client && id.clock >= s.clock && id.clock < s.clock + s.length);
}

/**
 * Every item ever stored under a root type: a map's current values and the overwritten ones before
 * them, an array's elements (deleted ones included).
 */
function rootItems(doc: Y.Doc, rootName: string): Span[] {
  const type = doc.share.get(rootName);
  if (!type) return [];
  const spans: Span[] = [];
  const add = (item: Y.Item): number => spans.push({ client: item.id.client, clock: item.id.clock, length: item.length });
  for (const latest of type._map.values()) for (let item: Y.Item | null = latest; item; item = item.left) add(item);
  for (let item: Y.Item | null = type._start; item; item = item.right) add(item);
  return spans;
}

/**
 * Whether applying `update` to `doc` would change the root map or array `rootName`: an item is added to it
 * (directly, or next to one of its items), or one of its items is deleted. Used by the server to keep
 * clients from writing the `signoff` map and the `rounds` array, without applying the update to a copy of the document.
 * An item whose neighbours are unknown to both the document and the update cannot land in the map
 * until they arrive, and then they are checked, so it is not counted.
 */
export function updateTouchesRoot(doc: Y.Doc, update: Uint8Array, rootName: string): boolean {
  const spans = rootItems(doc, rootName);
  const { structs, ds } = Y.decodeUpdate(update);
  // An item of the update lands in the map when its parent is the map, or it sits next to an item of
  // the map. Items next to other items of the update are found through the first of the chain, which
  // is itself either in the map (directly or next to a stored item) or not: one pass is enough.
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const parent = s.parent as unknown;
    if (parent === rootName || (parent instanceof Y.ID && inSpans(spans, parent)) || inSpans(spans, s.origin) || inSpans(spans, s.rightOrigin)) return true;
  }
  for (const [client, deletions] of ds.clients) {
    for (const d of deletions) {
      if (spans.some((s) => s.client === client && d.clock < s.clock + s.length && s.clock < d.clock + d.len)) return true;
    }
  }
  return false;
}

/** The items of one entry of a root map: its values, current and overwritten, and what its current value (a map or array) holds but under the keys `except`. */
function entryItems(doc: Y.Doc, rootName: string, key: string, except: readonly string[]): Span[] {
  const root = doc.share.get(rootName);
  const latest = root?._map.get(key);
  if (!latest) return [];
  const spans: Span[] = [];
  const add = (item: Y.Item): number => spans.push({ client: item.id.client, clock: item.id.clock, length: item.length });
  for (let item: Y.Item | null = latest; item; item = item.left) add(item);
  const value = latest.content instanceof Y.ContentType ? latest.content.type : undefined;
  if (value) {
    for (const [k, inner] of value._map) if (!except.includes(k)) for (let item: Y.Item | null = inner; item; item = item.left) add(item);
    for (let item: Y.Item | null = value._start; item; item = item.right) add(item);
  }
  return spans;
}

/**
 * Whether applying `update` to `doc` would change one of the entries `keys` of the root map
 * `rootName`: the entry set anew or deleted, or anything inside its value (a block's map) added,
 * overwritten or deleted, but its keys `except`. Used by the server to keep a booked ad where its
 * owner put it (its `z`, the page's stacking order, is the page's to renumber).
 */
export function updateTouchesEntries(doc: Y.Doc, update: Uint8Array, rootName: string, keys: readonly string[], except: readonly string[] = []): boolean {
  if (!keys.length) return false;
  const spans = keys.flatMap((k) => entryItems(doc, rootName, k, except));
  const { structs, ds } = Y.decodeUpdate(update);
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const parent = s.parent as unknown;
    if (parent === rootName && s.parentSub !== null && keys.includes(s.parentSub)) return true;
    if (parent instanceof Y.ID && inSpans(spans, parent) && !(s.parentSub !== null && except.includes(s.parentSub))) return true;
    if (inSpans(spans, s.origin) || inSpans(spans, s.rightOrigin)) return true;
  }
  for (const [client, deletions] of ds.clients) {
    for (const d of deletions) {
      if (spans.some((s) => s.client === client && d.clock < s.clock + s.length && s.clock < d.clock + d.len)) return true;
    }
  }
  return false;
}
