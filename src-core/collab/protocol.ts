/**
 * What client and server say to each other beyond Yjs sync: the reasons the server gives when it
 * refuses a connection, and the stateless requests for sign-off and reopening. In a shared page the
 * server is the only writer of the layout document's `signoff` map; clients ask it to sign or reopen.
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

export type SignoffRequest =
  | { type: typeof REQUEST_TYPE; id: string; action: 'signoff' }
  | { type: typeof REQUEST_TYPE; id: string; action: 'reopen'; reason: string };

export type SignoffReply = { type: typeof REPLY_TYPE; id: string; ok: true } | ({ type: typeof REPLY_TYPE; id: string; ok: false } & Localized);

export function parseRequest(payload: string): SignoffRequest | undefined {
  let v: unknown;
  try {
    v = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object') return undefined;
  const r = v as Record<string, unknown>;
  if (r.type !== REQUEST_TYPE || typeof r.id !== 'string' || r.id.length > 100) return undefined;
  if (r.action === 'signoff') return { type: REQUEST_TYPE, id: r.id, action: 'signoff' };
  if (r.action === 'reopen' && typeof r.reason === 'string' && r.reason.length <= 2000) return { type: REQUEST_TYPE, id: r.id, action: 'reopen', reason: r.reason };
  return undefined;
}
