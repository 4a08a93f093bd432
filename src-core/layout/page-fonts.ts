import type { BanmianDocument, StyleName } from '../model/document';
import { FACE_ROLES, type PageFont } from '../model/page-fonts';
import { fontHash, roleOf } from '../fonts/font-identity';
import type { FontRegistry } from '../fonts/registry';
import { proofParagraphs } from '../model/richtext';
import { paragraphStyleName, resolveStyle, styleSetsText } from '../model/styles';
import { spanTextStyle } from './flowables';
import { COLUMN_HEAD_FACE } from './titles';

/**
 * The fonts a page records (PageSettings.fonts): which faces beyond the bundled roles its styles
 * use, taken when it is saved; which of them this machine lacks when it is opened; and the role
 * whose bundled face draws each one meanwhile (layout sets it), so the choice stays in the page.
 */

/** Every family and weight the page's styles (with their fallback faces), the articles' overrides and the runs' own faces set text in. */
export function facesUsed(doc: BanmianDocument): { family: string; bold: boolean }[] {
  const seen = new Map<string, { family: string; bold: boolean }>();
  const add = (family: string, bold: boolean) => seen.set(`${family}\u0000${bold}`, { family, bold });
  for (const [name, style] of Object.entries(doc.page.styles)) {
    // A style no text is set in (an unused 编者按, the 短稿主题 face) needs no face fetched or recorded.
    if (!styleSetsText(doc.articles, name as StyleName)) continue;
    add(style.family, style.bold);
    // A style's fallback faces draw its 生僻字: the page uses them too (fetched, recorded).
    for (const family of style.fallback ?? []) add(family, style.bold);
    for (const a of doc.articles) {
      const o = a.styleOverrides?.[name as keyof typeof doc.page.styles];
      if (o && (o.family !== undefined || o.bold !== undefined)) add(o.family ?? style.family, o.bold ?? style.bold);
      for (const family of o?.fallback ?? []) add(family, o?.bold ?? style.bold);
    }
  }
  for (const a of doc.articles) {
    // a 栏头 is drawn in its own face, not a page style's
    if (a.column?.trim()) add(COLUMN_HEAD_FACE.family, COLUMN_HEAD_FACE.bold);
    for (const p of proofParagraphs(a.body)) {
      const style = resolveStyle(doc.page, paragraphStyleName(p), a.styleOverrides);
      for (const span of p.spans) if (span.face) add(span.face.family, spanTextStyle(style, span).bold);
    }
  }
  return [...seen.values()];
}

const isRole = (family: string): boolean => (FACE_ROLES as string[]).includes(family);

/**
 * The page's record as it is saved: each non-role face its styles use, read from the registry
 * when this machine has it, else kept from the page's old record (so a page saved where a font is
 * missing keeps naming it). Undefined when the page uses the bundled roles only.
 */
export function recordPageFonts(doc: BanmianDocument, fonts: FontRegistry): PageFont[] | undefined {
  const old = new Map((doc.page.fonts ?? []).map((f) => [`${f.family}\u0000${f.bold}`, f]));
  const out: PageFont[] = [];
  for (const { family, bold } of facesUsed(doc)) {
    if (isRole(family)) continue;
    const face = fonts.hasFamily(family) ? fonts.face({ family, bold }) : undefined;
    if (face && face.family === family) {
      const { zh, en } = fonts.familyLabel(family);
      const name = { zh, en };
      out.push({ family, bold: face.bold, name, postscriptName: face.postscriptName, role: roleOf([name.zh, name.en, face.postscriptName]), hash: fontHash(face.bytes) });
    } else {
      const kept = old.get(`${family}\u0000${bold}`) ?? [...old.values()].find((f) => f.family === family);
      if (kept) out.push(kept);
    }
  }
  const unique = new Map(out.map((f) => [`${f.family}\u0000${f.bold}`, f]));
  return unique.size ? [...unique.values()] : undefined;
}

/** The page with its font record brought up to date (what a save writes). */
export function withRecordedFonts(doc: BanmianDocument, fonts: FontRegistry): BanmianDocument {
  const recorded = recordPageFonts(doc, fonts);
  const { fonts: _old, ...page } = doc.page;
  return { ...doc, page: recorded ? { ...page, fonts: recorded } : page };
}

/** A recorded font this machine lacks (`missing`), or has in other bytes (`changed`: another version or another font under the name). */
export interface AbsentFont {
  font: PageFont;
  kind: 'missing' | 'changed';
}

/** Each recorded font's role, for the registry to draw it with where it is missing (layout calls this). */
export function substituteRecorded(doc: BanmianDocument, fonts: FontRegistry): void {
  for (const font of doc.page.fonts ?? []) fonts.substitute(font.family, font.role);
}

/** The page's recorded fonts this registry lacks or has otherwise. */
export function absentPageFonts(doc: BanmianDocument, fonts: FontRegistry): AbsentFont[] {
  substituteRecorded(doc, fonts);
  const out: AbsentFont[] = [];
  for (const font of doc.page.fonts ?? []) {
    const face = fonts.hasFamily(font.family) ? fonts.face({ family: font.family, bold: font.bold }) : undefined;
    if (!face || face.family !== font.family) out.push({ font, kind: 'missing' });
    else if (face.bold === font.bold && fontHash(face.bytes) !== font.hash) out.push({ font, kind: 'changed' });
  }
  return out;
}

/** What opening the page says when some of its fonts are absent: which, and what draws them meanwhile. */
export function absentFontsNotice(absent: readonly AbsentFont[], fonts: FontRegistry): { zh: string; en: string } | undefined {
  const missing = absent.filter((a) => a.kind === 'missing');
  if (!missing.length) return undefined;
  const each = missing.map(({ font }) => ({ font, role: fonts.familyLabel(font.role) }));
  return {
    zh: `本机缺少版面所用的字体：${each.map(({ font, role }) => `“${font.name.zh}”${font.bold ? '（粗）' : ''}暂以${role.zh}代替`).join('；')}。保存时仍保留原字体。`,
    en: `This machine lacks fonts the page uses: ${each.map(({ font, role }) => `${font.name.en}${font.bold ? ' (bold)' : ''}, drawn in ${role.en} meanwhile`).join('; ')}. Saving keeps the page's fonts.`,
  };
}
