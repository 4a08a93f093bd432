/**
 * Every string of a page file's proof state is held to the one limit, CHECK_STATE_LIMITS.textChars:
 * a comment, a thread's quote or a round's name of exactly that many characters is kept, one more
 * drops its entry (counted), like a dismissed finding's text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CHECK_STATE_LIMITS } from '../../src-core/model/proof';
import { readProofState } from '../../src-core/store/persist';

const LIMIT = CHECK_STATE_LIMITS.textChars;
const thread = (text: string) => ({ id: 't1', quote: '加装电梯', round: '一校', resolved: false, comments: [{ author: '王岚', role: '校对', at: '2026-01-01T00:00:00Z', text }] });
const round = (name: string) => ({ name, startedBy: '王岚', startedAt: '2026-01-01T00:00:00Z' });
const dismissed = (text: string) => ({ rule: 'repeated-punctuation', text });
const proof = (text: string) => ({ rounds: [round(text)], articles: { a1: { suggestions: [], threads: [thread(text)], dismissed: [dismissed(text)] } } });

describe('the proof state has one text limit', () => {
  const original = LIMIT;
  afterEach(() => {
    (CHECK_STATE_LIMITS as { textChars: number }).textChars = original;
  });

  it('keeps strings of exactly the limit and drops each entry one character over it', () => {
    const at = readProofState(proof('字'.repeat(LIMIT)));
    expect(at.dropped).toBe(0);
    expect(at.state!.rounds).toHaveLength(1);
    expect(at.state!.articles.a1!.threads[0]!.comments[0]!.text).toHaveLength(LIMIT);
    expect(at.state!.articles.a1!.dismissed).toHaveLength(1);
    const over = readProofState(proof('字'.repeat(LIMIT + 1)));
    expect(over.dropped).toBe(3);
    expect(over.state!.rounds).toEqual([]);
    expect(over.state!.articles.a1!.threads).toEqual([]);
    expect(over.state!.articles.a1!.dismissed).toBeUndefined();
  });

  it('follows the limit where it is declared (comments and rounds with the dismissed findings)', () => {
    // 24: above every other string of the fixture (the 20-character times), far below the real limit
    (CHECK_STATE_LIMITS as { textChars: number }).textChars = 24;
    const over = readProofState(proof('字'.repeat(25)));
    expect(over.dropped).toBe(3);
    const at = readProofState(proof('字'.repeat(24)));
    expect(at.dropped).toBe(0);
    expect(at.state!.articles.a1!.threads).toHaveLength(1);
  });
});
