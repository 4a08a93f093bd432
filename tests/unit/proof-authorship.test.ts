import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AUTHORSHIP_ORIGIN, keepAuthorship } from '../../src-core/proof/authorship';
import { decideSuggestion, markedSpans, recordSuggestion } from '../../src-core/store/proof-doc';

/** Two desks' article documents exchanging updates by hand, in the order a reconnect brings them. */

const WORDS = '显著位置悬挂宣传条幅';

function desk(guard: boolean): Y.Doc {
  const doc = new Y.Doc();
  if (guard) keepAuthorship(doc);
  return doc;
}

function seed(doc: Y.Doc): void {
  const p = new Y.XmlElement('paragraph');
  doc.getXmlFragment('body').insert(0, [p]);
  p.insert(0, [new Y.XmlText(WORDS)]);
}

const text = (doc: Y.Doc) => (doc.getXmlFragment('body').get(0) as Y.XmlElement).get(0) as Y.XmlText;
const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote');
const deleted = (doc: Y.Doc) => markedSpans(doc).filter((s) => s.kind === 'deletion').map((s) => s.text);

function proofreaderDeletes(doc: Y.Doc): void {
  text(doc).format(0, WORDS.length, { deletion: { id: 'd1' } });
  recordSuggestion(doc, { id: 'd1', kind: 'deletion', author: '赵校对', role: '校对', round: '一校', at: '2025-01-01T00:00:00Z' });
}

/** The 组版 and the 校对 start from the same text; each edits without seeing the other's edit. */
function crossedEdits(guard: boolean, attrs?: Record<string, unknown>) {
  const layout = desk(guard);
  const proof = desk(guard);
  seed(layout);
  sync(layout, proof);
  proofreaderDeletes(proof); // offline
  text(layout).insert(4, '组版改', attrs);
  return { layout, proof };
}

describe('authorship under concurrency', () => {
  it('without the guard, crossed edits put the new words inside the deletion (the bug as seen)', () => {
    const { layout, proof } = crossedEdits(false);
    sync(layout, proof);
    sync(proof, layout);
    expect(deleted(proof)).toEqual(['显著位置组版改悬挂宣传条幅']);
  });

  for (const order of ['proofreader receives first', 'layout editor receives first'] as const) {
    it(`words typed inside a concurrent deletion are split out of it (${order})`, () => {
      const { layout, proof } = crossedEdits(true);
      if (order === 'proofreader receives first') {
        sync(layout, proof);
        sync(proof, layout);
      } else {
        sync(proof, layout);
        sync(layout, proof);
        sync(proof, layout); // the proofreader's repair travels back
      }
      for (const doc of [layout, proof]) {
        expect(text(doc).toString().replace(/<[^>]*>/g, '')).toBe('显著位置组版改悬挂宣传条幅');
        expect(deleted(doc)).toEqual(['显著位置', '悬挂宣传条幅']);
      }
      expect(decideSuggestion(layout, 'd1', 'accept', '王组版')).toBe(true);
      sync(layout, proof);
      for (const doc of [layout, proof]) expect(text(doc).toDelta()).toEqual([{ insert: '组版改' }]);
    });
  }

  it("the newcomer's own suggestion stays theirs", () => {
    const { layout, proof } = crossedEdits(true, { insertion: { id: 'i1' } });
    sync(layout, proof);
    sync(proof, layout);
    for (const doc of [layout, proof]) {
      expect(text(doc).toDelta()).toEqual([
        { insert: '显著位置', attributes: { deletion: { id: 'd1' } } },
        { insert: '组版改', attributes: { insertion: { id: 'i1' } } },
        { insert: '悬挂宣传条幅', attributes: { deletion: { id: 'd1' } } },
      ]);
    }
  });

  it('a desk that receives everything at once (joining later) changes nothing', () => {
    const proof = desk(true);
    seed(proof);
    proofreaderDeletes(proof);
    const late = desk(true);
    let writes = 0;
    late.on('afterTransaction', (tr: Y.Transaction) => void (tr.origin === AUTHORSHIP_ORIGIN && writes++));
    sync(proof, late);
    expect(deleted(late)).toEqual([WORDS]);
    expect(writes).toBe(0);
  });

  it('text the proofreader had seen stays inside the deletion', () => {
    const layout = desk(true);
    const proof = desk(true);
    seed(layout);
    text(layout).insert(4, '组版改');
    sync(layout, proof);
    text(proof).format(0, WORDS.length + 3, { deletion: { id: 'd1' } });
    sync(proof, layout);
    sync(layout, proof);
    for (const doc of [layout, proof]) expect(deleted(doc)).toEqual(['显著位置组版改悬挂宣传条幅']);
  });
});
