/**
 * The print pipeline the export and compose commands share: lay the page out, preflight it, export
 * the PDF (PDF/X-4 with the bundled FOGRA39 profile unless told otherwise) and write it atomically.
 * Errors come back as values with a message in zh-CN and English.
 */
import { PROOF_PRINT } from '../../src-core/model/proof-print';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { layout } from '../../src-core/layout/layout';
import type { PageLayout } from '../../src-core/layout/page-layout';
import { PNG_DPI } from '../../src-core/host-api';
import type { BanmianDocument } from '../../src-core/model/document';
import { exportPdf, type OutputIntent } from '../../src-core/pdf';
import { formatReport, preflight, type PreflightReport } from '../../src-core/preflight';
import type { FontRegistry } from '../../src-core/fonts/registry';
import { writeFileAtomic } from './banmian-file';
import { readRegularFile } from '../import/read-file';

export const BUNDLED_PROFILE = fileURLToPath(new URL('../../assets/icc/Banmian-FOGRA39.icc', import.meta.url));

const MM = 72 / 25.4;

export type Loaded<T> = { ok: true; value: T } | { ok: false; zh: string; en: string };

/** The bundled FOGRA39 output intent, or a printing plant's own CMYK profile. */
/** A CMYK output profile is a few MB at most (FOGRA39 is 0.6 MB); a bigger file is not one. */
const MAX_PROFILE_BYTES = 64 * 1024 * 1024;

export function loadOutputIntent(profilePath?: string): Loaded<OutputIntent> {
  const path = profilePath ?? BUNDLED_PROFILE;
  if (!existsSync(path)) return { ok: false, zh: `找不到输出特性文件 ${path}`, en: `Output profile not found: ${path}` };
  const read = readRegularFile(path, path, MAX_PROFILE_BYTES);
  if (!read.ok) return read;
  const profile = read.bytes;
  // ICC header: device class at 12 ('prtr' for printers), colour space at 16 ('CMYK').
  const sig = (at: number): string => String.fromCharCode(...profile.subarray(at, at + 4));
  if (profile.length < 128 || sig(36) !== 'acsp') return { ok: false, zh: `${path} 不是 ICC 特性文件`, en: `${path} is not an ICC profile` };
  if (sig(16) !== 'CMYK' || sig(12) !== 'prtr') {
    return { ok: false, zh: `${path} 不是 CMYK 输出特性文件（${sig(12)}/${sig(16)}）`, en: `${path} is not a CMYK output profile (${sig(12)}/${sig(16)})` };
  }
  if (!profilePath) {
    return {
      ok: true,
      value: {
        profile,
        outputConditionIdentifier: 'FOGRA39',
        outputCondition: 'Offset printing, coated paper, ISO 12647-2:2004/Amd 1 (FOGRA39L)',
        registryName: 'http://www.color.org',
        info: 'Banmian FOGRA39 (built from FOGRA39L data, zlib licence)',
      },
    };
  }
  const name = basename(path).replace(/\.(icc|icm)$/i, '');
  return { ok: true, value: { profile, outputConditionIdentifier: name, outputCondition: name, registryName: '', info: name } };
}

export interface PrintOptions {
  /** The run's fonts (its FontProvider's registry): layout, preflight and the PDF use these. */
  fonts: FontRegistry;
  /** Shown in the slug line and used as the title when the page has none. */
  fileName: string;
  bleedMm?: number;
  marks?: boolean;
  colourBar?: boolean;
  /** false: plain print PDF without the output intent. */
  pdfx?: boolean;
  profilePath?: string;
  /** Export even when preflight reports errors. */
  force?: boolean;
  createdAt?: Date;
  /** The page's layout and preflight when the caller already made them (same fonts and bleed): not made again. */
  checked?: Checked;
}

export interface PrintOutcome {
  /** 0 written, 1 failed, 4 blocked by preflight errors. */
  code: number;
  report: PreflightReport;
  layout?: PageLayout;
  /** Lines for the terminal (zh and en). */
  lines: string[];
  bytes?: number;
}

export function bleedPt(bleedMm: number | undefined): number {
  return (bleedMm ?? 3) * MM;
}

/** A page laid out and preflighted: what printing it starts from. */
export interface Checked {
  layout: PageLayout;
  report: PreflightReport;
}

export function checkPage(doc: BanmianDocument, fonts: FontRegistry, bleedMm?: number): Checked {
  const pl = layout(doc, { fonts });
  return { layout: pl, report: preflight(doc, pl, { fonts, bleed: bleedPt(bleedMm) }) };
}

/** The print PDF in memory (preflight first); `pdf` is absent when preflight or the export stopped it. */
async function renderPrint(doc: BanmianDocument, opts: PrintOptions): Promise<PrintOutcome & { pdf?: Uint8Array; summary?: string }> {
  const { fonts } = opts;
  const { layout: pl, report } = opts.checked ?? checkPage(doc, fonts, opts.bleedMm);
  const lines = formatReport(report);
  lines.push(`印前检查 preflight: ${report.errors.length} 个错误 errors, ${report.warnings.length} 个警告 warnings`);
  if (report.errors.length && !opts.force) {
    lines.push('有错误，未导出 PDF；修正后重试，或用 --force 强制导出 / Not exported because of the errors above; fix them or pass --force to export anyway.');
    return { code: 4, report, layout: pl, lines };
  }
  let pdfx: OutputIntent | undefined;
  if (opts.pdfx ?? true) {
    const intent = loadOutputIntent(opts.profilePath);
    if (!intent.ok) return { code: 1, report, layout: pl, lines: [...lines, `${intent.zh}\n${intent.en}`] };
    pdfx = intent.value;
  }
  const h = doc.page.header;
  const pageLabel = h.pageNumber ? `第${h.pageNumber}版` : '';
  const title = [h.paperName, pageLabel, h.date].filter(Boolean).join(' ') || opts.fileName;
  const r = await exportPdf(pl, {
    fonts,
    images: doc.images,
    bleed: bleedPt(opts.bleedMm),
    marks: opts.marks ?? true,
    colourBar: opts.colourBar,
    pdfx,
    title,
    fileName: opts.fileName,
    pageLabel,
    createdAt: opts.createdAt,
  });
  if (!r.ok) return { code: 1, report, layout: pl, lines: [...lines, `导出失败：${r.zh}\nExport failed: ${r.en}`] };
  const summary = `${pdfx ? 'PDF/X-4' : 'PDF'}, ${r.info.fonts.length} 个字体 fonts, ${r.info.images} 张图片 images`;
  return { code: 0, report, layout: pl, lines, pdf: r.bytes, summary };
}

export async function printPage(doc: BanmianDocument, outPath: string, opts: PrintOptions): Promise<PrintOutcome> {
  const { pdf, summary, ...r } = await renderPrint(doc, opts);
  if (!pdf) return r;
  const w = writeFileAtomic(outPath, pdf);
  if (!w.ok) return { ...r, code: 1, lines: [...r.lines, w.zh, w.en] };
  r.lines.push(`已写入 wrote ${outPath} (${(pdf.length / 1024).toFixed(0)} KB, ${summary})`);
  return { ...r, bytes: pdf.length };
}

const run = promisify(execFile);

/**
 * Renders the first page of a PDF to PNG with poppler's pdftoppm (not blocking the host's event
 * loop meanwhile) and writes it atomically.
 */
export async function pngProof(pdf: Uint8Array, out: string, dpi: number = PNG_DPI.default): Promise<Loaded<{ bytes: number }>> {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-proof-'));
  try {
    const src = join(dir, 'page.pdf');
    const w = writeFileAtomic(src, pdf);
    if (!w.ok) return w;
    await run('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', src, join(dir, 'page')]);
    const saved = writeFileAtomic(out, readFileSync(join(dir, 'page.png')));
    return saved.ok ? { ok: true, value: { bytes: saved.bytes } } : saved;
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    return missing
      ? { ok: false, zh: 'PNG 样张需要 pdftoppm（poppler-utils），未找到', en: 'A PNG proof needs pdftoppm (poppler-utils), which was not found' }
      : { ok: false, zh: `PNG 样张失败：${(e as Error).message}`, en: `PNG proof failed: ${(e as Error).message}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The proof PNG (校样 PNG) of the page: preflight, then the page as a digital proof (trimmed, no
 * marks, no output intent, as `export --proof`) rasterised at `dpi`.
 */
export async function printPng(doc: BanmianDocument, outPath: string, opts: { fonts: FontRegistry; fileName: string; dpi?: number; force?: boolean }): Promise<PrintOutcome> {
  const dpi = opts.dpi ?? PNG_DPI.default;
  const { pdf, ...r } = await renderPrint(doc, { fonts: opts.fonts, fileName: opts.fileName, ...PROOF_PRINT, force: opts.force });
  if (!pdf) return r;
  const png = await pngProof(pdf, outPath, dpi);
  if (!png.ok) return { ...r, code: 1, lines: [...r.lines, png.zh, png.en] };
  r.lines.push(`已写入 PNG 样张 wrote PNG proof ${outPath} (${(png.value.bytes / 1024).toFixed(0)} KB, ${dpi} dpi)`);
  return { ...r, bytes: png.value.bytes };
}
