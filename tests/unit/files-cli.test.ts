import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as compose } from '../../src-main/cli/commands/compose';
import { run as exportCmd } from '../../src-main/cli/commands/export';
import { run as preflightCmd } from '../../src-main/cli/commands/preflight';
import { loadBanmianFile, saveBanmianFile } from '../../src-main/files/banmian-file';
import { cleanPage } from '../fixtures/pdf/pages';
import { handPlacedPage } from '../../bench/pages';
import { serializeDocument } from '../../src-core/model/serialize';

const SAMPLE = 'assets/samples/luoyang-page.banmian';
const dir = mkdtempSync(join(tmpdir(), 'banmian-cli-'));
const clean = join(dir, 'clean.banmian');
/** The clean page with a story dragged onto its neighbour: text blocks overlapping, a preflight error. */
const overlapping = join(dir, 'overlapping.banmian');

beforeAll(() => {
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  expect(saveBanmianFile(clean, cleanPage()).ok).toBe(true);
  const dragged = cleanPage();
  dragged.blocks = dragged.blocks.map((b) => (b.id === 'b-wu-jinsong' ? { ...b, col: 3 } : b));
  expect(saveBanmianFile(overlapping, dragged).ok).toBe(true);
});
afterAll(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('CLI: export, preflight, compose', () => {
  it('preflight exits 0 on a clean page and 4 when there are errors', async () => {
    expect(await preflightCmd([clean])).toBe(0);
    expect(await preflightCmd([overlapping])).toBe(4);
    expect(await preflightCmd([SAMPLE])).toBe(0); // the sample's picture is a placeholder: a warning
    expect(await preflightCmd([])).toBe(2);
    expect(await preflightCmd([join(dir, 'absent.banmian')])).toBe(1);
  });

  it('opens a page whose blocks run past its grid (an older build saved it) fitted, and says so on stderr', async () => {
    const older = join(dir, 'older.banmian');
    const doc = handPlacedPage();
    // 6 columns set, the blocks left where 8 columns had them: what the app used to save
    writeFileSync(older, serializeDocument({ ...doc, page: { ...doc.page, grid: { ...doc.page.grid, columns: 6 } } }));
    const errors = vi.mocked(console.error);
    errors.mockClear();
    expect(await preflightCmd([older])).not.toBe(1);
    const said = errors.mock.calls.map((c) => String(c[0])).join('\n');
    expect(said).toContain(`${older}：文件中有 6 个块超出版面的 6 栏，已调整：左移`);
    expect(said).toContain(`${older}: 6 blocks in the file ran past the page's 6 columns and were adjusted: moved left`);
    const loaded = loadBanmianFile(older);
    expect(loaded.ok && loaded.fittedBlocks?.map((f) => f.id)).toEqual(['b-banner', 'b-wu-jinsong', 'b-funiu-road', 'b-anle', 'b-anle-photo', 'b-soe-ranking']);
  });

  it('export writes a PDF/X-4 of a clean page; preflight errors block it unless forced', async () => {
    const out = join(dir, 'clean.pdf');
    expect(await exportCmd([clean, '-o', out])).toBe(0);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.6');
    expect(pdf.toString('latin1')).toContain('/GTS_PDFX');

    const blocked = join(dir, 'blocked.pdf');
    expect(await exportCmd([overlapping, '-o', blocked])).toBe(4);
    expect(existsSync(blocked)).toBe(false);
    expect(await exportCmd([overlapping, '-o', blocked, '--force', '--plain'])).toBe(0);
    expect(readFileSync(blocked).toString('latin1')).not.toContain('/GTS_PDFX');
    expect(await exportCmd([SAMPLE])).toBe(2);
    expect(await exportCmd([SAMPLE, '-o', blocked, '--bleed', '-3'])).toBe(2);
  });

  it('compose places the articles of a .banmian afresh, saves the page and exports it', async () => {
    const out = join(dir, 'composed.pdf');
    const saved = join(dir, 'composed.banmian');
    expect(await compose([clean, '-o', out, '--save', saved])).toBe(0);
    const loaded = loadBanmianFile(saved);
    if (!loaded.ok) throw new Error(loaded.en);
    expect(loaded.document.articles).toHaveLength(cleanPage().articles.length);
    expect(loaded.document.blocks.find((b) => b.kind === 'image')).toMatchObject({ imageId: 'anle-photo', articleId: 'anle' });
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('compose refuses unknown formats and impossible column counts with usage errors', async () => {
    const out = join(dir, 'x.pdf');
    expect(await compose([clean, '-o', out, '--format', 'A9'])).toBe(2);
    expect(await compose([clean, '-o', out, '--columns', '0'])).toBe(2);
    expect(await compose([clean, '-o', out, '--format', '300x400mm', '--columns', '40'])).toBe(2);
  });
});
