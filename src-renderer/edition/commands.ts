import { bindCommands, type Command } from '../command-binding';
import type { HostApi } from '../../src-core/host-api';
import type { Editor } from '../editor/editor';
import type { EditionSession } from './edition-session';

/**
 * The edition's commands in the page workspace: 版面 → 移至第 N 版… for the selected part of a story
 * continued across the edition's pages, and 撤销, which takes back the last such move when the page
 * has nothing of its own to undo (the move changed the edition, not only this page's history).
 */
export function editionCommands(session: EditionSession, editor: Editor, host: HostApi): Command[] {
  const state = () => editor.getState();
  return bindCommands(
    {
      'layout.movePart': { run: () => session.askMove(editor) },
      'edit.undo': { run: () => (state().canUndo ? editor.undo() : void session.undoMove(editor, host)) },
    },
    {
      layoutEditable: () => !state().readOnly,
      editionPartSelected: () => session.partSelected(editor),
      canUndo: () => state().canUndo || session.canUndoMove(editor),
    },
  );
}
