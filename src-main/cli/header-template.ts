/**
 * The page template's header (报头/报眉): 报名, date (printed with its weekday, and 农历 when asked),
 * 版次, 版名 and the credits, from a template JSON file and compose's own options (which win).
 */
import { readRegularFile } from '../import/read-file';
import { DATE_LINES, type PageHeader } from '../../src-core/model/document';
import { DOCUMENT_LIMITS } from '../../src-core/model/validate';
import { calendarDay } from '../../src-core/layout/date';

type Fail = { zh: string; en: string };
export type HeaderFields = Partial<Omit<PageHeader, 'height'>>;

/** The template's fields: every one a string; `dateLine` one of DATE_LINES. */
const TEXT_FIELDS = ['paperName', 'date', 'pageNumber', 'section', 'editor', 'proofreader', 'layoutEditor'] as const;
/** A template is a few hundred bytes; anything much larger is not one. */
const MAX_TEMPLATE_BYTES = 64 * 1024;

/** compose's options that set a header field. */
export const HEADER_OPTIONS = { paper: 'paperName', date: 'date', 'page-number': 'pageNumber', 'page-name': 'section' } as const;

/** Checks header fields from any source (`where` names the file or the options in messages). */
export function checkHeader(raw: unknown, where: string): HeaderFields | Fail {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { zh: `${where}：应为 JSON 对象`, en: `${where}: must be a JSON object` };
  const out: HeaderFields = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'dateLine') {
      if (!DATE_LINES.includes(value as never)) return { zh: `${where}：dateLine 应为 ${DATE_LINES.join(' 或 ')}（现为 ${JSON.stringify(value)}）`, en: `${where}: dateLine must be ${DATE_LINES.join(' or ')} (found ${JSON.stringify(value)})` };
      out.dateLine = value as HeaderFields['dateLine'];
      continue;
    }
    if (!(TEXT_FIELDS as readonly string[]).includes(key)) return { zh: `${where}：未知字段 ${key}（可用：${[...TEXT_FIELDS, 'dateLine'].join('、')}）`, en: `${where}: unknown field ${key} (known: ${[...TEXT_FIELDS, 'dateLine'].join(', ')})` };
    if (typeof value !== 'string' || value.length > DOCUMENT_LIMITS.textChars || /[\n\r]/.test(value)) return { zh: `${where}：${key} 应为一行文字（不超过 ${DOCUMENT_LIMITS.textChars} 个字符）`, en: `${where}: ${key} must be one line of text (at most ${DOCUMENT_LIMITS.textChars} characters)` };
    out[key as (typeof TEXT_FIELDS)[number]] = value.trim();
  }
  if (out.date && !calendarDay(out.date)) return { zh: `${where}：日期 ${out.date} 不是有效的日期（应为 年-月-日，例如 2026-12-03）`, en: `${where}: date ${out.date} is not a valid day (use YYYY-MM-DD, e.g. 2026-12-03)` };
  return out;
}

/** Reads a template file: bounded, parsed and checked; the message names the file. */
export function readHeaderTemplate(path: string): HeaderFields | Fail {
  try {
    const read = readRegularFile(path, `版面模板 page template ${path}`, MAX_TEMPLATE_BYTES);
    if (!read.ok) return { zh: read.zh, en: read.en };
    const raw: unknown = JSON.parse(new TextDecoder().decode(read.bytes));
    const header = typeof raw === 'object' && raw !== null && 'header' in raw ? (raw as { header: unknown }).header : raw;
    return checkHeader(header, `版面模板 page template ${path}`);
  } catch (e) {
    return { zh: `无法读取版面模板 ${path}（${(e as Error).message}）`, en: `Cannot read page template ${path} (${(e as Error).message})` };
  }
}

/** Template fields, then the options given on the command line (they win). */
export function headerFrom(template: string | undefined, options: Record<string, unknown>): HeaderFields | Fail {
  const base = template === undefined ? {} : readHeaderTemplate(template);
  if ('zh' in base) return base;
  const given = Object.fromEntries(Object.entries(HEADER_OPTIONS).filter(([opt]) => typeof options[opt] === 'string').map(([opt, field]) => [field, options[opt]]));
  const fromOptions = checkHeader(given, '选项 options');
  if ('zh' in fromOptions) return fromOptions;
  return { ...base, ...fromOptions };
}
