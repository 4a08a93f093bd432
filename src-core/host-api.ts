import type { ImportResult } from './import/types';
import type { BanmianDocument } from './model/document';
import type { BlockFit } from './model/fit-blocks';
import type { PreflightReport } from './preflight/preflight';
import type { Role } from './model/proof';
import type { DeskBackup, DeskBackupSummary } from './collab/desk-backup';
import type { FontFaceInfo, FontListProblem } from './fonts/provider';
import type { EditionDocument } from './edition/edition';
import { isCertificateFingerprint, isDocumentJson, PNG_DPI, isExportOptions, isFilePath, isImportFiles, isPageIdArg, isPathArg, isPngOptions, isShareRequest, isTitleArg, isValidFaceId } from './host-args';

export { isCertificateFingerprint, isValidFaceId, PNG_DPI } from './host-args';

/**
 * The typed contract between the UI and its host: one table, HOST_API, below. The Electron preload,
 * the renderer's web proxy and the IPC registration are generated from it; the hosts check every
 * call's arguments with its guards and dispatch to a handler table typed by it (src-main/host/handlers.ts).
 *
 * Paths: the web host keeps pages in one sandbox folder and takes paths relative to it; Electron
 * takes absolute paths, but only ones the user chose in a native dialog or that are in the recent
 * list. `null` for a path means "ask the user" (a native dialog); where the host has no native
 * dialogs (the web host) the UI asks with its own dialog and passes the path.
 */

export type { FontFaceInfo, FontListProblem };

export interface StartupPage {
  document: BanmianDocument;
  /** Where it came from, shown in the title bar. */
  title: string;
  /** The file, when the page came from one the user can save to again. */
  path?: string | null;
}

export interface HostInfo {
  kind: 'electron' | 'web';
  /** Open/save dialogs and menus are native (Electron); otherwise the UI draws its own. */
  nativeDialogs: boolean;
  /** Seconds between autosaves to the recovery file. */
  autosaveSeconds: number;
}

export interface OpenedPage {
  document: BanmianDocument;
  path: string;
  title: string;
  /** The format version the file was written in, when it was migrated on load. */
  migratedFrom?: number;
  /** Blocks that ran past the page's last column (written by an older build), fitted on load. */
  fittedBlocks?: BlockFit[];
}

/** An edition file (整期, format version 2) opened: the app shows its overview, and opens its pages from there. */
export interface OpenedEdition {
  edition: EditionDocument;
  path: string;
  title: string;
}

export const isOpenedEdition = (v: OpenedPage | OpenedEdition): v is OpenedEdition => 'edition' in v;

export interface SavedPage {
  path: string;
  title: string;
  bytes: number;
}

export interface PageFileEntry {
  path: string;
  title: string;
  /** ISO time of the last change. */
  modified: string;
}

export interface RecoveredPage {
  document: BanmianDocument;
  /** The file the page belonged to, or null for a page never saved. */
  path: string | null;
  title: string;
  /** ISO time of the autosave. */
  savedAt: string;
  /** As for OpenedPage: blocks past the page's last column, fitted on load. */
  fittedBlocks?: BlockFit[];
}

/** One file given to the importer: its name and bytes in base64 (so it crosses IPC and HTTP alike). */
export interface ImportFile {
  name: string;
  base64: string;
}

export interface ExportOptions {
  bleedMm?: number;
  marks?: boolean;
  /** False: no PDF/X output intent (a 校样 PDF, `PROOF_PRINT`); absent: as the host prints. */
  pdfx?: boolean;
  /** Export even when preflight reports errors. */
  force?: boolean;
}

export interface ExportOutcome {
  /** False when preflight errors blocked the export (see report). */
  written: boolean;
  path: string;
  bytes?: number;
  report: PreflightReport;
  /** The report as lines, zh and en. */
  lines: string[];
}

/** The proof PNG (校样 PNG): the trimmed page without marks, rasterised. */
export interface PngExportOptions {
  /** Resolution in dpi (36–600; 150 when absent). */
  dpi?: number;
  /** Export even when preflight reports errors. */
  force?: boolean;
}

/**
 * How the host showed an exported file: in the system's viewer (Electron), or at a URL the UI opens
 * in a new tab (the web host has no access to the user's desktop, so it serves the file instead).
 */
export type ShownExport = { shown: 'viewer' } | { shown: 'url'; url: string };
/** 文件 → 共享此版面: who is invited, and whether beyond this machine. */
export interface ShareRequest {
  /** The person at this desk (组版), as the others see them. */
  deskName: string;
  proofreaderName: string;
  /** Also invite a duty editor (值班编辑) when a name is given. */
  dutyEditorName?: string;
  /** On the local network: wss:// with a certificate the host makes; otherwise this machine only (ws:// on loopback). */
  lan: boolean;
}

export interface ShareInvitation {
  role: Role;
  name: string;
  /** One line to give the person (address, page, token; see src-core/collab/invitation.ts). */
  invitation: string;
}

/** A page this host is sharing: its collaboration server runs in the host process. */
export interface SharedPageInfo {
  pageId: string;
  /** Where this desk itself connects, and with which token (as 组版). */
  deskUrl: string;
  deskToken: string;
  /** Addresses the others connect to. */
  addresses: string[];
  /** SHA-256 of the server's certificate on the LAN (also inside the invitations). */
  fingerprint?: string;
  invitations: ShareInvitation[];
  startedAt: string;
  /** The 组版 who shares (this desk), for a desk that rejoins its own share after a crash. */
  deskName?: string;
}

export type HostResult<T> = { ok: true; value: T } | { ok: false; zh: string; en: string };

/** A check of one argument as it arrives from the renderer; its type is the parameter's type. */
type ArgGuard = (v: unknown) => v is any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** One HostApi method: its argument checks in order, what a refused call is told, and its result type. */
export interface HostMethodSpec<Args extends readonly ArgGuard[] = readonly ArgGuard[], Value = unknown> {
  readonly args: Args;
  /** What the arguments must be, completing "<method>：需要…" / "<method>: needs …". */
  readonly zh: string;
  readonly en: string;
  /** Carries a page, files or a backup: the web host accepts a large request body. */
  readonly large?: true;
  /** Never set: carries the result type, so the table alone types the API. */
  readonly value?: Value;
}

const NO_ARGS = { zh: '不接受参数', en: 'takes no arguments' } as const;

/** A table entry resulting in HostResult<Value>. */
const method =
  <Value>() =>
  <const Args extends readonly ArgGuard[]>(args: Args, usage: { zh: string; en: string } = NO_ARGS, large?: true): HostMethodSpec<Args, Value> =>
    large ? { args, ...usage, large } : { args, ...usage };

const PAGE_ID = { zh: '需要一个版面编号（字母、数字、-、_，最多 64 个）', en: 'needs one page id (letters, digits, - and _, at most 64)' };
const PNG_DPI_RANGE = { zh: `${PNG_DPI.min}–${PNG_DPI.max} dpi`, en: `${PNG_DPI.min}–${PNG_DPI.max} dpi` };
const PAGE_PATH_OPTIONS = (what: string, whatEn: string) => ({ zh: `需要版面数据、文件路径和${what}`, en: `needs the page data, a file path and ${whatEn}` });

/**
 * Every method the UI may call on its host. Adding a method: one entry here, one handler in
 * src-main/host/handlers.ts (the compiler asks for it).
 */
export const HOST_API = {
  /** The page the app opens on: the sample page the first time. */
  startupPage: method<StartupPage>()([]),
  /** The font faces the host ships or the newsroom added. */
  listFonts: method<FontFaceInfo[]>()([]),
  /**
   * The installed font files (and folders) that listing could not use: damaged, truncated, web
   * (WOFF/WOFF2) or Type 1 fonts, unreadable files and folders, each named with why, zh and en. The
   * face picker names them; the faces listed are still listFonts'.
   */
  fontProblems: method<FontListProblem[]>()([]),
  /** The bytes of one face, for layout metrics and for drawing with the same file. */
  fontBytes: method<Uint8Array>()([isValidFaceId], { zh: '需要一个有效的字体编号', en: 'needs one valid font face id' }),
  hostInfo: method<HostInfo>()([]),
  /** Opens a .banmian file, a page or an edition; null path asks the user. A null value means the user cancelled. */
  openPage: method<OpenedPage | OpenedEdition | null>()([isPathArg], { zh: '需要一个文件路径或 null', en: 'needs one file path or null' }),
  /** Saves an edition (serialized edition JSON) atomically to the file it was opened from. */
  saveEdition: method<SavedPage>()([isDocumentJson, isFilePath], { zh: '需要整期数据和文件路径', en: 'needs the edition data and a file path' }, true),
  /** Saves the page (serialized document JSON) atomically; null path asks where (Save As). */
  savePage: method<SavedPage | null>()([isDocumentJson, isPathArg], { zh: '需要版面数据和文件路径（或 null）', en: 'needs the page data and a file path (or null)' }, true),
  /** Pages the user may open without a dialog: the sandbox folder (web) or the recent files (Electron). */
  listPages: method<PageFileEntry[]>()([]),
  recentFiles: method<PageFileEntry[]>()([]),
  /** Autosave: the page as it is now, for recovery after a crash. */
  writeRecovery: method<{ savedAt: string }>()([isDocumentJson, isPathArg, isTitleArg], PAGE_PATH_OPTIONS('标题', 'a title'), true),
  /** The page autosaved before the last crash, if any. */
  readRecovery: method<RecoveredPage | null>()([]),
  discardRecovery: method<null>()([]),
  /** Imports text, Markdown, Word and image files into articles and images. */
  importFiles: method<ImportResult>()([isImportFiles], { zh: '需要文件列表（名称与 base64 内容，最多 200 个）', en: 'needs a list of files (name and base64 bytes, at most 200)' }, true),
  /** Preflights and exports the page as a print PDF; null path asks where. A null value means cancelled. */
  exportPdf: method<ExportOutcome | null>()([isDocumentJson, isPathArg, isExportOptions], PAGE_PATH_OPTIONS('导出选项', 'export options'), true),
  /**
   * Exports the combined print PDF of an edition (serialized edition JSON; its page numbers unique):
   * every page through the N-page writer, written atomically; refused while a page has preflight
   * errors unless forced. The per-page PDFs are `exportPdf` of each page. Null path asks where.
   */
  exportEditionPdf: method<{ path: string; bytes: number } | null>()([isDocumentJson, isPathArg, isExportOptions], { zh: '需要整期数据、文件路径和导出选项', en: 'needs the edition data, a file path and export options' }, true),
  /**
   * Exports the proof PDF (校样) of the page: the proof view with its marks in the margin and a list
   * of the open marks. The document JSON carries the proof state (`proof`, see store/persist).
   * Null path asks where; a null value means cancelled.
   */
  exportProofPdf: method<{ path: string; bytes: number } | null>()([isDocumentJson, isPathArg, isTitleArg], PAGE_PATH_OPTIONS('版面标题', 'the page title'), true),
  /** Preflights and exports the proof PNG (校样 PNG) of the page; null path asks where. A null value means cancelled. */
  exportPng: method<ExportOutcome | null>()(
    [isDocumentJson, isPathArg, isPngOptions],
    PAGE_PATH_OPTIONS(`导出选项（分辨率 ${PNG_DPI_RANGE.zh}）`, `export options (resolution ${PNG_DPI_RANGE.en})`),
    true,
  ),
  /** Shows a file exported in this session (by the path the export returned); any other path is refused. */
  openExported: method<ShownExport>()([isFilePath], { zh: '需要一个已导出文件的路径', en: 'needs the path of an exported file' }),
  /**
   * Starts sharing: the collaboration server in the host process (its data and users file in the
   * host's state folder), a fresh page id, tokens for this desk and the invited people. The desk then
   * connects its own documents, which seeds the empty server page. One share at a time.
   */
  shareStart: method<SharedPageInfo>()([isShareRequest], {
    zh: '需要共享设置：本人和校对的姓名（各 1–40 字）、是否局域网',
    en: 'needs the share settings: the names of this desk and of the proofreader (1–40 characters each) and whether on the network',
  }),
  /** Stops sharing: the server closes and the share's tokens are revoked. */
  shareStop: method<null>()([]),
  /** The page being shared, or null. */
  shareStatus: method<SharedPageInfo | null>()([]),
  /** A joining desk trusts the LAN certificate its invitation names (SHA-256, hex pairs with colons). */
  shareTrust: method<null>()([isCertificateFingerprint], { zh: '需要一个证书指纹（SHA-256）', en: 'needs one certificate fingerprint (SHA-256)' }),
  /**
   * Keeps this desk's copy of a shared page (src-core/collab/desk-backup.ts, as JSON) on disk, one per
   * page id, replacing the previous one atomically: unsynced edits survive the desk, its host or the
   * server dying.
   */
  deskBackupWrite: method<{ savedAt: string }>()([isPageIdArg, isDocumentJson], { zh: '需要版面编号和备份数据', en: 'needs a page id and the backup data' }, true),
  /** The copy kept for a page id, or null. */
  deskBackupRead: method<DeskBackup | null>()([isPageIdArg], PAGE_ID),
  /** The copies kept, newest first (for 恢复未同步的修改). */
  deskBackupList: method<DeskBackupSummary[]>()([]),
  deskBackupDiscard: method<null>()([isPageIdArg], PAGE_ID),
} as const satisfies Record<string, HostMethodSpec>;

export type HostApiMethod = keyof typeof HOST_API;
type GuardedArgs<G> = { -readonly [I in keyof G]: G[I] extends (v: unknown) => v is infer T ? T : never };
/** The parameters of a method, as its guards prove them. */
export type HostArgs<M extends HostApiMethod> = GuardedArgs<(typeof HOST_API)[M]['args']>;
/** What a method's HostResult carries when it succeeds. */
export type HostValue<M extends HostApiMethod> = (typeof HOST_API)[M] extends HostMethodSpec<readonly ArgGuard[], infer V> ? V : never;

/** The API as the renderer calls it; each method's documentation is its table entry's. */
export type HostApi = { [M in HostApiMethod]: (...args: HostArgs<M>) => Promise<HostResult<HostValue<M>>> };

/** Method names of HostApi, for the preload bridge, the web proxy and the IPC registration. */
export const HOST_API_METHODS = Object.keys(HOST_API) as HostApiMethod[];

export const isHostApiMethod = (name: unknown): name is HostApiMethod => typeof name === 'string' && Object.hasOwn(HOST_API, name);

/** Names in `have` that the table lacks, and table methods `have` lacks: both empty when a side covers the table exactly. */
export function hostTableMismatch(have: Iterable<string>): { missing: string[]; extra: string[] } {
  const got = new Set(have);
  return { missing: HOST_API_METHODS.filter((m) => !got.has(m)), extra: [...got].filter((m) => !isHostApiMethod(m)) };
}

export { SESSION_HEADER, SESSION_META } from './host-session';

/**
 * Commands the native menu (Electron) sends to the renderer, by id; the renderer runs the same
 * commands as its own menus. Exposed by the preload next to the HostApi as `banmianMenu`.
 */
export interface MenuBridge {
  onCommand(listener: (commandId: string) => void): () => void;
}

/** The IPC channel on which the native menu sends a command id to the window. */
export const MENU_CHANNEL = 'banmian:menu';

/** The IPC channel of one HostApi method: the preload invokes exactly these, main handles exactly these. */
export const hostChannel = (method: HostApiMethod): string => `banmian:${method}`;
