import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_API_METHODS } from '../../src-core/host-api';
import { findProjectRoot } from '../../src-main/host/handlers';

const root = findProjectRoot();

/**
 * Where the Electron binary would be, found the way node_modules/electron/index.js finds it but
 * without requiring that module: requiring it downloads the binary when it is missing.
 */
function electronBinary(): string | undefined {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const binary = join(dist, relative);
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
if (!binary) console.log('Electron binary not available here: smoke test skipped');

describe.skipIf(!binary)('the Electron app (smoke)', () => {
  let app: ElectronApplication;
  let win: Page;

  beforeAll(async () => {
    if (!existsSync(join(root, 'out/main/index.js')) || !existsSync(join(root, 'out/preload/preload.cjs'))) {
      execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
    }
    // Chromium refuses to start its own sandbox as root (CI containers); the renderer sandbox option stays on.
    const args = process.getuid?.() === 0 ? ['--no-sandbox', root] : [root];
    const env = { ...process.env } as Record<string, string>;
    delete env.ELECTRON_RENDERER_URL; // load the built renderer, never a dev server
    app = await _electron.launch({ executablePath: binary!, args, cwd: root, env });
    win = await app.firstWindow();
    await win.waitForSelector('.status[data-state="ready"], .status[data-state="error"]', { timeout: 90_000 });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('opens a window showing the sample page', async () => {
    expect(await win.locator('.status').getAttribute('data-state')).toBe('ready');
    expect(await win.locator('[data-testid="page"] svg text').count()).toBeGreaterThanOrEqual(300);
    await expect.poll(() => win.title()).toBe('版面 Banmian — luoyang-page.banmian');
    mkdirSync(join(root, 'test-results'), { recursive: true });
    writeFileSync(join(root, 'test-results/app-electron.png'), await win.screenshot());
  });

  it('exposes exactly the HostApi through the preload, and no Node', async () => {
    const seen = await win.evaluate(async () => {
      const api = (window as unknown as { banmian: Record<string, (...a: unknown[]) => Promise<{ ok: boolean; value?: unknown }>> }).banmian;
      const fonts = await api.listFonts();
      return {
        keys: Object.keys(api).sort(),
        fonts: fonts.ok ? (fonts.value as unknown[]).length : -1,
        refused: (await api.fontBytes('../../etc/passwd')).ok,
        node: typeof (window as unknown as { require?: unknown }).require + '/' + typeof (window as unknown as { process?: unknown }).process,
      };
    });
    expect(seen).toEqual({ keys: [...HOST_API_METHODS].sort(), fonts: 4, refused: false, node: 'undefined/undefined' });
  });
});
