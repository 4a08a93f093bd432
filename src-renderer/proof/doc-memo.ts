import type * as Y from 'yjs';

/**
 * `read(doc)` kept per document until a transaction in that document begins (a local edit, an
 * undo, a peer's update): its start forgets the value, before the page store hears of the update
 * and anything looks again. A keystroke changes one story; what the proof chrome reads of every
 * story's marks at each change is then read again for that story alone, not the whole page's text.
 */
export function docMemo<T>(read: (doc: Y.Doc) => T): (doc: Y.Doc) => T {
  const values = new WeakMap<Y.Doc, T>();
  const watched = new WeakSet<Y.Doc>();
  return (doc) => {
    if (values.has(doc)) return values.get(doc)!;
    if (!watched.has(doc)) {
      watched.add(doc);
      doc.on('beforeTransaction', () => values.delete(doc));
    }
    const value = read(doc);
    values.set(doc, value);
    return value;
  };
}
