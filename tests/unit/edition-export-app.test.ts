/**
 * 导出整期 PDF in the app (src-renderer/edition/edition-export.ts) against a host that records its
 * calls: one exportPdf per page in number order into the folder beside the edition, then the
 * combined exportEditionPdf; progress per file up to M/M; a cancel stops before the next file; a
 * page blocked by preflight stops the export and names the page.
 */
import { describe, expect, it } from 'vitest';
import type { EditionDocument } from '../../src-core/edition/edition';
import type { HostApi } from '../../src-core/host-api';
import { defaultPage } from '../../src-core/model/defaults';
import { exportEdition, exportFolder, type ExportProgress } from '../../src-renderer/edition/edition-export';

function edition(): EditionDocument {
  const page = (n: number, name: string) => ({ number: n, name, section: '', page: defaultPage('tabloid'), articles: [], images: [], blocks: [] });
  return {
    formatVersion: 2,
    edition: { paper: '洛阳日报', date: '2026-12-03', format: 'tabloid', jumpStyle: 'ordinal' },
    articles: [],
    images: [],
    pages: [page(3, '经济'), page(1, '要闻'), page(2, '综合')],
    chains: [],
  };
}

/** A host whose two export calls record their paths; `written: false` for the page numbers in `blocked`. */
function recordingHost(opts: { blocked?: string[]; onCall?: () => void } = {}) {
  const calls: string[] = [];
  const host = {
    exportPdf: async (_json: string, path: string) => {
      calls.push(path);
      opts.onCall?.();
      const written = !opts.blocked?.some((b) => path.endsWith(b));
      return { ok: true, value: { written, path, report: { errors: [], warnings: [] }, lines: written ? [] : ['溢排 overset'] } };
    },
    exportEditionPdf: async (_json: string, path: string) => {
      calls.push(path);
      return { ok: true, value: { path, bytes: 1 } };
    },
  } as unknown as HostApi;
  return { host, calls };
}

describe('导出整期 PDF in the app', () => {
  it('writes the pages in number order, then the combined PDF, the progress reaching M/M', async () => {
    const { host, calls } = recordingHost();
    const seen: ExportProgress[] = [];
    const end = await exportEdition(edition(), 'news/day.banmian', { host, force: false, cancelled: () => false, progress: (p) => seen.push(p) });
    expect(end).toEqual({ state: 'done' });
    expect(exportFolder('news/day.banmian')).toBe('news/day-pdf');
    expect(calls).toEqual(['news/day-pdf/20261203-01.pdf', 'news/day-pdf/20261203-02.pdf', 'news/day-pdf/20261203-03.pdf', 'news/day-pdf/20261203.pdf']);
    expect(seen.map((p) => `${p.done}/${p.total} ${p.state}`)).toEqual(['0/4 running', '1/4 running', '2/4 running', '3/4 running', '4/4 done']);
    expect(seen[1].zh).toBe('第2/3版（第2版）：20261203-02.pdf');
  });

  it('a cancel stops before the next file', async () => {
    let cancel = false;
    const { host, calls } = recordingHost({ onCall: () => (cancel = true) });
    const end = await exportEdition(edition(), 'day.banmian', { host, force: false, cancelled: () => cancel, progress: () => undefined });
    expect(end).toEqual({ state: 'cancelled' });
    expect(calls).toEqual(['day-pdf/20261203-01.pdf']);
  });

  it('a page blocked by preflight stops the export and is named', async () => {
    const { host, calls } = recordingHost({ blocked: ['-02.pdf'] });
    const end = await exportEdition(edition(), 'day.banmian', { host, force: false, cancelled: () => false, progress: () => undefined });
    expect(end).toMatchObject({ state: 'failed', zh: expect.stringContaining('第2版有印前错误'), en: 'Page 2 has preflight errors and was not exported' });
    expect(calls).toHaveLength(2);
  });

  it('校样: every file as a proof (PROOF_PRINT: no marks, no bleed, no PDF/X) into day-proof/', async () => {
    const options: unknown[] = [];
    const host = {
      exportPdf: async (_json: string, path: string, o: unknown) => (options.push([path, o]), { ok: true, value: { written: true, path, report: { errors: [], warnings: [] }, lines: [] } }),
      exportEditionPdf: async (_json: string, path: string, o: unknown) => (options.push([path, o]), { ok: true, value: { path, bytes: 1 } }),
    } as unknown as HostApi;
    const end = await exportEdition(edition(), 'news/day.banmian', { host, force: false, proof: true, cancelled: () => false, progress: () => undefined });
    expect(end).toEqual({ state: 'done' });
    const proof = { bleedMm: 0, marks: false, pdfx: false, force: false };
    expect(options).toEqual([
      ['news/day-proof/20261203-01.pdf', proof],
      ['news/day-proof/20261203-02.pdf', proof],
      ['news/day-proof/20261203-03.pdf', proof],
      ['news/day-proof/20261203.pdf', proof],
    ]);
  });

  it('names the files by the edition\'s fileNames when it has them', async () => {
    const { host, calls } = recordingHost();
    const ed = edition();
    ed.edition.fileNames = { page: 'LY{date}_{page}.pdf', edition: '{paper}{date}.pdf' };
    await exportEdition(ed, 'day.banmian', { host, force: false, cancelled: () => false, progress: () => undefined });
    expect(calls).toEqual(['day-pdf/LY20261203_01.pdf', 'day-pdf/LY20261203_02.pdf', 'day-pdf/LY20261203_03.pdf', 'day-pdf/洛阳日报20261203.pdf']);
  });
});

