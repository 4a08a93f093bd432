/**
 * What the host may do with a path the renderer names, by purpose: which kind of file it is, the
 * extension it must have in the web host's sandbox, and the filter of the Electron dialog. A grant
 * is for a kind, so a page opened once cannot later be the target of a PDF or PNG export.
 */
export type Purpose = 'open' | 'save' | 'export' | 'exportPng';

export type FileKind = 'page' | 'pdf' | 'png';

export const PURPOSE_FILES: Record<Purpose, { kind: FileKind; ext: string; zh: string; en: string; filter: { name: string; extensions: string[] } }> = {
  open: { kind: 'page', ext: '.banmian', zh: '打开版面', en: 'Open page', filter: { name: '版面文件 Banmian page', extensions: ['banmian'] } },
  save: { kind: 'page', ext: '.banmian', zh: '保存版面', en: 'Save page', filter: { name: '版面文件 Banmian page', extensions: ['banmian'] } },
  export: { kind: 'pdf', ext: '.pdf', zh: '导出 PDF', en: 'Export PDF', filter: { name: 'PDF', extensions: ['pdf'] } },
  exportPng: { kind: 'png', ext: '.png', zh: '导出校样 PNG', en: 'Export proof PNG', filter: { name: 'PNG', extensions: ['png'] } },
};
