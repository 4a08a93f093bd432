import type { ImageCrop } from '../model/document';
import type { Rect } from './page-layout';

/**
 * Where a picture of pw×ph pixels lies for a frame and a crop (the picture is clipped to the frame):
 * 'fill' covers the frame, 'fit' shows all of it; `scale` multiplies that size; the offsets move the
 * picture's centre by a fraction of the frame's width and height.
 */
export function picturePlacement(frame: Rect, pw: number, ph: number, crop: ImageCrop): Rect {
  const base = crop.fit === 'fit' ? Math.min(frame.width / pw, frame.height / ph) : Math.max(frame.width / pw, frame.height / ph);
  const s = base * (crop.scale ?? 1);
  const width = pw * s;
  const height = ph * s;
  return {
    x: frame.x + (frame.width - width) / 2 + (crop.offsetX ?? 0) * frame.width,
    y: frame.y + (frame.height - height) / 2 + (crop.offsetY ?? 0) * frame.height,
    width,
    height,
  };
}
