import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingHttpHeaders } from 'node:http';
import { SESSION_HEADER, SESSION_META } from '../../src-core/host-api';

/**
 * Who may call the web host's API: only the app it served, in the browser it served it to. A page
 * from another origin (a cross-site `no-cors` POST), a DNS-rebinding name for 127.0.0.1, or a request
 * without the session's secret is refused with 403 before its body is read.
 */


export function newSessionSecret(): string {
  return randomBytes(24).toString('base64url');
}

const SECRET_FILE = 'web-secret';

/**
 * The host's secret kept in its state folder (mode 0600), so that a host restarted after a crash
 * answers the tabs it served before (they hold the old secret) instead of refusing them all.
 */
export function lastingSessionSecret(stateDir: string): string {
  const file = join(stateDir, SECRET_FILE);
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (/^[A-Za-z0-9_-]{32}$/.test(kept)) return kept;
  } catch {
    // none yet, or unreadable: make a new one
  }
  const secret = newSessionSecret();
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The names this host answers to: only loopback addresses, never a name an attacker's DNS controls. */
export function ownHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export interface Refusal {
  status: number;
  zh: string;
  en: string;
}

const refuse = (zh: string, en: string): Refusal => ({ status: 403, zh, en });

/** Any request: the Host header must be one of this host's own loopback names (DNS rebinding). */
export function hostProblem(headers: IncomingHttpHeaders, port: number): Refusal | undefined {
  if (!headers.host || !ownHosts(port).has(headers.host.toLowerCase())) return refuse('请求的主机名不是本机地址', 'The request names a host other than this machine');
  return undefined;
}

function sameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** An API call: same origin, the session's secret, and a JSON body. */
export function apiProblem(headers: IncomingHttpHeaders, port: number, secret: string): Refusal | undefined {
  const host = hostProblem(headers, port);
  if (host) return host;
  const origin = headers.origin;
  if (origin !== undefined && !ownHosts(port).has(origin.replace(/^http:\/\//, '').toLowerCase())) return refuse('不接受来自其他网站的请求', 'Requests from another site are refused');
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return refuse('不接受来自其他网站的请求', 'Requests from another site are refused');
  const given = headers[SESSION_HEADER];
  if (typeof given !== 'string' || !sameSecret(given, secret)) return refuse('缺少本次会话的凭据', "The request does not carry this session's secret");
  if (!/^application\/json\s*(;|$)/i.test(headers['content-type'] ?? '')) return refuse('接口只接受 JSON 请求', 'The API accepts JSON requests only');
  return undefined;
}

/** index.html with the session's secret in a <meta> the app reads (the CSP allows no inline script). */
export function withSessionMeta(html: string, secret: string): string {
  return html.replace('</head>', `  <meta name="${SESSION_META}" content="${secret}" />\n  </head>`);
}
