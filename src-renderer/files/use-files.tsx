import { useCallback, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { HostApi, HostInfo, HostResult } from '../../src-core/host-api';
import type { Editor } from '../editor/editor';
import type { EditionSession } from '../edition/edition-session';
import { openFind } from '../find/FindBar';
import type { FileActions } from './file-actions';
import type { Failed, SetDialog } from './file-dialog-state';
import { openNewPage } from './NewPageDialog';
import { ConfirmDialog, ExportDialog, PickFileDialog, RecoverDialog, type AnyExportOptions, type DialogState, type ExportFormat } from './FileDialogs';
import { useExport } from './use-export';
import { useImport } from './use-import';
import { useOpenSave } from './use-open-save';
import { useAutosave, useRecoveryOffer, useUnloadGuard } from './use-recovery';

/**
 * The file commands (open, save, save as, import, export), autosave to the recovery file, the
 * recovery offer after a crash, and the unsaved-work guard. Talks to the host only through HostApi.
 * One hook per command family (use-open-save, use-import, use-export, use-recovery); this one holds
 * the one dialog they share and binds them to the command table and the dialogs.
 */
export function useFiles(editor: Editor, host: HostApi, info: HostInfo, edition: EditionSession): { actions: FileActions; dialogs: ReactNode; importDropped: (files: File[], at: { col: number; row: number } | null) => void } {
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const close = useCallback(() => setDialog(null), []);
  const picker = useRef<HTMLInputElement>(null);

  const failed = useCallback(<T,>(r: HostResult<T>): r is { ok: false; zh: string; en: string } => {
    if (r.ok) return false;
    editor.notify({ zh: r.zh, en: r.en });
    return true;
  }, [editor]);

  const openSave = useOpenSave(editor, host, info, setDialog, failed, edition);
  const importFiles = useImport(editor, host, failed);
  const exporting = useExport(editor, host, info, setDialog);
  const actions = useFileActions(editor, host, info, setDialog, failed, { ...openSave, openExport: exporting.openExport, picker, edition });
  useAutosave(editor, host, info);
  const recovery = useRecoveryOffer(editor, host, setDialog);
  useUnloadGuard(editor);

  const dialogs = (
    <FileCommandDialogs
      dialog={dialog}
      close={close}
      picker={picker}
      onPicked={(files) => void importFiles(files)}
      onOpen={(p) => void openSave.doOpen(p)}
      onSave={(p) => void openSave.doSave(p)}
      onExport={(format, p, o) => void exporting.runExport(format, p, o)}
      onOpenExported={(p) => void exporting.openExported(p)}
      onRecover={recovery.recover}
      onDiscardRecovery={recovery.discard}
    />
  );
  return { actions, dialogs, importDropped: (files, at) => void importFiles(files, at) };
}

interface ActionParts {
  doOpen(path: string | null): Promise<void>;
  doSave(path: string | null): Promise<void>;
  saveAs(): Promise<void>;
  openExport(format: ExportFormat): void;
  picker: RefObject<HTMLInputElement | null>;
  edition: EditionSession;
}

/** The file commands of the command table; 新建 and the two 打开 ask first when there is unsaved work. */
function useFileActions(editor: Editor, host: HostApi, info: HostInfo, setDialog: SetDialog, failed: Failed, parts: ActionParts): FileActions {
  const { doOpen, doSave, saveAs, openExport, picker, edition } = parts;
  /** Runs `then` now, or after the user agreed to drop unsaved changes. */
  const guardUnsaved = useCallback((then: () => void) => {
    if (!editor.dirty) return then();
    setDialog({ kind: 'confirm', zh: '当前版面有未保存的修改，要放弃吗？', en: 'The page has unsaved changes. Discard them?', okZh: '放弃修改', okEn: 'Discard', onOk: () => (setDialog(null), then()) });
  }, [editor, setDialog]);

  return useMemo<FileActions>(
    () => ({
      newPage: () => guardUnsaved(openNewPage),
      openRecent: () =>
        guardUnsaved(async () => {
          const recent = await host.recentFiles();
          if (failed(recent)) return;
          setDialog({ kind: 'open', files: recent.value });
        }),
      open: () =>
        guardUnsaved(async () => {
          if (info.nativeDialogs) return doOpen(null);
          const listed = await host.listPages();
          if (failed(listed)) return;
          setDialog({ kind: 'open', files: listed.value });
        }),
      save: () => {
        if (edition.editsPageOf(editor)) return void edition.save(editor, host);
        const path = editor.getState().file.path;
        return path ? void doSave(path) : void saveAs();
      },
      saveAs: () => void saveAs(),
      importFiles: () => picker.current?.click(),
      exportPdf: () => openExport('pdf'),
      exportPng: () => openExport('png'),
      findReplace: openFind,
    }),
    [editor, host, info, guardUnsaved, doOpen, doSave, saveAs, failed, openExport, picker, setDialog, edition],
  );
}

/** The hidden file picker of 导入 and whichever file dialog is open. */
function FileCommandDialogs(props: {
  dialog: DialogState | null;
  close: () => void;
  picker: RefObject<HTMLInputElement | null>;
  onPicked: (files: File[]) => void;
  onOpen: (path: string) => void;
  onSave: (path: string) => void;
  onExport: (format: ExportFormat, path: string | null, options: AnyExportOptions) => void;
  onOpenExported: (path: string) => void;
  onRecover: () => void;
  onDiscardRecovery: () => void;
}) {
  const { dialog, close } = props;
  return (
    <>
      <input
        ref={props.picker}
        type="file"
        multiple
        hidden
        data-testid="import-input"
        accept=".txt,.text,.md,.markdown,.docx,.doc,.wps,.jpg,.jpeg,.png"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          props.onPicked(files);
        }}
      />
      {dialog?.kind === 'open' && <PickFileDialog state={dialog} onChoose={props.onOpen} onCancel={close} />}
      {dialog?.kind === 'save' && <PickFileDialog state={dialog} onChoose={props.onSave} onCancel={close} />}
      {dialog?.kind === 'export' && <ExportDialog key={dialog.format} state={dialog} onExport={(p, o) => props.onExport(dialog.format, p, o)} onOpen={props.onOpenExported} onCancel={close} />}
      {dialog?.kind === 'recover' && <RecoverDialog state={dialog} onRecover={props.onRecover} onDiscard={props.onDiscardRecovery} />}
      {dialog?.kind === 'confirm' && <ConfirmDialog state={dialog} onCancel={close} />}
    </>
  );
}
