import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import type { BanmianDocument } from '../../src-core/model/document';
import type { Editor } from '../editor/editor';
import { useEditor, useEditorInstance } from '../editor/use-editor';

/**
 * The page keeps the article being edited in view beside the docked story editor: when the editor
 * opens on an article, and when the page's viewport changes size (the split dragged, the window
 * resized, a fit zoom following it). A zoom or scroll of the user's own is left alone.
 */

export interface Span {
  start: number;
  size: number;
}

/** Room kept between the article and the viewport's edge, in CSS px. */
const MARGIN = 16;

/**
 * The scroll offset along one axis that brings `target` into `port` (both in client px) moving as
 * little as possible; a target larger than the port shows its start (the article's head).
 */
export function revealOffset(port: Span, target: Span, scroll: number, margin = MARGIN): number {
  const room = port.size - 2 * margin;
  const startGap = target.start - (port.start + margin);
  if (target.size > room || startGap < 0) return scroll + startGap;
  const endGap = target.start + target.size - (port.start + port.size - margin);
  return endGap > 0 ? scroll + endGap : scroll;
}

/** The article's first block on the page: the one the page keeps in view while the article is edited. */
export function articleBlockId(doc: BanmianDocument, articleId: string): string | undefined {
  return doc.blocks.find((b) => b.kind === 'article' && b.articleId === articleId)?.id;
}

/** Scrolls the page viewport inside `area` so that the article's first block is in view. */
function reveal(editor: Editor, articleId: string, area: HTMLElement): void {
  const { layout, doc, zoom } = editor.getState();
  const viewport = area.querySelector<HTMLElement>('.page-area');
  const sheet = viewport?.querySelector<HTMLElement>('.page-sheet');
  const blockId = articleBlockId(doc, articleId);
  const frame = blockId && layout?.frames.find((f) => f.blockId === blockId);
  if (!viewport || !sheet || !frame) return;
  const port = viewport.getBoundingClientRect();
  const page = sheet.getBoundingClientRect();
  const left = revealOffset({ start: port.left, size: viewport.clientWidth }, { start: page.left + frame.x * zoom, size: frame.width * zoom }, viewport.scrollLeft);
  const top = revealOffset({ start: port.top, size: viewport.clientHeight }, { start: page.top + frame.y * zoom, size: frame.height * zoom }, viewport.scrollTop);
  viewport.scrollTo(left, top);
}

/** The page viewport's size inside `area` ('' before it is measured), changing as the split is dragged or the window resized. */
export function useViewportSize(area: RefObject<HTMLElement | null>): string {
  const [size, setSize] = useState('');
  useEffect(() => {
    const viewport = area.current?.querySelector('.page-area');
    if (!viewport) return;
    const ro = new ResizeObserver(() => setSize(`${viewport.clientWidth}×${viewport.clientHeight}`));
    ro.observe(viewport);
    return () => ro.disconnect();
  }, [area]);
  return size;
}

/** `size`: useViewportSize's. */
export function useKeepArticleInView(articleId: string, area: RefObject<HTMLElement | null>, size: string): void {
  const editor = useEditorInstance();
  const laidOut = useEditor((s) => !!s.layout);
  // A fit mode's zoom follows the viewport's size; a zoom the user chose (fit null) is not followed.
  const fittedZoom = useEditor((s) => (s.fit ? s.zoom : 0));

  useLayoutEffect(() => {
    if (area.current && laidOut) reveal(editor, articleId, area.current);
  }, [editor, articleId, area, laidOut, size, fittedZoom]);
}
