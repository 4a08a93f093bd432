import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import { run as edition } from '../../src-main/cli/commands/edition';
import type { EditionDocument } from '../../src-core/edition/edition';
import { parseEdition } from '../../src-core/edition/edition-file';
import { parsePlan, type EditionPlan } from '../../src-core/edition/plan';

/** The three-page test plan (tests/fixtures/edition) that the edition tests start from, and the folder its files are named from. */
export const FIXTURE = 'tests/fixtures/edition';
export const PLAN = join(FIXTURE, 'PLAN.json');

/** The fixture plan as parsed (its files are there, so they are not looked for). */
export function fixturePlan(): EditionPlan {
  const r = parsePlan(readFileSync(PLAN, 'utf8'), { exists: () => true });
  if (!r.ok) throw new Error('fixture plan');
  return r.plan;
}

/**
 * The fixture plan made up by the `edition` command into `dir` (its PDFs in dir/pdf) and saved as
 * dir/`file`; what it prints to stdout is kept out of the test's output and thrown with if it fails.
 */
export async function saveFixtureEdition(dir: string, file: string): Promise<EditionDocument> {
  const logs: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void logs.push(a.join(' ')));
  const code = await edition([PLAN, '-o', join(dir, 'pdf'), '--save', join(dir, file)]);
  log.mockRestore();
  if (code !== 0) throw new Error(logs.join('\n'));
  const r = parseEdition(readFileSync(join(dir, file), 'utf8'));
  if (!r.ok) throw new Error(r.en);
  return r.edition;
}

/** An edition file as saved (pages sharing a number allowed, as a test may have made them). */
export function readEditionFile(path: string): EditionDocument {
  const r = parseEdition(readFileSync(path, 'utf8'), { duplicateNumbers: 'allow' });
  if (!r.ok) throw new Error(r.en);
  return r.edition;
}
