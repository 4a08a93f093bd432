import type { Command } from '../workspace/commands';
import type { CollabDesk } from './desk';

/** 文件 → 共享此版面 / 发布到服务器 / 加入共享版面 / 停止共享 (also run by Electron's native menu by id). */
export function collabCommands(desk: CollabDesk): Command[] {
  const mode = () => desk.getState().mode;
  return [
    { id: 'file.share', zh: '共享此版面…', en: 'Share this page…', run: () => desk.openDialog('share'), enabled: () => mode() !== 'joined' },
    { id: 'file.publish', zh: '发布到服务器…', en: 'Publish to server…', run: () => desk.openDialog('publish'), enabled: () => mode() === 'local' },
    { id: 'file.join', zh: '加入共享版面…', en: 'Join a shared page…', run: () => desk.openDialog('join'), enabled: () => mode() === 'local' },
    {
      id: 'file.leaveShare',
      zh: '停止共享 / 离开共享版面',
      en: 'Stop sharing / leave the shared page',
      run: () => void desk.leave(),
      enabled: () => mode() !== 'local',
    },
    { id: 'file.recoverUnsynced', zh: '恢复未同步的修改', en: 'Recover unsynced edits', run: () => void desk.openUnsynced(), enabled: () => mode() === 'local' && desk.getState().unsynced.length > 0 },
  ];
}

export const COLLAB_MENU = ['file.share', 'file.publish', 'file.join', 'file.leaveShare', 'file.recoverUnsynced'];
