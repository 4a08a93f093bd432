/**
 * What listing the installed fonts read from each file, kept between runs so a listing reads only
 * the files that changed (reading 300 CJK collections' tables takes seconds; a stat each, milliseconds).
 * One JSON file per user in the OS cache folder, shared by the CLI, the app and the web host; an
 * entry is kept under the file's path and holds its size, modification time and status-change time
 * (ctime: a chmod, chown or a file renamed into place changes it, not the modification time): a file
 * whose size or either time differ is read again, so one made unreadable is named at the next listing. The file is only a cache: one that is damaged, too large or of
 * another format version is ignored and written anew; one that cannot be written is left as it is.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FaceInfo } from '../../src-core/fonts/sfnt-info';
import { writeFileAtomic } from '../files/banmian-file';

/** Raise when FaceInfo or what the table reader finds changes: entries of another version are read again. */
const FORMAT_VERSION = 2;
/** The cache file's bound, on reading and on writing (20,000 files of CJK collections fit). */
const MAX_CACHE_BYTES = 32 << 20;

/** A file as it was read: its faces, or what the table reader found wrong with its bytes. */
export type ListedFile = { faces: FaceInfo[] } | { damage: { zh: string; en: string } };
/** What a file is known by: its size and times when read (`fs.Stats` fields). */
export type FileStamp = { size: number; mtimeMs: number; ctimeMs: number };
/** A cache entry: the file's stamp when read, and what was read. */
export type CacheEntry = FileStamp & ListedFile;

/** The stamp of a file's stats. */
export const stampOf = ({ size, mtimeMs, ctimeMs }: FileStamp): FileStamp => ({ size, mtimeMs, ctimeMs });

/** Whether a cache entry was read from the file as it is now. */
export const sameStamp = (a: FileStamp, b: FileStamp): boolean => a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
export type ListingCache = Map<string, CacheEntry>;

/**
 * The cache file: `BANMIAN_CACHE_DIR` when set, else the user's cache folder — `%LOCALAPPDATA%\Banmian\Cache`
 * on Windows, `~/Library/Caches/Banmian` on macOS, `$XDG_CACHE_HOME/banmian` (`~/.cache/banmian`) elsewhere.
 * Not node_modules/.cache: an installed app has no node_modules it may write.
 */
export function listingCacheFile(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const name = 'installed-fonts.json';
  if (env.BANMIAN_CACHE_DIR) return join(env.BANMIAN_CACHE_DIR, name);
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'Banmian', 'Cache', name);
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'Banmian', name);
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'banmian', name);
}

/** The entries of the cache file; an empty cache when it is missing, damaged, too large or of another version. */
export function loadListingCache(file: string): ListingCache {
  const cache: ListingCache = new Map();
  let parsed: unknown;
  try {
    if (statSync(file).size > MAX_CACHE_BYTES) return cache;
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return cache; // missing or not JSON: every file is read, and the cache written anew
  }
  const { version, files } = (parsed ?? {}) as { version?: unknown; files?: unknown };
  if (version !== FORMAT_VERSION || !Array.isArray(files)) return cache;
  for (const item of files) if (Array.isArray(item) && typeof item[0] === 'string' && isEntry(item[1])) cache.set(item[0], item[1]);
  return cache;
}

/**
 * Writes `entries` (this listing's first, then `kept`, as many as the size bound allows) atomically.
 * A folder that cannot be made or written leaves the cache as it was: the next run reads again.
 */
export function saveListingCache(file: string, entries: ListingCache, kept: ListingCache = new Map()): boolean {
  const parts: string[] = [];
  let bytes = 64;
  for (const [path, entry] of [...entries, ...[...kept].filter(([p]) => !entries.has(p))]) {
    const part = JSON.stringify([path, entry]);
    bytes += Buffer.byteLength(part) + 1;
    if (bytes > MAX_CACHE_BYTES) break;
    parts.push(part);
  }
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch {
    return false;
  }
  return writeFileAtomic(file, `{"version":${FORMAT_VERSION},"files":[\n${parts.join(',\n')}\n]}\n`).ok;
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function isEntry(v: unknown): v is CacheEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  if (!isCount(e.size) || typeof e.mtimeMs !== 'number' || typeof e.ctimeMs !== 'number') return false;
  if ('damage' in e) return typeof e.damage === 'object' && e.damage !== null && isText((e.damage as { zh?: unknown }).zh) && isText((e.damage as { en?: unknown }).en);
  return Array.isArray(e.faces) && e.faces.every(isFaceInfo);
}

function isFaceInfo(v: unknown): v is FaceInfo {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  const c = f.coverage as Record<string, unknown> | null;
  const optional = (x: unknown) => x === undefined || isText(x);
  return (
    isCount(f.index) &&
    (f.format === 'truetype' || f.format === 'cff') &&
    isText(f.family) &&
    isText(f.style) &&
    isText(f.postscriptName) &&
    optional(f.familyZh) &&
    optional(f.styleZh) &&
    isCount(f.fsType) &&
    typeof c === 'object' &&
    c !== null &&
    isCount(c.cjkIdeographs) &&
    typeof c.gb2312 === 'boolean'
  );
}
