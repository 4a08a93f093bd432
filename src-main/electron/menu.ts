import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { MENUS, type CommandSpec, type MenuId } from '../../src-core/commands';
import { MENU_CHANNEL } from '../../src-core/host-api';

export const APP_TITLE = '版面 Banmian';

/** 'Ctrl+Shift+S' as Electron writes it: ⌘ on macOS, Ctrl elsewhere. */
export const accelerator = (keys: string): string => keys.replace(/^Ctrl\+/, 'CmdOrCtrl+');

/**
 * Items only a native menu has (the system's clipboard and quit), placed after a group of the
 * table's menu: the page's own menus need none of them.
 */
const NATIVE_ONLY: Partial<Record<MenuId, { afterGroup: number; items: MenuItemConstructorOptions[] }>> = {
  file: { afterGroup: Infinity, items: [{ label: '退出 Quit', role: 'quit' }] },
  help: { afterGroup: Infinity, items: [{ label: `关于 About ${APP_TITLE}`, click: () => void dialog.showMessageBox({ title: APP_TITLE, message: `${APP_TITLE} ${app.getVersion()}`, detail: '报纸组版 Newspaper page layout' }) }] },
  edit: {
    afterGroup: 0,
    items: [
      { label: '剪切 Cut', role: 'cut' },
      { label: '复制 Copy', role: 'copy' },
      { label: '粘贴 Paste', role: 'paste' },
    ],
  },
};

/**
 * One native item per command of the table, with the command id as its id. The renderer handles the
 * shortcut keys itself (and refuses a command disabled at the moment); the menu only shows them.
 */
function commandItem(c: CommandSpec, send: (id: string) => void): MenuItemConstructorOptions {
  return { id: c.id, label: `${c.zh} ${c.en}`, click: () => send(c.id), ...(c.keys ? { accelerator: accelerator(c.keys), registerAccelerator: false } : {}) };
}

const separated = (groups: MenuItemConstructorOptions[][]): MenuItemConstructorOptions[] => groups.filter((g) => g.length > 0).flatMap((g, i) => (i === 0 ? g : [{ type: 'separator' as const }, ...g]));

/** The application menu: every menu and command of the table, then 窗口 and 帮助. */
export function nativeMenuTemplate(send: (id: string) => void): MenuItemConstructorOptions[] {
  const menus = MENUS.map((m): MenuItemConstructorOptions => {
    const groups = m.groups.map((g) => g.map((c) => commandItem(c, send)));
    const extra = NATIVE_ONLY[m.id];
    if (extra) groups.splice(Math.min(extra.afterGroup + 1, groups.length), 0, extra.items);
    return { id: m.id, label: `${m.zh} ${m.en}`, submenu: separated(groups) };
  });
  const windowMenu: MenuItemConstructorOptions = { label: '窗口 Window', submenu: [{ label: '最小化 Minimize', role: 'minimize' }, { label: '全屏 Full screen', role: 'togglefullscreen' }, { label: '关闭 Close', role: 'close' }] };
  // 窗口 before 帮助, as every desktop program has them.
  const help = menus.findIndex((m) => m.id === 'help');
  return [...menus.slice(0, help), windowMenu, ...menus.slice(help)];
}

/** Installs the application menu; its commands go to the focused window, which runs them as its own menus do. */
export function installNativeMenu(): void {
  const send = (id: string) => BrowserWindow.getFocusedWindow()?.webContents.send(MENU_CHANNEL, id);
  Menu.setApplicationMenu(Menu.buildFromTemplate(nativeMenuTemplate(send)));
}
