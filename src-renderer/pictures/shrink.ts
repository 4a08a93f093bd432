/** What the shrinking is asked: the picture and the size of the copy. */
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

/** The picture decoded at the copy's size and written as JPEG (in the worker, or here when no worker can start). */
export async function shrink({ source, width, height }: ShrinkRequest): Promise<Blob | undefined> {
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
