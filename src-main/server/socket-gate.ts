import type WebSocket from 'ws';
import { MESSAGE, WireReader } from '../../src-core/collab/wire';
import { LIMITS } from './limits';

/** Bytes waiting for authentication over all sockets (Hocuspocus queues them until the token is checked). */
const serverQueue = { bytes: 0 };

interface Held {
  bytes: number;
  messages: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

function headerOf(data: Uint8Array): { documentName: string; type: number } | undefined {
  try {
    const r = new WireReader(data);
    const documentName = utf8.decode(r.bytesField());
    return { documentName, type: r.uint() };
  } catch {
    return undefined;
  }
}

/**
 * Sits between one WebSocket and Hocuspocus (it sees every message before Hocuspocus does):
 * - until a document is authenticated, what the socket sends for it is bounded in size and count
 *   (per socket and over the server), because Hocuspocus queues it; past the bound the socket is
 *   dropped and its queue goes with it;
 * - a document whose token was refused gets nothing more through; a bad token drops the socket
 *   once the refusal is sent;
 * - broadcast-stateless messages never pass: only the server speaks to desks beyond Yjs, so a desk
 *   cannot forge a server reply to another desk.
 */
export class SocketGate {
  private readonly held = new Map<string, Held>();
  private readonly admitted = new Set<string>();
  private readonly refused = new Set<string>();
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    /** The desk's address (for the failed-token throttle). */
    readonly address: string,
  ) {
    const emit = ws.emit.bind(ws) as (event: string | symbol, ...args: unknown[]) => boolean;
    ws.emit = ((event: string | symbol, ...args: unknown[]) => (event === 'message' && !this.pass(args[0]) ? false : emit(event, ...args))) as typeof ws.emit;
    ws.once('close', () => this.release());
  }

  /** The document's token was accepted: its queue is Hocuspocus's to work through now. */
  admit(documentName: string): void {
    this.admitted.add(documentName);
    this.forget(documentName);
  }

  /** The document was refused; with `dropSocket` (a bad token) the socket closes after the refusal is sent. */
  refuse(documentName: string, reason: string, dropSocket: boolean): void {
    this.refused.add(documentName);
    if (!dropSocket || this.closed) return;
    this.closed = true;
    // Hocuspocus sends the permission-denied message right after the hook throws, in this same turn.
    setImmediate(() => this.ws.close(4401, reason));
  }

  private pass(data: unknown): boolean {
    if (this.closed || !(data instanceof Uint8Array)) return false;
    const head = headerOf(data);
    if (!head || head.type === MESSAGE.broadcastStateless || this.refused.has(head.documentName)) return false;
    if (this.admitted.has(head.documentName)) return true;
    return this.hold(head.documentName, data.byteLength);
  }

  private hold(documentName: string, bytes: number): boolean {
    const held = this.held.get(documentName) ?? { bytes: 0, messages: 0 };
    let total = { bytes: 0, messages: 0 };
    for (const h of this.held.values()) total = { bytes: total.bytes + h.bytes, messages: total.messages + h.messages };
    const { preAuth } = LIMITS;
    if (bytes > preAuth.messageBytes || total.bytes + bytes > preAuth.bytes || total.messages >= preAuth.messages || serverQueue.bytes + bytes > LIMITS.preAuthServerBytes) {
      this.drop();
      return false;
    }
    held.bytes += bytes;
    held.messages++;
    serverQueue.bytes += bytes;
    this.held.set(documentName, held);
    return true;
  }

  private forget(documentName: string): void {
    const held = this.held.get(documentName);
    if (!held) return;
    serverQueue.bytes -= held.bytes;
    this.held.delete(documentName);
  }

  /** Too much before authentication: the socket goes at once, and with it everything queued for it. */
  private drop(): void {
    this.closed = true;
    this.release();
    this.ws.terminate();
  }

  private release(): void {
    for (const name of [...this.held.keys()]) this.forget(name);
  }
}
