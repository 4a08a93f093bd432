import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { PNG_DPI, type ExportOutcome } from '../../src-core/host-api';
import { serializeDocument } from '../../src-core/model/serialize';
import { checkCall, dispatchHostCall, isPngOptions } from '../../src-main/host/handlers';
import { sandboxAccess, type HostEnv } from '../../src-main/host/page-files';
import { cleanPage, oversetPage } from '../fixtures/pdf/pages';

/** The proof PNG export and "open the exported file" of the HostApi: argument checks and the handlers. */
const dir = mkdtempSync(join(tmpdir(), 'banmian-png-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env: HostEnv = { files: sandboxAccess(dir), autosaveSeconds: 30 };
const page = serializeDocument(cleanPage());

/** An exportPng call that must reach its handler and succeed (written or blocked by preflight). */
async function exportPng(args: unknown[], on: HostEnv = env): Promise<ExportOutcome> {
  const r = await dispatchHostCall('exportPng', args, on);
  if ('rejected' in r || !r.ok || !r.value) throw new Error(JSON.stringify(r).slice(0, 300));
  return r.value as ExportOutcome;
}

describe('argument checks of exportPng and openExported', () => {
  it('accepts a resolution between 36 and 600 dpi and force, nothing else', () => {
    expect(isPngOptions({})).toBe(true);
    expect(isPngOptions({ dpi: PNG_DPI.min, force: true })).toBe(true);
    expect(isPngOptions({ dpi: PNG_DPI.max })).toBe(true);
    for (const bad of [null, [], 'x', { dpi: 35 }, { dpi: 601 }, { dpi: 150.5 }, { dpi: '150' }, { force: 1 }, { marks: true }]) expect(isPngOptions(bad), JSON.stringify(bad)).toBe(false);
  });

  it('refuses malformed calls before a handler runs, with a bilingual reason', () => {
    for (const args of [[], [page, 'a.png'], ['not json', 'a.png', {}], [page, '', {}], [page, 'a.png', { dpi: 9999 }], [page, 'a\0.png', {}]]) {
      const r = checkCall('exportPng', args);
      expect(r.rejected, JSON.stringify(args).slice(0, 60)).toBe(true);
      if (r.rejected) expect([r.zh, r.en]).toEqual([expect.stringContaining('exportPng'), expect.stringContaining('dpi')]);
    }
    expect(checkCall('exportPng', [page, null, { dpi: 72 }]).rejected).toBe(false);
    for (const args of [[], [null], [3], ['a.png', 'b.png'], ['x'.repeat(5000)]]) expect(checkCall('openExported', args).rejected).toBe(true);
    expect(checkCall('openExported', ['page.png']).rejected).toBe(false);
  });
});

describe('the proof PNG and the exported file on the web host', () => {
  it('exports the trimmed page as a PNG at the asked resolution, after preflight', async () => {
    const outcome = await exportPng([page, 'proofs/page.png', { dpi: 50 }]);
    expect(outcome).toMatchObject({ written: true, path: 'proofs/page.png' });
    const bytes = readFileSync(join(dir, 'proofs/page.png'));
    expect(outcome.bytes).toBe(bytes.length);
    const png = PNG.sync.read(bytes);
    // The trim size (no bleed, no marks) at 50 dpi.
    const doc = cleanPage();
    expect(Math.abs(png.width - (doc.page.format.width / 72) * 50)).toBeLessThanOrEqual(1);
    expect(Math.abs(png.height - (doc.page.format.height / 72) * 50)).toBeLessThanOrEqual(1);
    // Not blank: a good share of the pixels carry ink.
    let ink = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i] < 128) ink++;
    expect(ink / (png.width * png.height)).toBeGreaterThan(0.01);
  });

  it('stops at preflight errors unless forced, and writes nothing', async () => {
    const overset = serializeDocument(oversetPage());
    const blocked = await exportPng([overset, 'overset.png', { dpi: 40 }]);
    expect(blocked.written).toBe(false);
    expect(blocked.report.errors.length).toBeGreaterThan(0);
    expect(existsSync(join(dir, 'overset.png'))).toBe(false);
    expect((await exportPng([overset, 'overset.png', { dpi: 40, force: true }])).written).toBe(true);
    expect(existsSync(join(dir, 'overset.png'))).toBe(true);
  });

  it('keeps PNG proofs to .png names inside the sandbox', async () => {
    for (const path of ['page.pdf', '../page.png', '/tmp/page.png']) {
      const r = await dispatchHostCall('exportPng', [page, path, {}], env);
      expect('rejected' in r ? false : r.ok, path).toBe(false);
    }
  });

  it('opens only files exported in this session: the web host names the URL it serves them at', async () => {
    const r = await dispatchHostCall('openExported', ['proofs/page.png'], env);
    expect(r).toEqual({ ok: true, value: { shown: 'url', url: 'exported/proofs/page.png' } });
    for (const path of ['other.png', 'proofs/../proofs/page.png', 'overset.banmian']) {
      const refused = await dispatchHostCall('openExported', [path], env);
      expect(refused).toMatchObject({ ok: false, zh: expect.stringContaining('只能打开本次导出的文件') });
    }
  });

  it('hands the file to the system viewer where there is one (Electron), and reports its failure', async () => {
    const opened: string[] = [];
    const electronLike: HostEnv = { ...env, openInViewer: async (abs) => (opened.push(abs), opened.length > 1 ? 'no application' : '') };
    expect((await exportPng([page, 'viewer.png', { dpi: 36 }], electronLike)).written).toBe(true);
    expect(await dispatchHostCall('openExported', ['viewer.png'], electronLike)).toEqual({ ok: true, value: { shown: 'viewer' } });
    expect(opened).toEqual([join(dir, 'viewer.png')]);
    expect(await dispatchHostCall('openExported', ['viewer.png'], electronLike)).toMatchObject({ ok: false, en: expect.stringContaining('no application') });
  });
});
