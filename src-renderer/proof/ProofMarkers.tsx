import { useMemo } from 'react';
import type { PageLayout, ProofAnchor } from '../../src-core/layout/page-layout';
import { pendingAnchors, type PendingSpan } from '../../src-core/proof/margin-marks';
import { markedSpans, threadOf } from '../../src-core/store/readers';
import { useEditor } from '../editor/use-editor';
import { circled, commentAnchors, placeMarkers, type PlacedMarker } from './anchors';
import { docMemo } from './doc-memo';
import type { ProofSession } from './session';
import { useProof, useProofSession } from './use-proof';

const n = (v: number): number => Math.round(v * 100) / 100;

const COLOURS: Record<ProofAnchor['kind'], string> = { comment: '#e8a100', deletion: '#d9534f', insertion: '#2a7de1' };
const LABEL: Record<ProofAnchor['kind'], string> = { comment: '批注', deletion: '删', insertion: '增' };

/** A story's pending marks: open suggestions and unresolved comments, read again only after a change to that story. */
const pendingOf = docMemo((doc) => markedSpans(doc).filter((s) => s.kind !== 'comment' || !threadOf(doc, s.id)?.resolved));

/** The page's pending marks as spans with their article. */
function pendingSpans(session: ProofSession): PendingSpan[] {
  const out: PendingSpan[] = [];
  for (const owner of session.store.articleIds()) {
    const doc = session.store.articleDoc(owner);
    if (doc) for (const s of pendingOf(doc)) out.push({ ...s, owner });
  }
  return out;
}

/**
 * Numbered markers in the page margin, in the editing overlay (screen only; neither PDF draws
 * them). In the proof view, one per comment with a leader line from the commented text (the proof
 * PDF draws its own notes; the numbers match the 校对 panel's). In the print view, where pending
 * marks do not show in the text, one per pending mark beside its line, coloured by kind, so the
 * 组版 sees that marks are there. Markers keep their size on screen whatever the zoom.
 */
export function ProofMarkers({ zoom }: { zoom: number }) {
  const layout = useEditor((s) => s.layout);
  const page = useEditor((s) => s.doc.page);
  const session = useProofSession();
  const version = useProof((s) => s.version);
  const s = 1 / zoom;
  const { markers, kind } = useMemo(() => {
    void version;
    if (!layout) return { markers: [], kind: 'comments' as const };
    const proofView = layout.proofAnchors !== undefined;
    const anchors = proofView ? commentAnchors(layout) : numbered(pendingAnchors(layout, pendingSpans(session)));
    return { markers: placeMarkers(anchors, layout.width, page.margins, 16 * s), kind: proofView ? ('comments' as const) : ('pending' as const) };
  }, [layout, page.margins, s, session, version]);
  if (!markers.length) return null;
  return (
    <g className="proof-markers" data-testid={kind === 'comments' ? 'proof-markers' : 'pending-markers'} pointerEvents="none">
      {markers.map((m) => (kind === 'comments' ? <CommentMarker key={m.id} m={m} s={s} /> : <PendingMarker key={`${m.kind}-${m.id}`} m={m} s={s} />))}
    </g>
  );
}

function numbered(anchors: ProofAnchor[]): (ProofAnchor & { n: number })[] {
  return [...anchors].sort((a, b) => a.y - b.y || a.x - b.x).map((a, i) => ({ ...a, n: i + 1 }));
}

function Dot({ m, s, colour }: { m: PlacedMarker; s: number; colour: string }) {
  const r = 7 * s;
  return (
    <>
      <circle cx={n(m.x)} cy={n(m.y)} r={n(r)} fill={colour} stroke="#fff" strokeWidth={n(1 * s)} />
      <text x={n(m.x)} y={n(m.y + 4 * s)} fontSize={n(11 * s)} textAnchor="middle" fill="#fff" fontWeight={700}>
        {m.n}
      </text>
    </>
  );
}

function CommentMarker({ m, s }: { m: PlacedMarker; s: number }) {
  const r = 7 * s;
  const edge = m.side === 'left' ? m.x + r : m.x - r;
  return (
    <g data-thread={m.id} data-marker="comment">
      <polyline points={`${n(m.ax)},${n(m.ay)} ${n(m.side === 'left' ? Math.min(m.ax, edge + 6 * s) : Math.max(m.ax, edge - 6 * s))},${n(m.ay)} ${n(edge)},${n(m.y)}`} fill="none" stroke={COLOURS.comment} strokeWidth={n(1.2 * s)} />
      <Dot m={m} s={s} colour={COLOURS.comment} />
      <title>{`批注 ${circled(m.n)}`}</title>
    </g>
  );
}

/** A pending mark beside its line: a numbered dot in the margin, coloured by kind. */
function PendingMarker({ m, s }: { m: PlacedMarker; s: number }) {
  const kind = m.kind;
  return (
    <g data-mark={m.id} data-marker={kind}>
      <Dot m={m} s={s} colour={COLOURS[kind]} />
      <title>{`${LABEL[kind]} ${circled(m.n)}`}</title>
    </g>
  );
}
