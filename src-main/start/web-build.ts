import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The folders and files the browser bundle (dist-web/) is built from. */
const BUNDLE_SOURCES = ['src-renderer', 'src-core', 'vite.web.config.ts', 'package-lock.json'];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, name)));
  return newest;
}

/** dist-web/ is missing, or older than one of its sources. */
export function webBuildStale(root: string): boolean {
  const built = join(root, 'dist-web', 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return BUNDLE_SOURCES.some((s) => newestChange(join(root, s)) > builtAt);
}

/**
 * Builds dist-web/ with vite when it is stale; false when the build failed (vite said why). Always the
 * production bundle: started from a test runner (NODE_ENV=test) vite bundled React's development build,
 * 762 KB before the first paint instead of 554 (issue #18 allows 700; the e2e suite's npm start rebuilt so).
 */
export function ensureWebBuild(root: string): boolean {
  if (!webBuildStale(root)) return true;
  console.log('构建浏览器版界面… / building the browser UI (dist-web/)…');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const env = { ...process.env, NODE_ENV: 'production' };
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env });
  return r.status === 0;
}
