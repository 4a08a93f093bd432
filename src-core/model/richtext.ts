import type { StyleName } from './document';

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
  /** `cuttable`: the editor marked the paragraph 可删 (see `isCuttable`); absent or false: not marked. `paragraphStyle`: see PARAGRAPH_STYLE_ATTR. */
  attrs?: { level?: number; cuttable?: boolean; paragraphStyle?: ParagraphStyle | null };
  content?: RichInline[];
}

/**
 * The paragraph attribute of the 可删 mark: an editorial note that make-up may drop the whole
 * paragraph when the copy is longer than the page holds. It is never printed; layout ignores it.
 */
export const CUTTABLE_ATTR = 'cuttable';

/**
 * The paragraph attribute naming the style a body paragraph is set in instead of 正文 (段落样式), one
 * of PARAGRAPH_STYLES: the 编者按 opening a story. Absent (or null): the body style.
 */
export const PARAGRAPH_STYLE_ATTR = 'paragraphStyle';

/** The page styles a body paragraph may be set in besides 正文 (subheads are headings, not this). */
export const PARAGRAPH_STYLES = ['editorsNote'] as const satisfies readonly StyleName[];
export type ParagraphStyle = (typeof PARAGRAPH_STYLES)[number];

/** The paragraph style a node's attributes name, if a known one. */
export function paragraphStyleOf(attrs: Record<string, unknown> | undefined): ParagraphStyle | undefined {
  const v = attrs?.[PARAGRAPH_STYLE_ATTR];
  return (PARAGRAPH_STYLES as readonly unknown[]).includes(v) ? (v as ParagraphStyle) : undefined;
}

export const isCuttable = (p: RichParagraph): boolean => p.attrs?.[CUTTABLE_ATTR] === true;

export interface RichDoc {
  type: 'doc';
  content: RichParagraph[];
}

/**
 * The mark of a run's own face (字体 set on a selection in the story editor): attributes `family`
 * (a family key of the font registry) and `weight` ('regular' | 'bold', or null: the style's).
 */
export const FACE_MARK = 'face';

/** A run's own face, as the typesetter takes it: a family, and a weight when the run sets one. */
export interface SpanFace {
  family: string;
  bold?: boolean;
}

/** The face a text's marks set, if any (a face mark without a family sets none). */
export function spanFace(marks: readonly RichMark[]): SpanFace | undefined {
  const attrs = marks.find((m) => m.type === FACE_MARK)?.attrs;
  if (typeof attrs?.family !== 'string' || !attrs.family) return undefined;
  return attrs.weight === 'bold' || attrs.weight === 'regular' ? { family: attrs.family, bold: attrs.weight === 'bold' } : { family: attrs.family };
}

const sameFace = (a: SpanFace | undefined, b: SpanFace | undefined): boolean => a?.family === b?.family && a?.bold === b?.bold;

/** A styled stretch of one paragraph, as the typesetter sees it. */
export interface TextSpan {
  text: string;
  bold: boolean;
  italic: boolean;
  /** The run's own face (the face mark); absent: the paragraph style's. */
  face?: SpanFace;
  /** Proof view only: the pending suggestion this text belongs to. */
  suggestion?: { kind: 'insertion' | 'deletion'; id: string };
  /** Proof view only: comment threads anchored on this text. */
  threads?: string[];
}

export interface PlainParagraph {
  kind: 'paragraph' | 'heading';
  /** A body paragraph's own style (编者按); absent: 正文 (a heading is always 小标题). */
  style?: ParagraphStyle;
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
  return paragraphs(doc, false);
}

/**
 * The paragraphs as the proofreader sees them: pending insertions included, and every span that
 * carries a suggestion or a comment kept apart with its id, so the page can mark it.
 */
export function proofParagraphs(doc: RichDoc): PlainParagraph[] {
  return paragraphs(doc, true);
}

function paragraphs(doc: RichDoc, proof: boolean): PlainParagraph[] {
  const out: PlainParagraph[] = [];
  for (const node of doc.content) {
    const spans: TextSpan[] = [];
    for (const inline of node.content ?? []) {
      if (inline.type === 'hardBreak') {
        spans.push({ text: '\n', bold: false, italic: false });
        continue;
      }
      const marks = inline.marks ?? [];
      if (!proof && marks.some((m) => NOT_YET_ACCEPTED.has(m.type))) continue;
      const bold = marks.some((m) => m.type === 'bold');
      const italic = marks.some((m) => m.type === 'italic');
      const span: TextSpan = { text: inline.text, bold, italic };
      const face = spanFace(marks);
      if (face) span.face = face;
      if (proof) {
        const sug = marks.find((m) => m.type === 'insertion' || m.type === 'deletion');
        if (sug) span.suggestion = { kind: sug.type as 'insertion' | 'deletion', id: String(sug.attrs?.id ?? '') };
        const threads = marks.filter((m) => m.type === 'comment').map((m) => String(m.attrs?.threadId ?? ''));
        if (threads.length) span.threads = threads;
      }
      const last = spans[spans.length - 1];
      if (last && last.bold === bold && last.italic === italic && sameFace(last.face, face) && !last.suggestion && !span.suggestion && !last.threads && !span.threads) last.text += inline.text;
      else spans.push(span);
    }
    const style = node.type === 'heading' ? undefined : paragraphStyleOf(node.attrs);
    out.push(style ? { kind: 'paragraph', style, spans } : { kind: node.type === 'heading' ? 'heading' : 'paragraph', spans });
  }
  return out;
}

export function plainText(doc: RichDoc): string {
  return printableParagraphs(doc)
    .map((p) => p.spans.map((s) => s.text).join(''))
    .join('\n');
}

/** Whether an article has body text at all (a headline-only banner has none), without building its plain text. */
export function hasBodyText(body: RichDoc): boolean {
  return body.content.some((p) => (p.content ?? []).some((i) => i.type === 'text' && i.text.trim().length > 0));
}

/**
 * The indices of the paragraphs of `before` that `after` leaves out, when `after` is `before` with
 * whole paragraphs removed and nothing else changed (make-up's 可删 cuts); undefined otherwise.
 */
export function removedParagraphs(before: RichDoc, after: RichDoc): number[] | undefined {
  const removed: number[] = [];
  let j = 0;
  before.content.forEach((p, i) => {
    if (j < after.content.length && JSON.stringify(p) === JSON.stringify(after.content[j])) j++;
    else removed.push(i);
  });
  return j === after.content.length ? removed : undefined;
}
