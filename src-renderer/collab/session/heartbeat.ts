/**
 * Knowing within seconds that the server is gone. A browser WebSocket exposes no ping frames, and a
 * connection left hanging (a pulled cable, a server frozen) looks open until TCP gives up, which
 * takes minutes. So the desk asks the server a tiny stateless `ping` every `pingMs`; any message
 * from the server counts as a sign of life; after `silentMs` of silence the connection is dead and is
 * dropped, so that reconnection starts at once. A connection attempt that hangs is dropped the same
 * way (silence is counted from the attempt's start).
 */
import { CONNECTION_TIMING } from '../../../src-core/collab/timing';

/** Time as the heartbeat sees it; tests pass a hand-driven one. */
export interface Clock {
  now(): number;
  /** Runs `run` every `ms`; returns the stop function. */
  every(ms: number, run: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  every: (ms, run) => {
    const timer = setInterval(run, ms);
    return () => clearInterval(timer);
  },
};

export interface HeartbeatLink {
  /** 'connected': pinged and watched; 'connecting': watched (a hanging attempt is dropped); else left alone. */
  state(): 'connected' | 'connecting' | 'idle';
  ping(): void;
  /** Extra silence allowed now (ms): the server may be busy with this desk's unacknowledged changes. */
  grace?(): number;
  /** Silence lasted `silentMs`: drop the connection (it is retried). */
  dead(): void;
}

export class Heartbeat {
  private lastHeard: number;
  private lastPing = -Infinity;
  private stopTicking: (() => void) | undefined;

  constructor(
    private readonly link: HeartbeatLink,
    private readonly clock: Clock = systemClock,
    private readonly timing: { checkMs: number; pingMs: number; silentMs: number } = CONNECTION_TIMING,
  ) {
    this.lastHeard = clock.now();
  }

  start(): void {
    this.stopTicking ??= this.clock.every(this.timing.checkMs, () => this.tick());
  }

  stop(): void {
    this.stopTicking?.();
    this.stopTicking = undefined;
  }

  /** A message arrived, or a connection attempt began: silence counts from now. */
  heard(): void {
    this.lastHeard = this.clock.now();
  }

  private tick(): void {
    const state = this.link.state();
    if (state === 'idle') return;
    const now = this.clock.now();
    if (now - this.lastHeard >= this.timing.silentMs + (this.link.grace?.() ?? 0)) {
      this.lastHeard = now;
      this.link.dead();
      return;
    }
    if (state === 'connected' && now - this.lastPing >= this.timing.pingMs) {
      this.lastPing = now;
      this.link.ping();
    }
  }
}
