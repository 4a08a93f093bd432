import { useSyncExternalStore } from 'react';

/** Which page of the right-hand panel is showing; menus and the status line can turn to one. */
export type SideTab = 'properties' | 'styles' | 'pictures' | 'preflight';

let current: SideTab = 'properties';
const listeners = new Set<() => void>();

export function showSideTab(tab: SideTab): void {
  if (tab === current) return;
  current = tab;
  for (const l of listeners) l();
}

export function useSideTab(): SideTab {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
