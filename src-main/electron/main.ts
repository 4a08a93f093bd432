import { app, BrowserWindow, dialog, ipcMain, session, shell, type IpcMainInvokeEvent } from 'electron';
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY, isCollabSocketUrl, isPageDirectoryUrl } from '../host/csp';
import { resumeSharing, sharingOf, stopSharing } from '../host/handlers';
import type { HostEnv } from '../host/page-files';
import { electronFileAccess } from './file-access';
import { registerHostIpc } from './ipc';
import { APP_TITLE, installNativeMenu } from './menu';
import { lockDownContents, windowOptions } from './window-security';

/**
 * The Electron main process, kept thin: one locked-down window, the CSP, and the HostApi over IPC.
 * Everything the host does lives in src-main/host, shared with the web host.
 */

/** Set by `electron-vite dev`; absent in a build, which loads the bundled renderer from disk. */
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererFile = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
const preloadFile = fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
/** Pages we trust: the renderer's folder, or the dev server. */
const appOrigin = devServerUrl ? new URL(devServerUrl).origin + '/' : pathToFileURL(rendererFile).href.replace(/index\.html$/, '');
const csp = devServerUrl ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;

const isAppUrl = (url: string): boolean => url.startsWith(appOrigin);

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url;
  return typeof url === 'string' && isAppUrl(url);
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  // No remote content: only our own files (or the dev server), in-memory data/blob URLs, and the
  // collaboration server's sockets and page directory (文件 → 共享此版面 / 发布到服务器 / 加入共享版面).
  ses.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url;
    const allowed = isAppUrl(url) || isCollabSocketUrl(url) || isPageDirectoryUrl(url) || url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('devtools:') || (devServerUrl !== undefined && url.startsWith(devServerUrl.replace(/^http/, 'ws')));
    callback({ cancel: !allowed });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(windowOptions(preloadFile, APP_TITLE));
  win.once('ready-to-show', () => win.show());
  // The renderer refuses to unload while the page has unsaved changes; ask the user here.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['放弃修改并关闭 Discard and close', '取消 Cancel'],
      defaultId: 1,
      cancelId: 1,
      title: APP_TITLE,
      message: '版面有未保存的修改。\nThe page has unsaved changes.',
      detail: '关闭后，未保存的修改会丢失（自动保存的恢复文件会保留到下次启动）。\nUnsaved changes will be lost (the autosaved recovery file is kept until the next start).',
    });
    if (choice === 0) event.preventDefault();
  });
  // The renderer sets document.title to "版面 Banmian — <page title>"; the window follows it.
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(rendererFile);
  return win;
}

app.enableSandbox();
app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

void app.whenReady().then(() => {
  lockDownSession();
  const env: HostEnv = {
    files: electronFileAccess(dialog, () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null, join(app.getPath('userData'), 'state')),
    autosaveSeconds: 30,
    // Only files exported in this session reach here (page-files checks); '' when the viewer opened it.
    openInViewer: (abs) => shell.openPath(abs),
  };
  registerHostIpc(ipcMain, isTrustedSender, env);
  // The LAN share's self-signed certificate (and one a joining desk's invitation named) is trusted
  // by its SHA-256 fingerprint, for the collaboration sockets only; every other certificate error stands.
  app.on('certificate-error', (event, _contents, url, _error, certificate, callback) => {
    let fingerprint = '';
    try {
      fingerprint = new X509Certificate(certificate.data).fingerprint256;
    } catch {
      // not a certificate we can read: refuse
    }
    const pinned = /^(wss|https):\/\//.test(url) && fingerprint !== '' && sharingOf(env).isTrustedCertificate(fingerprint);
    if (pinned) event.preventDefault();
    callback(pinned);
  });
  app.on('before-quit', () => void stopSharing(env));
  // A share left running by a crash resumes at its address; the desk reconnects when its window asks (shareStatus).
  void resumeSharing(env).then((r) => {
    if (!r.ok) dialog.showErrorBox('共享未能恢复 / The share was not resumed', `${r.zh}\n${r.en}`);
  });
  installNativeMenu();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});
