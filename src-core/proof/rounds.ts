import * as Y from 'yjs';
import type { Role } from './suggestions';
import { openSuggestions, proofParts } from './suggestions';

/**
 * Proof rounds (一校, 二校, 三校) and sign-off for print (签字付印), kept in the page's layout
 * document: `rounds` (a list of round records) and `signoff` (who signed, and a log of every
 * sign-off and reopening with its reason). A signed page is locked for everyone until a 值班编辑
 * reopens it; the app checks `isSignedOff` before every change and the collaboration server refuses
 * writes to a signed page.
 */

export const ROUND_NAMES = ['一校', '二校', '三校'] as const;

export interface RoundRecord {
  name: string;
  startedBy: string;
  startedAt: string;
  finishedBy?: string;
  finishedAt?: string;
}

export interface SignoffEvent {
  kind: 'signed' | 'reopened';
  by: string;
  role: Role;
  at: string;
  reason?: string;
}

export type ProofResult = { ok: true } | { ok: false; zh: string; en: string };

export function roundParts(layoutDoc: Y.Doc) {
  return { rounds: layoutDoc.getArray<RoundRecord>('rounds'), signoff: layoutDoc.getMap<unknown>('signoff') };
}

export function currentRound(layoutDoc: Y.Doc): RoundRecord | undefined {
  const rounds = roundParts(layoutDoc).rounds.toArray();
  const last = rounds[rounds.length - 1];
  return last && !last.finishedAt ? last : undefined;
}

export function isSignedOff(layoutDoc: Y.Doc): boolean {
  return typeof roundParts(layoutDoc).signoff.get('signedBy') === 'string';
}

export function signoffLog(layoutDoc: Y.Doc): SignoffEvent[] {
  return (roundParts(layoutDoc).signoff.get('log') as SignoffEvent[] | undefined) ?? [];
}

const locked: ProofResult = { ok: false, zh: '本版已签字付印，需值班编辑重新打开后才能修改', en: 'The page is signed for print; a duty editor must reopen it before any change' };

/** The name the next round gets: 一校, 二校, 三校, then 4校… */
export function nextRoundName(layoutDoc: Y.Doc): string {
  const n = roundParts(layoutDoc).rounds.length;
  return ROUND_NAMES[n] ?? `${n + 1}校`;
}

export function startRound(layoutDoc: Y.Doc, by: string, at = new Date().toISOString(), origin?: unknown): ProofResult {
  if (isSignedOff(layoutDoc)) return locked;
  if (currentRound(layoutDoc)) return { ok: false, zh: `${currentRound(layoutDoc)!.name}尚未结束`, en: `Round ${currentRound(layoutDoc)!.name} is still open` };
  const { rounds } = roundParts(layoutDoc);
  const name = nextRoundName(layoutDoc);
  layoutDoc.transact(() => rounds.push([{ name, startedBy: by, startedAt: at }]), origin);
  return { ok: true };
}

/** A round finishes when every suggestion has been answered and every comment thread resolved. */
export function finishRound(layoutDoc: Y.Doc, articleDocs: Y.Doc[], by: string, at = new Date().toISOString(), origin?: unknown): ProofResult {
  const round = currentRound(layoutDoc);
  if (!round) return { ok: false, zh: '没有进行中的校次', en: 'No proof round is open' };
  const open = articleDocs.reduce((n, d) => n + openSuggestions(d).length, 0);
  const unresolved = articleDocs.reduce((n, d) => n + [...proofParts(d).threads.values()].filter((t) => !t.resolved).length, 0);
  if (open > 0 || unresolved > 0) {
    return { ok: false, zh: `还有 ${open} 处修改未处理、${unresolved} 条批注未解决`, en: `${open} changes still await a decision and ${unresolved} comments are unresolved` };
  }
  const { rounds } = roundParts(layoutDoc);
  layoutDoc.transact(() => {
    rounds.delete(rounds.length - 1, 1);
    rounds.push([{ ...round, finishedBy: by, finishedAt: at }]);
  }, origin);
  return { ok: true };
}

export function signOff(layoutDoc: Y.Doc, by: string, role: Role, at = new Date().toISOString(), origin?: unknown): ProofResult {
  if (isSignedOff(layoutDoc)) return { ok: false, zh: '本版已经签字付印', en: 'The page is already signed' };
  if (currentRound(layoutDoc)) return { ok: false, zh: `${currentRound(layoutDoc)!.name}尚未结束，不能签字付印`, en: 'Finish the open proof round before signing' };
  const { signoff } = roundParts(layoutDoc);
  layoutDoc.transact(() => {
    signoff.set('signedBy', by);
    signoff.set('signedAt', at);
    signoff.set('log', [...signoffLog(layoutDoc), { kind: 'signed', by, role, at }]);
  }, origin);
  return { ok: true };
}

/** Only a 值班编辑 reopens a signed page, and must say why; the reason is kept in the log. */
export function reopen(layoutDoc: Y.Doc, by: string, role: Role, reason: string, at = new Date().toISOString(), origin?: unknown): ProofResult {
  if (!isSignedOff(layoutDoc)) return { ok: false, zh: '本版尚未签字付印', en: 'The page is not signed' };
  if (role !== '值班编辑') return { ok: false, zh: '只有值班编辑可以重新打开已签字的版面', en: 'Only the duty editor (值班编辑) can reopen a signed page' };
  if (!reason.trim()) return { ok: false, zh: '请填写重新打开的理由', en: 'Give a reason for reopening' };
  const { signoff } = roundParts(layoutDoc);
  layoutDoc.transact(() => {
    signoff.delete('signedBy');
    signoff.delete('signedAt');
    signoff.set('log', [...signoffLog(layoutDoc), { kind: 'reopened', by, role, at, reason: reason.trim() }]);
  }, origin);
  return { ok: true };
}
