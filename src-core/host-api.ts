import type { BanmianDocument } from './model/document';

/**
 * The typed contract between the UI and its host. The Electron preload exposes exactly these
 * methods (main validates every argument); in tests a small local web host built on the same
 * src-main handlers implements them over HTTP.
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
}

export type HostResult<T> = { ok: true; value: T } | { ok: false; zh: string; en: string };

export interface HostApi {
  /** The page the app opens on: the sample page the first time. */
  startupPage(): Promise<HostResult<StartupPage>>;
  /** The font faces the host ships or the newsroom added. */
  listFonts(): Promise<HostResult<FontFaceInfo[]>>;
  /** The bytes of one face, for layout metrics and for drawing with the same file. */
  fontBytes(id: string): Promise<HostResult<Uint8Array>>;
}

/** Method names of HostApi, for the preload bridge and the host's argument validation. */
export const HOST_API_METHODS = ['startupPage', 'listFonts', 'fontBytes'] as const satisfies readonly (keyof HostApi)[];

export type HostApiMethod = (typeof HOST_API_METHODS)[number];

/** A face id is a short slug; the host refuses anything else before touching the disk. */
export function isValidFaceId(id: unknown): id is string {
  return typeof id === 'string' && /^[a-z0-9][a-z0-9-]{0,63}$/.test(id);
}
