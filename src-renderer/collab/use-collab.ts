import { createContext, useContext, useSyncExternalStore } from 'react';
import type { CollabDesk, CollabUiState } from './desk';

export const CollabContext = createContext<CollabDesk | null>(null);

/** The desk's collaboration, or null where the workspace runs without it. */
export function useCollabDesk(): CollabDesk | null {
  return useContext(CollabContext);
}

const NONE = (): (() => void) => () => undefined;

/** The collaboration state by selector (as useEditor does for the page); undefined without a desk. */
export function useCollab<T>(select: (s: CollabUiState) => T): T | undefined {
  const desk = useCollabDesk();
  return useSyncExternalStore(desk ? desk.subscribe : NONE, () => (desk ? select(desk.getState()) : undefined));
}
