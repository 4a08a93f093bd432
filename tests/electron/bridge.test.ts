import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_API_METHODS } from '../../src-core/host-api';
import { FONT_SOURCES } from '../../src-main/fonts/provider';

/**
 * The preload and the IPC registration, run against a stand-in 'electron' module: they run here
 * even where no Electron binary exists (the real module would try to download one).
 */
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    on: () => undefined,
    removeListener: () => undefined,
    invoke: (...args: unknown[]) => {
      electron.invoked.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
  },
}));

describe('the preload bridge', () => {
  beforeEach(() => {
    electron.invoked.length = 0;
  });

  it('exposes exactly the HostApi methods under window.banmian, each invoking its own channel', async () => {
    await import('../../src-main/electron/preload');
    expect([...electron.exposed.keys()]).toEqual(['banmian', 'banmianMenu']);
    const api = electron.exposed.get('banmian') as Record<string, (...args: unknown[]) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...HOST_API_METHODS].sort());
    await api.startupPage();
    await api.listFonts();
    await api.fontBytes('song-regular');
    await api.openPage(null);
    expect(electron.invoked).toEqual([['banmian:startupPage'], ['banmian:listFonts'], ['banmian:fontBytes', 'song-regular'], ['banmian:openPage', null]]);
  });
});

describe('the IPC handlers of main', () => {
  const fromApp = { senderFrame: { url: 'file:///app/out/renderer/index.html' } };
  const fromElsewhere = { senderFrame: { url: 'https://example.com/' } };

  beforeEach(async () => {
    electron.handlers.clear();
    const { registerHostIpc } = await import('../../src-main/electron/ipc');
    registerHostIpc({ handle: (channel: string, fn: never) => void electron.handlers.set(channel, fn) } as never, (e) => e.senderFrame?.url.startsWith('file:///app/') ?? false);
  });

  it('registers one channel per HostApi method', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(HOST_API_METHODS.map((m) => `banmian:${m}`).sort());
  });

  it('serves the renderer through the shared handlers', async () => {
    const fonts = (await electron.handlers.get('banmian:listFonts')!(fromApp)) as { ok: boolean; value: { id: string }[] };
    expect(fonts.ok).toBe(true);
    const ids = fonts.value.map((f) => f.id);
    for (const f of FONT_SOURCES.flatMap((s) => s.faces())) expect(ids).toContain(f.id);
    const bytes = (await electron.handlers.get('banmian:fontBytes')!(fromApp, 'hei-bold')) as { ok: boolean; value: Uint8Array };
    expect(bytes.ok).toBe(true);
    expect(bytes.value).toBeInstanceOf(Uint8Array);
    // the installed files the listing could not use, named (this machine's: often none)
    const problems = (await electron.handlers.get('banmian:fontProblems')!(fromApp)) as { ok: boolean; value: { file: string; zh: string; en: string }[] };
    expect(problems.ok).toBe(true);
    expect(Array.isArray(problems.value)).toBe(true);
  });

  it('refuses bad arguments and strange senders', async () => {
    expect(await electron.handlers.get('banmian:fontBytes')!(fromApp, '../../etc/passwd')).toMatchObject({ ok: false });
    expect(await electron.handlers.get('banmian:fontBytes')!(fromApp, 'song-regular', 'extra')).toMatchObject({ ok: false });
    expect(await electron.handlers.get('banmian:startupPage')!(fromApp, 1)).toMatchObject({ ok: false });
    expect(await electron.handlers.get('banmian:listFonts')!(fromElsewhere)).toMatchObject({ ok: false, en: 'Refused a call from an unknown page' });
    expect(await electron.handlers.get('banmian:savePage')!(fromApp, 'not json', null)).toMatchObject({ ok: false });
    expect(await electron.handlers.get('banmian:exportPdf')!(fromApp, '{}', null, { bleedMm: 99 })).toMatchObject({ ok: false });
    expect(await electron.handlers.get('banmian:importFiles')!(fromApp, [{ name: 'a.txt' }])).toMatchObject({ ok: false });
    // Without file access (no env), file methods fail cleanly instead of touching the disk.
    expect(await electron.handlers.get('banmian:openPage')!(fromApp, '/etc/passwd')).toMatchObject({ ok: false, en: 'This host has no file access' });
  });
});
