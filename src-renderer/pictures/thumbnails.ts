import { useEffect, useState } from 'react';
import { base64ToBytes } from '../../src-core/model/base64';
import type { ImageAsset } from '../../src-core/model/document';

/**
 * Thumbnails for the 图片 list, made without holding up the page: the picture's base64 is decoded
 * in slices between frames and the browser decodes and shrinks the picture off the main thread
 * (createImageBitmap). Showing the picture itself in an <img> made Chromium decode all of it on the
 * main thread: four seconds for 100 megapixels.
 */

/** Thumbnail size in CSS px (drawn at twice that for sharp screens). */
export const THUMB = { width: 56, height: 42 } as const;
/** Bigger pictures get no thumbnail: decoding one would take hundreds of MB for a 56-px image. */
export const THUMB_MAX_PIXELS = 50_000_000;
/** Base64 characters decoded per slice (a multiple of 4): about a millisecond's work. */
const SLICE = 1 << 20;

export type Thumbnail = { state: 'pending' } | { state: 'ready'; url: string } | { state: 'none'; zh: string; en: string };

const made = new Map<string, Promise<Thumbnail>>();

const nextFrame = () => new Promise<void>((done) => setTimeout(done, 0));

async function bytesInSlices(data: string): Promise<Uint8Array[] | undefined> {
  const parts: Uint8Array[] = [];
  for (let at = 0; at < data.length; at += SLICE) {
    const part = base64ToBytes(data.slice(at, at + SLICE));
    if (!part) return undefined;
    parts.push(part);
    await nextFrame();
  }
  return parts;
}

async function makeThumbnail(asset: ImageAsset): Promise<Thumbnail> {
  if (!asset.data) return { state: 'none', zh: '占位', en: 'placeholder' };
  if (asset.pixelWidth * asset.pixelHeight > THUMB_MAX_PIXELS) return { state: 'none', zh: '大图无缩略图', en: 'too big for a thumbnail' };
  const parts = await bytesInSlices(asset.data);
  if (!parts) return { state: 'none', zh: '数据损坏', en: 'damaged data' };
  const scale = Math.min((2 * THUMB.width) / asset.pixelWidth, (2 * THUMB.height) / asset.pixelHeight, 1);
  const width = Math.max(1, Math.round(asset.pixelWidth * scale));
  const height = Math.max(1, Math.round(asset.pixelHeight * scale));
  try {
    const bitmap = await createImageBitmap(new Blob(parts as BlobPart[], { type: asset.mime }), { resizeWidth: width, resizeHeight: height, resizeQuality: 'medium' });
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
    bitmap.close();
    return { state: 'ready', url: canvas.toDataURL('image/png') };
  } catch {
    return { state: 'none', zh: '无法显示', en: 'cannot be shown' };
  }
}

/** The thumbnail of a picture, made once per picture data (pending until it is ready). */
export function useThumbnail(asset: ImageAsset): Thumbnail {
  const key = `${asset.id}:${asset.data?.length ?? 0}:${asset.data?.slice(0, 64) ?? ''}`;
  const [thumb, setThumb] = useState<{ key: string; value: Thumbnail }>({ key: '', value: { state: 'pending' } });
  useEffect(() => {
    let live = true;
    let p = made.get(key);
    if (!p) made.set(key, (p = makeThumbnail(asset)));
    void p.then((value) => live && setThumb({ key, value }));
    return () => {
      live = false;
    };
  }, [key, asset]);
  return thumb.key === key ? thumb.value : { state: 'pending' };
}
