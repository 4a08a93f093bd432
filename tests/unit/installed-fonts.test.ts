import { closeSync, copyFileSync, fstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, truncateSync, writeFileSync, chmodSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFontFaces } from '../../src-core/fonts/sfnt-info';
import { installedFontRoots, listInstalledFonts } from '../../src-main/fonts/installed';
import { fontProvider } from '../../src-main/fonts/provider';
import { NOTO_CJK_DIR } from './test-fonts';

const fromBytes = (bytes: Uint8Array) => readFontFaces((offset, length) => bytes.subarray(offset, offset + length), bytes.length);

describe('the installed fonts of a folder (Debian fonts-noto-cjk, unpacked)', () => {
  const listed = listInstalledFonts([NOTO_CJK_DIR]);

  it('lists every face of the four CFF collections, with its face index, and no problems', () => {
    expect(listed.problems).toEqual([]);
    const files = [...new Set(listed.faces.map((f) => f.file.slice(NOTO_CJK_DIR.length).replace(/^\//, '')))];
    expect(files).toEqual(['NotoSansCJK-Bold.ttc', 'NotoSansCJK-Regular.ttc', 'NotoSerifCJK-Bold.ttc', 'NotoSerifCJK-Regular.ttc']);
    const serif = listed.faces.filter((f) => f.file.endsWith('NotoSerifCJK-Regular.ttc'));
    // the collection's faces in file order (fontconfig's #index): SC is not first, so the index matters
    expect(serif.map((f) => f.index)).toEqual(serif.map((_, i) => i));
    expect(serif.every((f) => f.format === 'cff')).toBe(true);
  });

  it('names a face in Chinese and English (typographic family and style) and reads its licence and coverage', () => {
    const sc = listed.faces.find((f) => f.file.endsWith('NotoSerifCJK-Regular.ttc') && f.family === 'Noto Serif CJK SC');
    // fc-query -i 2 names the same face; Noto CJK's zh-CN name record is its English name.
    expect(sc).toMatchObject({ index: 2, familyZh: 'Noto Serif CJK SC', style: 'Regular', postscriptName: 'NotoSerifCJKsc-Regular', fsType: 0, licence: 'installable', embeddable: true, format: 'cff' });
    // 20,971 of the 20,992 code points of U+4E00–U+9FFF, as fontkit counts them too.
    expect(sc!.coverage).toEqual({ cjkIdeographs: 20971, gb2312: true });
    const boldSans = listed.faces.find((f) => f.file.endsWith('NotoSansCJK-Bold.ttc') && f.family === 'Noto Sans CJK SC');
    expect(boldSans).toMatchObject({ index: 2, style: 'Bold', postscriptName: 'NotoSansCJKsc-Bold' });
    // the traditional-Chinese face has a zh-TW name only: still its Chinese name
    expect(listed.faces.find((f) => f.postscriptName === 'NotoSerifCJKtc-Regular')).toMatchObject({ index: 3, familyZh: 'Noto Serif CJK TC', coverage: { gb2312: false } });
  });
});

describe('the table reader on the bundled faces (TrueType, and the same numbers fontkit reads)', () => {
  it('reads name, licence and coverage of a single TrueType face', () => {
    const fonts = fontProvider();
    const [kai] = fromBytes(fonts.bytes('kai-regular')!);
    expect(kai).toMatchObject({ index: 0, format: 'truetype', family: 'LXGW WenKai', familyZh: '霞鹜文楷', postscriptName: 'LXGWWenKai-Regular', fsType: 0 });
    const face = fonts.registry().faceById('song-regular')!;
    const [song] = fromBytes(face.bytes);
    let mapped = 0;
    for (let cp = 0x4e00; cp <= 0x9fff; cp++) if (face.hasGlyph(cp)) mapped++;
    expect(song.coverage.cjkIdeographs).toBe(mapped);
    expect(song.postscriptName).toBe(face.postscriptName);
  });
});

describe('the table reader refuses what it cannot list, by content whatever the name', () => {
  const fails = (bytes: Uint8Array) => {
    try {
      fromBytes(bytes);
    } catch (e) {
      return `${(e as { zh: string }).zh} / ${(e as { en: string }).en}`;
    }
    return 'no error';
  };
  const ascii = (s: string) => new TextEncoder().encode(s.padEnd(64, ' '));

  it('names WOFF, Type 1, an implausible collection and a table past the end', () => {
    expect(fails(ascii('wOF2'))).toBe('是网页字体（WOFF2），不是安装用的字体 / is a web font (WOFF2), not an installable font');
    expect(fails(ascii('wOFF'))).toBe('是网页字体（WOFF），不是安装用的字体 / is a web font (WOFF), not an installable font');
    expect(fails(ascii('%!PS-AdobeFont-1.0: Foo'))).toBe('是 Type 1 字体，不受支持 / is a Type 1 font, which is not supported');
    const ttc = ascii('ttcf');
    new DataView(ttc.buffer).setUint32(8, 100_000);
    expect(fails(ttc)).toBe('字体集的字体数 100000 不合理 / is a collection of an implausible 100000 faces');
    const noto = new Uint8Array(readFileSync(join(NOTO_CJK_DIR, 'NotoSerifCJK-Regular.ttc')).subarray(0, 200_000));
    expect(fails(noto)).toBe('被截断或已损坏（表超出文件末尾） / is truncated or damaged (a table runs past its end)');
    const empty = new Uint8Array(12);
    empty.set([0x4f, 0x54, 0x54, 0x4f]); // 'OTTO' with no tables
    expect(fails(empty)).toBe('第 0 个字体没有 name 表 / face 0 has no name table');
  });
});

describe('bad input in a font folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-fonts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const noto = join(NOTO_CJK_DIR, 'NotoSansCJK-Regular.ttc');

  it('names each unusable file in zh and en and still lists the good ones', () => {
    copyFileSync(noto, join(dir, 'good.ttc'));
    writeFileSync(join(dir, 'cut.ttc'), readFileSync(noto).subarray(0, 4000));
    writeFileSync(join(dir, 'garbage.ttf'), 'this is not a font, just some words in a file');
    writeFileSync(join(dir, 'web.woff2'), 'wOF2');
    writeFileSync(join(dir, 'old.pfb'), '\x80\x01');
    writeFileSync(join(dir, 'README'), 'not a font and not named like one: passed over');
    mkdirSync(join(dir, 'sub'));
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    const locked = join(dir, 'sub', 'locked.otf');
    writeFileSync(locked, 'x');
    chmodSync(locked, 0);
    const { faces, problems } = listInstalledFonts([dir, join(dir, 'no-such-folder')]);
    expect(new Set(faces.map((f) => f.file))).toEqual(new Set([join(dir, 'good.ttc')]));
    expect(faces.length).toBeGreaterThan(5);
    const byFile = Object.fromEntries(problems.map((p) => [p.file.slice(dir.length + 1), p]));
    expect(byFile['cut.ttc'].zh).toBe(`字体文件 ${join(dir, 'cut.ttc')} 被截断或已损坏（表超出文件末尾）`);
    expect(byFile['cut.ttc'].en).toBe(`Font file ${join(dir, 'cut.ttc')} is truncated or damaged (a table runs past its end)`);
    expect(byFile['garbage.ttf'].en).toContain('is not a TrueType or OpenType font');
    expect(byFile['web.woff2'].zh).toContain('网页字体（WOFF2），不受支持');
    expect(byFile['old.pfb'].en).toContain('is a Type 1 font, which is not supported');
    // root reads every file whatever its mode; only an unprivileged user sees the permission problem
    if (process.getuid?.() !== 0) expect(byFile['sub/locked.otf'].en).toContain('permission denied');
    else expect(byFile['sub/locked.otf'].en).toContain('is truncated or damaged');
    expect(Object.keys(byFile).sort()).toEqual(['cut.ttc', 'garbage.ttf', 'old.pfb', 'sub/locked.otf', 'web.woff2']);
  });
});

describe('permission errors, really met', () => {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-fonts-denied-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /**
   * `fonts --json --dir` in a process of its own: as `nobody` when this runs as root (CI does), since
   * root reads every file whatever its mode and would never meet EACCES.
   */
  function listAsUnprivileged(folder: string): { fonts: { file: string }[]; problems: { file: string; zh: string; en: string }[] } {
    const cache = join(dir, 'cache');
    mkdirSync(cache, { recursive: true, mode: 0o777 });
    chmodSync(cache, 0o777);
    const cli = [join(process.cwd(), 'node_modules/.bin/tsx'), join(process.cwd(), 'src-main/cli/index.ts'), 'fonts', '--json', '--dir', folder];
    const [cmd, ...args] = process.getuid?.() === 0 ? ['runuser', '-u', 'nobody', '--', ...cli] : cli;
    const json = execFileSync(cmd, args, { encoding: 'utf8', env: { ...process.env, BANMIAN_CACHE_DIR: cache }, stdio: ['ignore', 'pipe', 'ignore'] });
    return JSON.parse(json) as ReturnType<typeof listAsUnprivileged>;
  }

  it('names an unreadable file, an unreadable folder and a dangling link in plain words, and still lists the rest', () => {
    const fonts = join(dir, 'fonts');
    mkdirSync(join(fonts, 'closed'), { recursive: true });
    chmodSync(dir, 0o755);
    copyFileSync(join(NOTO_CJK_DIR, 'NotoSansCJK-Regular.ttc'), join(fonts, 'closed', 'inside.ttc'));
    copyFileSync(join(NOTO_CJK_DIR, 'NotoSansCJK-Regular.ttc'), join(fonts, 'locked.ttc'));
    chmodSync(join(fonts, 'locked.ttc'), 0);
    chmodSync(join(fonts, 'closed'), 0);
    symlinkSync(join(fonts, 'gone.ttf'), join(fonts, 'dangling.ttf'));
    copyFileSync(join(NOTO_CJK_DIR, 'NotoSerifCJK-Regular.ttc'), join(fonts, 'good.ttc'));
    const { fonts: listed, problems } = listAsUnprivileged(fonts);
    expect(new Set(listed.map((f) => f.file))).toEqual(new Set([join(fonts, 'good.ttc')]));
    const byName = Object.fromEntries(problems.map((p) => [p.file.slice(fonts.length + 1), p]));
    expect(Object.keys(byName).sort()).toEqual(['closed', 'dangling.ttf', 'locked.ttc']);
    expect(byName['locked.ttc']).toMatchObject({ zh: `字体文件 ${join(fonts, 'locked.ttc')} 没有读取权限`, en: `Font file ${join(fonts, 'locked.ttc')} cannot be read (permission denied)` });
    expect(byName.closed).toMatchObject({ zh: `字体文件夹 ${join(fonts, 'closed')} 没有读取权限`, en: `Font folder ${join(fonts, 'closed')} cannot be read (permission denied)` });
    expect(byName['dangling.ttf'].zh).toBe(`字体文件 ${join(fonts, 'dangling.ttf')} 不存在（或是指向不存在之处的链接）`);
    expect(byName['dangling.ttf'].en).not.toMatch(/ENOENT|Error/);
  });
});

describe('large fonts and large folders', () => {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-fonts-large-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists a 60 MB collection from its tables, reading under 2 MB of it', () => {
    const big = join(dir, 'big', 'Big.ttc');
    mkdirSync(join(dir, 'big'));
    copyFileSync(join(NOTO_CJK_DIR, 'NotoSerifCJK-Regular.ttc'), big);
    truncateSync(big, 60 << 20); // the tables stay where they were; the rest is zeros (sparse on disk)
    const fd = openSync(big, 'r');
    let read = 0;
    try {
      const faces = readFontFaces((offset, length) => {
        const buffer = new Uint8Array(length);
        read += readSync(fd, buffer, 0, length, offset);
        return buffer;
      }, fstatSync(fd).size);
      expect(faces.map((f) => f.postscriptName)).toContain('NotoSerifCJKsc-Regular');
    } finally {
      closeSync(fd);
    }
    expect(read).toBeLessThan(2 << 20);
    const { faces, problems } = listInstalledFonts([join(dir, 'big')], { cacheFile: null });
    expect([faces.length, problems]).toEqual([5, []]);
  });

  it('names each of 3,000 unusable files in a folder once and still lists the one good font', () => {
    const many = join(dir, 'many');
    mkdirSync(many);
    for (let i = 0; i < 3000; i++) writeFileSync(join(many, `bad-${i}.ttf`), `not a font ${i}`);
    copyFileSync(join(NOTO_CJK_DIR, 'NotoSansCJK-Bold.ttc'), join(many, 'good.ttc'));
    const { faces, problems } = listInstalledFonts([many], { cacheFile: null });
    expect(new Set(faces.map((f) => f.file))).toEqual(new Set([join(many, 'good.ttc')]));
    expect(new Set(problems.map((p) => p.file)).size).toBe(3000);
    expect(problems.every((p) => p.zh.includes(p.file) && p.en.includes(p.file))).toBe(true);
  });
});

describe('installedFontRoots', () => {
  it('gives the system and per-user font folders of each platform', () => {
    expect(installedFontRoots('win32', { WINDIR: 'C:\\Windows', LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local' }, 'C:\\Users\\li').map((p) => p.replace(/\\/g, '/'))).toEqual(['C:/Windows/Fonts', 'C:/Users/li/AppData/Local/Microsoft/Windows/Fonts']);
    expect(installedFontRoots('darwin', {}, '/Users/li')).toEqual(['/System/Library/Fonts', '/Library/Fonts', '/Users/li/Library/Fonts']);
    expect(installedFontRoots('linux', {}, '/home/li')).toEqual(['/usr/share/fonts', '/usr/local/share/fonts', '/home/li/.local/share/fonts', '/home/li/.fonts']);
  });

  it('on Linux adds every folder fontconfig’s configuration names (fonts.conf, local.conf, conf.d), each once', () => {
    const etc = mkdtempSync(join(tmpdir(), 'banmian-fontconfig-'));
    try {
      mkdirSync(join(etc, 'conf.d'));
      writeFileSync(join(etc, 'fonts.conf'), '<fontconfig><dir>/usr/share/fonts</dir><dir prefix="xdg">fonts</dir><!-- <dir>/commented/out</dir> --><include ignore_missing="yes">conf.d</include></fontconfig>');
      writeFileSync(join(etc, 'local.conf'), '<fontconfig>\n  <dir>/opt/founder/fonts</dir>\n</fontconfig>');
      writeFileSync(join(etc, 'conf.d', '60-newsroom.conf'), '<fontconfig><dir> ~/报社字体 </dir><dir>relative/passed-over</dir></fontconfig>');
      writeFileSync(join(etc, 'conf.d', 'README'), '<dir>/not/a/conf/file</dir>');
      expect(installedFontRoots('linux', { FONTCONFIG_FILE: join(etc, 'fonts.conf'), XDG_DATA_HOME: '/home/li/data' }, '/home/li')).toEqual([
        '/usr/share/fonts', '/usr/local/share/fonts', '/home/li/data/fonts', '/home/li/.fonts', '/opt/founder/fonts', '/home/li/报社字体',
      ]);
      expect(installedFontRoots('linux', { FONTCONFIG_FILE: join(etc, 'missing', 'fonts.conf') }, '/home/li')).toEqual(['/usr/share/fonts', '/usr/local/share/fonts', '/home/li/.local/share/fonts', '/home/li/.fonts']);
    } finally {
      rmSync(etc, { recursive: true, force: true });
    }
  });
});
