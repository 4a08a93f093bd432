import { LIMITS, MINUTE_MS } from './limits';

/**
 * Failed token attempts per address: past `LIMITS.failedTokensPerMinute` in a minute, that address's
 * attempts are refused unchecked until a minute after its last failure. Tokens carry 256 random bits,
 * so this is not what keeps them secret; it keeps a guessing loop from costing the server a socket
 * set-up, a users-file read and a hash per try.
 */
export class FailedAttempts {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  blocked(address: string): boolean {
    return this.recent(address).length >= LIMITS.failedTokensPerMinute;
  }

  failed(address: string): void {
    const list = this.recent(address);
    list.push(this.now());
    this.failures.set(address, list.slice(-LIMITS.failedTokensPerMinute));
  }

  private recent(address: string): number[] {
    const since = this.now() - MINUTE_MS;
    const list = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(address);
    else this.failures.set(address, list);
    return list;
  }
}
