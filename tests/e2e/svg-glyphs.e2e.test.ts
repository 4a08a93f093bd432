import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layout } from '../../src-core/layout/layout';
import { pageToSvg } from '../../src-core/svg/page-svg';
import { loadBundledFonts } from '../../src-main/fonts/bundled';
import { samplePage } from '../../bench/pages';
import { launchChromium } from '../support/browser';
import { bundledAdvance, cssFamily, openSvgPage } from '../support/render-page';

describe('page SVG glyph positions', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lines written as start x + letter-spacing + dx + textLength put every glyph where the x list does', async () => {
    const pl = layout(samplePage(), { fonts: loadBundledFonts() });
    const exact = pageToSvg(pl, { fontFamily: cssFamily });
    const compact = pageToSvg(pl, { fontFamily: cssFamily, advance: bundledAdvance() });
    // The compact form is what the app draws; it must actually be compact, or this proves nothing.
    expect(compact.length).toBeLessThan(exact.length * 0.8);
    // Scaled glyphs (joined dashes) are placed one by one by a transform either way.
    const texts = (compact.match(/<text [^>]*>/g) ?? []).filter((t) => !t.includes('transform='));
    expect(texts.filter((t) => / x="[\d.]+"/.test(t)).length).toBe(texts.length);
    expect(texts.filter((t) => / dx="/.test(t)).length).toBeGreaterThan(20);
    expect(texts.filter((t) => / dx="/.test(t)).length).toBeLessThan(texts.length / 3);
    const page = await openSvgPage(browser, exact + compact, 800, 600);
    try {
      const result = await page.evaluate(() => {
        const [a, b] = [...document.querySelectorAll('body > svg')].map((svg) => [...svg.querySelectorAll('text')] as SVGTextElement[]);
        let glyphs = 0;
        let worst = 0;
        let where = '';
        if (a.length !== b.length) return { lines: [a.length, b.length], glyphs, worst, where };
        a.forEach((ta, i) => {
          const tb = b[i];
          const n = ta.getNumberOfChars();
          if (tb.getNumberOfChars() !== n) {
            worst = Infinity;
            where = ta.textContent ?? '';
            return;
          }
          for (let c = 0; c < n; c++) {
            const pa = ta.getStartPositionOfChar(c);
            const pb = tb.getStartPositionOfChar(c);
            const d = Math.max(Math.abs(pa.x - pb.x), Math.abs(pa.y - pb.y));
            glyphs++;
            if (d > worst) [worst, where] = [d, `${ta.textContent} #${c}`];
          }
        });
        return { lines: [a.length, b.length], glyphs, worst, where };
      });
      expect(result.lines[0]).toBe(result.lines[1]);
      expect(result.glyphs).toBeGreaterThan(4000);
      // Page units are pt: every glyph within 0.05 pt (0.018 mm) of its typeset x. Without
      // textLength, Chromium's 1/64-unit advances put the last glyphs of a line 0.2 pt off.
      expect(result.worst, result.where).toBeLessThan(0.05);
    } finally {
      await page.close();
    }
  });
});
