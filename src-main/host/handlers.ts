import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOST_API_METHODS, isValidFaceId, type FontFaceInfo, type HostApi, type HostApiMethod, type HostResult, type StartupPage } from '../../src-core/host-api';
import { parseDocument } from '../../src-core/model/serialize';
import { loadBundledFonts } from '../fonts/bundled';

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
  return { ok: true, value: { document: loaded.document, title: path.split(/[\\/]/).pop() ?? SAMPLE_PAGE } };
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

export const hostHandlers: HostApi = { startupPage, listFonts, fontBytes };

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
  switch (method) {
    case 'startupPage':
    case 'listFonts':
      if (args.length !== 0) return { rejected: true, zh: `${method} 不接受参数`, en: `${method} takes no arguments` };
      break;
    case 'fontBytes':
      if (args.length !== 1 || !isValidFaceId(args[0])) return { rejected: true, zh: 'fontBytes 需要一个有效的字体编号', en: 'fontBytes needs one valid font face id' };
      break;
  }
  return { rejected: false, method, args };
}

/** Validates and runs one call; refused calls come back as `rejected`, handler failures as HostResult errors. */
export async function dispatchHostCall(method: unknown, args: unknown): Promise<RejectedCall | HostResult<unknown>> {
  const call = checkCall(method, args);
  if (call.rejected) return call;
  switch (call.method) {
    case 'startupPage':
      return startupPage();
    case 'listFonts':
      return listFonts();
    case 'fontBytes':
      return fontBytes(call.args[0] as string);
  }
}
