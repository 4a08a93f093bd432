import type { ImportResult } from './import/types';
import type { BanmianDocument } from './model/document';
import type { BlockFit } from './model/fit-blocks';
import type { PreflightReport } from './preflight/preflight';
import type { Role } from './model/proof';
import type { DeskBackup, DeskBackupSummary } from './collab/desk-backup';

/**
 * The typed contract between the UI and its host. The Electron preload exposes exactly these
 * methods (main validates every argument); in tests a small local web host built on the same
 * src-main handlers implements them over HTTP.
 *
 * Paths: the web host keeps pages in one sandbox folder and takes paths relative to it; Electron
 * takes absolute paths, but only ones the user chose in a native dialog or that are in the recent
 * list. `null` for a path means "ask the user" (a native dialog); where the host has no native
 * dialogs (the web host) the UI asks with its own dialog and passes the path.
 */

export interface FontFaceInfo {
  /** Registry face id, e.g. 'song-regular'. */
  id: string;
  family: string;
  bold: boolean;
  postscriptName: string;
}

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

/** Resolutions a proof PNG may have (dpi): enough to read 6-point type, small enough to mail. */
export const PNG_DPI = { min: 36, max: 600, default: 150 } as const;

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

export interface HostApi {
  /** The page the app opens on: the sample page the first time. */
  startupPage(): Promise<HostResult<StartupPage>>;
  /** The font faces the host ships or the newsroom added. */
  listFonts(): Promise<HostResult<FontFaceInfo[]>>;
  /** The bytes of one face, for layout metrics and for drawing with the same file. */
  fontBytes(id: string): Promise<HostResult<Uint8Array>>;
  hostInfo(): Promise<HostResult<HostInfo>>;
  /** Opens a .banmian file; null path asks the user. A null value means the user cancelled. */
  openPage(path: string | null): Promise<HostResult<OpenedPage | null>>;
  /** Saves the page (serialized document JSON) atomically; null path asks where (Save As). */
  savePage(documentJson: string, path: string | null): Promise<HostResult<SavedPage | null>>;
  /** Pages the user may open without a dialog: the sandbox folder (web) or the recent files (Electron). */
  listPages(): Promise<HostResult<PageFileEntry[]>>;
  recentFiles(): Promise<HostResult<PageFileEntry[]>>;
  /** Autosave: the page as it is now, for recovery after a crash. */
  writeRecovery(documentJson: string, path: string | null, title: string): Promise<HostResult<{ savedAt: string }>>;
  /** The page autosaved before the last crash, if any. */
  readRecovery(): Promise<HostResult<RecoveredPage | null>>;
  discardRecovery(): Promise<HostResult<null>>;
  /** Imports text, Markdown, Word and image files into articles and images. */
  importFiles(files: ImportFile[]): Promise<HostResult<ImportResult>>;
  /** Preflights and exports the page as a print PDF; null path asks where. A null value means cancelled. */
  exportPdf(documentJson: string, path: string | null, options: ExportOptions): Promise<HostResult<ExportOutcome | null>>;
  /**
   * Exports the proof PDF (校样) of the page: the proof view with its marks in the margin and a list
   * of the open marks. The document JSON carries the proof state (`proof`, see store/persist).
   * Null path asks where; a null value means cancelled.
   */
  exportProofPdf(documentJson: string, path: string | null, pageTitle: string): Promise<HostResult<{ path: string; bytes: number } | null>>;
  /** Preflights and exports the proof PNG (校样 PNG) of the page; null path asks where. A null value means cancelled. */
  exportPng(documentJson: string, path: string | null, options: PngExportOptions): Promise<HostResult<ExportOutcome | null>>;
  /** Shows a file exported in this session (by the path the export returned); any other path is refused. */
  openExported(path: string): Promise<HostResult<ShownExport>>;
  /**
   * Starts sharing: the collaboration server in the host process (its data and users file in the
   * host's state folder), a fresh page id, tokens for this desk and the invited people. The desk then
   * connects its own documents, which seeds the empty server page. One share at a time.
   */
  shareStart(request: ShareRequest): Promise<HostResult<SharedPageInfo>>;
  /** Stops sharing: the server closes and the share's tokens are revoked. */
  shareStop(): Promise<HostResult<null>>;
  /** The page being shared, or null. */
  shareStatus(): Promise<HostResult<SharedPageInfo | null>>;
  /** A joining desk trusts the LAN certificate its invitation names (SHA-256, hex pairs with colons). */
  shareTrust(fingerprint: string): Promise<HostResult<null>>;
  /**
   * Keeps this desk's copy of a shared page (src-core/collab/desk-backup.ts, as JSON) on disk, one per
   * page id, replacing the previous one atomically: unsynced edits survive the desk, its host or the
   * server dying.
   */
  deskBackupWrite(pageId: string, backupJson: string): Promise<HostResult<{ savedAt: string }>>;
  /** The copy kept for a page id, or null. */
  deskBackupRead(pageId: string): Promise<HostResult<DeskBackup | null>>;
  /** The copies kept, newest first (for 恢复未同步的修改). */
  deskBackupList(): Promise<HostResult<DeskBackupSummary[]>>;
  deskBackupDiscard(pageId: string): Promise<HostResult<null>>;
}

/** Method names of HostApi, for the preload bridge and the host's argument validation. */
/**
 * The browser host's API answers only requests carrying its per-session secret in this header; the
 * index.html it serves hands the secret to the app in a <meta> of this name.
 */
export const SESSION_HEADER = 'x-banmian-session';
export const SESSION_META = 'banmian-session';

export const HOST_API_METHODS = [
  'startupPage',
  'listFonts',
  'fontBytes',
  'hostInfo',
  'openPage',
  'savePage',
  'listPages',
  'recentFiles',
  'writeRecovery',
  'readRecovery',
  'discardRecovery',
  'importFiles',
  'exportPdf',
  'exportProofPdf',
  'exportPng',
  'openExported',
  'shareStart',
  'shareStop',
  'shareStatus',
  'shareTrust',
  'deskBackupWrite',
  'deskBackupRead',
  'deskBackupList',
  'deskBackupDiscard',
] as const satisfies readonly (keyof HostApi)[];

export type HostApiMethod = (typeof HOST_API_METHODS)[number];

/** A face id is a short slug; the host refuses anything else before touching the disk. */
export function isValidFaceId(id: unknown): id is string {
  return typeof id === 'string' && /^[a-z0-9][a-z0-9-]{0,63}$/.test(id);
}

/** A certificate fingerprint as the invitations carry it: SHA-256, 32 hex pairs joined by colons. */
export function isCertificateFingerprint(v: unknown): v is string {
  return typeof v === 'string' && /^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$/.test(v);
}

/**
 * Commands the native menu (Electron) sends to the renderer, by id; the renderer runs the same
 * commands as its own menus. Exposed by the preload next to the HostApi as `banmianMenu`.
 */
export interface MenuBridge {
  onCommand(listener: (commandId: string) => void): () => void;
}

export const isMenuCommandId = (id: unknown): id is string => typeof id === 'string' && /^[a-z]+\.[A-Za-z]+$/.test(id);
