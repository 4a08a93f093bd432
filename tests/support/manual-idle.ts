import type { IdleScheduler } from '../../src-renderer/canvas/declare-when-idle';

/** Idle callbacks run by hand, one at a time, as the window would give them. */
export function manualIdle(): IdleScheduler & { runNext(): boolean; pending(): number } {
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
