import { memo, useMemo } from 'react';
import type { BlockFrame, PageLayout } from '../../src-core/layout/page-layout';
import type { Article, Block } from '../../src-core/model/document';
import { rectOf, type GridGeometry } from '../../src-core/model/grid';
import { mmToPt } from '../../src-core/model/units';
import type { Interaction, ViewToggles } from '../editor/editor';
import { HANDLES, handlePoint } from '../editor/geometry';
import { hasBodyText } from '../../src-core/model/richtext';
import { useEditor } from '../editor/use-editor';
import { ProofMarkers } from '../proof/ProofMarkers';
import { BlockTools } from './BlockTools';
import { PeerOutlines } from '../collab/Presence';
import { articleFits, fitLabel, type ArticleFit } from '../../src-core/copyfit';
import { MARK_FONT } from './fonts';
import { GuideLines } from './guides';

/**
 * What the editor draws over the page and never prints: guides, block outlines, overset and
 * underset markers, the selection with its handles, and the drag preview. Same viewBox as the page
 * SVG, so everything is in pt.
 */

const n = (v: number): number => Math.round(v * 100) / 100;

function baselineOffset(layout: PageLayout): number {
  const g = layout.grid;
  for (const item of layout.items) {
    if (item.kind === 'glyphs' && item.source?.field === 'body') {
      const off = (((item.y - g.top) % g.pitch) + g.pitch) % g.pitch;
      return off;
    }
  }
  return g.bodySize * 0.88;
}

const Guides = memo(function Guides({ base, geo, toggles, mode }: { base: number; geo: GridGeometry; toggles: ViewToggles; mode: 'character' | 'free' }) {
  const height = geo.gridHeight;
  const cols = Array.from({ length: geo.columns }, (_, c) => geo.left + c * (geo.colWidth + geo.gutter));
  return (
    <g className="guides" pointerEvents="none">
      <defs>
        <pattern id="bm-char-grid" patternUnits="userSpaceOnUse" x={n(geo.left)} y={n(geo.top)} width={n(geo.bodySize)} height={n(geo.pitch)}>
          <rect x={0.15} y={0.15} width={n(geo.bodySize - 0.3)} height={n(geo.bodySize - 0.3)} fill="none" stroke="#7fb8e6" strokeWidth={0.3} />
        </pattern>
        <pattern id="bm-baselines" patternUnits="userSpaceOnUse" x={0} y={n(geo.top + base)} width={n(geo.gridWidth + 1)} height={n(geo.pitch)}>
          <line x1={0} y1={0} x2={n(geo.gridWidth + 1)} y2={0} stroke="#e07ab8" strokeWidth={0.35} />
        </pattern>
      </defs>
      {toggles.charGrid && (
        <g data-guide="char-grid">
          {cols.map((x, c) => (
            <rect key={c} x={n(x)} y={n(geo.top)} width={n(mode === 'character' ? geo.colWidth : geo.colWidth)} height={n(height)} fill="url(#bm-char-grid)" />
          ))}
        </g>
      )}
      {toggles.baselines && <rect data-guide="baselines" x={n(geo.left)} y={n(geo.top)} width={n(geo.gridWidth)} height={n(height)} fill="url(#bm-baselines)" />}
      {toggles.columns && (
        <g data-guide="columns">
          {cols.map((x, c) => (
            <rect key={c} x={n(x)} y={n(geo.top)} width={n(geo.colWidth)} height={n(height)} fill="rgba(102,204,255,0.06)" stroke="#39f" strokeWidth={0.5} />
          ))}
        </g>
      )}
    </g>
  );
});

function TrimMarks({ width, height, zoom }: { width: number; height: number; zoom: number }) {
  const bleed = mmToPt(3);
  const len = mmToPt(6);
  const w = 0.75 / zoom;
  const lines: [number, number, number, number][] = [];
  for (const [x, y, sx, sy] of [
    [0, 0, -1, -1],
    [width, 0, 1, -1],
    [0, height, -1, 1],
    [width, height, 1, 1],
  ] as const) {
    lines.push([x + sx * bleed, y, x + sx * (bleed + len), y]);
    lines.push([x, y + sy * bleed, x, y + sy * (bleed + len)]);
  }
  return (
    <g data-guide="trim" pointerEvents="none">
      {lines.map(([x1, y1, x2, y2], i) => (
        <line key={i} x1={n(x1)} y1={n(y1)} x2={n(x2)} y2={n(y2)} stroke="#111" strokeWidth={w} />
      ))}
    </g>
  );
}

function Marker({ x, y, text, kind, zoom }: { x: number; y: number; text: string; kind: 'overset' | 'underset'; zoom: number }) {
  // Markers keep a constant size on screen, whatever the zoom.
  const s = 1 / zoom;
  const w = (text.length * 7 + 10) * s;
  const h = 16 * s;
  return (
    <g className={`marker marker-${kind}`} data-marker={kind} pointerEvents="none">
      <rect x={n(x - w)} y={n(y - h)} width={n(w)} height={n(h)} rx={2 * s} fill={kind === 'overset' ? '#d0021b' : '#2f6fdb'} />
      <text x={n(x - w / 2)} y={n(y - 4.5 * s)} fontSize={n(11 * s)} textAnchor="middle" fill="#fff">
        {text}
      </text>
    </g>
  );
}

/** An overset article's fit on its last block, at its foot on the left: +N lines over. */
function FitBadge({ x, y, fit, zoom }: { x: number; y: number; fit: ArticleFit; zoom: number }) {
  const s = 1 / zoom;
  const text = fitLabel(fit);
  const w = (text.length * 7 + 8) * s;
  const h = 14 * s;
  const fill = fit.over ? '#d0021b' : fit.under ? '#2f6fdb' : '#2a9d5c';
  return (
    <g className="marker marker-fit" data-marker="fit" data-fit={text} pointerEvents="none">
      <rect x={n(x)} y={n(y - h)} width={n(w)} height={n(h)} rx={2 * s} fill={fill} opacity={0.9} />
      <text x={n(x + w / 2)} y={n(y - 3.5 * s)} fontSize={n(10 * s)} textAnchor="middle" fill="#fff">
        {text}
      </text>
    </g>
  );
}

function LockBadge({ x, y, zoom }: { x: number; y: number; zoom: number }) {
  const s = 1 / zoom;
  return (
    <g data-marker="locked" transform={`translate(${n(x - 16 * s)} ${n(y + 3 * s)}) scale(${n(s)})`} pointerEvents="none">
      <rect x={0} y={0} width={13} height={14} rx={2} fill="#444" opacity={0.85} />
      <path d="M3.5 6.5V4.5a3 3 0 0 1 6 0v2" fill="none" stroke="#fff" strokeWidth={1.4} />
      <rect x={3} y={6.5} width={7} height={5.5} fill="#fff" />
    </g>
  );
}

interface OverlayProps {
  zoom: number;
  startGuide: (axis: 'x' | 'y', index: number | null) => (e: React.PointerEvent) => void;
}

export function Overlay({ zoom, startGuide }: OverlayProps) {
  const layout = useEditor((s) => s.layout);
  const geo = useEditor((s) => s.geo);
  const toggles = useEditor((s) => s.toggles);
  const selection = useEditor((s) => s.selection);
  const selected = useEditor((s) => s.selected);
  const marquee = useEditor((s) => s.marquee);
  const interaction = useEditor((s) => s.interaction);
  // Narrow reads: a keystroke makes a new document (its article changed) but rarely changes these.
  const mode = useEditor((s) => s.doc.page.grid.mode);
  const blocks = useEditor((s) => s.doc.blocks);
  const bodiless = useEditor((s) => bodilessArticles(s.doc.articles));
  const readOnly = useEditor((s) => !!s.readOnly);
  const base = useMemo(() => (layout ? baselineOffset(layout) : 0), [layout]);
  if (!layout) return null;
  return (
    <svg className="overlay" data-testid="overlay" viewBox={`0 0 ${n(layout.width)} ${n(layout.height)}`} preserveAspectRatio="none" fontFamily={MARK_FONT}>
      <Guides base={base} geo={geo} toggles={toggles} mode={mode} />
      {toggles.trim && <TrimMarks width={layout.width} height={layout.height} zoom={zoom} />}
      <Frames layout={layout} blocks={blocks} bodiless={bodiless} outlines={toggles.outlines} selection={selection} interaction={interaction} zoom={zoom} readOnly={readOnly} />
      {selected.length > 1 && !interaction && <MultiSelection frames={layout.frames} selected={selected} zoom={zoom} />}
      {marquee && <rect data-testid="marquee" x={n(marquee.x)} y={n(marquee.y)} width={n(marquee.width)} height={n(marquee.height)} fill="rgba(57,153,255,0.08)" stroke="#39f" strokeWidth={n(1 / zoom)} strokeDasharray={`${n(3 / zoom)} ${n(2 / zoom)}`} pointerEvents="none" />}
      <GuideLines width={layout.width} height={layout.height} zoom={zoom} startDrag={startGuide} />
      <BlockTools zoom={zoom} />
      {interaction && <Preview interaction={interaction} geo={geo} layout={layout} zoom={zoom} />}
      <ProofMarkers zoom={zoom} />
      <PeerOutlines zoom={zoom} />
    </svg>
  );
}

/** The ids of headline-only banners (no body to fill their lines), one per line: a string, so it compares by value. */
function bodilessArticles(articles: readonly Article[]): string {
  let out = '';
  for (const a of articles) if (!hasBodyText(a.body)) out += `${a.id}\n`;
  return out;
}

function Frames({ layout, blocks: blockList, bodiless, outlines, selection, interaction, zoom, readOnly }: { layout: PageLayout; blocks: readonly Block[]; bodiless: string; outlines: boolean; selection: string | null; interaction: Interaction | null; zoom: number; readOnly: boolean }) {
  const blocks = useMemo(() => new Map(blockList.map((b) => [b.id, b])), [blockList]);
  const oversetByArticle = useMemo(() => new Map(layout.overset.map((o) => [o.articleId, o])), [layout.overset]);
  // The overset marker goes on the last block of the article.
  const lastFrameOf = useMemo(() => {
    const m = new Map<string, BlockFrame>();
    for (const f of layout.frames) {
      const b = blocks.get(f.blockId);
      if (b?.kind === 'article') m.set(b.articleId, f);
    }
    return m;
  }, [layout.frames, blocks]);
  // A headline-only banner has no body to fill its lines: no underset marker on it.
  const noBody = useMemo(() => new Set(bodiless.split('\n')), [bodiless]);
  const fits = useMemo(() => articleFits({ blocks: blockList }, layout), [blockList, layout]);
  return (
    <g className="frames">
      {layout.frames.map((f) => {
        const b = blocks.get(f.blockId);
        const isPreview = interaction?.kind === 'place' && interaction.blockId === f.blockId;
        const over = b?.kind === 'article' && lastFrameOf.get(b.articleId) === f ? oversetByArticle.get(b.articleId)?.characters ?? 0 : 0;
        const emptyLines = f.kind === 'article' && !(b?.kind === 'article' && noBody.has(b.articleId)) ? f.emptyLines : 0;
        const fit = b?.kind === 'article' && lastFrameOf.get(b.articleId) === f && !noBody.has(b.articleId) ? fits.get(b.articleId) : undefined;
        return <FrameOutline key={f.blockId} blockId={f.blockId} kind={f.kind} x={f.x} y={f.y} width={f.width} height={f.height} outlined={outlines || isPreview} over={over} emptyLines={emptyLines} fitOver={fit?.over} fitUnder={fit?.under} locked={!!b?.locked} zoom={zoom} />;
      })}
      {selection && !interaction && <Selection frame={layout.frames.find((f) => f.blockId === selection)} locked={readOnly || !!blocks.get(selection)?.locked} zoom={zoom} />}
    </g>
  );
}

/**
 * One block's outline with its markers. Memoised on plain values: a keystroke lays the page out anew,
 * but most frames stay where they were and need no redrawing.
 */
const FrameOutline = memo(function FrameOutline({ blockId, kind, x, y, width, height, outlined, over, emptyLines, fitOver, fitUnder, locked, zoom }: { blockId: string; kind: BlockFrame['kind']; x: number; y: number; width: number; height: number; outlined: boolean; over: number; emptyLines: number; fitOver?: number; fitUnder?: number; locked: boolean; zoom: number }) {
  const stroke = 1 / zoom;
  return (
    <g data-block={blockId} data-kind={kind} className="frame">
      <rect
        className="frame-hit"
        x={n(x)}
        y={n(y)}
        width={n(Math.max(width, 2))}
        height={n(Math.max(height, 2))}
        fill="transparent"
        stroke={outlined ? (kind === 'image' ? '#2a9d5c' : '#4a7fd6') : 'none'}
        strokeWidth={stroke}
        strokeDasharray={`${n(4 * stroke)} ${n(3 * stroke)}`}
      />
      {over > 0 && <Marker x={x + width} y={y + height} text={`溢 ${over} 字`} kind="overset" zoom={zoom} />}
      {over === 0 && emptyLines > 0 && <Marker x={x + width} y={y + height} text={`空 ${emptyLines} 行`} kind="underset" zoom={zoom} />}
      {/* lines under are the 空 N 行 marker's to show; the fit badge adds lines over */}
      {fitOver !== undefined && fitOver > 0 && <FitBadge x={x} y={y + height} fit={{ over: fitOver, under: fitUnder ?? 0 }} zoom={zoom} />}
      {locked && <LockBadge x={x + width} y={y} zoom={zoom} />}
    </g>
  );
});

function Selection({ frame, locked, zoom }: { frame?: BlockFrame; locked: boolean; zoom: number }) {
  if (!frame) return null;
  const s = 1 / zoom;
  const size = 8 * s;
  return (
    <g className="selection" data-testid="selection" data-block={frame.blockId}>
      <rect x={n(frame.x)} y={n(frame.y)} width={n(frame.width)} height={n(frame.height)} fill="rgba(200,16,46,0.04)" stroke="#c8102e" strokeWidth={n(1.5 * s)} pointerEvents="none" />
      {!locked &&
        frame.kind !== 'rule' &&
        HANDLES.map((h) => {
          const p = handlePoint(frame, h);
          return <rect key={h} className={`handle handle-${h}`} data-handle={h} x={n(p.x - size / 2)} y={n(p.y - size / 2)} width={n(size)} height={n(size)} fill="#fff" stroke="#c8102e" strokeWidth={n(1.2 * s)} />;
        })}
    </g>
  );
}

/**
 * Every block of a multi-selection outlined, and the box around them all (what align and distribute
 * work within). Only the key block has handles (it is drawn by Selection).
 */
function MultiSelection({ frames, selected, zoom }: { frames: readonly BlockFrame[]; selected: readonly string[]; zoom: number }) {
  const picked = frames.filter((f) => selected.includes(f.blockId));
  if (!picked.length) return null;
  const s = 1 / zoom;
  const x = Math.min(...picked.map((f) => f.x));
  const y = Math.min(...picked.map((f) => f.y));
  const right = Math.max(...picked.map((f) => f.x + f.width));
  const bottom = Math.max(...picked.map((f) => f.y + f.height));
  return (
    <g className="multi-selection" data-testid="multi-selection" data-count={picked.length} pointerEvents="none">
      {picked.map((f) => (
        <rect key={f.blockId} data-selected={f.blockId} x={n(f.x)} y={n(f.y)} width={n(Math.max(f.width, 1))} height={n(Math.max(f.height, 1))} fill="rgba(200,16,46,0.05)" stroke="#c8102e" strokeWidth={n(1.2 * s)} />
      ))}
      <rect x={n(x - 3 * s)} y={n(y - 3 * s)} width={n(right - x + 6 * s)} height={n(bottom - y + 6 * s)} fill="none" stroke="#c8102e" strokeWidth={n(s)} strokeDasharray={`${n(5 * s)} ${n(3 * s)}`} />
    </g>
  );
}

function Preview({ interaction, geo, layout, zoom }: { interaction: Interaction; geo: GridGeometry; layout: PageLayout; zoom: number }) {
  const r = rectOf(geo, interaction.rect);
  const s = 1 / zoom;
  const free = interaction.kind === 'move' && interaction.free ? rectOf(geo, interaction.start) : undefined;
  const over = interaction.kind === 'place' ? layout.overset.find((o) => o.articleId === interaction.articleId) : undefined;
  return (
    <g className="preview" data-testid="drag-preview" pointerEvents="none">
      <rect x={n(r.x)} y={n(r.y)} width={n(r.width)} height={n(r.height)} fill="rgba(200,16,46,0.06)" stroke="#c8102e" strokeWidth={n(1.5 * s)} strokeDasharray={`${n(6 * s)} ${n(3 * s)}`} />
      {free && interaction.kind === 'move' && interaction.free && (
        <rect x={n(free.x + interaction.free.dx)} y={n(free.y + interaction.free.dy)} width={n(free.width)} height={n(free.height)} fill="none" stroke="#555" strokeWidth={n(s)} />
      )}
      <text x={n(r.x + 4 * s)} y={n(r.y + 14 * s)} fontSize={n(11 * s)} fill="#c8102e">
        {`${interaction.rect.span} 栏 × ${interaction.rect.rows} 行`}
        {over ? ` 溢 ${over.characters} 字` : ''}
      </text>
    </g>
  );
}
