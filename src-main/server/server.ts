import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Hocuspocus, Extension } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';
import { WebSocketServer } from 'ws';
import { CONNECTION_TIMING } from '../../src-core/collab/timing';
import { directoryExtension, serveDirectory } from './directory';
import { Guard } from './guard';
import { LIMITS } from './limits';
import { OneDocumentPerName } from './one-document-per-name';
import { SocketGate } from './socket-gate';
import type { SqliteDriverName } from './sqlite-driver';
import { SqliteStore, sqliteExtension, type Durability } from './sqlite-store';
import { UserDirectory } from './users';

export interface CollabServerOptions {
  /** Port to listen on; 0 picks a free one (the chosen port is in the result's `url`). */
  port?: number;
  /** Address to listen on. Default 127.0.0.1: anything else needs `tls` or `behindProxy`. */
  host?: string;
  /** Folder for the SQLite database (created if missing). */
  dataDir: string;
  /** The users file (see `npm run server -- add-user`). */
  usersFile: string;
  /** Serve wss:// directly with this key and certificate (PEM). */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /**
   * Plain ws:// on a non-loopback address, because a TLS-terminating proxy (nginx) in front is the
   * only peer that reaches it. Connections are still accepted only from `trustedProxies`.
   */
  behindProxy?: { trustedProxies: string[] };
  /** Several instances sharing documents through Redis (the scale path). */
  redis?: { host: string; port: number; prefix?: string };
  /**
   * 'normal' (default): an acknowledged change survives the server process being killed (it is in
   * SQLite's WAL); 'full': it has also been fsynced, so it survives a power cut, at a cost in latency
   * under load (see bench/collab.bench.ts). Desks still open after a crash resend what the server lost.
   */
  durability?: Durability;
  /** Instance name, shown in /health and used by the Redis extension. */
  name?: string;
  /** Hocuspocus's store debounce (ms); the log is the durable copy, this only folds it. */
  debounce?: number;
}

export interface CollabServer {
  url: string;
  port: number;
  /** The SQLite driver the documents are stored with (node:sqlite). */
  storage: SqliteDriverName;
  close(): Promise<void>;
  /** For tests and monitoring. */
  readonly guard: Guard;
  readonly hocuspocus: Hocuspocus;
}

export class CollabServerError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * The desk's address, for the failed-token throttle: behind a trusted proxy the last
 * X-Forwarded-For entry (the one the proxy added), else the socket's peer.
 */
function clientAddress(req: IncomingMessage, fromProxy: boolean): string {
  const peer = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  const forwarded = req.headers['x-forwarded-for'];
  const last = typeof forwarded === 'string' ? forwarded.split(',').pop()?.trim() : undefined;
  return fromProxy && last ? last : peer;
}

function isLoopbackAddress(addr: string | undefined): boolean {
  if (!addr) return false;
  return addr === '::1' || addr.startsWith('127.') || addr.startsWith('::ffff:127.');
}

/** Anything but loopback needs TLS or the proxy in front, refused before anything is opened. */
function assertSafeAddress(host: string, options: CollabServerOptions): void {
  if (LOOPBACK.has(host) || options.tls || options.behindProxy) return;
  throw new CollabServerError(
    `在 ${host} 上监听需要 TLS：请提供证书（tls），或置于 nginx 等反向代理之后（behindProxy）`,
    `Listening on ${host} needs TLS: give a certificate (tls) or run behind a reverse proxy such as nginx (behindProxy)`,
  );
}

/** Hocuspocus with the role guard, SQLite persistence, the page directory and (when asked) Redis. */
function createHocuspocus(options: CollabServerOptions, guard: Guard, store: SqliteStore): Hocuspocus {
  const extensions: Extension[] = [guard, sqliteExtension(store), directoryExtension(store)];
  if (options.redis) {
    extensions.push(new Redis({ host: options.redis.host, port: options.redis.port, prefix: options.redis.prefix ?? 'banmian', identifier: options.name }));
  }
  return new OneDocumentPerName({
    name: options.name ?? 'banmian',
    extensions,
    quiet: true,
    debounce: options.debounce ?? 2000,
    maxDebounce: 10_000,
    // A desk whose network dropped (its socket left hanging) is closed within 2× this, so the others see it leave.
    timeout: CONNECTION_TIMING.serverPingMs,
  });
}

/** Which sockets may talk to the server, and which came through the trusted proxy. */
interface SocketRule {
  viaProxy(socket: Socket): boolean;
  allowed(socket: Socket): boolean;
}

function socketRule(options: CollabServerOptions): SocketRule {
  const trusted = new Set(options.behindProxy?.trustedProxies ?? []);
  const viaProxy = (socket: Socket): boolean => trusted.has((socket.remoteAddress ?? '').replace(/^::ffff:/, ''));
  const allowed = (socket: Socket): boolean => {
    const remote = socket.remoteAddress;
    if (isLoopbackAddress(remote)) return true;
    if (options.tls) return true;
    return viaProxy(socket);
  };
  return { viaProxy, allowed };
}

interface ServerParts {
  hocuspocus: Hocuspocus;
  guard: Guard;
  store: SqliteStore;
  rule: SocketRule;
}

/** Plain HTTP requests: /health, the page directory, and a 404 that names the server. */
function requestHandler(name: string, { hocuspocus, guard, store, rule }: ServerParts) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, name, documents: hocuspocus.getDocumentsCount(), connections: hocuspocus.getConnectionsCount() }));
      return;
    }
    // The page directory obeys the socket rule: plain HTTP only on loopback or from the trusted proxy.
    if (rule.allowed(req.socket)) {
      if (serveDirectory(req, res, guard, store, clientAddress(req, rule.viaProxy(req.socket)))) return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('版面协作服务器 / Banmian collaboration server\n');
  };
}

/** WebSocket upgrades: refused unless the socket rule allows them, else handed to Hocuspocus behind a gate. */
function acceptSockets(http: HttpServer, wss: WebSocketServer, { hocuspocus, rule }: ServerParts): void {
  http.on('upgrade', (req, socket: Socket, head) => {
    if (!rule.allowed(socket)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const fromProxy = rule.viaProxy(socket);
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', () => undefined);
      // The gate sees every message before Hocuspocus; the guard finds it in the context.
      const gate = new SocketGate(ws, clientAddress(req, fromProxy));
      hocuspocus.handleConnection(ws, req, { gate });
    });
  });
}

function listen(http: HttpServer, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
}

/** Stops once: connections first, then what is loaded is stored, then the store closes. */
function closer(http: HttpServer, wss: WebSocketServer, { hocuspocus, store }: ServerParts): () => Promise<void> {
  let closed = false;
  return async () => {
    if (closed) return;
    closed = true;
    await new Promise<void>((resolve) => {
      http.close(() => resolve());
      hocuspocus.closeConnections();
      for (const ws of wss.clients) ws.terminate();
    });
    // store what is loaded, then stop
    for (const doc of hocuspocus.documents.values()) store.compact(doc.name, doc);
    await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
    wss.close();
    store.close();
  };
}

/**
 * Starts the collaboration server: Hocuspocus with the role guard and SQLite persistence, on
 * 127.0.0.1 unless told otherwise. Used by `npm run server` and, later, by 文件 → 共享此版面.
 */
export async function startCollabServer(options: CollabServerOptions): Promise<CollabServer> {
  const host = options.host ?? '127.0.0.1';
  assertSafeAddress(host, options);
  const users = new UserDirectory(options.usersFile);
  const store = new SqliteStore(options.dataDir, options.durability ?? 'normal');
  const guard = new Guard(users);
  const parts: ServerParts = { hocuspocus: createHocuspocus(options, guard, store), guard, store, rule: socketRule(options) };
  const onRequest = requestHandler(options.name ?? 'banmian', parts);
  const http: HttpServer = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, onRequest) : createHttpServer(onRequest);
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.messageBytes });
  acceptSockets(http, wss, parts);
  await listen(http, options.port ?? 0, host);
  const port = (http.address() as AddressInfo).port;
  const scheme = options.tls ? 'wss' : 'ws';
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { url: `${scheme}://${shownHost}:${port}`, port, storage: store.db.driver, guard, hocuspocus: parts.hocuspocus, close: closer(http, wss, parts) };
}
