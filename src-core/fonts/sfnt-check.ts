/**
 * The one check a face passes before it is opened (FontFace): the tables that say where each glyph
 * is and how wide it is agree with each other and stay inside the file. fontkit reads lazily and
 * trusts them, so a damaged head, hhea, loca or glyf otherwise surfaces later as an exception from
 * deep inside a layout (“Offset is outside the bounds of the DataView”), and the PDF writer's
 * TrueType subsetter would size its glyf copy from loca offsets it cannot trust.
 */
import { FontInfoError } from './sfnt-info';

/** unitsPerEm as the OpenType spec allows it (head). */
const UNITS_PER_EM = { min: 16, max: 16384 } as const;

interface Table {
  offset: number;
  length: number;
}

const damaged = (table: string, zh: string, en: string): FontInfoError => new FontInfoError(`${table} 表已损坏（${zh}）`, `has a damaged ${table} table (${en})`);

/** The table directory of a single sfnt; a table outside the file is damage. */
function tablesOf(view: DataView): Map<string, Table> {
  if (view.byteLength < 12) throw new FontInfoError('被截断（没有表目录）', 'is truncated (no table directory)');
  const count = view.getUint16(4);
  if (12 + 16 * count > view.byteLength) throw new FontInfoError('被截断（表目录超出文件末尾）', 'is truncated (its table directory runs past the end)');
  const tables = new Map<string, Table>();
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
    const table = { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) };
    if (table.offset + table.length > view.byteLength) throw new FontInfoError(`被截断或已损坏（${tag.trim()} 表超出文件末尾）`, `is truncated or damaged (its ${tag.trim()} table runs past the end)`);
    tables.set(tag, table);
  }
  return tables;
}

function need(tables: Map<string, Table>, tag: string, min: number): Table {
  const table = tables.get(tag);
  if (!table) throw new FontInfoError(`没有 ${tag} 表`, `has no ${tag} table`);
  if (table.length < min) throw damaged(tag, `只有 ${table.length} 字节`, `${table.length} bytes long`);
  return table;
}

/** Throws a FontInfoError (zh, en; without the file's name: the caller names the face) when a single face's glyph tables cannot be trusted. */
export function checkGlyphTables(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = tablesOf(view);
  const head = need(tables, 'head', 54);
  const unitsPerEm = view.getUint16(head.offset + 18);
  if (unitsPerEm < UNITS_PER_EM.min || unitsPerEm > UNITS_PER_EM.max) throw damaged('head', `每 em ${unitsPerEm} 单位`, `${unitsPerEm} units per em`);
  const glyphs = view.getUint16(need(tables, 'maxp', 6).offset + 4);
  if (glyphs === 0) throw damaged('maxp', '没有字形', 'no glyphs');
  const metrics = view.getUint16(need(tables, 'hhea', 36).offset + 34);
  if (metrics === 0 || metrics > glyphs) throw damaged('hhea', `${metrics} 个宽度，${glyphs} 个字形`, `${metrics} advance widths for ${glyphs} glyphs`);
  need(tables, 'hmtx', 4 * metrics);
  need(tables, 'cmap', 4);
  if (tables.has('glyf')) checkLoca(view, tables, view.getInt16(head.offset + 50), glyphs);
  else if (!tables.has('CFF ') && !tables.has('CFF2')) throw new FontInfoError('没有字形轮廓（既无 glyf 也无 CFF 表）', 'has no glyph outlines (neither a glyf nor a CFF table)');
}

/** Each glyph's place in glyf: loca's offsets never go back and never past glyf's end. */
function checkLoca(view: DataView, tables: Map<string, Table>, format: number, glyphs: number): void {
  if (format !== 0 && format !== 1) throw damaged('head', `indexToLocFormat 为 ${format}`, `indexToLocFormat ${format}`);
  const step = format === 1 ? 4 : 2;
  const loca = need(tables, 'loca', step * (glyphs + 1));
  const glyf = tables.get('glyf')!;
  let last = 0;
  for (let g = 0; g <= glyphs; g++) {
    const at = loca.offset + step * g;
    const offset = step === 4 ? view.getUint32(at) : 2 * view.getUint16(at);
    if (offset < last || offset > glyf.length) throw damaged('loca', `第 ${g} 个字形的位置不对`, `glyph ${g}'s offset is out of order or past glyf's end`);
    last = offset;
  }
}
