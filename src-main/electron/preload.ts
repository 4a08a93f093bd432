import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isCommandId } from '../../src-core/commands';
import { HOST_API_METHODS, hostChannel, MENU_CHANNEL, type HostApi, type MenuBridge } from '../../src-core/host-api';

/**
 * The renderer's only door to the host: exactly the HostApi methods, each a named function that
 * invokes its own channel, and the native menu's commands. ipcRenderer itself never crosses the bridge.
 */
const bridge = Object.fromEntries(HOST_API_METHODS.map((method) => [method, (...args: unknown[]) => ipcRenderer.invoke(hostChannel(method), ...args)])) as unknown as HostApi;

const menu: MenuBridge = {
  onCommand(listener) {
    const handler = (_event: IpcRendererEvent, id: unknown) => {
      if (isCommandId(id)) listener(id);
    };
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => void ipcRenderer.removeListener(MENU_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('banmian', bridge);
contextBridge.exposeInMainWorld('banmianMenu', menu);
