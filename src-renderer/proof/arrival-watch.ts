import type * as Y from 'yjs';
import { UNKNOWN, arrivals, type Arrival } from '../../src-core/proof/arrivals';
import { openMarks } from '../../src-core/store/readers';

interface Docs {
  articleIds(): string[];
  articleDoc(id: string): Y.Doc | undefined;
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
      return doc ? openMarks(doc) : [];
    });
    const arrived = this.seen && this.docs === docs ? arrivals(this.seen, now, me) : [];
    this.seen = new Set(now.filter((m) => m.author !== UNKNOWN).map((m) => m.id));
    this.docs = docs;
    return { open: now.length, arrived };
  }
}
