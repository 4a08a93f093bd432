/**
 * `--font ROLE=FILE[#INDEX]` (compose, export): a font file used for a role (宋 song, 黑 hei, 楷 kai,
 * 仿宋 fangsong, 标宋 biaosong: every style set in that role) or for one style (headline, body, …).
 * Each file becomes a font source of its own, its face opened like a bundled one; the page's styles
 * are pointed at it, and a role is drawn in it wherever it is asked for (roleUses, the 栏头 too). A
 * wrong value is refused naming it, zh and en: a face with no Chinese characters too (every role and
 * style sets Chinese text).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { FontSource } from '../../src-core/fonts/provider';
import type { BanmianDocument, StyleName } from '../../src-core/model/document';
import { FAMILY_LABELS, STYLE_NAMES } from '../../src-core/model/styles';
import { readFontFile } from './installed';

export interface FontFiles {
  sources: FontSource[];
  /** Role or style name → the family key its file is registered under. */
  uses: { role: string; family: string }[];
}

const SPEC = /^([a-z]+)=(.+?)(?:#(\d+))?$/;

/** The `--font` values read and checked (the files' tables only); an error message when one is wrong. */
export function fontFiles(values: readonly string[]): FontFiles | { zh: string; en: string } {
  const out: FontFiles = { sources: [], uses: [] };
  for (const [n, value] of values.entries()) {
    const m = SPEC.exec(value);
    const role = m?.[1] ?? '';
    if (!m || !(Object.hasOwn(FAMILY_LABELS, role) || (STYLE_NAMES as readonly string[]).includes(role))) {
      return { zh: `--font ${value}：应为 角色=字体文件[#序号]，角色为 ${Object.keys(FAMILY_LABELS).join('、')} 或样式名 ${STYLE_NAMES.join('、')}`, en: `--font ${value}: expected ROLE=FILE[#INDEX], ROLE one of ${Object.keys(FAMILY_LABELS).join(', ')} or a style name (${STYLE_NAMES.join(', ')})` };
    }
    const [file, index] = [m[2], Number(m[3] ?? 0)];
    if (!existsSync(file)) return { zh: `--font ${value}：找不到字体文件 ${file}`, en: `--font ${value}: no font file ${file}` };
    let faces;
    try {
      faces = readFontFile(file);
    } catch (e) {
      return { zh: `--font ${value}：${file} 不是可读的字体文件（${(e as Error).message}）`, en: `--font ${value}: ${file} is not a readable font file (${(e as Error).message})` };
    }
    const face = faces.find((f) => f.index === index);
    if (!face) return { zh: `--font ${value}：${file} 只有 ${faces.length} 个字样（序号从 0 起）`, en: `--font ${value}: ${file} has ${faces.length} faces (counted from 0)` };
    // Every role and style sets Chinese text: a face without ideographs would draw each one from the fallback chain.
    if (face.coverage.cjkIdeographs === 0) return noHan(value, file, face.postscriptName, role);
    const family = `file-${n + 1}`;
    out.sources.push({ name: { zh: `字体文件 ${file}`, en: `the font file ${file}` }, faces: () => [{ id: `${family}-regular`, family, bold: false, index, label: { zh: face.familyZh ?? face.family, en: face.family }, bytes: () => readFileSync(file) }] });
    out.uses.push({ role, family });
  }
  return out;
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

/** The page with its styles set in the given files: a style named, or every style in a role named. */
export function withFontFiles(doc: BanmianDocument, uses: FontFiles['uses']): BanmianDocument {
  const styles = { ...doc.page.styles };
  for (const { role, family } of uses) {
    for (const name of Object.keys(styles) as StyleName[]) {
      if (name === role || styles[name].family === role) styles[name] = { ...styles[name], family };
    }
  }
  return { ...doc, page: { ...doc.page, styles } };
}
