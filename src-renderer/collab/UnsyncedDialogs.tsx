import { useState } from 'react';
import type { DeskBackupSummary } from '../../src-core/collab/desk-backup';
import { Backdrop } from '../ui/dialog';
import { localTime } from './desk';
import { useCollab, useCollabDesk } from './use-collab';

/**
 * A page that came back under another id while this desk still holds edits made on it (合并 / 另开),
 * and 文件 → 恢复未同步的修改: every backup kept, to open or, asked first, to discard.
 */
export function MergeOfferDialog() {
  const desk = useCollabDesk()!;
  const offer = useCollab((s) => s.mergeOffers[0]);
  if (!offer) return null;
  return (
    <Backdrop testId="dialog-merge-offer" onCancel={() => desk.keepOffered(offer.pageId)}>
      <h2>
        合并未同步的修改 <small>Merge unsynced edits</small>
      </h2>
      <p data-testid="merge-offer-text">
        你在此版面上还有 <strong>{offer.edits}</strong> 处未同步的修改（原共享 {offer.pageId}，时间 {localTime(offer.savedAt)}）。
        <br />
        <small>
          You still have {offer.edits} unsynced edits on this page (from the earlier share {offer.pageId}, {localTime(offer.savedAt)}).
        </small>
      </p>
      <p className="hint">
        合并：把它们并入此版面并同步给其他人，已有的内容不会重复。另开：保留备份，离开共享后可在 文件 → 恢复未同步的修改 中单独打开。
        <br />
        <small>Merge adds them to this page and syncs them; nothing already there is doubled. Keep apart keeps the backup: after leaving the share, File → Recover unsynced edits opens it.</small>
      </p>
      <div className="buttons">
        <button data-testid="merge-offer-keep" onClick={() => desk.keepOffered(offer.pageId)}>
          另开 Keep apart
        </button>
        <button className="primary" data-testid="merge-offer-merge" onClick={() => void desk.mergeOffered(offer.pageId)}>
          合并 Merge
        </button>
      </div>
    </Backdrop>
  );
}

export function UnsyncedDialog() {
  const desk = useCollabDesk()!;
  const backups = useCollab((s) => s.unsynced) ?? [];
  const close = () => desk.openDialog(null);
  return (
    <Backdrop testId="dialog-unsynced" onCancel={close}>
      <h2>
        恢复未同步的修改 <small>Recover unsynced edits</small>
      </h2>
      <p className="hint">
        这些共享版面的修改没有送到服务器，保存在本机。打开一份可对照、复制或另存。
        <br />
        <small>These shared pages hold edits no server received; they are kept on this desk. Open one to compare, copy or save it.</small>
      </p>
      {backups.length === 0 ? <p data-testid="unsynced-none">没有未同步的修改 · No unsynced edits</p> : <BackupTable backups={backups} />}
      <div className="buttons">
        <button className="primary" data-testid="dialog-ok" onClick={close}>
          关闭 Close
        </button>
      </div>
    </Backdrop>
  );
}

function BackupTable({ backups }: { backups: DeskBackupSummary[] }) {
  return (
    <table className="unsynced-list" data-testid="unsynced-list">
      <thead>
        <tr>
          <th>版面 Page</th>
          <th>服务器 Server</th>
          <th>时间 Time</th>
          <th>修改 Edits</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => (
          <BackupRow key={b.pageId} backup={b} />
        ))}
      </tbody>
    </table>
  );
}

function BackupRow({ backup }: { backup: DeskBackupSummary }) {
  const desk = useCollabDesk()!;
  const [asking, setAsking] = useState(false);
  return (
    <tr data-testid={`unsynced-${backup.pageId}`}>
      <td className="mono">{backup.pageId}</td>
      <td className="mono">{backup.server.replace(/^wss?:\/\//, '')}</td>
      <td>{localTime(backup.savedAt)}</td>
      <td>{backup.pending}</td>
      <td className="unsynced-actions">
        {asking ? (
          <>
            <span className="unsynced-ask">删除后这 {backup.pending} 处修改将丢失 · The edits will be lost</span>
            <button data-testid="unsynced-discard-cancel" onClick={() => setAsking(false)}>
              取消 Cancel
            </button>
            <button className="danger" data-testid="unsynced-discard-confirm" onClick={() => void desk.discardBackup(backup.pageId)}>
              确定删除 Discard
            </button>
          </>
        ) : (
          <>
            <button data-testid="unsynced-discard" onClick={() => setAsking(true)}>
              删除… Discard…
            </button>
            <button className="primary" data-testid="unsynced-open" onClick={() => void desk.openBackup(backup.pageId)}>
              打开 Open
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
