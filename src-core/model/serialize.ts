import type { BanmianDocument, Block, PageSettings } from './document';
import { EDITION_FORMAT_VERSION, FORMAT_VERSION } from './document';
import { applyBlockFits, fitBlocksToColumns, type BlockFit } from './fit-blocks';
import { withAddedStyles } from './styles';
import { documentLimitIssue, DOCUMENT_LIMITS, showValue, validateDocument, type ValidationIssue } from './validate';

export type LoadResult =
  | {
      ok: true;
      document: BanmianDocument;
      migratedFrom?: number;
      /** Blocks that ran past the page's last column (an older build let that happen), moved or narrowed on load. */
      fittedBlocks?: BlockFit[];
    }
  | { ok: false; zh: string; en: string; issues?: ValidationIssue[] };

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * MIGRATIONS[n] turns a version-n page document into version n+1. Version 1 is the page format still;
 * version 2 is the edition (many pages), not a newer page, so a page opens as a one-page edition
 * through `editionFromPage` (src-core/edition/edition-file.ts) after this loader, not through this table.
 */
export const MIGRATIONS: Record<number, Migration> = {};

export function serializeDocument(doc: BanmianDocument): string {
  return JSON.stringify({ ...doc, formatVersion: FORMAT_VERSION });
}

export function migrate(raw: Record<string, unknown>, migrations: Record<number, Migration> = MIGRATIONS, target = FORMAT_VERSION): Record<string, unknown> {
  let doc = raw;
  let version = raw.formatVersion as number;
  while (version < target) {
    const step = migrations[version];
    if (!step) throw new Error(`no migration from format version ${version}`);
    doc = { ...step(doc), formatVersion: version + 1 };
    version += 1;
  }
  return doc;
}

/** What a file holds, for the messages of `readJson`: 版面 / page, 整期 / edition. */
export type FileKind = { zh: string; en: string };
export const PAGE_DATA: FileKind = { zh: '版面', en: 'page' };

/**
 * A saved file's JSON text read, once: its nesting checked before JSON.parse sees it (`nestingPast`),
 * then parsed. Never throws; the message says what the file is not (`kind`).
 */
export function readJson(text: string, kind: FileKind): { ok: true; raw: unknown } | { ok: false; zh: string; en: string } {
  const depth = nestingPast(text, DOCUMENT_LIMITS.depth);
  if (depth !== undefined) {
    return { ok: false, zh: `文件内容嵌套超过 ${DOCUMENT_LIMITS.depth} 层（第 ${depth + 1} 个字符处），不是${kind.zh}数据`, en: `The file nests deeper than ${DOCUMENT_LIMITS.depth} levels (at character ${depth + 1}); it is not ${kind.en} data` };
  }
  try {
    return { ok: true, raw: JSON.parse(text) };
  } catch (e) {
    return { ok: false, zh: `文件内容不是有效的${kind.zh}数据（JSON 解析失败：${(e as Error).message}）`, en: `The file is not Banmian ${kind.en} data (JSON parse failed: ${(e as Error).message})` };
  }
}

/** Parses, migrates and validates a saved document. Never throws; garbage gives a clear error. */
export function parseDocument(text: string, migrations: Record<number, Migration> = MIGRATIONS): LoadResult {
  const read = readJson(text, PAGE_DATA);
  return read.ok ? documentFromJson(read.raw, migrations) : read;
}

/** `parseDocument` of a file's parsed JSON (`readJson`): migrated and validated. Never throws. */
export function documentFromJson(raw: unknown, migrations: Record<number, Migration> = MIGRATIONS): LoadResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, zh: '文件内容不是版面数据', en: 'The file does not hold Banmian page data' };
  }
  const version = (raw as Record<string, unknown>).formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, zh: `文件缺少有效的格式版本号（formatVersion = ${showValue(version)}）`, en: `The file has no valid format version (formatVersion = ${showValue(version)})` };
  }
  // an edition is told apart by its pages: it is not a newer page, and upgrading would not open it here
  if (version === EDITION_FORMAT_VERSION && Array.isArray((raw as Record<string, unknown>).pages)) {
    return {
      ok: false,
      zh: '这是整期文件（格式版本 2，含多个版面），此处只能打开单个版面（格式版本 1）；请用命令行 export 导出整期',
      en: 'This is an edition file (format version 2, several pages); only a single page (format version 1) opens here. Export the edition with the CLI: export FILE.banmian -o OUTDIR',
    };
  }
  if (version > FORMAT_VERSION) {
    return {
      ok: false,
      zh: `此文件由更新版本的 Banmian 保存（格式版本 ${version}，本程序支持到 ${FORMAT_VERSION}），请升级后再打开`,
      en: `This file was saved by a newer Banmian (format version ${version}; this one reads up to ${FORMAT_VERSION}). Please upgrade to open it.`,
    };
  }
  let migrated: Record<string, unknown>;
  try {
    migrated = migrate(raw as Record<string, unknown>, migrations);
  } catch (e) {
    return { ok: false, zh: `无法升级旧版文件：${(e as Error).message}`, en: `Cannot upgrade the old file: ${(e as Error).message}` };
  }
  const tooMany = documentLimitIssue(migrated);
  if (tooMany) return { ok: false, zh: `版面数据有误：${tooMany.zh}`, en: `The page data is invalid: ${tooMany.en}`, issues: [tooMany] };
  migrated = withAddedStylesInFile(migrated);
  // Blocks past the last column are the one flaw the app itself used to write: fit them and open
  // the page (with a notice) instead of refusing it. Everything else is still validated as before.
  const fittedBlocks = fitBlocksInFile(migrated);
  if (fittedBlocks.length) migrated = { ...migrated, blocks: applyBlockFits(migrated.blocks as Block[], fittedBlocks) };
  const v = validateDocument(migrated);
  if (!v.ok) {
    const first = v.issues.slice(0, 5);
    return {
      ok: false,
      zh: `版面数据有误：${first.map((i) => i.zh).join('；')}`,
      en: `The page data is invalid: ${first.map((i) => i.en).join('; ')}`,
      issues: v.issues,
    };
  }
  return {
    ok: true,
    document: migrated as unknown as BanmianDocument,
    ...(version < FORMAT_VERSION ? { migratedFrom: version } : {}),
    ...(fittedBlocks.length ? { fittedBlocks } : {}),
  };
}

/**
 * Where the JSON text first nests deeper than `max` (an index), or undefined. Checked before
 * parsing, so a nesting bomb never reaches JSON.parse or any recursive walk of its result.
 */
export function nestingPast(text: string, max: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > max) return i;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return undefined;
}

/** The fits a parsed file's blocks need, when its page states a column count and its blocks are a list. */
function fitBlocksInFile(raw: Record<string, unknown>): BlockFit[] {
  const grid = (raw.page as { grid?: { columns?: unknown } } | undefined)?.grid;
  // A list with a non-object in it is left to validation, which names the entry.
  if (!Array.isArray(raw.blocks) || typeof grid?.columns !== 'number' || raw.blocks.some((b) => typeof b !== 'object' || b === null)) return [];
  return fitBlocksToColumns(raw.blocks as Block[], grid.columns);
}

/**
 * A file saved before a style existed opens with it made from its other styles (ADDED_STYLES), so
 * the page lists it and the next save keeps it. Anything not shaped like a page is left to validation.
 */
function withAddedStylesInFile(raw: Record<string, unknown>): Record<string, unknown> {
  const page = raw.page as { styles?: unknown } | undefined;
  const styles = page?.styles as Record<string, unknown> | undefined;
  if (typeof page !== 'object' || page === null || typeof styles !== 'object' || styles === null || Array.isArray(styles)) return raw;
  if (typeof styles.body !== 'object' || styles.body === null) return raw;
  return { ...raw, page: withAddedStyles(page as PageSettings) };
}
