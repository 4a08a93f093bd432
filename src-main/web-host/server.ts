import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FontProvider } from '../../src-core/fonts/provider';
import { HOST_API, isHostApiMethod } from '../../src-core/host-api';
import { MAX_PAGE_JSON_CHARS } from '../../src-core/host-args';
import { CONTENT_SECURITY_POLICY } from '../host/csp';
import { tmpdir } from 'node:os';
import { dispatchHostCall, findProjectRoot, resumeSharing, stopSharing } from '../host/handlers';
import { exportedFile, fontsOf, sandboxAccess, type HostEnv } from '../host/page-files';
import { fontAt, IMMUTABLE_CACHE_CONTROL, redirectToFont } from './font-route';
import { apiProblem, hostProblem, lastingSessionSecret, newSessionSecret, withSessionMeta } from './api-guard';

/**
 * A small local web host: serves the built renderer (dist-web/) and answers the HostApi over
 * POST /api/<method> with a JSON array of arguments, through the same handlers Electron main uses.
 * It listens on 127.0.0.1 only; it is for tests and for working on the UI without Electron.
 */

export interface WebHostOptions {
  /** 0 or absent: a free port. */
  port?: number;
  /** When `port` is taken, try the next ones (up to PORT_TRIES) instead of failing. */
  nextFreePort?: boolean;
  /** Folder of the built renderer; defaults to <project>/dist-web. */
  root?: string;
  /**
   * The only folder whose pages the app may open and save (and where recovery lives). Absent: a
   * fresh temporary folder, removed on close (tests); the command line passes a lasting one.
   */
  sandbox?: string;
  /**
   * The API's secret: a given one (the dev server's proxy shares it), 'lasting' (kept in the pages
   * folder's state, so a restarted host still answers the tabs it served), or absent: a fresh one.
   */
  secret?: string | 'lasting';
  /** Seconds between autosaves (30 by default; tests use less). */
  autosaveSeconds?: number;
  /** Where its fonts come from; absent: the process's provider (tests give one over a font folder of their own). */
  fonts?: FontProvider;
}

export interface WebHost {
  url: string;
  sandbox: string;
  /** The per-session secret the API asks for (tests and tools that call it directly). */
  secret: string;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;
/** Methods that carry a whole page (with its images), a desk backup or files to import (the table's `large`). */
const carriesPage = (method: string): boolean => isHostApiMethod(method) && 'large' in HOST_API[method];
const MAX_LARGE_BODY = MAX_PAGE_JSON_CHARS;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

function baseHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, zh: string, en: string): void {
  sendJson(res, status, { ok: false, zh, en });
}

/**
 * The body as text, or undefined when it is over `limit`: then a 413 goes out at once (a declared
 * length over the limit is refused before any byte is read) and the rest of the upload is discarded
 * as it arrives, never kept, so the client reads the answer instead of a reset connection.
 */
function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<string | undefined> {
  const tooLarge = (): undefined => {
    res.setHeader('Connection', 'close');
    sendError(res, 413, `请求内容超过 ${Math.round(limit / 1024)} KB 的上限`, `The request body is larger than the ${Math.round(limit / 1024)} KB limit`);
    req.removeAllListeners('data');
    req.resume();
    return undefined;
  };
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.resolve(tooLarge());
  return new Promise((done, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) done(tooLarge());
      else chunks.push(chunk);
    });
    req.on('end', () => done(size > limit ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, { env, port, secret }: ApiContext): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return sendError(res, 405, '接口只接受 POST 请求', 'The API accepts POST requests only');
  }
  const refused = apiProblem(req.headers, port, secret);
  if (refused) return sendError(res, refused.status, refused.zh, refused.en);
  const body = await readBody(req, res, carriesPage(method) ? MAX_LARGE_BODY : MAX_BODY);
  if (body === undefined) return;
  let args: unknown = [];
  if (body.trim() !== '') {
    try {
      args = JSON.parse(body);
    } catch {
      return sendError(res, 400, '请求内容不是有效的 JSON', 'The request body is not valid JSON');
    }
  }
  const result = await dispatchHostCall(method, args, env);
  if ('rejected' in result) return sendError(res, 400, result.zh, result.en);
  if (result.ok && result.value instanceof Uint8Array) {
    // A face goes out under its content address, which the browser caches (font-route.ts).
    if (method === 'fontBytes') return redirectToFont(res, (args as string[])[0], result.value);
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': result.value.byteLength });
    res.end(result.value);
    return;
  }
  sendJson(res, 200, result);
}

/**
 * GET exported/<path>: a file exported in this session, for the UI's 打开 Open button (the web host
 * cannot start the user's viewer, so the browser shows the file). Nothing else in the sandbox is served.
 */
async function serveExported(req: IncomingMessage, res: ServerResponse, env: HostEnv, encoded: string): Promise<void> {
  const shown = readablePath(req, res, encoded);
  if (shown === undefined) return;
  const abs = exportedFile(env, shown);
  let data: Buffer;
  try {
    if (!abs) throw new Error('not exported');
    data = await readFile(abs);
  } catch {
    return sendError(res, 404, `没有本次导出的文件 ${shown}`, `No file exported in this session: ${shown}`);
  }
  res.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(abs).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': data.length, 'Content-Disposition': 'inline' });
  res.end(req.method === 'HEAD' ? undefined : data);
}

/** GET fonts/<id>.<hash>: a face under its content address, cached by the browser for good. */
async function serveFont(req: IncomingMessage, res: ServerResponse, env: HostEnv, pathname: string): Promise<void> {
  if (readablePath(req, res, pathname) === undefined) return;
  const answer = await fontAt(pathname, fontsOf(env));
  if (!answer) return sendError(res, 404, `找不到 ${pathname}`, `Not found: ${pathname}`);
  if (answer.status === 404) return sendError(res, 404, answer.zh, answer.en);
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': answer.bytes.byteLength, 'Cache-Control': IMMUTABLE_CACHE_CONTROL });
  res.end(req.method === 'HEAD' ? undefined : answer.bytes);
}

/** The decoded path of a GET or HEAD request; anything else is answered here (405, 400) and gives undefined. */
function readablePath(req: IncomingMessage, res: ServerResponse, encoded: string): string | undefined {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendError(res, 405, '不支持的请求方法', 'Method not allowed');
    return undefined;
  }
  try {
    return decodeURIComponent(encoded);
  } catch {
    sendError(res, 400, '无效的路径', 'Invalid path');
    return undefined;
  }
}

/** Vite's output folder, whose scripts and styles it names `<name>-<content hash>.<ext>`. */
const HASHED_ASSETS = 'assets';

async function serveStatic(req: IncomingMessage, res: ServerResponse, { root, secret }: ApiContext, pathname: string): Promise<void> {
  let relative = readablePath(req, res, pathname);
  if (relative === undefined) return;
  if (relative.includes('\0')) return sendError(res, 400, '无效的路径', 'Invalid path');
  if (relative.endsWith('/')) relative += 'index.html';
  const file = normalize(join(root, relative));
  if (file !== root && !file.startsWith(root + sep)) return sendError(res, 403, '禁止访问', 'Forbidden');
  let data: Buffer;
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    data = await readFile(file);
  } catch {
    return sendError(res, 404, `找不到 ${relative}`, `Not found: ${relative}`);
  }
  if (file === join(root, 'index.html')) data = Buffer.from(withSessionMeta(data.toString('utf8'), secret));
  // The build names everything under assets/ by its content hash: a changed file is a new name.
  if (file.startsWith(join(root, HASHED_ASSETS) + sep)) res.setHeader('Cache-Control', IMMUTABLE_CACHE_CONTROL);
  res.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': data.length });
  res.end(req.method === 'HEAD' ? undefined : data);
}

interface ApiContext {
  env: HostEnv;
  root: string;
  /** Set once the server listens. */
  port: number;
  secret: string;
}

async function route(req: IncomingMessage, res: ServerResponse, context: ApiContext): Promise<void> {
  const wrongHost = hostProblem(req.headers, context.port);
  if (wrongHost) return sendError(res, wrongHost.status, wrongHost.zh, wrongHost.en);
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const api = /^\/api\/([^/]+)$/.exec(url.pathname);
  if (api) {
    const method = decodedMethod(api[1]);
    if (method === undefined) return sendError(res, 400, '接口名称无效', 'Invalid API method name');
    return handleApi(req, res, method, context);
  }
  const exported = /^\/exported\/(.+)$/.exec(url.pathname);
  if (exported) return serveExported(req, res, context.env, exported[1]);
  if (url.pathname.startsWith('/fonts/')) return serveFont(req, res, context.env, url.pathname);
  return serveStatic(req, res, context, url.pathname);
}

/** A method name is a plain identifier; anything else (bad escapes included) is a client error. */
function decodedMethod(encoded: string): string | undefined {
  try {
    const name = decodeURIComponent(encoded);
    return /^[A-Za-z][A-Za-z0-9]{0,63}$/.test(name) ? name : undefined;
  } catch {
    return undefined;
  }
}

const PORT_TRIES = 20;

/** Listens on 127.0.0.1:port, or the next free port of `tries` when the usual one is taken. */
async function listen(server: Server, port: number, tries: number): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await new Promise<void>((done, reject) => {
        server.once('error', reject);
        server.listen(port === 0 ? 0 : port + i, '127.0.0.1', () => {
          server.off('error', reject);
          done();
        });
      });
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || i + 1 >= tries || port === 0) throw e;
    }
  }
}

export async function startWebHost(options: WebHostOptions = {}): Promise<WebHost> {
  const root = resolve(options.root ?? join(findProjectRoot(), 'dist-web'));
  const temporary = options.sandbox === undefined;
  const sandbox = resolve(options.sandbox ?? mkdtempSync(join(tmpdir(), 'banmian-web-')));
  const env: HostEnv = { files: sandboxAccess(sandbox), autosaveSeconds: options.autosaveSeconds ?? 30, ...(options.fonts ? { fonts: options.fonts } : {}) };
  const secret = options.secret === 'lasting' ? lastingSessionSecret(env.files.stateDir) : options.secret || newSessionSecret();
  const context: ApiContext = { env, root, port: 0, secret };
  const server = createServer((req, res) => {
    baseHeaders(res);
    route(req, res, context).catch((e: unknown) => {
      if (!res.headersSent) sendError(res, 500, `内部错误：${String(e)}`, `Internal error: ${String(e)}`);
      else res.destroy();
    });
  });
  await listen(server, options.port ?? 0, options.nextFreePort ? PORT_TRIES : 1);
  // A share this host was running when it was killed comes back at its address, before any desk asks.
  const resumed = await resumeSharing(env);
  if (!resumed.ok) console.error(`${resumed.zh}\n${resumed.en}`);
  else if (resumed.value) console.log(`共享已恢复 / share resumed: ${resumed.value.pageId} ${resumed.value.addresses[0]}`);
  const address = server.address();
  context.port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  return {
    url: `http://127.0.0.1:${context.port}/`,
    sandbox,
    secret: context.secret,
    close: async () => {
      await stopSharing(env);
      await new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => {
          if (temporary) rmSync(sandbox, { recursive: true, force: true });
          done();
        });
      });
    },
  };
}

const isEntry = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
// The program itself lives in foreground.ts (also what `npm start` runs without Electron).
if (isEntry) void import('./foreground').then((f) => f.serveFromCommandLine(process.argv.slice(2), startWebHost));
