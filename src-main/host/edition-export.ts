/**
 * 导出整期 PDF's combined file on the host side: the edition checked as print reads it (page numbers
 * unique), every page preflighted (errors refuse unless forced, naming the pages), then the
 * combined PDF written atomically (files/edition-pdf.ts, as the CLI writes it). The per-page PDFs
 * are the page export's (`exportPdf`), one call per page, so the app can show progress and stop.
 */
import type { ExportOptions, HostResult } from '../../src-core/host-api';
import { parseEdition } from '../../src-core/edition/edition-file';
import { editionFileName, namePages } from '../../src-core/edition/export-files';
import { pageDocuments } from '../../src-core/edition/page-doc';
import { writeCombinedPdf, type NumberedPage } from '../files/edition-pdf';
import { checkPage, loadOutputIntent } from '../files/print';
import { fontsOf, type HostEnv } from './page-files';

const fail = <T>(zh: string, en: string): HostResult<T> => ({ ok: false, zh, en });

export async function exportEditionPdf(env: HostEnv, json: string, path: string | null, options: ExportOptions): Promise<HostResult<{ path: string; bytes: number } | null>> {
  const parsed = parseEdition(json);
  if (!parsed.ok) return fail(`整期数据无效，未导出：${parsed.zh}`, `The edition data is invalid and was not exported: ${parsed.en}`);
  const { edition } = parsed;
  const chosen = await env.files.choose('export', path, editionFileName(edition.edition));
  if (!chosen) return { ok: true, value: null };
  if (!chosen.ok) return chosen;
  const fonts = fontsOf(env).registry();
  const derived = pageDocuments(edition);
  // each page laid out once: the preflight's layout is the one the combined PDF prints
  const pages: NumberedPage[] = options.force ? derived : derived.map((p) => ({ ...p, checked: checkPage(p.document, fonts, options.bleedMm) }));
  if (!options.force) {
    const blocked = pages.filter((p) => p.checked?.report.errors.length).map((p) => p.number);
    const named = namePages(blocked);
    if (blocked.length) return fail(`${named.zh}有印前错误，未导出整期 PDF`, `${named.en[0].toUpperCase()}${named.en.slice(1)} ${named.plural ? 'have' : 'has'} preflight errors; the edition PDF was not exported`);
  }
  const intent = loadOutputIntent();
  if (!intent.ok) return fail(intent.zh, intent.en);
  try {
    const r = await writeCombinedPdf(edition.edition, pages, chosen.abs, { fonts, bleedMm: options.bleedMm, marks: options.marks, pdfx: options.pdfx === false ? undefined : intent.value });
    if (!r.ok) return fail(r.zh.split(chosen.abs).join(chosen.shown), r.en.split(chosen.abs).join(chosen.shown));
    return { ok: true, value: { path: chosen.shown, bytes: r.bytes } };
  } catch (e) {
    return fail(`导出失败：${(e as Error).message}`, `Export failed: ${(e as Error).message}`);
  }
}
