import type { GlyphRun, PageLayout, ProofAnchor } from '../layout/page-layout';
import type { MarkedSpan } from '../model/proof';

/**
 * Where the pending marks sit in the print view, for markers in the page margin. The print view
 * lays out pending deletions but leaves pending insertions out, so a mark's offset into the body
 * paragraph is moved back by the pending insertions before it; then the glyph run whose source
 * (article, paragraph, offsets) holds that offset gives the line. Screen only: nothing here reaches
 * the printed page.
 */

export type PendingSpan = Pick<MarkedSpan, 'id' | 'kind' | 'paragraph' | 'offset' | 'text'> & { owner: string };

/** The offset of a span in the printed paragraph text (pending insertions are not printed). */
function printedOffset(span: PendingSpan, all: readonly PendingSpan[]): number {
  let offset = span.offset;
  for (const s of all) if (s.kind === 'insertion' && s.owner === span.owner && s.paragraph === span.paragraph && s.offset < span.offset) offset -= s.text.length;
  return Math.max(0, offset);
}

/** The first glyph at or after `offset` in a body paragraph (an insertion at a paragraph's end falls on its last glyph). */
function glyphAt(runs: readonly GlyphRun[], owner: string, paragraph: number, offset: number): { x: number; y: number } | undefined {
  let last: { x: number; y: number } | undefined;
  for (const run of runs) {
    const src = run.source;
    if (!src || src.owner !== owner || src.field !== 'body' || src.paragraph !== paragraph) continue;
    const i = src.offsets.findIndex((o) => o >= offset);
    if (i >= 0) return { x: run.xs[i], y: run.y };
    last = { x: run.xs[run.xs.length - 1], y: run.y };
  }
  return last;
}

/** One anchor per pending mark that is on the page (a mark in overset text has none). */
export function pendingAnchors(layout: PageLayout, spans: readonly PendingSpan[]): ProofAnchor[] {
  const runs = layout.items.filter((i): i is GlyphRun => i.kind === 'glyphs' && i.source?.field === 'body');
  const out: ProofAnchor[] = [];
  for (const s of spans) {
    if (out.some((a) => a.id === s.id && a.kind === s.kind)) continue;
    const at = glyphAt(runs, s.owner, s.paragraph, printedOffset(s, spans));
    if (at) out.push({ kind: s.kind, id: s.id, owner: s.owner, x: at.x, y: at.y, text: s.text });
  }
  return out;
}
