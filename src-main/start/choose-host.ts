import type { InstallResult } from './electron-binary';

/**
 * Which host `npm start` runs: the Electron app where its binary is present (or electron's installer
 * can fetch it) and a window can be shown; otherwise the same UI on the browser host, with the reason.
 * Everything it looks at is passed in, so the decision is tested with the download stubbed.
 */
export interface HostProbe {
  platform: NodeJS.Platform;
  /** `--browser` or BANMIAN_HOST=browser: the user asked for the browser host. */
  browserAsked: boolean;
  /** ELECTRON_SKIP_BINARY_DOWNLOAD is set: do not download. */
  downloadSkipped: boolean;
  binaryPresent(): boolean;
  install(): Promise<InstallResult>;
  /** A display Electron can open a window on (X11/Wayland on Linux; always on macOS and Windows). */
  hasDisplay(): boolean;
}

export type HostChoice = { host: 'electron' } | { host: 'browser'; zh: string; en: string };

const ELECTRON_PLATFORMS: readonly NodeJS.Platform[] = ['linux', 'darwin', 'win32'];

const browser = (zh: string, en: string): HostChoice => ({ host: 'browser', zh, en });

export async function chooseHost(probe: HostProbe): Promise<HostChoice> {
  if (probe.browserAsked) return browser('按要求使用浏览器版', 'the browser host was asked for');
  if (!ELECTRON_PLATFORMS.includes(probe.platform)) return browser(`Electron 不支持此平台（${probe.platform}）`, `Electron has no build for this platform (${probe.platform})`);
  if (!probe.binaryPresent()) {
    if (probe.downloadSkipped) return browser('Electron 程序未安装，且 ELECTRON_SKIP_BINARY_DOWNLOAD 禁止下载', 'the Electron binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD forbids downloading it');
    const installed = await probe.install();
    if (!installed.ok) return browser(`无法下载 Electron 程序（${installed.detail}）`, `the Electron binary could not be downloaded (${installed.detail})`);
    if (!probe.binaryPresent()) return browser('Electron 安装后仍找不到程序文件', 'the Electron binary is still missing after its installer ran');
  }
  if (!probe.hasDisplay()) return browser('没有可以打开窗口的图形显示（DISPLAY / WAYLAND_DISPLAY 未设置）', 'there is no display to open a window on (DISPLAY / WAYLAND_DISPLAY is not set)');
  return { host: 'electron' };
}
