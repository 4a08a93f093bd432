import { isRole, type Role } from './roles';

/**
 * What client and server say to each other beyond Yjs sync: the reasons the server gives when it
 * refuses a connection, and the stateless requests the server runs for a desk: sign-off and
 * reopening (the server is the only writer of the layout document's `signoff` map), starting and
 * finishing proof rounds (a 校对 may not write the layout document, so the server writes the round
 * for it), and who the token names (the joining desk's name and role come from the server).
 */

export interface Localized {
  zh: string;
  en: string;
}

/** Machine-readable reasons, sent as the WebSocket permission-denied or close reason. */
export const DENIAL = {
  badName: 'banmian:bad-document-name',
  badToken: 'banmian:bad-token',
  noGrant: 'banmian:no-grant',
  signoffIsServerOnly: 'banmian:signoff-is-server-only',
} as const;

export type DenialReason = (typeof DENIAL)[keyof typeof DENIAL];

export const DENIAL_TEXT: Readonly<Record<DenialReason, Localized>> = {
  'banmian:bad-document-name': { zh: '文档名称无效', en: 'The document name is not valid' },
  'banmian:bad-token': { zh: '令牌无效或已被撤销，请向管理员索取新令牌', en: 'The token is not valid or was revoked; ask the administrator for a new one' },
  'banmian:no-grant': { zh: '您没有打开此版面的权限', en: 'You have no grant for this page' },
  'banmian:signoff-is-server-only': {
    zh: '签字付印状态只能经服务器更改（请使用“签字付印”或“重新打开”命令）',
    en: 'The sign-off can only be changed through the server (use Sign for print or Reopen)',
  },
};

export function describeDenial(reason: string): Localized {
  return (DENIAL_TEXT as Record<string, Localized>)[reason] ?? { zh: `服务器拒绝连接：${reason}`, en: `The server refused the connection: ${reason}` };
}

export const REQUEST_TYPE = 'banmian/request';
export const REPLY_TYPE = 'banmian/reply';

export type PageRequest =
  | { type: typeof REQUEST_TYPE; id: string; action: 'signoff' }
  | { type: typeof REQUEST_TYPE; id: string; action: 'reopen'; reason: string }
  | { type: typeof REQUEST_TYPE; id: string; action: 'startRound' }
  | { type: typeof REQUEST_TYPE; id: string; action: 'finishRound' }
  | { type: typeof REQUEST_TYPE; id: string; action: 'whoami' };

export type RequestAction = PageRequest['action'];

/** The person a token names, as the server answers `whoami`. */
export interface TokenPerson {
  name: string;
  role: Role;
}

export type PageReply =
  | ({ type: typeof REPLY_TYPE; id: string; ok: true } & { person?: TokenPerson })
  | ({ type: typeof REPLY_TYPE; id: string; ok: false } & Localized);

const BARE_ACTIONS: ReadonlySet<string> = new Set(['signoff', 'startRound', 'finishRound', 'whoami']);

export function parseRequest(payload: string): PageRequest | undefined {
  let v: unknown;
  try {
    v = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object') return undefined;
  const r = v as Record<string, unknown>;
  if (r.type !== REQUEST_TYPE || typeof r.id !== 'string' || r.id.length > 100) return undefined;
  if (typeof r.action === 'string' && BARE_ACTIONS.has(r.action)) return { type: REQUEST_TYPE, id: r.id, action: r.action as 'signoff' | 'startRound' | 'finishRound' | 'whoami' };
  if (r.action === 'reopen' && typeof r.reason === 'string' && r.reason.length <= 2000) return { type: REQUEST_TYPE, id: r.id, action: 'reopen', reason: r.reason };
  return undefined;
}

/** A reply as the client reads it; anything else is not a reply of ours. */
export function parseReply(payload: string): PageReply | undefined {
  let v: unknown;
  try {
    v = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object') return undefined;
  const r = v as Record<string, unknown>;
  if (r.type !== REPLY_TYPE || typeof r.id !== 'string') return undefined;
  if (r.ok === true) {
    const p = r.person as Record<string, unknown> | undefined;
    const person = p && typeof p.name === 'string' && isRole(p.role) ? { name: p.name, role: p.role } : undefined;
    return { type: REPLY_TYPE, id: r.id, ok: true, ...(person ? { person } : {}) };
  }
  return { type: REPLY_TYPE, id: r.id, ok: false, zh: String(r.zh ?? ''), en: String(r.en ?? '') };
}
