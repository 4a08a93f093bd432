import { ACTUAL_SIZE, ZOOM_MAX, ZOOM_MIN } from '../editor/geometry';
import type { Editor, ViewToggles } from '../editor/editor';
import { COLLAB_MENU } from '../collab/commands';
import { PROOF_MENU } from '../proof/commands';
import { showSideTab } from './side-tabs';

/**
 * Every action of the menus, the toolbar, the keyboard and (in Electron) the native menu, by id.
 * Labels are Chinese first with the English beside them.
 */
export interface Command {
  id: string;
  zh: string;
  en: string;
  /** Shown in menus, e.g. 'Ctrl+S'. */
  keys?: string;
  run(): void;
  enabled?(): boolean;
  checked?(): boolean;
}

export interface FileActions {
  newPage(): void;
  open(): void;
  /** Pick one of the recently opened pages. */
  openRecent(): void;
  save(): void;
  saveAs(): void;
  importFiles(): void;
  exportPdf(): void;
  /** The proof PNG (校样 PNG) of the page. */
  exportPng(): void;
  findReplace(): void;
}

const TOGGLES: [keyof ViewToggles, string, string, string?][] = [
  ['charGrid', '背景格', 'Character grid', "Ctrl+'"],
  ['columns', '栏线参考', 'Column guides'],
  ['baselines', '基线网格', 'Baseline grid'],
  ['outlines', '块边框', 'Block outlines'],
  ['trim', '裁切线', 'Trim marks'],
  ['rulers', '标尺', 'Rulers', 'Ctrl+R'],
];

export function buildCommands(editor: Editor, files: FileActions): Map<string, Command> {
  const selected = () => editor.getState().selection !== null;
  const zoomBy = (f: number) => editor.setZoom(Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, editor.getState().zoom * f)));
  const list: Command[] = [
    { id: 'file.new', zh: '新建版面', en: 'New page', keys: 'Ctrl+N', run: files.newPage },
    { id: 'file.open', zh: '打开…', en: 'Open…', keys: 'Ctrl+O', run: files.open },
    { id: 'file.recent', zh: '最近打开…', en: 'Open recent…', run: files.openRecent },
    { id: 'file.save', zh: '保存', en: 'Save', keys: 'Ctrl+S', run: files.save },
    { id: 'file.saveAs', zh: '另存为…', en: 'Save As…', keys: 'Ctrl+Shift+S', run: files.saveAs },
    { id: 'file.import', zh: '导入稿件…', en: 'Import…', keys: 'Ctrl+I', run: files.importFiles },
    { id: 'file.exportPdf', zh: '导出 PDF…', en: 'Export PDF…', keys: 'Ctrl+E', run: files.exportPdf },
    { id: 'file.exportPng', zh: '导出校样 PNG…', en: 'Export proof PNG…', run: files.exportPng },
    { id: 'edit.undo', zh: '撤销', en: 'Undo', keys: 'Ctrl+Z', run: () => editor.undo(), enabled: () => editor.getState().canUndo },
    { id: 'edit.redo', zh: '重做', en: 'Redo', keys: 'Ctrl+Shift+Z', run: () => editor.redo(), enabled: () => editor.getState().canRedo },
    { id: 'edit.delete', zh: '删除块', en: 'Delete block', keys: 'Delete', run: () => void editor.deleteSelected(), enabled: selected },
    { id: 'edit.lock', zh: '锁定/解锁块', en: 'Lock/unlock block', keys: 'Ctrl+L', run: () => editor.toggleLock(), enabled: selected, checked: () => !!editor.block(editor.getState().selection)?.locked },
    { id: 'edit.story', zh: '编辑稿件', en: 'Edit story', keys: 'Enter', run: () => openStoryOfSelection(editor), enabled: selected },
    { id: 'edit.find', zh: '查找替换…', en: 'Find and replace…', keys: 'Ctrl+F', run: files.findReplace },
    { id: 'view.fitPage', zh: '适合页面', en: 'Fit page', keys: 'Ctrl+0', run: () => editor.setFit('page'), checked: () => editor.getState().fit === 'page' },
    { id: 'view.fitWidth', zh: '适合宽度', en: 'Fit width', keys: 'Ctrl+9', run: () => editor.setFit('width'), checked: () => editor.getState().fit === 'width' },
    { id: 'view.actual', zh: '实际大小 100%', en: 'Actual size', keys: 'Ctrl+1', run: () => editor.setZoom(ACTUAL_SIZE) },
    { id: 'view.zoomIn', zh: '放大', en: 'Zoom in', keys: 'Ctrl+=', run: () => zoomBy(1.25) },
    { id: 'view.zoomOut', zh: '缩小', en: 'Zoom out', keys: 'Ctrl+-', run: () => zoomBy(0.8) },
    ...TOGGLES.map(([key, zh, en, keys]) => ({ id: `view.${key}`, zh, en, keys, run: () => editor.toggle(key), checked: () => editor.getState().toggles[key] })),
    { id: 'layout.fitText', zh: '块高随文', en: 'Fit block to text', run: () => selectedId(editor) && editor.fitToText(selectedId(editor)!), enabled: selected },
    { id: 'layout.addRuleH', zh: '添加横线', en: 'Add horizontal rule', run: () => editor.addRule('horizontal') },
    { id: 'layout.addRuleV', zh: '添加竖线', en: 'Add vertical rule', run: () => editor.addRule('vertical') },
    { id: 'layout.addBox', zh: '添加底纹框', en: 'Add tinted box', run: () => editor.addBox() },
    {
      id: 'layout.resetSteps',
      zh: '恢复矩形（取消阶梯）',
      en: 'Reset to rectangle',
      run: () => editor.resetColumnDepths(),
      enabled: () => {
        const b = editor.block(selectedId(editor));
        return b?.kind === 'article' && !!b.columnRows;
      },
    },
    { id: 'layout.styles', zh: '样式…', en: 'Styles…', run: () => showSideTab('styles') },
    { id: 'layout.pageSettings', zh: '版面设置…', en: 'Page settings…', run: () => showPageSettings(editor) },
    {
      id: 'layout.columnRules',
      zh: '自动栏线',
      en: 'Automatic column rules',
      run: () => editor.setPage({ columnRules: !editor.getState().doc.page.columnRules }),
      checked: () => editor.getState().doc.page.columnRules,
    },
  ];
  return new Map(list.map((c) => [c.id, c]));
}

const selectedId = (editor: Editor): string | null => editor.getState().selection;

/** 版面设置 is the 属性 tab with nothing selected: the page's own settings, scrolled into view. */
function showPageSettings(editor: Editor): void {
  editor.select(null);
  showSideTab('properties');
  requestAnimationFrame(() => document.querySelector('[data-testid="page-properties"]')?.scrollIntoView({ block: 'start' }));
}

function openStoryOfSelection(editor: Editor): void {
  const b = editor.block(selectedId(editor));
  if (b && b.kind !== 'rule' && b.articleId) editor.openStory(b.articleId);
}

/** The menus of the window, in order; '-' separates groups. */
export const MENUS: { zh: string; en: string; items: string[] }[] = [
  { zh: '文件', en: 'File', items: ['file.new', 'file.open', 'file.recent', 'file.save', 'file.saveAs', '-', 'file.import', 'file.exportPdf', 'file.exportPng', '-', ...COLLAB_MENU] },
  { zh: '编辑', en: 'Edit', items: ['edit.undo', 'edit.redo', '-', 'edit.story', 'edit.lock', 'edit.delete', '-', 'edit.find'] },
  { zh: '视图', en: 'View', items: ['view.fitPage', 'view.fitWidth', 'view.actual', 'view.zoomIn', 'view.zoomOut', '-', 'view.charGrid', 'view.columns', 'view.baselines', 'view.outlines', 'view.trim', 'view.rulers'] },
  { zh: '版面', en: 'Layout', items: ['layout.fitText', 'layout.resetSteps', '-', 'layout.addRuleH', 'layout.addRuleV', 'layout.addBox', 'layout.columnRules', '-', 'layout.styles', 'layout.pageSettings'] },
  { zh: '校对', en: 'Proof', items: PROOF_MENU },
];

/** Maps a key event to a command id (Ctrl on Linux/Windows, ⌘ on macOS). */
export function commandForKey(e: KeyboardEvent): string | undefined {
  const mod = e.ctrlKey || e.metaKey;
  const k = e.key.toLowerCase();
  if (mod && !e.altKey) {
    if (k === 'z') return e.shiftKey ? 'edit.redo' : 'edit.undo';
    if (k === 'y') return 'edit.redo';
    if (k === 's') return e.shiftKey ? 'file.saveAs' : 'file.save';
    if (k === 'o') return 'file.open';
    if (k === 'n') return 'file.new';
    if (k === 'i') return 'file.import';
    if (k === 'e') return 'file.exportPdf';
    if (k === 'f') return 'edit.find';
    if (k === 'l') return 'edit.lock';
    if (k === '0') return 'view.fitPage';
    if (k === '9') return 'view.fitWidth';
    if (k === '1') return 'view.actual';
    if (k === '=' || k === '+') return 'view.zoomIn';
    if (k === '-') return 'view.zoomOut';
    if (k === "'") return 'view.charGrid';
    if (k === 'r' && !e.shiftKey) return 'view.rulers';
  }
  if (!mod && !e.altKey) {
    if (k === 'delete' || k === 'backspace') return 'edit.delete';
    if (k === 'enter') return 'edit.story';
  }
  return undefined;
}
