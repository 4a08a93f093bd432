import { useEffect, useMemo, useState } from 'react';
import { base64ToBytes } from '../../src-core/model/base64';
import type { ImageAsset } from '../../src-core/model/document';
import { shrink, type ShrinkAnswer, type ShrinkRequest } from './shrink';
import { assetHref } from '../../src-core/model/asset-href';

/**
 * Smaller copies of big pictures, made without holding up the page: the base64 is decoded in
 * slices between frames, and a worker decodes and shrinks the picture (shrink-worker.ts). Drawn as they are, a 100-megapixel picture
 * held the page for 0.2–0.4 s on the canvas and ~4 s as an <img> in the 图片 list.
 */

/** Pictures up to this size are drawn on the page as they are; bigger ones as a copy PREVIEW_SIDE px long. */
export const PREVIEW_MAX_PIXELS = 16_000_000;
const PREVIEW_SIDE = 2048;
/** Thumbnail size in CSS px (made at twice that for sharp screens). */
export const THUMB = { width: 56, height: 42 } as const;
/** Base64 characters decoded per slice (a multiple of 4): about a millisecond's work. */
const SLICE = 1 << 20;

export type Picture = { state: 'pending' } | { state: 'ready'; url: string } | { state: 'none'; zh: string; en: string };

const NONE_PLACEHOLDER: Picture = { state: 'none', zh: '占位', en: 'placeholder' };
const NONE_UNREADABLE: Picture = { state: 'none', zh: '无法显示', en: 'cannot be shown' };

const nextFrame = () => new Promise<void>((done) => setTimeout(done, 0));

async function blobInSlices(asset: ImageAsset & { data: string }): Promise<Blob | undefined> {
  const parts: BlobPart[] = [];
  for (let at = 0; at < asset.data.length; at += SLICE) {
    const part = base64ToBytes(asset.data.slice(at, at + SLICE));
    if (!part) return undefined;
    parts.push(part as BlobPart);
    await nextFrame();
  }
  return new Blob(parts, { type: asset.mime });
}

/** The one worker that shrinks pictures, started when the first picture needs it; null when it cannot start. */
let worker: Worker | null | undefined;
let asked = 0;
const waiting = new Map<number, ShrinkRequest & { done: (blob: Blob | undefined) => void }>();

/** Without a worker (a host that refuses one) the pictures are shrunk here: slower for a huge one, never missing. */
function withoutWorker(): void {
  worker = null;
  for (const w of waiting.values()) shrink(w).then(w.done, () => w.done(undefined));
  waiting.clear();
}

function shrinker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./shrink-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<ShrinkAnswer>) => {
      waiting.get(e.data.id)?.done(e.data.blob);
      waiting.delete(e.data.id);
    };
    worker.onerror = withoutWorker;
  } catch {
    worker = null;
  }
  return worker;
}

/** The picture in `source` shrunk to fit maxW × maxH (never enlarged), as a JPEG blob. */
function shrunk(source: Blob, pw: number, ph: number, maxW: number, maxH: number): Promise<Blob | undefined> {
  const scale = Math.min(maxW / pw, maxH / ph, 1);
  const request: ShrinkRequest = { id: ++asked, source, width: Math.max(1, Math.round(pw * scale)), height: Math.max(1, Math.round(ph * scale)) };
  return new Promise((done) => {
    const w = shrinker();
    if (!w) return void shrink(request).then(done, () => done(undefined));
    waiting.set(request.id, { ...request, done });
    w.postMessage(request);
  });
}

/** One promise per picture data and purpose: a picture is decoded once however often it is shown. */
const made = new Map<string, Promise<Blob | undefined>>();

const keyOf = (asset: ImageAsset) => `${asset.id}:${asset.data?.length ?? 0}:${asset.data?.slice(-64) ?? ''}`;
const isBig = (asset: ImageAsset) => asset.pixelWidth * asset.pixelHeight > PREVIEW_MAX_PIXELS;

function once(asset: ImageAsset, purpose: 'preview' | 'thumb', make: (data: ImageAsset & { data: string }) => Promise<Blob | undefined>): Promise<Blob | undefined> {
  const key = `${purpose}|${keyOf(asset)}`;
  let p = made.get(key);
  if (!p) made.set(key, (p = asset.data ? make(asset as ImageAsset & { data: string }) : Promise.resolve(undefined)));
  return p;
}

/** What the page draws for a big picture: a copy at most PREVIEW_SIDE px long. */
function previewOf(asset: ImageAsset): Promise<Blob | undefined> {
  return once(asset, 'preview', async (a) => {
    const blob = await blobInSlices(a);
    return blob && shrunk(blob, a.pixelWidth, a.pixelHeight, PREVIEW_SIDE, PREVIEW_SIDE);
  });
}

/** The 图片 list's thumbnail: shrunk from the picture, or from its preview when it is big. */
function thumbnailOf(asset: ImageAsset): Promise<Blob | undefined> {
  return once(asset, 'thumb', async (a) => {
    const source = isBig(a) ? await previewOf(a) : await blobInSlices(a);
    return source && shrunk(source, a.pixelWidth, a.pixelHeight, 2 * THUMB.width, 2 * THUMB.height);
  });
}

/** blob: URLs, one per blob for the page's life (a handful of small copies). */
const urls = new WeakMap<Blob, string>();
function urlOf(blob: Blob): string {
  let url = urls.get(blob);
  if (!url) urls.set(blob, (url = URL.createObjectURL(blob)));
  return url;
}

/** Follows a promise per key: its value once settled, pending before. */
function useSettled<T>(key: string, start: () => Promise<T>): { key: string; value: T } | undefined {
  const [got, setGot] = useState<{ key: string; value: T } | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void start().then((value) => live && setGot({ key, value }));
    return () => {
      live = false;
    };
  }, [key]); // `start` reads only what `key` names
  return got?.key === key ? got : undefined;
}

export function useThumbnail(asset: ImageAsset): Picture {
  const got = useSettled(keyOf(asset), () => thumbnailOf(asset));
  if (!asset.data) return NONE_PLACEHOLDER;
  if (!got) return { state: 'pending' };
  return got.value ? { state: 'ready', url: urlOf(got.value) } : NONE_UNREADABLE;
}

/**
 * The href the page draws each picture with: its own bytes as a data: URL, or for a big picture
 * its preview once that is made (until then the page shows the empty frame).
 */
export function usePictureHrefs(images: readonly ImageAsset[]): Map<string, string> {
  const big = images.filter((i) => i.data && i.mime !== 'application/pdf' && isBig(i));
  const bigKey = big.map(keyOf).join('\n');
  const previews = useSettled(bigKey, () => Promise.all(big.map(async (i) => [i.id, await previewOf(i)] as const)));
  return useMemo(() => {
    const ready = new Map((previews?.value ?? []).flatMap(([id, blob]) => (blob ? [[id, urlOf(blob)] as const] : [])));
    const map = new Map<string, string>();
    for (const i of images) {
      if (!i.data) continue;
      const href = i.mime !== 'application/pdf' && isBig(i) ? ready.get(i.id) : assetHref(i);
      if (href) map.set(i.id, href);
    }
    return map;
  }, [images, previews]);
}
