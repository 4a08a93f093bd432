/**
 * Issue 19 item 4: an article's check state (dismissed findings, the importer's corrections) that
 * arrives from a collaboration peer is held to the same limits as a page file's (CHECK_STATE_LIMITS,
 * declared once) and checked entry by entry: a peer that writes the article document's maps
 * directly, past the store's operations, cannot make a desk list, count or save more than a file may
 * hold, nor hand it malformed entries.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { samplePage } from '../../bench/pages';
import { CHECK_STATE_LIMITS, type SavedCorrection } from '../../src-core/model/proof';
import { pageStoreFromFile, readProofState, serializePage } from '../../src-core/store/persist';
import { articleCheckState } from '../../src-core/store/readers';

const correction = (n: number): SavedCorrection => ({ kind: 'quotes', from: '"', to: '“', field: 'body', text: `第${n}段“`, offset: String(n).length + 2 });

/** A peer's article document written past the store's operations: more than the limits allow, and junk. */
function peerUpdate(): Uint8Array {
  const peer = new Y.Doc();
  const dismissed = peer.getMap<unknown>('dismissed');
  const corrections = peer.getArray<unknown>('corrections');
  peer.transact(() => {
    dismissed.set('junk', { rule: 7 });
    dismissed.set('long', { rule: 'wrong-word', text: 'x'.repeat(CHECK_STATE_LIMITS.textChars + 1) });
    for (let i = 0; i < CHECK_STATE_LIMITS.dismissed + 500; i++) dismissed.set(`wrong-word\u0000w${i}`, { rule: 'wrong-word', text: `w${i}` });
    corrections.push(Array.from({ length: CHECK_STATE_LIMITS.corrections + 700 }, (_, i) => correction(i)));
    corrections.push([{ kind: 'broken' }, 42]);
  });
  return Y.encodeStateAsUpdate(peer);
}

describe('a peer’s check state is held to the file’s limits', () => {
  const page = samplePage();
  const id = page.articles[1].id;

  it('the desk reads at most the limits, good entries only, the newest corrections', () => {
    const { store } = pageStoreFromFile(page);
    const doc = store.articleDoc(id)!;
    Y.applyUpdate(doc, peerUpdate(), 'remote');
    const state = articleCheckState(doc);
    expect(state.dismissed).toHaveLength(CHECK_STATE_LIMITS.dismissed);
    expect(state.dismissed.every((d) => d.rule === 'wrong-word' && /^w[0-9]+$/.test(d.text))).toBe(true);
    expect(state.corrections).toHaveLength(CHECK_STATE_LIMITS.corrections);
    // the newest: the last 10,000 good ones (700 … 10,699), the two malformed after them left out
    expect(state.corrections[0]).toEqual(correction(700));
    expect(state.corrections.at(-1)).toEqual(correction(CHECK_STATE_LIMITS.corrections + 699));
  });

  it('the page saved from that desk holds no more than a file may, and reads back whole', () => {
    const { store } = pageStoreFromFile(page);
    Y.applyUpdate(store.articleDoc(id)!, peerUpdate(), 'remote');
    const saved = JSON.parse(serializePage(store)) as { proof: { articles: Record<string, { dismissed: unknown[]; corrections: unknown[] }> } };
    expect(saved.proof.articles[id].dismissed).toHaveLength(CHECK_STATE_LIMITS.dismissed);
    expect(saved.proof.articles[id].corrections).toHaveLength(CHECK_STATE_LIMITS.corrections);
    expect(readProofState(saved.proof).dropped).toBe(0);
  });
});
