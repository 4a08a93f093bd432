import { chmodSync, copyFileSync, mkdirSync, statSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listInstalledFonts, readFontFile } from '../../src-main/fonts/installed';
import { listingCacheFile } from '../../src-main/fonts/listing-cache';
import { NOTO_CJK_DIR } from './test-fonts';

describe('the installed-font listing cache (path + size + mtime + ctime)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-font-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fonts = join(dir, 'fonts');
  const cacheFile = join(dir, 'cache', 'installed-fonts.json');
  const reads: string[] = [];
  const counting = (file: string) => (reads.push(file.slice(fonts.length + 1)), readFontFile(file));
  /** One listing through the cache; the files it opened, in order. */
  const list = (file: string | null = cacheFile) => {
    reads.length = 0;
    const result = listInstalledFonts([fonts], { cacheFile: file, readFaces: counting });
    return { ...result, reads: [...reads] };
  };
  const facesOf = (r: ReturnType<typeof list>) => r.faces.map((f) => `${f.file.slice(fonts.length + 1)}#${f.index} ${f.postscriptName}`);

  mkdirSync(fonts);
  symlinkSync(join(NOTO_CJK_DIR, 'NotoSansCJK-Regular.ttc'), join(fonts, 'a.ttc'));
  symlinkSync(join(NOTO_CJK_DIR, 'NotoSerifCJK-Regular.ttc'), join(fonts, 'b.ttc'));
  copyFileSync(join(NOTO_CJK_DIR, 'NotoSansCJK-Bold.ttc'), join(fonts, 'c.ttc'));
  writeFileSync(join(fonts, 'cut.ttc'), readFileSync(join(NOTO_CJK_DIR, 'NotoSansCJK-Regular.ttc')).subarray(0, 4000));
  const uncached = list(null);

  it('reads every file the first time and none of them the second, listing the same faces and problems', () => {
    expect(uncached.reads).toEqual(['a.ttc', 'b.ttc', 'c.ttc', 'cut.ttc']);
    const first = list();
    expect(first.reads).toEqual(['a.ttc', 'b.ttc', 'c.ttc', 'cut.ttc']);
    expect(first.faces).toEqual(uncached.faces);
    const second = list();
    expect(second.reads).toEqual([]);
    expect(second.faces).toEqual(uncached.faces);
    // the damaged file is named again without being opened
    expect(second.problems).toEqual(uncached.problems);
    expect(second.problems.map((p) => p.en)).toEqual([`Font file ${join(fonts, 'cut.ttc')} is truncated or damaged (a table runs past its end)`]);
  });

  it('reads again a file whose time or size changed, and only that one', () => {
    list();
    utimesSync(join(fonts, 'c.ttc'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(list().reads).toEqual(['c.ttc']);
    expect(list().reads).toEqual([]);
    // other bytes under the same name: its new faces are listed
    copyFileSync(join(NOTO_CJK_DIR, 'NotoSerifCJK-Bold.ttc'), join(fonts, 'c.ttc'));
    const changed = list();
    expect(changed.reads).toEqual(['c.ttc']);
    expect(facesOf(changed).filter((f) => f.startsWith('c.ttc#2'))).toEqual(['c.ttc#2 NotoSerifCJKsc-Bold']);
  });

  it('reads again a file whose mode changed (its ctime, not its mtime): one made unreadable is named at once', () => {
    const file = join(fonts, 'c.ttc');
    // What a user other than root meets opening a file without read permission (root reads it regardless).
    const permitted = (f: string) => {
      if ((statSync(f).mode & 0o444) === 0) throw Object.assign(new Error(`EACCES: permission denied, open '${f}'`), { code: 'EACCES' });
      return counting(f);
    };
    const listPermitted = () => {
      reads.length = 0;
      return { ...listInstalledFonts([fonts], { cacheFile, readFaces: permitted }), reads: [...reads] };
    };
    listPermitted();
    expect(listPermitted().reads).toEqual([]);
    const { mtimeMs } = statSync(file);
    chmodSync(file, 0o000);
    try {
      expect(statSync(file).mtimeMs).toBe(mtimeMs);
      const r = listPermitted();
      expect(r.problems.map((p) => p.file)).toEqual([join(fonts, 'c.ttc'), join(fonts, 'cut.ttc')].sort());
      expect(r.problems.find((p) => p.file === file)!.en).toBe(`Font file ${file} cannot be read (permission denied)`);
      expect(facesOf(r).some((f) => f.startsWith('c.ttc'))).toBe(false);
    } finally {
      chmodSync(file, 0o644);
    }
    // Readable again: read once more, then known.
    expect(listPermitted().reads).toEqual(['c.ttc']);
    expect(listPermitted().reads).toEqual([]);
  });

  it('survives a damaged cache file: ignored, every file read, the cache written anew', () => {
    const expected = facesOf(list());
    for (const damage of ['not json at all', readFileSync(cacheFile, 'utf8').slice(0, 300), '{"version":1,"files":"x"}', 'null', '{"version":999,"files":[]}']) {
      writeFileSync(cacheFile, damage);
      const r = list();
      expect(r.reads).toEqual(['a.ttc', 'b.ttc', 'c.ttc', 'cut.ttc']);
      expect(facesOf(r)).toEqual(expected);
      expect(list().reads).toEqual([]);
    }
  });

  it('reads again only the file whose entry is malformed', () => {
    list();
    const text = readFileSync(cacheFile, 'utf8').replace(/"postscriptName":"NotoSansCJKjp-Regular"/, '"postscriptName":42');
    writeFileSync(cacheFile, text);
    expect(list().reads).toEqual(['a.ttc']);
  });

  it('lists without a cache it cannot write (its folder is a file)', () => {
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file where the cache folder would be');
    const expected = facesOf(list(null));
    const r = list(join(blocked, 'installed-fonts.json'));
    expect(facesOf(r)).toEqual(expected);
    expect(r.reads).toHaveLength(4);
  });
});

describe('listingCacheFile', () => {
  it('is in the user cache folder of each platform, or BANMIAN_CACHE_DIR', () => {
    expect(listingCacheFile('linux', {}, '/home/li')).toBe('/home/li/.cache/banmian/installed-fonts.json');
    expect(listingCacheFile('linux', { XDG_CACHE_HOME: '/var/cache/li' }, '/home/li')).toBe('/var/cache/li/banmian/installed-fonts.json');
    expect(listingCacheFile('darwin', {}, '/Users/li')).toBe('/Users/li/Library/Caches/Banmian/installed-fonts.json');
    expect(listingCacheFile('win32', { LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local' }, 'C:\\Users\\li').replace(/\\/g, '/')).toBe('C:/Users/li/AppData/Local/Banmian/Cache/installed-fonts.json');
    expect(listingCacheFile('linux', { BANMIAN_CACHE_DIR: '/tmp/bm' }, '/home/li')).toBe('/tmp/bm/installed-fonts.json');
  });

  it('is, for the test run (vitest global setup) and the programs its tests start, a temporary folder, never the user’s', () => {
    const dir = process.env.BANMIAN_CACHE_DIR ?? '';
    expect(dir.startsWith(join(tmpdir(), 'banmian-test-cache-'))).toBe(true);
    expect(listingCacheFile()).toBe(join(dir, 'installed-fonts.json'));
    expect(execFileSync(process.execPath, ['-p', 'process.env.BANMIAN_CACHE_DIR'], { encoding: 'utf8' }).trim()).toBe(dir);
  });
});
