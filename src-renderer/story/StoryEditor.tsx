import { Extension, type Editor as Tiptap, type Extensions } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor as useTiptap } from '@tiptap/react';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { useEffect, useMemo, useState } from 'react';
import type React from 'react';
import type { ArticleMeta } from '../../src-core/store/readers';
import { storyExtensions } from '../../src-core/story/schema';
import type { Article } from '../../src-core/model/document';
import { hasBodyText } from '../../src-core/model/richtext';
import type { Editor } from '../editor/editor';
import { useEditor, useEditorInstance } from '../editor/use-editor';
import { remoteCarets } from '../collab/carets';
import { useCollab, useCollabDesk } from '../collab/use-collab';
import { StoryProofBar } from '../proof/ProofChrome';
import { trackedChanges } from '../proof/tracked-changes';
import { useProofSession } from '../proof/use-proof';
import { Row } from '../ui/fields';
import { activeStory } from './active-story';
import { activeStoryBinding, StoryToolbar } from './StoryToolbar';
import { oversetMark } from './overset-mark';
import { pasteLimit } from './paste-limit';
import { StoryFit, useOversetMark } from './StoryFit';

/**
 * The story editor: tiptap bound to the article's Yjs document (collaboration fragment `body`),
 * so every keystroke lands in the page store and the page reflows at once. Undo and redo go to the
 * store's one history, not to tiptap's own.
 */

const META_FIELDS: [keyof ArticleMeta, string, string][] = [
  ['kicker', '引题', 'Kicker'],
  ['headline', '主题', 'Headline'],
  ['deck', '副题', 'Deck'],
  ['byline', '署名', 'Byline'],
  ['lead', '电头', 'Dateline lead'],
];

/**
 * ProseMirror scrolls the cursor into view inside every keystroke's transaction, which makes the
 * browser lay the window out there and then (with the repainted page) once more. The scroll waits
 * for the end of the keystroke's task instead (a microtask queued after React's commit, which
 * repaints the page), so the window is laid out once per keystroke, and still before the frame: in
 * a requestAnimationFrame callback that layout would lengthen the frame itself.
 */
const pendingScroll = new WeakMap<EditorView, 'waiting' | 'scrolling'>();
const deferredScroll = Extension.create({
  name: 'banmianDeferredScroll',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        props: {
          handleScrollToSelection(view) {
            // Called again from the microtask: ProseMirror scrolls as it always does.
            if (pendingScroll.get(view) === 'scrolling') return false;
            if (pendingScroll.get(view) === 'waiting') return true;
            pendingScroll.set(view, 'waiting');
            queueMicrotask(() => {
              pendingScroll.set(view, 'scrolling');
              if (!view.isDestroyed) (view as unknown as { scrollToSelection(): void }).scrollToSelection();
              pendingScroll.delete(view);
            });
            return true;
          },
        },
      }),
    ];
  },
});

function storeHistory(editor: Editor) {
  return Extension.create({
    name: 'banmianHistory',
    priority: 1000,
    addKeyboardShortcuts() {
      const undo = () => {
        editor.undo();
        return true;
      };
      const redo = () => {
        editor.redo();
        return true;
      };
      return { 'Mod-z': undo, 'Mod-Z': undo, 'Mod-Shift-z': redo, 'Mod-Shift-Z': redo, 'Mod-y': redo };
    },
  });
}

/**
 * The body's tiptap editor, null until the story editor has mounted. A signed page's story opens
 * read-only from its first frame: the proof session's lock (in the editor's create event) comes a
 * timer later.
 *
 * Built once the component is mounted (immediatelyRender: false), not while it renders: a render
 * React throws away (this component comes in a lazy chunk, and the page store may change while the
 * chunk's first render is under way) built an editor of its own each time, bound to the article's
 * Yjs document and attached as the active story until a timer destroyed it — four editors for one
 * story opened.
 */
function useStoryBody(articleId: string, extensions: Extensions): Tiptap | null {
  const signed = useEditor((s) => !!s.readOnly?.signed);
  const tiptap = useTiptap(
    {
      extensions,
      editable: !signed,
      editorProps: { attributes: { class: 'story-body', 'data-testid': 'story-body', spellcheck: 'false', lang: 'zh-CN' } },
      immediatelyRender: false,
      shouldRerenderOnTransaction: false,
      // tiptap's 'delete' events (nothing here listens): each keystroke's timer combined its steps
      // and mapped its ranges again, a task of its own before the frame that shows the key.
      enableCoreExtensions: { delete: false },
    },
    [extensions],
  );
  useOversetMark(tiptap, articleId);
  return tiptap;
}

export function StoryEditor({ articleId }: { articleId: string }) {
  const editor = useEditorInstance();
  // Whether the article is there, not the article: its object changes with every keystroke.
  const exists = useEditor((s) => s.doc.articles.some((a) => a.id === articleId));
  const overset = useEditor((s) => s.layout?.overset.find((o) => o.articleId === articleId)?.characters ?? 0);
  const store = editor.pageStore;
  const binding = store.bodyBinding(articleId);
  const ydoc = binding?.document;
  const field = binding?.field;
  const proof = useProofSession();
  // A story begun from nothing (新建稿件, the 文本框 tool) opens with the caret in 主题, ready to type.
  const [blank] = useState(() => isBlank(editor.getState().doc.articles.find((a) => a.id === articleId)));

  // The editor's own transactions join the page's undo history.
  useEffect(() => store.trackOrigin(ySyncPluginKey), [store]);

  // On a shared page: the others' cursors in this article (its provider exists once the page is shared).
  const collab = useCollabDesk();
  useCollab((s) => s.mode);
  const awareness = collab?.provider(articleId)?.awareness ?? null;

  const extensions = useMemo(
    () =>
      ydoc
        ? [...storyExtensions, Collaboration.configure({ document: ydoc, field }), storeHistory(editor), pasteLimit(editor), trackedChanges(proof, articleId), activeStoryBinding(activeStory(editor)), deferredScroll, oversetMark, ...(awareness ? [remoteCarets(awareness)] : [])]
        : storyExtensions,
    [ydoc, field, editor, proof, articleId, awareness],
  );
  const tiptap = useStoryBody(articleId, extensions);

  // Plain keys stay in the editor (Delete must not delete the block); Ctrl shortcuts reach the workspace.
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      editor.openStory(null);
      e.preventDefault();
    }
    if (!e.ctrlKey && !e.metaKey) e.stopPropagation();
  };

  if (!exists || !ydoc) return null;
  return (
    <section className="story-editor" data-testid="story-editor" data-article={articleId} onKeyDown={onKeyDown}>
      <StoryHeader articleId={articleId} overset={overset} />
      <div className="story-meta">
        {META_FIELDS.map(([key, zh, en]) => (
          <StoryMetaField key={key} articleId={articleId} field={key} zh={zh} en={en} autoFocus={blank && key === 'headline'} />
        ))}
      </div>
      <h3 title="Body">
        正文 <small>Body</small>
      </h3>
      <StoryProofBar articleId={articleId} />
      <StoryToolbar />
      <div className="story-body-box">
        <EditorContent editor={tiptap} className="story-body-wrap" />
      </div>
    </section>
  );
}

/** The editor's title bar: 适配, the overset count and the close button. */
function StoryHeader({ articleId, overset }: { articleId: string; overset: number }) {
  const editor = useEditorInstance();
  return (
    <header>
      <h2 title="Story editor">
        稿件编辑 <small>Story</small>
      </h2>
      <StoryFit articleId={articleId} />
      {overset > 0 && (
        <span className="badge badge-overset" data-testid="story-overset">
          溢排 {overset} 字
        </span>
      )}
      <button className="close" onClick={() => editor.openStory(null)} title="Close (Esc)" aria-label="关闭 Close">
        ×
      </button>
    </header>
  );
}

function isBlank(a: Article | undefined): boolean {
  return !!a && !hasBodyText(a.body) && META_FIELDS.every(([key]) => !a[key]);
}

/** One title field of the story (引题, 主题…): re-renders when its own text changes, not on every keystroke in the body. */
function StoryMetaField({ articleId, field, zh, en, autoFocus }: { articleId: string; field: keyof ArticleMeta; zh: string; en: string; autoFocus: boolean }) {
  const editor = useEditorInstance();
  const value = useEditor((s) => String(s.doc.articles.find((a) => a.id === articleId)?.[field] ?? ''));
  // Title fields cannot carry tracked changes: read-only in 校对 mode (comment instead) and when signed.
  const readOnly = useEditor((s) => s.readOnly);
  return (
    <Row zh={zh} en={en}>
      <input
        data-testid={`story-${field}`}
        value={value}
        autoFocus={autoFocus && !readOnly}
        readOnly={!!readOnly}
        title={readOnly ? `${readOnly.zh} · ${readOnly.en}` : undefined}
        onChange={(e) => editor.setArticleMeta(articleId, { [field]: e.target.value })}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && (e.key.toLowerCase() === 'z' || e.key.toLowerCase() === 'y')) {
            e.preventDefault();
            if (e.key.toLowerCase() === 'y' || e.shiftKey) editor.redo();
            else editor.undo();
          }
        }}
      />
    </Row>
  );
}
