import type * as Y from 'yjs';
import { UNKNOWN, arrivals, type Arrival } from '../../src-core/proof/arrivals';
import { openMarks } from '../../src-core/store/readers';
import { docMemo } from './doc-memo';

interface Docs {
  articleIds(): string[];
  articleDoc(id: string): Y.Doc | undefined;
}

/** Each story's open marks, read again only after a change to that story (~0.35 ms and ~45 KB a key for all of them). */
const openMarksOf = docMemo(openMarks);

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
