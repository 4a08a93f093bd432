import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useEditor, useEditorInstance } from '../editor/use-editor';
import { hitTest } from '../editor/geometry';
import { useDropTarget, type FilesDropped } from './drop-target';
import { usePastedPictures } from '../pictures/paste';
import { usePictureHrefs } from '../pictures/previews';
import { cssFamily, svgAdvance } from './fonts';
import { usePointerGestures } from './gestures';
import { useTextFrameEscape } from './text-frame-tool';
import { Overlay } from './Overlay';
import { useGuideDrag } from './guides';
import { Rulers } from './Rulers';
import { SvgPainter } from './svg-painter';
import { useFitZoom, useSpaceHeld, useWheelZoom, useZoomToBox } from './viewport';

export { ARTICLE_DRAG_TYPE, setArticleBeingDragged } from './drop-target';

/**
 * The page as Banmian typeset it (layout() positions every glyph, the browser only rasterises the
 * SVG), in a zoomable, pannable viewport, with the editing overlay above it.
 */
export function PageCanvas({ onFilesDropped }: { onFilesDropped?: FilesDropped }) {
  const editor = useEditorInstance();
  const layout = useEditor((s) => s.layout);
  const images = useEditor((s) => s.doc.images);
  const zoom = useEditor((s) => s.zoom);
  const fit = useEditor((s) => s.fit);
  const rulers = useEditor((s) => s.toggles.rulers);
  const viewport = useRef<HTMLDivElement>(null);
  const sheet = useRef<HTMLDivElement>(null);
  const paper = useRef<HTMLDivElement>(null);
  const imageHrefs = usePictureHrefs(images);
  const painter = useRef<SvgPainter | null>(null);
  const pageW = layout?.width ?? 0;
  const pageH = layout?.height ?? 0;

  // Before the painter's effect: measuring the viewport then costs nothing, whereas after the
  // painter it would lay the whole page's text out once at the old zoom only to lay it out again.
  useFitZoom(editor, viewport, zoom, fit, pageW, pageH);

  // The markup is ours (pageToSvg escapes all text); the painter replaces only the lines that changed.
  useLayoutEffect(() => {
    if (!paper.current || !layout) return;
    if (painter.current?.host !== paper.current) painter.current = new SvgPainter(paper.current);
    painter.current.paint(layout, { fontFamily: cssFamily, imageHref: (id) => imageHrefs.get(id), advance: svgAdvance(editor.fonts) });
  }, [layout, imageHrefs, editor]);

  useWheelZoom(editor, viewport, sheet, zoom);
  useZoomToBox(editor, viewport, sheet, useEditor((s) => s.zoomTo), zoom);
  // A page put in the window starts at its top-left corner, not where the last one was scrolled to.
  const opened = useEditor((s) => s.opened);
  useLayoutEffect(() => {
    viewport.current?.scrollTo(0, 0);
  }, [opened]);
  const spaceHeld = useSpaceHeld();

  /** A client point in page pt. */
  const toPage = useCallback((clientX: number, clientY: number) => {
    const r = sheet.current!.getBoundingClientRect();
    const z = editor.getState().zoom;
    return { x: (clientX - r.left) / z, y: (clientY - r.top) / z };
  }, [editor]);

  const { panning, ...pointer } = usePointerGestures(editor, layout, viewport, toPage, spaceHeld);
  const startGuide = useGuideDrag(editor, toPage);
  const drop = useDropTarget(editor, sheet, toPage, onFilesDropped);
  usePastedPictures(onFilesDropped);
  useTextFrameEscape(editor);

  const onDoubleClick = (e: React.MouseEvent) => {
    if (!layout) return;
    const p = toPage(e.clientX, e.clientY);
    const hit = hitTest(layout, p.x, p.y, 0, editor.blockShapes());
    const block = hit && editor.block(hit.blockId);
    if (block && block.kind !== 'rule' && block.articleId) editor.openStory(block.articleId);
  };

  const drawing = useEditor((s) => s.tool === 'textFrame');
  const cursor = panning ? 'grabbing' : spaceHeld ? 'grab' : drawing ? 'crosshair' : undefined;
  return (
    <div className={`page-frame${rulers ? ' with-rulers' : ''}`}>
      {rulers && layout && <Rulers viewport={viewport} sheet={sheet} zoom={zoom} startGuide={startGuide} />}
      <div className="page-area" data-testid="viewport" data-tool={drawing ? 'textFrame' : undefined} ref={viewport} style={{ cursor }} {...pointer} onDoubleClick={onDoubleClick} {...drop}>
        {layout && (
          <div className="page-sheet" data-testid="sheet" ref={sheet} style={{ width: pageW * zoom, height: pageH * zoom }}>
            <div className="page-paper" data-testid="page" ref={paper} />
            <Overlay zoom={zoom} startGuide={startGuide} />
          </div>
        )}
      </div>
    </div>
  );
}
