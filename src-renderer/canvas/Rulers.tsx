import { memo, useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import { PT_PER_MM } from '../../src-core/model/units';
import { useEditor } from '../editor/use-editor';
import { rulerLabel, rulerTicks, type TickSize } from './ruler-ticks';

/**
 * The rulers along the top and the left of the canvas, in mm from the trim's top-left corner, as in
 * InDesign: they follow zoom and scrolling, and shade the extent of the selected block (or of the
 * block being dragged). They sit outside the scrolling viewport, in the grid of `.page-frame`.
 */

/** Thickness of a ruler in px (the grid track in styles.css is the same). */
export const RULER_PX = 20;

const TICK_LENGTH: Record<TickSize, number> = { major: RULER_PX, mid: 8, minor: 4 };

interface Placement {
  /** Where the trim's top-left corner is, in px from the viewport's top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A press on a ruler that drags a guide out of it: 'y' from the top ruler, 'x' from the left one. */
type StartGuide = (axis: 'x' | 'y', index: null) => (e: React.PointerEvent) => void;

export const Rulers = memo(function Rulers({ viewport, sheet, zoom, startGuide }: { viewport: RefObject<HTMLDivElement | null>; sheet: RefObject<HTMLDivElement | null>; zoom: number; startGuide: StartGuide }) {
  const [at, setAt] = useState<Placement | null>(null);
  const pageW = useEditor((s) => s.layout?.width ?? 0);
  // As a string, so a keystroke that leaves the selected frame where it was does not redraw the rulers.
  const selectedBox = useEditor((s) => {
    const f = s.selection ? s.layout?.frames.find((b) => b.blockId === s.selection) : undefined;
    return f ? `${f.x} ${f.y} ${f.width} ${f.height}` : '';
  });
  const selected = useMemo(() => {
    if (!selectedBox) return undefined;
    const [x, y, width, height] = selectedBox.split(' ').map(Number);
    return { x, y, width, height };
  }, [selectedBox]);

  useLayoutEffect(() => {
    const vp = viewport.current;
    if (!vp) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const sh = sheet.current;
      if (!sh) return setAt(null);
      const v = vp.getBoundingClientRect();
      const s = sh.getBoundingClientRect();
      const next = { x: s.left - v.left, y: s.top - v.top, width: vp.clientWidth, height: vp.clientHeight };
      setAt((prev) => (prev && prev.x === next.x && prev.y === next.y && prev.width === next.width && prev.height === next.height ? prev : next));
    };
    // Scrolling moves the zero point: once per frame is enough.
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    vp.addEventListener('scroll', onScroll, { passive: true });
    const ro = new ResizeObserver(measure);
    ro.observe(vp);
    return () => {
      vp.removeEventListener('scroll', onScroll);
      ro.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [viewport, sheet, zoom, pageW]);

  const pxPerMm = zoom * PT_PER_MM;
  const extent = (from: number, size: number) => (selected ? { from: from + selected[size === 0 ? 'x' : 'y'] * zoom, to: from + (selected[size === 0 ? 'x' : 'y'] + selected[size === 0 ? 'width' : 'height']) * zoom } : null);
  return (
    <>
      <div className="ruler-corner" title="毫米 mm" />
      {at && (
        <>
          <Ruler testId="ruler-top" horizontal origin={at.x} length={at.width} pxPerMm={pxPerMm} selection={extent(at.x, 0)} onPointerDown={startGuide('y', null)} />
          <Ruler testId="ruler-left" horizontal={false} origin={at.y} length={at.height} pxPerMm={pxPerMm} selection={extent(at.y, 1)} onPointerDown={startGuide('x', null)} />
        </>
      )}
    </>
  );
});

function Ruler({ testId, horizontal, origin, length, pxPerMm, selection, onPointerDown }: { testId: string; horizontal: boolean; origin: number; length: number; pxPerMm: number; selection: { from: number; to: number } | null; onPointerDown: (e: React.PointerEvent) => void }) {
  const { majorMm, ticks } = rulerTicks(origin, length, pxPerMm);
  // Ticks stand on the edge next to the page; the left ruler's labels read upwards, as in InDesign.
  const tick = (px: number, size: TickSize) => (horizontal ? `M${Math.round(px) + 0.5} ${RULER_PX}v${-TICK_LENGTH[size]}` : `M${RULER_PX} ${Math.round(px) + 0.5}h${-TICK_LENGTH[size]}`);
  return (
    <svg
      className={`ruler ${horizontal ? 'ruler-top' : 'ruler-left'}`}
      data-testid={testId}
      data-major-mm={majorMm}
      width={horizontal ? length : RULER_PX}
      height={horizontal ? RULER_PX : length}
      aria-label={horizontal ? '水平标尺（毫米）Horizontal ruler (mm)' : '垂直标尺（毫米）Vertical ruler (mm)'}
      onPointerDown={onPointerDown}
    >
      {selection &&
        (horizontal ? (
          <rect className="ruler-selection" data-testid={`${testId}-selection`} x={selection.from} y={0} width={Math.max(1, selection.to - selection.from)} height={RULER_PX} />
        ) : (
          <rect className="ruler-selection" data-testid={`${testId}-selection`} x={0} y={selection.from} width={RULER_PX} height={Math.max(1, selection.to - selection.from)} />
        ))}
      <path className="ruler-ticks" d={ticks.map((t) => tick(t.px, t.size)).join('')} />
      {ticks
        .filter((t) => t.size === 'major')
        .map((t) =>
          horizontal ? (
            <text key={t.mm} data-mm={t.mm} x={Math.round(t.px) + 3} y={9}>
              {rulerLabel(t.mm)}
            </text>
          ) : (
            <text key={t.mm} data-mm={t.mm} x={9} y={Math.round(t.px) + 3} textAnchor="end" transform={`rotate(-90 9 ${Math.round(t.px) + 3})`}>
              {rulerLabel(t.mm)}
            </text>
          ),
        )}
    </svg>
  );
}
