/**
 * Plain text → blocks: blank lines separate paragraphs; Markdown-style heading marks (#…) are kept
 * as a level hint; an indented line (two spaces or an ideographic space) also starts a paragraph;
 * a copy-desk labelled line (引题：…, 记者：…), a line that is only a byline (本报记者 赵凯; names
 * only, 刘力 陈卓, right under a title line) or a picture placeholder ([图片]) is a paragraph of its own, since manuscripts stack them without
 * blank lines; a line end that is a paragraph end (`paragraphEnds`: one paragraph a line, a title
 * standing alone) starts one too; the lines of one paragraph are joined (no space between CJK
 * characters).
 */
import { titleLabel } from './labels';
import { endsInPunctuation } from './chars';
import { bylineLine, endsInPhotoCredit, imagePlaceholder, namesOnly, titleLike } from './roles';
import { paragraphEnds } from './line-breaks';
import { joinWrappedLinesAt } from './ocr-text';
import type { SourceBlock } from './segment';

const HEADING_RE = /^\s*(#{1,6})\s*(.*)$/;
const INDENT_RE = /^(?:\u3000|\s{2,}|\t)/;

/** Lines a placeholder's caption runs to, at most, and characters. */
const CAPTION_LINES = 4;
const CAPTION_CHARS = 150;

/** The caption under a placeholder line: the lines down to one ending in a photo credit (本报记者 王涛 摄), joined; none without the credit. */
function captionUnder(lines: string[], at: number): { text: string; lines: number } | undefined {
  for (let k = at + 1; k <= at + CAPTION_LINES && k < lines.length && lines[k].trim(); k++) {
    if (!endsInPhotoCredit(lines[k])) continue;
    const text = joinWrappedLinesAt(lines.slice(at + 1, k + 1)).text.replace(/\s+/g, ' ');
    return [...text].length <= CAPTION_CHARS ? { text, lines: k - at } : undefined;
  }
  return undefined;
}

/** A line that reads as a title over what follows: not indented, title-like, no comma, ending no sentence. */
function titleLine(line: string): boolean {
  return !INDENT_RE.test(line) && titleLike(line) && !/[，,]/.test(line) && !endsInPunctuation(line);
}

export function blocksFromText(text: string): SourceBlock[] {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: SourceBlock[] = [];
  let pending: { lines: string[]; level: number; line: number; gap: number } | undefined;
  let gap = 0;
  let skipTo = 0;
  const flush = (): void => {
    if (!pending) return;
    if (pending.level > 0) {
      blocks.push({ spans: [{ text: pending.lines.map((l) => l.trim()).filter(Boolean).join(' ') }], level: pending.level, gapBefore: pending.gap, line: pending.line });
    } else {
      // single line ends that are paragraph ends (one paragraph a line) split the block; hard wraps are joined
      let from = 0;
      for (const end of [...paragraphEnds(pending.lines), pending.lines.length - 1]) {
        const { text, joints } = joinWrappedLinesAt(pending.lines.slice(from, end + 1));
        blocks.push({ spans: [{ text }], level: 0, gapBefore: from === 0 ? pending.gap : 0, line: pending.line + from, ...(joints.length ? { joints } : {}) });
        from = end + 1;
      }
    }
    pending = undefined;
  };
  lines.forEach((raw, idx) => {
    const line = raw.replace(/^\uFEFF/, '');
    if (!line.trim()) {
      flush();
      gap++;
      return;
    }
    if (idx < skipTo) return;
    if (imagePlaceholder(line)) {
      // a picture placeholder; the lines under it down to a photo credit are its caption (OCR sets the caption under the picture)
      flush();
      const caption = captionUnder(lines, idx);
      blocks.push({ spans: [{ text: line.trim() }], level: 0, gapBefore: gap, line: idx + 1, ...(caption ? { caption: caption.text } : {}) });
      skipTo = idx + 1 + (caption?.lines ?? 0);
      gap = 0;
      return;
    }
    const h = line.match(HEADING_RE);
    // a labelled line, a line that is only a byline (本报记者 赵凯: under a headline, no blank line between) or a picture placeholder ([图片]) stands alone
    if (h || titleLabel(line) || bylineLine(line)) {
      flush();
      pending = { lines: [h ? h[2] : line], level: h ? h[1].length : 0, line: idx + 1, gap };
      flush();
      gap = 0;
      return;
    }
    // names only (刘力 陈卓) right under a title line, a blank line under them: the byline without its role word
    if (pending && pending.level === 0 && pending.lines.length === 1 && titleLine(pending.lines[0]) && namesOnly(line) && !lines[idx + 1]?.trim()) {
      flush();
      blocks.push({ spans: [{ text: line.trim() }], level: 0, styleRole: 'byline', gapBefore: 0, line: idx + 1 });
      gap = 0;
      return;
    }
    if (pending && (pending.level > 0 || INDENT_RE.test(line))) flush();
    if (!pending) {
      pending = { lines: [], level: 0, line: idx + 1, gap };
      gap = 0;
    }
    pending.lines.push(line);
  });
  flush();
  return blocks;
}
