import type * as Y from 'yjs';
import { UNKNOWN, arrivals, type Arrival } from '../../src-core/proof/arrivals';
import { openMarks } from '../../src-core/store/readers';

interface Docs {
  articleIds(): string[];
  articleDoc(id: string): Y.Doc | undefined;
}

type Marks = ReturnType<typeof openMarks>;

/**
 * Each article document's open marks, read again only after a transaction in that document: a
 * keystroke changes one story, and reading every story's marks at each one walked all the page's
 * text (~0.35 ms and ~45 KB of garbage a key). A transaction's start forgets them, before the
 * store hears of its update and the session looks again.
 */
const marksOf = new WeakMap<Y.Doc, Marks>();
const watched = new WeakSet<Y.Doc>();

function openMarksOf(doc: Y.Doc): Marks {
  let marks = marksOf.get(doc);
  if (marks) return marks;
  if (!watched.has(doc)) {
    watched.add(doc);
    doc.on('beforeTransaction', () => marksOf.delete(doc));
  }
  marksOf.set(doc, (marks = openMarks(doc)));
  return marks;
}

/**
 * Counts the page's open marks after each change and tells which arrived from other desks since the
 * previous look. A new page (opened, joined) starts a fresh watch: what it already holds is no arrival.
 */
export class ArrivalWatch {
  private seen: Set<string> | null = null;
  private docs: Docs | null = null;

  update(docs: Docs, me: string): { open: number; arrived: Arrival[] } {
    const now = docs.articleIds().flatMap((id) => {
      const doc = docs.articleDoc(id);
      return doc ? openMarksOf(doc) : [];
    });
    const arrived = this.seen && this.docs === docs ? arrivals(this.seen, now, me) : [];
    this.seen = new Set(now.filter((m) => m.author !== UNKNOWN).map((m) => m.id));
    this.docs = docs;
    return { open: now.length, arrived };
  }
}
