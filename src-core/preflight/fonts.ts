import { absentPageFonts } from '../layout/page-fonts';
import type { FontRegistry } from '../fonts/registry';
import type { BanmianDocument } from '../model/document';
import type { PageLayout } from '../layout/page-layout';
import type { PreflightIssue } from './preflight';

/** U+XXXX, as the messages name a character. */
export function codePointName(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * 生僻字 the chosen face lacks but a later face of the fallback chain has: set, on screen and in
 * the PDF, from that face — which the editor should know (another face's design in the line), so a
 * warning naming the character, both faces and where.
 */
export function checkGlyphFallbacks(layout: PageLayout, fonts: FontRegistry, where: (owner: string) => { zh: string; en: string }, issues: PreflightIssue[]): void {
  const name = (id: string) => fonts.faceById(id)?.postscriptName ?? id;
  const noHan = new Map<string, { via: string; chars: number; count: number }>();
  for (const m of layout.glyphFallbacks ?? []) {
    const face = fonts.faceById(m.face);
    if (face && fonts.familyLabel(face.family).noChinese) {
      // a face with no Chinese at all: said once, not once per character
      const seen = noHan.get(m.face) ?? { via: m.via!, chars: 0, count: 0 };
      noHan.set(m.face, { ...seen, chars: seen.chars + 1, count: seen.count + m.count });
      continue;
    }
    const at = where(m.owner);
    issues.push({
      code: 'glyph-fallback',
      severity: 'warning',
      articleId: m.owner || undefined,
      face: m.face,
      count: m.count,
      zh: `生僻字：“${m.char}”（${codePointName(m.char)}）字体 ${name(m.face)} 中没有，改用后备字体 ${name(m.via!)}，出现 ${m.count} 次（${at.zh}）`,
      en: `Rare character: “${m.char}” (${codePointName(m.char)}) is not in ${name(m.face)}; set in the fallback ${name(m.via!)}, ${m.count}× (${at.en})`,
    });
  }
  for (const [face, { via, chars, count }] of noHan) {
    issues.push({
      code: 'no-chinese-face',
      severity: 'warning',
      face,
      count,
      zh: `字体 ${name(face)} 没有汉字：用它的样式中 ${chars} 个汉字（共 ${count} 处）都改用后备字体 ${name(via)}，请为这些样式选用中文字体`,
      en: `The font ${name(face)} has no Chinese characters: ${chars} distinct characters (${count} in all) of the styles set in it come from the fallback ${name(via)}; choose a Chinese font for those styles`,
    });
  }
}

/**
 * The fonts the page recorded that this machine lacks (drawn meanwhile in their role's bundled
 * face; the page keeps naming them) or has in other bytes (another version: the lines may break
 * differently from where the page was made). Returns the families reported, so the style rule does
 * not report them again.
 */
export function checkRecordedFonts(doc: BanmianDocument, fonts: FontRegistry, issues: PreflightIssue[]): Set<string> {
  const reported = new Set<string>();
  for (const { font, kind } of absentPageFonts(doc, fonts)) {
    reported.add(font.family);
    const weight = font.bold ? { zh: '（粗）', en: ' (bold)' } : { zh: '', en: '' };
    const role = fonts.familyLabel(font.role);
    issues.push(
      kind === 'missing'
        ? {
            code: 'font-missing',
            severity: 'warning',
            face: font.family,
            zh: `本机缺少版面所用的字体“${font.name.zh}”${weight.zh}（${font.postscriptName}），暂以${role.zh}代替；保存时仍保留原字体`,
            en: `The font ${font.name.en}${weight.en} (${font.postscriptName}) the page uses is not on this machine; drawn in ${role.en} meanwhile, and kept when the page is saved`,
          }
        : {
            code: 'font-changed',
            severity: 'warning',
            face: font.family,
            zh: `本机的字体“${font.name.zh}”${weight.zh}（${font.postscriptName}）与版面保存时所用的文件不同（另一版本），行的断开可能不同`,
            en: `The font ${font.name.en}${weight.en} (${font.postscriptName}) on this machine is not the file the page was saved with (another version); lines may break differently`,
          },
    );
  }
  return reported;
}
