import { describe, expect, it } from 'vitest';
import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { storySchema } from '../../src-core/story/schema';
import { EDITORIAL_CHANGE, selectionCuttable, toggleCuttable } from '../../src-core/story/cuttable';

const body = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: '第一段' }] },
    { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: '小标题' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '第三段' }] },
  ],
};

/** Positions inside the paragraphs above: 第一段 is 1–4, 小标题 6–9, 第三段 11–14. */
function stateAt(from: number, to = from): EditorState {
  const doc = PMNode.fromJSON(storySchema(), body);
  const state = EditorState.create({ schema: storySchema(), doc });
  return state.apply(state.tr.setSelection(TextSelection.create(doc, from, to)));
}

function run(state: EditorState): { state: EditorState; tr: Transaction } {
  let tr: Transaction | undefined;
  expect(toggleCuttable(state, (t) => (tr = t))).toBe(true);
  return { state: state.apply(tr!), tr: tr! };
}

const cuttable = (s: EditorState) => s.doc.toJSON().content.map((p: { attrs?: { cuttable?: unknown } }) => p.attrs?.cuttable ?? null);

describe('the 可删段落 toggle on the story schema', () => {
  it('marks the paragraph at the cursor, and unmarks it again', () => {
    const once = run(stateAt(2));
    expect(cuttable(once.state)).toEqual([true, null, null]);
    expect(selectionCuttable(once.state)).toBe(true);
    expect(once.tr.getMeta(EDITORIAL_CHANGE)).toBe(true);
    const twice = run(once.state);
    expect(cuttable(twice.state)).toEqual([null, null, null]);
    expect(selectionCuttable(twice.state)).toBe(false);
  });

  it('marks every paragraph and subhead the selection touches; unmarks only when all were marked', () => {
    const first = run(stateAt(2)).state;
    const wide = first.apply(first.tr.setSelection(TextSelection.create(first.doc, 3, 12)));
    expect(selectionCuttable(wide)).toBe(false);
    const all = run(wide).state;
    expect(cuttable(all)).toEqual([true, true, true]);
    expect(cuttable(run(all).state)).toEqual([null, null, null]);
  });

  it('keeps the text and the subhead level, and keeps the mark on both halves of a split paragraph', () => {
    const marked = run(stateAt(12)).state;
    expect(marked.doc.textContent).toBe('第一段小标题第三段');
    expect(marked.doc.child(1).attrs.level).toBe(3);
    const split = marked.apply(marked.tr.split(12, 1, [{ type: storySchema().nodes.paragraph, attrs: marked.doc.child(2).attrs }]));
    expect(cuttable(split)).toEqual([null, null, true, true]);
  });

  it('says it applies without changing anything when asked with no dispatch', () => {
    const state = stateAt(2);
    expect(toggleCuttable(state)).toBe(true);
    expect(cuttable(state)).toEqual([null, null, null]);
  });
});
