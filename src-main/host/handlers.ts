import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FontProvider } from '../../src-core/fonts/provider';
import { HOST_API, isHostApiMethod, isValidFaceId, type FontFaceInfo, type FontListProblem, type HostApiMethod, type HostArgs, type HostInfo, type HostMethodSpec, type HostResult, type HostValue, type ShareRequest, type SharedPageInfo, type StartupPage } from '../../src-core/host-api';
import { isPngOptions } from '../../src-core/host-args';
import { parseDocument } from '../../src-core/model/serialize';
import { discardDeskBackup, listDeskBackups, readDeskBackup, writeDeskBackup } from './desk-backups';
import { exportEditionPdf } from './edition-export';
import { PageSharing } from './share';
import { discardRecovery, exportPdf, exportPng, exportProofPdf, fontsOf, importFiles, openExported, openPage, readRecovery, recentFiles, saveEdition, savePage, writeRecovery, type HostEnv } from './page-files';

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

/** What the host's fonts answer, or why they could not (a bundled face that cannot be opened). */
function fromFonts<T>(env: HostEnv | undefined, read: (fonts: FontProvider) => T): HostResult<T> {
  try {
    return { ok: true, value: read(fontsOf(env)) };
  } catch (e) {
    return fail(`无法加载字体：${describe(e)}`, `Cannot load the fonts: ${describe(e)}`);
  }
}

export async function listFonts(env?: HostEnv): Promise<HostResult<FontFaceInfo[]>> {
  return fromFonts(env, (fonts) => fonts.faces());
}

/** The font files the installed listing could not use, named with why (HostApi.fontProblems). */
export async function fontProblems(env?: HostEnv): Promise<HostResult<FontListProblem[]>> {
  return fromFonts(env, (fonts) => fonts.problems());
}

export async function fontBytes(id: string, env?: HostEnv): Promise<HostResult<Uint8Array>> {
  if (!isValidFaceId(id)) return fail('字体编号无效', 'Invalid font face id');
  try {
    const bytes = fontsOf(env).bytes(id);
    if (!bytes) return fail(`没有编号为 ${id} 的字体`, `No font face with id ${id}`);
    return { ok: true, value: bytes };
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

export { isHostApiMethod, isPngOptions };

/** Checks a method name and its arguments as they arrive from the renderer (IPC or HTTP), by the table's guards. */
export function checkCall(method: unknown, args: unknown): RejectedCall | { rejected: false; method: HostApiMethod; args: unknown[] } {
  if (!isHostApiMethod(method)) {
    const name = String(method).slice(0, 40);
    return { rejected: true, zh: `未知的接口方法：${name}`, en: `Unknown host method: ${name}` };
  }
  if (!Array.isArray(args)) return { rejected: true, zh: '调用参数必须是数组', en: 'Call arguments must be an array' };
  const spec: HostMethodSpec = HOST_API[method];
  if (args.length !== spec.args.length || !spec.args.every((isValid, i) => isValid(args[i]))) {
    return { rejected: true, zh: `${method}：${spec.zh}`, en: `${method}: ${spec.en}` };
  }
  return { rejected: false, method, args };
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

type Handler<M extends HostApiMethod> = (env: HostEnv | undefined, ...args: HostArgs<M>) => HostResult<HostValue<M>> | Promise<HostResult<HostValue<M>>>;

/** A handler that works on the host's files (or state folder): without them it fails cleanly. */
const withFiles =
  <A extends unknown[], V>(run: (env: HostEnv, ...args: A) => HostResult<V> | Promise<HostResult<V>>) =>
  (env: HostEnv | undefined, ...args: A): HostResult<V> | Promise<HostResult<V>> =>
    env ? run(env, ...args) : noFiles();

function trimmedShare(r: ShareRequest): ShareRequest {
  return { deskName: r.deskName.trim(), proofreaderName: r.proofreaderName.trim(), lan: r.lan, ...(r.dutyEditorName?.trim() ? { dutyEditorName: r.dutyEditorName.trim() } : {}) };
}

/** One handler per HostApi method, typed by the table: a missing, extra or mistyped one does not compile. */
export const HOST_HANDLERS: { [M in HostApiMethod]: Handler<M> } = {
  startupPage: () => startupPage(),
  listFonts: (env) => listFonts(env),
  fontProblems: (env) => fontProblems(env),
  fontBytes: (env, id) => fontBytes(id, env),
  hostInfo: (env) => hostInfo(env),
  importFiles: (_env, files) => importFiles(files),
  openPage: withFiles(openPage),
  savePage: withFiles(savePage),
  saveEdition: withFiles(saveEdition),
  listPages: withFiles((env) => ({ ok: true, value: env.files.listPages() })),
  recentFiles: withFiles(recentFiles),
  writeRecovery: withFiles(writeRecovery),
  readRecovery: withFiles(readRecovery),
  discardRecovery: withFiles(discardRecovery),
  exportPdf: withFiles(exportPdf),
  exportEditionPdf: withFiles(exportEditionPdf),
  exportProofPdf: withFiles(exportProofPdf),
  exportPng: withFiles(exportPng),
  openExported: withFiles(openExported),
  shareStart: withFiles((env, request) => sharingOf(env).start(trimmedShare(request))),
  shareStop: withFiles((env) => sharingOf(env).stop()),
  shareStatus: withFiles((env) => sharingOf(env).status()),
  shareTrust: withFiles((env, fingerprint) => {
    sharingOf(env).trust(fingerprint);
    return { ok: true, value: null };
  }),
  deskBackupWrite: withFiles((env, pageId, json) => writeDeskBackup(env.files.stateDir, pageId, json)),
  deskBackupRead: withFiles((env, pageId) => readDeskBackup(env.files.stateDir, pageId)),
  deskBackupList: withFiles((env) => listDeskBackups(env.files.stateDir)),
  deskBackupDiscard: withFiles((env, pageId) => discardDeskBackup(env.files.stateDir, pageId)),
};

/**
 * Validates and runs one call; refused calls come back as `rejected`, handler failures as HostResult
 * errors. `env` gives the file methods their folder or dialogs; without it they fail cleanly.
 */
export async function dispatchHostCall(method: unknown, args: unknown, env?: HostEnv): Promise<RejectedCall | HostResult<unknown>> {
  const call = checkCall(method, args);
  if (call.rejected) return call;
  // checkCall ran this method's own guards over these arguments, so they are its parameters.
  const handler = HOST_HANDLERS[call.method] as (env: HostEnv | undefined, ...args: unknown[]) => HostResult<unknown> | Promise<HostResult<unknown>>;
  return handler(env, ...call.args);
}
