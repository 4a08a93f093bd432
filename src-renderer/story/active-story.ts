import type { Editor as Tiptap } from '@tiptap/core';
import { selectionCuttable, toggleCuttable } from '../../src-core/story/cuttable';
import { selectionFace, setFace, type RunFace } from '../../src-core/story/face';
import type { Editor } from '../editor/editor';

/** The marks of the story schema the story toolbar's B and I buttons set (src-core/story/schema.ts). */
export type EmphasisMark = 'bold' | 'italic';

/**
 * The story editor open in a workspace, for the commands that act on its text (the 可删 toggle,
 * a run's face) and for their toolbar state. The open `StoryEditor` attaches its tiptap editor here and tells
 * of every transaction; the commands and the buttons read it.
 */
export class ActiveStory {
  private tiptap: Tiptap | null = null;
  private readonly listeners = new Set<() => void>();

  attach(tiptap: Tiptap): void {
    this.tiptap = tiptap;
    this.changed();
  }

  detach(tiptap: Tiptap): void {
    if (this.tiptap !== tiptap) return;
    this.tiptap = null;
    this.changed();
  }

  /** The selection or the document changed, or the editor became (not) editable. */
  changed(): void {
    for (const l of this.listeners) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** What the buttons show, as one value (useSyncExternalStore): a keystroke that changes neither redraws nothing. */
  snapshot = (): string => `${this.editable()} ${this.cuttable()} ${this.marked('bold')} ${this.marked('italic')} ${JSON.stringify(this.face() ?? null)}`;

  /** A story is open and its text may be changed (not signed for print). */
  editable(): boolean {
    return !!this.tiptap && !this.tiptap.isDestroyed && this.tiptap.isEditable;
  }

  /** Every paragraph the selection touches is marked 可删. */
  cuttable(): boolean {
    return !!this.tiptap && !this.tiptap.isDestroyed && selectionCuttable(this.tiptap.state);
  }

  /** The selection (or the caret's stored marks) is set in this mark: 加粗 (bold) or 倾斜 (italic). */
  marked(mark: EmphasisMark): boolean {
    return !!this.tiptap && !this.tiptap.isDestroyed && this.tiptap.isActive(mark);
  }

  /** Sets or clears 加粗/倾斜 on the selection, as Ctrl+B/Ctrl+I do (in 校对 mode a tracked suggestion, as they are). */
  toggleMark(mark: EmphasisMark): void {
    const t = this.tiptap;
    if (!t || !this.editable()) return;
    t.chain().focus().toggleMark(mark).run();
  }

  /** The face the selection is set in (`selectionFace`); undefined with no story open. */
  face(): RunFace | null | 'mixed' | undefined {
    return this.tiptap && !this.tiptap.isDestroyed ? selectionFace(this.tiptap.state) : undefined;
  }

  /**
   * Sets the selection in a face, or back in its style's (null). In 校对 mode the story's tracked
   * changes make it a suggestion, as they do a bold: the printed page keeps the old face until accepted.
   */
  setFace(face: RunFace | null): void {
    const t = this.tiptap;
    if (!t || !this.editable()) return;
    setFace(face, t.state, t.view.dispatch);
    t.view.focus();
  }

  toggleCuttable(): void {
    const t = this.tiptap;
    if (!t || !this.editable()) return;
    toggleCuttable(t.state, t.view.dispatch);
    t.view.focus();
  }
}

const byEditor = new WeakMap<Editor, ActiveStory>();

/** The workspace's one `ActiveStory`. */
export function activeStory(editor: Editor): ActiveStory {
  let story = byEditor.get(editor);
  if (!story) byEditor.set(editor, (story = new ActiveStory()));
  return story;
}
