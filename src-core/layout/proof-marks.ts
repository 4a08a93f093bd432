import type { ComposedParagraph } from '../typeset/compose';
import type { ProofView } from './context';
import type { PageOutput } from './output';
import { BLACK, type CmykColor, type GlyphRun, type ProofAnchor } from './page-layout';

/**
 * Proof colouring (校样): the ink of marked text and the strike-throughs, underlines and margin-note
 * anchors drawn with it. Line setting calls in here only for text that carries a suggestion or a
 * comment thread.
 */

/** Pen colours of successive proof rounds, as GB/T 14706 proofreaders use them: red, blue, green. */
export const ROUND_COLORS: CmykColor[] = [
  { c: 0, m: 1, y: 1, k: 0 },
  { c: 1, m: 0.6, y: 0, k: 0 },
  { c: 0.8, m: 0, y: 1, k: 0.1 },
];
const DELETION_COLOR: CmykColor = { c: 0, m: 1, y: 1, k: 0 };
const COMMENT_COLOR: CmykColor = { c: 0, m: 0.3, y: 1, k: 0 };

/** What a span of text is marked with. */
export interface Marks {
  suggestion?: { kind: 'insertion' | 'deletion'; id: string };
  threads?: string[];
}

/** The ink of marked text: an insertion in its round's colour (the first round's without a proof view), anything else black. */
export function markedInk(marks: Marks, proof: ProofView | undefined): CmykColor {
  if (marks.suggestion?.kind !== 'insertion') return BLACK;
  const round = proof?.roundOf(marks.suggestion.id) ?? 0;
  return round >= 0 ? ROUND_COLORS[round % ROUND_COLORS.length] : BLACK;
}

/** Strike-through, underlines and a margin-note anchor for a run of marked text. */
export function markRun(out: PageOutput, run: GlyphRun, face: ComposedParagraph['faces'][number], marks: Marks, owner: string): void {
  const last = run.text.length - 1;
  const lastCp = run.text.codePointAt(last - (run.text.length > 1 && run.text.charCodeAt(last) >= 0xdc00 && run.text.charCodeAt(last) <= 0xdfff ? 1 : 0))!;
  const advance = face.advance(lastCp);
  const x1 = run.xs[0];
  const x2 = run.xs[run.xs.length - 1] + (Number.isNaN(advance) ? 1 : advance) * run.size * run.hScale;
  const line = (y: number, color: CmykColor, width: number): void => {
    out.items.push({ kind: 'rule', x1, y1: y, x2, y2: y, width, color });
  };
  const anchor = (kind: ProofAnchor['kind'], id: string): void => {
    const a = out.anchors.find((x) => x.kind === kind && x.id === id);
    if (a) a.text += run.text;
    else out.anchors.push({ kind, id, owner, x: x1, y: run.y, text: run.text });
  };
  if (marks.suggestion?.kind === 'deletion') {
    line(run.y - run.size * 0.33, DELETION_COLOR, Math.max(0.6, run.size * 0.07));
    anchor('deletion', marks.suggestion.id);
  } else if (marks.suggestion?.kind === 'insertion') {
    line(run.y + run.size * 0.14, run.color, Math.max(0.5, run.size * 0.06));
    anchor('insertion', marks.suggestion.id);
  }
  for (const thread of marks.threads ?? []) {
    line(run.y + run.size * 0.24, COMMENT_COLOR, Math.max(0.5, run.size * 0.05));
    anchor('comment', thread);
  }
}
