/**
 * The .banmian file: one UTF-8 JSON document (serializeDocument, with its format version) that
 * carries its images inline as base64 (ImageAsset.data), so one file is the whole page; or an
 * edition file (serializeEdition, format version 2), the day's pages in one file the same way.
 * Saving is atomic: the bytes go to a temporary file in the same folder, are flushed to disk, and
 * the temporary file is renamed over the target, so a crash leaves either the old or the new page,
 * never half of one. The save keeps what the user set up around the file: its permissions (a 0600
 * page stays 0600) and a symlink (the link's target gets the new bytes, the link stays a link).
 * A save that was killed half-way leaves its temporary file; the next save or open of that file
 * removes it (it is named after the file and the process that wrote it).
 */
import { closeSync, fchmodSync, fsyncSync, lstatSync, openSync, readdirSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { BanmianDocument } from '../../src-core/model/document';
import type { BlockFit } from '../../src-core/model/fit-blocks';
import { parseDocument, serializeDocument, type LoadResult } from '../../src-core/model/serialize';
import type { EditionDocument } from '../../src-core/edition/edition';
import { openAny, pageOrEdition, serializeEdition, type OpenedFile } from '../../src-core/edition/edition-file';
import { onDiskOf, unchangedOnDisk, type OnDisk } from './on-disk';
import { readRegularFile } from '../import/read-file';

export type FileResult<T> = ({ ok: true } & T) | { ok: false; zh: string; en: string };

/** Larger files are refused before reading: a page with a dozen full-resolution photos is < 200 MB. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code ? `${err.code}: ${err.message}` : String((e as Error)?.message ?? e);
}

/** The file a write to `path` should replace: the target of a symlink (even a dangling one), else `path`. */
function writeTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      if (lstatSync(path).isSymbolicLink()) return resolve(dirname(path), readlinkSync(path));
    } catch {
      // not there yet: a new file
    }
    return path;
  }
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function tempName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/**
 * Removes the temporary files that killed saves of `target` left behind: those of this process
 * (its saves are synchronous, so none is under way now) and of processes that no longer run.
 */
export function removeStaleTemps(target: string): number {
  const pattern = new RegExp(`^\\.${escapeRe(basename(target))}\\.(\\d+)\\.[0-9a-z]+\\.tmp$`);
  let removed = 0;
  try {
    for (const name of readdirSync(dirname(target))) {
      const pid = Number(pattern.exec(name)?.[1]);
      if (!pid || (pid !== process.pid && processAlive(pid))) continue;
      try {
        unlinkSync(join(dirname(target), name));
        removed++;
      } catch {
        // someone else removed it, or the folder is read-only: nothing to clean then
      }
    }
  } catch {
    // an unreadable folder has nothing we can clean
  }
  return removed;
}

/** The file's text (and what it held, for a later save's check), size-checked before it is read; errors name the file. */
function readBanmianText(path: string): FileResult<{ text: string; onDisk: OnDisk }> {
  removeStaleTemps(writeTarget(path));
  try {
    if (statSync(path).isDirectory()) return { ok: false, zh: `${path} 是文件夹，不是版面文件`, en: `${path} is a folder, not a page file` };
    // a regular file only, read bounded: a device or a pipe named *.banmian is refused, never read without end
    const read = readRegularFile(path, path, MAX_FILE_BYTES);
    if (!read.ok) return read;
    const bytes = Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength);
    const text = bytes.toString('utf8');
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, onDisk: onDiskOf(bytes) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, zh: `找不到文件 ${path}`, en: `File not found: ${path}` };
    if (code === 'EISDIR') return { ok: false, zh: `${path} 是文件夹，不是版面文件`, en: `${path} is a folder, not a page file` };
    return { ok: false, zh: `无法读取 ${path}（${describe(e)}）`, en: `Cannot read ${path} (${describe(e)})` };
  }
}

export function loadBanmianFile(path: string): FileResult<{ document: BanmianDocument; migratedFrom?: number; fittedBlocks?: BlockFit[] }> {
  const read = readBanmianText(path);
  return read.ok ? pageOf(path, parseDocument(read.text)) : read;
}

/** A page file's parse as the file's result: errors name the file. */
function pageOf(path: string, r: LoadResult): FileResult<{ document: BanmianDocument; migratedFrom?: number; fittedBlocks?: BlockFit[] }> {
  if (!r.ok) return { ok: false, zh: `${path}：${r.zh}`, en: `${path}: ${r.en}` };
  const { document, migratedFrom, fittedBlocks } = r;
  return { ok: true, document, ...(migratedFrom !== undefined ? { migratedFrom } : {}), ...(fittedBlocks ? { fittedBlocks } : {}) };
}

/**
 * What the app's 打开 opens: a page file as a page (as `loadBanmianFile`), an edition file as the
 * edition, pages sharing a number allowed (the overview flags them; print refuses them); with what
 * the file held (`onDisk`), so that saving over it can check nobody else changed it since.
 */
export function loadPageOrEdition(path: string): FileResult<({ document: BanmianDocument; migratedFrom?: number; fittedBlocks?: BlockFit[] } | { edition: EditionDocument }) & { onDisk: OnDisk }> {
  const read = readBanmianText(path);
  if (!read.ok) return read;
  // the text parsed once (an edition file is megabytes): its version read from what it parsed to
  const r = pageOrEdition(read.text, { duplicateNumbers: 'allow' });
  if (r.ok && 'edition' in r) return { ok: true, edition: r.edition, onDisk: read.onDisk };
  const page = pageOf(path, r);
  return page.ok ? { ...page, onDisk: read.onDisk } : page;
}

/** A page file (opened as a one-page edition, the page kept as it opened) or an edition file. */
export function loadAnyFile(path: string): OpenedFile {
  const read = readBanmianText(path);
  if (!read.ok) return read;
  const r = openAny(read.text);
  return r.ok ? r : { ok: false, zh: `${path}：${r.zh}`, en: `${path}: ${r.en}` };
}

/** Refused when the file no longer holds what it held when it was opened or last saved (another program wrote it). */
function changedSince(path: string, target: string, expected: OnDisk | undefined): FileResult<object> {
  try {
    if (!expected || unchangedOnDisk(target, expected)) return { ok: true };
    return {
      ok: false,
      zh: `${path} 在打开后已被其他程序修改，未保存（磁盘上的文件未改动）；请另存为其他文件名`,
      en: `${path} was changed on disk by another program since it was opened; nothing was saved (the file on disk is unchanged). Save it under another name.`,
    };
  } catch (e) {
    return { ok: false, zh: `无法检查 ${path} 是否已被其他程序修改（${describe(e)}），未保存`, en: `Cannot check whether ${path} was changed by another program (${describe(e)}); nothing was saved` };
  }
}

/**
 * Writes bytes atomically (temp file in the same folder, fsync, rename; the folder is synced where
 * the OS allows). With `unchangedSince`, refused (nothing written) when the file on disk no longer
 * holds those bytes.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string, unchangedSince?: OnDisk): FileResult<{ bytes: number }> {
  const target = writeTarget(path);
  const dir = dirname(target);
  removeStaleTemps(target);
  const unchanged = changedSince(path, target, unchangedSince);
  if (!unchanged.ok) return unchanged;
  const temp = tempName(target);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let mode: number | undefined;
  try {
    mode = statSync(target).mode & 0o7777;
  } catch {
    // a new file: the default permissions
  }
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode ?? 0o644);
    // open's mode passes through the umask; the existing file's mode is restored exactly
    if (mode !== undefined) fchmodSync(fd, mode);
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing; the first error is the one to report
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // the temp file may not exist
    }
    return { ok: false, zh: `无法保存 ${path}（${describe(e)}），原文件未改动`, en: `Cannot save ${path} (${describe(e)}); the existing file is unchanged` };
  }
  try {
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // Some platforms (Windows) cannot fsync a folder; the rename is still atomic there.
  }
  return { ok: true, bytes: bytes.length };
}

/** Writes a page or edition's text; `unchangedSince` as writeFileAtomic's. Answers what the file now holds. */
function saveText(path: string, text: string, unchangedSince?: OnDisk): FileResult<{ bytes: number; onDisk: OnDisk }> {
  const bytes = Buffer.from(text, 'utf8');
  const w = writeFileAtomic(path, bytes, unchangedSince);
  return w.ok ? { ...w, onDisk: onDiskOf(bytes) } : w;
}

export function saveBanmianFile(path: string, doc: BanmianDocument, unchangedSince?: OnDisk): FileResult<{ bytes: number; onDisk: OnDisk }> {
  return saveText(path, serializeDocument(doc), unchangedSince);
}

export function saveEditionFile(path: string, edition: EditionDocument, unchangedSince?: OnDisk): FileResult<{ bytes: number; onDisk: OnDisk }> {
  return saveText(path, serializeEdition(edition), unchangedSince);
}
