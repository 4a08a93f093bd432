import type { BrowserWindow, Dialog } from 'electron';
import { isAbsolute, resolve } from 'node:path';
import type { PageFileEntry } from '../../src-core/host-api';
import { readRecent, type FileAccess } from '../host/page-files';
import { PURPOSE_FILES, type FileKind, type Purpose } from '../host/purposes';

/**
 * Files in Electron: the renderer names a path only after the user chose it in a native dialog or
 * when it is in the recent list; any other path is refused, so a compromised renderer cannot read
 * or overwrite files the user never picked. A grant is for one kind of file (PURPOSE_FILES): a page
 * chosen for opening or saving is not thereby a PDF or PNG export target, nor the reverse.
 */
export function electronFileAccess(dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>, window: () => BrowserWindow | null, stateDir: string): FileAccess {
  const granted = new Map<string, Set<FileKind>>();
  const grant = (abs: string, purpose: Purpose): void => {
    const kinds = granted.get(abs) ?? new Set<FileKind>();
    kinds.add(PURPOSE_FILES[purpose].kind);
    granted.set(abs, kinds);
  };
  for (const e of readRecent(stateDir)) grant(resolve(e.path), 'open');
  return {
    kind: 'electron',
    nativeDialogs: true,
    stateDir,
    async choose(purpose, path, suggestedName) {
      if (path === null) {
        const win = window();
        const title = `${PURPOSE_FILES[purpose].zh} ${PURPOSE_FILES[purpose].en}`;
        let abs: string | undefined;
        if (purpose === 'open') {
          const r = win ? await dialog.showOpenDialog(win, { title, filters: [PURPOSE_FILES.open.filter], properties: ['openFile'] }) : await dialog.showOpenDialog({ title, filters: [PURPOSE_FILES.open.filter], properties: ['openFile'] });
          abs = r.canceled ? undefined : r.filePaths[0];
        } else {
          const opts = { title, defaultPath: suggestedName, filters: [PURPOSE_FILES[purpose].filter] };
          const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
          abs = r.canceled ? undefined : r.filePath;
        }
        if (!abs) return null;
        abs = resolve(abs);
        grant(abs, purpose);
        return { ok: true, abs, shown: abs };
      }
      const use = PURPOSE_FILES[purpose];
      if (!isAbsolute(path) || !granted.get(resolve(path))?.has(use.kind)) {
        return { ok: false, zh: `这个路径未经用户选作“${use.zh}”，请在对话框中选择：${path.slice(0, 200)}`, en: `This path was not chosen by the user for "${use.en}"; choose it in the dialog: ${path.slice(0, 200)}` };
      }
      return { ok: true, abs: resolve(path), shown: path };
    },
    shown: (abs) => abs,
    grant: (abs, purpose) => grant(resolve(abs), purpose),
    listPages: (): PageFileEntry[] => readRecent(stateDir),
  };
}
