import { useCallback } from 'react';
import { isOpenedEdition, type HostApi, type HostInfo } from '../../src-core/host-api';
import type { BanmianDocument } from '../../src-core/model/document';
import { describeBlockFits, type BlockFit } from '../../src-core/model/fit-blocks';
import { withRecordedFonts } from '../../src-core/layout/page-fonts';
import { serializePage } from '../../src-core/store/persist';
import { holdIdleFaces } from '../canvas/declare-when-idle';
import { fetchFacesFor } from '../canvas/fonts';
import { nextFrameDrawn } from '../ui/after-next-frame';
import type { Editor } from '../editor/editor';
import type { EditionSession } from '../edition/edition-session';
import type { Failed, SetDialog } from './file-dialog-state';

/** 打开, 保存 and 另存为: the page file in and out through the host, the recovery file dropped after either. */
export function useOpenSave(editor: Editor, host: HostApi, info: HostInfo, setDialog: SetDialog, failed: Failed, edition: EditionSession) {
  const open = useCallback(async (path: string | null) => {
    setDialog(null);
    const r = await host.openPage(path);
    if (failed(r) || !r.value) return;
    // An edition file shows its overview; the workspace keeps its page until one of the edition's is opened.
    if (isOpenedEdition(r.value)) return edition.open(r.value);
    edition.close();
    const { document, migratedFrom, fittedBlocks } = r.value;
    // The installed faces the page uses, fetched before it is laid out; which of its fonts are missing.
    const fonts = await fetchFacesFor(host, document);
    if (failed(fonts)) return;
    // A page fitted on load differs from its file: unsaved (●) until saved, as a converted document is.
    editor.replaceDocument(document, { path: r.value.path, title: r.value.title }, !!fittedBlocks?.length);
    void host.discardRecovery();
    const notes: { zh: string; en: string }[] = [];
    if (migratedFrom !== undefined) notes.push({ zh: `已从第 ${migratedFrom} 版文件格式升级`, en: `Upgraded from file format version ${migratedFrom}` });
    const fitted = fittedNote(document, fittedBlocks);
    if (fitted) notes.push(fitted);
    if (notes.length) editor.notify({ zh: notes.map((n) => n.zh).join('；'), en: notes.map((n) => n.en).join('; ') }, 'info');
    if (fonts.value) editor.notify(fonts.value);
  }, [editor, host, failed, setDialog, edition]);

  const doOpen = useCallback(async (path: string | null) => {
    // no idle face fetched or decoded until what is opened is drawn (the frame after it is shown)
    const release = holdIdleFaces();
    try {
      await open(path);
    } finally {
      void nextFrameDrawn().then(release);
    }
  }, [open]);

  const doSave = useCallback(async (path: string | null) => {
    setDialog(null);
    const revision = editor.getState().revision;
    // The page names the fonts it uses (kept from its record where this machine lacks one).
    const r = await host.savePage(serializePage(editor.pageStore, withRecordedFonts(editor.getState().doc, editor.fonts)), path);
    if (failed(r) || !r.value) return;
    editor.markSaved(r.value.path, r.value.title, revision);
    // saved as a page file of its own (另存为): no longer the edition's page
    edition.close();
    void host.discardRecovery();
    editor.notify({ zh: `已保存 ${r.value.title}`, en: `Saved ${r.value.title}` }, 'info');
  }, [editor, host, failed, setDialog, edition]);

  const saveAs = useCallback(async () => {
    if (info.nativeDialogs) return doSave(null);
    const listed = await host.listPages();
    const title = editor.getState().file.title;
    setDialog({ kind: 'save', files: listed.ok ? listed.value : [], suggested: title.endsWith('.banmian') ? title : 'page.banmian' });
  }, [info, host, editor, doSave, setDialog]);

  return { doOpen, doSave, saveAs };
}

/** The notice part for a page whose blocks were fitted to its columns on load (an older build saved them past the grid). */
export function fittedNote(document: BanmianDocument, fittedBlocks: BlockFit[] | undefined): { zh: string; en: string } | undefined {
  return fittedBlocks?.length ? describeBlockFits(fittedBlocks, document.page.grid.columns, document, 'file') : undefined;
}
