import { chromium, type Browser, type BrowserContext } from 'playwright-core';
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

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--font-render-hinting=none'];
const CHROMIUM_ENV = { ...process.env, FONTCONFIG_FILE: TEST_FONTCONFIG };

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, env: CHROMIUM_ENV, args: CHROMIUM_ARGS });
}

/**
 * Chromium with a profile folder, as a user's browser is: its HTTP cache is on disk and outlives the
 * browser (a plain launch keeps an in-memory cache too small for a CJK face).
 */
export async function launchChromiumWithProfile(userDataDir: string, options: { viewport?: { width: number; height: number } } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM_PATH, env: CHROMIUM_ENV, args: CHROMIUM_ARGS, viewport: options.viewport ?? { width: 1440, height: 950 }, deviceScaleFactor: 1 });
}
