/**
 * The Node side of import: file and folder paths → InputFiles (folders are walked, hidden files
 * skipped, only importable extensions taken), Markdown's relative images added, legacy .doc/.wps
 * converted through LibreOffice, then the pure importer of src-core.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { importFiles, type ImportOptions } from '../../src-core/import/index';
import type { ImportReport } from '../../src-core/import/report';
import type { ImportError, ImportResult, InputFile } from '../../src-core/import/types';
import { convertToDocx, findSoffice } from './libreoffice';
import { readRegularFile } from './read-file';

export const IMPORTABLE = new Set(['.txt', '.text', '.md', '.markdown', '.docx', '.doc', '.wps', '.jpg', '.jpeg', '.png']);
const LEGACY = new Set(['.doc', '.wps']);
/** Files above this size are refused before they are read (a newspaper story is far smaller). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** The files a list of paths stands for, each with the name the importer knows it by (its folder kept), and the paths that could not be read. */
export interface Gathered {
  files: { path: string; name: string }[];
  errors: ImportError[];
}

function walk(dir: string, base: string, out: Gathered, depth = 0): void {
  if (depth > 8) return;
  let names: string[];
  try {
    names = readdirSync(dir).sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }));
  } catch (e) {
    out.errors.push({ file: dir, zh: `无法读取文件夹 ${dir}：${(e as Error).message}`, en: `cannot read the folder ${dir}: ${(e as Error).message}` });
    return;
  }
  for (const n of names) {
    if (n.startsWith('.') || n.startsWith('~$')) continue;
    const p = join(dir, n);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) walk(p, base, out, depth + 1);
    else if (IMPORTABLE.has(extname(n).toLowerCase())) out.files.push({ path: p, name: relative(base, p).split('\\').join('/') });
  }
}

/** Expands the paths the user gave: files as they are, folders walked. */
export function gatherPaths(paths: string[]): Gathered {
  const out: Gathered = { files: [], errors: [] };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      out.errors.push({ file: p, zh: `找不到文件或文件夹：${p}`, en: `no such file or folder: ${p}` });
      continue;
    }
    if (st.isDirectory()) walk(p, resolve(p, '..'), out);
    else out.files.push({ path: p, name: p });
  }
  return out;
}

const MD_IMAGE_RE = /!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

export interface ImportPathsOptions extends ImportOptions {
  /** Override the LibreOffice binary (tests); '' means "not installed". */
  soffice?: string;
}

/** A Markdown file's relative pictures that are there: they come along with it (a missing one the importer reports). */
function markdownPictures(f: Gathered['files'][number], bytes: Uint8Array): Gathered['files'] {
  const out: Gathered['files'] = [];
  for (const m of new TextDecoder().decode(bytes).matchAll(MD_IMAGE_RE)) {
    const ref = m[1];
    if (/^[a-z]+:/i.test(ref)) continue;
    let decoded = ref;
    try {
      decoded = decodeURI(ref);
    } catch {
      /* keep as written */
    }
    const path = join(dirname(f.path), decoded);
    try {
      if (statSync(path).isFile()) out.push({ path, name: join(dirname(f.name), decoded).split('\\').join('/') });
    } catch {
      /* not there */
    }
  }
  return out;
}

/** Reads, converts and imports; never throws for bad input. */
export async function importPaths(paths: string[], options: ImportPathsOptions = {}): Promise<ImportResult & { report: ImportReport }> {
  const gathered = gatherPaths(paths);
  const { result, unread } = await importGathered(gathered.files, options);
  result.errors.unshift(...gathered.errors, ...unread);
  return result;
}

/**
 * The one way files are read for import (`import`, `compose`, `edition`, `check`): each bounded and
 * regular only, legacy Word converted, a Markdown file's relative pictures brought along; what could
 * not be read is `unread` (a caller may refuse to go on), the importer's own errors are the result's.
 */
export async function importGathered(files: Gathered['files'], options: ImportPathsOptions = {}): Promise<{ result: ImportResult & { report: ImportReport }; unread: ImportError[] }> {
  const errors: ImportError[] = [];
  const inputs: InputFile[] = [];
  const converted = new Map<string, string>();
  const seen = new Set<string>();
  const soffice = options.soffice === undefined ? findSoffice() : options.soffice || undefined;
  const add = (path: string, name: string): Uint8Array | undefined => {
    const key = resolve(path);
    if (seen.has(key)) return undefined;
    seen.add(key);
    const read = readRegularFile(path, name, MAX_FILE_BYTES);
    if (!read.ok) {
      errors.push({ file: name, zh: read.zh, en: read.en });
      return undefined;
    }
    inputs.push({ name, bytes: read.bytes });
    return read.bytes;
  };
  for (const f of files) {
    const ext = extname(f.path).toLowerCase();
    if (LEGACY.has(ext)) {
      const key = resolve(f.path);
      if (seen.has(key)) continue;
      seen.add(key);
      const read = readRegularFile(f.path, f.name, MAX_FILE_BYTES);
      if (!read.ok) {
        errors.push({ file: f.name, zh: read.zh, en: read.en });
        continue;
      }
      const conv = await convertToDocx(f.name, read.bytes, soffice);
      if (!conv.ok) errors.push({ file: f.name, zh: conv.zh, en: conv.en });
      else {
        inputs.push({ name: `${f.name}.docx`, bytes: conv.bytes });
        converted.set(`${f.name}.docx`, `LibreOffice (${conv.soffice})`);
      }
      continue;
    }
    const bytes = add(f.path, f.name);
    if (bytes && (ext === '.md' || ext === '.markdown')) for (const pic of markdownPictures(f, bytes)) add(pic.path, pic.name);
  }
  const result = (await importFiles(inputs, options)) as ImportResult & { report: ImportReport };
  for (const fr of result.report.files) {
    const by = converted.get(fr.name);
    if (by) fr.convertedBy = by;
  }
  return { result, unread: errors };
}
