/**
 * The overview's watcher of who is on which page (src-renderer/edition/server-presence.ts), driven by
 * a fake directory and a hand-run timer: one question at a time, answers to an older question
 * dropped, a failure keeps the last good answer and says why.
 */
import { describe, expect, it } from 'vitest';
import type { PageEntry } from '../../src-core/collab/directory';
import type { Fetch } from '../../src-renderer/collab/session/directory-client';
import { PRESENCE_POLL_MS, ServerPresence } from '../../src-renderer/edition/server-presence';

const entry = (id: string, people: PageEntry['people']): PageEntry => ({ id, paper: '洛阳日报', date: '2026-12-03', pageNumber: '01', people });

/** A directory whose answers the test releases one by one. */
function fakeDirectory() {
  const asked: { url: string; token: string; answer: (status: number, body: unknown) => void }[] = [];
  const fetchImpl: Fetch = (url, init) =>
    new Promise((resolve) => asked.push({ url, token: init.headers.authorization, answer: (status, body) => resolve({ status, json: async () => body }) }));
  const timers: { run: () => void; ms: number }[] = [];
  const schedule = (run: () => void, ms: number) => {
    timers.push({ run, ms });
    return 0 as unknown as ReturnType<typeof setTimeout>;
  };
  return { asked, timers, presence: new ServerPresence(fetchImpl, schedule) };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const list = (pages: PageEntry[]) => ({ person: { name: '钱值班', role: '值班编辑' }, pages });

describe('ServerPresence', () => {
  it('asks the directory, keeps asking every PRESENCE_POLL_MS one question at a time, and drops answers after a pause', async () => {
    const { asked, timers, presence } = fakeDirectory();
    presence.watch('ws://127.0.0.1:1234/', ' bm1.x ');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ url: 'http://127.0.0.1:1234/pages', token: 'Bearer bm1.x' });
    expect(timers).toHaveLength(0); // no second question while the first is unanswered
    asked[0].answer(200, list([entry('p1', [{ name: '王组版', role: '组版' }])]));
    await settle();
    expect(presence.current()).toMatchObject({ entries: [{ id: 'p1', people: [{ name: '王组版', role: '组版' }] }], person: { name: '钱值班' } });
    expect(timers.map((t) => t.ms)).toEqual([PRESENCE_POLL_MS]);
    timers[0].run();
    expect(asked).toHaveLength(2);
    // the server fails: the last answer stays, the failure is said
    asked[1].answer(401, { reason: 'banmian:bad-token' });
    await settle();
    expect(presence.current().entries?.[0].id).toBe('p1');
    expect(presence.current().error?.zh).toContain('令牌');
    // A refused token is not asked again by itself (every 2 s the server would lock the address out).
    expect(timers).toHaveLength(1);
    presence.resume();
    expect(asked).toHaveLength(3);
    presence.pause();
    asked[2].answer(200, list([]));
    await settle();
    expect(presence.current().entries?.[0].id).toBe('p1');
    expect(timers).toHaveLength(1);
    presence.resume();
    asked[3].answer(200, list([]));
    await settle();
    expect(presence.current()).toMatchObject({ entries: [], error: undefined });
    presence.stop();
    expect(presence.current()).toMatchObject({ server: null, entries: null });
  });
});
