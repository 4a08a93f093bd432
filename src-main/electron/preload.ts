import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { HOST_API_METHODS, isMenuCommandId, type HostApi, type MenuBridge } from '../../src-core/host-api';

/**
 * The renderer's only door to the host: exactly the HostApi methods, each a named function that
 * invokes its own channel, and the native menu's commands. ipcRenderer itself never crosses the bridge.
 */
const bridge = Object.fromEntries(HOST_API_METHODS.map((method) => [method, (...args: unknown[]) => ipcRenderer.invoke(`banmian:${method}`, ...args)])) as unknown as HostApi;

const menu: MenuBridge = {
  onCommand(listener) {
    const handler = (_event: IpcRendererEvent, id: unknown) => {
      if (isMenuCommandId(id)) listener(id);
    };
    ipcRenderer.on('banmian:menu', handler);
    return () => void ipcRenderer.removeListener('banmian:menu', handler);
  },
};

contextBridge.exposeInMainWorld('banmian', bridge);
contextBridge.exposeInMainWorld('banmianMenu', menu);
