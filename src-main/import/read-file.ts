/**
 * Reading one input file safely: only a regular file, its size checked before reading, and never
 * more than the cap read. Opening with O_NONBLOCK means a FIFO named *.txt cannot block the open,
 * and fstat on the open descriptor (not stat on the name) sees what will really be read; a device
 * such as /dev/zero is refused instead of growing without end.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type ReadFile = { ok: true; bytes: Uint8Array } | { ok: false; zh: string; en: string };

const MB = 1048576;

export function kindOf(st: ReturnType<typeof fstatSync>): { zh: string; en: string } {
  if (st.isDirectory()) return { zh: '文件夹', en: 'a folder' };
  if (st.isFIFO()) return { zh: '命名管道（FIFO）', en: 'a named pipe (FIFO)' };
  if (st.isCharacterDevice() || st.isBlockDevice()) return { zh: '设备文件', en: 'a device file' };
  if (st.isSocket()) return { zh: '套接字', en: 'a socket' };
  return { zh: '特殊文件', en: 'a special file' };
}

/** Reads `path` (called `name` in messages) if it is a regular file of at most `cap` bytes. */
export function readRegularFile(path: string, name: string, cap: number): ReadFile {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { ok: false, zh: `无法读取 ${name}：${(e as Error).message}`, en: `cannot read ${name}: ${(e as Error).message}` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      const k = kindOf(st);
      return { ok: false, zh: `${name}：不是普通文件，而是${k.zh}，不能读取`, en: `${name}: not a regular file but ${k.en}; it cannot be read` };
    }
    const tooLarge = (size: number): ReadFile => ({ ok: false, zh: `${name}：文件太大（${(size / MB).toFixed(0)} MB，上限 ${cap / MB} MB）`, en: `${name}: the file is too large (${(size / MB).toFixed(0)} MB, limit ${cap / MB} MB)` });
    if (st.size > cap) return tooLarge(st.size);
    // The size may change between fstat and read (a file still being written): read at most cap + 1.
    const buf = new Uint8Array(Math.min(st.size, cap) + 1);
    let got = 0;
    for (let n; got < buf.length && (n = readSync(fd, buf, got, buf.length - got, null)) > 0; ) got += n;
    if (got > cap) return tooLarge(got);
    return { ok: true, bytes: buf.subarray(0, got) };
  } catch (e) {
    return { ok: false, zh: `无法读取 ${name}：${(e as Error).message}`, en: `cannot read ${name}: ${(e as Error).message}` };
  } finally {
    closeSync(fd);
  }
}
