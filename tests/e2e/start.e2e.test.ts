import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { findProjectRoot } from '../../src-main/host/handlers';
import { electronBinaryPresent } from '../../src-main/start/electron-binary';
import { chromiumAvailable, launchChromium } from '../support/browser';

/**
 * `npm start` exactly as the README says, on a machine like these: no Electron binary can be
 * downloaded and there is no display, so it must say why and serve the app on the browser host.
 * (Where a binary and a display exist, npm start opens the desktop app instead: skipped there.)
 */
const root = findProjectRoot();
const desktopHere = electronBinaryPresent(root) && !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

describe.skipIf(!chromiumAvailable() || desktopHere)('npm start without Electron', () => {
  const pages = mkdtempSync(join(tmpdir(), 'banmian-npm-start-'));
  let blocker: Server;
  let taken: number;
  let child: ChildProcess;
  let output = '';
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    // the usual port is taken: npm start must move to the next free one
    blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', () => done()));
    taken = (blocker.address() as { port: number }).port;
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    child = spawn(npm, ['start', '--', '--port', String(taken)], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BANMIAN_PAGES: pages, DISPLAY: '', WAYLAND_DISPLAY: '' } });
    child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
    url = await new Promise<string>((done, fail) => {
      child.stdout!.on('data', () => {
        const m = /browser host: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (m) done(m[1]);
      });
      child.once('exit', (code) => fail(new Error(`npm start exited (${code}) before serving:\n${output}`)));
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
    blocker?.close();
    rmSync(pages, { recursive: true, force: true });
  });

  it('says in Chinese and English why the desktop app was not started', () => {
    expect(output).toContain('未启动桌面版：');
    expect(output).toContain('The desktop app was not started: ');
    expect(output).toMatch(/Electron|DISPLAY/);
    expect(output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });

  it('serves on 127.0.0.1, on the next free port, and prints the pages folder', () => {
    const port = Number(new URL(url).port);
    expect(port).toBeGreaterThan(taken);
    expect(output).toContain(`pages folder: ${pages}`);
  });

  it('serves the app, which opens the sample page', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(url);
    await page.waitForSelector('.status[data-state="ready"], .status[data-state="error"]', { timeout: 90_000 });
    expect(await page.locator('.status').getAttribute('data-state')).toBe('ready');
    expect(await page.getByTestId('doc-title').innerText()).toContain('洛阳日报');
    expect((await page.locator('[data-testid="page"] svg text').allTextContents()).some((t) => t.includes('真抓实干谋发展'))).toBe(true);
    await page.screenshot({ path: join(root, 'test-results', 'npm-start-browser-host.png') });
    await page.close();
  });

  it('stops on Ctrl+C (SIGINT to its process group) and frees the port', async () => {
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    process.kill(-child.pid!, 'SIGINT');
    await exited;
    expect(output).toContain('stopping');
    await expect(fetch(url)).rejects.toThrow();
  });
});
