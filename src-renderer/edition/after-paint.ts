import { useEffect, useState } from 'react';

/**
 * A value worked out after the frame that shows what is already there: the overview's cards and
 * thumbnails paint first, the figures that only read them (差错率) follow a frame later. Undefined
 * until then, and again (until worked out anew) whenever `input` changes.
 */
export function useAfterPaint<I, T>(input: I, work: (input: I) => T): T | undefined {
  const [done, setDone] = useState<{ input: I; value: T }>();
  useEffect(() => {
    let cancelled = false;
    // the frame after next: rAF runs before this frame's paint, the timeout after it
    const frame = requestAnimationFrame(() => setTimeout(() => cancelled || setDone({ input, value: work(input) }), 0));
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
    };
    // `work` is the caller's pure function of `input`: a new closure each render is no new work
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [input]);
  return done && done.input === input ? done.value : undefined;
}

