import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseHost, type HostProbe } from '../../src-main/start/choose-host';
import { openCommand } from '../../src-main/start/open-browser';
import { webBuildStale } from '../../src-main/start/web-build';
import { defaultPagesFolder, foregroundOptions } from '../../src-main/web-host/foreground';
import { startWebHost } from '../../src-main/web-host/server';

/** A machine where everything works, with the download stubbed; each test breaks one thing. */
function probe(overrides: Partial<HostProbe> & { installs?: boolean } = {}): HostProbe & { installCalls: number } {
  let present = false;
  const p = {
    platform: 'linux' as NodeJS.Platform,
    browserAsked: false,
    downloadSkipped: false,
    installCalls: 0,
    binaryPresent: () => present,
    install: async () => {
      p.installCalls++;
      if (overrides.installs === false) return { ok: false as const, detail: 'TypeError: fetch failed' };
      present = true;
      return { ok: true as const };
    },
    hasDisplay: () => true,
    ...overrides,
  };
  return p;
}

describe('npm start: which host', () => {
  it('starts Electron when its installer can fetch the binary', async () => {
    const p = probe();
    expect(await chooseHost(p)).toEqual({ host: 'electron' });
    expect(p.installCalls).toBe(1);
  });

  it('does not download again when the binary is present', async () => {
    const p = probe({ binaryPresent: () => true });
    expect(await chooseHost(p)).toEqual({ host: 'electron' });
    expect(p.installCalls).toBe(0);
  });

  it('falls back to the browser host, saying why, when the download fails', async () => {
    const choice = await chooseHost(probe({ installs: false }));
    expect(choice).toMatchObject({ host: 'browser' });
    if (choice.host === 'browser') {
      expect(choice.zh).toBe('无法下载 Electron 程序（TypeError: fetch failed）');
      expect(choice.en).toContain('could not be downloaded (TypeError: fetch failed)');
    }
  });

  it('falls back when the installer succeeds but leaves no binary', async () => {
    const choice = await chooseHost(probe({ install: async () => ({ ok: true }) }));
    expect(choice).toMatchObject({ host: 'browser', en: expect.stringContaining('still missing') });
  });

  it('falls back without downloading on an unsupported platform, when asked, or when downloads are switched off', async () => {
    for (const [overrides, word] of [
      [{ platform: 'aix' }, 'aix'],
      [{ browserAsked: true }, 'asked'],
      [{ downloadSkipped: true }, 'ELECTRON_SKIP_BINARY_DOWNLOAD'],
    ] as const) {
      const p = probe(overrides as Partial<HostProbe>);
      const choice = await chooseHost(p);
      expect(choice, word).toMatchObject({ host: 'browser', en: expect.stringContaining(word) });
      expect(p.installCalls, word).toBe(0);
    }
  });

  it('falls back when there is no display to open a window on', async () => {
    expect(await chooseHost(probe({ binaryPresent: () => true, hasDisplay: () => false }))).toMatchObject({ host: 'browser', zh: expect.stringContaining('DISPLAY') });
  });

  it('opens the default browser only where there is a desktop', () => {
    expect(openCommand('linux', {})).toBeUndefined();
    expect(openCommand('linux', { DISPLAY: ':0' })).toEqual(['xdg-open', []]);
    expect(openCommand('darwin', {})).toEqual(['open', []]);
    expect(openCommand('win32', {})?.[0]).toBe('cmd');
  });
});

describe('the browser host in the foreground', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'banmian-start-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('keeps pages in ~/Banmian unless told otherwise', () => {
    expect(defaultPagesFolder({})).toBe(join(homedir(), 'Banmian'));
    expect(defaultPagesFolder({ BANMIAN_PAGES: tmp })).toBe(tmp);
    expect(foregroundOptions([], {})).toEqual({ port: 5180, pages: join(homedir(), 'Banmian'), autosaveSeconds: undefined });
    expect(foregroundOptions(['--port', '6000', '--pages', 'x', '--autosave=5'], {})).toEqual({ port: 6000, pages: resolve('x'), autosaveSeconds: 5 });
    expect(() => foregroundOptions(['--port', 'many'], {})).toThrow(/--port/);
  });

  it('takes the next free port when the usual one is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', () => done()));
    const taken = (blocker.address() as { port: number }).port;
    const host = await startWebHost({ port: taken, nextFreePort: true, sandbox: join(tmp, 'pages') });
    try {
      const port = Number(new URL(host.url).port);
      expect(port).toBeGreaterThan(taken);
      expect(port).toBeLessThan(taken + 20);
    } finally {
      await host.close();
      blocker.close();
    }
    await expect(startWebHost({ port: taken, sandbox: join(tmp, 'pages') }).then((h) => h.close())).resolves.toBeUndefined();
  });

  it('keeps its API secret across a restart (mode 0600), so the tabs it served still work', async () => {
    const pages = join(tmp, 'lasting');
    const first = await startWebHost({ port: 0, sandbox: pages, secret: 'lasting' });
    await first.close();
    const again = await startWebHost({ port: 0, sandbox: pages, secret: 'lasting' });
    await again.close();
    expect(again.secret).toBe(first.secret);
    expect(statSync(join(pages, '.banmian-state', 'web-secret')).mode & 0o777).toBe(0o600);
    const fresh = await startWebHost({ port: 0, sandbox: pages });
    await fresh.close();
    expect(fresh.secret).not.toBe(first.secret);
  });

  it('rebuilds the browser UI only when a source is newer than the build', () => {
    const root = join(tmp, 'project');
    mkdirSync(join(root, 'src-renderer'), { recursive: true });
    writeFileSync(join(root, 'src-renderer', 'main.tsx'), '');
    expect(webBuildStale(root)).toBe(true);
    mkdirSync(join(root, 'dist-web'));
    writeFileSync(join(root, 'dist-web', 'index.html'), '');
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(root, 'src-renderer', 'main.tsx'), past, past);
    utimesSync(join(root, 'src-renderer'), past, past);
    expect(webBuildStale(root)).toBe(false);
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'src-renderer', 'main.tsx'), future, future);
    expect(webBuildStale(root)).toBe(true);
  });
});
