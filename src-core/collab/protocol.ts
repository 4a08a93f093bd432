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
  roundsAreServerOnly: 'banmian:rounds-are-server-only',
  badBody: 'banmian:bad-body',
  tooMuch: 'banmian:too-much',
  tooManyAttempts: 'banmian:too-many-attempts',
  userRemoved: 'banmian:user-removed',
  adIsOwners: 'banmian:ad-is-owners',
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
  'banmian:rounds-are-server-only': {
    zh: '校次只能经服务器开始和结束（请使用“开始校次”或“结束校次”命令）',
    en: 'Proof rounds can only be started and finished through the server (use Start round or Finish round)',
  },
  'banmian:bad-body': {
    zh: '文章正文结构无效（例如段落嵌套），服务器拒绝了这次修改，未保存也未转发',
    en: 'The article body is malformed (e.g. a paragraph inside a paragraph); the server refused the change, stored and relayed nothing',
  },
  'banmian:too-much': {
    zh: '一分钟内发送的修改过多，服务器断开了此文档的连接',
    en: 'Too many changes sent within a minute; the server closed this document connection',
  },
  'banmian:too-many-attempts': {
    zh: '令牌错误次数过多，请一分钟后再试',
    en: 'Too many failed token attempts; try again in a minute',
  },
  'banmian:user-removed': {
    zh: '您的账户已被管理员删除或更改，连接已关闭',
    en: 'Your account was removed or changed by the administrator; the connection was closed',
  },
  'banmian:ad-is-owners': {
    zh: '广告已锁定，只有值班编辑可以移动、改动或删除广告；服务器拒绝了这次修改',
    en: 'Ads are locked: only the duty editor (值班编辑) moves, changes or deletes an ad; the server refused the change',
  },
};

export function describeDenial(reason: string): Localized {
  return (DENIAL_TEXT as Record<string, Localized>)[reason] ?? { zh: `服务器拒绝连接：${reason}`, en: `The server refused the connection: ${reason}` };
}

/**
 * A request id nobody else can guess (128 random bits): a reply only counts when it carries the id
 * of a request this desk sent. Replies come from the server alone (it relays no desk's broadcasts);
 * the id keeps that true even through a relay that forgot to.
 */
export function newRequestId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return `r${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export const REQUEST_TYPE = 'banmian/request';
export const REPLY_TYPE = 'banmian/reply';

export type PageRequest =
  | { type: typeof REQUEST_TYPE; id: string; action: 'signoff' }
  | { type: typeof REQUEST_TYPE; id: string; action: 'reopen'; reason: string }
  | { type: typeof REQUEST_TYPE; id: string; action: 'startRound' }
  | { type: typeof REQUEST_TYPE; id: string; action: 'finishRound' }
  | { type: typeof REQUEST_TYPE; id: string; action: 'whoami' }
  /** The heartbeat (see heartbeat.ts): the server answers at once, which tells the desk the connection lives. */
  | { type: typeof REQUEST_TYPE; id: string; action: 'ping' }
  | EditionRequest;

/**
 * Requests on an edition document (edition-doc.ts), which only the server writes: the edition's
 * first state (the edition file's text), an article of the pool placed on a page (by number) or
 * taken back into the pool, a continued story's cut before part `part` moved by `paragraphs` (more
 * than 0: the earlier part gives its last paragraphs to the later one; less: it takes the later
 * part's first ones back), a continued story's part (its block) moved to another page (by number:
 * move-part.ts), and the edition folded from the pages' documents, its text in the reply
 * (`saveEdition`) or only written into the edition document (`foldEdition`: what the overviews
 * watching the edition read, asked every few seconds, so the reply carries no text).
 */
export type EditionRequest =
  | { type: typeof REQUEST_TYPE; id: string; action: 'seedEdition'; edition: string }
  | { type: typeof REQUEST_TYPE; id: string; action: 'place'; article: string; page: number }
  | { type: typeof REQUEST_TYPE; id: string; action: 'unplace'; article: string }
  | { type: typeof REQUEST_TYPE; id: string; action: 'moveCut'; article: string; part: number; paragraphs: number }
  | { type: typeof REQUEST_TYPE; id: string; action: 'movePart'; block: string; page: number }
  | { type: typeof REQUEST_TYPE; id: string; action: 'saveEdition' | 'foldEdition' };

export const EDITION_ACTIONS: ReadonlySet<string> = new Set(['seedEdition', 'place', 'unplace', 'moveCut', 'movePart', 'saveEdition', 'foldEdition'] satisfies EditionRequest['action'][]);

export type RequestAction = PageRequest['action'];

/** The person a token names, as the server answers `whoami`. */
export interface TokenPerson {
  name: string;
  role: Role;
}

export type PageReply =
  | ({ type: typeof REPLY_TYPE; id: string; ok: true } & { person?: TokenPerson; edition?: string })
  | ({ type: typeof REPLY_TYPE; id: string; ok: false } & Localized);

const BARE_ACTIONS: ReadonlySet<string> = new Set(['signoff', 'startRound', 'finishRound', 'whoami', 'ping']);

/** A stateless payload as an object, or undefined when it is not JSON of an object. */
function jsonObject(payload: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(payload);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function parseRequest(payload: string): PageRequest | undefined {
  const r = jsonObject(payload);
  if (!r || r.type !== REQUEST_TYPE || typeof r.id !== 'string' || r.id.length > 100) return undefined;
  if (typeof r.action === 'string' && BARE_ACTIONS.has(r.action)) return { type: REQUEST_TYPE, id: r.id, action: r.action as 'signoff' | 'startRound' | 'finishRound' | 'whoami' | 'ping' };
  if (r.action === 'reopen' && typeof r.reason === 'string' && r.reason.length <= 2000) return { type: REQUEST_TYPE, id: r.id, action: 'reopen', reason: r.reason };
  return parseEditionRequest(r as Record<string, unknown> & { id: string });
}

const isCount = (v: unknown): v is number => Number.isSafeInteger(v);

function parseEditionRequest(r: Record<string, unknown> & { id: string }): EditionRequest | undefined {
  const base = { type: REQUEST_TYPE, id: r.id } as const;
  const article = typeof r.article === 'string' && r.article.length <= 64 ? r.article : undefined;
  if (r.action === 'saveEdition' || r.action === 'foldEdition') return { ...base, action: r.action };
  if (r.action === 'seedEdition' && typeof r.edition === 'string') return { ...base, action: 'seedEdition', edition: r.edition };
  if (r.action === 'place' && article && isCount(r.page)) return { ...base, action: 'place', article, page: r.page };
  if (r.action === 'unplace' && article) return { ...base, action: 'unplace', article };
  if (r.action === 'moveCut' && article && isCount(r.part) && isCount(r.paragraphs)) return { ...base, action: 'moveCut', article, part: r.part, paragraphs: r.paragraphs };
  if (r.action === 'movePart' && typeof r.block === 'string' && r.block.length <= 64 && isCount(r.page)) return { ...base, action: 'movePart', block: r.block, page: r.page };
  return undefined;
}

/** A reply as the client reads it; anything else is not a reply of ours. */
export function parseReply(payload: string): PageReply | undefined {
  const r = jsonObject(payload);
  if (!r || r.type !== REPLY_TYPE || typeof r.id !== 'string') return undefined;
  if (r.ok === true) {
    const p = r.person as Record<string, unknown> | undefined;
    const person = p && typeof p.name === 'string' && isRole(p.role) ? { name: p.name, role: p.role } : undefined;
    return { type: REPLY_TYPE, id: r.id, ok: true, ...(person ? { person } : {}), ...(typeof r.edition === 'string' ? { edition: r.edition } : {}) };
  }
  return { type: REPLY_TYPE, id: r.id, ok: false, zh: String(r.zh ?? ''), en: String(r.en ?? '') };
}
