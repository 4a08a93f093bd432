import { useCallback, useEffect, useRef } from 'react';
import type { Editor, GuideDrag } from '../editor/editor';
import { useEditor } from '../editor/use-editor';
import type { ToPage } from './gestures';

/**
 * 参考线: guides dragged out of a ruler (the top one gives a horizontal guide, the left one a vertical
 * guide, as in InDesign), moved by dragging them, removed by dragging them off the page (back onto a
 * ruler). Saved with the page, drawn only here, never printed.
 */

const n = (v: number): number => Math.round(v * 100) / 100;

/** Where a guide lands for a pointer at page point `p`: null when let go off the page (none, or removed). */
function guideAt(axis: 'x' | 'y', p: { x: number; y: number }, size: { width: number; height: number }): number | null {
  const pos = axis === 'x' ? p.x : p.y;
  return pos >= 0 && pos <= (axis === 'x' ? size.width : size.height) ? pos : null;
}

/** A pointer press that starts dragging a guide: a new one (`index` null) or the one at `index`. */
export function useGuideDrag(editor: Editor, toPage: ToPage): (axis: 'x' | 'y', index: number | null) => (e: React.PointerEvent) => void {
  const stop = useRef<(() => void) | null>(null);
  useEffect(() => () => stop.current?.(), []);
  // One function while the editor and the page's coordinates stay: a new one at each render redrew
  // the rulers and the overlay with every keystroke (their props changed).
  return useCallback((axis: 'x' | 'y', index: number | null) => (e: React.PointerEvent) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    const layout = editor.getState().layout;
    if (!layout) return;
    const place = (ev: PointerEvent | React.PointerEvent): GuideDrag & { on: boolean } => {
      const p = toPage(ev.clientX, ev.clientY);
      const at = guideAt(axis, p, layout);
      return { axis, index, pos: axis === 'x' ? p.x : p.y, on: at !== null };
    };
    const move = (ev: PointerEvent) => {
      const { on, ...drag } = place(ev);
      editor.previewGuide(on ? drag : { ...drag, pos: Number.NaN });
    };
    const up = (ev: PointerEvent) => {
      done();
      const { on, pos } = place(ev);
      if (on) editor.setGuide(axis, index, pos);
      else if (index !== null) editor.setGuide(axis, index, null);
    };
    const cancel = () => done();
    const done = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
      editor.previewGuide(null);
      stop.current = null;
    };
    stop.current?.();
    stop.current = done;
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', cancel);
  }, [editor, toPage]);
}

/** The page's guides over the page, each draggable; the one being dragged shown where it would land. */
export function GuideLines({ width, height, zoom, startDrag }: { width: number; height: number; zoom: number; startDrag: (axis: 'x' | 'y', index: number | null) => (e: React.PointerEvent) => void }) {
  const guides = useEditor((s) => s.doc.page.guides);
  const drag = useEditor((s) => s.guideDrag);
  const shown = useEditor((s) => s.toggles.guides);
  if (!shown && !drag) return null;
  const s = 1 / zoom;
  const line = (axis: 'x' | 'y', pos: number, key: string, index: number | null) => {
    const [x1, y1, x2, y2] = axis === 'x' ? [pos, 0, pos, height] : [0, pos, width, pos];
    return (
      <g key={key} data-guide-line={axis} data-index={index ?? undefined} data-pos={n(pos)}>
        <line x1={n(x1)} y1={n(y1)} x2={n(x2)} y2={n(y2)} stroke="#00a8e8" strokeWidth={n(s)} pointerEvents="none" />
        {index !== null && <line className={`guide-hit guide-hit-${axis}`} x1={n(x1)} y1={n(y1)} x2={n(x2)} y2={n(y2)} stroke="transparent" strokeWidth={n(7 * s)} onPointerDown={startDrag(axis, index)} />}
      </g>
    );
  };
  const moving = drag && drag.index !== null ? drag : null;
  return (
    <g className="page-guides" data-testid="page-guides">
      {shown &&
        (['x', 'y'] as const).flatMap((axis) => (guides?.[axis] ?? []).map((pos, i) => (moving?.axis === axis && moving.index === i ? null : line(axis, pos, `${axis}${i}`, i))))}
      {drag && Number.isFinite(drag.pos) && <g data-testid="guide-drag">{line(drag.axis, drag.pos, 'drag', null)}</g>}
    </g>
  );
}
