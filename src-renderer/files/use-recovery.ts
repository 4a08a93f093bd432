import { useCallback, useEffect, useRef } from 'react';
import type { HostApi, HostInfo } from '../../src-core/host-api';
import type { BlockFit } from '../../src-core/model/fit-blocks';
import { serializePage } from '../../src-core/store/persist';
import type { Editor } from '../editor/editor';
import type { SetDialog } from './file-dialog-state';
import { fittedNote } from './use-open-save';

/** Autosave: every autosaveSeconds, when there are changes the recovery file does not have yet. */
export function useAutosave(editor: Editor, host: HostApi, info: HostInfo): void {
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
}

/** After a crash: offers the autosaved page; `recover` takes it, `discard` drops the recovery file. */
export function useRecoveryOffer(editor: Editor, host: HostApi, setDialog: SetDialog) {
  const recovered = useRef<{ doc: unknown } | null>(null);
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
  }, [editor, host, setDialog]);

  const recover = useCallback(() => {
    const page = recovered.current?.doc as { document: Parameters<Editor['replaceDocument']>[0]; path: string | null; title: string; fittedBlocks?: BlockFit[] } | undefined;
    setDialog(null);
    if (!page) return;
    editor.replaceDocument(page.document, { path: page.path, title: page.title }, true);
    const fitted = fittedNote(page.document, page.fittedBlocks);
    editor.notify({ zh: `已恢复自动保存的版面，请保存${fitted ? `；${fitted.zh}` : ''}`, en: `The autosaved page was recovered: save it${fitted ? `; ${fitted.en}` : ''}` }, 'info');
  }, [editor, setDialog]);

  const discard = useCallback(() => {
    setDialog(null);
    void host.discardRecovery();
  }, [host, setDialog]);

  return { recover, discard };
}

/** Closing the window with unsaved work asks first (Electron turns this into a native dialog). */
export function useUnloadGuard(editor: Editor): void {
  useEffect(() => {
    const guard = (e: BeforeUnloadEvent) => {
      if (!editor.dirty) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [editor]);
}
