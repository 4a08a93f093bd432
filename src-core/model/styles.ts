import type { Article, PageSettings, StyleName, StyleOverrides, TextStyle } from './document';
import { PARAGRAPH_STYLES, paragraphStyleOf, type PlainParagraph } from './richtext';

/** Every named style of a page, in the order panels list them (titles first, then the body flow). */
export const STYLE_NAMES: readonly StyleName[] = ['headline', 'minorHeadline', 'kicker', 'deck', 'byline', 'lead', 'editorsNote', 'body', 'subhead', 'caption', 'jump'];

/** The style a body paragraph is set in: 小标题 for a heading, its own paragraph style (编者按), else 正文. */
export const paragraphStyleName = (p: Pick<PlainParagraph, 'kind' | 'style'>): StyleName => (p.kind === 'heading' ? 'subhead' : (p.style ?? 'body'));

/** The editable fields of a style, in the order panels show them. */
export const STYLE_FIELDS: readonly (keyof TextStyle)[] = ['family', 'bold', 'size', 'lineHeight', 'align', 'tracking'];

/** Fields a style may leave out (a page style is whole without them), which overrides may set too. */
export const OPTIONAL_STYLE_FIELDS: readonly (keyof TextStyle)[] = ['fallback', 'lineShift'];

/** Styles set in the body flow on the page's grid: their line height is the grid pitch, not their own. */
export const GRID_STYLES: ReadonlySet<StyleName> = new Set(['body', 'subhead', 'lead', 'byline', 'jump', 'editorsNote']);

/**
 * 编者按: the editor's note opening a story, set in 楷 as dailies set it, at the body's size and on
 * its grid. A page saved before the style existed gets it from its own body style (`pageStyle`).
 */
export function editorsNoteStyle(body: TextStyle): TextStyle {
  return { family: 'kai', bold: false, size: body.size, lineHeight: body.lineHeight, align: 'justify', tracking: body.tracking };
}

/**
 * Styles added after pages were first saved (format version 1, which files with them still are):
 * how a page without one gets it, from its other styles. Nothing else of the page changes.
 */
export const ADDED_STYLES: Partial<Record<StyleName, (styles: PageSettings['styles']) => TextStyle>> = {
  editorsNote: (styles) => editorsNoteStyle(styles.body),
  minorHeadline: (styles) => minorHeadlineStyle(styles.headline),
};

/** Added styles made for pages that predate them, per styles object: the same style each time (caches key on it). */
const madeStyles = new WeakMap<PageSettings['styles'], Partial<Record<StyleName, TextStyle>>>();

/** The page's style `name`; a style the page predates is made from its other styles (ADDED_STYLES), once. */
export function pageStyle(page: Pick<PageSettings, 'styles'>, name: StyleName): TextStyle {
  const own = page.styles[name];
  if (own) return own;
  const make = ADDED_STYLES[name];
  if (!make) return page.styles.body;
  let made = madeStyles.get(page.styles);
  if (!made) madeStyles.set(page.styles, (made = {}));
  return (made[name] ??= make(page.styles));
}

/**
 * Whether text of these articles is set in style `name` (so the page needs its faces): every title
 * and body style is; a paragraph style (编者按) only where a paragraph names it; 短稿主题 never by
 * itself, since make-up hands its face to the 主题 as the article's override.
 */
export function styleSetsText(articles: readonly Pick<Article, 'body'>[], name: StyleName): boolean {
  if (FACE_ONLY_STYLES.has(name)) return false;
  if (!(PARAGRAPH_STYLES as readonly StyleName[]).includes(name)) return true;
  return articles.some((a) => a.body.content.some((p) => paragraphStyleOf(p.attrs) === name));
}

/** The page with every style it predates filled in (itself when it has them all): how an older page opens. */
export function withAddedStyles<P extends Pick<PageSettings, 'styles'>>(page: P): P {
  const missing = (Object.keys(ADDED_STYLES) as StyleName[]).filter((name) => !page.styles[name]);
  if (!missing.length) return page;
  const styles = { ...page.styles };
  for (const name of missing) styles[name] = pageStyle(page, name);
  return { ...page, styles };
}

/**
 * 短稿主题: the face of the 主题 of the stories make-up ranks below the first three (the middle ones
 * and the briefs, 简讯), 黑 where the major stories' 主题 is 标宋, as dailies vary their headlines by
 * rank. Make-up gives these their sizes; this style gives only the face (`headlineFaceAtLevel`).
 */
export function minorHeadlineStyle(headline: TextStyle): TextStyle {
  return { family: 'hei', bold: false, size: headline.size, lineHeight: headline.lineHeight, align: headline.align, tracking: headline.tracking };
}

/** Make-up's rank level (0 the lead, 1 the next two, 2 the middle stories, 3 the briefs) from which a 主题 takes the 短稿主题 face. */
export const MINOR_HEADLINE_LEVEL = 2;

/** The face of a 主题 at make-up's rank `level`: the 主题 style's, or from MINOR_HEADLINE_LEVEL on the 短稿主题 style's (with its fallback faces). */
export function headlineFaceAtLevel(page: Pick<PageSettings, 'styles'>, level: number): Pick<TextStyle, 'family' | 'bold' | 'fallback'> {
  const style = pageStyle(page, level >= MINOR_HEADLINE_LEVEL ? 'minorHeadline' : 'headline');
  return style.fallback ? { family: style.family, bold: style.bold, fallback: style.fallback } : { family: style.family, bold: style.bold };
}

/** Styles that are a face only: the panel offers family and weight (the rest comes from the style they stand in for). */
const FACE_ONLY_STYLES: ReadonlySet<StyleName> = new Set(['minorHeadline']);

/** The fields a panel offers for a style (no line height where the grid sets it, the face alone for a face-only style). */
export function editableFields(name: StyleName): readonly (keyof TextStyle)[] {
  if (FACE_ONLY_STYLES.has(name)) return ['family', 'bold'];
  return GRID_STYLES.has(name) ? STYLE_FIELDS.filter((f) => f !== 'lineHeight') : STYLE_FIELDS;
}

export const STYLE_ALIGNS: readonly TextStyle['align'][] = ['justify', 'left', 'center', 'right'];

/**
 * Chinese names of the face families a newsroom uses (the registry keys are these English ones): 书宋
 * for body text, 标宋 and 黑体 for headlines, 楷体 for bylines and captions, 仿宋 for documents.
 */
export const FAMILY_LABELS: Record<string, string> = { song: '宋体', hei: '黑体', kai: '楷体', fangsong: '仿宋', biaosong: '标宋' };

/** Newsroom names of the styles (zh) with the English beside them. */
export const STYLE_LABELS: Record<StyleName, { zh: string; en: string }> = {
  headline: { zh: '主题', en: 'Headline' },
  minorHeadline: { zh: '短稿主题', en: 'Minor headline' },
  kicker: { zh: '引题', en: 'Kicker' },
  deck: { zh: '副题', en: 'Deck' },
  byline: { zh: '署名', en: 'Byline' },
  editorsNote: { zh: '编者按', en: "Editor's note" },
  lead: { zh: '电头', en: 'Lead' },
  body: { zh: '正文', en: 'Body' },
  subhead: { zh: '小标题', en: 'Subhead' },
  caption: { zh: '图片说明', en: 'Caption' },
  jump: { zh: '转版', en: 'Jump line' },
};

export const STYLE_FIELD_LABELS: Record<keyof TextStyle, { zh: string; en: string }> = {
  family: { zh: '字体', en: 'Face' },
  bold: { zh: '粗体', en: 'Bold' },
  size: { zh: '字号', en: 'Size' },
  lineHeight: { zh: '行高', en: 'Line height' },
  align: { zh: '对齐', en: 'Alignment' },
  tracking: { zh: '字距', en: 'Tracking' },
  fallback: { zh: '缺字替补字体', en: 'Fallback faces' },
  lineShift: { zh: '拉行/缩行', en: 'Lines gained or given back' },
};

/**
 * The style an article's text is set in: the page's named style with the article's local
 * overrides on top (InDesign's "style + local formatting"). Without overrides it is the page's own
 * object, so composition-cache keys and memo checks stay as cheap as before.
 */
export function resolveStyle(page: PageSettings, name: StyleName, overrides?: StyleOverrides): TextStyle {
  const base = pageStyle(page, name);
  const local = overrides?.[name];
  if (!local) return base;
  const out: TextStyle = { ...base };
  for (const field of [...STYLE_FIELDS, ...OPTIONAL_STYLE_FIELDS]) {
    const v = local[field];
    if (v !== undefined) (out as unknown as Record<string, unknown>)[field] = v;
  }
  // A bigger or smaller size without its own line height keeps the style's proportion of leading.
  if (local.size !== undefined && local.lineHeight === undefined) out.lineHeight = scaledLineHeight(base, local.size);
  return out;
}

/** The line height `style` would have at `size`, in the same proportion (to 0.1 pt). */
export function scaledLineHeight(style: TextStyle, size: number): number {
  return Math.round(((style.lineHeight * size) / style.size) * 10) / 10;
}

/**
 * The page settings that change when fields of a page style change: a new size without a line
 * height scales the line height with it, and the body style's size is the grid's character
 * (背景格), so the page's body size follows it.
 */
export function pageStyleChange(page: PageSettings, name: StyleName, fields: Partial<TextStyle>): Pick<PageSettings, 'styles'> & Partial<Pick<PageSettings, 'bodySize'>> {
  const current = pageStyle(page, name);
  const style: TextStyle = { ...current, ...fields };
  if (fields.size !== undefined && fields.lineHeight === undefined) style.lineHeight = name === 'body' ? fields.size : scaledLineHeight(current, fields.size);
  const styles = { ...page.styles, [name]: style };
  return name === 'body' && fields.size !== undefined ? { styles, bodySize: fields.size } : { styles };
}

/** The fields of `name` the article overrides with a value different from the page's style. */
export function overriddenFields(page: PageSettings, name: StyleName, overrides?: StyleOverrides): (keyof TextStyle)[] {
  const local = overrides?.[name];
  if (!local) return [];
  return STYLE_FIELDS.filter((f) => local[f] !== undefined && local[f] !== pageStyle(page, name)[f]);
}

/** The styles an article overrides at least one field of, in panel order. */
export function overriddenStyles(page: PageSettings, overrides?: StyleOverrides): StyleName[] {
  return overrides ? STYLE_NAMES.filter((n) => overriddenFields(page, n, overrides).length > 0) : [];
}

/** How many of the articles override at least one field of each style (the 样式 panel's count). */
export function overrideCounts(page: PageSettings, articles: readonly Pick<Article, 'styleOverrides'>[]): Record<StyleName, number> {
  const counts = Object.fromEntries(STYLE_NAMES.map((n) => [n, 0])) as Record<StyleName, number>;
  for (const a of articles) for (const name of overriddenStyles(page, a.styleOverrides)) counts[name]++;
  return counts;
}

/** One problem with a style value, in zh-CN and English (the field is named in both). */
export interface StyleFieldIssue {
  field: keyof TextStyle;
  zh: string;
  en: string;
}

/** Size limits shared by the page's styles and articles' overrides (the validator uses the same). */
export const STYLE_LIMITS = { size: [2, 400], lineHeight: [2, 800], tracking: [-0.5, 2], fallbackFaces: 8, familyLength: 200, lineShift: 200 } as const;

/**
 * Checks some fields of a style (a whole style, an override, or one edit from a panel). Unknown
 * fields are problems too, so a damaged file cannot smuggle keys into layout.
 */
export function checkStyleFields(fields: Record<string, unknown>): StyleFieldIssue[] {
  const issues: StyleFieldIssue[] = [];
  const fail = (field: keyof TextStyle, zh: string, en: string) => {
    const label = STYLE_FIELD_LABELS[field];
    issues.push({ field, zh: `${label.zh}${zh}`, en: `${label.en} ${en}` });
  };
  for (const [key, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    switch (key) {
      case 'family':
        if (typeof v !== 'string' || !v.trim()) fail('family', '应为字体名称', 'must name a font family');
        break;
      case 'bold':
        if (typeof v !== 'boolean') fail('bold', '应为是或否', 'must be true or false');
        break;
      case 'fallback':
        if (!isFallbackChain(v)) fail('fallback', `应为至多 ${STYLE_LIMITS.fallbackFaces} 个字体名称的列表`, `must be a list of at most ${STYLE_LIMITS.fallbackFaces} font family names`);
        break;
      case 'lineShift':
        if (!Number.isInteger(v) || Math.abs(v as number) > STYLE_LIMITS.lineShift) fail('lineShift', `应为 −${STYLE_LIMITS.lineShift} 到 ${STYLE_LIMITS.lineShift} 之间的整数行数`, `must be a whole number of lines between −${STYLE_LIMITS.lineShift} and ${STYLE_LIMITS.lineShift}`);
        break;
      case 'align':
        if (!STYLE_ALIGNS.includes(v as TextStyle['align'])) fail('align', '应为两端、居左、居中或居右', "must be 'justify', 'left', 'center' or 'right'");
        break;
      case 'size':
      case 'lineHeight':
      case 'tracking': {
        const [min, max] = STYLE_LIMITS[key];
        const unit = key === 'tracking' ? ' em' : ' pt';
        if (typeof v !== 'number' || !Number.isFinite(v)) fail(key, '应为数字', 'must be a number');
        else if (v < min || v > max) fail(key, `应在 ${min}${unit} 到 ${max}${unit} 之间（当前 ${v}${unit}）`, `must be between ${min}${unit} and ${max}${unit} (got ${v}${unit})`);
        break;
      }
      default:
        issues.push({ field: key as keyof TextStyle, zh: `未知的样式属性“${key}”`, en: `unknown style field '${key}'` });
    }
  }
  return issues;
}

const isFallbackChain = (v: unknown): boolean =>
  Array.isArray(v) && v.length <= STYLE_LIMITS.fallbackFaces && v.every((f) => typeof f === 'string' && f.trim() !== '' && f.length <= STYLE_LIMITS.familyLength);

/** Fields set to undefined: handed to `withOverride`, they clear those fields of an override (by default every field a style may have). */
export function clearedFields(fields: readonly (keyof TextStyle)[] = [...STYLE_FIELDS, ...OPTIONAL_STYLE_FIELDS]): Partial<TextStyle> {
  return Object.fromEntries(fields.map((f) => [f, undefined])) as Partial<TextStyle>;
}

/**
 * The overrides with `fields` of style `name` set (undefined values clear a field). Fields equal
 * to the page's style are not kept: an override that says what the style says is no override.
 * Returns undefined when nothing is overridden any more.
 */
export function withOverride(page: PageSettings, overrides: StyleOverrides | undefined, name: StyleName, fields: Partial<TextStyle>): StyleOverrides | undefined {
  const next: Partial<TextStyle> = { ...overrides?.[name] };
  const base = pageStyle(page, name);
  for (const [k, v] of Object.entries(fields) as [keyof TextStyle, unknown][]) {
    if (v === undefined || v === base[k]) delete next[k];
    else (next as Record<string, unknown>)[k] = v;
  }
  const out: StyleOverrides = { ...overrides };
  if (Object.keys(next).length) out[name] = next;
  else delete out[name];
  return Object.keys(out).length ? out : undefined;
}
