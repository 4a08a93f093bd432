import type { FontRegistry } from '../fonts/registry';
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
  for (const m of layout.glyphFallbacks ?? []) {
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
}
