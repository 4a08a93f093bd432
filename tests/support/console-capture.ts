import { rmSync } from 'node:fs';
import { afterAll, beforeAll, vi } from 'vitest';

/**
 * What a CLI suite prints (console.log and console.error), gathered in one list for the whole file
 * (`logs.length = 0` clears it); after the file the console is restored and `dir`, its scratch
 * folder, removed.
 */
export function capturedConsole(dir: string): string[] {
  const logs: string[] = [];
  beforeAll(() => {
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void logs.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void logs.push(a.join(' ')));
  });
  afterAll(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });
  return logs;
}
