/**
 * Every command refuses an option it does not have the same way: exit 2, the option named, then that
 * command's usage on stderr, nothing on stdout (the commands of the table parse with parseCommandArgs).
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src-main/cli/index';
import { COMMANDS, commandUsage, type CommandName } from '../../src-main/cli/command-table';

const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
afterAll(() => vi.restoreAllMocks());

describe('an unknown option', () => {
  it('exits 2 naming it, with the command\'s usage, for every command', async () => {
    for (const name of Object.keys(COMMANDS) as CommandName[]) {
      err.mockClear();
      out.mockClear();
      expect(await main([name, '--no-such-option']), name).toBe(2);
      const said = err.mock.calls.map((c) => String(c[0])).join('\n');
      expect(said, name).toContain('--no-such-option');
      expect(said, name).toContain(commandUsage(name));
      expect(out, name).not.toHaveBeenCalled();
    }
  });
});
