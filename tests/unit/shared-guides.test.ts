/**
 * 参考线 on a shared page: the server does not check what a peer writes into the page map, so a
 * desk reads a peer's guides only when they are well formed (else its canvas would throw on them).
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../src-core/model/defaults';
import { layoutParts, readPage, writePage } from '../../src-core/store/ydocs';

describe('guides read from a shared page', () => {
  it('keeps well-formed guides and drops a malformed value a peer wrote', () => {
    const doc = new Y.Doc();
    const page = { ...emptyDocument('broadsheet').page, guides: { x: [100, 200.5], y: [300] } };
    writePage(doc, page);
    expect(readPage(doc).guides).toEqual({ x: [100, 200.5], y: [300] });
    for (const bad of [{ x: 5 }, { x: [1], y: ['a'] }, 'guides', { x: Array.from({ length: 101 }, (_, i) => i), y: [] }, { x: [Number.NaN], y: [] }]) {
      layoutParts(doc).page.set('guides', bad);
      expect(readPage(doc).guides, JSON.stringify(bad)).toBeUndefined();
    }
  });
});
