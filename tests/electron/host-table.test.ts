import { describe, expect, it, vi } from 'vitest';
import { HOST_API, HOST_API_METHODS, hostTableMismatch } from '../../src-core/host-api';
import { checkCall, HOST_HANDLERS } from '../../src-main/host/handlers';

/**
 * The HostApi table (src-core/host-api.ts) against every side generated or checked from it: the
 * preload's exposed methods, main's IPC channels and the host's handlers. A stand-in 'electron'
 * module runs the preload and the IPC registration here.
 */
const electron = vi.hoisted(() => ({ exposed: new Map<string, unknown>(), channels: [] as string[] }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: { on: () => undefined, removeListener: () => undefined, invoke: () => Promise.resolve({ ok: true, value: null }) },
}));

const none = { missing: [], extra: [] };

describe('the HostApi table', () => {
  it('is covered exactly by the preload, the IPC channels and the handlers', async () => {
    await import('../../src-main/electron/preload');
    expect(hostTableMismatch(Object.keys(electron.exposed.get('banmian') as object))).toEqual(none);
    const { registerHostIpc } = await import('../../src-main/electron/ipc');
    registerHostIpc({ handle: (channel: string) => void electron.channels.push(channel) } as never, () => true);
    expect(hostTableMismatch(electron.channels.map((c) => c.replace(/^banmian:/, '')))).toEqual(none);
    expect(hostTableMismatch(Object.keys(HOST_HANDLERS))).toEqual(none);
  });

  it('catches a planted extra or missing method', () => {
    expect(hostTableMismatch([...HOST_API_METHODS, 'readAnyFile'])).toEqual({ missing: [], extra: ['readAnyFile'] });
    expect(hostTableMismatch(HOST_API_METHODS.filter((m) => m !== 'savePage'))).toEqual({ missing: ['savePage'], extra: [] });
    // The compiler refuses the same plants in the handler table (tsc checks these lines).
    const { savePage: _dropped, ...withoutSavePage } = HOST_HANDLERS;
    // @ts-expect-error a handler table missing a method
    const missing: typeof HOST_HANDLERS = withoutSavePage;
    // @ts-expect-error a handler table with a method the table lacks
    const extra: typeof HOST_HANDLERS = { ...HOST_HANDLERS, readAnyFile: () => ({ ok: true, value: null }) };
    expect([missing, extra]).toHaveLength(2);
  });

  it('checks each call by its own row: arity and every argument', () => {
    for (const method of HOST_API_METHODS) {
      const arity = HOST_API[method].args.length;
      const tooMany = checkCall(method, Array.from({ length: arity + 1 }, () => null));
      expect(tooMany, method).toMatchObject({ rejected: true, zh: expect.stringContaining(`${method}：`), en: expect.stringContaining(`${method}: `) });
    }
    expect(checkCall('openPage', [3])).toMatchObject({ rejected: true, en: 'openPage: needs one file path or null' });
    expect(checkCall('openPage', [null])).toMatchObject({ rejected: false });
    expect(checkCall('writeRecovery', ['{}', null, 'x'.repeat(501)])).toMatchObject({ rejected: true });
    expect(checkCall('hasOwnProperty', [])).toMatchObject({ rejected: true, en: 'Unknown host method: hasOwnProperty' });
  });
});
