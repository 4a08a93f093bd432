import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFontProvider } from '../../src-core/fonts/provider';
import type { FontRegistry } from '../../src-core/fonts/registry';
import { layout } from '../../src-core/layout/layout';
import type { GlyphRun, PageLayout } from '../../src-core/layout/page-layout';
import { pageToSvg } from '../../src-core/svg/page-svg';
import { fontProvider } from '../../src-main/fonts/provider';
import { samplePage, samplePageInPageStyles } from '../../bench/pages';
import { launchChromium } from '../support/browser';
import { NOTO_CJK_DIR } from '../unit/test-fonts';
import { bundledAdvance, cssFamily, openSvgPage } from '../support/render-page';

describe('page SVG glyph positions', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lines written as runs (start x + letter-spacing) put every glyph at its typeset x', async () => {
    // in the page's styles: make-up's tracking levers (±0.03 em on some articles) split more lines into runs
    const pl = layout(samplePageInPageStyles(), { fonts: fontProvider().registry() });
    const exact = pageToSvg(pl, { fontFamily: cssFamily });
    const compact = pageToSvg(pl, { fontFamily: cssFamily, advance: bundledAdvance() });
    // The compact form is what the app draws; it must actually be compact, or this proves nothing:
    // most lines are one run, and none carries an x per glyph.
    // Scaled glyphs (joined dashes) are placed one by one by a transform either way.
    const lines = (compact.match(/<text [^>]*>.*?<\/text>/g) ?? []).filter((t) => !t.includes('transform='));
    expect(compact.length).toBeLessThan(exact.length * 0.8);
    expect(lines.filter((t) => / x="[\d.]+ /.test(t))).toEqual([]);
    expect(lines.filter((t) => !t.includes('<tspan')).length).toBeGreaterThan(lines.length * 0.7);
    expect(lines.filter((t) => t.includes('<tspan')).length).toBeGreaterThan(20);
    expect(lines.filter((t) => t.includes('letter-spacing')).length).toBeGreaterThan(10);
    const result = await measure(browser, pl, compact);
    expect(result.lines).toBe(result.expected);
    expect(result.glyphs).toBeGreaterThan(4000);
    // Page units are pt: every glyph within 0.02 pt (0.007 mm) of its typeset x; Chromium keeps
    // some advances to 1/64 of a unit (0.016). Written with dx or textLength instead of runs, it
    // rounds each step and the last glyphs of some lines end up 0.2 pt off.
    expect(result.worst, result.where).toBeLessThan(0.02);
  });

  it('so do lines of digits, Latin, dashes and brackets in every bundled face (宋, 黑, 楷, 标宋) and several sizes', async () => {
    const fonts = fontProvider().registry();
    const pl = layout(samplePage(), { fonts });
    // The bundled roles: 宋, 黑, 楷 (LXGW WenKai) and 标宋 (Noto Serif SC ExtraBold/Black), regular and bold.
    const items = testLines(fonts, ['song-regular', 'song-bold', 'hei-regular', 'hei-bold', 'kai-regular', 'kai-bold', 'biaosong-regular', 'biaosong-bold']);
    const page = { ...pl, items };
    const result = await measure(browser, page, pageToSvg(page, { fontFamily: cssFamily, advance: bundledAdvance() }));
    expect(result.lines).toBe(items.length);
    expect(result.glyphs).toBeGreaterThan(2000);
    expect(result.worst, result.where).toBeLessThan(0.02);
  });

  it('and in CFF faces of collections (Noto Serif/Sans CJK SC), handed to the browser as the one face a style uses', async () => {
    const cff = createFontProvider([{ name: { zh: '测试字体', en: 'the test fonts' }, faces: () => CFF_FACES.map(([id, file]) => ({ id, family: id, bold: id.endsWith('bold'), index: 2, bytes: () => new Uint8Array(readFileSync(`${NOTO_CJK_DIR}${file}`)) })) }]);
    const fonts = cff.registry();
    const items = testLines(fonts, CFF_FACES.map(([id]) => id));
    const page = { ...layout(samplePage(), { fonts: fontProvider().registry() }), items };
    const advance = (id: string) => {
      const face = fonts.faceById(id);
      return face && ((cp: number) => face.advance(cp));
    };
    const faces = new Map(CFF_FACES.map(([id]) => [id, cff.bytes(id)!]));
    const result = await measure(browser, page, pageToSvg(page, { fontFamily: cssFamily, advance }), faces);
    expect(result.faces).toEqual(CFF_FACES.map(([id]) => `${cssFamily(id)}:loaded`).sort());
    expect(result.lines).toBe(items.length);
    expect(result.glyphs).toBeGreaterThan(1000);
    expect(result.worst, result.where).toBeLessThan(0.02);
  });
});

/** Faces of Debian's CFF collections (face 2: SC), under ids of their own. */
const CFF_FACES: [string, string][] = [
  ['cjk-serif-regular', 'NotoSerifCJK-Regular.ttc'],
  ['cjk-serif-bold', 'NotoSerifCJK-Bold.ttc'],
  ['cjk-sans-regular', 'NotoSansCJK-Regular.ttc'],
  ['cjk-sans-bold', 'NotoSansCJK-Bold.ttc'],
];

/** Lines of digits, Latin, dashes and brackets in each face at three sizes: natural, justified, and with a compressed glyph. */
function testLines(fonts: FontRegistry, faces: readonly string[]): GlyphRun[] {
  const texts = ['2011年11月11日，“1111”', 'COVID-19 WiFi 100% iPhone', '（上接01版）——访涧西区', '《洛阳日报》：A1版、B2版…', 'ﬁ fi ffi 12:30 3.14'];
  const items: GlyphRun[] = [];
  let y = 20;
  for (const face of faces)
    for (const size of [7.5, 10.5, 24])
      for (const [k, text] of texts.entries()) {
        const f = fonts.faceById(face)!;
        const xs: number[] = [];
        let x = 10 + k;
        const extra = [0, 0.37, 0.37][k % 3];
        [...text].forEach((ch, i) => {
          xs.push(x);
          x += f.advance(ch.codePointAt(0)!) * size * (k === 2 && i === 4 ? 0.5 : 1) + extra;
        });
        items.push({ kind: 'glyphs', face, size, color: { c: 0, m: 0, y: 0, k: 1 }, y: (y += size * 1.5), text, xs, hScale: 1 });
      }
  return items;
}

/** Renders markup in Chromium and compares each glyph's position with where the layout put it. */
async function measure(browser: Browser, pl: PageLayout, svg: string, extraFaces?: ReadonlyMap<string, Uint8Array>) {
  // Where layout put each glyph, line by line in drawing order (pageToSvg draws the items in order).
  const expected = pl.items.flatMap((i) => (i.kind === 'glyphs' && i.hScale === 1 ? [{ text: i.text, y: i.y, xs: i.xs }] : []));
  const page = await openSvgPage(browser, svg, 800, 600, extraFaces);
  try {
    const result = await page.evaluate((expected) => {
      const texts = [...document.querySelectorAll('text:not([transform])')] as SVGTextElement[];
      let glyphs = 0;
      let worst = 0;
      let where = '';
      if (texts.length !== expected.length) return { lines: texts.length, glyphs, worst, where };
      texts.forEach((t, i) => {
        const e = expected[i];
        if (t.textContent !== e.text || t.getNumberOfChars() !== e.xs.length) {
          worst = Infinity;
          where = `${t.textContent} ≠ ${e.text}`;
          return;
        }
        for (let c = 0; c < e.xs.length; c++) {
          const p = t.getStartPositionOfChar(c);
          const d = Math.max(Math.abs(p.x - e.xs[c]), Math.abs(p.y - e.y));
          glyphs++;
          if (d > worst) [worst, where] = [d, `${t.getAttribute('font-family')} ${t.getAttribute('font-size')} ${e.text} #${c}`];
        }
      });
      return { lines: texts.length, glyphs, worst, where };
    }, expected);
    // Each face the markup names, as the browser holds it (a face it could not load is 'error').
    const faces = await page.evaluate(() => [...document.fonts].filter((f) => f.status !== 'unloaded').map((f) => `${f.family.replace(/"/g, '')}:${f.status}`).sort());
    return { ...result, faces, expected: expected.length };
  } finally {
    await page.close();
  }
}
