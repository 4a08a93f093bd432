import type { BrowserWindowConstructorOptions, WebContents, WebPreferences } from 'electron';

/**
 * The app window's locks, apart from the Electron main process so that they can be read and tested
 * where Electron cannot start: the renderer isolated and sandboxed with no Node, web security on,
 * our preload only; and every web contents refusing to navigate, be redirected, attach a webview or
 * open a window.
 */

/** The window's web preferences; `preload` is our bridge (src-main/electron/preload.ts, built to preload.cjs). */
export function windowWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** The app window: its size, title and colour, and the web preferences above. */
export function windowOptions(preload: string, title: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 1000,
    minWidth: 800,
    minHeight: 600,
    title,
    backgroundColor: '#6b6e73',
    show: false,
    webPreferences: windowWebPreferences(preload),
  };
}

/** What lockDownContents uses of a web contents. */
export type LockableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Every web contents (the window's and any other) stays on its page and opens no other. */
export function lockDownContents(contents: LockableContents): void {
  const refuse = (event: { preventDefault(): void }) => event.preventDefault();
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', refuse);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
