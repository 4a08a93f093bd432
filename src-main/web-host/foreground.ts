import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { findProjectRoot } from '../host/handlers';
import type { startWebHost, WebHost } from './server';

/**
 * The browser host as a program in the foreground (`npm start` without Electron, or
 * `npx tsx src-main/web-host/server.ts`): serves until Ctrl+C or SIGTERM, then stops.
 */

export const DEFAULT_PORT = 5180;

/** Where the browser host keeps pages (and recovery): --pages, BANMIAN_PAGES, else ~/Banmian. */
export function defaultPagesFolder(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.BANMIAN_PAGES || join(homedir(), 'Banmian'));
}

export interface ForegroundOptions {
  port: number;
  pages: string;
  autosaveSeconds?: number;
}

/** `start` is server.ts's startWebHost, passed in: server.ts runs this when it is the entry itself. */
export async function serveInForeground(options: ForegroundOptions, start: typeof startWebHost): Promise<WebHost> {
  // BANMIAN_WEB_SECRET: the secret `npm run web`'s dev-server proxy adds to the calls it forwards;
  // else one kept in the pages folder, so the tabs of a host killed and restarted keep working.
  const host = await start({ port: options.port, nextFreePort: true, sandbox: options.pages, autosaveSeconds: options.autosaveSeconds, secret: process.env.BANMIAN_WEB_SECRET || 'lasting' });
  console.log(`版面 Banmian 浏览器版 / browser host: ${host.url}`);
  console.log(`版面文件夹 / pages folder: ${host.sandbox}`);
  console.log('按 Ctrl+C 停止 / Ctrl+C to stop');
  if (!existsSync(join(findProjectRoot(), 'dist-web', 'index.html'))) console.warn('dist-web/ 尚未构建 / is not built yet: run `npm run web:build` first.');
  stopOnSignals(host);
  return host;
}

/** First Ctrl+C or SIGTERM closes the host and exits; a second one exits at once. */
function stopOnSignals(host: WebHost): void {
  let stopping = false;
  const stop = (): void => {
    if (stopping) process.exit(130);
    stopping = true;
    console.log('正在停止… / stopping…');
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

function numberFlag(argv: string[], name: string, valid: (n: number) => boolean, what: string): number | undefined {
  const value = flag(argv, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!valid(n)) throw new Error(`invalid ${name} ${value} (${what})`);
  return n;
}

/** `--port N` (default 5180, the next free one when taken), `--pages DIR` (alias `--sandbox`), `--autosave S`. */
export function foregroundOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): ForegroundOptions {
  const pages = flag(argv, '--pages') ?? flag(argv, '--sandbox');
  return {
    port: numberFlag(argv, '--port', (n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'a port number') ?? DEFAULT_PORT,
    pages: pages ? resolve(pages) : defaultPagesFolder(env),
    autosaveSeconds: numberFlag(argv, '--autosave', (s) => s > 0 && s <= 3600, 'seconds, 0 < s ≤ 3600'),
  };
}

export async function serveFromCommandLine(argv: string[], start: typeof startWebHost): Promise<WebHost> {
  return serveInForeground(foregroundOptions(argv), start);
}
