/**
 * Inflating with a hard output cap, in plain TypeScript: the platform's DecompressionStream (Node,
 * Electron and every browser have it; src-core has no DOM lib, so it is reached through globalThis
 * like TextDecoder). Input goes in small slices and output is counted as it comes, so a
 * decompression bomb is stopped after at most `cap` bytes plus one slice's worth (deflate expands
 * at most about 1032:1, so one 16 KB slice makes at most about 17 MB).
 */

interface ReadResult {
  done: boolean;
  value?: Uint8Array;
}
interface StreamReader {
  read(): Promise<ReadResult>;
  cancel(): Promise<void>;
}
interface ByteStream {
  pipeThrough(t: unknown): { getReader(): StreamReader };
}
interface StreamGlobals {
  ReadableStream: new (source: { pull(c: { enqueue(b: Uint8Array): void; close(): void }): void }) => ByteStream;
  DecompressionStream: new (format: 'deflate' | 'deflate-raw') => unknown;
}
const platform = globalThis as unknown as StreamGlobals;

const SLICE = 16 * 1024;

export type Inflated =
  | { ok: true; bytes: Uint8Array }
  /** The data inflates to more than `cap` bytes. */
  | { ok: false; reason: 'too-large' }
  /** Not a complete, well-formed deflate (or zlib) stream. */
  | { ok: false; reason: 'damaged' };

/**
 * Inflates raw deflate ('deflate-raw', as in ZIP) or zlib ('deflate', as in PNG) data, refusing
 * once the output passes `cap`. With `keep: false` the output is only counted (bytes is empty).
 */
export async function inflateCapped(data: Uint8Array, format: 'deflate' | 'deflate-raw', cap: number, keep = true): Promise<Inflated> {
  let at = 0;
  const source = new platform.ReadableStream({
    pull(c) {
      if (at >= data.length) return c.close();
      c.enqueue(data.slice(at, at + SLICE));
      at += SLICE;
    },
  });
  const reader = source.pipeThrough(new platform.DecompressionStream(format)).getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || !value) break;
      total += value.length;
      if (total > cap) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'too-large' };
      }
      if (keep) parts.push(value);
    }
  } catch (e) {
    // Bytes after the end of a complete stream are ignored, as zlib-based readers do.
    if ((e as { code?: string }).code !== 'ERR_TRAILING_JUNK_AFTER_STREAM_END') return { ok: false, reason: 'damaged' };
  }
  return { ok: true, bytes: keep ? join(parts, total) : new Uint8Array(0) };
}

function join(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
