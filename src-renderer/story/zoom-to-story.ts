import { useEffect, useRef } from 'react';
import type { Editor, ZoomFit } from '../editor/editor';
import { useEditor, useEditorInstance } from '../editor/use-editor';
import { articleBlockId } from './keep-in-view';

/**
 * A story opened while the page is fitted (适合页面/适合宽度) zooms the page to the article's block,
 * as 缩放到所选 does, so that its text reflowing is read beside the editor: fitted, a 对开 page in
 * the room the editor leaves shows its body at 2–3 px. The zoom follows the viewport while the split
 * is dragged or the window resized, and the fit mode comes back when the editor closes — unless the
 * user zoomed or chose a fit mode meanwhile, which is then left alone.
 */

/** At most this zoom: a short block is not blown up past reading size. */
export const STORY_ZOOM_MAX = 1.5;
/** Screen px kept round the block. */
const STORY_ZOOM_MARGIN = 16;

interface StoryZoom {
  /** The fit mode the page had when the story opened. */
  fit: Exclude<ZoomFit, null>;
  /** The zoom the page reached for the block; null while the request is under way. */
  zoom: number | null;
}

const stillOurs = (editor: Editor, own: StoryZoom): boolean => {
  const { fit, zoom, zoomTo } = editor.getState();
  return fit === null && (zoomTo !== null || zoom === own.zoom);
};

function zoomToArticle(editor: Editor, articleId: string): boolean {
  const blockId = articleBlockId(editor.getState().doc, articleId);
  return !!blockId && editor.zoomToBlocks([blockId], { maxZoom: STORY_ZOOM_MAX, margin: STORY_ZOOM_MARGIN });
}

/** `size`: the page viewport's (useViewportSize). */
export function useZoomToStory(articleId: string, size: string): void {
  const editor = useEditorInstance();
  const laidOut = useEditor((s) => !!s.layout);
  const zoomTo = useEditor((s) => s.zoomTo);
  const own = useRef<StoryZoom | null>(null);

  useEffect(() => {
    const { fit } = editor.getState();
    if (!laidOut || !fit || !zoomToArticle(editor, articleId)) return;
    const zoom: StoryZoom = { fit, zoom: null };
    own.current = zoom;
    return () => {
      own.current = null;
      if (stillOurs(editor, zoom)) editor.setFit(zoom.fit);
    };
  }, [editor, articleId, laidOut]);

  // The request done (the live state, not this render's: the request is made in this commit): the
  // zoom reached is ours, a later one the user's.
  useEffect(() => {
    const state = editor.getState();
    if (own.current && own.current.zoom === null && state.zoomTo === null) own.current.zoom = state.zoom;
  }, [editor, zoomTo]);

  // The viewport resized: fit the block again, as a fit mode would.
  useEffect(() => {
    const zoom = own.current;
    if (!zoom || zoom.zoom === null) return;
    if (!stillOurs(editor, zoom)) own.current = null;
    else if (zoomToArticle(editor, articleId)) zoom.zoom = null;
  }, [editor, articleId, size]);
}
