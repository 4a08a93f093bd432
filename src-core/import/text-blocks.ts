/**
 * Plain text → blocks: blank lines separate paragraphs; Markdown-style heading marks (#…) are kept
 * as a level hint; an indented line (two spaces or an ideographic space) also starts a paragraph;
 * a copy-desk labelled line (引题：…, 记者：…) is a paragraph of its own, since manuscripts stack
 * them without blank lines; the lines of one paragraph are joined (no space between CJK characters).
 */
import { titleLabel } from './labels';
import { joinWrappedLinesAt } from './ocr-text';
import type { SourceBlock } from './segment';

const HEADING_RE = /^\s*(#{1,6})\s*(.*)$/;
const INDENT_RE = /^(?:\u3000|\s{2,}|\t)/;

export function blocksFromText(text: string): SourceBlock[] {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: SourceBlock[] = [];
  let pending: { lines: string[]; level: number; line: number; gap: number } | undefined;
  let gap = 0;
  const flush = (): void => {
    if (!pending) return;
    if (pending.level > 0) {
      blocks.push({ spans: [{ text: pending.lines.map((l) => l.trim()).filter(Boolean).join(' ') }], level: pending.level, gapBefore: pending.gap, line: pending.line });
    } else {
      const { text, joints } = joinWrappedLinesAt(pending.lines);
      blocks.push({ spans: [{ text }], level: 0, gapBefore: pending.gap, line: pending.line, ...(joints.length ? { joints } : {}) });
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
    const h = line.match(HEADING_RE);
    if (h || titleLabel(line)) {
      flush();
      pending = { lines: [h ? h[2] : line], level: h ? h[1].length : 0, line: idx + 1, gap };
      flush();
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
