import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ExportOptions, HostApi, HostInfo, HostResult, PngExportOptions } from '../../src-core/host-api';
import { layout } from '../../src-core/layout/layout';
import type { BanmianDocument } from '../../src-core/model/document';
import { describeBlockFits, type BlockFit } from '../../src-core/model/fit-blocks';
import { mmToPt } from '../../src-core/model/units';
import { preflight } from '../../src-core/preflight';
import { serializePage } from '../../src-core/store/persist';
import type { Editor } from '../editor/editor';
import { openFind } from '../find/FindBar';
import type { FileActions } from './file-actions';
import { openNewPage } from './NewPageDialog';
import { ConfirmDialog, ExportDialog, PickFileDialog, RecoverDialog, type AnyExportOptions, type DialogState, type ExportFormat } from './FileDialogs';

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
    const { document, migratedFrom, fittedBlocks } = r.value;
    // A page fitted on load differs from its file: unsaved (●) until saved, as a converted document is.
    editor.replaceDocument(document, { path: r.value.path, title: r.value.title }, !!fittedBlocks?.length);
    void host.discardRecovery();
    const notes: { zh: string; en: string }[] = [];
    if (migratedFrom !== undefined) notes.push({ zh: `已从第 ${migratedFrom} 版文件格式升级`, en: `Upgraded from file format version ${migratedFrom}` });
    const fitted = fittedNote(document, fittedBlocks);
    if (fitted) notes.push(fitted);
    if (notes.length) editor.notify({ zh: notes.map((n) => n.zh).join('；'), en: notes.map((n) => n.en).join('; ') }, 'info');
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

  /**
   * Export in stages: preflight here first (the very checks the host runs, on the page laid out for
   * print), which stops before anything is sent when there are errors and the user did not force;
   * then the host typesets and writes the file and returns its own report, the one shown at the end.
   */
  const runExport = useCallback(async (format: ExportFormat, path: string | null, options: AnyExportOptions) => {
    const update = (patch: Partial<Extract<DialogState, { kind: 'export' }>>) => setDialog((d) => (d?.kind === 'export' ? { ...d, ...patch } : d));
    update({ busy: true, stage: 'preflight', error: undefined, outcome: undefined });
    // Let the progress paint before the preflight's layout takes the main thread.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const doc = editor.getState().doc;
    if (!options.force) {
      let report;
      try {
        const bleedMm = format === 'png' ? 0 : ((options as ExportOptions).bleedMm ?? 3);
        report = preflight(doc, layout(doc, { fonts: editor.fonts }), { fonts: editor.fonts, bleed: mmToPt(bleedMm) });
      } catch (e) {
        return update({ busy: false, error: { zh: `预检失败：${String(e)}`, en: `Preflight failed: ${String(e)}` } });
      }
      if (report.errors.length) return update({ busy: false, outcome: { written: false, path: path ?? '', report, lines: [] } });
    }
    update({ stage: 'write' });
    const json = serializePage(editor.pageStore, doc);
    const r = format === 'png' ? await host.exportPng(json, path, options as PngExportOptions) : await host.exportPdf(json, path, options as ExportOptions);
    if (!r.ok) return update({ busy: false, error: { zh: r.zh, en: r.en } });
    if (!r.value) return update({ busy: false, stage: undefined });
    update({ busy: false, stage: r.value.written ? 'done' : 'preflight', outcome: r.value });
  }, [editor, host]);

  /** The 打开 Open button: the system viewer (Electron), or a new tab with the file the web host serves. */
  const openExported = useCallback(async (path: string) => {
    const r = await host.openExported(path);
    if (!r.ok) return setDialog((d) => (d?.kind === 'export' ? { ...d, error: { zh: r.zh, en: r.en } } : d));
    if (r.value.shown === 'url') window.open(r.value.url, '_blank', 'noopener');
    else editor.notify({ zh: `已在系统查看器中打开 ${path}`, en: `Opened ${path} in the system viewer` }, 'info');
  }, [host, editor]);

  const openExport = useCallback((format: ExportFormat) => {
    const title = editor.getState().file.title.replace(/\.banmian$/, '');
    setDialog({ kind: 'export', format, native: info.nativeDialogs, suggested: `${title || 'page'}.${format}`, busy: false });
  }, [editor, info]);

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
      exportPdf: () => openExport('pdf'),
      exportPng: () => openExport('png'),
      findReplace: openFind,
    }),
    [editor, host, info, guardUnsaved, doOpen, doSave, saveAs, failed, openExport],
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
    const page = recovered.current?.doc as { document: Parameters<Editor['replaceDocument']>[0]; path: string | null; title: string; fittedBlocks?: BlockFit[] } | undefined;
    setDialog(null);
    if (!page) return;
    editor.replaceDocument(page.document, { path: page.path, title: page.title }, true);
    const fitted = fittedNote(page.document, page.fittedBlocks);
    editor.notify({ zh: `已恢复自动保存的版面，请保存${fitted ? `；${fitted.zh}` : ''}`, en: `The autosaved page was recovered: save it${fitted ? `; ${fitted.en}` : ''}` }, 'info');
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
      {dialog?.kind === 'export' && <ExportDialog key={dialog.format} state={dialog} onExport={(p, o) => void runExport(dialog.format, p, o)} onOpen={(p) => void openExported(p)} onCancel={close} />}
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

/** The notice part for a page whose blocks were fitted to its columns on load (an older build saved them past the grid). */
function fittedNote(document: BanmianDocument, fittedBlocks: BlockFit[] | undefined): { zh: string; en: string } | undefined {
  return fittedBlocks?.length ? describeBlockFits(fittedBlocks, document.page.grid.columns, document, 'file') : undefined;
}
