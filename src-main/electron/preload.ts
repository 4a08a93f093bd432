import { contextBridge, ipcRenderer } from 'electron';
import type { HostApi } from '../../src-core/host-api';

/**
 * The renderer's only door to the host: exactly the HostApi methods, each a named function that
 * invokes its own channel. ipcRenderer itself never crosses the bridge.
 */
const bridge: HostApi = {
  startupPage: () => ipcRenderer.invoke('banmian:startupPage'),
  listFonts: () => ipcRenderer.invoke('banmian:listFonts'),
  fontBytes: (id: string) => ipcRenderer.invoke('banmian:fontBytes', id),
};

contextBridge.exposeInMainWorld('banmian', bridge);
