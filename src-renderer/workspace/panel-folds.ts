import { useEffect, useLayoutEffect, useState, useSyncExternalStore, type RefObject } from 'react';

/**
 * The side panels (稿件 on the left, 属性 on the right) fold to a strip when the page would be left
 * too narrow to read: at 1366×768 on the 校对 desk with the story editor docked, the page had 280 px
 * (its sheet 232 px at 16 %). They fold by themselves when the docks beside the page open or the
 * window is resized, 属性 first; a strip opens its panel again, and a panel folded or opened
 * by hand stays so until the docks or the window change.
 */

/** The open panels' widths in CSS px: the workspace's grid takes them from here. */
export const SIDE_WIDTH = { left: 230, right: 290 } as const;
/** A folded panel's strip. */
export const FOLDED_WIDTH = 28;
/**
 * Below this the page frame is too narrow to proofread in. 1366×768 with the story editor docked
 * (no 校对 panel) leaves 400 px and reads; with the 校对 panel too it left 280.
 */
export const PAGE_USABLE_WIDTH = 360;

export type Side = keyof typeof SIDE_WIDTH;
export type Folds = Readonly<Record<Side, boolean>>;

/**
 * 属性 folds first: on the 校对 desk the layout is read-only, and its tabs stay one click away on the
 * strip; the 稿件 list is where the next story is opened from.
 */
const FOLD_ORDER: readonly Side[] = ['right', 'left'];
const NONE: Folds = { left: false, right: false };

/** The next panel to fold while the page frame is `pageWidth` px wide, or none. */
export function nextFold(folds: Folds, pageWidth: number): Side | undefined {
  return pageWidth < PAGE_USABLE_WIDTH ? FOLD_ORDER.find((s) => !folds[s]) : undefined;
}

/** The grid's columns for these folds. */
export function workspaceColumns(folds: Folds): string {
  const width = (s: Side) => (folds[s] ? FOLDED_WIDTH : SIDE_WIDTH[s]);
  return `${width('left')}px 1fr ${width('right')}px`;
}

let state = { folds: NONE, byHand: false };
const listeners = new Set<() => void>();

function set(next: typeof state): void {
  state = next;
  for (const l of listeners) l();
}

/** Folds (or opens) a panel by hand. */
export function foldPanel(side: Side, folded: boolean): void {
  set({ folds: { ...state.folds, [side]: folded }, byHand: true });
}

/** The panels' folds; refolded by themselves whenever the docks beside the page or the window change. */
export function usePanelFolds(area: RefObject<HTMLElement | null>): Folds {
  const folds = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state.folds,
  );
  const [room, setRoom] = useState(0);
  useEffect(() => {
    const el = area.current;
    if (!el) return;
    // What sits beside the page: the docks' class names (a story opened in place of another is the same room).
    const docks = () => [...el.children].map((c) => c.classList[0]).join(' ');
    let seen = docks();
    const changed = (resized: boolean) => {
      if (!resized && docks() === seen) return;
      seen = docks();
      set({ folds: NONE, byHand: false });
      setRoom((n) => n + 1);
    };
    const mo = new MutationObserver(() => changed(false));
    mo.observe(el, { childList: true });
    const onResize = () => changed(true);
    window.addEventListener('resize', onResize);
    return () => {
      mo.disconnect();
      window.removeEventListener('resize', onResize);
    };
  }, [area]);
  // Measured before the paint, one panel at a time, until the page has its room or nothing is left to fold.
  useLayoutEffect(() => {
    const frame = area.current?.querySelector(':scope > .page-frame');
    const side = frame && !state.byHand ? nextFold(state.folds, frame.getBoundingClientRect().width) : undefined;
    if (side) set({ folds: { ...state.folds, [side]: true }, byHand: false });
  }, [area, room, folds]);
  return folds;
}
