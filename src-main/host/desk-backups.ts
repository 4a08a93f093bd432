import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { HostResult } from '../../src-core/host-api';
import { parseDeskBackup, summarizeDeskBackup, type DeskBackup, type DeskBackupSummary } from '../../src-core/collab/desk-backup';
import { isValidId } from '../../src-core/collab/names';
import { writeFileAtomic } from '../files/banmian-file';

/**
 * The desks' backups of shared pages (src-core/collab/desk-backup.ts), one file per page id in the
 * host's state folder (`<state>/desks/<pageId>.json`; the web host's is the pages folder's
 * `.banmian-state/`), written atomically so a crash mid-write leaves the previous copy whole.
 */

const FOLDER = 'desks';
const fileOf = (stateDir: string, pageId: string): string => join(stateDir, FOLDER, `${pageId}.json`);
const fail = <T>(zh: string, en: string): HostResult<T> => ({ ok: false, zh, en });
const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function writeDeskBackup(stateDir: string, pageId: string, backupJson: string): HostResult<{ savedAt: string }> {
  const parsed = parseDeskBackup(backupJson, pageId);
  if (!parsed.ok) return parsed;
  if (parsed.backup.pageId !== pageId) return fail(`备份属于版面 ${parsed.backup.pageId}，不是 ${pageId}`, `The backup belongs to page ${parsed.backup.pageId}, not ${pageId}`);
  try {
    mkdirSync(join(stateDir, FOLDER), { recursive: true, mode: 0o700 });
  } catch (e) {
    return fail(`无法创建备份文件夹：${describe(e)}`, `Cannot create the backup folder: ${describe(e)}`);
  }
  const written = writeFileAtomic(fileOf(stateDir, pageId), backupJson);
  return written.ok ? { ok: true, value: { savedAt: parsed.backup.savedAt } } : written;
}

/** The backup of one page, or null when there is none; a damaged file is reported, never removed. */
export function readDeskBackup(stateDir: string, pageId: string): HostResult<DeskBackup | null> {
  const file = fileOf(stateDir, pageId);
  if (!existsSync(file)) return { ok: true, value: null };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return fail(`无法读取备份 ${file}：${describe(e)}`, `Cannot read the backup ${file}: ${describe(e)}`);
  }
  const parsed = parseDeskBackup(text, file);
  return parsed.ok ? { ok: true, value: parsed.backup } : parsed;
}

/** Every readable backup, newest first (damaged files are skipped; reading one names the problem). */
export function listDeskBackups(stateDir: string): HostResult<DeskBackupSummary[]> {
  const dir = join(stateDir, FOLDER);
  if (!existsSync(dir)) return { ok: true, value: [] };
  const out: DeskBackupSummary[] = [];
  for (const name of readdirSync(dir)) {
    const pageId = name.replace(/\.json$/, '');
    if (pageId === name || !isValidId(pageId)) continue;
    const read = readDeskBackup(stateDir, pageId);
    if (read.ok && read.value) out.push(summarizeDeskBackup(read.value));
  }
  return { ok: true, value: out.sort((a, b) => b.savedAt.localeCompare(a.savedAt)) };
}

export function discardDeskBackup(stateDir: string, pageId: string): HostResult<null> {
  try {
    rmSync(fileOf(stateDir, pageId), { force: true });
    return { ok: true, value: null };
  } catch (e) {
    return fail(`无法删除备份：${describe(e)}`, `Cannot remove the backup: ${describe(e)}`);
  }
}
