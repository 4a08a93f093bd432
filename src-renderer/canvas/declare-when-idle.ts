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

/**
 * Declares faces to the browser one per idle callback. The browser decodes a CJK face on the main
 * thread as it is declared (60–350 ms each on two busy cores, LoadedFonts.declare): all of them in
 * one callback held the window for a second right after the page was drawn. Returns a stop.
 */
export function declareWhenIdle(faceIds: readonly string[], declareOne: (faceId: string) => void, idle: IdleScheduler = windowIdle): () => void {
  let next = 0;
  let handle: number | undefined;
  const step = () => {
    handle = undefined;
    declareOne(faceIds[next++]);
    if (next < faceIds.length) handle = idle.request(step);
  };
  if (faceIds.length > 0) handle = idle.request(step);
  return () => {
    if (handle !== undefined) idle.cancel(handle);
    handle = undefined;
    next = faceIds.length;
  };
}
