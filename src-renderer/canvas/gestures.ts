import { useRef, useState, type RefObject } from 'react';
import type { PageLayout } from '../../src-core/layout/page-layout';
import { hitTest, movedRect, resizedRect, snapOffset, SNAP_PX, type Handle } from '../editor/geometry';
import { rectOf } from '../../src-core/model/grid';
import type { Editor } from '../editor/editor';
import type { GridRect } from '../../src-core/model/document';
import { moveFrameDraw, startFrameDraw, type FrameDraw } from './text-frame-tool';
import { boxBetween, framesTouching } from '../editor/arrange';

/** Pixels the pointer must travel before a press becomes a drag (so a click only selects). */
const DRAG_THRESHOLD = 3;

type Gesture =
  /** `alone`: a click without a drag then selects only this block (it was pressed inside a multi-selection). */
  | { kind: 'press'; blockId: string; x: number; y: number; pointerId: number; alone?: boolean }
  /** A drag on empty page: the blocks the marquee touches are selected (added to the selection with Shift). */
  | { kind: 'marquee'; from: { x: number; y: number }; add: boolean; pointerId: number }
  | { kind: 'move' | 'resize'; blockId: string; handle?: Handle; x: number; y: number; pointerId: number }
  | { kind: 'pan'; x: number; y: number; left: number; top: number; pointerId: number }
  | { kind: 'draw'; draw: FrameDraw; pointerId: number };

export type ToPage = (clientX: number, clientY: number) => { x: number; y: number };

/** The gesture now follows this pointer, wherever it goes. */
function hold(gesture: { current: Gesture | null }, e: React.PointerEvent, g: Gesture): void {
  gesture.current = g;
  (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
}

/** Pointer gestures on the page: press to select, drag to move, handles to resize, middle button or Space to pan. */
export function usePointerGestures(editor: Editor, layout: PageLayout | null | undefined, viewport: RefObject<HTMLDivElement | null>, toPage: ToPage, spaceHeld: boolean) {
  const gesture = useRef<Gesture | null>(null);
  const [panning, setPanning] = useState(false);

  const onPointerDown = (e: React.PointerEvent) => {
    if (e.button === 1 || (e.button === 0 && spaceHeld)) {
      const el = viewport.current!;
      hold(gesture, e, { kind: 'pan', x: e.clientX, y: e.clientY, left: el.scrollLeft, top: el.scrollTop, pointerId: e.pointerId });
      setPanning(true);
      e.preventDefault();
      return;
    }
    if (e.button !== 0 || !layout) return;
    const target = e.target as Element;
    const handle = target.getAttribute?.('data-handle') as Handle | null;
    const state = editor.getState();
    if (state.tool === 'textFrame') {
      const draw = startFrameDraw(editor, toPage(e.clientX, e.clientY));
      if (draw) hold(gesture, e, { kind: 'draw', draw, pointerId: e.pointerId });
      return e.preventDefault();
    }
    if (handle && state.selection) {
      if (editor.beginResize(state.selection, handle)) hold(gesture, e, { kind: 'resize', blockId: state.selection, handle, x: e.clientX, y: e.clientY, pointerId: e.pointerId });
      e.preventDefault();
      return;
    }
    const g = pressOnPage(editor, layout, e, toPage(e.clientX, e.clientY));
    if (g) {
      hold(gesture, e, g);
      e.preventDefault();
    }
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
    if (g.kind === 'draw') return moveFrameDraw(editor, g.draw, toPage(e.clientX, e.clientY));
    if (g.kind === 'marquee') return void editor.setMarquee(boxBetween(g.from, toPage(e.clientX, e.clientY)));
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
    if (!i || i.kind === 'place' || i.kind === 'draw') return;
    const raw = { dx: (e.clientX - g.x) / state.zoom, dy: (e.clientY - g.y) / state.zoom };
    // Alt moves freely: no grid, no snapping
    const { dx, dy } = e.altKey ? raw : snapped(editor, i, raw.dx, raw.dy);
    if (i.kind === 'move') editor.updateInteraction(movedRect(state.geo, i.start, dx, dy), e.altKey ? raw : undefined);
    else editor.updateInteraction(resizedRect(state.geo, i.start, i.handle, dx, dy));
  };

  const endGesture = (e: React.PointerEvent, commit: boolean) => {
    const g = gesture.current;
    if (!g || g.pointerId !== e.pointerId) return;
    gesture.current = null;
    if (g.kind === 'pan') setPanning(false);
    else if (g.kind === 'marquee') endMarquee(editor, g.add, commit);
    else if (g.kind === 'press' && g.alone) editor.select(g.blockId);
    else if (g.kind === 'move' || g.kind === 'resize' || g.kind === 'draw') {
      if (commit) editor.commitInteraction();
      else editor.cancelInteraction();
    }
  };

  return { panning, onPointerDown, onPointerMove, onPointerUp: (e: React.PointerEvent) => endGesture(e, true), onPointerCancel: (e: React.PointerEvent) => endGesture(e, false) };
}

/** The marquee let go: the frames it touched are selected (joining the selection with Shift). */
function endMarquee(editor: Editor, add: boolean, commit: boolean): void {
  const { marquee, layout } = editor.getState();
  editor.setMarquee(null);
  if (commit && marquee && layout) editor.selectMany(framesTouching(layout.frames, marquee), add);
}

/**
 * A move or resize drawn to guides and other blocks' edges: the edges that move (all four for a move,
 * the handle's for a resize) come to a target within SNAP_PX on screen.
 */
function snapped(editor: Editor, i: { kind: 'move' | 'resize'; blockId: string; start: GridRect; handle?: Handle; group?: readonly string[] }, dx: number, dy: number): { dx: number; dy: number } {
  const { geo, zoom } = editor.getState();
  const f = rectOf(geo, i.start);
  const targets = editor.snapTargets([i.blockId, ...(i.group ?? [])]);
  const h = i.kind === 'resize' ? i.handle ?? '' : 'nsew';
  const xs = [...(h.includes('w') ? [f.x] : []), ...(h.includes('e') ? [f.x + f.width] : [])];
  const ys = [...(h.includes('n') ? [f.y] : []), ...(h.includes('s') ? [f.y + f.height] : [])];
  const reach = SNAP_PX / zoom;
  return { dx: snapOffset(xs, targets.x, dx, reach), dy: snapOffset(ys, targets.y, dy, reach) };
}

/**
 * A press on the page with the select tool: on a block it selects it (Shift: adds or removes it) and
 * may become a move; on empty page it starts a marquee. The gesture to follow, if any.
 */
function pressOnPage(editor: Editor, layout: PageLayout, e: React.PointerEvent, p: { x: number; y: number }): Gesture | undefined {
  const hit = hitTest(layout, p.x, p.y, 0, editor.blockShapes());
  if (!hit) {
    if (!e.shiftKey) editor.select(null);
    return { kind: 'marquee', from: p, add: e.shiftKey, pointerId: e.pointerId };
  }
  if (e.shiftKey) return void editor.toggleSelected(hit.blockId);
  const { selected } = editor.getState();
  const inGroup = selected.length > 1 && selected.includes(hit.blockId);
  if (hit.kind === 'rule' && !inGroup) return void editor.select(hit.blockId);
  if (!inGroup) editor.select(hit.blockId);
  return { kind: 'press', blockId: hit.blockId, x: e.clientX, y: e.clientY, pointerId: e.pointerId, alone: inGroup };
}
