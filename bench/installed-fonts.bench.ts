/**
 * Listing installed fonts, reading each file's name, OS/2 and cmap tables only. The set: 300 CJK
 * collection files (links to Debian's four Noto CJK .ttc, 75 each, in a temporary folder; .ci/run
 * unpacks them into .cache/test-fonts), listed with an empty app cache (every file read, the cache
 * written; several runs, each with a fresh cache, median; the OS file cache is warm, so this is not
 * a cold boot) and again from the cache (a stat per file). Then this machine's own fonts, without the
 * cache. One printed line per figure. The files' bytes are in the OS file cache after the first read.
 * Run: npx tsx bench/installed-fonts.bench.ts
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listInstalledFonts, type InstalledFonts } from '../src-main/fonts/installed';
import { NOTO_CJK_DIR } from '../tests/unit/test-fonts';
import { median, printFigure } from './stats';

const FILES = 300;
const FIRST_RUNS = 7;
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
    // "first": the app's cache empty (a new cache file each run), the OS file cache warm (the same 4 files' bytes after the first run): not a cold boot
    const firsts: number[] = [];
    let cacheFile = '';
    for (let run = 0; run < FIRST_RUNS; run++) {
      cacheFile = join(dir, `cache-${run}`, 'installed-fonts.json');
      const start = performance.now();
      listInstalledFonts([fonts], { cacheFile });
      firsts.push(performance.now() - start);
    }
    printFigure('installed-fonts-list-first, median', Math.round(median(firsts) * 10) / 10, 'ms', `${FILES} font files, ${FIRST_RUNS} runs each with an empty app cache (every file read, the cache written) and a warm OS file cache; not a cold boot`);
    const kb = Math.round(statSync(cacheFile).size / 1024);
    timed('installed-fonts-list-cached', () => listInstalledFonts([fonts], { cacheFile }), `, from the cache of ${kb} KB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
timed('installed-fonts-list-machine', () => listInstalledFonts(undefined, { cacheFile: null }), ', this machine, no cache');
