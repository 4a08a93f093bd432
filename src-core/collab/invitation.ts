import { isCertificateFingerprint } from '../host-args';
import type { Localized } from './protocol';
import { isValidId } from './names';

/**
 * What the sharing desk gives the proofreader: one line holding the server address, the page and
 * the token (and, on the LAN, the SHA-256 fingerprint of the sharing app's self-signed certificate,
 * so the joining app trusts exactly that certificate). The person's name and role are not in it:
 * the server says whom the token names (`session.identify()`).
 *
 *   banmian:join?server=ws%3A%2F%2F127.0.0.1%3A41234&page=p20240115-a1b2&token=bm1.u….…
 */
export interface Invitation {
  server: string;
  pageId: string;
  token: string;
  /** SHA-256 of the server's certificate, hex pairs joined by colons (wss:// with a self-signed certificate). */
  fingerprint?: string;
}

const PREFIX = 'banmian:join?';
/** A token reads `bm1.<userId>.<secret>` (src-main/server/users.ts makes them and reads them with this). */
export const TOKEN_PATTERN = /^bm1\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{20,100})$/;

export function formatInvitation(inv: Invitation): string {
  const parts = [`server=${encodeURIComponent(inv.server)}`, `page=${encodeURIComponent(inv.pageId)}`, `token=${encodeURIComponent(inv.token)}`];
  if (inv.fingerprint) parts.push(`fp=${encodeURIComponent(inv.fingerprint)}`);
  return PREFIX + parts.join('&');
}

/** A ws:// address on loopback, or any wss:// address (the server refuses plain ws:// elsewhere). */
export function checkServerAddress(text: string): { ok: true; url: string } | ({ ok: false } & Localized) {
  const url = text.trim().replace(/\/+$/, '');
  const m = /^(wss?):\/\/(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(url);
  if (!m || (m[3] !== undefined && Number(m[3]) > 65535)) {
    return { ok: false, zh: '服务器地址应写作 wss://主机:端口（本机可用 ws://127.0.0.1:端口）', en: 'The server address reads wss://host:port (ws://127.0.0.1:port on this machine)' };
  }
  const host = m[2].replace(/^\[|\]$/g, '');
  // As the app's connect-src allows (ws://127.0.0.1:*, ws://localhost:*).
  const loopback = host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host);
  if (m[1] === 'ws' && !loopback) return { ok: false, zh: '本机以外的服务器须使用加密连接（wss://）', en: 'A server beyond this machine needs an encrypted connection (wss://)' };
  return { ok: true, url };
}

const BAD: Localized = { zh: '邀请码无效：请完整粘贴组版发来的邀请（以 banmian:join? 开头）', en: 'Not a valid invitation: paste the whole invitation from the layout desk (it starts with banmian:join?)' };

/** Reads an invitation, or the three parts typed separately; every part is checked. */
export function parseInvitation(text: string): ({ ok: true } & Invitation) | ({ ok: false } & Localized) {
  const trimmed = text.trim();
  if (!trimmed.startsWith(PREFIX) || trimmed.length > 2000) return { ok: false, ...BAD };
  const fields = new Map<string, string>();
  for (const pair of trimmed.slice(PREFIX.length).split('&')) {
    const at = pair.indexOf('=');
    if (at <= 0) return { ok: false, ...BAD };
    try {
      fields.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
    } catch {
      return { ok: false, ...BAD };
    }
  }
  return checkInvitation({ server: fields.get('server') ?? '', pageId: fields.get('page') ?? '', token: fields.get('token') ?? '', fingerprint: fields.get('fp') });
}

export function checkInvitation(inv: Invitation): ({ ok: true } & Invitation) | ({ ok: false } & Localized) {
  const server = checkServerAddress(inv.server);
  if (!server.ok) return server;
  if (!isValidId(inv.pageId.trim())) return { ok: false, zh: '版面编号无效', en: 'The page id is not valid' };
  if (!TOKEN_PATTERN.test(inv.token.trim())) return { ok: false, zh: '令牌无效：应为 bm1. 开头的一整串字符', en: 'The token is not valid: it is one string starting with bm1.' };
  const fingerprint = inv.fingerprint?.trim().toUpperCase();
  if (fingerprint && !isCertificateFingerprint(fingerprint)) return { ok: false, zh: '证书指纹无效', en: 'The certificate fingerprint is not valid' };
  return { ok: true, server: server.url, pageId: inv.pageId.trim(), token: inv.token.trim(), ...(fingerprint ? { fingerprint } : {}) };
}
