import { ACTUAL_SIZE, ZOOM_MAX, ZOOM_MIN } from '../editor/geometry';
import type { Arrangement, Editor, ViewToggles } from '../editor/editor';
import type { Restack } from '../editor/arrange';
import { bindCommands, type Binding, type Command } from '../command-binding';
import { showSideTab } from './side-tabs';
import type { FileActions } from '../files/file-actions';
import { openMakeUp } from '../makeup/MakeUpDialog';
import { openShortcuts } from '../ui/shortcuts-open';

export type { Command } from '../command-binding';


const TOGGLES: (keyof ViewToggles)[] = ['charGrid', 'columns', 'baselines', 'outlines', 'trim', 'rulers', 'guides'];

/** The 文件/编辑/视图/版面 commands of the table, bound to the editor and the file actions. */
export function buildCommands(editor: Editor, files: FileActions): Map<string, Command> {
  const state = () => editor.getState();
  const zoomBy = (f: number) => editor.setZoom(Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, state().zoom * f)));
  const toggles = Object.fromEntries(TOGGLES.map((key): [string, Binding] => [`view.${key}`, { run: () => editor.toggle(key), checked: () => state().toggles[key] }]));
  const list = bindCommands(
    {
      'file.new': { run: files.newPage },
      'file.open': { run: files.open },
      'file.recent': { run: files.openRecent },
      'file.save': { run: files.save },
      'file.saveAs': { run: files.saveAs },
      'file.newStory': { run: () => void editor.newArticle() },
      'file.import': { run: files.importFiles },
      'file.exportPdf': { run: files.exportPdf },
      'file.exportPng': { run: files.exportPng },
      'edit.undo': { run: () => editor.undo() },
      'edit.redo': { run: () => editor.redo() },
      'edit.delete': { run: () => void editor.deleteSelected() },
      'edit.lock': { run: () => editor.toggleLock(), checked: () => !!editor.block(state().selection)?.locked },
      'edit.selectAll': { run: () => editor.selectAll() },
      'edit.cut': { run: () => editor.cutSelected() },
      'edit.copy': { run: () => void editor.copySelected() },
      'edit.paste': { run: () => editor.paste() },
      'edit.duplicate': { run: () => editor.duplicateSelected() },
      'edit.story': { run: () => openStoryOfSelection(editor) },
      'edit.find': { run: files.findReplace },
      'view.fitPage': { run: () => editor.setFit('page'), checked: () => state().fit === 'page' },
      'view.fitWidth': { run: () => editor.setFit('width'), checked: () => state().fit === 'width' },
      'view.actual': { run: () => editor.setZoom(ACTUAL_SIZE) },
      'view.zoomIn': { run: () => zoomBy(1.25) },
      'view.zoomOut': { run: () => zoomBy(0.8) },
      'view.zoomToSelection': { run: () => editor.zoomToSelection() },
      ...toggles,
      'layout.makeUp': { run: () => openMakeUp(editor) },
      'layout.copyfit': { run: () => editor.fitArticle() },
      'layout.fitText': { run: () => selectedId(editor) && editor.fitToText(selectedId(editor)!) },
      'layout.textFrame': { run: () => editor.setTool(state().tool === 'textFrame' ? 'select' : 'textFrame'), checked: () => state().tool === 'textFrame' },
      'layout.addRuleH': { run: () => editor.addRule('horizontal') },
      'layout.addRuleV': { run: () => editor.addRule('vertical') },
      'layout.addBox': { run: () => editor.addBox() },
      'layout.resetSteps': { run: () => editor.resetColumnDepths() },
      'layout.styles': { run: () => showSideTab('styles') },
      'layout.pageSettings': { run: () => showPageSettings(editor) },
      'help.shortcuts': { run: openShortcuts },
      ...arrangeBindings(editor),
      'layout.columnRules': { run: () => editor.setPage({ columnRules: !state().doc.page.columnRules }), checked: () => state().doc.page.columnRules },
    },
    {
      layoutEditable: () => !state().readOnly,
      canUndo: () => state().canUndo,
      canRedo: () => state().canRedo,
      blockSelected: () => state().selection !== null,
      multiSelected: () => state().selected.length > 1,
      blocksCopied: () => editor.hasCopy,
      threeSelected: () => state().selected.length > 2,
      steppedArticleSelected: () => {
        const b = editor.block(selectedId(editor));
        return b?.kind === 'article' && !!b.columnRows;
      },
    },
  );
  return new Map(list.map((c) => [c.id, c]));
}

const ARRANGEMENTS: Record<string, Arrangement> = {
  'arrange.alignLeft': 'left',
  'arrange.alignCentreH': 'centreH',
  'arrange.alignRight': 'right',
  'arrange.alignTop': 'top',
  'arrange.alignCentreV': 'centreV',
  'arrange.alignBottom': 'bottom',
  'arrange.distributeH': 'distributeH',
  'arrange.distributeV': 'distributeV',
};

const RESTACKS: Record<string, Restack> = { 'arrange.front': 'front', 'arrange.forward': 'forward', 'arrange.backward': 'backward', 'arrange.back': 'back' };

function arrangeBindings(editor: Editor): Record<string, Binding> {
  const align = Object.entries(ARRANGEMENTS).map(([id, how]) => [id, { run: () => editor.arrange(how) }]);
  const stack = Object.entries(RESTACKS).map(([id, how]) => [id, { run: () => editor.restack(how) }]);
  return Object.fromEntries([...align, ...stack]);
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
