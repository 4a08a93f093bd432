import { Extension } from '@tiptap/core';
import { suggestChanges, suggestChangesKey, transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import { EDITORIAL_CHANGE } from '../../src-core/story/cuttable';
import type { ProofSession } from './session';
import { newSuggestionId } from './session';

/**
 * The story editor's part in proofreading. In 校对 mode every transaction that changes the text is
 * rewritten by @handlewithcare/prosemirror-suggest-changes into tracked changes (deleted text keeps
 * a deletion mark, typed text gets an insertion mark), and every new mark gets its meta (author,
 * role, round, time) in the article's Yjs document. Changes that arrive from Yjs (other desks, the
 * page's undo, accepting on the panel) pass through untouched, and so do editorial changes (the
 * 可删 mark, `EDITORIAL_CHANGE`): like InCopy's formatting, they change nothing printed, so there
 * is nothing to accept or reject.
 */
export function trackedChanges(session: ProofSession, articleId: string) {
  return Extension.create({
    name: 'banmianTrackedChanges',
    addProseMirrorPlugins() {
      return [suggestChanges()];
    },
    dispatchTransaction({ transaction, next }) {
      const ySync = (transaction.getMeta('y-sync$') ?? {}) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean };
      const skip = 'skip' in ((transaction.getMeta(suggestChangesKey) as object | undefined) ?? {});
      if (!transaction.docChanged || !session.tracking() || ySync.isChangeOrigin || ySync.isUndoRedoOperation || skip || transaction.getMeta('history$') || transaction.getMeta(EDITORIAL_CHANGE)) {
        next(transaction);
        return;
      }
      next(transformToSuggestionTransaction(transaction, this.editor.state, newSuggestionId));
    },
    onCreate() {
      session.attachStory(articleId, this.editor);
    },
    onTransaction({ transaction }) {
      if (transaction.docChanged && session.tracking()) session.recordNewSuggestions(articleId, this.editor, transaction.before);
    },
    onDestroy() {
      session.detachStory(articleId, this.editor);
    },
  });
}
