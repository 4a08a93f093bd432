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
    let text = '';
    const xs: number[] = [];
    const offsets: number[] = [];
    const src = sources[tag];
    let j = i;
    for (; j < end && cp.faces[j] === face && cp.sizes[j] === size && cp.hScale[j] === scale && cp.tags[j] === tag; j++) {
      const c = cp.cps[j];
      if (c === 0x20 || c === 0x3000) continue;
      text += String.fromCodePoint(c);
      xs.push(x + cp.xs[j]);
      offsets.push(src.base + cp.offsets[j]);
    }
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
