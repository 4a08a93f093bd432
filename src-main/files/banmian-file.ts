/**
 * The .banmian file: one UTF-8 JSON document (serializeDocument, with its format version) that
 * carries its images inline as base64 (ImageAsset.data), so one file is the whole page.
 * Saving is atomic: the bytes go to a temporary file in the same folder, are flushed to disk, and
 * the temporary file is renamed over the target, so a crash leaves either the old or the new page,
 * never half of one.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BanmianDocument } from '../../src-core/model/document';
import type { BlockFit } from '../../src-core/model/fit-blocks';
import { parseDocument, serializeDocument } from '../../src-core/model/serialize';

export type FileResult<T> = ({ ok: true } & T) | { ok: false; zh: string; en: string };

/** Larger files are refused before reading: a page with a dozen full-resolution photos is < 200 MB. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code ? `${err.code}: ${err.message}` : String((e as Error)?.message ?? e);
}

export function loadBanmianFile(path: string): FileResult<{ document: BanmianDocument; migratedFrom?: number; fittedBlocks?: BlockFit[] }> {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      return { ok: false, zh: `${path}：文件过大（${(size / 1048576).toFixed(0)} MB）`, en: `${path}: the file is too large (${(size / 1048576).toFixed(0)} MB)` };
    }
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, zh: `找不到文件 ${path}`, en: `File not found: ${path}` };
    if (code === 'EISDIR') return { ok: false, zh: `${path} 是文件夹，不是版面文件`, en: `${path} is a folder, not a page file` };
    return { ok: false, zh: `无法读取 ${path}（${describe(e)}）`, en: `Cannot read ${path} (${describe(e)})` };
  }
  const r = parseDocument(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!r.ok) return { ok: false, zh: `${path}：${r.zh}`, en: `${path}: ${r.en}` };
  const { document, migratedFrom, fittedBlocks } = r;
  return { ok: true, document, ...(migratedFrom !== undefined ? { migratedFrom } : {}), ...(fittedBlocks ? { fittedBlocks } : {}) };
}

/** Writes bytes atomically (temp file in the same folder, fsync, rename; the folder is synced where the OS allows). */
export function writeFileAtomic(path: string, data: Uint8Array | string): FileResult<{ bytes: number }> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
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

export function saveBanmianFile(path: string, doc: BanmianDocument): FileResult<{ bytes: number }> {
  return writeFileAtomic(path, serializeDocument(doc));
}
