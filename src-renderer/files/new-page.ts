import { FORMAT_PRESETS, centredSideMargin, emptyDocument } from '../../src-core/model/defaults';
import type { BanmianDocument } from '../../src-core/model/document';
import { mmToPt } from '../../src-core/model/units';
import { validateDocument } from '../../src-core/model/validate';

/** 新建版面: what the dialog asks for, in the newsroom's units. */
export interface NewPageSpec {
  preset: 'broadsheet' | 'tabloid' | 'custom';
  widthMm: number;
  heightMm: number;
  columns: number;
  charsPerColumn: number;
}

export function presetSpec(preset: 'broadsheet' | 'tabloid'): NewPageSpec {
  const p = FORMAT_PRESETS[preset];
  return { preset, widthMm: p.widthMm, heightMm: p.heightMm, columns: p.columns, charsPerColumn: p.charsPerColumn };
}

export type NewPageResult = { ok: true; doc: BanmianDocument } | { ok: false; zh: string; en: string };

/**
 * An empty page of the given size and character grid (背景格), its text area centred between the
 * side margins as 方正飞腾 does; refused when the grid does not fit the page.
 */
export function newPageDocument(spec: NewPageSpec): NewPageResult {
  const base = emptyDocument(spec.preset === 'tabloid' ? 'tabloid' : 'broadsheet');
  const page = base.page;
  const width = mmToPt(spec.widthMm);
  const height = mmToPt(spec.heightMm);
  const columns = Math.round(spec.columns);
  const chars = Math.round(spec.charsPerColumn);
  if (!(columns >= 1 && columns <= 20 && chars >= 1 && chars <= 80)) return { ok: false, zh: '栏数应为 1–20，每栏字数应为 1–80', en: 'Columns must be 1–20 and characters per column 1–80' };
  if (!(spec.widthMm >= 50 && spec.widthMm <= 2000 && spec.heightMm >= 50 && spec.heightMm <= 2000)) return { ok: false, zh: '版面宽高应在 50–2000 mm 之间', en: 'Page width and height must be 50–2000 mm' };
  const side = centredSideMargin(width, { columns, charsPerColumn: chars, gutterChars: page.grid.gutterChars }, page.bodySize);
  if (side < mmToPt(5)) {
    const needMm = Math.ceil((width - 2 * side + 2 * mmToPt(5)) / mmToPt(1));
    return { ok: false, zh: `${columns} 栏 × 每栏 ${chars} 字放不下：版宽至少需要 ${needMm} mm`, en: `${columns} columns of ${chars} characters do not fit: the page needs at least ${needMm} mm` };
  }
  const doc: BanmianDocument = {
    ...base,
    page: {
      ...page,
      format: { name: spec.preset, width, height },
      margins: { ...page.margins, left: side, right: side },
      grid: { ...page.grid, columns, charsPerColumn: chars },
    },
  };
  const v = validateDocument(doc);
  if (!v.ok) return { ok: false, zh: `版面设置无效：${v.issues[0]?.zh ?? ''}`, en: `Invalid page settings: ${v.issues[0]?.en ?? ''}` };
  return { ok: true, doc };
}
