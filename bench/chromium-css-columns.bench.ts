/**
 * Reference point for the engine: Chromium laying out the same ≈12,000-character page with CSS
 * columns, in the same font file and size (Noto Serif SC, 9 pt on a 12 pt pitch, 4-column blocks).
 * The time is style + layout of the whole page, forced with a width change, median of 30.
 */
import { plainText } from '../src-core/model/richtext';
import { fontProvider } from '../src-main/fonts/provider';
import { launchChromium, chromiumAvailable } from '../tests/support/browser';
import { fullTextPage } from './pages';
import { median, printFigure } from './stats';

if (!chromiumAvailable()) {
  console.log('chromium.css-columns: skipped (no /usr/bin/chromium)');
  process.exit(0);
}
const page = fullTextPage(12_000, 10);
const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const articles = page.articles
  .map((a) => `<article><h1>${escape(a.headline)}</h1>${plainText(a.body).split('\n').map((p) => `<p>${escape(p)}</p>`).join('')}</article>`)
  .join('');
const song = fontProvider().bytes('song-regular')!;
const browser = await launchChromium();
const tab = await browser.newPage();
await tab.route('http://bench.test/**', (route) =>
  route.request().url().endsWith('.ttf')
    ? route.fulfill({ body: Buffer.from(song), contentType: 'font/ttf' })
    : route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><style>@font-face{font-family:song;src:url(/song.ttf)}
          body{margin:0;font:9pt/12pt song;text-align:justify;line-break:strict;text-spacing-trim:normal}
          main{display:grid;grid-template-columns:1fr 1fr;width:999pt}
          article{column-count:4;column-gap:9pt;height:${23 * 12}pt;overflow:hidden}
          h1{font-size:24pt;line-height:30pt;column-span:all;text-align:center;margin:0}
          p{margin:0;text-indent:2em}
          main.alt{width:998pt}</style><main>${articles}</main>`,
      }),
);
await tab.goto('http://bench.test/page.html');
await tab.evaluate(() => document.fonts.ready);
const times = await tab.evaluate(() => {
  const main = document.querySelector('main')!;
  const out: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t = performance.now();
    main.classList.toggle('alt');
    void main.offsetHeight; // forces style and layout of the whole page
    out.push(performance.now() - t);
  }
  return out.slice(10);
});
await browser.close();
printFigure('chromium.css-columns.layout', median(times), 'ms', 'median of 30, same text, font and size; CSS columns, not our typesetting (reference point only)');
