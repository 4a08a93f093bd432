/**
 * Issue 20: `--font hei=FILE` sets the 黑 role in that file's face everywhere, also where no page
 * style names it: the 栏头 (an article's 栏目 label, set in bold 黑 by layout/titles.ts) no longer
 * stays in the bundled 黑 bold.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { samplePage } from '../../bench/pages';
import { layout } from '../../src-core/layout/layout';
import type { GlyphRun } from '../../src-core/layout/page-layout';
import { main } from '../../src-main/cli/index';
import { saveBanmianFile } from '../../src-main/files/banmian-file';
import { fontFiles, roleUses, withFontFiles } from '../../src-main/fonts/font-files';
import { fontProvider, useFontFiles } from '../../src-main/fonts/provider';
import { NOTO_CJK_DIR } from './test-fonts';

const SANS_SC = `${join(NOTO_CJK_DIR, 'NotoSansCJK-Regular.ttc')}#2`;
const dir = mkdtempSync(join(tmpdir(), 'banmian-column-face-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => useFontFiles([]));
vi.spyOn(console, 'log').mockImplementation(() => undefined);
vi.spyOn(console, 'error').mockImplementation(() => undefined);

/** The faces of the sample's glyph runs, 栏头 and all, laid out as the CLI does with `--font value`. */
function runFaces(value?: string): { column: string[]; all: Set<string>; columnBold: boolean } {
  const files = fontFiles(value ? [value] : []);
  if ('zh' in files) throw new Error(files.en);
  useFontFiles(files.sources, roleUses(files.uses));
  const doc = withFontFiles(samplePage(), files.uses);
  expect(doc.articles.some((a) => a.column?.trim())).toBe(true);
  const runs = layout(doc, { fonts: fontProvider().registry() }).items.filter((i): i is GlyphRun => i.kind === 'glyphs');
  const column = runs.filter((r) => r.source?.field === 'column');
  return { column: [...new Set(column.map((r) => r.face))], all: new Set(runs.map((r) => r.face)), columnBold: column.every((r) => (r.boldStroke ?? 0) > 0) };
}

describe('a role set in a font file reaches the 栏头', () => {
  it('in the bundled faces the 栏头 is 黑 bold', () => {
    expect(runFaces().column).toEqual(['hei-bold']);
  });

  it('--font hei=FILE: the 栏头 is the file’s face (made bold), and no run is left in the bundled 黑', () => {
    const { column, all, columnBold } = runFaces(`hei=${SANS_SC}`);
    expect(column).toEqual(['sys-noto-sans-cjk-sc-regular']); // keyed by the font's own family name
    expect(columnBold).toBe(true); // bold asked of a face without one: drawn as its synthetic bold
    expect([...all].filter((f) => f.startsWith('hei-'))).toEqual([]);
  });

  it('--font headline=FILE (a style, not a role) leaves the 栏头 in the bundled 黑 bold', () => {
    expect(runFaces(`headline=${SANS_SC}`).column).toEqual(['hei-bold']);
  });

  it('export --font hei=FILE embeds no bundled 黑 face', async () => {
    const page = join(dir, 'page.banmian');
    const saved = saveBanmianFile(page, samplePage());
    if (!saved.ok) throw new Error(saved.en);
    const pdf = join(dir, 'hei.pdf');
    await main(['export', page, '-o', pdf, '--force', '--font', `hei=${SANS_SC}`]);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansCJKsc-Regular/);
    expect(fonts).not.toMatch(/NotoSansSC-/);
  });
});
