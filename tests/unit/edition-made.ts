import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import { run as edition } from '../../src-main/cli/commands/edition';
import { PLAN } from '../support/edition-fixture';

export interface MadeEdition {
  /** The file's scratch folder, removed after its tests. */
  dir: string;
  /** Every console line (log and error) since the file began or was last cleared (`logs.length = 0`). */
  logs: string[];
  /** The exit code of the run before the tests (-1 until it ran). */
  code: number;
}

/**
 * For a test file: a scratch folder named from `prefix`, the console caught into `logs`, and
 * `edition PLAN …args(dir)` run once before the file's tests; afterwards the console is given back
 * and the folder removed.
 */
export function madeEdition(prefix: string, args: (dir: string) => string[]): MadeEdition {
  const made: MadeEdition = { dir: mkdtempSync(join(tmpdir(), prefix)), logs: [], code: -1 };
  beforeAll(async () => {
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void made.logs.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void made.logs.push(a.join(' ')));
    made.code = await edition([PLAN, ...args(made.dir)]);
  }, 120_000);
  afterAll(() => {
    vi.restoreAllMocks();
    rmSync(made.dir, { recursive: true, force: true });
  });
  return made;
}
