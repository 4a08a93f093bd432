import { useCallback } from 'react';
import type { ExportOptions, HostApi, HostInfo, PngExportOptions } from '../../src-core/host-api';
import { layout } from '../../src-core/layout/layout';
import { mmToPt } from '../../src-core/model/units';
import { preflight } from '../../src-core/preflight';
import { serializePage } from '../../src-core/store/persist';
import type { Editor } from '../editor/editor';
import { nextFrameDrawn } from '../ui/after-next-frame';
import type { SetDialog } from './file-dialog-state';
import type { AnyExportOptions, DialogState, ExportFormat } from './FileDialogs';

/** 导出 PDF and 导出校样 PNG: the export dialog opened, the export run in stages, the file written opened. */
export function useExport(editor: Editor, host: HostApi, info: HostInfo, setDialog: SetDialog) {
  const openExport = useCallback((format: ExportFormat) => {
    const title = editor.getState().file.title.replace(/\.banmian$/, '');
    setDialog({ kind: 'export', format, native: info.nativeDialogs, suggested: `${title || 'page'}.${format}`, busy: false });
  }, [editor, info, setDialog]);

  /**
   * Export in stages: preflight here first (the very checks the host runs, on the page laid out for
   * print), which stops before anything is sent when there are errors and the user did not force;
   * then the host typesets and writes the file and returns its own report, the one shown at the end.
   */
  const runExport = useCallback(async (format: ExportFormat, path: string | null, options: AnyExportOptions) => {
    const update = (patch: Partial<Extract<DialogState, { kind: 'export' }>>) => setDialog((d) => (d?.kind === 'export' ? { ...d, ...patch } : d));
    update({ busy: true, stage: 'preflight', error: undefined, outcome: undefined });
    // Let the progress paint before the preflight's layout takes the main thread.
    await nextFrameDrawn();
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
  }, [editor, host, setDialog]);

  /** The 打开 Open button: the system viewer (Electron), or a new tab with the file the web host serves. */
  const openExported = useCallback(async (path: string) => {
    const r = await host.openExported(path);
    if (!r.ok) return setDialog((d) => (d?.kind === 'export' ? { ...d, error: { zh: r.zh, en: r.en } } : d));
    if (r.value.shown === 'url') window.open(r.value.url, '_blank', 'noopener');
    else editor.notify({ zh: `已在系统查看器中打开 ${path}`, en: `Opened ${path} in the system viewer` }, 'info');
  }, [host, editor, setDialog]);

  return { openExport, runExport, openExported };
}
