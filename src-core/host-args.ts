import { isValidId } from './collab/names';
import type { ExportOptions, ImportFile, PngExportOptions, ShareRequest } from './host-api';

/**
 * The argument checks of the HostApi table (host-api.ts): what a call from the renderer must look
 * like before a handler sees it. Pure, so the table, the hosts and the tests share them.
 */

/** Resolutions a proof PNG may have (dpi): enough to read 6-point type, small enough to mail. */
export const PNG_DPI = { min: 36, max: 600, default: 150 } as const;

/** The largest page (or desk backup) JSON a host accepts. */
export const MAX_PAGE_JSON_CHARS = 400 * 1024 * 1024;

/** A face id is a short slug; the host refuses anything else before touching the disk. */
export function isValidFaceId(id: unknown): id is string {
  return typeof id === 'string' && /^[a-z0-9][a-z0-9-]{0,63}$/.test(id);
}

/** A certificate fingerprint as the invitations carry it: SHA-256, 32 hex pairs joined by colons. */
export function isCertificateFingerprint(v: unknown): v is string {
  return typeof v === 'string' && /^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$/.test(v);
}

/** Paths are short strings without NUL, or null for "ask the user". */
export function isPathArg(v: unknown): v is string | null {
  return v === null || isFilePath(v);
}

export function isFilePath(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= 4096 && !v.includes('\0');
}

/** Page (or desk backup) JSON: a string that looks like an object; the parser checks the rest. */
export function isDocumentJson(v: unknown): v is string {
  return typeof v === 'string' && v.length <= MAX_PAGE_JSON_CHARS && v.trimStart().startsWith('{');
}

/** A page title as the UI shows it. */
export const isTitleArg = (v: unknown): v is string => typeof v === 'string' && v.length <= 500;

export const isPageIdArg = (v: unknown): v is string => typeof v === 'string' && isValidId(v);

export function isImportFiles(v: unknown): v is ImportFile[] {
  return (
    Array.isArray(v) &&
    v.length > 0 &&
    v.length <= 200 &&
    v.every((f) => typeof f === 'object' && f !== null && typeof f.name === 'string' && f.name.length > 0 && f.name.length <= 255 && typeof f.base64 === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(f.base64.slice(-8)))
  );
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const onlyKeys = (o: Record<string, unknown>, keys: readonly string[]): boolean => Object.keys(o).every((k) => keys.includes(k));
const isOptionalBoolean = (v: unknown): boolean => v === undefined || typeof v === 'boolean';

export function isExportOptions(v: unknown): v is ExportOptions {
  if (!isPlainObject(v) || !onlyKeys(v, ['bleedMm', 'marks', 'pdfx', 'force'])) return false;
  if (v.bleedMm !== undefined && (typeof v.bleedMm !== 'number' || !(v.bleedMm >= 0 && v.bleedMm <= 20))) return false;
  return isOptionalBoolean(v.marks) && isOptionalBoolean(v.pdfx) && isOptionalBoolean(v.force);
}

export function isPngOptions(v: unknown): v is PngExportOptions {
  if (!isPlainObject(v) || !onlyKeys(v, ['dpi', 'force'])) return false;
  if (v.dpi !== undefined && !(Number.isInteger(v.dpi) && (v.dpi as number) >= PNG_DPI.min && (v.dpi as number) <= PNG_DPI.max)) return false;
  return isOptionalBoolean(v.force);
}

const isPersonName = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0 && v.trim().length <= 40 && !/[\u0000-\u001f]/.test(v);

export function isShareRequest(v: unknown): v is ShareRequest {
  if (!isPlainObject(v) || !onlyKeys(v, ['deskName', 'proofreaderName', 'dutyEditorName', 'lan'])) return false;
  return isPersonName(v.deskName) && isPersonName(v.proofreaderName) && (v.dutyEditorName === undefined || isPersonName(v.dutyEditorName)) && typeof v.lan === 'boolean';
}
