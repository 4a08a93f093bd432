import { useMemo } from 'react';
import { ROLE_NAMES_EN } from '../../src-core/collab/roles';
import type { CollabStatus, Departure } from './session/session';
import { useEditor } from '../editor/use-editor';
import { peerFrames } from './peer-frames';
import { useCollab } from './use-collab';

const n = (v: number): number => Math.round(v * 100) / 100;

const GONE_SHORT: Record<Departure, string> = { offline: '离线', left: '已离开', stopped: '已停止共享' };
const GONE_TEXT: Record<Departure, string> = { offline: '离线 Offline', left: '已离开 Left', stopped: '已停止共享 Stopped sharing' };

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
          <span key={p.clientId} className={`person${p.self ? ' self' : ''}${p.gone ? ' gone' : ''}`} data-testid="person" data-role={p.role} data-gone={p.gone} style={{ borderColor: p.colour }} title={`${p.name}（${p.role} · ${ROLE_NAMES_EN[p.role]}）${where ? `\n正在编辑 Editing: ${where}` : ''}${p.self ? '\n本人 You' : ''}${p.gone ? `\n${GONE_TEXT[p.gone]}` : ''}`}>
            <span className="person-dot" style={{ background: p.colour }} />
            {p.name}
            <small>{p.gone ? GONE_SHORT[p.gone] : p.role}</small>
          </span>
        );
      })}
    </div>
  );
}

/** The status line's words for a connection state: Chinese, English. */
function connectionLabel(status: CollabStatus): [string, string] {
  const { connection, pendingEdits, reconnecting, endedBy } = status;
  if (endedBy !== undefined) return [`${endedBy} 已停止共享 · 版面留在本机`, `${endedBy} stopped sharing; the page stays here`];
  if (connection === 'connecting') return ['连接中…', 'connecting'];
  if (connection === 'offline') return [reconnecting ? '离线 · 重新连接中…' : '离线', reconnecting ? 'offline, reconnecting' : 'offline'];
  return pendingEdits > 0 ? [`同步中 ${pendingEdits} 处修改`, `syncing ${pendingEdits} edit(s)`] : ['在线 已同步', 'online, synced'];
}

/**
 * Connection state for the status line: 在线 已同步 / 同步中 / 连接中 / 离线 · 重新连接中… — N 处修改待同步
 * (edits, one undo step each), a stopped share, refusals, sign-off, and where the page lives.
 */
export function CollabStatusLine() {
  const status = useCollab((s) => s.status);
  const mode = useCollab((s) => s.mode);
  const where = useCollab((s) => s.serverAddress);
  if (!status || !mode || mode === 'local') return null;
  const { connection, pendingEdits, refused, signedOff, error, endedBy } = status;
  const [label, en] = connectionLabel(status);
  const state = endedBy !== undefined ? 'ended' : connection;
  return (
    <span className={`collab-status collab-${state}`} data-testid="collab-status" data-connection={connection} data-pending={pendingEdits} data-reconnecting={status.reconnecting} title={`${mode === 'sharing' ? '共享中 Sharing' : '已加入共享版面 Joined'} · ${en}`}>
      <span className="collab-light" />
      {label}
      {connection !== 'online' && pendingEdits > 0 && (
        <b data-testid="collab-pending">
          {' '}
          — {pendingEdits} 处修改待同步 <small>{pendingEdits} edit(s) waiting</small>
        </b>
      )}
      {where && endedBy === undefined && (
        <small className="collab-where" data-testid="collab-where" title="The page lives on this server: every change is stored there, there is nothing to save">
          {' '}
          · 在 {where} 上共享
        </small>
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
  const placed = useMemo(() => (peers && frames ? peerFrames(peers, frames, blocks) : []), [peers, frames, blocks]);
  if (!placed.length) return null;
  const s = 1 / zoom;
  return (
    <g className="peer-outlines" data-testid="peer-outlines" pointerEvents="none">
      {placed.map(({ peer, x, y, width, height, key, slot }) => {
        // Two people in one article: the second tag sits beside the first.
        const shift = slot * 90 * s;
        return (
          <g key={key} data-peer={peer.name} data-role={peer.role}>
            <rect x={n(x - 1.5 * s)} y={n(y - 1.5 * s)} width={n(width + 3 * s)} height={n(height + 3 * s)} fill="none" stroke={peer.colour} strokeWidth={n(2 * s)} />
            <rect x={n(x - 1.5 * s + shift)} y={n(y - 17 * s)} width={n((peer.name.length + peer.role.length) * 12 * s + 14 * s)} height={n(16 * s)} rx={n(2 * s)} fill={peer.colour} />
            <text x={n(x + 4 * s + shift)} y={n(y - 5 * s)} fontSize={n(11 * s)} fill="#fff">
              {peer.name} {peer.role}
            </text>
          </g>
        );
      })}
    </g>
  );
}
