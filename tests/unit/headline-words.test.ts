/**
 * Issue 19 item 4: a ragged line (headline) breaks between words, never inside one such as 减污降碳;
 * justified body lines are untouched. Checked from the layout's lines and from the exported PDF
 * (pdftotext), which is drawn from the same layout.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { handPlacedPage } from '../../bench/pages';
import { layout } from '../../src-core/layout/layout';
import type { BanmianDocument } from '../../src-core/model/document';
import { exportPdf } from '../../src-core/pdf';
import { wordInteriors } from '../../src-core/typeset/words';
import { fontProvider } from '../../src-main/fonts/provider';
import { sampleBodyLines } from '../fixtures/typeset/body-lines';

const fonts = fontProvider().registry();
const HEADLINE = '打造工业型历史文化名城减污降碳协同增效“洛阳样板”';
const tmp = mkdtempSync(join(tmpdir(), 'banmian-headline-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cps = (s: string): number[] => [...s].map((c) => c.codePointAt(0)!);
/** The text with | before each character a break may not come before (inside a word). */
function cuts(text: string): string {
  const inside = wordInteriors(cps(text), [...text].length);
  return [...text].map((c, i) => (inside[i] ? `|${c}` : c)).join('');
}

/** The wu-jinsong article alone, 4 columns wide: before word breaking its headline broke 名城减|污降碳. */
function headlinePage(): BanmianDocument {
  const doc = handPlacedPage();
  const blocks = doc.blocks.flatMap((b) => (b.kind === 'article' && b.articleId === 'wu-jinsong' ? [{ ...b, col: 0, span: 4 }] : []));
  return { ...doc, blocks };
}

describe('headlines break between words', () => {
  it('knows 减污降碳 and 名城 as words, which the segmenter alone cuts (名城|减|污|降|碳)', () => {
    const marked = cuts('名城减污降碳');
    expect(marked).toBe('名|城减|污|降|碳');
    const seg = new Intl.Segmenter('zh', { granularity: 'word' });
    expect([...seg.segment('名城减污降碳')].map((s) => s.segment)).toEqual(['名城', '减', '污', '降', '碳']);
  });

  it('counts in code points: a character outside the BMP before a phrase moves nothing', () => {
    const inside = wordInteriors(cps('𠮷，减污降碳'), 6);
    expect(inside.length).toBe(7);
    // 𠮷 0, ，1, 减 2 污 3 降 4 碳 5: a break before 污, 降 or 碳 cuts the word.
    expect([...inside]).toEqual([0, 0, 0, 1, 1, 1, 0]);
  });

  it('sets the issue headline at 4 columns as 名城 / 减污降碳 (was 名城减 / 污降碳)', () => {
    const pl = layout(headlinePage(), { fonts });
    const lines = pl.items.flatMap((i) => (i.kind === 'glyphs' && i.source?.owner === 'wu-jinsong' && i.source.field === 'headline' ? [i] : []));
    const byY = new Map<number, string>();
    for (const l of lines) byY.set(l.y, (byY.get(l.y) ?? '') + l.text);
    const texts = [...byY.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
    expect(texts.join('')).toBe(HEADLINE);
    expect(texts).toEqual(['打造工业型历史文化名城', '减污降碳协同增效“洛阳样板”']);
  });

  it('prints the same break in the PDF', async () => {
    const r = await exportPdf(layout(headlinePage(), { fonts }), { fonts, createdAt: new Date('2024-01-16T14:30:00Z') });
    if (!r.ok) throw new Error(r.en);
    const pdf = join(tmp, 'headline.pdf');
    writeFileSync(pdf, r.bytes);
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
    const lines = text.split('\n').map((l) => l.replace(/\s+/g, ''));
    const first = lines.indexOf('打造工业型历史文化名城');
    expect(first, text).toBeGreaterThanOrEqual(0);
    expect(lines[first + 1]).toBe('减污降碳协同增效“洛阳样板”');
  });

  it('leaves every body line of the sample page as it was set before word breaking (texts, baselines, xs)', () => {
    const before = readFileSync(fileURLToPath(new URL('../fixtures/typeset/sample-body-lines.txt', import.meta.url)), 'utf8').split('\n');
    const now = sampleBodyLines(fonts);
    expect(now.texts).toEqual(before.slice(1, -1));
    expect(now.sha256).toBe(before[0]);
  });
});
