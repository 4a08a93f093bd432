/**
 * Article body text is stored as ProseMirror/tiptap-compatible JSON so the story editor and the
 * proofreading marks can live on it. This module is the only place that knows that shape.
 */
export interface RichMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface RichText {
  type: 'text';
  text: string;
  marks?: RichMark[];
}

export interface RichHardBreak {
  type: 'hardBreak';
}

export type RichInline = RichText | RichHardBreak;

export interface RichParagraph {
  type: 'paragraph' | 'heading';
  attrs?: { level?: number };
  content?: RichInline[];
}

export interface RichDoc {
  type: 'doc';
  content: RichParagraph[];
}

/** A styled stretch of one paragraph, as the typesetter sees it. */
export interface TextSpan {
  text: string;
  bold: boolean;
  italic: boolean;
}

export interface PlainParagraph {
  kind: 'paragraph' | 'heading';
  spans: TextSpan[];
}

/** Marks whose text is a pending suggestion and so is not part of the accepted (printed) text. */
const NOT_YET_ACCEPTED = new Set(['insertion', 'suggestionInsert']);

export function docFromParagraphs(paragraphs: string[]): RichDoc {
  return {
    type: 'doc',
    content: paragraphs.map((text) => ({
      type: 'paragraph' as const,
      content: text ? [{ type: 'text' as const, text }] : [],
    })),
  };
}

/**
 * The printable paragraphs of a body: pending insertions are left out and pending deletions kept,
 * because only accepted changes reach the page.
 */
export function printableParagraphs(doc: RichDoc): PlainParagraph[] {
  const out: PlainParagraph[] = [];
  for (const node of doc.content) {
    const spans: TextSpan[] = [];
    for (const inline of node.content ?? []) {
      if (inline.type === 'hardBreak') {
        spans.push({ text: '\n', bold: false, italic: false });
        continue;
      }
      const marks = inline.marks ?? [];
      if (marks.some((m) => NOT_YET_ACCEPTED.has(m.type))) continue;
      const bold = marks.some((m) => m.type === 'bold');
      const italic = marks.some((m) => m.type === 'italic');
      const last = spans[spans.length - 1];
      if (last && last.bold === bold && last.italic === italic) last.text += inline.text;
      else spans.push({ text: inline.text, bold, italic });
    }
    out.push({ kind: node.type === 'heading' ? 'heading' : 'paragraph', spans });
  }
  return out;
}

export function plainText(doc: RichDoc): string {
  return printableParagraphs(doc)
    .map((p) => p.spans.map((s) => s.text).join(''))
    .join('\n');
}
