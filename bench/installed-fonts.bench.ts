/**
 * Listing installed fonts, reading each file's name, OS/2 and cmap tables only. The set: 300 CJK
 * collection files (links to Debian's four Noto CJK .ttc, 75 each, in a temporary folder; .ci/run
 * unpacks them into .cache/test-fonts), listed with an empty cache (every file read, the cache
 * written) and again from the cache (a stat per file). Then this machine's own fonts, without the
 * cache. One printed line per figure. The files' bytes are in the OS file cache after the first read.
 * Run: npx tsx bench/installed-fonts.bench.ts
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listInstalledFonts, type InstalledFonts } from '../src-main/fonts/installed';
import { NOTO_CJK_DIR } from '../tests/unit/test-fonts';
import { printFigure } from './stats';

const FILES = 300;
const COLLECTIONS = ['NotoSansCJK-Regular.ttc', 'NotoSansCJK-Bold.ttc', 'NotoSerifCJK-Regular.ttc', 'NotoSerifCJK-Bold.ttc'];

function timed(name: string, list: () => InstalledFonts, note = ''): void {
  const start = performance.now();
  const { faces, problems } = list();
  const ms = performance.now() - start;
  const files = new Set(faces.map((f) => f.file)).size;
  printFigure(name, Math.round(ms * 10) / 10, 'ms', `${files} font files, ${faces.length} faces, ${problems.length} files not usable${note}`);
}

if (!COLLECTIONS.every((c) => existsSync(join(NOTO_CJK_DIR, c)))) {
  console.log('installed-fonts-list (300 files): skipped (run .ci/run once to unpack the Noto CJK collections into .cache/test-fonts)');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-fonts-bench-'));
  try {
    const fonts = join(dir, 'fonts');
    mkdirSync(fonts);
    for (let i = 0; i < FILES; i++) symlinkSync(join(NOTO_CJK_DIR, COLLECTIONS[i % COLLECTIONS.length]), join(fonts, `f${String(i).padStart(3, '0')}.ttc`));
    const cacheFile = join(dir, 'cache', 'installed-fonts.json');
    timed('installed-fonts-list-first', () => listInstalledFonts([fonts], { cacheFile }), ', empty cache: every file read');
    const kb = Math.round(statSync(cacheFile).size / 1024);
    timed('installed-fonts-list-cached', () => listInstalledFonts([fonts], { cacheFile }), `, from the cache of ${kb} KB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
timed('installed-fonts-list-machine', () => listInstalledFonts(undefined, { cacheFile: null }), ', this machine, no cache');
