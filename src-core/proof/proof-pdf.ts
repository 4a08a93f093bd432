import { PDFDocument } from '@cantoo/pdf-lib';
import { layout, type LayoutEnv } from '../layout/layout';
import type { BanmianDocument } from '../model/document';
import { exportPdf, type PdfExportResult } from '../pdf';
import { openMarksList, proofSheet, type ProofNotes } from './proof-sheet';

/**
 * The proof PDF (校样) of a round: page 1 the proof sheet (page + margin notes), page 2 the list of
 * open marks. No crop marks or bleed: it is for reading, not for the plate.
 */
export async function exportProofPdf(doc: BanmianDocument, notes: ProofNotes, env: LayoutEnv, createdAt?: Date): Promise<PdfExportResult> {
  const roundOf = (id: string): number => Math.max(0, notes.rounds.indexOf(notes.suggestions.get(id)?.round ?? ''));
  const page = layout(doc, { fonts: env.fonts, cache: env.cache, proof: { roundOf } });
  const options = { fonts: env.fonts, images: doc.images, marks: false, bleed: 0, title: `校样 ${notes.pageTitle}`, createdAt };
  const sheet = await exportPdf(proofSheet(page, notes, env), options);
  if (!sheet.ok) return sheet;
  const list = await exportPdf(openMarksList(page, notes, env), options);
  if (!list.ok) return list;
  const merged = await PDFDocument.load(sheet.bytes, { updateMetadata: false });
  const second = await PDFDocument.load(list.bytes, { updateMetadata: false });
  const [listPage] = await merged.copyPages(second, [0]);
  merged.addPage(listPage);
  return { ok: true, bytes: await merged.save({ useObjectStreams: false }), info: sheet.info };
}
