import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { PageLayout } from '../../src-core/layout/page-layout';
import { pageToSvg } from '../../src-core/svg/page-svg';
import { BUNDLED_FACES, bundledFontPath } from '../../src-main/fonts/bundled';

/** CSS family name for a bundled face id ('song-regular' → 'bm-song-regular'). */
export const cssFamily = (faceId: string): string => `bm-${faceId}`;

let fontCss: string | undefined;
function fontFaces(): string {
  fontCss ??= BUNDLED_FACES.map((f) => {
    const id = `${f.family}-${f.bold ? 'bold' : 'regular'}`;
    const data = readFileSync(bundledFontPath(f.module)).toString('base64');
    return `@font-face{font-family:'${cssFamily(id)}';src:url(data:font/ttf;base64,${data}) format('truetype');}`;
  }).join('\n');
  return fontCss;
}

/** Renders a PageLayout through the same SVG the app shows, in headless Chromium, to a PNG. */
export async function renderLayoutPng(browser: Browser, layout: PageLayout, scale = 1, guides = false): Promise<Buffer> {
  const svg = pageToSvg(layout, { fontFamily: cssFamily, guides });
  const page = await browser.newPage({ viewport: { width: Math.ceil((layout.width * 96) / 72 * scale), height: Math.ceil((layout.height * 96) / 72 * scale) }, deviceScaleFactor: 1 });
  try {
    await page.setContent(`<!doctype html><html><head><style>${fontFaces()} html,body{margin:0} svg{display:block;width:${(layout.width * 96) / 72 * scale}px;height:auto}</style></head><body>${svg}</body></html>`);
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    return await page.screenshot({ fullPage: true });
  } finally {
    await page.close();
  }
}
