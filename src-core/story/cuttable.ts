import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';

/** The model's `CUTTABLE_ATTR` (src-core/model/richtext.ts; a unit test keeps the two equal). */
const CUTTABLE_ATTR = 'cuttable';

/** What the clipboard's HTML is read through (src-core has no DOM types). */
type HtmlElement = { getAttribute(name: string): string | null };

/**
 * The 可删 (cuttable) mark on body paragraphs and subheads, as a node attribute of the story schema:
 * true when marked, null (not stored, so unmarked bodies keep their JSON and Yjs shape) when not.
 * It travels with its paragraph: in the Yjs fragment as an element attribute, on the clipboard as
 * `data-cuttable`, and a paragraph split in two leaves both halves marked.
 */
export const Cuttable = Extension.create({
  name: 'banmianCuttable',
  addGlobalAttributes: () => [
    {
      types: ['paragraph', 'heading'],
      attributes: {
        [CUTTABLE_ATTR]: {
          default: null,
          keepOnSplit: true,
          parseHTML: (element) => ((element as unknown as HtmlElement).getAttribute('data-cuttable') === 'true' ? true : null),
          renderHTML: (attrs) => (attrs[CUTTABLE_ATTR] === true ? { 'data-cuttable': 'true' } : {}),
        },
      },
    },
  ],
});

/**
 * The transaction meta of a change that is editorial, not textual. Tracked changes (校对 mode) let
 * such a transaction through as it is, as InCopy does with attribute changes: a 可删 mark changes
 * nothing printed, so there is nothing to accept or reject.
 */
export const EDITORIAL_CHANGE = 'banmianEditorialChange';

/** The paragraphs and subheads the selection touches (the cursor's one when nothing is selected). */
function selectedTextblocks(state: EditorState): { node: PMNode; pos: number }[] {
  const out: { node: PMNode; pos: number }[] = [];
  for (const range of state.selection.ranges) {
    state.doc.nodesBetween(range.$from.pos, range.$to.pos, (node, pos) => {
      if (node.isTextblock) out.push({ node, pos });
      return !node.isTextblock;
    });
  }
  return out;
}

/** Whether every paragraph the selection touches is marked 可删 (the toolbar button's pressed state). */
export function selectionCuttable(state: EditorState): boolean {
  const blocks = selectedTextblocks(state);
  return blocks.length > 0 && blocks.every(({ node }) => node.attrs[CUTTABLE_ATTR] === true);
}

/**
 * Marks the selected paragraphs 可删, or unmarks them when all of them are marked already (a
 * ProseMirror command: without `dispatch` it only says whether it applies).
 */
export function toggleCuttable(state: EditorState, dispatch?: (tr: Transaction) => void): boolean {
  const blocks = selectedTextblocks(state);
  if (blocks.length === 0) return false;
  if (!dispatch) return true;
  const value = selectionCuttable(state) ? null : true;
  const tr = state.tr;
  for (const { node, pos } of blocks) if (node.attrs[CUTTABLE_ATTR] !== value) tr.setNodeAttribute(pos, CUTTABLE_ATTR, value);
  dispatch(tr.setMeta(EDITORIAL_CHANGE, true));
  return true;
}
