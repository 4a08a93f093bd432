import type React from 'react';
import { columnDepths } from '../../src-core/model/grid';
import type { ImageItem, PageLayout } from '../../src-core/layout/page-layout';
import type { ArticleBlock, Block, ImageBlock, RuleBlock } from '../../src-core/model/document';
import { columnX, rowY, type GridGeometry } from '../../src-core/model/grid';
import { columnDepthAt, draggedCrop, draggedScale, movedRule, stretchedRule, withColumnDepth } from '../editor/block-geometry';
import type { Editor } from '../editor/editor';
import { useEditor, useEditorInstance } from '../editor/use-editor';

/**
 * The handles of the block tools on the selected block, drawn in the overlay (page pt): a rule's
 * body and ends (drag to move or stretch it, snapped to the grid), the grip that moves a picture
 * inside its frame (crop), and a handle on the foot of each column of an article (stepped and
 * L-shaped articles). Each drag previews live and ends as one undo step.
 */

const n = (v: number): number => Math.round(v * 100) / 100;

/** Pointer-down handler of a tool: the drag follows on the window, so re-rendered handles cannot lose it. */
function startDrag(editor: Editor, blockId: string, fieldsAt: (dx: number, dy: number) => Record<string, unknown>) {
  return (e: React.PointerEvent) => {
    if (e.button !== 0) return;
    // The canvas would otherwise start a move of the block under the pointer.
    e.stopPropagation();
    e.preventDefault();
    if (!editor.beginBlockDrag(blockId)) return;
    const x0 = e.clientX;
    const y0 = e.clientY;
    const move = (ev: PointerEvent) => {
      const z = editor.getState().zoom;
      editor.previewBlock(fieldsAt((ev.clientX - x0) / z, (ev.clientY - y0) / z));
    };
    const end = (commit: boolean) => () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
      if (commit) editor.commitBlockDrag();
      else editor.cancelBlockDrag();
    };
    const up = end(true);
    const cancel = end(false);
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', cancel);
  };
}

export function BlockTools({ zoom }: { zoom: number }) {
  const editor = useEditorInstance();
  const selection = useEditor((s) => s.selection);
  const blocks = useEditor((s) => s.doc.blocks);
  const layout = useEditor((s) => s.layout);
  const geo = useEditor((s) => s.geo);
  const preview = useEditor((s) => s.blockPreview);
  const busy = useEditor((s) => !!s.interaction || !!s.readOnly);
  const stored = selection ? blocks.find((b) => b.id === selection) : undefined;
  if (!stored || !layout || busy || stored.locked) return null;
  // While dragging, the handles follow the previewed fields.
  const block = (preview?.blockId === stored.id ? { ...stored, ...preview.fields } : stored) as Block;
  const s = 1 / zoom;
  return (
    <g className="block-tools" data-testid="block-tools">
      {block.kind === 'rule' && <RuleTools editor={editor} rule={block} start={stored as RuleBlock} geo={geo} s={s} />}
      {block.kind === 'image' && <CropGrip editor={editor} block={block} start={stored as ImageBlock} layout={layout} s={s} />}
      {block.kind === 'article' && <ArticleTools editor={editor} block={block} start={stored as ArticleBlock} layout={layout} geo={geo} s={s} />}
    </g>
  );
}

function RuleTools({ editor, rule, start, geo, s }: { editor: Editor; rule: RuleBlock; start: RuleBlock; geo: GridGeometry; s: number }) {
  const size = 7 * s;
  const ends: [1 | 2, number, number][] = [
    [1, rule.x1, rule.y1],
    [2, rule.x2, rule.y2],
  ];
  return (
    <g data-testid="rule-tools">
      <line
        data-testid="rule-drag"
        x1={n(rule.x1)}
        y1={n(rule.y1)}
        x2={n(rule.x2)}
        y2={n(rule.y2)}
        stroke="rgba(200,16,46,0.35)"
        strokeWidth={n(Math.max(6 * s, rule.width))}
        style={{ cursor: 'move' }}
        onPointerDown={startDrag(editor, start.id, (dx, dy) => ({ ...movedRule(geo, start, dx, dy) }))}
      />
      {ends.map(([end, x, y]) => (
        <rect
          key={end}
          data-testid={`rule-end-${end}`}
          x={n(x - size / 2)}
          y={n(y - size / 2)}
          width={n(size)}
          height={n(size)}
          fill="#fff"
          stroke="#c8102e"
          strokeWidth={n(1.2 * s)}
          style={{ cursor: start.y1 === start.y2 ? 'ew-resize' : start.x1 === start.x2 ? 'ns-resize' : 'crosshair' }}
          onPointerDown={startDrag(editor, start.id, (dx, dy) => ({ ...stretchedRule(geo, start, end, (end === 1 ? start.x1 : start.x2) + dx, (end === 1 ? start.y1 : start.y2) + dy) }))}
        />
      ))}
    </g>
  );
}

/** The grip in the middle of a picture: drag it to move the picture inside its frame; the whole picture shows as an outline meanwhile. */
function Grip({ item, s, testId, onPointerDown }: { item: ImageItem; s: number; testId: string; onPointerDown: (e: React.PointerEvent) => void }) {
  const cx = item.x + item.width / 2;
  const cy = item.y + item.height / 2;
  const r = 9 * s;
  const p = item.picture;
  return (
    <g data-testid={testId}>
      {p && <rect x={n(p.x)} y={n(p.y)} width={n(p.width)} height={n(p.height)} fill="none" stroke="#c8102e" strokeWidth={n(s)} strokeDasharray={`${n(4 * s)} ${n(3 * s)}`} pointerEvents="none" />}
      <circle data-testid={`${testId}-handle`} cx={n(cx)} cy={n(cy)} r={n(r)} fill="rgba(255,255,255,0.85)" stroke="#c8102e" strokeWidth={n(1.2 * s)} style={{ cursor: 'grab' }} onPointerDown={onPointerDown} />
      <path d={`M${n(cx - r * 0.6)} ${n(cy)}H${n(cx + r * 0.6)}M${n(cx)} ${n(cy - r * 0.6)}V${n(cy + r * 0.6)}`} stroke="#c8102e" strokeWidth={n(1.2 * s)} pointerEvents="none" />
    </g>
  );
}

/** The layout's picture item of a frame starting at (x, y). */
function pictureAt(layout: PageLayout, imageId: string, x: number, y: number): ImageItem | undefined {
  return layout.items.find((i): i is ImageItem => i.kind === 'image' && i.imageId === imageId && Math.abs(i.x - x) < 0.01 && Math.abs(i.y - y) < 0.01);
}

function CropGrip({ editor, block, start, layout, s }: { editor: Editor; block: ImageBlock; start: ImageBlock; layout: PageLayout; s: number }) {
  const frame = layout.frames.find((f) => f.blockId === block.id);
  const item = frame && pictureAt(layout, block.imageId, frame.x, frame.y);
  if (!item) return null;
  const p = item.picture;
  const size = 8 * s;
  return (
    <>
      <Grip item={item} s={s} testId="crop-grip" onPointerDown={startDrag(editor, start.id, (dx, dy) => draggedCrop(start, item, dx, dy))} />
      {p && (
        <rect
          data-testid="scale-grip"
          x={n(p.x + p.width - size / 2)}
          y={n(p.y + p.height - size / 2)}
          width={n(size)}
          height={n(size)}
          fill="#c8102e"
          stroke="#fff"
          strokeWidth={n(s)}
          style={{ cursor: 'nwse-resize' }}
          onPointerDown={startDrag(editor, start.id, (dx, dy) => draggedScale(start, p, dx, dy))}
        >
          <title>拖动缩放图片 · Drag to scale the picture</title>
        </rect>
      )}
    </>
  );
}

function ArticleTools({ editor, block, start, layout, geo, s }: { editor: Editor; block: ArticleBlock; start: ArticleBlock; layout: PageLayout; geo: GridGeometry; s: number }) {
  const title = block.titleImage;
  const startTitle = start.titleImage;
  const frame = layout.frames.find((f) => f.blockId === block.id);
  // The 压题图's picture is the first image item at the top of the block's text area.
  const picture = title && frame ? layout.items.find((i): i is ImageItem => i.kind === 'image' && i.imageId === title.imageId && i.y >= frame.y - 0.01 && i.y < frame.y + geo.pitch && i.x >= frame.x - 0.01 && i.x < frame.x + geo.pitch) : undefined;
  const w = 18 * s;
  const h = 6 * s;
  const startDepths = columnDepths(start);
  return (
    <g data-testid="depth-tools">
      {columnDepths(block).map((depth, c) => {
        const x = columnX(geo, block.col + c);
        const y = rowY(geo, block.row + depth - 1) + geo.bodySize;
        const startY = rowY(geo, start.row + startDepths[c] - 1) + geo.bodySize;
        const stepped = depth < block.rows;
        return (
          <g key={c}>
            {stepped && <line x1={n(x)} y1={n(y)} x2={n(x + geo.colWidth)} y2={n(y)} stroke="#c8102e" strokeWidth={n(1.5 * s)} strokeDasharray={`${n(5 * s)} ${n(2 * s)}`} pointerEvents="none" />}
            <rect
              data-testid={`depth-handle-${c}`}
              x={n(x + geo.colWidth * 0.3 - w / 2)}
              y={n(y - h / 2)}
              width={n(w)}
              height={n(h)}
              rx={n(2 * s)}
              fill={stepped ? '#c8102e' : '#fff'}
              stroke="#c8102e"
              strokeWidth={n(1.2 * s)}
              style={{ cursor: 'ns-resize' }}
              onPointerDown={startDrag(editor, start.id, (_dx, dy) => ({ columnRows: withColumnDepth(start, c, columnDepthAt(geo, start, startY + dy)) }))}
            >
              <title>{`第 ${c + 1} 栏深度：拖动改变（阶梯/L 形稿） · Column ${c + 1} depth: drag to step the article`}</title>
            </rect>
          </g>
        );
      })}
      {picture && startTitle && <Grip item={picture} s={s} testId="title-crop-grip" onPointerDown={startDrag(editor, start.id, (dx, dy) => ({ titleImage: { ...startTitle, ...draggedCrop(startTitle, picture, dx, dy) } }))} />}
    </g>
  );
}
