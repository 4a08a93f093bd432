import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: the run's own cache folder (BANMIAN_CACHE_DIR, the installed-font listing's
 * cache), made before the workers start so they and the programs they spawn inherit it, and removed
 * at the end, so no test reads or writes the user's ~/.cache/banmian.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-test-cache-'));
  process.env.BANMIAN_CACHE_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
