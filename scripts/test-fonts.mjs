// The font tests' CFF collections: Debian's fonts-noto-cjk (.ttc), downloaded with apt-get and
// unpacked into the project's .cache/test-fonts — never installed system-wide, so that the browser
// tests cannot fall back to a system Chinese face and hide a font the app forgot to bundle.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const TEST_FONTS = '.cache/test-fonts';
const FONTS = join(TEST_FONTS, 'usr/share/fonts/opentype/noto');

/** Unpacks the collections when they are not there yet; says why when it cannot (the font tests then fail naming the folder). */
export function ensureTestFonts() {
  if (existsSync(FONTS)) return;
  mkdirSync(TEST_FONTS, { recursive: true });
  const download = spawnSync('apt-get', ['download', 'fonts-noto-cjk'], { cwd: '.cache', stdio: 'ignore' });
  const deb = existsSync('.cache') ? readdirSync('.cache').find((f) => f.startsWith('fonts-noto-cjk_') && f.endsWith('.deb')) : undefined;
  if (download.status !== 0 || !deb) {
    console.log(`测试字体未能下载（需要 apt-get 与 Debian 软件源）：${FONTS} / The test fonts could not be downloaded (apt-get and a Debian mirror needed): ${FONTS}`);
    return;
  }
  spawnSync('dpkg', ['-x', join('.cache', deb), TEST_FONTS], { stdio: 'inherit' });
  rmSync(join('.cache', deb), { force: true });
}
