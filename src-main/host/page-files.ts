import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { ExportOptions, ExportOutcome, HostResult, ImportFile, OpenedEdition, OpenedPage, PageFileEntry, PngExportOptions, RecoveredPage, SavedPage, ShownExport } from '../../src-core/host-api';
import { importFiles as importInputs } from '../../src-core/import/index';
import type { ImportResult } from '../../src-core/import/types';
import { parseDocument } from '../../src-core/model/serialize';
import { exportProofPdf as proofPdf } from '../../src-core/proof/proof-pdf';
import { proofNotesOf, readProofState } from '../../src-core/store/persist';
import type { FontProvider } from '../../src-core/fonts/provider';
import { fontProvider } from '../fonts/provider';
import { loadBanmianFile, loadPageOrEdition, saveBanmianFile, saveEditionFile, writeFileAtomic } from '../files/banmian-file';
import { parseEdition } from '../../src-core/edition/edition-file';
import { printPage, printPng, type PrintOutcome } from '../files/print';
import type { OnDisk } from '../files/on-disk';
import { PURPOSE_FILES, type Purpose } from './purposes';

/**
 * The file side of the HostApi (open, save, recent, autosave/recovery, import, export), shared by
 * Electron main and the web host. Where a path comes from is the host's business (FileAccess):
 * a sandbox folder for the web host, native dialogs and granted paths for Electron.
 */

export type { Purpose } from './purposes';

export type Chosen = { ok: true; abs: string; shown: string } | { ok: false; zh: string; en: string } | null;

export interface FileAccess {
  kind: 'web' | 'electron';
  nativeDialogs: boolean;
  /** Resolves a path argument (null: ask the user); null result: the user cancelled. */
  choose(purpose: Purpose, path: string | null, suggestedName?: string): Promise<Chosen>;
  /** How a file the host wrote or opened is named back to the renderer (sandbox-relative on the web host). */
  shown(abs: string): string;
  /** Remembers that the user may use this file again for `purpose` without a dialog (recent files). */
  grant(abs: string, purpose: Purpose): void;
  /** Folder for the recovery file and the recent list. */
  stateDir: string;
  /** Pages the renderer may open by path: the sandbox (web) or the recent files (Electron). */
  listPages(): PageFileEntry[];
}

export interface HostEnv {
  files: FileAccess;
  autosaveSeconds: number;
  /**
   * Opens a file in the system's viewer (Electron: shell.openPath); resolves to an error message or ''.
   * Absent (the web host): exported files are served at `exported/<path>` for the UI to open instead.
   */
  openInViewer?: (abs: string) => Promise<string>;
  /** Where this host's fonts come from; absent: the process's provider (src-main/fonts/provider.ts). */
  fonts?: FontProvider;
}

/** The fonts a host lays out, exports and lists with. */
export function fontsOf(env: HostEnv | undefined): FontProvider {
  return env?.fonts ?? fontProvider();
}

const fail = <T>(zh: string, en: string): HostResult<T> => ({ ok: false, zh, en });
const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const titleOf = (path: string): string => basename(path);

// ---- recent files

const RECENT_FILE = 'recent.json';
const MAX_RECENT = 12;

export function readRecent(stateDir: string): PageFileEntry[] {
  try {
    const list = JSON.parse(readFileSync(join(stateDir, RECENT_FILE), 'utf8')) as unknown;
    if (!Array.isArray(list)) return [];
    return list.filter((e): e is PageFileEntry => typeof e?.path === 'string' && typeof e?.title === 'string' && typeof e?.modified === 'string');
  } catch {
    return [];
  }
}

function rememberRecent(env: HostEnv, abs: string): void {
  const files = env.files;
  try {
    mkdirSync(files.stateDir, { recursive: true });
    const entry: PageFileEntry = { path: abs, title: titleOf(abs), modified: new Date().toISOString() };
    const list = [entry, ...readRecent(files.stateDir).filter((e) => e.path !== abs)].slice(0, MAX_RECENT);
    writeFileAtomic(join(files.stateDir, RECENT_FILE), JSON.stringify(list, null, 1));
    files.grant(abs, 'open');
  } catch {
    // The recent list is a convenience; failing to write it must not fail the save.
  }
}

export async function recentFiles(env: HostEnv): Promise<HostResult<PageFileEntry[]>> {
  const list = readRecent(env.files.stateDir).filter((e) => existsSync(e.path));
  return { ok: true, value: list.map((e) => ({ ...e, path: env.files.shown(e.path) })) };
}

// ---- open and save

/** What each file this host opened or saved held then, by absolute path: a save over it checks it first. */
const onDiskFiles = new WeakMap<HostEnv, Map<string, OnDisk>>();

function knownOnDisk(env: HostEnv): Map<string, OnDisk> {
  let files = onDiskFiles.get(env);
  if (!files) onDiskFiles.set(env, (files = new Map()));
  return files;
}

export async function openPage(env: HostEnv, path: string | null): Promise<HostResult<OpenedPage | OpenedEdition | null>> {
  const chosen = await env.files.choose('open', path);
  if (!chosen) return { ok: true, value: null };
  if (!chosen.ok) return chosen;
  const loaded = loadPageOrEdition(chosen.abs);
  if (!loaded.ok) {
    // The message names the file as the user knows it, not the host's absolute path.
    return fail(loaded.zh.split(chosen.abs).join(chosen.shown), loaded.en.split(chosen.abs).join(chosen.shown));
  }
  rememberRecent(env, chosen.abs);
  knownOnDisk(env).set(chosen.abs, loaded.onDisk);
  if ('edition' in loaded) return { ok: true, value: { edition: loaded.edition, path: chosen.shown, title: titleOf(chosen.abs) } };
  const { document, migratedFrom, fittedBlocks } = loaded;
  return { ok: true, value: { document, path: chosen.shown, title: titleOf(chosen.abs), ...(migratedFrom !== undefined ? { migratedFrom } : {}), ...(fittedBlocks ? { fittedBlocks } : {}) } };
}

function parseForWriting(json: string): HostResult<ReturnType<typeof parseDocument> & { ok: true }> {
  const parsed = parseDocument(json);
  if (!parsed.ok) return fail(`版面数据无效，未保存：${parsed.zh}`, `The page data is invalid and was not saved: ${parsed.en}`);
  return { ok: true, value: parsed };
}

export async function savePage(env: HostEnv, json: string, path: string | null): Promise<HostResult<SavedPage | null>> {
  const parsed = parseForWriting(json);
  if (!parsed.ok) return parsed;
  const chosen = await env.files.choose('save', path, 'untitled.banmian');
  if (!chosen) return { ok: true, value: null };
  if (!chosen.ok) return chosen;
  const saved = saveBanmianFile(chosen.abs, parsed.value.document, knownOnDisk(env).get(chosen.abs));
  if (!saved.ok) return fail(saved.zh.split(chosen.abs).join(chosen.shown), saved.en.split(chosen.abs).join(chosen.shown));
  knownOnDisk(env).set(chosen.abs, saved.onDisk);
  rememberRecent(env, chosen.abs);
  return { ok: true, value: { path: chosen.shown, title: titleOf(chosen.abs), bytes: saved.bytes } };
}

/**
 * Writes an edition back to the file it was opened from (a page of it edited in the app): checked
 * as an edition file is (pages sharing a number allowed, as the app opened it), then atomically.
 */
export async function saveEdition(env: HostEnv, json: string, path: string): Promise<HostResult<SavedPage>> {
  const parsed = parseEdition(json, { duplicateNumbers: 'allow' });
  if (!parsed.ok) return fail(`整期数据无效，未保存：${parsed.zh}`, `The edition data is invalid and was not saved: ${parsed.en}`);
  const chosen = await env.files.choose('save', path);
  if (!chosen) return fail('未选择文件，未保存', 'No file chosen; nothing was saved');
  if (!chosen.ok) return chosen;
  const saved = saveEditionFile(chosen.abs, parsed.edition, knownOnDisk(env).get(chosen.abs));
  if (!saved.ok) return fail(saved.zh.split(chosen.abs).join(chosen.shown), saved.en.split(chosen.abs).join(chosen.shown));
  knownOnDisk(env).set(chosen.abs, saved.onDisk);
  rememberRecent(env, chosen.abs);
  return { ok: true, value: { path: chosen.shown, title: titleOf(chosen.abs), bytes: saved.bytes } };
}

// ---- autosave and recovery

const RECOVERY_PAGE = 'recovery.banmian';
const RECOVERY_META = 'recovery.json';

export async function writeRecovery(env: HostEnv, json: string, path: string | null, title: string): Promise<HostResult<{ savedAt: string }>> {
  // The recovery file keeps the last page that could be written; say so, and why this one could not.
  const parsed = parseDocument(json);
  if (!parsed.ok) {
    const kept = existsSync(join(env.files.stateDir, RECOVERY_PAGE));
    return fail(
      `自动保存失败，${kept ? '恢复文件仍是上一次自动保存的版面' : '没有恢复文件'}：${parsed.zh}`,
      `Autosave failed; ${kept ? 'the recovery file still holds the previous autosave' : 'there is no recovery file'}: ${parsed.en}`,
    );
  }
  const dir = env.files.stateDir;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    return fail(`无法建立恢复文件夹：${describe(e)}`, `Cannot create the recovery folder: ${describe(e)}`);
  }
  const savedAt = new Date().toISOString();
  const page = writeFileAtomic(join(dir, RECOVERY_PAGE), json);
  if (!page.ok) return fail(`自动保存失败：${page.zh}`, `Autosave failed: ${page.en}`);
  const meta = writeFileAtomic(join(dir, RECOVERY_META), JSON.stringify({ path, title, savedAt }));
  if (!meta.ok) return fail(`自动保存失败：${meta.zh}`, `Autosave failed: ${meta.en}`);
  return { ok: true, value: { savedAt } };
}

export async function readRecovery(env: HostEnv): Promise<HostResult<RecoveredPage | null>> {
  const dir = env.files.stateDir;
  const pagePath = join(dir, RECOVERY_PAGE);
  if (!existsSync(pagePath)) return { ok: true, value: null };
  let meta: { path?: unknown; title?: unknown; savedAt?: unknown } = {};
  try {
    meta = JSON.parse(readFileSync(join(dir, RECOVERY_META), 'utf8'));
  } catch {
    // A page without its note is still worth offering.
  }
  const loaded = loadBanmianFile(pagePath);
  if (!loaded.ok) return fail(`恢复文件已损坏：${loaded.zh}`, `The recovery file is damaged: ${loaded.en}`);
  return {
    ok: true,
    value: {
      document: loaded.document,
      path: typeof meta.path === 'string' ? meta.path : null,
      title: typeof meta.title === 'string' ? meta.title : '恢复的版面',
      savedAt: typeof meta.savedAt === 'string' ? meta.savedAt : statSync(pagePath).mtime.toISOString(),
      ...(loaded.fittedBlocks ? { fittedBlocks: loaded.fittedBlocks } : {}),
    },
  };
}

export async function discardRecovery(env: HostEnv): Promise<HostResult<null>> {
  try {
    rmSync(join(env.files.stateDir, RECOVERY_PAGE), { force: true });
    rmSync(join(env.files.stateDir, RECOVERY_META), { force: true });
    return { ok: true, value: null };
  } catch (e) {
    return fail(`无法删除恢复文件：${describe(e)}`, `Cannot remove the recovery file: ${describe(e)}`);
  }
}

// ---- import and export

export async function importFiles(files: ImportFile[]): Promise<HostResult<ImportResult>> {
  try {
    const inputs = files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) }));
    return { ok: true, value: await importInputs(inputs) };
  } catch (e) {
    return fail(`导入失败：${describe(e)}`, `Import failed: ${describe(e)}`);
  }
}

/** Files exported in this session, by the path the renderer was given: the only ones openExported shows. */
const exportedFiles = new WeakMap<HostEnv, Map<string, string>>();

function rememberExported(env: HostEnv, shown: string, abs: string): void {
  let files = exportedFiles.get(env);
  if (!files) exportedFiles.set(env, (files = new Map()));
  files.set(shown, abs);
}

/** The absolute path of a file exported in this session, named as the renderer knows it. */
export function exportedFile(env: HostEnv, shown: string): string | undefined {
  return exportedFiles.get(env)?.get(shown);
}

/** Preflight, write through `write`, and report; shared by the print PDF and the proof PNG. */
async function exportWith(env: HostEnv, json: string, path: string | null, purpose: Purpose, suggested: string, write: (doc: ReturnType<typeof parseDocument> & { ok: true }, abs: string, fileName: string) => Promise<PrintOutcome>): Promise<HostResult<ExportOutcome | null>> {
  const parsed = parseDocument(json);
  if (!parsed.ok) return fail(`版面数据无效，未导出：${parsed.zh}`, `The page data is invalid and was not exported: ${parsed.en}`);
  const chosen = await env.files.choose(purpose, path, suggested);
  if (!chosen) return { ok: true, value: null };
  if (!chosen.ok) return chosen;
  try {
    const outcome = await write(parsed, chosen.abs, titleOf(chosen.abs));
    const lines = outcome.lines.map((l) => l.split(chosen.abs).join(chosen.shown));
    if (outcome.code === 1) return fail(`导出失败：${lines.join('；')}`, `Export failed: ${lines.join('; ')}`);
    if (outcome.code === 0) rememberExported(env, chosen.shown, chosen.abs);
    return { ok: true, value: { written: outcome.code === 0, path: chosen.shown, bytes: outcome.bytes, report: outcome.report, lines } };
  } catch (e) {
    return fail(`导出失败：${describe(e)}`, `Export failed: ${describe(e)}`);
  }
}

export function exportPdf(env: HostEnv, json: string, path: string | null, options: ExportOptions): Promise<HostResult<ExportOutcome | null>> {
  return exportWith(env, json, path, 'export', 'page.pdf', (parsed, abs, fileName) => printPage(parsed.document, abs, { fonts: fontsOf(env).registry(), fileName, bleedMm: options.bleedMm, marks: options.marks, pdfx: options.pdfx, force: options.force }));
}

export function exportPng(env: HostEnv, json: string, path: string | null, options: PngExportOptions): Promise<HostResult<ExportOutcome | null>> {
  return exportWith(env, json, path, 'exportPng', 'page.png', (parsed, abs, fileName) => printPng(parsed.document, abs, { fonts: fontsOf(env).registry(), fileName, dpi: options.dpi, force: options.force }));
}

/** Shows a file exported in this session: in the system viewer where there is one, else at a URL the UI opens. */
export async function openExported(env: HostEnv, path: string): Promise<HostResult<ShownExport>> {
  const abs = exportedFile(env, path);
  if (!abs || !existsSync(abs)) return fail(`只能打开本次导出的文件：${path.slice(0, 200)}`, `Only files exported in this session can be opened: ${path.slice(0, 200)}`);
  if (!env.openInViewer) return { ok: true, value: { shown: 'url', url: `exported/${path.split('/').map(encodeURIComponent).join('/')}` } };
  const problem = await env.openInViewer(abs);
  if (problem) return fail(`无法用系统查看器打开 ${titleOf(abs)}：${problem}`, `The system viewer cannot open ${titleOf(abs)}: ${problem}`);
  return { ok: true, value: { shown: 'viewer' } };
}

/** The proof PDF (校样): the proof view with margin notes and the list of open marks, from the page and its proof state. */
export async function exportProofPdf(env: HostEnv, json: string, path: string | null, pageTitle: string): Promise<HostResult<{ path: string; bytes: number } | null>> {
  const parsed = parseDocument(json);
  if (!parsed.ok) return fail(`版面数据无效，未导出：${parsed.zh}`, `The page data is invalid and was not exported: ${parsed.en}`);
  const chosen = await env.files.choose('export', path, 'proof.pdf');
  if (!chosen) return { ok: true, value: null };
  if (!chosen.ok) return chosen;
  try {
    const doc = parsed.document;
    const state = readProofState((doc as { proof?: unknown }).proof).state ?? { rounds: [], signoff: { log: [] }, articles: {} };
    const title = doc.page.header.paperName ? `${doc.page.header.paperName} ${pageTitle}` : pageTitle;
    const r = await proofPdf(doc, proofNotesOf(doc, state, title), { fonts: fontsOf(env).registry() });
    if (!r.ok) return fail(`导出校样失败：${r.zh}`, `Proof PDF export failed: ${r.en}`);
    const written = writeFileAtomic(chosen.abs, r.bytes);
    if (!written.ok) return fail(written.zh.split(chosen.abs).join(chosen.shown), written.en.split(chosen.abs).join(chosen.shown));
    return { ok: true, value: { path: chosen.shown, bytes: written.bytes } };
  } catch (e) {
    return fail(`导出校样失败：${describe(e)}`, `Proof PDF export failed: ${describe(e)}`);
  }
}

// ---- the web host's sandbox

/**
 * Files under one folder, named by paths relative to it. Refuses absolute paths, '..', hidden
 * names and wrong extensions before anything touches the disk.
 */
export function sandboxAccess(folder: string): FileAccess {
  const root = resolve(folder);
  mkdirSync(root, { recursive: true });
  const stateDir = join(root, '.banmian-state');
  const resolveIn = (purpose: Purpose, path: string): Chosen => {
    const ext = PURPOSE_FILES[purpose].ext;
    const parts = path.split('/');
    const bad = path.length === 0 || path.length > 255 || /[\\\0:]/.test(path) || path.startsWith('/') || parts.length > 4 || parts.some((p) => p === '' || p === '.' || p === '..' || p.startsWith('.'));
    if (bad) return { ok: false, zh: `文件名无效：${path.slice(0, 80)}`, en: `Invalid file name: ${path.slice(0, 80)}` };
    if (!path.toLowerCase().endsWith(ext)) return { ok: false, zh: `文件名须以 ${ext} 结尾：${path}`, en: `The file name must end in ${ext}: ${path}` };
    const abs = resolve(root, path);
    if (!abs.startsWith(root + sep)) return { ok: false, zh: `文件名无效：${path}`, en: `Invalid file name: ${path}` };
    if (purpose !== 'open') mkdirSync(resolve(abs, '..'), { recursive: true });
    return { ok: true, abs, shown: relative(root, abs).split(sep).join('/') };
  };
  return {
    kind: 'web',
    nativeDialogs: false,
    stateDir,
    async choose(purpose, path) {
      if (path === null) return { ok: false, zh: '网页宿主没有系统对话框，请给出文件名', en: 'The web host has no system dialogs: give a file name' };
      return resolveIn(purpose, path);
    },
    shown: (abs) => relative(root, abs).split(sep).join('/'),
    grant: () => undefined,
    listPages() {
      const out: PageFileEntry[] = [];
      const walk = (dir: string, depth: number) => {
        for (const name of readdirSync(dir)) {
          if (name.startsWith('.')) continue;
          const abs = join(dir, name);
          const st = statSync(abs);
          if (st.isDirectory() && depth < 3) walk(abs, depth + 1);
          else if (st.isFile() && name.toLowerCase().endsWith('.banmian')) out.push({ path: relative(root, abs).split(sep).join('/'), title: name, modified: st.mtime.toISOString() });
        }
      };
      walk(root, 0);
      return out.sort((a, b) => b.modified.localeCompare(a.modified));
    },
  };
}
