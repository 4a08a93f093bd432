import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

/**
 * The Electron binary, as electron ≥ 45 ships it: the npm package has no install script; its
 * `install.js` downloads the binary on demand and writes `path.txt`, which electron-vite reads (and
 * throws "Electron uninstall" without). So `npm start` makes it present first.
 */

export type InstallResult = { ok: true } | { ok: false; detail: string };

function electronPackageDir(root: string): string | undefined {
  try {
    return dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/** Whether the binary is there: `path.txt` names it and the file exists. */
export function electronBinaryPresent(root: string): boolean {
  const dir = electronPackageDir(root);
  if (!dir) return false;
  try {
    const relative = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    return relative !== '' && existsSync(process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative) : join(dir, 'dist', relative));
  } catch {
    return false;
  }
}

/** Runs electron's own installer (it downloads the binary); its last output line says why it failed. */
export function installElectron(root: string, timeoutMs: number): Promise<InstallResult> {
  const dir = electronPackageDir(root);
  if (!dir) return Promise.resolve({ ok: false, detail: 'the electron package is not installed (npm install)' });
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(dir, 'install.js')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (b: Buffer): void => {
      output = (output + b.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      done({ ok: false, detail: e.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return done({ ok: true });
      const last = output.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
      done({ ok: false, detail: signal ? `no answer in ${Math.round(timeoutMs / 1000)} s` : last || `exit ${code}` });
    });
  });
}
