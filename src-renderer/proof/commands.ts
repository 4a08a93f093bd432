import type { Command } from '../workspace/commands';
import type { ProofSession } from './session';

/** The 校对 menu's commands (also run by Electron's native menu by id). */
export function proofCommands(session: ProofSession): Command[] {
  const s = () => session.getState();
  return [
    { id: 'proof.identity', zh: '身份…', en: 'Role and name…', run: () => session.openDialog('identity') },
    { id: 'proof.view', zh: '校样视图', en: 'Proof view', run: () => session.setProofView(!s().proofView), checked: () => s().proofView },
    { id: 'proof.panel', zh: '校对面板', en: 'Proof panel', run: () => session.setPanelOpen(!s().panelOpen), checked: () => s().panelOpen },
    { id: 'proof.startRound', zh: '开始新校次', en: 'Start a proof round', run: () => session.startRound(), enabled: () => !s().round && session.mayRunRounds() },
    { id: 'proof.finishRound', zh: '结束本校次', en: 'Finish the proof round', run: () => session.finishRound(), enabled: () => !!s().round && session.mayRunRounds() },
    { id: 'proof.acceptAll', zh: '接受全部修改', en: 'Accept all changes', run: () => void session.decideAll(null, 'accept'), enabled: () => session.maySettle() },
    { id: 'proof.rejectAll', zh: '拒绝全部修改', en: 'Reject all changes', run: () => void session.decideAll(null, 'reject'), enabled: () => session.maySettle() },
    { id: 'proof.exportPdf', zh: '导出校样 PDF…', en: 'Export proof PDF…', run: () => session.openDialog('proofPdf') },
  ];
}

export const PROOF_MENU = ['proof.identity', '-', 'proof.view', 'proof.panel', '-', 'proof.startRound', 'proof.finishRound', '-', 'proof.acceptAll', 'proof.rejectAll', '-', 'proof.exportPdf'];
