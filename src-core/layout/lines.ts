import { drawnFace } from '../fonts/registry';
import type { ComposedParagraph } from '../typeset/compose';
import type { LayoutContext } from './context';
import { BLACK, type GlyphRun, type TextField } from './page-layout';
import { markedInk, markRun, type Marks } from './proof-marks';

/** Where a composed run's text came from (a composer tag indexes a list of these), and its marks. */
export interface Source extends Marks {
  field: TextField;
  paragraph: number;
  base: number;
}

/** What setting lines needs: where the items go, and the proof view if any. */
export type LineSink = Pick<LayoutContext, 'out' | 'proof'>;

/** The characters as a string, a bounded number at a time (a spread has a limit on its arguments). */
function textOf(codes: number[]): string {
  if (codes.length <= 4096) return String.fromCodePoint(...codes);
  let text = '';
  for (let at = 0; at < codes.length; at += 4096) text += String.fromCodePoint(...codes.slice(at, at + 4096));
  return text;
}

/** A run's code points on their way to its text (`textOf`): one array for every run, set to each run's length. */
const runCodes: number[] = [];

/** Emits one composed line as glyph runs (split where face, size, scale or source changes). */
export function emitLine(sink: LineSink, cp: ComposedParagraph, li: number, x: number, emTop: number, owner: string, sources: Source[]): void {
  const line = cp.lines[li];
  let i = line.start;
  const end = line.end;
  while (i < end) {
    const face = cp.faces[i];
    const size = cp.sizes[i];
    const scale = cp.hScale[i];
    const tag = cp.tags[i];
    const src = sources[tag];
    // the run's extent and its drawn characters (spaces are only room) first, so that its arrays
    // and text are made once at their size: built glyph by glyph they were a third of what layout allocated
    let j = i;
    let count = 0;
    for (; j < end && cp.faces[j] === face && cp.sizes[j] === size && cp.hScale[j] === scale && cp.tags[j] === tag; j++) if (cp.cps[j] !== 0x20 && cp.cps[j] !== 0x3000) count++;
    const codes = runCodes;
    codes.length = count;
    const xs: number[] = new Array(count);
    const offsets: number[] = new Array(count);
    for (let k = i, g = 0; k < j; k++) {
      const c = cp.cps[k];
      if (c === 0x20 || c === 0x3000) continue;
      codes[g] = c;
      xs[g] = x + cp.xs[k];
      offsets[g++] = src.base + cp.offsets[k];
    }
    const text = textOf(codes);
    if (text) {
      const marked = src.suggestion !== undefined || src.threads !== undefined;
      const run: GlyphRun = {
        kind: 'glyphs',
        ...drawnFace(face, size),
        size,
        color: marked ? markedInk(src, sink.proof) : BLACK,
        y: emTop + face.emBoxAscent * size,
        text,
        xs,
        hScale: scale,
        source: { owner, field: src.field, paragraph: src.paragraph, offsets },
      };
      sink.out.items.push(run);
      if (marked) markRun(sink.out, run, face, src, owner);
    }
    i = j;
  }
}
