import { describe, expect, it } from 'vitest';
import { declareWhenIdle, type IdleScheduler } from '../../src-renderer/canvas/declare-when-idle';

/** Idle callbacks run by hand, one at a time, as the window would give them. */
function manualIdle(): IdleScheduler & { runNext(): boolean; pending(): number } {
  const queue = new Map<number, () => void>();
  let id = 0;
  return {
    request: (run) => (queue.set(++id, run), id),
    cancel: (h) => void queue.delete(h),
    runNext() {
      const first = queue.entries().next();
      if (first.done) return false;
      queue.delete(first.value[0]);
      first.value[1]();
      return true;
    },
    pending: () => queue.size,
  };
}

describe('the faces the first page did not need are declared when the window is idle', () => {
  it('one face per idle callback, in order, none before the first', () => {
    const idle = manualIdle();
    const declared: string[][] = [];
    declareWhenIdle(['song-bold', 'kai-regular', 'kai-bold'], (id) => declared.push([id]), idle);
    expect(declared).toEqual([]);
    idle.runNext();
    expect(declared).toEqual([['song-bold']]);
    idle.runNext();
    idle.runNext();
    expect(declared).toEqual([['song-bold'], ['kai-regular'], ['kai-bold']]);
    expect(idle.runNext()).toBe(false);
  });

  it('stopping (the window closes the page) leaves the rest undeclared and no callback waiting', () => {
    const idle = manualIdle();
    const declared: string[] = [];
    const stop = declareWhenIdle(['a', 'b', 'c'], (id) => declared.push(id), idle);
    idle.runNext();
    stop();
    expect(idle.pending()).toBe(0);
    expect(declared).toEqual(['a']);
  });
});
