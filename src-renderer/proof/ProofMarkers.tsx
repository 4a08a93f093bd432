import { useMemo } from 'react';
import { useEditor } from '../editor/use-editor';
import { circled, commentAnchors, placeMarkers } from './anchors';

const n = (v: number): number => Math.round(v * 100) / 100;

/**
 * Proof view: a numbered marker in the page margin for every comment, with a leader line from the
 * commented text, drawn in the editing overlay (screen only; the proof PDF draws its own notes).
 * Markers keep their size on screen whatever the zoom. The numbers match the 校对 panel's.
 */
export function ProofMarkers({ zoom }: { zoom: number }) {
  const layout = useEditor((s) => s.layout);
  const page = useEditor((s) => s.doc.page);
  const s = 1 / zoom;
  const markers = useMemo(() => (layout ? placeMarkers(commentAnchors(layout), layout.width, page.margins, 16 * s) : []), [layout, page.margins, s]);
  if (!markers.length) return null;
  const r = 7 * s;
  return (
    <g className="proof-markers" data-testid="proof-markers" pointerEvents="none">
      {markers.map((m) => {
        const edge = m.side === 'left' ? m.x + r : m.x - r;
        return (
          <g key={m.id} data-thread={m.id} data-marker="comment">
            <polyline points={`${n(m.ax)},${n(m.ay)} ${n(m.side === 'left' ? Math.min(m.ax, edge + 6 * s) : Math.max(m.ax, edge - 6 * s))},${n(m.ay)} ${n(edge)},${n(m.y)}`} fill="none" stroke="#e8a100" strokeWidth={n(1.2 * s)} />
            <circle cx={n(m.x)} cy={n(m.y)} r={n(r)} fill="#e8a100" stroke="#fff" strokeWidth={n(1 * s)} />
            <text x={n(m.x)} y={n(m.y + 4 * s)} fontSize={n(11 * s)} textAnchor="middle" fill="#fff" fontFamily="system-ui, sans-serif" fontWeight={700}>
              {m.n}
            </text>
            <title>{`批注 ${circled(m.n)}`}</title>
          </g>
        );
      })}
    </g>
  );
}
