import { useEffect, useReducer, useRef } from 'react';

/** Settles once the browser has drawn the next frame: a timer set in the frame's callback runs after it is painted. */
export function nextFrameDrawn(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
}

/**
 * `value`; but while `defer` holds, a new value reaches the caller only once the browser has drawn
 * the next frame. For a heavy panel that follows a gesture: the gesture's own answer (the canvas) is
 * drawn in one frame and the panel's new elements (their style, layout and paint) in the next, so
 * neither frame carries both.
 */
export function useAfterNextFrame<T>(value: T, defer: boolean): T {
  const shown = useRef(value);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  if (!defer) shown.current = value;
  useEffect(() => {
    if (!defer || Object.is(shown.current, value)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A timer set in the frame's callback runs once that frame is drawn.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        shown.current = value;
        redraw();
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value, defer]);
  return shown.current;
}
