import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Debian's Chromium: Playwright's own browser download is not reachable here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * The fonts the launched Chromium sees: the machine's, less every face with Chinese in it, so text
 * the app draws without its bundled faces shows as □, as for a user without Chinese system fonts.
 */
export const TEST_FONTCONFIG = fileURLToPath(new URL('./fontconfig/fonts.conf', import.meta.url));

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    env: { ...process.env, FONTCONFIG_FILE: TEST_FONTCONFIG },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--font-render-hinting=none'],
  });
}
