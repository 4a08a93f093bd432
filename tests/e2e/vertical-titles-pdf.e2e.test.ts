/**
 * 竖排标题 from the desk to paper (issue #18, Tests: "竖排 headline checked in the PDF with
 * `pdftotext -bbox-layout`, glyphs stacked vertically"): an article's headline set vertical in 属性
 * and the page exported with 导出 PDF; poppler finds the headline's characters one under another in
 * one column, and on no line across.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { clientPoint, exportPrintPdf, frameOf, workspaceSession } from './workspace-support';
import { openHandPlacedPage } from './hand-placed-support';

const BLOCK = 'b-xie-feng';

interface Word {
  text: string;
  x: number;
  y: number;
  right: number;
  bottom: number;
}

/** Every word poppler finds on the first page, with its box (pt, y down). */
function pdfWords(pdf: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), right: Number(m[3]), bottom: Number(m[4]), text: m[5] }));
}

describe.skipIf(!chromiumAvailable())('竖排标题 in the exported PDF', () => {
  const session = workspaceSession({ width: 1600, height: 1000 });
  let page: Page;
  beforeAll(async () => {
    page = session.page;
    await openHandPlacedPage(session);
  });

  it('stacks the headline’s characters downwards in one column, and sets it across nowhere', async () => {
    const f = await frameOf(page, BLOCK);
    const p = await clientPoint(page, f.x + f.width / 2, f.y + f.height / 2);
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => page.getByTestId('selection').getAttribute('data-block')).toBe(BLOCK);
    const headline = (await page.getByTestId('block-article').textContent())!.trim();
    const han = [...headline].filter((c) => /\p{Script=Han}/u.test(c));
    expect(han.length).toBeGreaterThan(3);
    await page.getByTestId('prop-title-direction').selectOption('vertical');
    await expect.poll(() => page.locator('[data-testid="page"] svg text[transform^="translate"]').count()).toBeGreaterThan(3);
    await exportPrintPdf(page, 'vertical.pdf');

    const words = pdfWords(join(session.host.sandbox, 'vertical.pdf'));
    // poppler sees a vertical run as one word per glyph: columns of one-character words, read downwards.
    const columns = new Map<number, Word[]>();
    for (const w of words.filter((w) => [...w.text].length === 1)) {
      const at = Math.round(w.x);
      columns.set(at, [...(columns.get(at) ?? []), w]);
    }
    const read = [...columns.values()].map((c) => c.sort((a, b) => a.y - b.y));
    const column = read.find((c) => c.map((w) => w.text).join('').includes(han.join('')));
    expect(column, `no column of the PDF reads ${han.join('')} downwards`).toBeDefined();
    const glyphs = column!.filter((w) => han.includes(w.text));
    for (let i = 1; i < glyphs.length; i++) {
      expect(Math.abs(glyphs[i].x - glyphs[0].x)).toBeLessThan(1);
      // each lower than the last (poppler's boxes for turned-down glyphs are taller than their advance)
      expect(glyphs[i].y).toBeGreaterThan(glyphs[i - 1].y + 5);
    }
    // Across, the same characters are on no line of the page (the headline is not also set horizontally).
    expect(words.some((w) => w.text.includes(han.slice(0, 3).join('')))).toBe(false);
  });

  it('logged no errors', () => {
    expect(session.problems).toEqual([]);
  });
});
