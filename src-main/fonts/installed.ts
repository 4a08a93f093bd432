import { kindOf } from '../import/read-file';
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, extname, isAbsolute, join, sep } from 'node:path';
import type { FontListProblem, FontSource, SourceFace } from '../../src-core/fonts/provider';
import { FontInfoError, readFontFaces, type FaceInfo } from '../../src-core/fonts/sfnt-info';
import { embeddingLicence, mayEmbedSubset } from '../../src-core/pdf';
import { listingCacheFile, loadListingCache, sameStamp, saveListingCache, stampOf, type CacheEntry, type ListedFile, type ListingCache } from './listing-cache';

/** One face of an installed font file, as the face picker and `banmian fonts` list it. */
export interface InstalledFace extends FaceInfo {
  /** The file's path; with `index`, what fontconfig calls `file#index`. */
  file: string;
  licence: ReturnType<typeof embeddingLicence>;
  /** Whether a print PDF may carry a subset of it (what preflight asks too). */
  embeddable: boolean;
}

export type { FontListProblem };

export interface InstalledFonts {
  faces: InstalledFace[];
  problems: FontListProblem[];
}

/** Files taken as fonts; web fonts and Type 1 are named as unusable rather than passed over in silence. */
const FONT_EXTENSIONS = new Set(['.ttf', '.otf', '.ttc', '.otc']);
const UNUSABLE_EXTENSIONS = new Set(['.woff', '.woff2', '.pfb', '.pfa', '.t1']);
/** Bounds on a walk: a font folder with more is cut there, with a problem saying so. */
const LIMITS = { files: 20_000, depth: 12 } as const;

/**
 * The folders fonts are installed in on `platform`: Windows' system and per-user folders, macOS's
 * system, library and user folders, and the fontconfig folders of Linux (fontconfig's defaults and
 * every `<dir>` its configuration names).
 */
export function installedFontRoots(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string[] {
  if (platform === 'win32') {
    const windows = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
    const local = env.LOCALAPPDATA ?? join(home, 'AppData', 'Local');
    return [join(windows, 'Fonts'), join(local, 'Microsoft', 'Windows', 'Fonts')];
  }
  if (platform === 'darwin') return ['/System/Library/Fonts', '/Library/Fonts', join(home, 'Library', 'Fonts')];
  const dataHome = env.XDG_DATA_HOME || join(home, '.local', 'share');
  const defaults = ['/usr/share/fonts', '/usr/local/share/fonts', join(dataHome, 'fonts'), join(home, '.fonts')];
  const configured = fontconfigFiles(env.FONTCONFIG_FILE || '/etc/fonts/fonts.conf').flatMap((text) => fontconfigDirs(text, home, dataHome));
  return [...new Set([...defaults, ...configured])];
}

/** Bounds on reading fontconfig's configuration: a file larger, or files beyond the count, are passed over. */
const FONTCONFIG_LIMITS = { files: 200, bytes: 1 << 20 } as const;

/** The text of fontconfig's main file, its local.conf and the files of its conf.d folder; unreadable ones are passed over (the defaults stand). */
function fontconfigFiles(main: string): string[] {
  const dir = dirname(main);
  let confD: string[] = [];
  try {
    confD = readdirSync(join(dir, 'conf.d')).filter((f) => f.endsWith('.conf')).sort().map((f) => join(dir, 'conf.d', f));
  } catch {
    // no conf.d
  }
  return [main, join(dir, 'local.conf'), ...confD].slice(0, FONTCONFIG_LIMITS.files).flatMap((file) => {
    try {
      return statSync(file).size <= FONTCONFIG_LIMITS.bytes ? [readFileSync(file, 'utf8')] : [];
    } catch {
      return [];
    }
  });
}

/** The `<dir>` folders of one fontconfig file: `~/` is the home folder, `prefix="xdg"` under XDG_DATA_HOME. */
export function fontconfigDirs(text: string, home: string, dataHome: string): string[] {
  const dirs: string[] = [];
  for (const [, attrs, raw] of text.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<dir(\s[^>]*)?>([^<]*)<\/dir>/g)) {
    const path = raw.trim();
    if (!path) continue;
    if (/prefix\s*=\s*["']xdg["']/.test(attrs ?? '')) dirs.push(join(dataHome, path));
    else if (path === '~' || path.startsWith('~/')) dirs.push(join(home, path.slice(1)));
    else if (isAbsolute(path)) dirs.push(path);
  }
  return dirs;
}

/** How a listing reads a file's faces and where it keeps what it read; both replaceable in tests. */
export interface ListingOptions {
  /** The cache file (`listingCacheFile()` unless given); `null`: no cache, every file is read. */
  cacheFile?: string | null;
  readFaces?: (file: string) => FaceInfo[];
}

/**
 * Every face of every font file under `roots`, read from its name, OS/2 and cmap tables only; a
 * file whose path, size and times the cache knows is not opened. A missing root is no problem (most
 * machines lack some); an unreadable or damaged file is one, named.
 */
export function listInstalledFonts(roots: readonly string[] = installedFontRoots(), options: ListingOptions = {}): InstalledFonts {
  const { cacheFile = listingCacheFile(), readFaces = readFontFile } = options;
  const problems: FontListProblem[] = [];
  const faces: InstalledFace[] = [];
  const cached = cacheFile ? loadListingCache(cacheFile) : new Map<string, CacheEntry>();
  const listed: ListingCache = new Map();
  let changed = false;
  for (const file of fontFiles(roots, problems)) {
    let entry: CacheEntry;
    try {
      const stamp = stampOf(statSync(file));
      const known = cached.get(file);
      entry = known && sameStamp(known, stamp) ? known : { ...stamp, ...readListed(file, readFaces) };
      changed ||= entry !== known;
    } catch (e) {
      problems.push(problemOf(file, e));
      continue;
    }
    listed.set(file, entry);
    if ('damage' in entry) problems.push(problemOf(file, new FontInfoError(entry.damage.zh, entry.damage.en)));
    else for (const face of entry.faces) faces.push({ ...face, file, licence: embeddingLicence(face.fsType), embeddable: mayEmbedSubset(face.fsType) });
  }
  // Entries of files elsewhere (another listing's roots) are kept; those under these roots not listed now are gone.
  const under = roots.map((r) => join(r, sep));
  const elsewhere = new Map([...cached].filter(([file]) => !under.some((r) => file.startsWith(r))));
  changed ||= listed.size + elsewhere.size !== cached.size;
  if (cacheFile && changed) saveListingCache(cacheFile, listed, elsewhere);
  return { faces, problems };
}

/** A file's faces, or the damage the table reader found (kept in the cache: the same bytes are damaged next time too); other errors are thrown. */
function readListed(file: string, readFaces: (file: string) => FaceInfo[]): ListedFile {
  try {
    return { faces: readFaces(file) };
  } catch (e) {
    if (e instanceof FontInfoError) return { damage: { zh: e.zh, en: e.en } };
    throw e;
  }
}

/** A font file's faces, reading only the tables the list needs. */
export function readFontFile(file: string): FaceInfo[] {
  // non-blocking, so a named pipe in a font folder or given to --font cannot hang the open; only a regular file is read
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      const kind = kindOf(st);
      throw new FontInfoError(`不是普通文件，而是${kind.zh}`, `is not a regular file but ${kind.en}`);
    }
    const size = st.size;
    const read = (offset: number, length: number): Uint8Array => {
      const buffer = new Uint8Array(length);
      const got = readSync(fd, buffer, 0, length, offset);
      return got === length ? buffer : buffer.subarray(0, got);
    };
    return readFontFaces(read, size);
  } finally {
    closeSync(fd);
  }
}

/** The font files under `roots`, each folder visited once (fontconfig folders link into each other). */
function fontFiles(roots: readonly string[], problems: FontListProblem[]): string[] {
  const files: string[] = [];
  const visited = new Set<string>();
  const walk = (dir: string, depth: number): void => {
    let real: string;
    let entries;
    try {
      real = realpathSync(dir);
      if (visited.has(real) || depth > LIMITS.depth) return;
      visited.add(real);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || depth > 0) problems.push(problemOf(dir, e, true));
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (files.length >= LIMITS.files) {
        problems.push({ file: dir, zh: `字体文件超过 ${LIMITS.files} 个，其余未列出`, en: `more than ${LIMITS.files} font files; the rest are not listed` });
        return;
      }
      const path = join(dir, entry.name);
      const ext = extname(entry.name).toLowerCase();
      if (isFolder(entry, path)) walk(path, depth + 1);
      else if (FONT_EXTENSIONS.has(ext)) files.push(path);
      else if (UNUSABLE_EXTENSIONS.has(ext)) problems.push(unusable(path, ext));
    }
  };
  for (const root of roots) if (files.length < LIMITS.files) walk(root, 0);
  return files;
}

function isFolder(entry: Dirent, path: string): boolean {
  if (!entry.isSymbolicLink()) return entry.isDirectory();
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // a dangling link: nothing to list
  }
}

function unusable(file: string, ext: string): FontListProblem {
  const web = ext === '.woff' || ext === '.woff2' ? ext.slice(1).toUpperCase() : undefined;
  return { file, zh: `字体文件 ${file} 是${web ? `网页字体（${web}）` : ' Type 1 字体'}，不受支持`, en: `Font file ${file} is ${web ? `a web font (${web})` : 'a Type 1 font'}, which is not supported` };
}

function problemOf(file: string, e: unknown, folder = false): FontListProblem {
  const why = e instanceof FontInfoError ? e : readError(e);
  const what = folder ? { zh: '字体文件夹', en: 'Font folder' } : { zh: '字体文件', en: 'Font file' };
  return { file, zh: `${what.zh} ${file} ${why.zh}`, en: `${what.en} ${file} ${why.en}` };
}

/**
 * Why a file or folder could not be read, zh and en in their own words: the common codes said
 * plainly (a dangling link is ENOENT from stat), others by their code alone, never Node's English.
 */
export function readError(e: unknown): { zh: string; en: string } {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return { zh: '没有读取权限', en: 'cannot be read (permission denied)' };
  if (code === 'ENOENT') return { zh: '不存在（或是指向不存在之处的链接）', en: 'does not exist (or is a link to nothing)' };
  if (code === 'ELOOP') return { zh: '是循环的链接', en: 'is a link that loops' };
  if (code === 'EISDIR') return { zh: '是文件夹，不是文件', en: 'is a folder, not a file' };
  if (code === 'ENOTDIR') return { zh: '路径中有一段不是文件夹', en: 'has a path part that is not a folder' };
  if (code) return { zh: `无法读取（错误代码 ${code}）`, en: `cannot be read (error ${code})` };
  return { zh: '无法读取', en: 'cannot be read' };
}

/** Styles taken as a family's regular and bold (the two weights a style chooses between); others are left out. */
const REGULAR_STYLES = /^(regular|normal|book|roman|常规|标准)$/i;
const BOLD_STYLES = /^(bold|粗体)$/i;

/**
 * A family's key for styles: `sys-` and its English name in `[a-z0-9-]` (so it is a valid face id
 * and never a bundled role's key); a name with no Latin letters is keyed by its hash.
 */
export function installedFamilyKey(family: string): string {
  const slug = family.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug) return `sys-${slug.slice(0, 48).replace(/-+$/, '')}`;
  let h = 0x811c9dc5;
  for (const ch of family) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return `sys-${h.toString(16)}`;
}

/**
 * The installed fonts as a font source, after the bundled one: each family's regular and bold,
 * listed from their tables and opened only when a page or the picker's sample uses them; families
 * with Chinese glyphs first, by their Chinese names. Listed once, on the provider's first use (or
 * on the first question for its problems: the files the listing could not use, named for the picker).
 */
export function installedSource(list: () => InstalledFonts = () => listInstalledFonts()): FontSource {
  let listed: InstalledFonts | undefined;
  let faces: SourceFace[] | undefined;
  const listing = () => (listed ??= list());
  return {
    name: { zh: '本机安装的字体', en: 'the installed fonts' },
    faces: () => (faces ??= installedFaces(listing().faces)),
    problems: () => listing().problems,
  };
}

function installedFaces(listed: readonly InstalledFace[]): SourceFace[] {
  const families = new Map<string, { regular?: InstalledFace; bold?: InstalledFace; first: InstalledFace }>();
  for (const face of listed) {
    const key = installedFamilyKey(face.family);
    const entry = families.get(key) ?? { first: face };
    families.set(key, entry);
    if (!entry.regular && REGULAR_STYLES.test(face.style)) entry.regular = face;
    else if (!entry.bold && BOLD_STYLES.test(face.style)) entry.bold = face;
  }
  const ordered = [...families].sort(([, a], [, b]) => Number(b.first.coverage.cjkIdeographs > 0) - Number(a.first.coverage.cjkIdeographs > 0));
  return ordered.flatMap(([key, { regular = undefined, bold, first }]) => {
    const regularFace = regular ?? (bold ? undefined : first);
    const label = { zh: first.familyZh ?? first.family, en: first.family, ...(first.coverage.cjkIdeographs === 0 ? { noChinese: true as const } : {}) };
    return [regularFace && sourceFace(key, false, regularFace, label), bold && sourceFace(key, true, bold, label)].filter((f): f is SourceFace => !!f);
  });
}

function sourceFace(family: string, bold: boolean, face: InstalledFace, label: { zh: string; en: string }): SourceFace {
  return { id: `${family}-${bold ? 'bold' : 'regular'}`, family, bold, label, index: face.index, onDemand: { postscriptName: face.postscriptName }, bytes: () => new Uint8Array(readFileSync(face.file)) };
}
