import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ExportOptions, HostApi, HostInfo, HostResult } from '../../src-core/host-api';
import { serializePage } from '../../src-core/store/persist';
import type { Editor } from '../editor/editor';
import { openFind } from '../find/FindBar';
import type { FileActions } from '../workspace/commands';
import { openNewPage } from './NewPageDialog';
import { ConfirmDialog, ExportDialog, PickFileDialog, RecoverDialog, type DialogState } from './FileDialogs';

/**
 * The file commands (open, save, save as, import, export), autosave to the recovery file, the
 * recovery offer after a crash, and the unsaved-work guard. Talks to the host only through HostApi.
 */

const readAsBase64 = (file: File): Promise<string> =>
  new Promise((done, fail) => {
    const reader = new FileReader();
    reader.onload = () => done(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => fail(reader.error);
    reader.readAsDataURL(file);
  });

export function useFiles(editor: Editor, host: HostApi, info: HostInfo): { actions: FileActions; dialogs: ReactNode; importDropped: (files: File[], at: { col: number; row: number } | null) => void } {
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const close = useCallback(() => setDialog(null), []);
  const picker = useRef<HTMLInputElement>(null);
  const recovered = useRef<{ doc: unknown } | null>(null);

  const failed = useCallback(<T,>(r: HostResult<T>): r is { ok: false; zh: string; en: string } => {
    if (r.ok) return false;
    editor.notify({ zh: r.zh, en: r.en });
    return true;
  }, [editor]);

  /** Runs `then` now, or after the user agreed to drop unsaved changes. */
  const guardUnsaved = useCallback((then: () => void) => {
    if (!editor.dirty) return then();
    setDialog({ kind: 'confirm', zh: '当前版面有未保存的修改，要放弃吗？', en: 'The page has unsaved changes. Discard them?', okZh: '放弃修改', okEn: 'Discard', onOk: () => (setDialog(null), then()) });
  }, [editor]);

  const doOpen = useCallback(async (path: string | null) => {
    setDialog(null);
    const r = await host.openPage(path);
    if (failed(r) || !r.value) return;
    editor.replaceDocument(r.value.document, { path: r.value.path, title: r.value.title });
    void host.discardRecovery();
    if (r.value.migratedFrom !== undefined) editor.notify({ zh: `已从第 ${r.value.migratedFrom} 版文件格式升级`, en: `Upgraded from file format version ${r.value.migratedFrom}` }, 'info');
  }, [editor, host, failed]);

  const doSave = useCallback(async (path: string | null) => {
    setDialog(null);
    const revision = editor.getState().revision;
    const r = await host.savePage(serializePage(editor.pageStore, editor.getState().doc), path);
    if (failed(r) || !r.value) return;
    editor.markSaved(r.value.path, r.value.title, revision);
    void host.discardRecovery();
    editor.notify({ zh: `已保存 ${r.value.title}`, en: `Saved ${r.value.title}` }, 'info');
  }, [editor, host, failed]);

  const saveAs = useCallback(async () => {
    if (info.nativeDialogs) return doSave(null);
    const listed = await host.listPages();
    const title = editor.getState().file.title;
    setDialog({ kind: 'save', files: listed.ok ? listed.value : [], suggested: title.endsWith('.banmian') ? title : 'page.banmian' });
  }, [info, host, editor, doSave]);

  const importFiles = useCallback(async (files: File[], at: { col: number; row: number } | null = null) => {
    if (files.length === 0) return;
    editor.notify({ zh: `正在导入 ${files.length} 个文件…`, en: `Importing ${files.length} file(s)…` }, 'info');
    let payload;
    try {
      payload = await Promise.all(files.map(async (f) => ({ name: f.name, base64: await readAsBase64(f) })));
    } catch (e) {
      return editor.notify({ zh: `无法读取文件：${String(e)}`, en: `Cannot read the files: ${String(e)}` });
    }
    const r = await host.importFiles(payload);
    if (failed(r)) return;
    const { articles, images, errors, imageLinks } = r.value;
    editor.importAndPlace(articles, images, at, new Map(imageLinks.map((l) => [l.imageId, l.caption])));
    const problems = errors.map((e) => e.zh).join('；');
    const problemsEn = errors.map((e) => e.en).join('; ');
    editor.notify(
      { zh: `已导入 ${articles.length} 篇稿件、${images.length} 张图片${problems ? `；${problems}` : ''}`, en: `Imported ${articles.length} article(s), ${images.length} image(s)${problemsEn ? `; ${problemsEn}` : ''}` },
      errors.length ? 'error' : 'info',
    );
  }, [editor, host, failed]);

  const runExport = useCallback(async (path: string | null, options: ExportOptions) => {
    setDialog((d) => (d?.kind === 'export' ? { ...d, busy: true, error: undefined } : d));
    const r = await host.exportPdf(serializePage(editor.pageStore, editor.getState().doc), path, options);
    setDialog((d) => {
      if (d?.kind !== 'export') return d;
      if (!r.ok) return { ...d, busy: false, error: { zh: r.zh, en: r.en } };
      if (!r.value) return { ...d, busy: false };
      return { ...d, busy: false, outcome: r.value };
    });
  }, [editor, host]);

  const actions = useMemo<FileActions>(
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
        const path = editor.getState().file.path;
        return path ? void doSave(path) : void saveAs();
      },
      saveAs: () => void saveAs(),
      importFiles: () => picker.current?.click(),
      exportPdf: () => {
        const title = editor.getState().file.title.replace(/\.banmian$/, '');
        setDialog({ kind: 'export', native: info.nativeDialogs, suggested: `${title || 'page'}.pdf`, busy: false });
      },
      findReplace: openFind,
    }),
    [editor, host, info, guardUnsaved, doOpen, doSave, saveAs, failed],
  );

  // Autosave: every autosaveSeconds, when there are changes the recovery file does not have yet.
  useEffect(() => {
    let autosaved = editor.getState().revision;
    const timer = setInterval(() => {
      const s = editor.getState();
      if (!editor.dirty || s.revision === autosaved) return;
      const revision = s.revision;
      void host.writeRecovery(serializePage(editor.pageStore, s.doc), s.file.path, s.file.title).then((r) => {
        if (r.ok) autosaved = revision;
        else editor.notify({ zh: r.zh, en: r.en });
      });
    }, Math.max(1, info.autosaveSeconds) * 1000);
    return () => clearInterval(timer);
  }, [editor, host, info]);

  // After a crash: offer the autosaved page.
  useEffect(() => {
    let cancelled = false;
    void host.readRecovery().then((r) => {
      if (cancelled) return;
      if (!r.ok) return editor.notify({ zh: r.zh, en: r.en });
      if (!r.value) return;
      recovered.current = { doc: r.value };
      setDialog({ kind: 'recover', title: r.value.title, savedAt: r.value.savedAt });
    });
    return () => {
      cancelled = true;
    };
  }, [editor, host]);

  // Closing the window with unsaved work asks first (Electron turns this into a native dialog).
  useEffect(() => {
    const guard = (e: BeforeUnloadEvent) => {
      if (!editor.dirty) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [editor]);

  const recover = () => {
    const page = recovered.current?.doc as { document: Parameters<Editor['replaceDocument']>[0]; path: string | null; title: string } | undefined;
    setDialog(null);
    if (!page) return;
    editor.replaceDocument(page.document, { path: page.path, title: page.title }, true);
    editor.notify({ zh: '已恢复自动保存的版面，请保存', en: 'The autosaved page was recovered: save it' }, 'info');
  };

  const dialogs = (
    <>
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        data-testid="import-input"
        accept=".txt,.text,.md,.markdown,.docx,.doc,.wps,.jpg,.jpeg,.png"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          void importFiles(files);
        }}
      />
      {dialog?.kind === 'open' && <PickFileDialog state={dialog} onChoose={(p) => void doOpen(p)} onCancel={close} />}
      {dialog?.kind === 'save' && <PickFileDialog state={dialog} onChoose={(p) => void doSave(p)} onCancel={close} />}
      {dialog?.kind === 'export' && <ExportDialog state={dialog} onExport={(p, o) => void runExport(p, o)} onCancel={close} />}
      {dialog?.kind === 'recover' && (
        <RecoverDialog
          state={dialog}
          onRecover={recover}
          onDiscard={() => {
            setDialog(null);
            void host.discardRecovery();
          }}
        />
      )}
      {dialog?.kind === 'confirm' && <ConfirmDialog state={dialog} onCancel={close} />}
    </>
  );

  return { actions, dialogs, importDropped: (files, at) => void importFiles(files, at) };
}
