import type { GlyphRun, LayoutItem, PageLayout } from '../../src-core/layout/page-layout';
import { cmykToCss, pageToSvg, type SvgOptions } from '../../src-core/svg/page-svg';

/**
 * The overview's page thumbnail. A card is at least CARD_MIN_PX wide (the grid's column), so its
 * thumbnail at least THUMB_MIN_PX (less the card's padding and the thumbnail's border).
 */
export const CARD_MIN_PX = 220;
const THUMB_MIN_PX = CARD_MIN_PX - 2 * 8 - 2;

/** Text drawn smaller than this on the smallest thumbnail cannot be read there: it is drawn as grey lines. */
const LEGIBLE_PX = 4;

/** How much of the em a greyed line covers, from its top below the em box's top: about the Han glyphs' ink. */
const BAR_TOP = 0.78;
const BAR_HEIGHT = 0.62;

/** A glyph run too small to read on the thumbnail (horizontal runs only: 竖排 titles stay text). */
function greyed(item: LayoutItem, minSize: number): item is GlyphRun {
  return item.kind === 'glyphs' && !item.ys && item.size < minSize && item.xs.length > 0;
}

/** The run's ink as one subpath: from its first glyph to the end of its last (the last advance, else an em). */
function barPath(run: GlyphRun, advance: SvgOptions['advance']): string {
  const last = run.xs.length - 1;
  const adv = advance?.(run.face)?.([...run.text].at(-1)?.codePointAt(0) ?? 0);
  const end = run.xs[last] + (adv !== undefined && Number.isFinite(adv) ? adv : 1) * run.size;
  const r = (v: number): string => (Math.round(v * 10) / 10).toString();
  return `M${r(run.xs[0])} ${r(run.y - BAR_TOP * run.size)}h${r(end - run.xs[0])}v${r(BAR_HEIGHT * run.size)}h${r(run.xs[0] - end)}z`;
}

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The page as the overview draws it: what is large enough to read on the thumbnail as the page draws
 * it (headlines, the header, pictures, rules), the small text (body, captions, jump lines) as grey
 * lines where its lines stand, as page-layout programs greek small text in their thumbnails. Drawing
 * every glyph of 16 pages (≈10,000 SVG text elements, ≈150,000 glyphs) was half of opening the
 * overview, for text 2 px high. The small text stays in the thumbnail as its description (<desc>,
 * one <text> a line): never drawn, so the browser makes no layout objects for it (a display="none"
 * group still cost 20,000 of them), and the thumbnail still carries the page's whole text.
 */
export function thumbnailSvg(layout: PageLayout, opts: SvgOptions): string {
  const minSize = (LEGIBLE_PX * layout.width) / THUMB_MIN_PX;
  const drawn: LayoutItem[] = [];
  const bars = new Map<string, string[]>();
  const text: string[] = [];
  for (const item of layout.items) {
    if (!greyed(item, minSize)) {
      drawn.push(item);
      continue;
    }
    const colour = cmykToCss(item.color);
    const paths = bars.get(colour) ?? [];
    paths.push(barPath(item, opts.advance));
    bars.set(colour, paths);
    text.push(`<text>${escapeText(item.text)}</text>`);
  }
  // grey lines: the ink's colour, lightened as small text looks from afar
  const greys = [...bars].map(([colour, d]) => `<path d="${d.join('')}" fill="${colour}" fill-opacity="0.45"/>`).join('');
  const undrawn = text.length ? `<desc class="thumb-text">${text.join('')}</desc>` : '';
  return pageToSvg({ ...layout, items: drawn }, { ...opts, overlay: greys + undrawn + (opts.overlay ?? '') });
}
