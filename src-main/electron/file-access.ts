import type { BrowserWindow, Dialog } from 'electron';
import { isAbsolute, resolve } from 'node:path';
import type { PageFileEntry } from '../../src-core/host-api';
import { readRecent, type FileAccess, type Purpose } from '../host/page-files';

const FILTERS: Record<Purpose, { name: string; extensions: string[] }[]> = {
  open: [{ name: '版面文件 Banmian page', extensions: ['banmian'] }],
  save: [{ name: '版面文件 Banmian page', extensions: ['banmian'] }],
  export: [{ name: 'PDF', extensions: ['pdf'] }],
  exportPng: [{ name: 'PNG', extensions: ['png'] }],
};

/**
 * Files in Electron: the renderer names a path only after the user chose it in a native dialog or
 * when it is in the recent list; any other path is refused, so a compromised renderer cannot read
 * or overwrite files the user never picked.
 */
export function electronFileAccess(dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>, window: () => BrowserWindow | null, stateDir: string): FileAccess {
  const granted = new Set<string>(readRecent(stateDir).map((e) => resolve(e.path)));
  return {
    kind: 'electron',
    nativeDialogs: true,
    stateDir,
    async choose(purpose, path, suggestedName) {
      if (path === null) {
        const win = window();
        const title = purpose === 'open' ? '打开版面 Open page' : purpose === 'save' ? '保存版面 Save page' : purpose === 'exportPng' ? '导出校样 PNG Export proof PNG' : '导出 PDF Export PDF';
        let abs: string | undefined;
        if (purpose === 'open') {
          const r = win ? await dialog.showOpenDialog(win, { title, filters: FILTERS.open, properties: ['openFile'] }) : await dialog.showOpenDialog({ title, filters: FILTERS.open, properties: ['openFile'] });
          abs = r.canceled ? undefined : r.filePaths[0];
        } else {
          const opts = { title, defaultPath: suggestedName, filters: FILTERS[purpose] };
          const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
          abs = r.canceled ? undefined : r.filePath;
        }
        if (!abs) return null;
        abs = resolve(abs);
        granted.add(abs);
        return { ok: true, abs, shown: abs };
      }
      if (!isAbsolute(path) || !granted.has(resolve(path))) {
        return { ok: false, zh: `不能直接使用这个路径，请通过“打开”或“另存为”选择：${path.slice(0, 200)}`, en: `This path was not chosen by the user; use Open or Save As: ${path.slice(0, 200)}` };
      }
      return { ok: true, abs: resolve(path), shown: path };
    },
    shown: (abs) => abs,
    grant: (abs) => void granted.add(resolve(abs)),
    listPages: (): PageFileEntry[] => readRecent(stateDir),
  };
}
