import type { ComposedParagraph } from '../typeset/compose';
import type { GridGeometry } from '../model/grid';
import { addReport, emptyReport } from './report';
import type { BlockFrame, LayoutItem, MissingGlyphReport, Overset, PageLayout, ProofAnchor, SyntheticBoldReport, TypoReport } from './page-layout';

/** A glyph a face lacks, as noted while an article block was laid out (replayed with the block). */
export interface MissingNote {
  char: string;
  face: string;
  owner: string;
  /** The fallback face that drew it; absent: it is missing from every face. */
  via?: string;
}

/**
 * Everything one layout produces, accumulated in one place as the stages run: items in drawing
 * order, block frames, overset, proof anchors, missing glyphs and the per-article reports.
 */
export class PageOutput {
  readonly items: LayoutItem[] = [];
  readonly frames: BlockFrame[] = [];
  readonly overset: Overset[] = [];
  readonly anchors: ProofAnchor[] = [];
  readonly articleReports: Record<string, TypoReport> = {};
  private readonly missing = new Map<string, MissingGlyphReport>();
  private readonly fallbacks = new Map<string, MissingGlyphReport>();
  /** While an article block is being laid out, what it noted, so a later layout can replay it. */
  recordedMissing: MissingNote[] | undefined;

  /** The report an article's blocks add to (one per article, however many blocks it has). */
  reportFor(articleId: string): TypoReport {
    return (this.articleReports[articleId] ??= emptyReport());
  }

  noteMissing(cp: ComposedParagraph, owner: string): void {
    for (const m of [...cp.missing, ...cp.fallbacks]) this.noteMissingChar(String.fromCodePoint(m.cp), m.face, owner, m.via);
  }

  /** A character its face lacks: drawn from the fallback face `via`, or missing when there is none. */
  noteMissingChar(char: string, face: string, owner: string, via?: string): void {
    this.recordedMissing?.push(via ? { char, face, owner, via } : { char, face, owner });
    const key = `${owner}\u0000${face}\u0000${char}\u0000${via ?? ''}`;
    const into = via ? this.fallbacks : this.missing;
    const hit = into.get(key);
    if (hit) hit.count++;
    else into.set(key, via ? { char, face, owner, count: 1, via } : { char, face, owner, count: 1 });
  }

  /** The finished frame; the page report is the sum of the articles'. */
  toPageLayout(size: { width: number; height: number }, geo: GridGeometry, proofView: boolean): PageLayout {
    const page = emptyReport();
    for (const r of Object.values(this.articleReports)) addReport(page, r);
    return {
      width: size.width,
      height: size.height,
      items: this.items,
      frames: this.frames,
      overset: this.overset,
      missingGlyphs: [...this.missing.values()],
      glyphFallbacks: [...this.fallbacks.values()],
      syntheticBold: syntheticBolds(this.items),
      ...(proofView ? { proofAnchors: this.anchors } : {}),
      report: { page, articles: this.articleReports },
      grid: { left: geo.left, top: geo.top, colWidth: geo.colWidth, gutter: geo.gutter, columns: geo.columns, pitch: geo.pitch, rows: geo.rows, bodySize: geo.bodySize },
    };
  }
}

/** The synthetic bolds among the items (read from the runs, so a replayed block counts too). */
function syntheticBolds(items: readonly LayoutItem[]): SyntheticBoldReport[] {
  const out = new Map<string, SyntheticBoldReport>();
  for (const item of items) {
    if (item.kind !== 'glyphs' || !item.boldStroke) continue;
    const owner = item.source?.owner ?? '';
    const key = `${owner}\u0000${item.face}`;
    const hit = out.get(key);
    const count = item.xs.length;
    if (hit) hit.count += count;
    else out.set(key, { face: item.face, owner, count });
  }
  return [...out.values()];
}
