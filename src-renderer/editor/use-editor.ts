import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react';
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

/**
 * Like useEditor, but the value follows the editor only when it pauses, `delay` ms after the last
 * change (compared with `equal`): for panels that need the whole page (useSettledLayout) and for
 * figures that change with every keystroke (a character count, the layout time). Redrawing those
 * costs a keystroke's frame more than their few characters suggest (the article list is a layer of
 * its own); a moment later nobody is looking at them.
 */
export function useEditorSettled<T>(select: (state: EditorState) => T, delay = 250, equal: (a: T, b: T) => boolean = Object.is): T {
  const editor = useEditorInstance();
  const [value, setValue] = useState(() => select(editor.getState()));
  const selectRef = useRef(select);
  selectRef.current = select;
  const equalRef = useRef(equal);
  equalRef.current = equal;
  const shown = useRef(value);
  shown.current = value;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let changedAt = 0;
    const show = () => {
      const next = selectRef.current(editor.getState());
      if (!equalRef.current(next, shown.current)) setValue(() => next);
    };
    // One timer per pause, not one per keystroke: when it fires early it waits out the rest.
    const fire = () => {
      const rest = changedAt + delay - performance.now();
      timer = rest > 1 ? setTimeout(fire, rest) : undefined;
      if (!timer) show();
    };
    const check = () => {
      if (equalRef.current(selectRef.current(editor.getState()), shown.current) && timer === undefined) return;
      changedAt = performance.now();
      timer ??= setTimeout(fire, delay);
    };
    // The state may have changed between the first render and this effect.
    show();
    const unsubscribe = editor.subscribe(check);
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [editor, delay]);
  return value;
}
