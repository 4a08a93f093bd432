import { bindCommands, type Command } from '../command-binding';
import type { ProofSession } from './session';

/** The 校对 menu's commands of the table, bound to the proof session. */
export function proofCommands(session: ProofSession): Command[] {
  const s = () => session.getState();
  return bindCommands(
    {
      'proof.identity': { run: () => session.openDialog('identity') },
      'proof.view': { run: () => session.setProofView(!s().proofView), checked: () => s().proofView },
      'proof.panel': { run: () => session.setPanelOpen(!s().panelOpen), checked: () => s().panelOpen },
      'proof.startRound': { run: () => session.startRound() },
      'proof.finishRound': { run: () => session.finishRound() },
      'proof.acceptAll': { run: () => void session.decideAll(null, 'accept') },
      'proof.rejectAll': { run: () => void session.decideAll(null, 'reject') },
      'proof.exportPdf': { run: () => session.openDialog('proofPdf') },
    },
    {
      noRoundOpen: () => !s().round && session.mayRunRounds(),
      roundOpen: () => !!s().round && session.mayRunRounds(),
      maySettle: () => session.maySettle(),
    },
  );
}
