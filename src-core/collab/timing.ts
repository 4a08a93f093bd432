/**
 * The connection's timing, shared by the desks' client (src-renderer/collab/session/heartbeat.ts)
 * and the server (its WebSocket ping): one declaration, read by both.
 */

/** One declaration of the connection's timing; detection ≤ silentMs + checkMs, reconnection ≤ maxDelay after the server is back. */
export const CONNECTION_TIMING = {
  /** How often silence is checked. */
  checkMs: 500,
  /** How often the desk pings a connected server. */
  pingMs: 1000,
  /** Silence after which the connection is taken for dead (3 pings unanswered). */
  silentMs: 3000,
  /**
   * A server busy storing a large change of this desk's answers nothing meanwhile: the silence
   * allowed grows by 1 ms per this many unacknowledged bytes (1 s per MB).
   */
  bytesPerGraceMs: 1000,
  /** Reconnection backoff: first delay, growth, cap. The cap bounds the wait once the server is back. */
  reconnect: { delay: 250, factor: 2, maxDelay: 2000 },
  /** The server's own ping of each desk (WebSocket ping frames): a silent desk is closed within 2× this. */
  serverPingMs: 2000,
} as const;
