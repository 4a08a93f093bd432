import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';

/**
 * Other people's cursors and selections in the story editor, with a name label in their role's
 * colour: y-tiptap's cursor plugin over the article provider's awareness (whose `user` field the
 * CollabSession fills with name, role and colour). The same plugin tiptap's CollaborationCaret
 * wraps; that package's releases pin an older @tiptap/core than the one installed.
 */
export function remoteCarets(awareness: Awareness) {
  return Extension.create({
    name: 'banmianRemoteCarets',
    addProseMirrorPlugins() {
      return [
        yCursorPlugin(awareness, {
          cursorBuilder: (user: { name?: string; role?: string; color?: string }) => {
            const caret = document.createElement('span');
            caret.className = 'remote-caret';
            caret.style.borderColor = user.color ?? '#888';
            const label = document.createElement('span');
            label.className = 'remote-caret-label';
            label.style.background = user.color ?? '#888';
            label.textContent = `${user.name ?? '?'}${user.role ? ` ${user.role}` : ''}`;
            caret.append(label);
            return caret;
          },
          selectionBuilder: (user: { color?: string }) => ({ style: `background-color: ${user.color ?? '#888'}33`, class: 'remote-selection' }),
        }),
        new Plugin({ view: () => ({ update: (view) => keepLabelsInside(view.dom) }) }),
      ];
    },
  });
}

/** A label that would stick out past the editor's right edge hangs to the left of its caret instead. */
function keepLabelsInside(editor: HTMLElement): void {
  const right = editor.getBoundingClientRect().right;
  for (const label of editor.querySelectorAll<HTMLElement>('.remote-caret-label')) {
    label.classList.remove('flip');
    if (label.getBoundingClientRect().right > right) label.classList.add('flip');
  }
}
