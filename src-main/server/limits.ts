/**
 * What a desk may send the collaboration server: one declaration, read by the socket gate, the
 * guard and the failed-token throttle. A page's real traffic is far below each; a flood is not.
 */
const MiB = 1024 * 1024;

export const LIMITS = {
  /** One WebSocket message, authenticated (a layout document arrives whole, with its images). */
  messageBytes: 32 * MiB,
  /**
   * Before a document is authenticated a desk sends its token, a state vector and its presence per
   * document: small. Anything else waits in Hocuspocus's queue, so it is bounded per socket…
   */
  preAuth: { messageBytes: 64 * 1024, bytes: 1 * MiB, messages: 512 },
  /** …and over all sockets together. */
  preAuthServerBytes: 64 * MiB,
  /** Yjs update bytes one person may add to a document per minute, over all their connections (seeding a page included). */
  updateBytesPerMinute: 64 * MiB,
  /** Failed token attempts from one address per minute; beyond, its attempts are refused for a minute. */
  failedTokensPerMinute: 10,
  /** How often the users file is checked for removed people (their open connections are closed). */
  usersPollMs: 500,
} as const;

/**
 * The "minute" the per-minute limits count in. `BANMIAN_LIMIT_WINDOW_MS` may set it longer (never
 * shorter): the test servers count in an hour, so that a slow machine cannot let a count lapse
 * halfway through a test.
 */
export const MINUTE_MS = Math.max(60_000, Number(process.env.BANMIAN_LIMIT_WINDOW_MS) || 0);
