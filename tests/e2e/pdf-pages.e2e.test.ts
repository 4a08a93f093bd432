/**
 * Three different pages in one PDF/X-4 file (exportPdfPages), checked with the tools print plants
 * use: qpdf, poppler (pdfinfo, pdffonts, pdftotext per page, pdftoppm), MuPDF and Ghostscript. Each
 * check is skipped, with a message saying which tool is missing, where the tool is not installed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithReference } from '../support/reference';
import { fullTextPage, samplePage } from '../../bench/pages';
import { layout } from '../../src-core/layout/layout';
import type { PageLayout } from '../../src-core/layout/page-layout';
import { exportPdfPages, type PdfPage } from '../../src-core/pdf';
import { loadOutputIntent } from '../../src-main/files/print';
import { fontProvider } from '../../src-main/fonts/provider';
import { cleanPage } from '../fixtures/pdf/pages';
import { facesDrawn, hanCounts, needs, run } from '../support/pdf-tools';

// The slug line shows local time; fix the zone so the rendering is the same everywhere.
process.env.TZ = 'Asia/Shanghai';

const MM = 72 / 25.4;
const AT = new Date('2024-01-16T14:30:00Z');

describe('three pages as one print PDF', () => {
  const fonts = fontProvider().registry();
  const docs = [samplePage(), cleanPage(), fullTextPage(6000, 6)];
  const layouts: PageLayout[] = docs.map((d) => layout(d, { fonts }));
  // Page 1 without a label: its sheet is then the one the single-page test renders (same reference).
  const pages: PdfPage[] = layouts.map((l, i) => ({ layout: l, pageLabel: i === 0 ? undefined : `第${i + 1}版`, images: docs[i].images }));
  let dir: string;
  let pdfPath: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'banmian-pdf-pages-'));
    const intent = loadOutputIntent();
    if (!intent.ok) throw new Error(intent.en);
    const r = await exportPdfPages(pages, { fonts, pdfx: intent.value, title: '洛阳日报', fileName: 'luoyang-page.banmian', createdAt: AT });
    if (!r.ok) throw new Error(r.en);
    pdfPath = join(dir, 'edition.pdf');
    writeFileSync(pdfPath, r.bytes);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('qpdf --check finds nothing wrong', () => {
    if (!needs('qpdf')) return;
    const r = run('qpdf', ['--check', pdfPath]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('No syntax or stream encoding errors found');
    expect(r.status).toBe(0);
  });

  it('pdfinfo shows three pages, each with a broadsheet TrimBox and a BleedBox 3 mm larger', () => {
    if (!needs('pdfinfo')) return;
    const out = run('pdfinfo', ['-box', '-f', '1', '-l', '3', pdfPath]).stdout;
    expect(out).toMatch(/Pages:\s+3/);
    expect(out).toMatch(/PDF subtype:\s+PDF\/X-4/);
    for (const p of [1, 2, 3]) {
      const box = (name: string): number[] => new RegExp(`Page\\s+${p} ${name}:\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)`).exec(out)!.slice(1).map(Number);
      const trim = box('TrimBox');
      const bleed = box('BleedBox');
      expect((trim[2] - trim[0]) / MM).toBeCloseTo(390, 1);
      expect((trim[3] - trim[1]) / MM).toBeCloseTo(546, 1);
      expect((bleed[2] - bleed[0]) / MM).toBeCloseTo(396, 1);
    }
  });

  it('pdffonts lists each face once, embedded, subset and with a ToUnicode map', () => {
    if (!needs('pdffonts')) return;
    const rows = run('pdffonts', [pdfPath]).stdout.trim().split('\n').slice(2);
    const names = rows.map((row) => row.trim().split(/\s+/)[0]);
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(new Set(names.map((n) => n.slice(7))).size).toBe(names.length);
    // the faces of all three pages, each once (the sample's 标宋 is Noto Serif SC ExtraBold, its 楷 LXGW WenKai)
    expect(names.map((n) => n.slice(7)).sort()).toEqual(facesDrawn(layouts, fonts));
    for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+(Noto(Serif|Sans)SC-(Regular|Bold|ExtraBold)|LXGWWenKai-Regular)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('pdftotext gives each page exactly its own Han characters and its own label', () => {
    if (!needs('pdftotext')) return;
    layouts.forEach((l, i) => {
      const text = run('pdftotext', ['-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), pdfPath, '-']).stdout;
      const drawn = l.items.map((it) => (it.kind === 'glyphs' ? it.text : '')).join('\n');
      const want = hanCounts(`${drawn}\n${pages[i].pageLabel ?? ''}`);
      const got = hanCounts(text);
      const wrong = [...new Set([...want.keys(), ...got.keys()])].filter((ch) => want.get(ch) !== got.get(ch)).map((ch) => `page ${i + 1} ${ch}: layout ${want.get(ch) ?? 0}, PDF ${got.get(ch) ?? 0}`);
      expect(wrong).toEqual([]);
      expect([...want.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(3000);
      if (i > 0) expect(text).toContain(`第${i + 1}版`);
    });
  });

  it('Ghostscript and MuPDF render every page without errors or warnings', () => {
    if (needs('gs')) {
      const r = run('gs', ['-o', '/dev/null', '-sDEVICE=nullpage', pdfPath]);
      expect(r.status).toBe(0);
      expect(`${r.stdout}${r.stderr}`).not.toMatch(/error|warning|\*\*\*\*/i);
      expect(r.stdout).toContain('Page 3');
    }
    if (needs('mutool')) {
      const r = run('mutool', ['draw', '-q', '-r', '30', '-o', join(dir, 'mu-%d.png'), pdfPath]);
      expect(r.status).toBe(0);
      // Debian's mupdf is built without LittleCMS and says so for every file, whatever it holds.
      expect(r.stderr.split('\n').filter((l) => l.trim() && l.trim() !== 'warning: ICC support is not available')).toEqual([]);
    }
  });

  it('page 1 looks exactly as the single-page export of the same page (pdftoppm reference)', () => {
    if (!needs('pdftoppm')) return;
    execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(dir, 'page')]);
    compareWithReference('pdf-luoyang-page.png', readFileSync(join(dir, 'page.png')), 0.002);
  });
});
