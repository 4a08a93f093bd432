import type { FaceRole } from './document';
import { FAMILY_LABELS } from './styles';
import type { Checker } from './validate';

/**
 * A font a page's styles used when it was saved, beyond the bundled roles (an installed or licensed
 * face): so a machine without it can say which font is missing, draw with the role's bundled face
 * meanwhile, and keep the choice when the page is saved again.
 */
export interface PageFont {
  /** The family key the styles name (e.g. 'sys-fzshusong'). */
  family: string;
  /** Which of the family's two faces (a style's bold). */
  bold: boolean;
  /** How the picker named the family, zh and en: what the notice calls the missing font. */
  name: { zh: string; en: string };
  postscriptName: string;
  /** The bundled role whose face draws it where it is missing. */
  role: FaceRole;
  /** The face's content hash (fontHash): the same name with other bytes is another font. */
  hash: string;
}

/** Bounds on the record, so a damaged file cannot make an open slow. */
export const PAGE_FONT_LIMITS = { fonts: 64, text: 200 } as const;
export const FACE_ROLES = Object.keys(FAMILY_LABELS) as FaceRole[];
const HASH = /^[0-9a-f]{16}$/;

/** Checks `page.fonts` (optional: pages saved before it have none), every field named. */
export function checkPageFonts(c: Checker, fonts: unknown): void {
  if (fonts === undefined || !c.array('page.fonts', fonts)) return;
  if (fonts.length > PAGE_FONT_LIMITS.fonts) c.fail('page.fonts', `${fonts.length}`, `超过 ${PAGE_FONT_LIMITS.fonts} 种字体`, `more than ${PAGE_FONT_LIMITS.fonts} fonts`);
  (fonts as PageFont[]).slice(0, PAGE_FONT_LIMITS.fonts).forEach((f, i) => {
    const p = `page.fonts[${i}]`;
    if (!c.object(p, f)) return;
    if (c.text(`${p}.family`, f.family, PAGE_FONT_LIMITS.text) && !f.family.trim()) c.fail(`${p}.family`, f.family, '应为字体名称', 'must name a font family');
    c.boolean(`${p}.bold`, f.bold);
    if (c.object(`${p}.name`, f.name)) {
      c.text(`${p}.name.zh`, f.name.zh, PAGE_FONT_LIMITS.text);
      c.text(`${p}.name.en`, f.name.en, PAGE_FONT_LIMITS.text);
    }
    c.text(`${p}.postscriptName`, f.postscriptName, PAGE_FONT_LIMITS.text);
    c.oneOf(`${p}.role`, f.role, FACE_ROLES);
    if (typeof f.hash !== 'string' || !HASH.test(f.hash)) c.fail(`${p}.hash`, f.hash, '应为 16 位十六进制的内容校验值', 'must be a content hash of 16 hex digits');
  });
}
