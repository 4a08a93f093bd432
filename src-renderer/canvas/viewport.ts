import { useEffect, useLayoutEffect, useReducer, useRef, useState, type RefObject } from 'react';
import { fitZoom, wheelZoom, ZOOM_MAX, ZOOM_MIN } from '../editor/geometry';
import type { Box } from '../editor/arrange';
import type { Editor, ZoomFit, ZoomRequest } from '../editor/editor';

/**
 * The page viewport's zoom and hand: fit modes that follow the window, Ctrl+wheel zoom about the
 * pointer, and Space held down for panning.
 */

export function useFitZoom(editor: Editor, viewport: RefObject<HTMLDivElement | null>, zoom: number, fit: ZoomFit, pageW: number, pageH: number): void {
  const renderedZoom = useRef(zoom);
  renderedZoom.current = zoom;
  const [, rerender] = useReducer((n: number) => n + 1, 0);

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
}

export function useWheelZoom(editor: Editor, viewport: RefObject<HTMLDivElement | null>, sheet: RefObject<HTMLDivElement | null>, zoom: number): void {
  const anchor = useRef<{ px: number; py: number; cx: number; cy: number } | null>(null);

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
}

export function useSpaceHeld(): boolean {
  const [spaceHeld, setSpaceHeld] = useState(false);
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
  return spaceHeld;
}

/** Screen px left round the selection when the viewport zooms to it. */
const ZOOM_MARGIN = 40;

/** The zoom that fits a box of pt into a viewport of px with a margin, within the zoom limits (and `max`). */
export function zoomFitting(box: Box, viewW: number, viewH: number, margin = ZOOM_MARGIN, max = ZOOM_MAX): number {
  const z = Math.min((viewW - 2 * margin) / box.width, (viewH - 2 * margin) / box.height);
  return Math.min(max, ZOOM_MAX, Math.max(ZOOM_MIN, z));
}

/**
 * 缩放到所选: zooms so that the box asked for fits the viewport, then (drawn at that zoom) scrolls
 * its centre to the viewport's centre.
 */
export function useZoomToBox(editor: Editor, viewport: RefObject<HTMLDivElement | null>, sheet: RefObject<HTMLDivElement | null>, box: ZoomRequest | null, zoom: number): void {
  useLayoutEffect(() => {
    const vp = viewport.current;
    const sh = sheet.current;
    if (!box || !vp || !sh) return;
    const z = zoomFitting(box, vp.clientWidth, vp.clientHeight, box.margin, box.maxZoom);
    // the effect runs again once the page is drawn at the new zoom
    if (Math.abs(z - zoom) > 1e-9) return editor.setZoom(z);
    const v = vp.getBoundingClientRect();
    const s = sh.getBoundingClientRect();
    vp.scrollLeft += s.left - v.left + (box.x + box.width / 2) * z - vp.clientWidth / 2;
    vp.scrollTop += s.top - v.top + (box.y + box.height / 2) * z - vp.clientHeight / 2;
    editor.zoomedTo();
  }, [editor, viewport, sheet, box, zoom]);
}
