/**
 * Shrinks a picture off the page's thread: Chromium decodes in createImageBitmap off the main
 * thread but resizes a big one on the calling thread (a 100-megapixel PNG held the page for ~1 s).
 */

export interface ShrinkRequest {
  id: number;
  source: Blob;
  width: number;
  height: number;
}

export interface ShrinkAnswer {
  id: number;
  blob?: Blob;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<ShrinkRequest>) => void) | null; postMessage: (answer: ShrinkAnswer) => void };

async function shrink({ source, width, height }: ShrinkRequest): Promise<Blob | undefined> {
  const bitmap = await createImageBitmap(source, { resizeWidth: width, resizeHeight: height, resizeQuality: 'medium' });
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) return undefined;
  // JPEG has no transparency: a PNG's clear parts show as the paper they print on.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
}

scope.onmessage = (e) => {
  shrink(e.data).then(
    (blob) => scope.postMessage({ id: e.data.id, blob }),
    () => scope.postMessage({ id: e.data.id }),
  );
};
