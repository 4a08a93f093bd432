import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOST_API_METHODS, isCertificateFingerprint, isValidFaceId, PNG_DPI, type ExportOptions, type FontFaceInfo, type HostApiMethod, type HostInfo, type HostResult, type ImportFile, type PngExportOptions, type ShareRequest, type SharedPageInfo, type StartupPage } from '../../src-core/host-api';
import { parseDocument } from '../../src-core/model/serialize';
import { loadBundledFonts } from '../fonts/bundled';
import { MAX_DESK_BACKUP_CHARS } from '../../src-core/collab/desk-backup';
import { isValidId } from '../../src-core/collab/names';
import { discardDeskBackup, listDeskBackups, readDeskBackup, writeDeskBackup } from './desk-backups';
import { PageSharing } from './share';
import { discardRecovery, exportPdf, exportPng, exportProofPdf, importFiles, openExported, openPage, readRecovery, recentFiles, savePage, writeRecovery, type HostEnv } from './page-files';

/**
 * The HostApi in Node, as plain functions: the Electron main process and the local web host both
 * call these, so the two hosts cannot drift apart. Every result is a HostResult; nothing throws.
 */

export const SAMPLE_PAGE = 'assets/samples/luoyang-page.banmian';

let projectRoot: string | undefined;

/**
 * The folder holding package.json and assets/. Found by walking up from this module, because the
 * module runs from src-main/host (tsx), from out/main (electron-vite build) or from inside an asar.
 * BANMIAN_ROOT overrides the search for unusual installs.
 */
export function findProjectRoot(start?: string): string {
  if (process.env.BANMIAN_ROOT) return process.env.BANMIAN_ROOT;
  if (!start && projectRoot) return projectRoot;
  const from = start ?? dirname(fileURLToPath(import.meta.url));
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'assets'))) {
      if (!start) projectRoot = dir;
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`cannot find the Banmian project root above ${from}`);
  }
}

const fail = <T>(zh: string, en: string): HostResult<T> => ({ ok: false, zh, en });

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function startupPage(): Promise<HostResult<StartupPage>> {
  let path: string;
  let text: string;
  try {
    path = join(findProjectRoot(), SAMPLE_PAGE);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return fail(`无法读取示例版面 ${SAMPLE_PAGE}：${describe(e)}`, `Cannot read the sample page ${SAMPLE_PAGE}: ${describe(e)}`);
  }
  const loaded = parseDocument(text);
  if (!loaded.ok) return fail(`示例版面 ${SAMPLE_PAGE} 无法打开：${loaded.zh}`, `The sample page ${SAMPLE_PAGE} cannot be opened: ${loaded.en}`);
  return { ok: true, value: { document: loaded.document, title: path.split(/[\\/]/).pop() ?? SAMPLE_PAGE, path: null } };
}

export async function listFonts(): Promise<HostResult<FontFaceInfo[]>> {
  try {
    const faces = loadBundledFonts().allFaces();
    return { ok: true, value: faces.map((f) => ({ id: f.id, family: f.family, bold: f.bold, postscriptName: f.postscriptName })) };
  } catch (e) {
    return fail(`无法加载内置字体：${describe(e)}`, `Cannot load the bundled fonts: ${describe(e)}`);
  }
}

export async function fontBytes(id: string): Promise<HostResult<Uint8Array>> {
  if (!isValidFaceId(id)) return fail('字体编号无效', 'Invalid font face id');
  try {
    const face = loadBundledFonts().faceById(id);
    if (!face) return fail(`没有编号为 ${id} 的字体`, `No font face with id ${id}`);
    return { ok: true, value: face.bytes };
  } catch (e) {
    return fail(`无法读取字体 ${id}：${describe(e)}`, `Cannot read font ${id}: ${describe(e)}`);
  }
}

export function hostInfo(env: HostEnv | undefined): HostResult<HostInfo> {
  return { ok: true, value: { kind: env?.files.kind ?? 'web', nativeDialogs: env?.files.nativeDialogs ?? false, autosaveSeconds: env?.autosaveSeconds ?? 30 } };
}

/** A call refused before it reached a handler: the host answers it as a bad request. */
export interface RejectedCall {
  rejected: true;
  zh: string;
  en: string;
}

export function isHostApiMethod(name: unknown): name is HostApiMethod {
  return typeof name === 'string' && (HOST_API_METHODS as readonly string[]).includes(name);
}

/** Checks a method name and its arguments as they arrive from the renderer (IPC or HTTP). */
export function checkCall(method: unknown, args: unknown): RejectedCall | { rejected: false; method: HostApiMethod; args: unknown[] } {
  if (!isHostApiMethod(method)) {
    const name = String(method).slice(0, 40);
    return { rejected: true, zh: `未知的接口方法：${name}`, en: `Unknown host method: ${name}` };
  }
  if (!Array.isArray(args)) return { rejected: true, zh: '调用参数必须是数组', en: 'Call arguments must be an array' };
  const refuse = (zh: string, en: string): RejectedCall => ({ rejected: true, zh: `${method}：${zh}`, en: `${method}: ${en}` });
  switch (method) {
    case 'startupPage':
    case 'listFonts':
    case 'hostInfo':
    case 'listPages':
    case 'recentFiles':
    case 'readRecovery':
    case 'discardRecovery':
    case 'shareStop':
    case 'shareStatus':
    case 'deskBackupList':
      if (args.length !== 0) return { rejected: true, zh: `${method} 不接受参数`, en: `${method} takes no arguments` };
      break;
    case 'fontBytes':
      if (args.length !== 1 || !isValidFaceId(args[0])) return { rejected: true, zh: 'fontBytes 需要一个有效的字体编号', en: 'fontBytes needs one valid font face id' };
      break;
    case 'openPage':
      if (args.length !== 1 || !isPathArg(args[0])) return refuse('需要一个文件路径或 null', 'needs one file path or null');
      break;
    case 'savePage':
      if (args.length !== 2 || !isDocumentJson(args[0]) || !isPathArg(args[1])) return refuse('需要版面数据和文件路径（或 null）', 'needs the page data and a file path (or null)');
      break;
    case 'writeRecovery':
      if (args.length !== 3 || !isDocumentJson(args[0]) || !isPathArg(args[1]) || typeof args[2] !== 'string' || args[2].length > 500) return refuse('需要版面数据、文件路径和标题', 'needs the page data, a file path and a title');
      break;
    case 'importFiles':
      if (args.length !== 1 || !isImportFiles(args[0])) return refuse('需要文件列表（名称与 base64 内容，最多 200 个）', 'needs a list of files (name and base64 bytes, at most 200)');
      break;
    case 'exportPdf':
      if (args.length !== 3 || !isDocumentJson(args[0]) || !isPathArg(args[1]) || !isExportOptions(args[2])) return refuse('需要版面数据、文件路径和导出选项', 'needs the page data, a file path and export options');
      break;
    case 'exportProofPdf':
      if (args.length !== 3 || !isDocumentJson(args[0]) || !isPathArg(args[1]) || typeof args[2] !== 'string' || args[2].length > 500) return refuse('需要版面数据、文件路径和版面标题', 'needs the page data, a file path and the page title');
      break;
    case 'exportPng':
      if (args.length !== 3 || !isDocumentJson(args[0]) || !isPathArg(args[1]) || !isPngOptions(args[2])) return refuse(`需要版面数据、文件路径和导出选项（分辨率 ${PNG_DPI.min}–${PNG_DPI.max} dpi）`, `needs the page data, a file path and export options (resolution ${PNG_DPI.min}–${PNG_DPI.max} dpi)`);
      break;
    case 'openExported':
      if (args.length !== 1 || typeof args[0] !== 'string' || !isPathArg(args[0])) return refuse('需要一个已导出文件的路径', 'needs the path of an exported file');
        break;
    case 'shareStart':
      if (args.length !== 1 || !isShareRequest(args[0])) return refuse('需要共享设置：本人和校对的姓名（各 1–40 字）、是否局域网', 'needs the share settings: the names of this desk and of the proofreader (1–40 characters each) and whether on the network');
      break;
    case 'shareTrust':
      if (args.length !== 1 || !isCertificateFingerprint(args[0])) return refuse('需要一个证书指纹（SHA-256）', 'needs one certificate fingerprint (SHA-256)');
      break;
    case 'deskBackupWrite':
      if (args.length !== 2 || !isPageIdArg(args[0]) || typeof args[1] !== 'string' || args[1].length > MAX_DESK_BACKUP_CHARS || !args[1].trimStart().startsWith('{')) return refuse('需要版面编号和备份数据', 'needs a page id and the backup data');
      break;
    case 'deskBackupRead':
    case 'deskBackupDiscard':
      if (args.length !== 1 || !isPageIdArg(args[0])) return refuse('需要一个版面编号（字母、数字、-、_，最多 64 个）', 'needs one page id (letters, digits, - and _, at most 64)');
      break;
  }
  return { rejected: false, method, args };
}

const isPageIdArg = (v: unknown): v is string => typeof v === 'string' && isValidId(v);

/** Paths are short strings without NUL, or null for "ask the user". */
function isPathArg(v: unknown): v is string | null {
  return v === null || (typeof v === 'string' && v.length > 0 && v.length <= 4096 && !v.includes('\0'));
}

/** Document JSON: a string that looks like an object; parseDocument checks the rest. */
const MAX_DOCUMENT_CHARS = 400 * 1024 * 1024;
function isDocumentJson(v: unknown): v is string {
  return typeof v === 'string' && v.length <= MAX_DOCUMENT_CHARS && v.trimStart().startsWith('{');
}

function isImportFiles(v: unknown): v is ImportFile[] {
  return (
    Array.isArray(v) &&
    v.length > 0 &&
    v.length <= 200 &&
    v.every((f) => typeof f === 'object' && f !== null && typeof f.name === 'string' && f.name.length > 0 && f.name.length <= 255 && typeof f.base64 === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(f.base64.slice(-8)))
  );
}

function isExportOptions(v: unknown): v is ExportOptions {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  if (Object.keys(o).some((k) => !['bleedMm', 'marks', 'force'].includes(k))) return false;
  if (o.bleedMm !== undefined && (typeof o.bleedMm !== 'number' || !(o.bleedMm >= 0 && o.bleedMm <= 20))) return false;
  return (o.marks === undefined || typeof o.marks === 'boolean') && (o.force === undefined || typeof o.force === 'boolean');
}

export function isPngOptions(v: unknown): v is PngExportOptions {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  if (Object.keys(o).some((k) => !['dpi', 'force'].includes(k))) return false;
  if (o.dpi !== undefined && !(Number.isInteger(o.dpi) && (o.dpi as number) >= PNG_DPI.min && (o.dpi as number) <= PNG_DPI.max)) return false;
  return o.force === undefined || typeof o.force === 'boolean';
}

const isPersonName = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0 && v.trim().length <= 40 && !/[\u0000-\u001f]/.test(v);

function isShareRequest(v: unknown): v is ShareRequest {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  if (Object.keys(o).some((k) => !['deskName', 'proofreaderName', 'dutyEditorName', 'lan'].includes(k))) return false;
  return isPersonName(o.deskName) && isPersonName(o.proofreaderName) && (o.dutyEditorName === undefined || isPersonName(o.dutyEditorName)) && typeof o.lan === 'boolean';
}

/** The sharing of each host (its state folder); the web host may share on loopback only. */
const sharings = new WeakMap<HostEnv, PageSharing>();

export function sharingOf(env: HostEnv): PageSharing {
  let sharing = sharings.get(env);
  if (!sharing) {
    sharing = new PageSharing({ folder: join(env.files.stateDir, 'collab'), allowLan: env.files.kind === 'electron' });
    sharings.set(env, sharing);
  }
  return sharing;
}

/** Resumes the share a crashed run of this host left (see PageSharing.resume); the host calls it on start. */
export function resumeSharing(env: HostEnv): Promise<HostResult<SharedPageInfo | null>> {
  return sharingOf(env).resume();
}

/** Stops the host's share, if any (the host is closing). */
export async function stopSharing(env: HostEnv): Promise<void> {
  await sharings.get(env)?.stop();
}

const noFiles = <T>(): HostResult<T> => ({ ok: false, zh: '此宿主没有文件访问', en: 'This host has no file access' });

/**
 * Validates and runs one call; refused calls come back as `rejected`, handler failures as HostResult
 * errors. `env` gives the file methods their folder or dialogs; without it they fail cleanly.
 */
export async function dispatchHostCall(method: unknown, args: unknown, env?: HostEnv): Promise<RejectedCall | HostResult<unknown>> {
  const call = checkCall(method, args);
  if (call.rejected) return call;
  const a = call.args;
  switch (call.method) {
    case 'startupPage':
      return startupPage();
    case 'listFonts':
      return listFonts();
    case 'fontBytes':
      return fontBytes(a[0] as string);
    case 'hostInfo':
      return hostInfo(env);
    case 'importFiles':
      return importFiles(a[0] as ImportFile[]);
  }
  if (!env) return noFiles();
  switch (call.method) {
    case 'openPage':
      return openPage(env, a[0] as string | null);
    case 'savePage':
      return savePage(env, a[0] as string, a[1] as string | null);
    case 'listPages':
      return { ok: true, value: env.files.listPages() };
    case 'recentFiles':
      return recentFiles(env);
    case 'writeRecovery':
      return writeRecovery(env, a[0] as string, a[1] as string | null, a[2] as string);
    case 'readRecovery':
      return readRecovery(env);
    case 'discardRecovery':
      return discardRecovery(env);
    case 'exportPdf':
      return exportPdf(env, a[0] as string, a[1] as string | null, a[2] as ExportOptions);
    case 'exportProofPdf':
      return exportProofPdf(env, a[0] as string, a[1] as string | null, a[2] as string);
    case 'exportPng':
      return exportPng(env, a[0] as string, a[1] as string | null, a[2] as PngExportOptions);
    case 'openExported':
      return openExported(env, a[0] as string);
    case 'shareStart': {
      const r = a[0] as ShareRequest;
      const trimmed = { deskName: r.deskName.trim(), proofreaderName: r.proofreaderName.trim(), lan: r.lan, ...(r.dutyEditorName?.trim() ? { dutyEditorName: r.dutyEditorName.trim() } : {}) };
      return sharingOf(env).start(trimmed);
    }
    case 'shareStop':
      return sharingOf(env).stop();
    case 'shareStatus':
      return sharingOf(env).status();
    case 'shareTrust':
      sharingOf(env).trust(a[0] as string);
      return { ok: true, value: null };
    case 'deskBackupWrite':
      return writeDeskBackup(env.files.stateDir, a[0] as string, a[1] as string);
    case 'deskBackupRead':
      return readDeskBackup(env.files.stateDir, a[0] as string);
    case 'deskBackupList':
      return listDeskBackups(env.files.stateDir);
    case 'deskBackupDiscard':
      return discardDeskBackup(env.files.stateDir, a[0] as string);
  }
}
