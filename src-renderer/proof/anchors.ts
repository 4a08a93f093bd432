import type { PageLayout, ProofAnchor } from '../../src-core/layout/page-layout';

/** Comment anchors in reading order down the page (top to bottom, then left to right), numbered from 1. */
export function commentAnchors(layout: PageLayout | undefined): (ProofAnchor & { n: number })[] {
  const list = (layout?.proofAnchors ?? []).filter((a) => a.kind === 'comment');
  return [...list].sort((a, b) => a.y - b.y || a.x - b.x).map((a, i) => ({ ...a, n: i + 1 }));
}

/** Circled numbers for the markers (① … ⑳), plain digits beyond. */
export function circled(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `(${n})`;
}

export interface PlacedMarker {
  n: number;
  id: string;
  kind: ProofAnchor['kind'];
  side: 'left' | 'right';
  /** Where the leader leaves the text (the start of the commented text, just under its baseline). */
  ax: number;
  ay: number;
  /** The marker's centre in the margin. */
  x: number;
  y: number;
}

/**
 * Places one marker per comment in the page margin nearer to its text, stacked so that markers on
 * one side keep `gap` apart (in page pt).
 */
export function placeMarkers(anchors: (ProofAnchor & { n: number })[], pageWidth: number, margins: { left: number; right: number }, gap: number): PlacedMarker[] {
  const out: PlacedMarker[] = [];
  const lastY = { left: -Infinity, right: -Infinity };
  for (const a of anchors) {
    const side = a.x < pageWidth / 2 ? 'left' : 'right';
    const x = side === 'left' ? margins.left / 2 : pageWidth - margins.right / 2;
    const y = Math.max(a.y, lastY[side] + gap);
    lastY[side] = y;
    out.push({ n: a.n, id: a.id, kind: a.kind, side, ax: a.x, ay: a.y + 2, x, y });
  }
  return out;
}
