/**
 * `export` of an edition file lays each page out once: the preflight's layout is the one its page PDF
 * and the combined PDF print (it was laid out three times: preflight, page PDF, combined PDF). Layout
 * is counted through the module every caller imports it from.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run as edition } from '../../src-main/cli/commands/edition';
import { run as exportCommand } from '../../src-main/cli/commands/export';
import { PLAN } from '../support/edition-fixture';

const counted = vi.hoisted(() => ({ layouts: 0 }));
vi.mock('../../src-core/layout/layout', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src-core/layout/layout')>();
  return { ...real, layout: (...args: Parameters<typeof real.layout>) => (counted.layouts++, real.layout(...args)) };
});

const dir = mkdtempSync(join(tmpdir(), 'banmian-export-layouts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('edition export', () => {
  it('lays each of the 3 pages out once for its page PDF and the combined PDF', async () => {
    const quiet = [vi.spyOn(console, 'log').mockImplementation(() => {}), vi.spyOn(console, 'error').mockImplementation(() => {})];
    try {
      const saved = join(dir, 'day.banmian');
      expect(await edition([PLAN, '-o', join(dir, 'made'), '--save', saved])).toBe(0);
      counted.layouts = 0;
      expect(await exportCommand([saved, '-o', join(dir, 'out')])).toBe(0);
    } finally {
      quiet.forEach((q) => q.mockRestore());
    }
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['20261203-01.pdf', '20261203-02.pdf', '20261203-03.pdf', '20261203.pdf']);
    expect(counted.layouts).toBe(3);
  }, 120_000);
});
