import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { cellAt, fitZoom, hitTest, movedRect, resizedRect, wheelZoom, type Handle } from '../editor/geometry';
import { useEditor, useEditorInstance } from '../editor/use-editor';
import { cssFamily, svgAdvance } from './fonts';
import { Overlay } from './Overlay';
import { Rulers } from './Rulers';
import { SvgPainter } from './svg-painter';

/** The drag type of an unplaced article taken from the article list. */
export const ARTICLE_DRAG_TYPE = 'application/x-banmian-article';

/** Pixels the pointer must travel before a press becomes a drag (so a click only selects). */
const DRAG_THRESHOLD = 3;

type Gesture =
  | { kind: 'press'; blockId: string; x: number; y: number; pointerId: number }
  | { kind: 'move' | 'resize'; blockId: string; handle?: Handle; x: number; y: number; pointerId: number }
  | { kind: 'pan'; x: number; y: number; left: number; top: number; pointerId: number };

/**
 * The page as Banmian typeset it (layout() positions every glyph, the browser only rasterises the
 * SVG), in a zoomable, pannable viewport, with the editing overlay above it.
 */
export function PageCanvas({ onFilesDropped }: { onFilesDropped?: (files: File[], at: { col: number; row: number } | null) => void }) {
  const editor = useEditorInstance();
  const layout = useEditor((s) => s.layout);
  const images = useEditor((s) => s.doc.images);
  const zoom = useEditor((s) => s.zoom);
  const fit = useEditor((s) => s.fit);
  const rulers = useEditor((s) => s.toggles.rulers);
  const viewport = useRef<HTMLDivElement>(null);
  const sheet = useRef<HTMLDivElement>(null);
  const paper = useRef<HTMLDivElement>(null);
  const gesture = useRef<Gesture | null>(null);
  const anchor = useRef<{ px: number; py: number; cx: number; cy: number } | null>(null);
  const [spaceHeld, setSpaceHeld] = useState(false);
  const [panning, setPanning] = useState(false);

  const imageHrefs = useMemo(() => new Map(images.filter((i) => i.data).map((i) => [i.id, `data:${i.mime};base64,${i.data}`])), [images]);
  const painter = useRef<SvgPainter | null>(null);

  const renderedZoom = useRef(zoom);
  renderedZoom.current = zoom;
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  const pageW = layout?.width ?? 0;
  const pageH = layout?.height ?? 0;

  // Fit modes follow the window size. This runs before the painter's effect: measuring the viewport
  // then costs nothing, whereas after the painter it would lay the whole page's text out once at the
  // old zoom (hundreds of ms when the page opens) only to lay it out again at the fitted one.
  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el || !fit || !pageW) return;
    const apply = () => editor.setZoom(fitZoom(fit, el.clientWidth, el.clientHeight, pageW, pageH), fit);
    apply();
    // When the workspace mounts, useEditor subscribes only after the first frame, so the new zoom
    // would be drawn a frame late: the whole page laid out at 100 % and then again. Re-rendering
    // now draws the first frame at the fitted zoom.
    if (editor.getState().zoom !== renderedZoom.current) rerender();
    const ro = new ResizeObserver(apply);
    ro.observe(el);
    return () => ro.disconnect();
  }, [editor, fit, pageW, pageH]);

  // The markup is ours (pageToSvg escapes all text); the painter replaces only the lines that changed.
  useLayoutEffect(() => {
    if (!paper.current || !layout) return;
    if (painter.current?.host !== paper.current) painter.current = new SvgPainter(paper.current);
    painter.current.paint(layout, { fontFamily: cssFamily, imageHref: (id) => imageHrefs.get(id), advance: svgAdvance(editor.fonts) });
  }, [layout, imageHrefs, editor]);

  // Keep the page point under the pointer where it was after a Ctrl+wheel zoom.
  useLayoutEffect(() => {
    const a = anchor.current;
    const el = viewport.current;
    const sh = sheet.current;
    if (!a || !el || !sh) return;
    anchor.current = null;
    const r = el.getBoundingClientRect();
    el.scrollLeft += sh.getBoundingClientRect().left + a.px * zoom - (r.left + a.cx);
    el.scrollTop += sh.getBoundingClientRect().top + a.py * zoom - (r.top + a.cy);
  }, [zoom]);

  useEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      const sh = sheet.current!.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      const z = editor.getState().zoom;
      anchor.current = { px: (e.clientX - sh.left) / z, py: (e.clientY - sh.top) / z, cx: e.clientX - r.left, cy: e.clientY - r.top };
      editor.setZoom(wheelZoom(z, e.deltaY));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [editor]);

  // Space held down turns the pointer into a hand (pan), as in every layout program.
  useEffect(() => {
    const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    const down = (e: KeyboardEvent) => {
      if (e.code === 'Space' && !typing(e.target)) {
        e.preventDefault();
        setSpaceHeld(true);
      }
    };
    const up = (e: KeyboardEvent) => {
      if (e.code === 'Space') setSpaceHeld(false);
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
    };
  }, []);

  /** A client point in page pt. */
  const toPage = useCallback((clientX: number, clientY: number) => {
    const r = sheet.current!.getBoundingClientRect();
    const z = editor.getState().zoom;
    return { x: (clientX - r.left) / z, y: (clientY - r.top) / z };
  }, [editor]);

  const onPointerDown = (e: React.PointerEvent) => {
    if (e.button === 1 || (e.button === 0 && spaceHeld)) {
      const el = viewport.current!;
      gesture.current = { kind: 'pan', x: e.clientX, y: e.clientY, left: el.scrollLeft, top: el.scrollTop, pointerId: e.pointerId };
      setPanning(true);
      (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
      e.preventDefault();
      return;
    }
    if (e.button !== 0 || !layout) return;
    const target = e.target as Element;
    const handle = target.getAttribute?.('data-handle') as Handle | null;
    const state = editor.getState();
    if (handle && state.selection) {
      if (editor.beginResize(state.selection, handle)) {
        gesture.current = { kind: 'resize', blockId: state.selection, handle, x: e.clientX, y: e.clientY, pointerId: e.pointerId };
        (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
      }
      e.preventDefault();
      return;
    }
    const p = toPage(e.clientX, e.clientY);
    const hit = hitTest(layout, p.x, p.y);
    if (!hit || hit.kind === 'rule') {
      editor.select(hit?.blockId ?? null);
      return;
    }
    editor.select(hit.blockId);
    gesture.current = { kind: 'press', blockId: hit.blockId, x: e.clientX, y: e.clientY, pointerId: e.pointerId };
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    e.preventDefault();
  };

  const onPointerMove = (e: React.PointerEvent) => {
    const g = gesture.current;
    if (!g || g.pointerId !== e.pointerId) return;
    if (g.kind === 'pan') {
      const el = viewport.current!;
      el.scrollLeft = g.left - (e.clientX - g.x);
      el.scrollTop = g.top - (e.clientY - g.y);
      return;
    }
    if (g.kind === 'press') {
      if (Math.hypot(e.clientX - g.x, e.clientY - g.y) < DRAG_THRESHOLD) return;
      if (!editor.beginMove(g.blockId)) {
        gesture.current = null;
        return;
      }
      gesture.current = { ...g, kind: 'move' };
    }
    const state = editor.getState();
    const i = state.interaction;
    if (!i || i.kind === 'place') return;
    const dx = (e.clientX - g.x) / state.zoom;
    const dy = (e.clientY - g.y) / state.zoom;
    if (i.kind === 'move') editor.updateInteraction(movedRect(state.geo, i.start, dx, dy), e.altKey ? { dx, dy } : undefined);
    else editor.updateInteraction(resizedRect(state.geo, i.start, i.handle, dx, dy));
  };

  const endGesture = (e: React.PointerEvent, commit: boolean) => {
    const g = gesture.current;
    if (!g || g.pointerId !== e.pointerId) return;
    gesture.current = null;
    if (g.kind === 'pan') setPanning(false);
    else if (g.kind === 'move' || g.kind === 'resize') {
      if (commit) editor.commitInteraction();
      else editor.cancelInteraction();
    }
  };

  const onDoubleClick = (e: React.MouseEvent) => {
    if (!layout) return;
    const p = toPage(e.clientX, e.clientY);
    const hit = hitTest(layout, p.x, p.y);
    const block = hit && editor.block(hit.blockId);
    if (block && block.kind !== 'rule' && block.articleId) editor.openStory(block.articleId);
  };

  const onDragOver = (e: React.DragEvent) => {
    const types = e.dataTransfer.types;
    if (types.includes(ARTICLE_DRAG_TYPE)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      const id = articleBeingDragged;
      if (!id) return;
      const p = toPage(e.clientX, e.clientY);
      const cell = cellAt(editor.getState().geo, p.x, p.y);
      editor.previewPlacement(id, cell.col, cell.row);
    } else if (types.includes('Files')) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  };

  const onDrop = (e: React.DragEvent) => {
    if (e.dataTransfer.types.includes(ARTICLE_DRAG_TYPE)) {
      e.preventDefault();
      const id = e.dataTransfer.getData(ARTICLE_DRAG_TYPE) || articleBeingDragged;
      const p = toPage(e.clientX, e.clientY);
      const cell = cellAt(editor.getState().geo, p.x, p.y);
      if (id) {
        editor.previewPlacement(id, cell.col, cell.row);
        editor.commitInteraction();
      }
      articleBeingDragged = null;
      return;
    }
    if (e.dataTransfer.files.length > 0) {
      e.preventDefault();
      // Pictures land where they are dropped (on the page); text files join the article list.
      let at: { col: number; row: number } | null = null;
      if (sheet.current) {
        const r = sheet.current.getBoundingClientRect();
        if (e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom) {
          const p = toPage(e.clientX, e.clientY);
          at = cellAt(editor.getState().geo, p.x, p.y);
        }
      }
      onFilesDropped?.([...e.dataTransfer.files], at);
    }
  };

  const onDragLeave = (e: React.DragEvent) => {
    if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
    if (editor.getState().interaction?.kind === 'place') editor.cancelInteraction();
  };

  const cursor = panning ? 'grabbing' : spaceHeld ? 'grab' : undefined;
  return (
    <div className={`page-frame${rulers ? ' with-rulers' : ''}`}>
      {rulers && layout && <Rulers viewport={viewport} sheet={sheet} zoom={zoom} />}
      <div
        className="page-area"
        data-testid="viewport"
        ref={viewport}
        style={{ cursor }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={(e) => endGesture(e, true)}
        onPointerCancel={(e) => endGesture(e, false)}
        onDoubleClick={onDoubleClick}
        onDragOver={onDragOver}
        onDrop={onDrop}
        onDragLeave={onDragLeave}
      >
        {layout && (
          <div className="page-sheet" data-testid="sheet" ref={sheet} style={{ width: pageW * zoom, height: pageH * zoom }}>
            <div className="page-paper" data-testid="page" ref={paper} />
            <Overlay zoom={zoom} />
          </div>
        )}
      </div>
    </div>
  );
}

/**
 * The article taken from the list. dataTransfer's data cannot be read during dragover (only its
 * types), so the list also leaves the id here.
 */
let articleBeingDragged: string | null = null;

export function setArticleBeingDragged(id: string | null): void {
  articleBeingDragged = id;
}
