/**
 * PDF export figures: the ≈12,000-character broadsheet text page (export time after warm-up, file
 * size, peak memory), the same page with four placed 3000×2000 JPEGs, and the plain pdf-lib
 * baseline (embedFont with subset, one drawText per line) on the same page so the ratio shows;
 * and an edition's worth: the same page 16 times as one 16-page PDF (exportPdfPages).
 * Run: npx tsx bench/pdf.bench.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { PDFDocument, cmyk } from '@cantoo/pdf-lib';
import { layout } from '../src-core/layout/layout';
import type { PageLayout } from '../src-core/layout/page-layout';
import { exportPdf, exportPdfPages, type PdfExportOptions } from '../src-core/pdf';
import { loadOutputIntent } from '../src-main/files/print';
import { fontProvider } from '../src-main/fonts/provider';
import { fullTextPage } from './pages';
import { median, percentile, printFigure, timeRuns } from './stats';

const fonts = fontProvider().registry();
const doc = fullTextPage(12_000, 10);
const page = layout(doc, { fonts });
const chars = page.items.reduce((n, i) => n + (i.kind === 'glyphs' ? i.xs.length : 0), 0);
const overset = page.overset.reduce((n, o) => n + o.characters, 0);
const AT = new Date('2024-01-16T14:30:00Z');

async function exportBytes(pl: PageLayout, opts: Partial<PdfExportOptions> = {}): Promise<Uint8Array> {
  const r = await exportPdf(pl, { fonts, createdAt: AT, ...opts });
  if (!r.ok) throw new Error(r.en);
  return r.bytes;
}

/** The baseline: pdf-lib's own font embedding (subset) and one drawText per glyph run (≈ per line). */
async function pdfLibBaseline(pl: PageLayout): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit as never);
  const p = pdf.addPage([pl.width, pl.height]);
  const embedded = new Map<string, Awaited<ReturnType<PDFDocument['embedFont']>>>();
  for (const item of pl.items) {
    if (item.kind !== 'glyphs') continue;
    let font = embedded.get(item.face);
    if (!font) {
      font = await pdf.embedFont(fonts.faceById(item.face)!.bytes, { subset: true });
      embedded.set(item.face, font);
    }
    p.drawText(item.text, { x: item.xs[0], y: pl.height - item.y, size: item.size, font, color: cmyk(0, 0, 0, 1) });
  }
  return pdf.save();
}

const ours = await timeRuns(15, 3, () => exportBytes(page));
const plain = await exportBytes(page);
const intent = loadOutputIntent();
if (!intent.ok) throw new Error(intent.en);
const pdfx = await exportBytes(page, { pdfx: intent.value });
printFigure('pdf export, 12k-char broadsheet page, median', median(ours), 'ms', `${chars} glyphs drawn, ${overset} overset, ${ours.length} runs after 3 warm-up, target ≤ 200 ms`);
printFigure('pdf export, 12k-char page, p90', percentile(ours, 90), 'ms');
printFigure('pdf file size, text page, plain print PDF', Math.round(plain.length / 1024), 'KB', 'no images, target ≤ 400 KB');
printFigure('pdf file size, text page, PDF/X-4 with FOGRA39 profile', Math.round(pdfx.length / 1024), 'KB', `the output profile adds ${Math.round((pdfx.length - plain.length) / 1024)} KB`);

// An edition: 16 pages in one document (fonts subset once over all of them).
const edition = Array.from({ length: 16 }, (_, i) => ({ layout: page, pageLabel: `第${i + 1}版` }));
const exportEdition = async (): Promise<Uint8Array> => {
  const r = await exportPdfPages(edition, { fonts, createdAt: AT });
  if (!r.ok) throw new Error(r.en);
  return r.bytes;
};
const sixteen = await timeRuns(5, 1, exportEdition);
const sixteenBytes = await exportEdition();
printFigure('pdf export, the 12k-char page 16 times as one 16-page PDF, median', median(sixteen), 'ms', `${sixteen.length} runs after 1 warm-up, target ≤ 2000 ms`);
printFigure('pdf file size, 16-page PDF', Math.round(sixteenBytes.length / 1024), 'KB', `${(sixteenBytes.length / plain.length).toFixed(1)}× the one-page file`);

const base = await timeRuns(5, 1, () => pdfLibBaseline(page));
printFigure('pdf-lib baseline (embedFont subset + drawText per line), median', median(base), 'ms', `same page; ${(median(base) / median(ours)).toFixed(1)}× ours`);

// Four 3000×2000 photos (made once with ImageMagick, kept in the temp folder).
const photos: Uint8Array[] = [];
for (let i = 0; i < 4; i++) {
  const path = join(tmpdir(), `banmian-bench-photo-${i}.jpg`);
  if (!existsSync(path)) {
    try {
      execFileSync('convert', ['-size', '3000x2000', `plasma:fractal`, '-seed', String(i + 1), '-quality', '85', path], { stdio: 'pipe' });
    } catch {
      console.log('pdf export with 4 photos: skipped (ImageMagick convert is needed to make the test photos)');
      break;
    }
  }
  photos.push(new Uint8Array(readFileSync(path)));
}
if (photos.length === 4) {
  const g = page.grid;
  const w = 4 * g.colWidth + 3 * g.gutter;
  const withPhotos: PageLayout = {
    ...page,
    items: [...page.items, ...photos.map((_, i) => ({ kind: 'image' as const, imageId: `photo-${i}`, x: g.left + (i % 2) * (w + g.gutter), y: g.top + Math.floor(i / 2) * 400, width: w, height: w / 1.5 }))],
  };
  const imageBytes = (id: string): Uint8Array | undefined => photos[Number(id.slice(6))];
  const t = await timeRuns(9, 2, () => exportBytes(withPhotos, { imageBytes }));
  const bytes = await exportBytes(withPhotos, { imageBytes });
  printFigure('pdf export with 4 placed 3000×2000 JPEGs, median', median(t), 'ms', `${Math.round(photos.reduce((n, p) => n + p.length, 0) / 1024)} KB of JPEG passed through, target ≤ 500 ms`);
  printFigure('pdf file size with 4 JPEGs', Math.round(bytes.length / 1024), 'KB');
}
printFigure('peak memory (max RSS of the process)', Math.round(process.resourceUsage().maxRSS / 1024), 'MB', 'includes the four CJK fonts opened by fontkit');
