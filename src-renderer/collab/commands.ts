import { bindCommands, type Command } from '../command-binding';
import type { CollabDesk } from './desk';

/** 文件 → 共享此版面 / 发布到服务器 / 加入共享版面 / 停止共享 / 恢复未同步的修改, bound to the desk. */
export function collabCommands(desk: CollabDesk): Command[] {
  const mode = () => desk.getState().mode;
  return bindCommands(
    {
      'file.share': { run: () => desk.openDialog('share') },
      'file.publish': { run: () => desk.openDialog('publish') },
      'file.join': { run: () => desk.openDialog('join') },
      'file.leaveShare': { run: () => void desk.leave() },
      'file.recoverUnsynced': { run: () => void desk.openUnsynced() },
    },
    {
      notJoined: () => mode() !== 'joined',
      local: () => mode() === 'local',
      shared: () => mode() !== 'local',
      unsyncedEdits: () => mode() === 'local' && desk.getState().unsynced.length > 0,
    },
  );
}
