import { useSyncExternalStore } from 'react';

/**
 * Whether 帮助 → 快捷键 is open: the menu command and the story editor's hint open it, the dialog
 * (workspace/ShortcutsDialog.tsx) shows and closes it.
 */
let open = false;
const listeners = new Set<() => void>();

export function setShortcutsOpen(v: boolean): void {
  open = v;
  for (const l of listeners) l();
}

export const openShortcuts = (): void => setShortcutsOpen(true);

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

export const useShortcutsOpen = (): boolean => useSyncExternalStore(subscribe, () => open);
