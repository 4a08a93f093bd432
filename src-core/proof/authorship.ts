import * as Y from 'yjs';

/**
 * Keeps authorship true when edits cross. Yjs stores a mark as a pair of format items around a
 * range, so text that one desk types inside words another desk marked as deleted *at the same time*
 * (neither had seen the other's edit) lands between the pair and inherits the deletion: accepting it
 * would delete the newcomer's words under the proofreader's name. When such text arrives at a desk
 * that already held the deletion, that desk had never seen the text when the deletion was made, so
 * the text cannot be part of it: the inherited deletion is taken off again (the text stays its
 * author's own; if it carries their own insertion mark it stays their suggestion). The repair is an
 * ordinary edit, so it reaches every desk; two desks repairing at once write the same thing.
 */

/** The origin of the repairing transaction (not a page undo step). */
export const AUTHORSHIP_ORIGIN = Symbol('banmian-authorship');

const guarded = new WeakSet<Y.Doc>();

/** Watches an article document (once per document, however often it is shared again). */
export function keepAuthorship(doc: Y.Doc): void {
  if (guarded.has(doc)) return;
  guarded.add(doc);
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.local) return;
    const fixes = inheritedDeletions(tr);
    if (fixes.length === 0) return;
    doc.transact(() => {
      for (const f of fixes) f.text.format(f.index, f.length, { [f.key]: null });
    }, AUTHORSHIP_ORIGIN);
  });
}

export interface InheritedDeletion {
  text: Y.XmlText;
  index: number;
  length: number;
  /** The attribute key (y-prosemirror's mark name, maybe with a `--` suffix). */
  key: string;
}

const isDeletionKey = (key: string): boolean => key.split('--')[0] === 'deletion';

/**
 * Text this transaction brought in that sits inside a deletion this desk held before it: a
 * deletion's format item older than the transaction around a text item that is new in it.
 */
export function inheritedDeletions(tr: Y.Transaction): InheritedDeletion[] {
  const isNew = (item: Y.Item): boolean => item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0);
  const out: InheritedDeletion[] = [];
  for (const type of tr.changed.keys()) {
    if (!(type instanceof Y.XmlText)) continue;
    const open = new Map<string, Y.Item>();
    let index = 0;
    for (let item = type._start; item; item = item.right) {
      if (item.deleted) continue;
      if (item.content instanceof Y.ContentFormat) {
        const { key, value } = item.content;
        if (value == null) open.delete(key);
        else open.set(key, item);
        continue;
      }
      if (!item.countable) continue;
      if (isNew(item)) {
        for (const [key, format] of open) if (isDeletionKey(key) && !isNew(format)) out.push({ text: type, index, length: item.length, key });
      }
      index += item.length;
    }
  }
  // From the end, so that each fix's index still holds when it is applied.
  return out.reverse();
}
