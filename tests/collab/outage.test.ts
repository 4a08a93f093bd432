import { describe, expect, it } from 'vitest';
import { newsroomServerRounds, sharingHostRounds } from '../../bench/outage-rounds';

/**
 * No desk loses an edit (issue 21): three SIGKILL/restart rounds of the sharing host (the web host
 * process; its share resumes at the same address with the same page and tokens) and of the newsroom
 * server, both desks editing while it is down, one desk dying with every other outage and coming back
 * from its backup on disk. bench/collab.bench.ts runs the same with 20 rounds.
 */
describe('kill/restart rounds with both desks editing offline', () => {
  it('the sharing host: the share resumes by itself and every outage edit is on both desks', async () => {
    const figures = await sharingHostRounds(3);
    expect(figures.lost).toEqual([]);
    expect(figures.made).toBe(3 * 2 * 3);
    expect(figures.presentOnBoth).toBe(figures.made);
  }, 240_000);

  it('the newsroom server: every outage edit is on both desks', async () => {
    const figures = await newsroomServerRounds(3);
    expect(figures.lost).toEqual([]);
    expect(figures.made).toBe(3 * 2 * 3);
    expect(figures.presentOnBoth).toBe(figures.made);
  }, 240_000);
});
