import { readFileSync } from 'node:fs';

/**
 * This process's peak resident memory in KB. On Linux it is VmHWM, which starts afresh when the
 * process execs: `process.resourceUsage().maxRSS` does not, so a child forked from a large test
 * runner reads the runner's peak as its own (CI: every import-fuzz batch "over 1 GB" while the
 * batches took about 110 MB). Elsewhere maxRSS is all there is.
 */
export function peakRssKb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // no /proc: not Linux
  }
  return process.resourceUsage().maxRSS;
}
