import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { Article } from '../../src-core/model/document';
import type { Overset } from '../../src-core/layout/page-layout';
import { printableRange } from '../proof/positions';

/**
 * The overset mark in the story editor (InCopy's overset line): from the first character the page
 * could not set to the end, the text is tinted red under a 溢排 label. Where that character is comes
 * from the page's own layout (`Overset.from`), handed in by the story editor after each layout.
 */

/**
 * Where the overset starts in the body: a place in a paragraph (counted as the layout counts it:
 * the proof view with pending insertions), the body's start, or nowhere.
 */
export type OversetStart = { paragraph: number; offset: number; proofView: boolean } | 'start' | null;

const key = new PluginKey<OversetStart>('banmianOversetMark');

/** The overset start in the body for the layout's `from` (titles and the lead come before the body, a closing byline after it). */
export function oversetStart(from: Overset['from'] | undefined, article: Pick<Article, 'bylinePosition'>, proofView: boolean): OversetStart {
  if (!from) return null;
  if (from.field === 'body') return { paragraph: from.paragraph, offset: from.offset, proofView };
  const beforeBody = from.field === 'jumpFrom' || from.field === 'lead' || (from.field === 'byline' && article.bylinePosition === 'top');
  return beforeBody ? 'start' : null;
}

/** The document position the mark starts at, or null when there is none in this document. */
export function oversetPosition(doc: PMNode, start: OversetStart): number | null {
  if (start === null) return null;
  if (start === 'start') return doc.childCount > 0 ? 1 : null;
  return printableRange(doc, start.paragraph, start.offset, 0, start.proofView)?.from ?? null;
}

function decorations(state: EditorState): DecorationSet {
  const pos = oversetPosition(state.doc, key.getState(state) ?? null);
  if (pos === null) return DecorationSet.empty;
  const label = (): HTMLElement => {
    const el = document.createElement('span');
    el.className = 'story-overset-mark';
    el.textContent = '溢排';
    el.title = 'Overset: the page has no room from here on';
    el.contentEditable = 'false';
    el.dataset.testid = 'story-overset-mark';
    return el;
  };
  return DecorationSet.create(state.doc, [
    Decoration.widget(pos, label, { side: -1, key: 'overset-mark', ignoreSelection: true }),
    Decoration.inline(pos, state.doc.content.size, { class: 'story-overset-text' }),
  ]);
}

export const oversetMark = Extension.create({
  name: 'banmianOversetMark',
  addProseMirrorPlugins() {
    return [
      new Plugin<OversetStart>({
        key,
        state: {
          init: () => null,
          apply: (tr, value) => {
            const next = tr.getMeta(key) as OversetStart | undefined;
            return next === undefined ? value : next;
          },
        },
        props: { decorations },
        // ProseMirror has just read the DOM: a mark held back for it can move now (not inside its update).
        view: () => ({ update: (view) => void (waiting.has(view) && queueMicrotask(() => moveNow(view))) }),
      }),
    ];
  },
});

/** Marks held back while ProseMirror had input of its own to read first. */
const waiting = new WeakMap<EditorView, OversetStart>();

/**
 * Moves the mark to where the latest layout says the overset starts (nothing dispatched when it stays).
 * Redrawing the mark writes ProseMirror's selection back into the page, so while the page holds a
 * click, a keystroke or an input method's text that ProseMirror has not read yet, the mark waits for
 * ProseMirror's next update (after which the two agree) instead of undoing them.
 */
export function setOversetStart(view: EditorView, start: OversetStart): void {
  waiting.set(view, start);
  if (!view.composing && !unreadSelection(view)) moveNow(view);
}

function moveNow(view: EditorView): void {
  if (!waiting.has(view) || view.isDestroyed || view.composing) return;
  const start = waiting.get(view)!;
  waiting.delete(view);
  if (JSON.stringify(key.getState(view.state) ?? null) !== JSON.stringify(start)) view.dispatch(view.state.tr.setMeta(key, start));
}

/** Whether the page's selection in the editor differs from the one ProseMirror holds (it has not read it yet). */
function unreadSelection(view: EditorView): boolean {
  const sel = view.dom.ownerDocument.getSelection();
  if (!sel?.anchorNode || !sel.focusNode || !view.dom.contains(sel.anchorNode)) return false;
  try {
    return view.posAtDOM(sel.anchorNode, sel.anchorOffset) !== view.state.selection.anchor || view.posAtDOM(sel.focusNode, sel.focusOffset) !== view.state.selection.head;
  } catch {
    return true;
  }
}
