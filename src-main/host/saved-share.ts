import type { SharedPageInfo } from '../../src-core/host-api';
import { isValidId } from '../../src-core/collab/names';

/** A running share as `share.json` keeps it, so a host that crashed can resume it (see share.ts). */
export interface SavedShare {
  format: 1;
  port: number;
  lan: boolean;
  /** The users-file entries of its tokens, revoked when it stops. */
  userIds: string[];
  info: SharedPageInfo;
}

const isText = (v: unknown, max = 4096): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

/** Checks the settings file; `file` names it in the message. The file is never changed here. */
export function parseSavedShare(text: string, file: string): { ok: true; saved: SavedShare } | { ok: false; zh: string; en: string } {
  const bad = (zh: string, en: string) => ({ ok: false as const, zh: `共享设置 ${file} 无效（${zh}），未恢复共享`, en: `The share settings ${file} are invalid (${en}); the share was not resumed` });
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return bad('不是有效的 JSON', 'not valid JSON');
  }
  const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  if (o.format !== 1) return bad('格式版本应为 1', 'format should be 1');
  if (!Number.isInteger(o.port) || (o.port as number) < 1 || (o.port as number) > 65535) return bad('端口 port 无效', 'port is not a port number');
  if (typeof o.lan !== 'boolean') return bad('lan 应为真或假', 'lan should be true or false');
  if (!Array.isArray(o.userIds) || !o.userIds.every((id) => isText(id, 200))) return bad('userIds 无效', 'userIds is not a list of ids');
  const info = (typeof o.info === 'object' && o.info !== null ? o.info : {}) as Record<string, unknown>;
  if (!isText(info.pageId) || !isValidId(info.pageId)) return bad('版面编号 pageId 无效', 'pageId is not a page id');
  if (!isText(info.deskUrl) || !isText(info.deskToken) || !isText(info.startedAt)) return bad('本机地址或令牌缺失', 'the desk address or token is missing');
  if (!Array.isArray(info.addresses) || !info.addresses.every((a) => isText(a))) return bad('addresses 无效', 'addresses is not a list of addresses');
  if (!Array.isArray(info.invitations) || !info.invitations.every((i) => typeof i === 'object' && i !== null && isText(i.invitation) && isText(i.name, 40) && isText(i.role, 10))) return bad('邀请 invitations 无效', 'invitations is not a list of invitations');
  return { ok: true, saved: o as unknown as SavedShare };
}
