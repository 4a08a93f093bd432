/**
 * `--font ROLE=FILE[#INDEX]` (compose, export): a font file used for a role (宋 song, 黑 hei, 楷 kai,
 * 仿宋 fangsong, 标宋 biaosong: every style set in that role) or for one style (headline, body, …).
 * Each file becomes a font source of its own, its face opened like a bundled one; the page's styles
 * are pointed at it, and a role is drawn in it wherever it is asked for (roleUses, the 栏头 too). A
 * wrong value is refused naming it, zh and en: a face with no Chinese characters too (every role and
 * style sets Chinese text).
 */
import { readFileSync, statSync } from 'node:fs';
import type { FontSource } from '../../src-core/fonts/provider';
import type { Article, BanmianDocument, StyleName } from '../../src-core/model/document';
import { FAMILY_LABELS, STYLE_NAMES } from '../../src-core/model/styles';
import { FontInfoError, type FaceInfo } from '../../src-core/fonts/sfnt-info';
import { installedFamilyKey, readError, readFontFile } from './installed';

export interface FontFiles {
  sources: FontSource[];
  /** Role or style name → the family key its file is registered under. */
  uses: { role: string; family: string }[];
}

const SPEC = /^([a-z]+)=(.+?)(?:#(\d+))?$/;

/** The `--font` values read and checked (the files' tables only); an error message when one is wrong. */
export function fontFiles(values: readonly string[]): FontFiles | { zh: string; en: string } {
  const out: FontFiles = { sources: [], uses: [] };
  const keys = new Map<string, string>();
  for (const value of values) {
    const m = SPEC.exec(value);
    const role = m?.[1] ?? '';
    if (!m || !(Object.hasOwn(FAMILY_LABELS, role) || (STYLE_NAMES as readonly string[]).includes(role))) {
      return { zh: `--font ${value}：应为 角色=字体文件[#序号]，角色为 ${Object.keys(FAMILY_LABELS).join('、')} 或样式名 ${STYLE_NAMES.join('、')}`, en: `--font ${value}: expected ROLE=FILE[#INDEX], ROLE one of ${Object.keys(FAMILY_LABELS).join(', ')} or a style name (${STYLE_NAMES.join(', ')})` };
    }
    const [file, index] = [m[2], Number(m[3] ?? 0)];
    const faces = readFaces(file);
    if ('zh' in faces) return { zh: `--font ${value}：${faces.zh}`, en: `--font ${value}: ${faces.en}` };
    const face = faces.find((f) => f.index === index);
    if (!face) return { zh: `--font ${value}：${file} 只有 ${faces.length} 个字样（序号从 0 起）`, en: `--font ${value}: ${file} has ${faces.length} faces (counted from 0)` };
    // Every role and style sets Chinese text: a face without ideographs would draw each one from the fallback chain.
    if (face.coverage.cjkIdeographs === 0) return noHan(value, file, face.postscriptName, role);
    const family = familyKey(face, `${file}#${index}`, keys);
    if (!out.sources.some((s) => s.faces()[0].family === family)) {
      out.sources.push({ name: { zh: `字体文件 ${file}`, en: `the font file ${file}` }, faces: () => [{ id: `${family}-regular`, family, bold: false, index, label: { zh: face.familyZh ?? face.family, en: face.family }, bytes: () => readFileSync(file) }] });
    }
    out.uses.push({ role, family });
  }
  return out;
}

/** A file's faces, or why it cannot be read as a font: zh and en each in its own words, naming the file (a folder as a folder). */
function readFaces(file: string): FaceInfo[] | { zh: string; en: string } {
  try {
    if (statSync(file).isDirectory()) return { zh: `${file} 是文件夹，不是字体文件`, en: `${file} is a folder, not a font file` };
    return readFontFile(file);
  } catch (e) {
    if (e instanceof FontInfoError) return { zh: `${file} 不是可读的字体文件：${e.zh}`, en: `${file} is not a readable font file: it ${e.en}` };
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { zh: `找不到字体文件 ${file}`, en: `no font file ${file}` };
    const why = readError(e);
    return { zh: `字体文件 ${file} ${why.zh}`, en: `the font file ${file} ${why.en}` };
  }
}

/**
 * The family key a file's face is registered under: the font's own family name, keyed as an
 * installed family is (installedFamilyKey), so the page names it the same wherever it is opened
 * (and a machine that has it installed finds it); another face of the same family given too is
 * keyed with its style.
 */
function familyKey(face: FaceInfo, where: string, keys: Map<string, string>): string {
  let key = installedFamilyKey(face.family);
  if (keys.has(key) && keys.get(key) !== where) key = installedFamilyKey(`${face.family} ${face.style} ${face.index}`);
  keys.set(key, where);
  return key;
}

function noHan(value: string, file: string, face: string, role: string): { zh: string; en: string } {
  const isRole = Object.hasOwn(FAMILY_LABELS, role);
  return {
    zh: `--font ${value}：${file} 的字样 ${face} 没有汉字，不能用来排${isRole ? FAMILY_LABELS[role] : `样式 ${role}`}`,
    en: `--font ${value}: face ${face} of ${file} has no Chinese characters, so it cannot set ${isRole ? `the ${role} role` : `the style ${role}`}`,
  };
}

/** The uses that set a role (宋, 黑, …), not one style: the registry draws the role in the file's face wherever it is asked for. */
export function roleUses(uses: FontFiles['uses']): FontFiles['uses'] {
  return uses.filter(({ role }) => Object.hasOwn(FAMILY_LABELS, role));
}

/**
 * The page with its styles set in the given files: a style named, or every style in a role named;
 * and the articles' overrides of those styles alike (make-up gives each headline but the first a
 * face of its own by rank): an override of a named style that sets a family, or one that names the
 * role's family, is set in the file too.
 */
export function withFontFiles(doc: BanmianDocument, uses: FontFiles['uses']): BanmianDocument {
  if (!uses.length) return doc;
  const styles = { ...doc.page.styles };
  for (const name of Object.keys(styles) as StyleName[]) styles[name] = { ...styles[name], family: familyIn(name, styles[name].family, uses) };
  const articles = doc.articles.map((a) => (a.styleOverrides ? { ...a, styleOverrides: overridesIn(a.styleOverrides, uses) } : a));
  return { ...doc, page: { ...doc.page, styles }, articles };
}

/** The family a style (or an override of it) naming `family` is set in: each use in turn that names the style or the family it has reached. */
function familyIn(name: StyleName, family: string, uses: FontFiles['uses']): string {
  for (const use of uses) if (use.role === name || use.role === family) family = use.family;
  return family;
}

type Overrides = NonNullable<Article['styleOverrides']>;

function overridesIn(overrides: Overrides, uses: FontFiles['uses']): Overrides {
  const out: Overrides = { ...overrides };
  for (const [name, o] of Object.entries(overrides) as [StyleName, Overrides[StyleName]][]) {
    if (o?.family !== undefined) out[name] = { ...o, family: familyIn(name, o.family, uses) };
  }
  return out;
}
