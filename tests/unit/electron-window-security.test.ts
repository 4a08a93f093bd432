import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDownContents, windowOptions, windowWebPreferences, type LockableContents } from '../../src-main/electron/window-security';

/**
 * The app window's security settings, checked where Electron cannot start (these machines): the
 * options main.ts gives its one BrowserWindow, and the refusals every web contents gets.
 */

const PRELOAD = '/app/out/preload/preload.cjs';
const electronDir = join(__dirname, '../../src-main/electron');

describe('the window’s web preferences', () => {
  it('isolate and sandbox the renderer, with no Node, web security on, and our preload only', () => {
    // Exactly these: a flag added (nodeIntegrationInSubFrames: true, enableBlinkFeatures, experimentalFeatures …) fails here.
    expect(windowWebPreferences(PRELOAD)).toStrictEqual({
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(windowOptions(PRELOAD, '版面').webPreferences).toStrictEqual(windowWebPreferences(PRELOAD));
  });

  it('are the ones main.ts makes its window with, the preload being the bridge built beside it; no other window or preload', () => {
    const sources = readdirSync(electronDir).filter((f) => f.endsWith('.ts')).map((f) => ({ f, text: readFileSync(join(electronDir, f), 'utf8') }));
    const windows = sources.flatMap(({ f, text }) => [...text.matchAll(/new BrowserWindow\(([^)]*)\)/g)].map((m) => `${f}: ${m[1]}`));
    expect(windows).toEqual(['main.ts: windowOptions(preloadFile, APP_TITLE']);
    const main = sources.find((s) => s.f === 'main.ts')!.text;
    expect(main).toMatch(/const preloadFile = fileURLToPath\(new URL\('\.\.\/preload\/preload\.cjs', import\.meta\.url\)\);/);
    expect(main).toMatch(/app\.on\('web-contents-created', \(_event, contents\) => lockDownContents\(contents\)\);/);
    expect(main).toMatch(/app\.enableSandbox\(\);/);
    const elsewhere = sources.filter(({ f, text }) => f !== 'window-security.ts' && /\bpreload\s*:|setPreloads|webPreferences/.test(text)).map((s) => s.f);
    expect(elsewhere).toEqual([]);
  });
});

/** A web contents that records what is registered on it. */
function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }, ...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, listener: (event: { preventDefault(): void }) => void) => {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    },
  };
  const prevented = (name: string, ...args: unknown[]): boolean => {
    let stopped = false;
    listeners.get(name)?.({ preventDefault: () => void (stopped = true) }, ...args);
    return stopped;
  };
  return { contents: contents as unknown as LockableContents, prevented, open: (url: string) => openHandler?.({ url })?.action };
}

describe('every web contents is locked down', () => {
  const { contents, prevented, open } = fakeContents();
  lockDownContents(contents);

  it('refuses to navigate, be redirected or attach a webview, wherever to', () => {
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'file:///app/out/renderer/index.html']) {
      expect(prevented('will-navigate', url), url).toBe(true);
      expect(prevented('will-redirect', url), url).toBe(true);
    }
    expect(prevented('will-attach-webview')).toBe(true);
  });

  it('denies window.open and target=_blank links, our own pages included', () => {
    expect(open('https://example.com/')).toBe('deny');
    expect(open('file:///app/out/renderer/index.html')).toBe('deny');
    expect(open('about:blank')).toBe('deny');
  });
});
