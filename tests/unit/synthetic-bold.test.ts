import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePDFRawStream, PDFDocument, PDFName, PDFRawStream } from '@cantoo/pdf-lib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createFontProvider, type FontSource } from '../../src-core/fonts/provider';
import { SYNTHETIC_BOLD_STROKE } from '../../src-core/fonts/registry';
import { layout } from '../../src-core/layout/layout';
import type { GlyphRun, PageLayout } from '../../src-core/layout/page-layout';
import type { BanmianDocument } from '../../src-core/model/document';
import { serializeDocument } from '../../src-core/model/serialize';
import { exportPdf } from '../../src-core/pdf';
import { pageToSvg } from '../../src-core/svg/page-svg';
import { run as layoutCommand } from '../../src-main/cli/commands/layout';
import { fontProvider, useFontFiles } from '../../src-main/fonts/provider';
import { createRequire } from 'node:module';
import { cleanPage } from '../fixtures/pdf/pages';

const bundled = fontProvider();
const bytesOf = (id: string) => (): Uint8Array => bundled.bytes(id)!;
/** The bundled 宋 and 黑 roles, and a family `solo` that has only a regular face (黑's regular). */
const source: FontSource = {
  name: { zh: '测试字体', en: 'the test fonts' },
  faces: () => [
    { id: 'song-regular', family: 'song', bold: false, bytes: bytesOf('song-regular') },
    { id: 'song-bold', family: 'song', bold: true, bytes: bytesOf('song-bold') },
    { id: 'hei-regular', family: 'hei', bold: false, bytes: bytesOf('hei-regular') },
    { id: 'hei-bold', family: 'hei', bold: true, bytes: bytesOf('hei-bold') },
    { id: 'solo-regular', family: 'solo', bold: false, bytes: bytesOf('hei-regular') },
  ],
};
const fonts = createFontProvider([source]).registry();
const AT = new Date('2024-01-16T14:30:00Z');
const dir = mkdtempSync(join(tmpdir(), 'banmian-synthetic-bold-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The clean sample page with its headlines in `solo`, bold or not. */
function soloHeadlines(bold: boolean): BanmianDocument {
  const doc = cleanPage();
  doc.page.styles = { ...doc.page.styles, headline: { ...doc.page.styles.headline, family: 'solo', bold } };
  return doc;
}

/** The runs set in `solo`: the headlines and the paper's name in the page header (set in the headline style). */
const soloRuns = (pl: PageLayout): GlyphRun[] => pl.items.filter((i): i is GlyphRun => i.kind === 'glyphs' && i.face === 'solo-regular');

async function pdfOf(pl: PageLayout, name: string): Promise<{ path: string; content: string }> {
  const r = await exportPdf(pl, { fonts, createdAt: AT, marks: false });
  if (!r.ok) throw new Error(r.en);
  const path = join(dir, name);
  writeFileSync(path, r.bytes);
  const pdf = await PDFDocument.load(r.bytes, { updateMetadata: false });
  const stream = pdf.getPage(0).node.lookup(PDFName.of('Contents'));
  if (!(stream instanceof PDFRawStream)) throw new Error('expected one content stream');
  return { path, content: Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1') };
}

/** Ink of a greyscale rendering (pdftoppm at 72 dpi): the sum of 255 − grey over the pixels. */
function ink(path: string): number {
  execFileSync('pdftoppm', ['-r', '72', '-gray', '-singlefile', path, path.replace(/\.pdf$/, '')]);
  const pgm = readFileSync(path.replace(/\.pdf$/, '.pgm'));
  const [, w, h] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 20).toString('latin1'))!.map(Number);
  let sum = 0;
  for (const v of pgm.subarray(pgm.length - w * h)) sum += 255 - v;
  return sum;
}

describe('加粗: a bold asked of a family with only a regular face is that face with its outlines stroked', () => {
  it('the registry gives a synthetic bold of the regular: bold, its own id, the same advances; a real bold stays real', () => {
    const regular = fonts.face({ family: 'solo', bold: false });
    const bold = fonts.face({ family: 'solo', bold: true });
    expect(regular.id).toBe('solo-regular');
    expect(bold).not.toBe(regular);
    expect([bold.id, bold.bold, bold.emboldens]).toEqual(['solo-regular+synthetic-bold', true, regular]);
    expect(fonts.faceById(bold.id)).toBe(bold);
    expect(fonts.face({ family: 'solo', bold: true })).toBe(bold);
    for (const ch of '洛阳A1，') expect(bold.advance(ch.codePointAt(0)!)).toBeCloseTo(regular.advance(ch.codePointAt(0)!), 6);
    expect(fonts.face({ family: 'hei', bold: true }).id).toBe('hei-bold');
    expect(fonts.face({ family: 'hei', bold: true }).emboldens).toBeUndefined();
  });

  const bold = layout(soloHeadlines(true), { fonts });
  const regular = layout(soloHeadlines(false), { fonts });

  it('layout draws the regular face stroked 0.03 em wide, at the same glyph positions as the regular (same line breaks)', () => {
    const runs = soloRuns(bold);
    expect(runs.length).toBeGreaterThan(5);
    expect(new Set(runs.map((r) => r.source?.field))).toEqual(new Set(['headline', 'header']));
    for (const r of runs) expect([r.face, r.boldStroke]).toEqual(['solo-regular', SYNTHETIC_BOLD_STROKE * r.size]);
    expect(SYNTHETIC_BOLD_STROKE * 24).toBeCloseTo(0.72, 6);
    const strip = (r: GlyphRun) => [r.face, r.text, r.y, r.xs];
    expect(runs.map(strip)).toEqual(soloRuns(regular).map(strip));
    expect(soloRuns(regular).every((r) => r.boldStroke === undefined)).toBe(true);
    // The other styles keep their real faces, unstroked.
    expect(bold.items.some((i) => i.kind === 'glyphs' && i.boldStroke !== undefined && i.face !== 'solo-regular')).toBe(false);
  });

  it('the layout report names the face and where it was drawn as a synthetic bold', () => {
    const report = bold.syntheticBold ?? [];
    const owners = new Set(soloRuns(bold).map((r) => r.source!.owner));
    expect(new Set(report.map((b) => b.owner))).toEqual(owners);
    expect(report.every((b) => b.face === 'solo-regular')).toBe(true);
    const glyphs = soloRuns(bold).reduce((n, r) => n + r.xs.length, 0);
    expect(report.reduce((n, b) => n + b.count, 0)).toBe(glyphs);
    expect(regular.syntheticBold).toEqual([]);
  });

  it('the PDF fills and strokes those runs (render mode 2, round joins, the stroke width) and they print darker than the regular', async () => {
    const b = await pdfOf(bold, 'bold.pdf');
    const r = await pdfOf(regular, 'regular.pdf');
    expect(b.content).toContain('q\n0 0 0 1 K\n0.72 w\n1 j 2 Tr\n');
    const stroked = b.content.split('1 j 2 Tr').length - 1;
    expect(stroked).toBe(soloRuns(bold).length);
    expect(r.content).not.toContain('Tr');
    // The same glyphs (same fonts, same text), more ink.
    expect(execFileSync('pdftotext', [b.path, '-'], { encoding: 'utf8' })).toBe(execFileSync('pdftotext', [r.path, '-'], { encoding: 'utf8' }));
    expect(ink(b.path)).toBeGreaterThan(ink(r.path) * 1.02);
  });

  it('the screen strokes the same runs in the same colour and width, with round joins', () => {
    const svg = pageToSvg(bold, { fontFamily: (id) => `bm-${id}` });
    const stroked = svg.match(/<text [^>]*stroke="rgb\(0,0,0\)" stroke-width="0\.72" stroke-linejoin="round"[^>]*>/g) ?? [];
    expect(stroked.length).toBe(soloRuns(bold).filter((r) => r.size === 24).length);
    expect(stroked.length).toBeGreaterThan(5);
    expect(stroked.every((t) => t.includes('font-family="bm-solo-regular"'))).toBe(true);
    expect(pageToSvg(regular, { fontFamily: (id) => `bm-${id}` })).not.toContain('stroke-linejoin');
  });
});

describe('export --font hei=REGULAR.ttf: the bold 黑 styles drawn as a synthetic bold', () => {
  it('strokes the bold headline runs (0.72 pt at 24 pt)', async () => {
    const page = join(dir, 'page.banmian');
    // the 主题 in 黑 bold, as the sample set it before its 主题 became 标宋 regular
    const doc = cleanPage();
    doc.page.styles = { ...doc.page.styles, headline: { ...doc.page.styles.headline, family: 'hei', bold: true } };
    writeFileSync(page, serializeDocument(doc));
    const out = join(dir, 'font-file.pdf');
    const regularFile = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
    execFileSync('npx', ['tsx', 'src-main/cli/index.ts', 'export', page, '-o', out, '--font', `hei=${regularFile}`, '--no-marks', '--plain', '--force'], { encoding: 'utf8', env: { ...process.env, BANMIAN_INSTALLED_FONTS: '0' } });
    const pdf = await PDFDocument.load(readFileSync(out), { updateMetadata: false });
    const stream = pdf.getPage(0).node.lookup(PDFName.of('Contents')) as PDFRawStream;
    const content = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    // The headline style (黑, bold, 24 pt) is stroked 0.72 pt wide; the regular 黑 styles are not.
    expect(content).toContain('0.72 w\n1 j 2 Tr');
    expect(content.split('2 Tr').length - 1).toBeGreaterThan(5);
  });
});

describe('`banmian layout` reports a synthetic bold', () => {
  it('names the face, says its outlines are stroked, and where (text and --json)', async () => {
    const page = join(dir, 'solo.banmian');
    writeFileSync(page, serializeDocument(soloHeadlines(true)));
    // As `--font` does: a file source put first in this process's fonts, here the family with a regular only.
    useFontFiles([{ name: { zh: '测试字体', en: 'the test fonts' }, faces: () => [{ id: 'solo-regular', family: 'solo', bold: false, bytes: bytesOf('hei-regular') }] }]);
    const printed = async (args: string[]) => {
      const log = vi.spyOn(console, 'log').mockImplementation(() => {});
      try {
        expect(await layoutCommand(args)).toBe(0);
        return log.mock.calls.map((c) => String(c[0])).join('\n');
      } finally {
        log.mockRestore();
      }
    };
    try {
      const text = await printed([page]);
      const glyphs = soloRuns(layout(soloHeadlines(true), { fonts })).filter((r) => r.source?.owner === 'xie-feng').reduce((n, r) => n + r.xs.length, 0);
      expect(text).toContain(`  加粗 synthetic bold: NotoSansSC-Regular 无粗体字样，描边加粗 has no bold face, outlines stroked, ${glyphs} 字 glyphs (xie-feng)`);
      expect(text).toContain('(报头 page header)');
      const json = JSON.parse(await printed([page, '--json']));
      expect(json.syntheticBold).toContainEqual({ face: 'solo-regular', owner: 'xie-feng', count: glyphs });
    } finally {
      useFontFiles([]);
    }
  });
});
