// The font tests' fonts from Debian, downloaded with apt-get and unpacked into the project's
// .cache/test-fonts — never installed system-wide, so that the browser tests cannot fall back to a
// system Chinese face and hide a font the app forgot to bundle:
//   fonts-noto-cjk: CFF collections (NotoSerifCJK-Regular.ttc, …);
//   fonts-cwtex-fs: cwTeX 仿宋 (cwfs.ttf, GPL-2+ with the font exception), a 仿宋 to render pages
//   in (no 仿宋 with an open licence is on npm, so none is bundled).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const TEST_FONTS = '.cache/test-fonts';
/** Each Debian package and a file it unpacks (its presence means the package is there). */
const PACKAGES = [
  { name: 'fonts-noto-cjk', file: 'usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc' },
  { name: 'fonts-cwtex-fs', file: 'usr/share/fonts/truetype/cwtex/cwfs.ttf' },
];

/** Unpacks the packages that are not there yet; says why when it cannot (the font tests then fail naming the file). */
export function ensureTestFonts() {
  for (const { name, file } of PACKAGES) {
    if (existsSync(join(TEST_FONTS, file))) continue;
    mkdirSync(TEST_FONTS, { recursive: true });
    const download = spawnSync('apt-get', ['download', name], { cwd: '.cache', stdio: 'ignore' });
    const deb = readdirSync('.cache').find((f) => f.startsWith(`${name}_`) && f.endsWith('.deb'));
    if (download.status !== 0 || !deb) {
      console.log(`测试字体未能下载（需要 apt-get 与 Debian 软件源）：${name} → ${join(TEST_FONTS, file)} / The test fonts could not be downloaded (apt-get and a Debian mirror needed): ${name} → ${join(TEST_FONTS, file)}`);
      continue;
    }
    spawnSync('dpkg', ['-x', join('.cache', deb), TEST_FONTS], { stdio: 'inherit' });
    rmSync(join('.cache', deb), { force: true });
  }
}
