import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ProofSession, ProofUiState } from './session';

export const ProofContext = createContext<ProofSession | null>(null);

export function useProofSession(): ProofSession {
  const session = useContext(ProofContext);
  if (!session) throw new Error('useProof outside <ProofContext.Provider>');
  return session;
}

/** The proof side's state, by selector (as useEditor does for the page). */
export function useProof<T>(select: (s: ProofUiState) => T): T {
  const session = useProofSession();
  return useSyncExternalStore(session.subscribe, () => select(session.getState()));
}
