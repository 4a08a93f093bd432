import { useMemo } from 'react';
import { ROLE_NAMES_EN } from '../../src-core/collab/roles';
import type { Peer } from '../../src-core/collab/session';
import { useEditor } from '../editor/use-editor';
import { useCollab } from './use-collab';

const n = (v: number): number => Math.round(v * 100) / 100;

/** The people on the shared page, in the title bar: a chip per person in their role's colour. */
export function PeopleBar() {
  const peers = useCollab((s) => s.peers);
  const mode = useCollab((s) => s.mode);
  const articles = useEditor((s) => s.doc.articles);
  if (!peers || !mode || mode === 'local') return null;
  const headline = (id?: string) => (id ? articles.find((a) => a.id === id)?.headline || id : undefined);
  return (
    <div className="people" data-testid="people" aria-label="在此版面的人 People on this page">
      {peers.map((p) => {
        const where = headline(p.articleId);
        return (
          <span key={p.clientId} className={`person${p.self ? ' self' : ''}`} data-testid="person" data-role={p.role} style={{ borderColor: p.colour }} title={`${p.name}（${p.role} · ${ROLE_NAMES_EN[p.role]}）${where ? `\n正在编辑 Editing: ${where}` : ''}${p.self ? '\n本人 You' : ''}`}>
            <span className="person-dot" style={{ background: p.colour }} />
            {p.name}
            <small>{p.role}</small>
          </span>
        );
      })}
    </div>
  );
}

/** Connection state for the status line: 在线 / 连接中 / 离线 — N 处修改待同步, refusals, sign-off. */
export function CollabStatusLine() {
  const status = useCollab((s) => s.status);
  const mode = useCollab((s) => s.mode);
  if (!status || !mode || mode === 'local') return null;
  const { connection, pending, refused, signedOff, error } = status;
  const label = connection === 'online' ? (pending > 0 ? `同步中 ${pending} 处` : '在线 已同步') : connection === 'connecting' ? '连接中…' : '离线';
  const en = connection === 'online' ? (pending > 0 ? `syncing ${pending}` : 'online, synced') : connection === 'connecting' ? 'connecting' : 'offline';
  return (
    <span className={`collab-status collab-${connection}`} data-testid="collab-status" data-connection={connection} data-pending={pending} title={`${mode === 'sharing' ? '共享中 Sharing' : '已加入共享版面 Joined'} · ${en}`}>
      <span className="collab-light" />
      {label}
      {connection !== 'online' && pending > 0 && (
        <b data-testid="collab-pending">
          {' '}
          — {pending} 处修改待同步 <small>{pending} change(s) waiting</small>
        </b>
      )}
      {refused > 0 && (
        <b className="collab-refused" data-testid="collab-refused" title="The server refused these changes (read-only layout for 校对, or the page is signed); they stay on this desk only">
          {' '}
          · 服务器拒绝了 {refused} 处修改（只读或已签字），仅留在本机
        </b>
      )}
      {signedOff && <b data-testid="collab-signed"> · 🔒 已签字付印</b>}
      {error && (
        <b className="collab-refused" data-testid="collab-denied">
          {' '}
          · {error.zh}
        </b>
      )}
    </span>
  );
}

/**
 * On the canvas: the blocks of the article each other person is in, outlined in their role's colour
 * with a name tag (screen only, in the overlay's page coordinates; constant size on screen).
 */
export function PeerOutlines({ zoom }: { zoom: number }) {
  const peers = useCollab((s) => s.peers);
  const frames = useEditor((s) => s.layout?.frames);
  const blocks = useEditor((s) => s.doc.blocks);
  const placed = useMemo(() => {
    const out: { peer: Peer; x: number; y: number; width: number; height: number; key: string }[] = [];
    if (!peers || !frames) return out;
    const articleOf = new Map(blocks.flatMap((b) => (b.kind === 'article' ? [[b.id, b.articleId] as const] : [])));
    for (const peer of peers) {
      if (peer.self || !peer.articleId) continue;
      for (const f of frames) if (articleOf.get(f.blockId) === peer.articleId) out.push({ peer, x: f.x, y: f.y, width: f.width, height: f.height, key: `${peer.clientId}-${f.blockId}` });
    }
    return out;
  }, [peers, frames, blocks]);
  if (!placed.length) return null;
  const s = 1 / zoom;
  return (
    <g className="peer-outlines" data-testid="peer-outlines" pointerEvents="none">
      {placed.map(({ peer, x, y, width, height, key }, i) => {
        // Two people in one article: the second tag sits beside the first.
        const shift = placed.slice(0, i).filter((p) => p.x === x && p.y === y).length * 90 * s;
        return (
          <g key={key} data-peer={peer.name} data-role={peer.role}>
            <rect x={n(x - 1.5 * s)} y={n(y - 1.5 * s)} width={n(width + 3 * s)} height={n(height + 3 * s)} fill="none" stroke={peer.colour} strokeWidth={n(2 * s)} />
            <rect x={n(x - 1.5 * s + shift)} y={n(y - 17 * s)} width={n((peer.name.length + peer.role.length) * 12 * s + 14 * s)} height={n(16 * s)} rx={n(2 * s)} fill={peer.colour} />
            <text x={n(x + 4 * s + shift)} y={n(y - 5 * s)} fontSize={n(11 * s)} fill="#fff" fontFamily="system-ui, sans-serif">
              {peer.name} {peer.role}
            </text>
          </g>
        );
      })}
    </g>
  );
}
