import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { HOST_API_METHODS, hostChannel, type HostResult } from '../../src-core/host-api';
import { dispatchHostCall } from '../host/handlers';
import type { HostEnv } from '../host/page-files';

/**
 * One ipcMain.handle per HostApi method. Every call is checked twice before a handler runs: the
 * sender must be our own renderer, and the method's arguments must validate.
 */
export function registerHostIpc(ipcMain: Pick<IpcMain, 'handle'>, isTrustedSender: (event: IpcMainInvokeEvent) => boolean, env?: HostEnv): void {
  for (const method of HOST_API_METHODS) {
    ipcMain.handle(hostChannel(method), async (event, ...args: unknown[]): Promise<HostResult<unknown>> => {
      if (!isTrustedSender(event)) return { ok: false, zh: '拒绝来自未知页面的调用', en: 'Refused a call from an unknown page' };
      const result = await dispatchHostCall(method, args, env);
      return 'rejected' in result ? { ok: false, zh: result.zh, en: result.en } : result;
    });
  }
}
