/**
 * What a file held when the app last read or wrote it (its size and a SHA-256 of its bytes), so a
 * save can tell whether another program changed the file since: the hash, not the mtime, decides
 * (a file rewritten with the same bytes is unchanged; coarse or copied mtimes cannot hide a change).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

export interface OnDisk {
  size: number;
  sha256: string;
}

export function onDiskOf(bytes: Uint8Array): OnDisk {
  return { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Whether the file at `path` still holds what `expected` recorded; a file gone since is no change to lose. */
export function unchangedOnDisk(path: string, expected: OnDisk): boolean {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw e;
  }
  return size === expected.size && onDiskOf(readFileSync(path)).sha256 === expected.sha256;
}
