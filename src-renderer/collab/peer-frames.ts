import type { Peer } from './session/session';
import type { BlockFrame } from '../../src-core/layout/page-layout';
import type { Block } from '../../src-core/model/document';

export interface PeerFrame {
  peer: Peer;
  x: number;
  y: number;
  width: number;
  height: number;
  /** How many tags of other people sit before this one on the same frame (they are set side by side). */
  slot: number;
  key: string;
}

/**
 * The frames to outline for the other people on the page: every block of the article each one is
 * in (an article may be continued in several blocks). This desk itself and people in no article get
 * none.
 */
export function peerFrames(peers: readonly Peer[], frames: readonly BlockFrame[], blocks: readonly Block[]): PeerFrame[] {
  const articleOf = new Map(blocks.flatMap((b) => (b.kind === 'article' ? [[b.id, b.articleId] as const] : [])));
  const taken = new Map<string, number>();
  const out: PeerFrame[] = [];
  for (const peer of peers) {
    if (peer.self || !peer.articleId) continue;
    for (const f of frames) {
      if (articleOf.get(f.blockId) !== peer.articleId) continue;
      const slot = taken.get(f.blockId) ?? 0;
      taken.set(f.blockId, slot + 1);
      out.push({ peer, x: f.x, y: f.y, width: f.width, height: f.height, slot, key: `${peer.clientId}-${f.blockId}` });
    }
  }
  return out;
}
