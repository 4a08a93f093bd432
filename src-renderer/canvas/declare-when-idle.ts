/** The window's idle callbacks (requestIdleCallback), passed in so a test can run them by hand. */
export interface IdleScheduler {
  request(run: () => void): number;
  cancel(handle: number): void;
}

export const windowIdle: IdleScheduler = {
  // The timeout keeps a busy window from never getting them.
  request: (run) => requestIdleCallback(run, { timeout: 1000 }),
  cancel: (handle) => cancelIdleCallback(handle),
};

/** Holds on the loader (holdIdleFaces) not yet released, and the loaders waiting for them to go. */
let holds = 0;
const waitingForRelease = new Set<() => void>();

/**
 * Holds the idle loader while something the user asked for is opened: a face fetched and decoded
 * meanwhile (15 MB, 60–350 ms on the main thread) took the host and the window from it (the
 * edition overview's first open took ~600 ms longer). Returns the release (once is enough).
 */
export function holdIdleFaces(): () => void {
  holds++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holds > 0) return;
    const resume = [...waitingForRelease];
    waitingForRelease.clear();
    for (const r of resume) r();
  };
}

/**
 * Declares faces to the browser one per idle callback. The browser decodes a CJK face on the main
 * thread as it is declared (60–350 ms each on two busy cores, LoadedFonts.declare): all of them in
 * one callback held the window for a second right after the page was drawn. A `declareOne` that
 * returns a promise (a face fetched first) is waited for before the next idle callback is asked:
 * one face in flight at a time, not all fetched at once. None starts while the loader is held
 * (holdIdleFaces). Returns a stop.
 */
export function declareWhenIdle(faceIds: readonly string[], declareOne: (faceId: string) => unknown, idle: IdleScheduler = windowIdle): () => void {
  let next = 0;
  let handle: number | undefined;
  const ask = () => {
    if (next < faceIds.length) handle = idle.request(step);
  };
  const resume = () => ask();
  const step = () => {
    handle = undefined;
    if (holds > 0) return void waitingForRelease.add(resume);
    const done = declareOne(faceIds[next++]);
    if (done instanceof Promise) done.then(ask, ask);
    else ask();
  };
  ask();
  return () => {
    if (handle !== undefined) idle.cancel(handle);
    handle = undefined;
    waitingForRelease.delete(resume);
    next = faceIds.length;
  };
}
