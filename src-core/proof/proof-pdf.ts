import { layout, type LayoutEnv } from '../layout/layout';
import type { BanmianDocument } from '../model/document';
import { exportPdfPages, type PdfExportResult } from '../pdf';
import { checkPage } from './page-check';
import { openMarksList, proofSheet, type ProofNotes } from './proof-sheet';

/**
 * The proof PDF (校样) of a round: page 1 the proof sheet (page + margin notes), page 2 the list of
 * open marks, headed by the page's 差错率 (as the 校对 panel counts it). No crop marks or bleed: it is
 * for reading, not for the plate.
 */
export async function exportProofPdf(doc: BanmianDocument, notes: ProofNotes, env: LayoutEnv, createdAt?: Date): Promise<PdfExportResult> {
  const roundOf = (id: string): number => Math.max(0, notes.rounds.indexOf(notes.suggestions.get(id)?.round ?? ''));
  const page = layout(doc, { fonts: env.fonts, cache: env.cache, proof: { roundOf } });
  const rate = checkPage(doc, notes.dismissed ?? new Map()).rate;
  const pages = [{ layout: proofSheet(page, notes, env) }, { layout: openMarksList(page, notes, env, rate) }];
  return exportPdfPages(pages, { fonts: env.fonts, images: doc.images, marks: false, bleed: 0, title: `校样 ${notes.pageTitle}`, createdAt });
}
