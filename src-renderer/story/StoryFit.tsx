import type { Editor as Tiptap } from '@tiptap/core';
import { useEffect } from 'react';
import { articleFits } from '../../src-core/copyfit';
import { hasBodyText } from '../../src-core/model/richtext';
import type { EditorState } from '../editor/editor';
import { useEditor } from '../editor/use-editor';
import { FitBadge } from '../ui/FitBadge';
import { oversetStart, setOversetStart } from './overset-mark';

/** The story's fit on the page, both from the page's own layout: the header's badge and the body's 溢排 mark. */

/** The article's fit on the page as laid out (undefined when it is not placed or has no body text to fit). */
function fitIn(s: EditorState, articleId: string) {
  const article = s.doc.articles.find((a) => a.id === articleId);
  if (!s.layout || !article || !hasBodyText(article.body)) return undefined;
  return articleFits(s.doc, s.layout).get(articleId);
}

/** Where the layout's overset starts in this article's body, as a string (a selector's value is compared with Object.is). */
function oversetStartKey(s: EditorState, articleId: string): string {
  const article = s.doc.articles.find((a) => a.id === articleId);
  const from = s.layout?.overset.find((o) => o.articleId === articleId)?.from;
  // The proof view (校样) lays out pending insertions too (it alone carries proof anchors).
  return JSON.stringify(article ? oversetStart(from, article, !!s.layout?.proofAnchors) : null);
}

/** +N 行 / −N 行 / ±0 in the story editor's header, as on the block and in the 稿件 list. */
export function StoryFit({ articleId }: { articleId: string }) {
  // Primitives, so the header re-renders only when the fit changes.
  const over = useEditor((s) => fitIn(s, articleId)?.over ?? -1);
  const under = useEditor((s) => fitIn(s, articleId)?.under ?? 0);
  return over >= 0 ? <FitBadge fit={{ over, under }} testId="story-fit" /> : null;
}

/** Keeps the body's 溢排 mark where the latest layout says the overset starts. */
export function useOversetMark(tiptap: Tiptap | null, articleId: string): void {
  const startKey = useEditor((s) => oversetStartKey(s, articleId));
  useEffect(() => {
    if (tiptap && !tiptap.isDestroyed) setOversetStart(tiptap.view, JSON.parse(startKey));
  }, [tiptap, startKey]);
}
