import { spawn } from 'node:child_process';

/** The platform's "open this URL" command, or undefined where there is no desktop to open it on. */
export function openCommand(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): [string, string[]] | undefined {
  if (platform === 'darwin') return ['open', []];
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""']];
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return ['xdg-open', []];
  return undefined;
}

/** Opens the URL in the default browser where there is one; a missing opener is not an error. */
export function openInBrowser(url: string): void {
  const command = openCommand(process.platform, process.env);
  if (!command) return;
  try {
    const child = spawn(command[0], [...command[1], url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no opener: the URL is printed, which is enough
  }
}
