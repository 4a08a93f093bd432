import { spawn, type ChildProcess } from 'node:child_process';
import { root } from './workspace-support';

/**
 * The web host in a process of its own, so that it can be killed as a crash would kill it: one node
 * process (no tsx wrapper), so that SIGKILL takes the host and its sharing server down at once.
 * `secret`: the API's secret, the same across a restart (the pages keep the one of the index.html
 * they loaded). Resolves once it listens.
 */
export function startHostProcess(port: number, sandbox: string, options: { secret?: string; args?: string[] } = {}): Promise<ChildProcess> {
  const env = options.secret === undefined ? process.env : { ...process.env, BANMIAN_WEB_SECRET: options.secret };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/web-host/server.ts', '--port', String(port), '--sandbox', sandbox, ...(options.args ?? [])], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env });
  return new Promise((done, fail) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('browser host') && done(child));
    child.once('exit', (code) => fail(new Error(`web host exited with ${code}`)));
  });
}
