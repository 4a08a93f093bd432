import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type IpcMainInvokeEvent, type MenuItemConstructorOptions, type WebContents } from 'electron';
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY, isCollabSocketUrl, isPageDirectoryUrl } from '../host/csp';
import { resumeSharing, sharingOf, stopSharing } from '../host/handlers';
import type { HostEnv } from '../host/page-files';
import { electronFileAccess } from './file-access';
import { registerHostIpc } from './ipc';

/**
 * The Electron main process, kept thin: one locked-down window, the CSP, and the HostApi over IPC.
 * Everything the host does lives in src-main/host, shared with the web host.
 */

const APP_TITLE = '版面 Banmian';
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

function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 1000,
    minWidth: 800,
    minHeight: 600,
    title: APP_TITLE,
    backgroundColor: '#6b6e73',
    show: false,
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
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

/** The native menus send command ids to the renderer, which runs them as its own menus do. */
function buildMenu(): void {
  const send = (id: string) => () => BrowserWindow.getFocusedWindow()?.webContents.send('banmian:menu', id);
  // The renderer handles the shortcut keys itself; the menu only shows them.
  const item = (label: string, id: string, accelerator?: string): MenuItemConstructorOptions => ({ label, click: send(id), accelerator, registerAccelerator: false });
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件 File',
      submenu: [
        item('新建版面 New page', 'file.new', 'CmdOrCtrl+N'),
        item('打开… Open…', 'file.open', 'CmdOrCtrl+O'),
        item('保存 Save', 'file.save', 'CmdOrCtrl+S'),
        item('另存为… Save As…', 'file.saveAs', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        item('导入稿件… Import…', 'file.import', 'CmdOrCtrl+I'),
        item('导出 PDF… Export PDF…', 'file.exportPdf', 'CmdOrCtrl+E'),
        item('导出校样 PNG… Export proof PNG…', 'file.exportPng'),
        { type: 'separator' },
        item('共享此版面… Share this page…', 'file.share'),
        item('发布到服务器… Publish to server…', 'file.publish'),
        item('加入共享版面… Join a shared page…', 'file.join'),
        item('停止共享 / 离开 Stop sharing / leave', 'file.leaveShare'),
        { type: 'separator' },
        { label: '退出 Quit', role: 'quit' },
      ],
    },
    {
      label: '编辑 Edit',
      submenu: [
        item('撤销 Undo', 'edit.undo', 'CmdOrCtrl+Z'),
        item('重做 Redo', 'edit.redo', 'CmdOrCtrl+Shift+Z'),
        { type: 'separator' },
        { label: '剪切 Cut', role: 'cut' },
        { label: '复制 Copy', role: 'copy' },
        { label: '粘贴 Paste', role: 'paste' },
        { type: 'separator' },
        item('编辑稿件 Edit story', 'edit.story', 'Enter'),
        item('锁定/解锁块 Lock/unlock block', 'edit.lock', 'CmdOrCtrl+L'),
        item('删除块 Delete block', 'edit.delete', 'Delete'),
        item('查找替换… Find and replace…', 'edit.find', 'CmdOrCtrl+F'),
      ],
    },
    {
      label: '视图 View',
      submenu: [
        item('适合页面 Fit page', 'view.fitPage', 'CmdOrCtrl+0'),
        item('适合宽度 Fit width', 'view.fitWidth', 'CmdOrCtrl+9'),
        item('实际大小 Actual size', 'view.actual', 'CmdOrCtrl+1'),
        item('放大 Zoom in', 'view.zoomIn', 'CmdOrCtrl+='),
        item('缩小 Zoom out', 'view.zoomOut', 'CmdOrCtrl+-'),
        { type: 'separator' },
        item('背景格 Character grid', 'view.charGrid', "CmdOrCtrl+'"),
        item('栏线参考 Column guides', 'view.columns'),
        item('基线网格 Baseline grid', 'view.baselines'),
        item('块边框 Block outlines', 'view.outlines'),
        item('裁切线 Trim marks', 'view.trim'),
        item('标尺 Rulers', 'view.rulers', 'CmdOrCtrl+R'),
      ],
    },
    {
      label: '版面 Layout',
      submenu: [
        item('块高随文 Fit block to text', 'layout.fitText'),
        item('恢复矩形 Reset to rectangle', 'layout.resetSteps'),
        { type: 'separator' },
        item('添加横线 Add horizontal rule', 'layout.addRuleH'),
        item('添加竖线 Add vertical rule', 'layout.addRuleV'),
        item('添加底纹框 Add tinted box', 'layout.addBox'),
        item('自动栏线 Automatic column rules', 'layout.columnRules'),
        { type: 'separator' },
        item('样式… Styles…', 'layout.styles'),
        item('版面设置… Page settings…', 'layout.pageSettings'),
      ],
    },
    {
      label: '校对 Proof',
      submenu: [
        item('身份… Role and name…', 'proof.identity'),
        { type: 'separator' },
        item('校样视图 Proof view', 'proof.view'),
        item('校对面板 Proof panel', 'proof.panel'),
        { type: 'separator' },
        item('开始新校次 Start a proof round', 'proof.startRound'),
        item('结束本校次 Finish the proof round', 'proof.finishRound'),
        { type: 'separator' },
        item('接受全部修改 Accept all changes', 'proof.acceptAll'),
        item('拒绝全部修改 Reject all changes', 'proof.rejectAll'),
        { type: 'separator' },
        item('导出校样 PDF… Export proof PDF…', 'proof.exportPdf'),
      ],
    },
    { label: '窗口 Window', submenu: [{ label: '最小化 Minimize', role: 'minimize' }, { label: '全屏 Full screen', role: 'togglefullscreen' }, { label: '关闭 Close', role: 'close' }] },
    { label: '帮助 Help', submenu: [{ label: `关于 About ${APP_TITLE}`, click: () => dialog.showMessageBox({ title: APP_TITLE, message: `${APP_TITLE} ${app.getVersion()}`, detail: '报纸组版 Newspaper page layout' }) }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

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
  buildMenu();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});
