import { shrink, type ShrinkAnswer, type ShrinkRequest } from './shrink';

/**
 * Shrinks pictures off the page's thread: Chromium decodes in createImageBitmap off the main
 * thread but resizes a big picture on the calling thread (a 100-megapixel PNG held the page ~1 s).
 */

const scope = self as unknown as { onmessage: ((e: MessageEvent<ShrinkRequest>) => void) | null; postMessage: (answer: ShrinkAnswer) => void };

scope.onmessage = (e) => {
  shrink(e.data).then(
    (blob) => scope.postMessage({ id: e.data.id, blob }),
    () => scope.postMessage({ id: e.data.id }),
  );
};
