import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Editor, EditorState } from './editor';

export const EditorContext = createContext<Editor | null>(null);

export function useEditorInstance(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor outside <EditorContext.Provider>');
  return editor;
}

/**
 * The one way React reads the workspace: a selector over the editor's immutable state. A component
 * re-renders only when what it selected changed (compared with Object.is), so selectors return
 * state fields or primitives, never fresh objects.
 */
export function useEditor<T>(select: (state: EditorState) => T): T {
  const editor = useEditorInstance();
  return useSyncExternalStore(editor.subscribe, () => select(editor.getState()));
}
