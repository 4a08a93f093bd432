import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { findProjectRoot } from '../host/handlers';
import { foregroundOptions, serveInForeground } from '../web-host/foreground';
import { startWebHost } from '../web-host/server';
import { chooseHost, type HostChoice } from './choose-host';
import { electronBinaryPresent, installElectron } from './electron-binary';
import { openInBrowser } from './open-browser';
import { ensureWebBuild } from './web-build';

/**
 * `npm start`: the Electron app where it can run, else the same UI on the browser host (see
 * choose-host.ts). Options after `--`: `--browser` (skip Electron), `--port N`, `--pages DIR`,
 * `--no-open` (do not open the default browser).
 */

const INSTALL_TIMEOUT_MS = 10 * 60_000;

async function main(argv: string[]): Promise<void> {
  const root = findProjectRoot();
  const choice = await chooseHost({
    platform: process.platform,
    browserAsked: argv.includes('--browser') || process.env.BANMIAN_HOST === 'browser',
    downloadSkipped: !!process.env.ELECTRON_SKIP_BINARY_DOWNLOAD,
    binaryPresent: () => electronBinaryPresent(root),
    install: () => {
      console.log('正在下载 Electron 程序… / downloading the Electron binary…');
      return installElectron(root, INSTALL_TIMEOUT_MS);
    },
    hasDisplay: () => process.platform !== 'linux' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY),
  });
  if (choice.host === 'electron') return runElectron(root);
  await runBrowserHost(root, choice, argv);
}

function runElectron(root: string): void {
  const child = spawn(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'dev'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
}

async function runBrowserHost(root: string, why: Extract<HostChoice, { host: 'browser' }>, argv: string[]): Promise<void> {
  console.log(`未启动桌面版：${why.zh}。改用浏览器版，界面和功能相同。`);
  console.log(`The desktop app was not started: ${why.en}. Starting the same UI on the browser host instead.`);
  if (!ensureWebBuild(root)) {
    console.error('浏览器版界面构建失败（见上） / building the browser UI failed (see above)');
    process.exit(1);
  }
  const host = await serveInForeground(foregroundOptions(argv), startWebHost);
  if (!argv.includes('--no-open')) openInBrowser(host.url);
}

await main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`启动失败 / start failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
