import type { Browser, Page } from 'playwright-core';
import type { PageLayout } from '../../src-core/layout/page-layout';
import { pageToSvg } from '../../src-core/svg/page-svg';
import { fontProvider } from '../../src-main/fonts/provider';

/** CSS family name for a face id ('song-regular' → 'bm-song-regular'). */
export const cssFamily = (faceId: string): string => `bm-${faceId}`;

const ORIGIN = 'http://banmian.test';
const faces = fontProvider().faces();
const fontCss = faces.map((f) => `@font-face{font-family:'${cssFamily(f.id)}';src:url(${ORIGIN}/fonts/${f.id}.ttf) format('truetype');}`).join('\n');

/**
 * Opens a page of SVG markup in headless Chromium, with the provider's faces (and `extraFaces`, by id)
 * declared under the families pageToSvg names (served from their files: 50 MB of base64 data: URLs is slow to parse).
 */
export async function openSvgPage(browser: Browser, svg: string, cssWidth: number, viewportHeight: number, extraFaces: ReadonlyMap<string, Uint8Array> = new Map()): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: Math.ceil(cssWidth), height: Math.ceil(viewportHeight) }, deviceScaleFactor: 1 });
  // Faces beyond the provider's (a test's own, such as a CFF face of a collection), declared and served the same way.
  const extraCss = [...extraFaces.keys()].map((id) => `@font-face{font-family:'${cssFamily(id)}';src:url(${ORIGIN}/fonts/${id}.ttf);}`).join('\n');
  await page.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const font = /^\/fonts\/([a-z0-9-]+)\.ttf$/.exec(url.pathname);
    if (font) {
      const bytes = extraFaces.get(font[1]) ?? fontProvider().bytes(font[1]);
      if (!bytes) return route.fulfill({ status: 404 });
      return route.fulfill({ status: 200, contentType: 'font/ttf', body: Buffer.from(bytes) });
    }
    return route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html><head><style>${fontCss}\n${extraCss} html,body{margin:0} svg{display:block;width:${cssWidth}px;height:auto}</style></head><body>${svg}</body></html>`,
    });
  });
  await page.goto(`${ORIGIN}/page.html`);
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  return page;
}

/** The advances of the provider's faces, as the app hands them to pageToSvg. */
export function bundledAdvance(): (face: string) => ((cp: number) => number) | undefined {
  const fonts = fontProvider().registry();
  return (id) => {
    const face = fonts.faceById(id);
    return face && ((cp) => face.advance(cp));
  };
}

/** Renders a PageLayout through the same SVG the app shows, in headless Chromium, to a PNG. */
export async function renderLayoutPng(browser: Browser, layout: PageLayout, scale = 1, guides = false): Promise<Buffer> {
  // Lines written as the app writes them: start x, letter-spacing and corrections (page-svg glyphX).
  const svg = pageToSvg(layout, { fontFamily: cssFamily, guides, advance: bundledAdvance() });
  const cssWidth = ((layout.width * 96) / 72) * scale;
  const page = await openSvgPage(browser, svg, cssWidth, (layout.height * 96 * scale) / 72);
  try {
    return await page.screenshot({ fullPage: true });
  } finally {
    await page.close();
  }
}
