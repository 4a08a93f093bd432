import type { TextStyle } from '../../src-core/model/document';
import { composeParagraph, type ComposeOptions, type ComposedParagraph } from '../../src-core/typeset/compose';
import { fontProvider } from '../../src-main/fonts/provider';

export const fonts = fontProvider().registry();

export const song10: TextStyle = { family: 'song', bold: false, size: 10, lineHeight: 10, align: 'justify', tracking: 0 };

export function options(chars: number, over: Partial<ComposeOptions> = {}): ComposeOptions {
  return {
    width: chars * 10,
    indent: 0,
    align: 'justify',
    hanLatinSpace: 0.25,
    maxExpansion: 0.25,
    compressLineStartOpening: false,
    compressLineEndClosing: false,
    avoidLoneCharacter: false,
    ...over,
  };
}

export function compose(text: string, opts: ComposeOptions, style: TextStyle = song10): ComposedParagraph {
  return composeParagraph([{ text, style, tag: 0 }], fonts, opts);
}

/** The text of each line. */
export function lineTexts(cp: ComposedParagraph): string[] {
  return cp.lines.map((l) => String.fromCodePoint(...cp.cps.subarray(l.start, l.end)));
}

/** x of every character in a line, relative to the line start. */
export function lineXs(cp: ComposedParagraph, line: number): number[] {
  const l = cp.lines[line];
  return Array.from(cp.xs.subarray(l.start, l.end));
}
