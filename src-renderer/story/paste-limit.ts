import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import type { Editor } from '../editor/editor';

/**
 * The most characters one paste or drop may bring into a story. ProseMirror parses the clipboard
 * and Yjs and the layout take the result on this thread: 5 MB of text held the window for over a
 * minute. A newspaper story is a few thousand characters; this is room for a long document's worth
 * (a whole manuscript is imported with 导入稿件, which reads it off this thread).
 */
export const STORY_PASTE_LIMIT = 100_000;

/** The characters a paste or drop carries, the longest of its plain and its HTML forms (markup included). */
function carried(data: DataTransfer | null): number {
  if (!data) return 0;
  return Math.max(data.getData('text/plain').length, data.getData('text/html').length);
}

/**
 * Refuses, before ProseMirror reads it, a paste or drop into the story body over STORY_PASTE_LIMIT
 * characters: a notice says so and nothing changes (the story, the page, the undo history).
 */
export function pasteLimit(editor: Editor) {
  const refuse = (event: Event, data: DataTransfer | null): boolean => {
    const n = carried(data);
    if (n <= STORY_PASTE_LIMIT) return false;
    event.preventDefault();
    editor.notify(
      {
        zh: `粘贴的文字有 ${n} 字，超过一次粘贴的上限 ${STORY_PASTE_LIMIT} 字；稿件未改动。长稿请用“导入稿件”`,
        en: `The pasted text has ${n} characters, more than the ${STORY_PASTE_LIMIT} one paste may bring; the story is unchanged. Import a long manuscript with 导入稿件 (Import)`,
      },
      'warning',
    );
    return true;
  };
  return Extension.create({
    name: 'banmianPasteLimit',
    addProseMirrorPlugins() {
      return [
        new Plugin({
          props: {
            handleDOMEvents: {
              paste: (_view, event) => refuse(event, event.clipboardData),
              drop: (_view, event) => refuse(event, event.dataTransfer),
            },
          },
        }),
      ];
    },
  });
}
