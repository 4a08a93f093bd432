import { lazy, Suspense, useCallback, useMemo, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { useEditor } from '../editor/use-editor';
import { rememberedWidth, rememberWidth } from '../ui/remembered-width';
import { Splitter, type PaneLimits } from '../ui/Splitter';
import { useKeepArticleInView, useViewportSize } from './keep-in-view';
import { useZoomToStory } from './zoom-to-story';

// A chunk of its own, loaded when a story is first opened (not before the first paint).
const StoryEditor = lazy(() => import('./StoryEditor').then((m) => ({ default: m.StoryEditor })));

/**
 * The story editor docked beside the page, never over it: the canvas area splits into the page
 * and the editor, with a bar between them that sets the editor's width (remembered). The page
 * keeps the article being edited in view (zoomed to it when the page was fitted) and reflows as the
 * text is typed.
 */

/** The narrowest the page and the editor may become, in CSS px (the CSS takes them from here). */
export const CANVAS_MIN_WIDTH = 300;
export const STORY_MIN_WIDTH = 300;
const STORY_DEFAULT_WIDTH = 440;
const WIDTH_KEY = 'banmian.storyDock.width';

/** The custom properties the canvas area's CSS reads its minimum widths from. */
export const dockWidthVars = { '--canvas-min-width': `${CANVAS_MIN_WIDTH}px`, '--story-min-width': `${STORY_MIN_WIDTH}px` } as CSSProperties;

export function StoryDock({ area }: { area: RefObject<HTMLElement | null> }) {
  const editing = useEditor((s) => s.editing);
  return editing ? <DockedStory key={editing} articleId={editing} area={area} /> : null;
}

function DockedStory({ articleId, area }: { articleId: string; area: RefObject<HTMLElement | null> }) {
  const [width, setWidth] = useState(() => rememberedWidth(WIDTH_KEY, STORY_DEFAULT_WIDTH));
  const pane = useRef<HTMLDivElement>(null);
  const size = useViewportSize(area);
  useKeepArticleInView(articleId, area, size);
  useZoomToStory(articleId, size);

  // The editor grows only into the page's room above its minimum; the CSS shares a narrow window out.
  const limits = useCallback((): PaneLimits => {
    const now = pane.current?.getBoundingClientRect().width ?? width;
    const page = area.current?.querySelector('.page-frame')?.getBoundingClientRect().width ?? CANVAS_MIN_WIDTH;
    return { now, min: STORY_MIN_WIDTH, max: Math.max(STORY_MIN_WIDTH, now + page - CANVAS_MIN_WIDTH) };
  }, [area, width]);
  const onResize = useCallback((w: number, done: boolean) => {
    setWidth(w);
    if (done) rememberWidth(WIDTH_KEY, w);
  }, []);

  // The editor itself does not re-render while the bar is dragged.
  const story = useMemo(() => <StoryEditor articleId={articleId} />, [articleId]);
  return (
    <>
      <Splitter width={width} limits={limits} onResize={onResize} label="稿件编辑宽度 Story editor width" testId="story-splitter" />
      <div className="story-dock" ref={pane} style={{ width }} data-testid="story-dock">
        <Suspense fallback={null}>{story}</Suspense>
      </div>
    </>
  );
}
