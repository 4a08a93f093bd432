import { Mark } from '@tiptap/core';
import type { EditorState, Transaction } from '@tiptap/pm/state';

/** The model's `FACE_MARK` (src-core/model/richtext.ts; a unit test keeps the two equal). */
const FACE_MARK = 'face';

/** A run's own face: a family key of the registry (`song`, `kai`, an installed `sys-…`) and, optionally, its weight. */
export interface RunFace {
  family: string;
  /** Absent: the weight the paragraph's style (and a bold mark) gives. */
  weight?: 'regular' | 'bold';
}

/** What a run's weight is called (the toolbar's 字重 and the proof panel's face changes). */
export const WEIGHT_LABELS: Record<NonNullable<RunFace['weight']>, { zh: string; en: string }> = {
  regular: { zh: '常规', en: 'Regular' },
  bold: { zh: '粗', en: 'Bold' },
};

/** What the clipboard's HTML is read through (src-core has no DOM types). */
type HtmlElement = { getAttribute(name: string): string | null };

/**
 * A face per run of text (字体 on a selection): the family, and the weight when the run sets one.
 * One face per character (a mark excludes others of its type), so a new face replaces the old.
 * It lives in the Yjs fragment like bold, and tracked changes treat it as they treat bold.
 */
export const Face = Mark.create({
  name: FACE_MARK,
  addAttributes: () => ({
    family: {
      default: null as string | null,
      parseHTML: (element) => (element as unknown as HtmlElement).getAttribute('data-face'),
      renderHTML: (attrs) => (attrs.family ? { 'data-face': attrs.family } : {}),
    },
    weight: {
      default: null as 'regular' | 'bold' | null,
      parseHTML: (element) => (element as unknown as HtmlElement).getAttribute('data-weight'),
      renderHTML: (attrs) => (attrs.weight ? { 'data-weight': attrs.weight } : {}),
    },
  }),
  parseHTML: () => [{ tag: 'span[data-face]' }],
  renderHTML: ({ HTMLAttributes }) => ['span', HTMLAttributes, 0],
});

/**
 * The face the selection is set in: the run face every character of it shares, `null` when none of
 * it has one (the style's face), `'mixed'` otherwise. At a cursor: the face typing would take.
 */
export function selectionFace(state: EditorState): RunFace | null | 'mixed' {
  const type = state.schema.marks[FACE_MARK];
  const { from, to, empty, $from } = state.selection;
  const read = (attrs: Record<string, unknown> | undefined): RunFace | null =>
    attrs?.family ? { family: String(attrs.family), ...(attrs.weight ? { weight: attrs.weight as RunFace['weight'] } : {}) } : null;
  if (empty) return read(type.isInSet(state.storedMarks ?? $from.marks())?.attrs);
  let seen: string | undefined;
  let face: RunFace | null = null;
  state.doc.nodesBetween(from, to, (node) => {
    if (!node.isText) return true;
    const here = read(type.isInSet(node.marks)?.attrs);
    const key = JSON.stringify(here);
    if (seen === undefined) [seen, face] = [key, here];
    else if (seen !== key) seen = 'mixed';
    return false;
  });
  return seen === 'mixed' ? 'mixed' : face;
}

/**
 * Sets the selection in a face, or back in its style's face (`null`); at a cursor, the text typed
 * next. A ProseMirror command: it always applies.
 */
export function setFace(face: RunFace | null, state: EditorState, dispatch?: (tr: Transaction) => void): boolean {
  const type = state.schema.marks[FACE_MARK];
  const { from, to, empty } = state.selection;
  if (!dispatch) return true;
  const mark = face ? type.create({ family: face.family, weight: face.weight ?? null }) : null;
  const tr = state.tr;
  if (empty) {
    const stored = type.removeFromSet(state.storedMarks ?? state.selection.$from.marks());
    tr.setStoredMarks(mark ? mark.addToSet(stored) : stored);
  } else if (mark) tr.addMark(from, to, mark);
  else tr.removeMark(from, to, type);
  dispatch(tr);
  return true;
}
