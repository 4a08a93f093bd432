/**
 * The paper's file names (issue 17's "named by the paper's convention"): the plan's optional
 * `fileNames` patterns, checked like its other fields, kept in the edition file, and used by the
 * export's names, the CLI's `edition` and `export`.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseEdition, serializeEdition, validateEdition } from '../../src-core/edition/edition-file';
import { exportFiles } from '../../src-core/edition/export-files';
import { parsePlan } from '../../src-core/edition/plan';
import { run as edition } from '../../src-main/cli/commands/edition';
import { run as exportCommand } from '../../src-main/cli/commands/export';
import { FIXTURE, PLAN } from '../support/edition-fixture';

const planJson = (): Record<string, any> => JSON.parse(readFileSync(PLAN, 'utf8'));
const parse = (plan: unknown) => parsePlan(JSON.stringify(plan), { exists: () => true });

function issueOf(fileNames: unknown, paper?: string) {
  const r = parse({ ...planJson(), fileNames, ...(paper ? { paper } : {}) });
  expect(r.ok).toBe(false);
  if (r.ok) return undefined;
  expect(r.issues).toHaveLength(1);
  return r.issues[0];
}

const dir = mkdtempSync(join(tmpdir(), 'banmian-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the plan\'s fileNames', () => {
  it('absent: the default names, YYYYMMDD-NN.pdf and YYYYMMDD.pdf', () => {
    const r = parse(planJson());
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.plan.fileNames).toBeUndefined();
    expect(exportFiles(r.plan, [2, 1]).map((f) => f.fileName)).toEqual(['20261203-01.pdf', '20261203-02.pdf', '20261203.pdf']);
  });

  it('a pattern with the date, the page and the paper names the files; the combined one defaults to {date}.pdf', () => {
    const r = parse({ ...planJson(), fileNames: { page: '{paper}_{date}_A{page}.pdf' } });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.plan.fileNames).toEqual({ page: '{paper}_{date}_A{page}.pdf', edition: '{date}.pdf' });
    const names = exportFiles(r.plan, [1, 12]).map((f) => f.fileName);
    expect(names).toEqual([`${r.plan.paper}_20261203_A01.pdf`, `${r.plan.paper}_20261203_A12.pdf`, '20261203.pdf']);
  });

  it('refuses, naming the field and value: no {page}, {page} in the combined name, a path separator, an unknown placeholder, not .pdf', () => {
    expect(issueOf({ page: '{date}.pdf', edition: 'all-{date}.pdf' })).toMatchObject({ path: 'fileNames.page', value: '"{date}.pdf"' });
    expect(issueOf({ edition: '{date}-{page}.pdf' })).toMatchObject({ path: 'fileNames.edition', value: '"{date}-{page}.pdf"' });
    expect(issueOf({ page: 'out/{date}-{page}.pdf' })).toMatchObject({ path: 'fileNames.page', value: '"out/{date}-{page}.pdf"' });
    expect(issueOf({ page: '{day}-{page}.pdf' })?.en).toMatch(/unknown placeholder \{day\}/);
    expect(issueOf({ edition: '{date}.txt' })).toMatchObject({ path: 'fileNames.edition' });
    expect(issueOf({ page: '{paper}-{page}.pdf' }, '晚报/副刊')).toMatchObject({ path: 'fileNames.page' });
    expect(issueOf({ page: '{date}{page}.pdf', edition: '{date}.pdf' })).toMatchObject({ path: 'fileNames.edition' });
    expect(issueOf({ pages: '{date}-{page}.pdf' })).toMatchObject({ path: 'fileNames.pages' });
    const zh = issueOf('{date}.pdf');
    expect(zh).toMatchObject({ path: 'fileNames' });
    expect(zh?.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('fileNames in the edition file and the CLI', () => {
  const plan = join(dir, 'plan', 'PLAN.json');
  const saved = join(dir, 'day.banmian');

  it('edition writes the files by the pattern and keeps it in the saved edition (format 2)', async () => {
    cpSync(FIXTURE, join(dir, 'plan'), { recursive: true });
    writeFileSync(plan, JSON.stringify({ ...planJson(), fileNames: { page: 'LY{date}-{page}.pdf', edition: 'LY{date}-all.pdf' } }));
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const code = await edition([plan, '-o', join(dir, 'made'), '--proof', '--save', saved]);
    log.mockRestore();
    err.mockRestore();
    expect(code).toBe(0);
    expect(readdirSync(join(dir, 'made')).sort()).toEqual(['LY20261203-01.pdf', 'LY20261203-02.pdf', 'LY20261203-03.pdf', 'LY20261203-all.pdf']);
    const r = parseEdition(readFileSync(saved, 'utf8'));
    if (!r.ok) throw new Error(r.en);
    expect(r.edition.formatVersion).toBe(2);
    expect(r.edition.edition.fileNames).toEqual({ page: 'LY{date}-{page}.pdf', edition: 'LY{date}-all.pdf' });
  }, 120_000);

  it('export of the saved edition writes the same names', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const code = await exportCommand([saved, '-o', join(dir, 'exported'), '--proof']);
    log.mockRestore();
    err.mockRestore();
    expect(code).toBe(0);
    expect(readdirSync(join(dir, 'exported')).sort()).toEqual(['LY20261203-01.pdf', 'LY20261203-02.pdf', 'LY20261203-03.pdf', 'LY20261203-all.pdf']);
  }, 120_000);

  it('an edition file with a bad pattern is refused, naming the field', () => {
    const r = parseEdition(readFileSync(saved, 'utf8'));
    if (!r.ok) throw new Error(r.en);
    const raw = JSON.parse(serializeEdition(r.edition));
    raw.edition.fileNames.page = '../{date}-{page}.pdf';
    expect(validateEdition(raw).map((i) => i.path)).toContain('edition.fileNames.page');
    delete raw.edition.fileNames;
    expect(validateEdition(raw)).toEqual([]);
  });
});
