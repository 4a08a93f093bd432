import type { BanmianDocument, FormatName, GridSettings, PageSettings, StyleName, TextStyle } from './document';
import { FORMAT_VERSION } from './document';
import { editorsNoteStyle, minorHeadlineStyle } from './styles';
import { mmToPt } from './units';

interface Preset {
  widthMm: number;
  heightMm: number;
  columns: number;
  charsPerColumn: number;
}

/** 对开 broadsheet and 四开 tabloid, with the grids most Chinese dailies use on them. */
export const FORMAT_PRESETS: Record<Exclude<FormatName, 'custom'>, Preset> = {
  broadsheet: { widthMm: 390, heightMm: 546, columns: 8, charsPerColumn: 13 },
  tabloid: { widthMm: 273, heightMm: 390, columns: 5, charsPerColumn: 14 },
};

const style = (family: string, bold: boolean, size: number, lineHeight: number, align: TextStyle['align']): TextStyle => ({
  family, bold, size, lineHeight, align, tracking: 0,
});

/**
 * The faces as Chinese dailies set them: body in 宋, the 主题 in 标宋 (the 主题 of the stories make-up
 * ranks lower, 短稿主题, in 黑) and the titles of lower rank (引题, 副题, 小标题, 电头) in 黑, the byline (署名), the editor's note (编者按) and captions in 楷.
 * Each is a style field, so a page (or an article) changes it like any other.
 */
export function defaultStyles(bodySize: number): Record<StyleName, TextStyle> {
  const body = style('song', false, bodySize, bodySize, 'justify');
  const headline = style('biaosong', false, 24, 30, 'center');
  return {
    body,
    editorsNote: editorsNoteStyle(body),
    subhead: style('hei', false, bodySize, bodySize, 'left'),
    lead: style('hei', false, bodySize, bodySize, 'justify'),
    byline: style('kai', false, bodySize, bodySize, 'left'),
    jump: style('song', false, bodySize, bodySize, 'left'),
    headline,
    minorHeadline: minorHeadlineStyle(headline),
    kicker: style('hei', false, 12, 16, 'center'),
    deck: style('hei', false, 12, 16, 'center'),
    caption: style('kai', false, 7.5, 10, 'justify'),
  };
}

/** The side margin that centres a character grid (背景格) on a page `width` wide. */
export function centredSideMargin(width: number, grid: Pick<GridSettings, 'columns' | 'charsPerColumn' | 'gutterChars'>, bodySize: number): number {
  const gridWidth = (grid.columns * grid.charsPerColumn + (grid.columns - 1) * grid.gutterChars) * bodySize;
  return (width - gridWidth) / 2;
}

/**
 * The page switched to a preset format (版面设置 → 开本): its size and the preset's columns and
 * characters per column, centred between the side margins; body size, gutter, top and bottom stay.
 */
export function withPresetFormat(page: PageSettings, name: Exclude<FormatName, 'custom'>): Pick<PageSettings, 'format' | 'margins' | 'grid'> {
  const preset = FORMAT_PRESETS[name];
  const width = mmToPt(preset.widthMm);
  const grid = { ...page.grid, columns: preset.columns, charsPerColumn: preset.charsPerColumn };
  const side = grid.mode === 'character' ? centredSideMargin(width, grid, page.bodySize) : page.margins.left;
  return {
    format: { name, width, height: mmToPt(preset.heightMm) },
    margins: { ...page.margins, left: side, right: grid.mode === 'character' ? side : page.margins.right },
    grid,
  };
}

/**
 * A page of the given format, its text area centred horizontally: with the character grid the
 * column widths are whole characters, so the margins follow from the grid, as in 方正飞腾.
 */
export function defaultPage(format: Exclude<FormatName, 'custom'> = 'broadsheet'): PageSettings {
  const preset = FORMAT_PRESETS[format];
  const bodySize = 9;
  const gutterChars = 1;
  const width = mmToPt(preset.widthMm);
  const height = mmToPt(preset.heightMm);
  const side = centredSideMargin(width, { columns: preset.columns, charsPerColumn: preset.charsPerColumn, gutterChars }, bodySize);
  return {
    format: { name: format, width, height },
    margins: { top: mmToPt(16), bottom: mmToPt(14), left: side, right: side },
    bodySize,
    leading: 3,
    grid: { mode: 'character', columns: preset.columns, charsPerColumn: preset.charsPerColumn, gutterChars, gutter: bodySize },
    header: {
      paperName: '',
      date: '',
      pageNumber: '',
      section: '',
      editor: '',
      proofreader: '',
      layoutEditor: '',
      height: mmToPt(14),
    },
    styles: defaultStyles(bodySize),
    typeset: {
      indent: 2,
      hanLatinSpace: 0.25,
      maxExpansion: 0.25,
      compressLineStartOpening: false,
      compressLineEndClosing: false,
    },
    columnRules: true,
  };
}

export function emptyDocument(format: Exclude<FormatName, 'custom'> = 'broadsheet'): BanmianDocument {
  return { formatVersion: FORMAT_VERSION, page: defaultPage(format), articles: [], images: [], blocks: [] };
}
