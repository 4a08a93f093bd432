import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { COMMANDS } from '../../src-core/commands';
import { pageMenus, type Command } from '../../src-renderer/command-binding';
import { buildCommands } from '../../src-renderer/workspace/commands';
import type { FileActions } from '../../src-renderer/files/file-actions';
import { proofCommands } from '../../src-renderer/proof/commands';
import { collabCommands } from '../../src-renderer/collab/commands';
import type { Editor } from '../../src-renderer/editor/editor';
import type { ProofSession } from '../../src-renderer/proof/session';
import type { CollabDesk } from '../../src-renderer/collab/desk';
import { ActiveStory } from '../../src-renderer/story/active-story';
import { storyCommands } from '../../src-renderer/story/commands';
import { editionCommands } from '../../src-renderer/edition/commands';
import type { EditionSession } from '../../src-renderer/edition/edition-session';
import type { HostApi } from '../../src-core/host-api';

/**
 * The desktop (Electron) menu against the page's own menu, both built from the command table
 * (src-core/commands.ts). A stand-in 'electron' module catches the template main installs.
 */
const electron = vi.hoisted(() => ({ template: [] as MenuItemConstructorOptions[], sent: [] as unknown[][] }));

vi.mock('electron', () => ({
  app: { getVersion: () => '0.0.0' },
  dialog: { showMessageBox: () => Promise.resolve() },
  BrowserWindow: { getFocusedWindow: () => ({ webContents: { send: (...args: unknown[]) => electron.sent.push(args) } }) },
  Menu: {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => {
      electron.template = template;
      return { template };
    },
    setApplicationMenu: () => undefined,
  },
}));

/** All bindings of the page, as the workspace makes them with a collaboration desk present and on an edition's page; nothing runs. */
function pageCommands(): Map<string, Command> {
  const files = Object.fromEntries(['newPage', 'open', 'openRecent', 'save', 'saveAs', 'importFiles', 'exportPdf', 'exportPng', 'findReplace'].map((k) => [k, () => undefined])) as unknown as FileActions;
  const all = [...buildCommands({} as Editor, files).values(), ...proofCommands({} as ProofSession), ...storyCommands(new ActiveStory()), ...collabCommands({} as CollabDesk), ...editionCommands({} as EditionSession, {} as Editor, {} as HostApi)];
  return new Map(all.map((c) => [c.id, c]));
}

type Row = { menu: string; id: string; label: string; keys?: string };

/** The page menu's items in order, labelled as the native menu labels them. */
function pageMenuRows(): Row[] {
  return pageMenus(pageCommands()).flatMap((m) => m.items.filter((c): c is Command => c !== 'separator').map((c) => ({ menu: `${m.zh} ${m.en}`, id: c.id, label: `${c.zh} ${c.en}`, keys: c.keys?.replace(/^Ctrl\+/, 'CmdOrCtrl+') })));
}

async function nativeMenu(): Promise<MenuItemConstructorOptions[]> {
  const { installNativeMenu } = await import('../../src-main/electron/menu');
  installNativeMenu();
  return electron.template;
}

/** The native menu's command items (those with an id), in order. */
function nativeRows(template: MenuItemConstructorOptions[]): Row[] {
  return template.flatMap((m) =>
    ((m.submenu ?? []) as MenuItemConstructorOptions[]).filter((i) => i.id !== undefined).map((i) => ({ menu: m.label!, id: i.id!, label: i.label!, keys: i.accelerator as string | undefined })),
  );
}

describe('the desktop menu', () => {
  it('has every command of the page menu, in the same menu and order, with the same label and shortcut', async () => {
    const page = pageMenuRows();
    expect(page).toHaveLength(COMMANDS.length);
    expect(nativeRows(await nativeMenu())).toEqual(page);
  });

  it('offers 打开最近 (recent files) in 文件, and sends its id to the window', async () => {
    const file = (await nativeMenu()).find((m) => m.label === '文件 File')!;
    const recent = (file.submenu as MenuItemConstructorOptions[]).find((i) => i.id === 'file.recent');
    expect(recent).toMatchObject({ label: '最近打开… Open recent…' });
    electron.sent.length = 0;
    (recent!.click as () => void)();
    expect(electron.sent).toEqual([['banmian:menu', 'file.recent']]);
  });

  it('keeps the native-only items: quit, the clipboard, window and help', async () => {
    const template = await nativeMenu();
    const roles = template.flatMap((m) => ((m.submenu ?? []) as MenuItemConstructorOptions[]).map((i) => i.role).filter(Boolean));
    expect(roles).toEqual(['quit', 'cut', 'copy', 'paste', 'minimize', 'togglefullscreen', 'close']);
    expect(template.map((m) => m.label)).toEqual(['文件 File', '编辑 Edit', '视图 View', '版面 Layout', '排列 Arrange', '校对 Proof', '窗口 Window', '帮助 Help']);
  });
});
