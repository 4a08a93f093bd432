import { useRef } from 'react';
import type React from 'react';

/** How wide the pane on the splitter's right is now and may become, in CSS px. */
export interface PaneLimits {
  now: number;
  min: number;
  max: number;
}

/** Arrow keys move the bar by a step, Shift+arrow by a big step (as in a window splitter). */
const STEP = 16;
const BIG_STEP = 80;

const clamp = (w: number, l: PaneLimits): number => Math.round(Math.max(l.min, Math.min(l.max, w)));

/**
 * The bar between two side-by-side panes: dragged with the pointer, or focused and moved with the
 * arrow keys (Home/End: the narrowest/widest), it sets the width of the pane on its right (`width`,
 * its value for assistive technology). `limits`
 * is read at the start of each move, so it follows the window. `onResize` hears every width while
 * dragging (`done` false) and the last one (`done` true).
 */
export function Splitter({ width, limits, onResize, label, testId }: { width: number; limits: () => PaneLimits; onResize: (width: number, done: boolean) => void; label: string; testId?: string }) {
  const drag = useRef<{ x: number; limits: PaneLimits; width: number } | null>(null);

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    const l = limits();
    drag.current = { x: e.clientX, limits: l, width: l.now };
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    // The pane is on the right: moving the bar left widens it.
    d.width = clamp(d.limits.now - (e.clientX - d.x), d.limits);
    onResize(d.width, false);
  };
  const onPointerUp = () => {
    const d = drag.current;
    drag.current = null;
    if (d) onResize(d.width, true);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const l = limits();
    const step = e.shiftKey ? BIG_STEP : STEP;
    const to = { ArrowLeft: l.now + step, ArrowRight: l.now - step, Home: l.min, End: l.max }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    onResize(clamp(to, l), true);
  };

  const l = drag.current?.limits;
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={Math.round(width)}
      aria-valuemin={l?.min}
      aria-valuemax={l?.max}
      tabIndex={0}
      data-testid={testId}
      title={`${label} · ← → 调整宽度 Resize`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
