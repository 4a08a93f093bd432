import type { ArtShape, CmykColor, GlyphRun, LayoutItem, PageLayout } from '../layout/page-layout';

export interface SvgOptions {
  /** CSS font-family for a registry face id; the host declares it with @font-face from the same file the PDF embeds. */
  fontFamily: (faceId: string) => string;
  /** href for an image asset (data: or blob: URL), or undefined to draw a placeholder. */
  imageHref?: (imageId: string) => string | undefined;
  /** Extra markup drawn over the page (guides), already in page coordinates. */
  overlay?: string;
  /** Draw the page's grid lines and column guides. */
  guides?: boolean;
  /**
   * The advances of a registry face: code point → em (NaN when the face lacks it), or undefined for
   * an unknown face. With it, lines are written as runs from exact start xs with a letter-spacing
   * (see textSvg); without it, as one x per glyph.
   */
  advance?: (faceId: string) => ((cp: number) => number) | undefined;
}

const num = (v: number): string => (Math.round(v * 100) / 100).toString();

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

/** Screen colour of a CMYK ink (naive conversion; the PDF keeps the CMYK values). */
export function cmykToCss(c: CmykColor): string {
  const r = Math.round(255 * (1 - c.c) * (1 - c.k));
  const g = Math.round(255 * (1 - c.m) * (1 - c.k));
  const b = Math.round(255 * (1 - c.y) * (1 - c.k));
  return `rgb(${r},${g},${b})`;
}

/** Styled rules and frames: the strokes and dots layout resolved them to, exactly as the PDF draws them. */
function artSvg(shapes: ArtShape[], color: string): string {
  return shapes
    .map((sh) =>
      sh.kind === 'dot'
        ? `<circle cx="${num(sh.cx)}" cy="${num(sh.cy)}" r="${num(sh.r)}" fill="${color}"/>`
        : `<path d="${sh.ops.map(([op, ...v]) => op + v.map(num).join(' ')).join('')}" fill="none" stroke="${color}" stroke-width="${num(sh.width)}"/>`,
    )
    .join('');
}

const num3 = (v: number): string => (Math.round(v * 1000) / 1000).toString();

/**
 * A line of glyphs as an SVG <text>. One absolute x per glyph is exact but costly: Chromium then lays
 * out, paints and composites every glyph as a fragment of its own, and a keystroke changes a dozen
 * lines or more. Knowing the advances of the font file the browser draws with, the line is written
 * instead as runs: each run starts at its glyph's exact x and spaces its glyphs by their advances
 * plus the letter-spacing most gaps of the line share (justification). A new run starts wherever a
 * gap departs from that (compressed punctuation, a Han–Latin space), as a <tspan> with its own x,
 * so a plain justified line is one run. dx or textLength would also place the glyphs, but Chromium then
 * positions each glyph apart again (as slow as the x list) and rounds each step, up to 0.2 pt off
 * by the end of a line. tests/e2e/svg-glyphs.e2e.test.ts measures every glyph against its x.
 * Falls back to the x list when an advance is unknown.
 */
function textSvg(item: GlyphRun, attrs: string, advance: SvgOptions['advance']): string {
  const xs = item.xs;
  const chars = [...item.text];
  const list = (): string => `<text x="${xs.map(num).join(' ')}"${attrs}>${escapeText(item.text)}</text>`;
  const of = advance?.(item.face);
  if (!of || chars.length !== xs.length) return list();
  const adv: number[] = [];
  for (const ch of chars) adv.push(of(ch.codePointAt(0)!) * item.size);
  if (adv.some((a) => !Number.isFinite(a))) return list();
  // The gap most glyphs leave after their advance (to a thousandth of a point), then its exact mean.
  const gaps: number[] = [];
  const counts = new Map<number, number>();
  let common = 0;
  let best = 0;
  for (let i = 0; i + 1 < xs.length; i++) {
    const gap = xs[i + 1] - xs[i] - adv[i];
    gaps.push(gap);
    const key = Math.round(gap * 1000);
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n > best) [best, common] = [n, key / 1000];
  }
  const shared = gaps.filter((g) => Math.abs(g - common) <= 0.001);
  const spacing = shared.length ? shared.reduce((a, g) => a + g, 0) / shared.length : 0;
  // Runs: a new one wherever the gap before a glyph is not the shared one (within 0.0005 pt).
  const starts = [0];
  gaps.forEach((g, i) => Math.abs(g - spacing) > 0.0005 && starts.push(i + 1));
  const ls = Math.abs(spacing) >= 0.00005 ? ` letter-spacing="${Math.round(spacing * 10000) / 10000}"` : '';
  // The first run is the text's own; each further run is a <tspan> from its glyph's x.
  const runs = starts.map((from, k) => {
    const text = escapeText(chars.slice(from, starts[k + 1]).join(''));
    return k === 0 ? text : `<tspan x="${num3(xs[from])}">${text}</tspan>`;
  });
  return `<text x="${num3(xs[0])}"${ls}${attrs}>${runs.join('')}</text>`;
}

/**
 * A run of vertical text (竖排标题): each glyph at its own x and baseline y, a turned run's glyphs
 * turned 90° clockwise about their origins (the PDF's per-glyph text matrix).
 */
function verticalSvg(item: GlyphRun, family: string, fill: string, stroke: string): string {
  const ys = item.ys!;
  const turn = item.turned ? ' rotate(90)' : '';
  const scale = item.hScale !== 1 ? ` scale(${num(item.hScale)} 1)` : '';
  return [...item.text]
    .map((ch, i) => `<text transform="translate(${num(item.xs[i])} ${num(ys[i])})${turn}${scale}" font-family="${family}" font-size="${num(item.size)}" fill="${fill}"${stroke}>${escapeText(ch)}</text>`)
    .join('');
}

/** A synthetic bold's stroke (加粗), as the PDF draws it: the outlines stroked in the fill colour with round joins. */
function boldStrokeAttrs(item: GlyphRun, fill: string): string {
  return item.boldStroke ? ` stroke="${fill}" stroke-width="${num3(item.boldStroke)}" stroke-linejoin="round"` : '';
}

function itemSvg(item: LayoutItem, opts: SvgOptions): string {
  switch (item.kind) {
    case 'glyphs': {
      const fill = cmykToCss(item.color);
      const family = escapeAttr(opts.fontFamily(item.face));
      const stroke = boldStrokeAttrs(item, fill);
      if (item.ys) return verticalSvg(item, family, fill, stroke);
      if (item.hScale !== 1) {
        // Scaled glyphs (joined dashes) are drawn one by one, as the PDF does with Tz.
        return [...item.text]
          .map((ch, i) => `<text transform="translate(${num(item.xs[i])} ${num(item.y)}) scale(${num(item.hScale)} 1)" font-family="${family}" font-size="${num(item.size)}" fill="${fill}"${stroke}>${escapeText(ch)}</text>`)
          .join('');
      }
      return textSvg(item, ` y="${num(item.y)}" font-family="${family}" font-size="${num(item.size)}" fill="${fill}"${stroke}`, opts.advance);
    }
    case 'image': {
      const href = opts.imageHref?.(item.imageId);
      if (href && item.picture) {
        // A nested svg whose viewport is the frame clips the picture to it, as the PDF's clip path does.
        const p = item.picture;
        return (
          `<svg x="${num(item.x)}" y="${num(item.y)}" width="${num(item.width)}" height="${num(item.height)}" viewBox="${num(item.x)} ${num(item.y)} ${num(item.width)} ${num(item.height)}" overflow="hidden">` +
          `<image href="${escapeAttr(href)}" x="${num(p.x)}" y="${num(p.y)}" width="${num(p.width)}" height="${num(p.height)}" preserveAspectRatio="none"/></svg>`
        );
      }
      if (href) {
        return `<image href="${escapeAttr(href)}" x="${num(item.x)}" y="${num(item.y)}" width="${num(item.width)}" height="${num(item.height)}" preserveAspectRatio="xMidYMid slice"/>`;
      }
      const { x, y, width: w, height: h } = item;
      return `<g class="image-placeholder"><rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" fill="#e6e6e6" stroke="#999" stroke-width="0.5"/><path d="M${num(x)} ${num(y)}L${num(x + w)} ${num(y + h)}M${num(x + w)} ${num(y)}L${num(x)} ${num(y + h)}" stroke="#999" stroke-width="0.5"/></g>`;
    }
    case 'rule':
      // A styled rule's ink is the art item that follows it.
      if (item.style) return '';
      return `<line x1="${num(item.x1)}" y1="${num(item.y1)}" x2="${num(item.x2)}" y2="${num(item.y2)}" stroke="${cmykToCss(item.color)}" stroke-width="${num(item.width)}"/>`;
    case 'box': {
      // A styled frame's ink is the art item that follows the box: only the fill is drawn here.
      const stroke = item.stroke && !item.strokeStyle ? cmykToCss(item.stroke) : 'none';
      return `<rect x="${num(item.x)}" y="${num(item.y)}" width="${num(item.width)}" height="${num(item.height)}" fill="${item.fill ? cmykToCss(item.fill) : 'none'}" stroke="${stroke}" stroke-width="${num(item.strokeWidth)}"/>`;
    }
    case 'art':
      return `<g class="${item.of}-${item.style}">${artSvg(item.shapes, cmykToCss(item.color))}</g>`;
  }
}

/** The markup of some layout items without the page around them (style samples in the 样式 panel). */
export function itemsToSvg(items: readonly LayoutItem[], opts: SvgOptions): string {
  return items.map((item) => itemSvg(item, opts)).join('');
}

function guidesSvg(layout: PageLayout): string {
  const g = layout.grid;
  const parts: string[] = [];
  const height = g.rows > 0 ? (g.rows - 1) * g.pitch + g.bodySize : 0;
  for (let c = 0; c < g.columns; c++) {
    const x = g.left + c * (g.colWidth + g.gutter);
    parts.push(`<rect x="${num(x)}" y="${num(g.top)}" width="${num(g.colWidth)}" height="${num(height)}" fill="none" stroke="#6cf" stroke-width="0.3"/>`);
  }
  return `<g class="guides">${parts.join('')}</g>`;
}

/** OpenType features off wherever the window draws layout's glyphs (see pageToSvg). */
export const SVG_FONT_FEATURES = "'liga' 0,'clig' 0,'calt' 0,'kern' 0,'locl' 0,'ccmp' 0";

/**
 * The page as one SVG document: every glyph at the x PageLayout gives it, so the browser only
 * rasterises and never lays out. Ligatures and kerning are off for the same reason, and so are the
 * features that would give the browser other glyphs than the PDF's one cmap glyph per character:
 * 'locl' (Noto CJK's tabular digits under it) and 'ccmp' (which joins 「——」 into one glyph), and
 * Chromium's own CJK spacing (text-spacing-trim, text-autospace).
 */
export function pageToSvg(layout: PageLayout, opts: SvgOptions): string {
  const body = itemsToSvg(layout.items, opts);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${num(layout.width)} ${num(layout.height)}" width="${num(layout.width)}pt" height="${num(layout.height)}pt" ` +
    `style="font-kerning:none;font-variant-ligatures:none;font-feature-settings:${SVG_FONT_FEATURES};text-spacing-trim:space-all;text-autospace:no-autospace" text-rendering="geometricPrecision">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    (opts.guides ? guidesSvg(layout) : '') +
    body +
    (opts.overlay ?? '') +
    `</svg>`
  );
}
